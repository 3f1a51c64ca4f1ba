"""Real offline crawls of the recorded sources through the real pipelines into a real SQLite store."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import select

from crawler.replay import BUNDLED_RECORDINGS
from jobsieve.config import Settings
from jobsieve.listing import listing_id as listing_id_of
from jobsieve.store import CrawlRun, Store
from web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).resolve().parent / "fixtures" / "remoteok_hostile.json"
pytestmark = pytest.mark.slow


def run_jobsieve(
    *args: str, data_dir: Path, recordings: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("JOBSIEVE_")}
    env["JOBSIEVE_DATA_DIR"] = str(data_dir)
    if recordings is not None:
        env["JOBSIEVE_RECORDINGS_DIR"] = str(recordings)
    command = [sys.executable, "-m", "jobsieve.cli", *args]
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False
    )


def expected_ids() -> dict[str, set[str]]:
    """Per source, the ids of the recorded listings that have a title: what the store must end up with."""
    remoteok = set()
    for path in (BUNDLED_RECORDINGS / "remoteok").glob("*.json"):
        remoteok |= {str(job["id"]) for job in json.loads(path.read_bytes())[1:] if job.get("position")}
    arbeitnow = set()
    for path in (BUNDLED_RECORDINGS / "arbeitnow").glob("*.json"):
        arbeitnow |= {job["slug"] for job in json.loads(path.read_bytes())["data"] if job.get("title")}
    return {"remoteok": remoteok, "arbeitnow": arbeitnow}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    data_dir = tmp_path_factory.mktemp("data")
    return data_dir, run_jobsieve("crawl", "--offline", data_dir=data_dir)


def open_store(data_dir: Path) -> Store:
    return Store.open(Settings(data_dir=data_dir).sqlalchemy_url)


def test_offline_crawl_stores_every_recorded_listing_once(
    crawled: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    data_dir, result = crawled
    assert result.returncode == 0, result.stderr[-3000:]
    assert "remoteok: finished" in result.stdout and "arbeitnow: finished" in result.stdout
    store = open_store(data_dir)
    expected = expected_ids()
    for source, ids in expected.items():
        stored = {
            listing.source_id
            for listing in store.feed(["low", "medium", "high"], limit=10_000)
            if listing.source == source
        }
        assert stored == ids, source
    store.close()


def test_stored_listings_are_normalised_and_scored(
    crawled: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    store = open_store(crawled[0])
    listings = store.feed(["low", "medium", "high"], limit=10_000)
    assert listings
    for listing in listings:
        assert listing.risk is not None and listing.risk.level in {"low", "medium", "high"}
        assert listing.posted_at is None or listing.posted_at.endswith("+00:00")
        assert listing.url.startswith("https://") and "remoteOK" not in listing.url
        assert "â\u0080" not in listing.description + (listing.description_html or "")
        assert "&amp;" not in listing.title
        assert listing.attribution in {"Remote OK", "Arbeitnow"}
        if listing.description_html:
            assert not BeautifulSoup(listing.description_html, "html.parser").find_all(
                ["script", "style", "img"]
            )
    languages = {listing.language for listing in listings}
    assert {"en", "de"} <= languages
    store.close()


def test_runs_and_drops_are_recorded(crawled: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    store = open_store(crawled[0])
    with store.sessions() as session:
        runs = session.scalars(select(CrawlRun)).all()
    assert sorted(run.spider for run in runs) == ["arbeitnow", "remoteok"]
    for run in runs:
        assert run.finish_reason == "finished" and run.errors == 0 and run.offline
        assert run.items_scraped > 0 and run.stats["jobsieve/stored"] == run.items_scraped
    reasons = {(drop.source, drop.reason) for drop in store.dropped()}
    assert ("remoteok", "missing_title") in reasons  # one recorded Remote OK job has an empty position
    assert ("arbeitnow", "duplicate") in reasons  # the four Arbeitnow recordings overlap
    store.close()


def test_pages_render_the_crawled_listings(crawled: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    settings = Settings(data_dir=crawled[0])
    with TestClient(create_app(settings)) as client:
        feed = client.get("/")
        assert feed.status_code == 200
        links = BeautifulSoup(feed.text, "html.parser").select("a[href^='/listings/']")
        assert len(links) == settings.page_size
        german = client.get(
            "/listings/" + listing_id_of("arbeitnow", "remote-technical-account-manager-dach-munich-256258")
        )
        assert german.status_code == 200
        page = BeautifulSoup(german.text, "html.parser")
        back = page.find(
            "a",
            href="https://www.arbeitnow.com/jobs/companies/solaredge/remote-technical-account-manager-dach-munich-256258",
        )
        assert back is not None and "Arbeitnow" in page.get_text()
        assert "Technical Account Manager - DACH" in page.get_text()


def test_second_crawl_adds_no_duplicates(tmp_path: Path) -> None:
    recordings = tmp_path / "recordings"
    shutil.copytree(BUNDLED_RECORDINGS / "remoteok", recordings / "remoteok")
    first = run_jobsieve("crawl", "--offline", "remoteok", data_dir=tmp_path, recordings=recordings)
    assert first.returncode == 0, first.stderr[-3000:]
    store = open_store(tmp_path)
    count, drops = store.count_listings(), len(store.dropped())
    store.close()
    second = run_jobsieve("crawl", "--offline", "remoteok", data_dir=tmp_path, recordings=recordings)
    assert second.returncode == 0, second.stderr[-3000:]
    store = open_store(tmp_path)
    assert (store.count_listings(), len(store.dropped())) == (count, drops)
    assert {drop.times for drop in store.dropped()} == {2}
    store.close()


def test_bad_recordings_are_counted_and_good_listings_kept(tmp_path: Path) -> None:
    recordings = tmp_path / "recordings" / "remoteok"
    recordings.mkdir(parents=True)
    earlier = tmp_path / "recordings" / "arbeitnow"
    earlier.mkdir()
    shutil.copy(BUNDLED_RECORDINGS / "arbeitnow" / "arbeitnow_data_trimmed3_2026-08-15.json", earlier)
    assert (
        run_jobsieve(
            "crawl", "--offline", "arbeitnow", data_dir=tmp_path, recordings=earlier.parent
        ).returncode
        == 0
    )
    good = BUNDLED_RECORDINGS / "remoteok" / "remoteok_api_trimmed3_2026-08-15.json"
    shutil.copy(good, recordings / "a_good.json")
    shutil.copy(HOSTILE, recordings / "b_hostile.json")
    (recordings / "c_truncated.json").write_bytes(good.read_bytes()[:5000])
    (recordings / "d_latin1.json").write_bytes('[{"legal": "caf\xe9"}]'.encode("latin-1"))
    (recordings / "e_object.json").write_text('{"jobs": []}')

    result = run_jobsieve("crawl", "--offline", "remoteok", data_dir=tmp_path, recordings=recordings.parent)

    assert result.returncode == 1
    assert "malformed response from" in result.stderr and "c_truncated.json" in result.stderr
    store = open_store(tmp_path)
    stored = [listing.source for listing in store.feed(["low", "medium", "high"], limit=100)]
    # The good recording's three and the hostile file's two titled listings; the earlier crawl's three kept.
    assert sorted(stored) == ["arbeitnow"] * 3 + ["remoteok"] * 5
    with store.sessions() as session:
        run = session.scalars(select(CrawlRun).where(CrawlRun.spider == "remoteok")).one()
    assert run.errors == 3 and run.stats["jobsieve/errors/malformed_response"] == 3
    assert {(drop.reason, drop.listing_key) for drop in store.dropped()} >= {("missing_title", "hostile-3")}
    store.close()


def test_unknown_spider_is_a_clear_error(tmp_path: Path) -> None:
    result = run_jobsieve("crawl", "--offline", "nosuchsource", data_dir=tmp_path)
    assert result.returncode == 2
    assert "no spider named nosuchsource" in result.stderr and "remoteok" in result.stderr


def test_scrapy_lists_the_spiders_from_the_project_root() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "scrapy"), "list"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["arbeitnow", "remoteok"]
