"""Turn a `SourceListing` into a normalised `Listing`: clean text, safe HTML, UTC dates, known words."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from crawler.items import SourceListing
from jobsieve.contacts import find_contacts
from jobsieve.language import detect_language
from jobsieve.listing import REMOTE_KINDS, SALARY_PERIODS, Listing
from jobsieve.salary import parse_salary
from jobsieve.text import clean_line, html_to_text, repair, sanitize_html, unescape_markup

# Source words for employment types, in English, German and Danish; the first that matches wins.
_EMPLOYMENT_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("internship", r"intern|praktik|trainee"),
        ("part_time", r"part[\s_-]?time|teilzeit|deltid|minijob|werkstudent|working student"),
        ("full_time", r"full[\s_-]?time|vollzeit|fuldtid|permanent|festanstellung"),
        ("freelance", r"freelance|freiberuf|selbstständig|selvstændig"),
        ("contract", r"contract|befristet|vertrag|kontrakt"),
        ("temporary", r"temporary|temp\b|aushilfe|vikar|midlertidig"),
    )
)


def to_listing(item: SourceListing, scraped_at: datetime) -> Listing:
    """The normalised listing of a validated source item."""
    raw_html = repair(unescape_markup(str(item.get("description_html") or "")), markup=True)
    description = html_to_text(raw_html) if raw_html else repair(str(item.get("description") or ""))
    salary_text = clean_line(item.get("salary_text"))
    salary = _salary(item, salary_text)
    contacts = find_contacts(description)
    return Listing(
        source=str(item["source"]),
        source_id=str(item["source_id"]),
        url=canonical_url(str(item["url"])),
        apply_url=_http_url(item.get("apply_url")),
        title=clean_line(item["title"]) or "",
        company=clean_line(item.get("company")),
        company_url=_http_url(item.get("company_url")),
        company_profile=_text(item.get("company_profile")),
        description=description,
        description_html=sanitize_html(raw_html) if raw_html else None,
        requirements=_text(item.get("requirements")),
        benefits=_text(item.get("benefits")),
        location=(clean_line(item.get("location")) or "").strip(" ,;") or None,
        remote=item.get("remote") if item.get("remote") in REMOTE_KINDS else "unknown",
        employment_type=employment_type(item.get("employment_type")),
        salary_text=salary_text,
        posted_at=to_utc_iso(item.get("posted_at")),
        scraped_at=scraped_at.isoformat(),
        language=detect_language(f"{item.get('title') or ''}\n{description}"),
        emails=contacts.emails,
        phones=contacts.phones,
        urls=contacts.urls,
        tags=[tag for tag in (clean_line(str(tag)) for tag in item.get("tags") or []) if tag],
        has_company_logo=item.get("has_company_logo"),
        attribution=item.get("attribution"),
        **salary,
    )


def canonical_url(url: str) -> str:
    """The URL with a lower-case scheme and host and no fragment (`remoteOK.com` is `remoteok.com`)."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))


def is_http_url(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value.strip())
    return parts.scheme.lower() in {"http", "https"} and bool(parts.netloc)


def to_utc_iso(value: Any) -> str | None:
    """ISO 8601 in UTC of a datetime (naive means UTC) or an ISO string; None when unknown."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def employment_type(value: Any) -> str | None:
    """Our employment type for the source's words (a string or a list of them)."""
    words = [value] if isinstance(value, str) else list(value or [])
    for kind, pattern in _EMPLOYMENT_TYPES:
        if any(isinstance(word, str) and pattern.search(word) for word in words):
            return kind
    return None


def _salary(item: SourceListing, salary_text: str | None) -> dict[str, Any]:
    numbers = {
        "salary_min": _number(item.get("salary_min")),
        "salary_max": _number(item.get("salary_max")),
        "salary_currency": item.get("salary_currency"),
        "salary_period": item.get("salary_period") if item.get("salary_period") in SALARY_PERIODS else None,
    }
    if numbers["salary_min"] is None and numbers["salary_max"] is None and salary_text:
        parsed = parse_salary(salary_text)
        if parsed is not None:
            numbers = {
                "salary_min": parsed.min,
                "salary_max": parsed.max,
                "salary_currency": parsed.currency,
                "salary_period": parsed.period,
            }
    return numbers


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _http_url(value: Any) -> str | None:
    return canonical_url(value) if is_http_url(value) else None


def _text(value: Any) -> str | None:
    if not value:
        return None
    text = str(value)
    return html_to_text(text) if "<" in text else repair(text).strip() or None
