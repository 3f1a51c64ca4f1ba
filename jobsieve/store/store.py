"""The store: idempotent upserts of listings, crawl runs and drops, and the queries the site needs."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, case, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import sessionmaker

from jobsieve.listing import RISK_LEVELS, Listing, Risk
from jobsieve.store.db import make_engine, migrate
from jobsieve.store.models import CrawlRun, DroppedListing, ListingRow, utcnow

_DATETIME_FIELDS = ("posted_at", "scraped_at")
_KEY_CHARS = 80
_RISK_RANK = case(
    {level: rank for rank, level in enumerate(RISK_LEVELS)}, value=ListingRow.risk_level, else_=1
)


@dataclass(frozen=True, slots=True)
class Drop:
    """A listing the pipeline refused: why, and what it was."""

    source: str
    reason: str
    message: str
    payload: Mapping[str, Any]


class Store:
    """Everything jobsieve keeps, behind one object bound to one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect to `url` and bring its schema up to date."""
        engine = make_engine(url)
        migrate(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- listings ---------------------------------------------------------------------------------

    def upsert_listings(self, listings: Iterable[Listing], run_id: int | None = None) -> int:
        """Insert new listings and update known ones (by id); returns how many were written."""
        rows = {listing.id: _listing_to_row(listing, run_id) for listing in listings}
        if not rows:
            return 0
        insert = self._insert(ListingRow)
        keep_on_update = {"id", "first_seen_at"}
        updates = {c.name: insert.excluded[c.name] for c in ListingRow.__table__.columns}
        statement = insert.on_conflict_do_update(
            index_elements=[ListingRow.id],
            set_={name: value for name, value in updates.items() if name not in keep_on_update},
        )
        with self.sessions.begin() as session:
            session.execute(statement, list(rows.values()))
        return len(rows)

    def get_listing(self, listing_id: str) -> Listing | None:
        with self.sessions() as session:
            row = session.get(ListingRow, listing_id)
            return _row_to_listing(row) if row else None

    def feed(self, levels: Sequence[str], limit: int, offset: int = 0) -> list[Listing]:
        """Listings at the given risk levels, safest first, then newest."""
        query = (
            select(ListingRow)
            .where(ListingRow.risk_level.in_(levels))
            .order_by(_RISK_RANK, ListingRow.posted_at.desc().nulls_last(), ListingRow.id)
            .limit(limit)
            .offset(offset)
        )
        with self.sessions() as session:
            return [_row_to_listing(row) for row in session.scalars(query)]

    def count_listings(self, levels: Sequence[str] | None = None) -> int:
        query = select(func.count()).select_from(ListingRow)
        if levels is not None:
            query = query.where(ListingRow.risk_level.in_(levels))
        with self.sessions() as session:
            return session.scalar(query) or 0

    # -- crawl runs and drops ---------------------------------------------------------------------

    def start_run(self, spider: str, offline: bool) -> int:
        with self.sessions.begin() as session:
            run = CrawlRun(spider=spider, offline=offline, started_at=utcnow())
            session.add(run)
            session.flush()
            return run.id

    def finish_run(self, run_id: int, finish_reason: str, stats: Mapping[str, Any]) -> None:
        with self.sessions.begin() as session:
            run = session.get_one(CrawlRun, run_id)
            run.finished_at = utcnow()
            run.finish_reason = finish_reason
            run.items_scraped = int(stats.get("item_scraped_count", 0))
            run.items_dropped = int(stats.get("item_dropped_count", 0))
            run.errors = int(stats.get("log_count/ERROR", 0))
            run.stats = json.loads(json.dumps(dict(stats), default=str))

    def get_run(self, run_id: int) -> CrawlRun | None:
        with self.sessions() as session:
            return session.get(CrawlRun, run_id)

    def record_drops(self, drops: Iterable[Drop], run_id: int | None = None) -> None:
        """Keep dropped listings; the same listing dropped again for the same reason is one row."""
        now = utcnow()
        rows = {}
        for drop in drops:
            payload = json.loads(json.dumps(dict(drop.payload), default=str))
            row = {
                "source": drop.source,
                "listing_key": _listing_key(payload),
                "reason": drop.reason,
                "message": drop.message,
                "url": _text_or_none(payload.get("url")),
                "title": _text_or_none(payload.get("title")),
                "payload": payload,
                "first_dropped_at": now,
                "last_dropped_at": now,
                "times": 1,
                "last_run_id": run_id,
            }
            rows[(row["source"], row["listing_key"], row["reason"])] = row
        if not rows:
            return
        insert = self._insert(DroppedListing)
        statement = insert.on_conflict_do_update(
            index_elements=["source", "listing_key", "reason"],
            set_={
                "message": insert.excluded.message,
                "payload": insert.excluded.payload,
                "last_dropped_at": insert.excluded.last_dropped_at,
                "last_run_id": insert.excluded.last_run_id,
                "times": DroppedListing.times + 1,
            },
        )
        with self.sessions.begin() as session:
            session.execute(statement, list(rows.values()))

    def dropped(self, source: str | None = None) -> list[DroppedListing]:
        query = select(DroppedListing).order_by(DroppedListing.id)
        if source is not None:
            query = query.where(DroppedListing.source == source)
        with self.sessions() as session:
            return list(session.scalars(query))

    def _insert(self, model: type[Any]) -> Any:
        dialect = {"sqlite": sqlite, "postgresql": postgresql}.get(self.engine.dialect.name)
        if dialect is None:
            raise RuntimeError(f"unsupported database {self.engine.dialect.name!r}: use SQLite or PostgreSQL")
        return dialect.insert(model)


def _listing_to_row(listing: Listing, run_id: int | None) -> dict[str, Any]:
    row = listing.to_dict()
    risk = row.pop("risk")
    for name in _DATETIME_FIELDS:
        row[name] = datetime.fromisoformat(row[name]) if row[name] else None
    row["scraped_at"] = row["scraped_at"] or utcnow()
    row.update(
        risk_score=risk["score"] if risk else None,
        risk_level=risk["level"] if risk else None,
        risk_signals=risk["signals"] if risk else [],
        model_version=risk["model_version"] if risk else None,
        first_seen_at=utcnow(),
        last_seen_at=utcnow(),
        last_run_id=run_id,
    )
    return row


def _row_to_listing(row: ListingRow) -> Listing:
    values = {name: getattr(row, name) for name in Listing.__dataclass_fields__ if name != "risk"}
    for name in _DATETIME_FIELDS:
        values[name] = values[name].isoformat() if values[name] else None
    if row.risk_level is not None and row.risk_score is not None:
        values["risk"] = Risk.from_dict(
            {
                "score": row.risk_score,
                "level": row.risk_level,
                "signals": row.risk_signals,
                "model_version": row.model_version or "unknown",
            }
        )
    return Listing(**values)


def _listing_key(payload: Mapping[str, Any]) -> str:
    """What identifies a dropped listing: its id, source id or URL (hashed when long), else its content."""
    key = next((str(payload[name]) for name in ("id", "source_id", "url") if payload.get(name)), None)
    if key is not None and len(key) <= _KEY_CHARS:
        return key
    content = key if key is not None else json.dumps(payload, sort_keys=True)
    return f"sha256-{hashlib.sha256(content.encode()).hexdigest()[:32]}"


def _text_or_none(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
