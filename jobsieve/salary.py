"""Parse pay from free text (English, German, Danish) and convert it to a USD hourly equivalent.

Precision first: a text is parsed only when an amount carries a currency and nothing conflicts;
otherwise the caller keeps the raw text and leaves the numbers empty. Pure functions, no I/O.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

USD_PER_UNIT: dict[str, float] = {
    "USD": 1.0,
    "EUR": 1.08,
    "GBP": 1.27,
    "DKK": 0.145,
    "SEK": 0.095,
    "NOK": 0.093,
    "CHF": 1.13,
    "CAD": 0.73,
    "AUD": 0.66,
}
"""Static FX (approximate 2024 averages): good enough to compare pay with a ceiling, not for accounting."""

HOURS_PER_PERIOD: dict[str, float] = {
    "hour": 1.0,
    "day": 8.0,
    "week": 40.0,
    "month": 40.0 * 52 / 12,
    "year": 2080.0,
}
"""Full-time hours (BLS convention: 2,080 h a year). A task has no hourly equivalent."""

_CURRENCY_TOKENS: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
    "kr": "DKK", "kr.": "DKK", "dkk": "DKK", "kroner": "DKK",
    "sek": "SEK", "nok": "NOK", "chf": "CHF",
    "c$": "CAD", "ca$": "CAD", "cad": "CAD",
    "a$": "AUD", "au$": "AUD", "aud": "AUD",
}  # fmt: skip
"""Bare `kr.` is read as Danish kroner: our Scandinavian sources are Danish."""

_PREFIX_CURRENCY = r"US\$|CA?\$|AU?\$|\$|€|£|USD|EUR|GBP|DKK|SEK|NOK|CHF|CAD|AUD|kr\.?"
_SUFFIX_CURRENCY = (
    r"€|£|\$|USD|EUR|GBP|DKK|SEK|NOK|CHF|CAD|AUD|kr\.?|kroner|euros?|dollars?|pounds?(?!\s+of\b)"
)
_NUMBER = r"\d{1,3}(?:[.,\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_THOUSANDS = r"k|K|Tsd\.|tsd\.|tusind|thousand"
_RANGE_SEP = r"\s*[-\u2013\u2014]\s*|\s+(?:to|and|bis|und|til|og)\s+"

_PERIOD_WORDS: dict[str, str] = {
    "hour": r"/\s?(?:h|hr|hrs|hour|std\.?|stunde|t|time)"
    r"|(?:per|an?|pro|die|pr\.|i|om)\s+(?:hour|hr|h|stunde|std\.?|time|timen)|hourly|stündlich",
    "day": r"/\s?(?:day|tag|dag)|(?:per|a|pro|am|pr\.|om|i)\s+(?:day|tag|dag|dagen)|daily|täglich|dagligt?",
    "week": r"/\s?(?:wk|week|woche|uge)|(?:per|a|pro|die|in\s+der|pr\.|om|i)\s+(?:week|woche|uge|ugen)"
    r"|weekly|wöchentlich|ugentligt?",
    "month": r"/\s?(?:mo|mth|month|monat|md\.?|mdr\.?|måned)"
    r"|(?:per|a|pro|im|den|pr\.|om|i)\s+(?:month|monat|måned|måneden|md\.)|monthly|monatlich|mtl\.|månedligt?",
    "year": r"/\s?(?:yr|year|jahr|år)|(?:per|a|pro|im|das|pr\.|om|i)\s+(?:year|annum|jahr|år|året)"
    r"|annually|annual|yearly|p\.\s?a\.?|pa|jährlich|årligt?",
    "task": r"/\s?(?:task|aufgabe|opgave)|(?:per|a|pro|pr\.)\s+(?:task|aufgabe|opgave)",
}
_PERIOD_LABELS: dict[str, str] = {
    "hour": r"hourly\s+(?:rate|pay|wage)|stundenlohn|stundensatz|timeløn|timesats|timepris",
    "month": r"monthly\s+(?:salary|pay)|monatsgehalt|monatslohn|månedsløn",
    "year": r"annual\s+(?:salary|pay)|yearly\s+salary|jahresgehalt|årsløn",
}
_FILLER = r"(?:\s*(?:extra|gross|net|brutto|netto|before\s+tax|før\s+skat))?"
_UP_TO = r"up\s+to|max(?:imum)?\.?|bis\s+zu|op\s+til|maks(?:imalt)?\.?"
_FROM = r"from|starting\s+at|at\s+least|min(?:imum)?\.?|ab|mindestens|fra|mindst"


def _named_alternation(name_prefix: str, patterns: dict[str, str]) -> str:
    return "|".join(f"(?P<{name_prefix}_{key}>{pattern})" for key, pattern in patterns.items())


def _amount(tag: str) -> str:
    return (
        rf"(?<![\w.,])(?:(?P<{tag}c1>{_PREFIX_CURRENCY})\s?)?(?P<{tag}n>{_NUMBER})(?!\d)(?:,-)?"
        rf"(?:\s?(?P<{tag}k>{_THOUSANDS})(?!\w))?(?!\s*(?:million|mio|mill|billion|mrd|bn|m)\b)"
        rf"(?:\s?(?P<{tag}c2>{_SUFFIX_CURRENCY})(?!\w))?"
    )


_MENTION = re.compile(
    rf"(?:(?:{_named_alternation('lab', _PERIOD_LABELS)})\s*(?:of|von|på|ab|:)?\s*)?"
    rf"(?:(?P<upper_only>{_UP_TO})\s+|(?P<lower_only>{_FROM})\s+)?"
    rf"{_amount('a')}"
    rf"(?:(?P<mid>{_FILLER}\s*(?:{'|'.join(_PERIOD_WORDS.values())}))?(?:{_RANGE_SEP}){_amount('b')})?"
    rf"(?:{_FILLER}\s*(?:{_named_alternation('per', _PERIOD_WORDS)})(?!\w))?",
    re.IGNORECASE,
)
_CURRENCY_HINT = re.compile(
    r"[$€£]|(?<!\w)(?:usd|eur|gbp|dkk|sek|nok|chf|cad|aud|kr|kroner|euros?|dollars?|pounds?)(?!\w)",
    re.IGNORECASE,
)
_LEAD_CHARS, _TAIL_CHARS = 40, 80
"""How far a mention reaches before its currency (a label, "up to", a range start) and after it."""
_PERIOD_ALONE = {
    period: re.compile(rf"{_FILLER}\s*(?:{words})", re.IGNORECASE) for period, words in _PERIOD_WORDS.items()
}


@dataclass(frozen=True, slots=True)
class ParsedSalary:
    """Pay read from text: `min`/`max` (one may be None for "up to"/"from"), ISO 4217 currency, period."""

    min: float | None
    max: float | None
    currency: str
    period: str | None
    text: str


def find_salaries(text: str) -> list[ParsedSalary]:
    """Every pay mention in a text that has a currency and parses without conflict."""
    if not isinstance(text, str):
        return []
    found: list[ParsedSalary] = []
    searched_to = 0
    # The full grammar is slow to try at every position: try it only around currency tokens.
    for hint in _CURRENCY_HINT.finditer(text):
        if hint.start() < searched_to:
            continue
        window = _MENTION.finditer(
            text, max(searched_to, hint.start() - _LEAD_CHARS), hint.end() + _TAIL_CHARS
        )
        match = next((m for m in window if m.start() <= hint.start() < m.end()), None)
        salary = _from_match(match) if match else None
        if match and salary:
            found.append(salary)
            searched_to = match.end()
    return found


def parse_salary(text: str) -> ParsedSalary | None:
    """The one pay a salary text states, or None when there is none or it is ambiguous."""
    found = find_salaries(text)
    if len(found) == 1:
        return found[0]
    with_period = [salary for salary in found if salary.period]
    return with_period[0] if len(with_period) == 1 else None


def hourly_equivalent(
    min: float | None, max: float | None, currency: str | None, period: str | None
) -> float | None:
    """USD per hour at the middle of the range (or its one known end); None if it can't be converted."""
    values = [value for value in (min, max) if _is_amount(value)]
    rate = USD_PER_UNIT.get(currency.upper()) if isinstance(currency, str) else None
    hours = HOURS_PER_PERIOD.get(period) if isinstance(period, str) else None
    if not values or rate is None or hours is None:
        return None
    return sum(values) / len(values) * rate / hours


