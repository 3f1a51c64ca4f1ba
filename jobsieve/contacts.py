"""Emails, phone numbers and links found in listing text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@(?:[a-z0-9-]{1,63}\.)+[a-z]{2,24}\b", re.I)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'()\[\]{}]{2,2000}", re.I)
# International or local numbers of 8+ digits, maybe grouped by spaces, dots, dashes or brackets.
_PHONE = re.compile(r"(?<![\w/.-])(?:\+|00)?\d[\d\s().-]{6,18}\d(?![\w/-])")
_TRAILING_PUNCTUATION = ".,;:!?"
MAX_FOUND = 50


@dataclass(frozen=True, slots=True)
class Contacts:
    emails: list[str]
    phones: list[str]
    urls: list[str]


def find_contacts(text: str) -> Contacts:
    """The distinct emails, phone numbers and URLs in `text`, in order of appearance."""
    emails = _distinct(match.group().lower() for match in _EMAIL.finditer(text))
    urls = _distinct(match.group().rstrip(_TRAILING_PUNCTUATION) for match in _URL.finditer(text))
    phones = _distinct(
        " ".join(match.group().split())
        for match in _PHONE.finditer(_EMAIL.sub(" ", _URL.sub(" ", text)))
        if _looks_like_phone(match.group())
    )
    return Contacts(emails=emails, phones=phones, urls=urls)


def _looks_like_phone(candidate: str) -> bool:
    digits = sum(char.isdigit() for char in candidate)
    if not 8 <= digits <= 15:
        return False
    # Dates (2024-12-04), years and ranges (2020-2024) and amounts (45.000) are not phone numbers.
    return not re.fullmatch(
        r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,3}(?:[.,]\d{3})+|\d{4}\s*-\s*\d{4}", candidate.strip()
    )


def _distinct(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if len(seen) >= MAX_FOUND:
            break
        seen.setdefault(value, None)
    return list(seen)
