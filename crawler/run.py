"""Run spiders in this process and say how each crawl went."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.utils.project import get_project_settings


def crawl(spider_names: Sequence[str], offline: bool, log_level: str = "INFO") -> int:
    """Crawl the named spiders (all when none is named); 0 when every crawl finished cleanly."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    settings = get_project_settings()
    settings.set("JOBSIEVE_OFFLINE", offline, priority="cmdline")
    settings.set("LOG_LEVEL", log_level, priority="cmdline")
    process = CrawlerProcess(settings)
    available = process.spider_loader.list()
    unknown = sorted(set(spider_names) - set(available))
    if unknown:
        print(
            f"jobsieve crawl: no spider named {', '.join(unknown)}; choose from {', '.join(available)}",
            file=sys.stderr,
        )
        return 2
    crawlers = [process.create_crawler(name) for name in spider_names or available]
    for crawler in crawlers:
        process.crawl(crawler)
    process.start()
    return 0 if all(_report(crawler) for crawler in crawlers) else 1


def _report(crawler: Crawler) -> bool:
    """Print one line about a finished crawl; True when it finished without errors."""
    assert crawler.stats is not None and crawler.spidercls is not None
    stats = crawler.stats.get_stats()
    reason = stats.get("finish_reason", "unknown")
    errors = stats.get("log_count/ERROR", 0)
    dropped = {
        key.removeprefix("jobsieve/dropped/"): n
        for key, n in stats.items()
        if key.startswith("jobsieve/dropped/")
    }
    drops = ", ".join(f"{n} {why}" for why, n in sorted(dropped.items())) or "none"
    print(
        f"{crawler.spidercls.name}: {reason}; {stats.get('item_scraped_count', 0)} listings stored, "
        f"dropped: {drops}; {errors} errors",
        flush=True,
    )
    return reason == "finished" and errors == 0
