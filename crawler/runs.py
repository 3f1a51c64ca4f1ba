"""Records every crawl as a run in the store, with its stats and its dropped listings."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy import Spider, signals
from scrapy.crawler import Crawler

from crawler.storage import open_store
from jobsieve.store import Drop, Store

DROP_BATCH_SIZE = 100


class CrawlRunRecorder:
    """Starts a run when the spider opens, keeps drops by reason, and closes the run with its stats."""

    def __init__(self, crawler: Crawler, store: Store) -> None:
        self.crawler = crawler
        self.store = store
        self.run_id: int | None = None
        self.drops: list[Drop] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlRunRecorder:
        recorder = cls(crawler, open_store(crawler.settings["JOBSIEVE_DATABASE_URL"]))
        crawler.signals.connect(recorder.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(recorder.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(recorder.spider_closed, signal=signals.spider_closed)
        return recorder

    def spider_opened(self, spider: Spider) -> None:
        self.run_id = self.store.start_run(
            spider.name, offline=self.crawler.settings.getbool("JOBSIEVE_OFFLINE")
        )
        self._stats.set_value("jobsieve/run_id", self.run_id)

    def item_dropped(self, item: Any, response: Any, exception: BaseException, spider: Spider) -> None:
        reason = getattr(exception, "reason", type(exception).__name__)
        self._stats.inc_value(f"jobsieve/dropped/{reason}")
        self.drops.append(Drop(spider.name, reason, str(exception), ItemAdapter(item).asdict()))
        if len(self.drops) >= DROP_BATCH_SIZE:
            self._flush_drops()

    def spider_closed(self, spider: Spider, reason: str) -> None:
        self._flush_drops()
        if self.run_id is not None:
            self.store.finish_run(self.run_id, reason, self._stats.get_stats())

    def _flush_drops(self) -> None:
        self.store.record_drops(self.drops, run_id=self.run_id)
        self.drops.clear()

    @property
    def _stats(self) -> Any:
        assert self.crawler.stats is not None
        return self.crawler.stats
