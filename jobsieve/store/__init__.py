"""The store: where listings, crawl runs and dropped listings are kept."""

from jobsieve.store.models import CrawlRun, DroppedListing, ListingRow
from jobsieve.store.store import Drop, Store

__all__ = ["CrawlRun", "Drop", "DroppedListing", "ListingRow", "Store"]
