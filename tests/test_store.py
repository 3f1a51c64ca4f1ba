"""The store, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from jobsieve.listing import Listing, Risk, Signal
from jobsieve.store import Drop, Store
from jobsieve.store.models import Base


def make_listing(
    source_id: str, *, level: str = "low", posted_at: str = "2026-08-14T17:36:11+00:00", **fields
) -> Listing:
    score = {"low": 0.05, "medium": 0.5, "high": 0.9}[level]
    return Listing(
        source="remoteok",
        source_id=source_id,
        url=f"https://remoteok.com/remote-jobs/{source_id}",
        title=fields.pop("title", f"Virtual assistant {source_id}"),
        description="Schedule meetings and answer email.",
        posted_at=posted_at,
        scraped_at="2026-11-23T10:00:00+00:00",
        emails=["hr@example.com"],
        tags=["assistant"],
        risk=Risk(
            score,
            level,
            [Signal("upfront_fee", 0.6, "pay a $99 starter kit")] if level != "low" else [],
            "rules-test",
        ),
        **fields,
    )


def test_migrations_create_exactly_the_models(store: Store) -> None:
    with store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        assert set(inspect(connection).get_table_names()) >= {"listings", "crawl_runs", "dropped_listings"}


def test_opening_again_keeps_the_data(database_url: str) -> None:
    first = Store.open(database_url)
    first.upsert_listings([make_listing("1")])
    first.close()
    second = Store.open(database_url)
    assert second.count_listings() == 1
    second.close()


def test_sqlite_store_uses_wal(sqlite_url: str) -> None:
    store = Store.open(sqlite_url)
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    store.close()


def test_listing_round_trips_with_its_risk(store: Store) -> None:
    listing = make_listing(
        "42", level="medium", company="Ærø Kontor ApS", salary_min=20.0, salary_period="hour"
    )
    store.upsert_listings([listing])
    stored = store.get_listing(listing.id)
    assert stored is not None
    assert stored.to_dict() == listing.to_dict()
    assert stored.risk == Risk(
        0.5, "medium", [Signal("upfront_fee", 0.6, "pay a $99 starter kit")], "rules-test"
    )


def test_upsert_updates_and_never_duplicates(store: Store) -> None:
    listing = make_listing("7")
    store.upsert_listings([listing])
    first_seen = _first_seen(store, listing.id)
    store.upsert_listings(
        [replace(listing, title="Executive assistant"), replace(listing, title="Executive assistant")]
    )
    assert store.count_listings() == 1
    stored = store.get_listing(listing.id)
    assert stored is not None and stored.title == "Executive assistant"
    assert _first_seen(store, listing.id) == first_seen


def test_feed_ranks_by_risk_then_recency_and_filters_levels(store: Store) -> None:
    store.upsert_listings(
        [
            make_listing("old-low", posted_at="2026-01-01T00:00:00+00:00"),
            make_listing("new-low", posted_at="2026-09-01T00:00:00+00:00"),
            make_listing("new-medium", level="medium", posted_at="2026-10-01T00:00:00+00:00"),
            make_listing("high", level="high"),
            make_listing("undated", posted_at=None),
        ]
    )
    feed = [listing.source_id for listing in store.feed(["low", "medium"], limit=10)]
    assert feed == ["new-low", "old-low", "undated", "new-medium"]
    assert [listing.source_id for listing in store.feed(["high"], limit=10)] == ["high"]
    assert [listing.source_id for listing in store.feed(["low", "medium"], limit=2, offset=1)] == [
        "old-low",
        "undated",
    ]
    assert store.count_listings(["low"]) == 3


def test_datetimes_come_back_in_utc(store: Store) -> None:
    listing = make_listing("tz", posted_at="2026-03-01T12:00:00+02:00")
    store.upsert_listings([listing])
    stored = store.get_listing(listing.id)
    assert stored is not None and stored.posted_at == "2026-03-01T10:00:00+00:00"


def test_crawl_run_keeps_counts_and_stats(store: Store) -> None:
    run_id = store.start_run("remoteok", offline=True)
    store.finish_run(
        run_id,
        "finished",
        {
            "item_scraped_count": 5,
            "item_dropped_count": 2,
            "log_count/ERROR": 1,
            "start_time": datetime.now(UTC),
        },
    )
    run = store.get_run(run_id)
    assert run is not None
    assert (run.spider, run.offline, run.finish_reason) == ("remoteok", True, "finished")
    assert (run.items_scraped, run.items_dropped, run.errors) == (5, 2, 1)
    assert run.finished_at is not None and run.finished_at >= run.started_at
    assert isinstance(run.stats["start_time"], str)


def test_drops_are_kept_once_per_listing_and_reason(store: Store) -> None:
    run_id = store.start_run("arbeitnow", offline=True)
    untitled = Drop(
        "arbeitnow", "missing_title", "listing x has no title", {"source_id": "x", "url": "https://a.b/x"}
    )
    store.record_drops([untitled, untitled], run_id=run_id)
    store.record_drops([untitled, Drop("arbeitnow", "duplicate", "seen", {"source_id": "x"})], run_id=run_id)
    drops = {(drop.listing_key, drop.reason): drop for drop in store.dropped("arbeitnow")}
    assert set(drops) == {("x", "missing_title"), ("x", "duplicate")}
    assert drops["x", "missing_title"].times == 2
    assert drops["x", "missing_title"].url == "https://a.b/x"


def test_drops_with_long_urls_do_not_collide(store: Store) -> None:
    prefix = "https://example.com/" + "x" * 100
    drops = [Drop("remoteok", "missing_title", "no title", {"url": prefix + end}) for end in ("/a", "/b")]
    store.record_drops(drops)
    keys = [drop.listing_key for drop in store.dropped()]
    assert len(set(keys)) == 2 and all(len(key) <= 80 for key in keys)


def test_huge_and_odd_text_is_stored_whole(store: Store) -> None:
    description = "Données 数据 🙂 \u200b" * 20_000
    listing = make_listing("odd", title="Kontorassistent (m/w/d) — 'quotes' \"and\" \\backslashes\\")
    store.upsert_listings([replace(listing, description=description)])
    stored = store.get_listing(listing.id)
    assert stored is not None and stored.description == description and stored.title == listing.title


def _first_seen(store: Store, listing_id: str) -> datetime:
    with store.engine.connect() as connection:
        return connection.execute(
            text("SELECT first_seen_at FROM listings WHERE id = :id"), {"id": listing_id}
        ).scalar()
