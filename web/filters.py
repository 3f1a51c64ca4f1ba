"""Jinja filters and tests: what may become a link, sanitised listing HTML, `lang` values and dates."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

from markupsafe import Markup

from jobsieve.text import sanitize_html

_LINK_SCHEMES = {"http", "https"}
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f]")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def is_safe_url(value: object) -> bool:
    """True for absolute http(s) URLs only: `javascript:`, `data:` and relative URLs never become links."""
    if not isinstance(value, str) or _UNSAFE_CHARS.search(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in _LINK_SCHEMES and bool(parts.hostname)


def sanitized(markup: str) -> Markup:
    """Listing HTML made safe again at render time: the store may hold anything."""
    return Markup(sanitize_html(markup))


def lang_attr(code: str | None) -> str:
    """A value for a `lang` attribute: the listing's language tag, or empty (unknown) when it is not one."""
    if code and code != "und" and _LANGUAGE_TAG.fullmatch(code):
        return code
    return ""


def iso_date(value: str | None) -> str | None:
    """The calendar date (YYYY-MM-DD) of an ISO 8601 timestamp, or None when it is not one."""
    try:
        return datetime.fromisoformat(value).date().isoformat() if value else None
    except ValueError:
        return None
