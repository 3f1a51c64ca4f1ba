"""Remote OK: one JSON array of every current listing; element 0 is the legal notice."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from crawler.items import SourceListing
from crawler.spider import JobSourceSpider, from_epoch_seconds


class RemoteOkSpider(JobSourceSpider):
    name = "remoteok"
    start_url = "https://remoteok.com/api"
    # Their terms: link back (followed) to the listing on Remote OK and name "Remote OK"; no logo.
    attribution = "Remote OK"

    def jobs(self, document: Any) -> Iterable[dict[str, Any]]:
        if not isinstance(document, list):
            raise TypeError(f"expected a JSON array, got {type(document).__name__}")
        return (record for record in document if isinstance(record, dict) and "id" in record)

    def to_item(self, record: dict[str, Any]) -> SourceListing:
        salary_min = _positive(record.get("salary_min"))
        salary_max = _positive(record.get("salary_max"))
        has_salary = salary_min is not None or salary_max is not None
        return SourceListing(
            source=self.name,
            source_id=str(record["id"]),
            url=record.get("url"),
            apply_url=record.get("apply_url"),
            title=record.get("position"),
            company=record.get("company"),
            description_html=record.get("description") or "",
            location=record.get("location"),
            remote="fully_remote",  # Remote OK lists remote jobs only.
            tags=[str(tag) for tag in record.get("tags") or []],
            salary_min=salary_min,
            salary_max=salary_max,
            salary_currency="USD" if has_salary else None,
            salary_period="year" if has_salary else None,
            posted_at=from_epoch_seconds(record.get("epoch")) or _iso(record.get("date")),
            has_company_logo=bool(record.get("company_logo") or record.get("logo")),
            attribution=self.attribution,
        )


def _positive(value: Any) -> float | None:
    """Remote OK writes 0 for an unknown salary."""
    return (
        float(value) if isinstance(value, int | float) and not isinstance(value, bool) and value > 0 else None
    )


def _iso(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
