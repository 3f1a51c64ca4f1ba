"""The item every spider yields: a listing as the source gave it, before normalisation."""

from __future__ import annotations

import scrapy


class SourceListing(scrapy.Item):
    """One listing in source terms; `crawler.pipelines` turns it into a `jobsieve.listing.Listing`.

    Spiders fill in what their source has: `description_html` raw (may be entity-escaped), `posted_at`
    a `datetime` (naive means UTC), `employment_type` the source's own words, `remote` one of
    `jobsieve.listing.REMOTE_KINDS`.
    """

    source = scrapy.Field()
    source_id = scrapy.Field()
    url = scrapy.Field()
    apply_url = scrapy.Field()
    title = scrapy.Field()
    company = scrapy.Field()
    company_url = scrapy.Field()
    company_profile = scrapy.Field()
    description_html = scrapy.Field()
    description = scrapy.Field()
    requirements = scrapy.Field()
    benefits = scrapy.Field()
    location = scrapy.Field()
    remote = scrapy.Field()
    employment_type = scrapy.Field()
    salary_text = scrapy.Field()
    salary_min = scrapy.Field()
    salary_max = scrapy.Field()
    salary_currency = scrapy.Field()
    salary_period = scrapy.Field()
    posted_at = scrapy.Field()
    tags = scrapy.Field()
    has_company_logo = scrapy.Field()
    attribution = scrapy.Field()
