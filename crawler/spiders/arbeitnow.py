"""Arbeitnow: a paged JSON API of jobs in Germany and remote, mostly in German and English."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.items import SourceListing
from crawler.spider import JobSourceSpider, from_epoch_seconds


class ArbeitnowSpider(JobSourceSpider):
    name = "arbeitnow"
    start_url = "https://www.arbeitnow.com/api/job-board-api"
    # Their terms: a free public API, "please do not abuse", linking back appreciated.
    attribution = "Arbeitnow"
    custom_settings = {"ARBEITNOW_MAX_PAGES": 5}

    def jobs(self, document: Any) -> Iterable[dict[str, Any]]:
        if not isinstance(document, dict) or not isinstance(document.get("data"), list):
            raise TypeError("expected a JSON object with a `data` array")
        return (record for record in document["data"] if isinstance(record, dict))

    def to_item(self, record: dict[str, Any]) -> SourceListing:
        return SourceListing(
            source=self.name,
            source_id=str(record["slug"]),
            url=record.get("url"),
            apply_url=record.get("url"),
            title=record.get("title"),
            company=record.get("company_name"),
            description_html=record.get("description") or "",
            location=record.get("location"),
            remote="fully_remote" if record.get("remote") is True else "on_site",
            employment_type=[str(kind) for kind in record.get("job_types") or []],
            tags=[str(tag) for tag in record.get("tags") or []],
            posted_at=from_epoch_seconds(record.get("created_at")),
            attribution=self.attribution,
        )

    def next_requests(self, response: Response, document: Any) -> Iterable[scrapy.Request]:
        links = document.get("links") if isinstance(document, dict) else None
        next_url = links.get("next") if isinstance(links, dict) else None
        page = response.meta.get("page", 1)
        if isinstance(next_url, str) and page < self.settings.getint("ARBEITNOW_MAX_PAGES"):
            yield response.follow(next_url, meta={"page": page + 1})
