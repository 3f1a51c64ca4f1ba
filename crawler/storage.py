"""One store per database URL for every component of every crawler in the process."""

from __future__ import annotations

from functools import cache

from jobsieve.store import Store


@cache
def open_store(url: str) -> Store:
    """The process's store for `url` (opened, and migrated, once)."""
    return Store.open(url)
