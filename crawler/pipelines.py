"""Item pipelines, in the order data flows: validate → normalise → dedupe → score → store."""

from __future__ import annotations

from datetime import UTC, datetime

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from classifier import Scorer, load_scorer
from crawler.items import SourceListing
from crawler.normalise import is_http_url, to_listing
from crawler.storage import open_store
from jobsieve.listing import Listing
from jobsieve.text import MAX_FIELD_CHARS


class DropListing(DropItem):
    """A listing refused for a reason with a short code (counted in stats and stored)."""

    def __init__(self, reason: str, message: str, log_level: str = "WARNING") -> None:
        super().__init__(message, log_level=log_level)
        self.reason = reason


class ValidatePipeline:
    """Refuses items that cannot become a listing: no id, no title, no usable link back."""

    async def process_item(self, item: SourceListing) -> SourceListing:
        if not str(item.get("source_id") or "").strip():
            raise DropListing("missing_source_id", "listing has no id at its source")
        if not isinstance(item.get("title"), str) or not item["title"].strip():
            raise DropListing("missing_title", f"listing {item['source_id']} has no title")
        if not is_http_url(item.get("url")):
            raise DropListing(
                "invalid_url", f"listing {item['source_id']} has no http(s) URL: {item.get('url')!r}"
            )
        if len(item["title"]) > MAX_FIELD_CHARS:
            raise DropListing(
                "huge_title", f"listing {item['source_id']} has a title of {len(item['title'])} chars"
            )
        return item


class NormalisePipeline:
    """Turns a source item into a `Listing`: sanitised HTML and plain text, UTC dates, salary kept."""

    async def process_item(self, item: SourceListing) -> Listing:
        return to_listing(item, scraped_at=datetime.now(UTC))


class DedupePipeline:
    """Drops a listing already seen in this crawl (same id)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    async def process_item(self, listing: Listing) -> Listing:
        if listing.id in self.seen:
            raise DropListing("duplicate", f"listing {listing.id} was already seen in this crawl", "DEBUG")
        self.seen.add(listing.id)
        return listing


class ScorePipeline:
    """Adds the scam-risk assessment."""

    def __init__(self, scorer: Scorer) -> None:
        self.scorer = scorer

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ScorePipeline:
        return cls(load_scorer(offline=crawler.settings.getbool("JOBSIEVE_OFFLINE")))

    async def process_item(self, listing: Listing) -> Listing:
        listing.risk = self.scorer.score(listing.to_dict())
        return listing


class StorePipeline:
    """Upserts listings into the store in small batches, so a crawl's progress is kept as it goes."""

    def __init__(self, crawler: Crawler, batch_size: int) -> None:
        self.crawler = crawler
        self.store = open_store(crawler.settings["JOBSIEVE_DATABASE_URL"])
        self.batch_size = batch_size
        self.pending: list[Listing] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler, crawler.settings.getint("JOBSIEVE_STORE_BATCH_SIZE", 100))

    async def process_item(self, listing: Listing) -> Listing:
        self.pending.append(listing)
        if len(self.pending) >= self.batch_size:
            self.flush()
        return listing

    def close_spider(self) -> None:
        self.flush()

    def flush(self) -> None:
        assert self.crawler.stats is not None
        run_id = self.crawler.stats.get_value("jobsieve/run_id")
        written = self.store.upsert_listings(self.pending, run_id=run_id)
        self.crawler.stats.inc_value("jobsieve/stored", written)
        self.pending.clear()
