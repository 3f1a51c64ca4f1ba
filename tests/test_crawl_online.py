"""Online crawls over real HTTP: the recorded responses served by a local server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select

from crawler.replay import BUNDLED_RECORDINGS
from jobsieve.config import Settings
from jobsieve.store import CrawlRun, Store

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@dataclass
class Site:
    """A tiny job board: path (with query) → JSON body; everything it was asked, with the User-Agent."""

    pages: dict[str, bytes]
    robots: bytes = b"User-agent: *\nDisallow: /private/\n"
    requests: list[tuple[str, str]] = field(default_factory=list)


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    board = Site(pages={})

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            board.requests.append((self.path, self.headers.get("User-Agent", "")))
            body = board.robots if self.path == "/robots.txt" else board.pages.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body or b"{}")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield board, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def scrapy_crawl(spider: str, start_url: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("JOBSIEVE_")}
    env["JOBSIEVE_DATA_DIR"] = str(data_dir)
    # Polite delays stay on (AutoThrottle included), only shorter, to keep the test quick.
    command = [str(Path(sys.executable).parent / "scrapy"), "crawl", spider, "-a", f"start_url={start_url}"]
    command += ["-s", "DOWNLOAD_DELAY=0.1", "-s", "AUTOTHROTTLE_START_DELAY=0.1", "-s", "LOG_LEVEL=INFO"]
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def last_run_stats(data_dir: Path) -> dict[str, object]:
    """The Scrapy stats of the latest crawl, as the store keeps them."""
    store = Store.open(Settings(data_dir=data_dir).sqlalchemy_url)
    with store.sessions() as session:
        run = session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(1)).one()
    store.close()
    return run.stats


def test_arbeitnow_follows_pages_obeys_robots_and_says_who_it_is(
    site: tuple[Site, str], tmp_path: Path
) -> None:
    board, base = site
    jobs = json.loads(
        (BUNDLED_RECORDINGS / "arbeitnow" / "arbeitnow_data_trimmed3_2026-08-15.json").read_bytes()
    )["data"]
    api = "/api/job-board-api"
    next_links = [f"{base}{api}?page=2", f"{base}{api}?page=3", f"{base}/private/jobs?page=4"]
    for page, (job, next_link) in enumerate(zip(jobs, next_links, strict=True), start=1):
        path = api if page == 1 else f"{api}?page={page}"
        board.pages[path] = json.dumps({"data": [job], "links": {"next": next_link}, "meta": {}}).encode()

    result = scrapy_crawl("arbeitnow", f"{base}{api}", tmp_path)

    assert result.returncode == 0, result.stderr[-3000:]
    asked = [path for path, _ in board.requests]
    assert asked[0] == "/robots.txt"
    assert asked[1:] == [api, f"{api}?page=2", f"{api}?page=3"]  # page 4 is disallowed by robots.txt
    assert all(agent.startswith("jobsieve/") and "+http" in agent for _, agent in board.requests)
    assert last_run_stats(tmp_path)["robotstxt/forbidden"] == 1
    store = Store.open(Settings(data_dir=tmp_path).sqlalchemy_url)
    assert sorted(listing.source_id for listing in store.feed(["low", "medium", "high"], limit=10)) == sorted(
        job["slug"] for job in jobs
    )
    store.close()


def test_a_next_link_to_another_site_is_not_followed(site: tuple[Site, str], tmp_path: Path) -> None:
    board, base = site
    board.pages["/api"] = json.dumps(
        {"data": [], "links": {"next": "https://elsewhere.example/api?page=2"}}
    ).encode()

    result = scrapy_crawl("arbeitnow", f"{base}/api", tmp_path)

    assert result.returncode == 0, result.stderr[-3000:]
    assert last_run_stats(tmp_path)["offsite/filtered"] == 1
    assert [path for path, _ in site[0].requests] == ["/robots.txt", "/api"]


def test_remoteok_over_http_and_a_server_error_is_no_crash(site: tuple[Site, str], tmp_path: Path) -> None:
    board, base = site
    board.pages["/api"] = (
        BUNDLED_RECORDINGS / "remoteok" / "remoteok_api_trimmed3_2026-08-15.json"
    ).read_bytes()
    assert scrapy_crawl("remoteok", f"{base}/api", tmp_path).returncode == 0
    board.pages.clear()  # now the API answers 404

    result = scrapy_crawl("remoteok", f"{base}/api", tmp_path)

    assert result.returncode == 0, result.stderr[-3000:]
    assert "Ignoring response <404" in result.stderr
    store = Store.open(Settings(data_dir=tmp_path).sqlalchemy_url)
    assert store.count_listings() == 3  # the first crawl's listings are kept
    store.close()


def test_project_settings_are_polite_and_pipelines_in_order() -> None:
    from scrapy.settings import Settings as ScrapySettings

    settings = ScrapySettings()
    settings.setmodule("crawler.settings")
    assert settings.getbool("ROBOTSTXT_OBEY") and settings.getbool("AUTOTHROTTLE_ENABLED")
    assert (
        settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 1 and settings.getfloat("DOWNLOAD_TIMEOUT") > 0
    )
    pipelines = sorted(settings.getdict("ITEM_PIPELINES").items(), key=lambda pair: pair[1])
    assert [name.rsplit(".", 1)[1] for name, _ in pipelines] == [
        "ValidatePipeline",
        "NormalisePipeline",
        "DedupePipeline",
        "ScorePipeline",
        "StorePipeline",
    ]
