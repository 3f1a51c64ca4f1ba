"""Scrapy settings of the jobsieve crawler (https://docs.scrapy.org/en/latest/topics/settings.html).

jobsieve's own configuration comes from `jobsieve.config` (`JOBSIEVE_*` environment variables); the
`JOBSIEVE_*` Scrapy settings below carry it, and can be overridden per crawl with `-s`.
"""

from jobsieve.config import get_settings

_settings = get_settings()

BOT_NAME = "jobsieve"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Be polite: say who we are, obey robots.txt, one request at a time per site, and back off when it slows.
USER_AGENT = _settings.user_agent
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2
AUTOTHROTTLE_MAX_DELAY = 60
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOADER_MIDDLEWARES = {"crawler.replay.ReplayMiddleware": 950}
ITEM_PIPELINES = {
    "crawler.pipelines.ValidatePipeline": 100,
    "crawler.pipelines.NormalisePipeline": 200,
    "crawler.pipelines.DedupePipeline": 300,
    "crawler.pipelines.ScorePipeline": 400,
    "crawler.pipelines.StorePipeline": 500,
}
EXTENSIONS = {"crawler.runs.CrawlRunRecorder": 500}

JOBSIEVE_OFFLINE = _settings.offline
JOBSIEVE_RECORDINGS_DIR = str(_settings.recordings_dir) if _settings.recordings_dir else None
JOBSIEVE_DATABASE_URL = _settings.sqlalchemy_url
JOBSIEVE_STORE_BATCH_SIZE = 100

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
