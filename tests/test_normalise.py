"""Normalisation of source items into listings, and the text helpers it uses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from crawler.items import SourceListing
from crawler.normalise import canonical_url, employment_type, to_listing, to_utc_iso
from jobsieve.contacts import find_contacts
from jobsieve.language import detect_language
from jobsieve.text import MAX_FIELD_CHARS, html_to_text, sanitize_html

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def item(**fields) -> SourceListing:
    base = {
        "source": "remoteok",
        "source_id": "1",
        "url": "https://remoteOK.com/remote-jobs/1#apply",
        "title": "Assistant",
    }
    return SourceListing(**(base | fields))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2026, 3, 1, 12, 0), "2026-03-01T12:00:00+00:00"),
        (datetime(2026, 3, 1, 12, 0, tzinfo=timezone(timedelta(hours=2))), "2026-03-01T10:00:00+00:00"),
        ("2024-12-03T08:00:00+01:00", "2024-12-03T07:00:00+00:00"),
        ("2026-07-16T10:11:12", "2026-07-16T10:11:12+00:00"),
        ("yesterday", None),
        (None, None),
        (12, None),
    ],
)
def test_dates_become_utc(value: object, expected: str | None) -> None:
    assert to_utc_iso(value) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Full-time"], "full_time"),
        (["berufserfahren", "Vollzeit"], "full_time"),
        ("Teilzeit", "part_time"),
        (["Working student"], "part_time"),
        (["Praktikum"], "internship"),
        ("deltid", "part_time"),
        (["freelance"], "freelance"),
        (["berufserfahren"], None),
        (None, None),
        ([3, None], None),
    ],
)
def test_employment_types_in_three_languages(words: object, expected: str | None) -> None:
    assert employment_type(words) == expected


def test_canonical_url_lowercases_host_and_drops_fragment() -> None:
    assert (
        canonical_url("HTTPS://RemoteOK.com/Remote-Jobs/1?x=1#top")
        == "https://remoteok.com/Remote-Jobs/1?x=1"
    )


def test_listing_text_is_repaired_and_html_sanitised() -> None:
    listing = to_listing(
        item(
            title="Customer support at CI&amp;T",
            company="itâ\u0080\u0099s Co",
            location="Cammeray, ",
            description_html="&lt;p&gt;Hello &lt;script&gt;alert(1)&lt;/script&gt;"
            "&lt;b&gt;world&lt;/b&gt;&lt;/p&gt;",
            posted_at=datetime(2026, 1, 1, 9, 30),
            tags=["  support ", ""],
            remote="beach",
        ),
        scraped_at=NOW,
    )
    assert listing.title == "Customer support at CI&T"
    assert listing.company == "it’s Co"
    assert listing.description_html == "<p>Hello <b>world</b></p>"
    assert listing.location == "Cammeray"
    assert listing.description == "Hello world"
    assert listing.url == "https://remoteok.com/remote-jobs/1"
    assert listing.posted_at == "2026-01-01T09:30:00+00:00" and listing.scraped_at == NOW.isoformat()
    assert listing.tags == ["support"] and listing.remote == "unknown"


def test_mojibake_in_html_is_repaired_and_markup_kept() -> None:
    listing = to_listing(
        item(description_html="<p>Weâ\u0080\u0099re hiring &amp; growing</p>"), scraped_at=NOW
    )
    assert listing.description_html == "<p>We’re hiring &amp; growing</p>"
    assert listing.description == "We’re hiring & growing"


def test_contacts_and_language_are_found_in_the_description() -> None:
    listing = to_listing(
        item(
            description_html="<p>Wir suchen eine Assistenz für unser Team. Schreiben Sie an jobs@firma.de "
            "oder rufen Sie +49 30 1234 5678 an: https://firma.de/jobs</p>"
        ),
        scraped_at=NOW,
    )
    assert (listing.emails, listing.phones, listing.urls) == (
        ["jobs@firma.de"],
        ["+49 30 1234 5678"],
        ["https://firma.de/jobs"],
    )
    assert listing.language == "de"


def test_salary_numbers_from_the_source_are_kept() -> None:
    listing = to_listing(
        item(salary_min=40000, salary_max=50000, salary_currency="USD", salary_period="year"), scraped_at=NOW
    )
    assert (listing.salary_min, listing.salary_max, listing.salary_currency, listing.salary_period) == (
        40000.0,
        50000.0,
        "USD",
        "year",
    )


def test_salary_text_is_kept_and_parsed_when_clear() -> None:
    listing = to_listing(item(salary_text="$14/hr"), scraped_at=NOW)
    assert listing.salary_text == "$14/hr"
    assert (listing.salary_min, listing.salary_currency, listing.salary_period) == (14.0, "USD", "hour")


def test_huge_fields_are_cut() -> None:
    listing = to_listing(item(description_html="<p>" + "x " * MAX_FIELD_CHARS + "</p>"), scraped_at=NOW)
    assert len(listing.description) <= MAX_FIELD_CHARS
    assert listing.description_html is not None and len(listing.description_html) <= MAX_FIELD_CHARS + 10


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        '<svg onload="alert(1)"></svg>',
        "<style>*{}</style>",
        '<iframe src="https://evil.example"></iframe>',
        '<p style="position:fixed">x</p>',
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    ],
)
def test_sanitised_html_keeps_no_active_content(attack: str) -> None:
    cleaned = sanitize_html(f"<p>ok</p>{attack}").lower()
    for marker in (
        "<script",
        "onerror",
        "onload",
        "javascript:",
        "data:",
        "<style",
        "<iframe",
        "style=",
        "<svg",
        "<img",
    ):
        assert marker not in cleaned


def test_html_to_text_keeps_paragraph_breaks() -> None:
    assert (
        html_to_text("<p>One&nbsp;two</p><ul><li>three</li><li>four</li></ul>") == "One two\n\nthree\n\nfour"
    )


def test_contacts_ignore_dates_and_amounts() -> None:
    contacts = find_contacts("Apply by 2026-12-04, salary 45.000 €, years 2020-2024; call 0045 12 34 56 78.")
    assert contacts.phones == ["0045 12 34 56 78"] and contacts.emails == [] and contacts.urls == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are looking for a virtual assistant who will support our team with email and calendars.", "en"),
        (
            "Wir suchen eine Assistenz für unser Büro, die uns mit Terminen und der Buchhaltung unterstützt.",
            "de",
        ),
        (
            "Vi søger en assistent til vores kontor, som har styr på kalender og bogføring.",
            "da",
        ),
        ("Assistant", "und"),
    ],
)
def test_language_guess(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_employment_types_come_from_the_schema_vocabulary() -> None:
    from jobsieve.listing import EMPLOYMENT_TYPES

    words = ["intern", "part-time", "full-time", "freelance", "contract", "temporary"]
    assert {employment_type(word) for word in words} == set(EMPLOYMENT_TYPES) - {"other"}
