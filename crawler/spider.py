"""The base of every job-source spider: live requests online, recorded responses offline."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

from crawler.items import SourceListing
from crawler.replay import BUNDLED_RECORDINGS, RECORDING_META_KEY, recordings_of


class JobSourceSpider(scrapy.Spider):
    """A spider for one job source whose responses are JSON documents of listings.

    Subclasses set `name`, `start_url` and `attribution`, and implement `jobs` (the listing records
    of one response) and `to_item` (one record to a `SourceListing`). `start_url` can be given as a
    spider argument (`scrapy crawl remoteok -a start_url=...`), e.g. for a mirror or a test server.
    """

    start_url: str
    attribution: ClassVar[str]

    @property
    def allowed_domains(self) -> list[str]:
        """Only the start URL's host (and its subdomains): a page can't lead the spider elsewhere."""
        return [urlsplit(self.start_url).hostname or ""]

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.settings.getbool("JOBSIEVE_OFFLINE"):
            root = Path(self.settings.get("JOBSIEVE_RECORDINGS_DIR") or BUNDLED_RECORDINGS)
            recordings = recordings_of(self.name, root)
            if not recordings:
                self.logger.warning(
                    "offline, but there are no recordings of %s in %s", self.name, root / self.name
                )
            for path in recordings:
                yield scrapy.Request(self.start_url, dont_filter=True, meta={RECORDING_META_KEY: str(path)})
        else:
            yield scrapy.Request(self.start_url)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[SourceListing | scrapy.Request]:
        where = response.meta.get(RECORDING_META_KEY, response.url)
        try:
            document = json.loads(response.body.decode("utf-8-sig"))
            records = list(self.jobs(document))
        except (UnicodeDecodeError, ValueError, TypeError, KeyError) as error:
            self._count_error("malformed_response", f"malformed response from {where}: {error}")
            return
        for record in records:
            try:
                yield self.to_item(record)
            except (TypeError, KeyError, ValueError, AttributeError) as error:
                self._count_error("malformed_record", f"malformed listing in {where}: {error!r}")
        yield from self.next_requests(response, document)

    def jobs(self, document: Any) -> Iterable[dict[str, Any]]:
        raise NotImplementedError

    def to_item(self, record: dict[str, Any]) -> SourceListing:
        raise NotImplementedError

    def next_requests(self, response: Response, document: Any) -> Iterable[scrapy.Request]:
        """Requests for further pages; none by default."""
        return ()

    def _count_error(self, kind: str, message: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"jobsieve/errors/{kind}")
        self.logger.error(message)


def from_epoch_seconds(value: Any) -> datetime | None:
    """A UTC datetime from epoch seconds, or None for missing or absurd values."""
    if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
        return None
    try:
        return datetime.fromtimestamp(value, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
