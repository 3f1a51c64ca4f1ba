"""A tolerant view of a listing mapping: any subset of fields, any types, never an exception."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jobsieve.listing import Listing
from jobsieve.text import MAX_FIELD_CHARS

TEXT_FIELDS: tuple[str, ...] = (
    "title",
    "description",
    "requirements",
    "benefits",
    "company_profile",
    "salary_text",
)
"""Fields whose words the rules read; `description_html` is skipped, `description` is its plain text."""

_MAX_LIST_ITEMS = 200


@dataclass(frozen=True, slots=True)
class ListingView:
    """The raw fields, the title, the joined text the rules search and its lower-case form."""

    fields: Mapping[str, Any]
    title: str
    text: str
    folded: str

    @classmethod
    def of(cls, listing: object) -> ListingView:
        """A view of a mapping or a `Listing`; anything else reads as an empty listing."""
        if isinstance(listing, Listing):
            listing = listing.to_dict()
        fields = listing if isinstance(listing, Mapping) else {}
        parts = (text_of(fields.get(name)) for name in TEXT_FIELDS)
        text = unicodedata.normalize("NFC", "\n".join(part for part in parts if part))
        return cls(fields=fields, title=text_of(fields.get("title")), text=text, folded=text.lower())


def text_of(value: object) -> str:
    """A field as text: strings (cut to MAX_FIELD_CHARS), numbers, lists of those; else empty."""
    if isinstance(value, str):
        return value[:MAX_FIELD_CHARS]
    if isinstance(value, bytes):
        return value[:MAX_FIELD_CHARS].decode("utf-8", errors="replace")
    if number_of(value) is not None:
        return str(value)
    if isinstance(value, list | tuple):
        return "\n".join(item[:MAX_FIELD_CHARS] for item in value[:_MAX_LIST_ITEMS] if isinstance(item, str))
    return ""


def strings_of(value: object) -> list[str]:
    """A list-of-strings field (or a lone string) as its non-blank strings."""
    items = (
        [value]
        if isinstance(value, str)
        else value[:_MAX_LIST_ITEMS]
        if isinstance(value, list | tuple)
        else []
    )
    return [item.strip() for item in items if isinstance(item, str) and item.strip()]


def number_of(value: object) -> float | None:
    """A finite number from an int, float or numeric string; None otherwise (booleans included)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None