def _is_amount(value: object) -> bool:
    return (
        isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and value > 0
    )


def _from_match(match: re.Match[str]) -> ParsedSalary | None:
    groups = match.groupdict()
    tokens = (groups["ac1"], groups["ac2"], groups["bc1"], groups["bc2"])
    currencies = {_CURRENCY_TOKENS[token.lower()] for token in tokens if token}
    period = _matched_key(groups, "per") or _matched_key(groups, "lab")
    if len(currencies) != 1 or (groups["mid"] and _period_of(groups["mid"]) != period):
        return None
    low, high = _bounds(groups)
    if low is None or high is None or not 0 < low <= high:
        return None
    if groups["upper_only"]:
        low = None
    elif groups["lower_only"] and not groups["bn"]:
        high = None
    return ParsedSalary(low, high, currencies.pop(), period, " ".join(match.group(0).split()))


def _bounds(groups: dict[str, str | None]) -> tuple[float | None, float | None]:
    """Both ends of the amount, with `k` applied; `$80-100k` means 80,000 to 100,000."""
    low = _to_number(groups["an"] or "")
    high = _to_number(groups["bn"]) if groups["bn"] else low
    if low is None or high is None:
        return None, None
    low *= 1000 if groups["ak"] else 1
    high *= 1000 if groups["bk"] or (groups["ak"] and not groups["bn"]) else 1
    if groups["bk"] and not groups["ak"] and low * 1000 <= high:
        low *= 1000
    return low, high


def _matched_key(groups: dict[str, str | None], prefix: str) -> str | None:
    return next(
        (key.split("_", 1)[1] for key, value in groups.items() if value and key.startswith(prefix + "_")),
        None,
    )


def _period_of(text: str) -> str | None:
    return next((period for period, regex in _PERIOD_ALONE.items() if regex.fullmatch(text.strip())), None)


def _to_number(raw: str) -> float | None:
    """Read `1,234.50`, `1.234,50`, `45.000`, `12,50` or `45 000`; None when the separators disagree."""
    digits = raw.replace("\u00a0", " ").replace("\u202f", " ")
    separators = [char for char in digits if not char.isdigit()]
    if not digits or not separators:
        return float(digits) if digits else None
    last = separators[-1]
    has_decimals = len(digits) - digits.rfind(last) - 1 != 3
    thousands = set(separators[:-1] if has_decimals else separators)
    if len(thousands) > 1 or (has_decimals and last in thousands):
        return None
    for separator in thousands:
        digits = digits.replace(separator, "")
    return float(digits.replace(last, ".") if has_decimals else digits)
