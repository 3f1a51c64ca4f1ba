"""The offline crawl end to end: every bundled recording, through the real pipelines, into a new SQLite store.

Runs `jobsieve crawl --offline` as a child process several times (each into a new data directory) and
reports wall time, listings stored per second (with and without process start-up: the crawl window
is from the first run's start to the last run's end, as recorded in the store) and the child's peak
memory (max RSS).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from jobsieve.config import Settings
from jobsieve.store import CrawlRun, Store

ROUNDS = 3


def crawl_once(data_dir: Path) -> tuple[float, float, int, float]:
    """Wall seconds, crawl-window seconds, listings stored and peak RSS (MiB) of one offline crawl."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("JOBSIEVE_")}
    env["JOBSIEVE_DATA_DIR"] = str(data_dir)
    started = time.perf_counter()
    command = [sys.executable, "-m", "jobsieve.cli", "crawl", "--offline"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)  # ru_maxrss of the child, in KiB on Linux
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("the offline crawl failed: run `jobsieve crawl --offline` to see why")
    store = Store.open(Settings(data_dir=data_dir).sqlalchemy_url)
    stored = store.count_listings()
    with store.sessions() as session:
        started, finished = session.execute(
            select(func.min(CrawlRun.started_at), func.max(CrawlRun.finished_at))
        ).one()
    store.close()
    return seconds, (finished - started).total_seconds(), stored, usage.ru_maxrss / 1024


def main() -> None:
    results = []
    for _ in range(ROUNDS):
        with tempfile.TemporaryDirectory() as folder:
            results.append(crawl_once(Path(folder)))
    wall = statistics.median(result[0] for result in results)
    window = statistics.median(result[1] for result in results)
    stored = results[0][2]
    peak = max(result[3] for result in results)
    print(
        f"offline crawl, all spiders, median of {ROUNDS}: {stored} listings stored; "
        f"{wall:.2f} s wall ({stored / wall:.0f} listings/s with process start-up), "
        f"{window:.2f} s crawling ({stored / window:.0f} listings/s); peak RSS {peak:.0f} MiB"
    )


if __name__ == "__main__":
    main()
