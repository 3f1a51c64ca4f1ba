"""Salary parsing and hourly conversion: English, German and Danish formats; ambiguity gives None."""

import pytest

from jobsieve.salary import find_salaries, hourly_equivalent, parse_salary


@pytest.mark.parametrize(
    ("text", "low", "high", "currency", "period"),
    [
        ("$45/hour", 45, 45, "USD", "hour"),
        ("$80k - $100k", 80_000, 100_000, "USD", None),
        ("$80-100k per year", 80_000, 100_000, "USD", "year"),
        ("45.000\u201355.000 €", 45_000, 55_000, "EUR", None),
        ("30-35 kr./time", 30, 35, "DKK", "hour"),
        ("€ 1.234,50 pro Monat", 1234.5, 1234.5, "EUR", "month"),
        ("2.500 EUR brutto/Monat", 2500, 2500, "EUR", "month"),
        ("15,50 €/Std.", 15.5, 15.5, "EUR", "hour"),
        ("Stundenlohn: 14 €", 14, 14, "EUR", "hour"),
        ("50.000 € jährlich", 50_000, 50_000, "EUR", "year"),
        ("DKK 35.000 om måneden", 35_000, 35_000, "DKK", "month"),
        ("Løn: kr. 35.000,- pr. md.", 35_000, 35_000, "DKK", "month"),
        ("200 kr. i timen", 200, 200, "DKK", "hour"),
        ("420.000 kr. årligt", 420_000, 420_000, "DKK", "year"),
        ("£25,000 - £30,000 per annum + benefits", 25_000, 30_000, "GBP", "year"),
        ("USD 1,234.50 monthly", 1234.5, 1234.5, "USD", "month"),
        ("£28k p.a.", 28_000, 28_000, "GBP", "year"),
        ("up to $45 per hour", None, 45, "USD", "hour"),
        ("ab 3.000 € im Monat", 3000, None, "EUR", "month"),
        ("$15/hr - $20/hr", 15, 20, "USD", "hour"),
        ("80 - 100 dollars a day", 80, 100, "USD", "day"),
        ("$2 per task", 2, 2, "USD", "task"),
    ],
)
def test_parse_salary_reads_amounts_currency_and_period(text, low, high, currency, period):
    parsed = parse_salary(text)
    assert parsed is not None
    assert (parsed.min, parsed.max, parsed.currency, parsed.period) == (low, high, currency, period)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Competitive",
        "DOE",
        "5 years experience",
        "120000-150000",  # no currency: could be anything
        "1,234.567 USD",  # separators disagree
        "€50 million per year",  # company revenue, not pay
        "$15/hr - $20/yr",  # periods disagree
        "$20/hr or $40,000/year",  # two different pays
        "Call 555-1234 between 9 and 5",
    ],
)
def test_parse_salary_returns_none_when_unsure(text):
    assert parse_salary(text) is None


def test_parse_salary_ignores_non_text():
    assert parse_salary(None) is None  # type: ignore[arg-type]


def test_find_salaries_finds_each_mention_with_its_text():
    found = find_salaries("Earn $400 to $450 extra per day. Base: 2.000 € pro Monat.")
    assert [(s.text, s.period) for s in found] == [
        ("$400 to $450 extra per day", "day"),
        ("2.000 € pro Monat", "month"),
    ]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((20, 20, "USD", "hour"), 20.0),
        ((80_000, 100_000, "USD", "year"), 90_000 / 2080),
        ((None, 400, "USD", "day"), 50.0),
        ((200, 200, "dkk", "hour"), 200 * 0.145),
        ((1000, 1000, "EUR", "week"), 1000 * 1.08 / 40),
    ],
)
def test_hourly_equivalent_converts_to_usd_per_hour(args, expected):
    assert hourly_equivalent(*args) == pytest.approx(expected)


@pytest.mark.parametrize(
    "args",
    [
        (5, 5, "USD", "task"),
        (5, 5, "XYZ", "hour"),
        (None, None, "USD", "hour"),
        (5, 5, None, "hour"),
        (-5, 0, "USD", "hour"),
    ],
)
def test_hourly_equivalent_is_none_when_it_cannot_convert(args):
    assert hourly_equivalent(*args) is None
