"""The numeric `too_good_pay` rule: stated pay, as USD per hour, against the role's ceiling."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

from jobsieve.listing import SALARY_PERIODS, Signal
from jobsieve.salary import find_salaries, hourly_equivalent

from .lexicon import Lexicon
from .view import ListingView, number_of, text_of

ABOVE_CEILING_WEIGHT = 0.4
FAR_ABOVE_CEILING_WEIGHT = 0.55
FAR_ABOVE_FACTOR = 2.0
GENERIC_ROLE = "generic"


@dataclass(frozen=True, slots=True)
class Ceiling:
    """The most a role plausibly pays, in USD per hour."""

    role: str
    label: str
    usd_per_hour: float


def load_ceilings(lexicon: Lexicon) -> tuple[Ceiling, ...]:
    """The packaged ceiling table, in matching order, checked against the lexicon's roles."""
    table = tomllib.loads((resources.files("classifier") / "data" / "pay_ceilings.toml").read_text("utf-8"))
    ceilings = tuple(Ceiling(role, row["label"], float(row["usd_per_hour"])) for role, row in table.items())
    roles = {ceiling.role for ceiling in ceilings}
    if GENERIC_ROLE not in roles or set(lexicon.roles) - roles:
        raise ValueError("pay_ceilings.toml needs a 'generic' row and a row for every role in the lexicons")
    return ceilings


def role_ceiling(title: str, lexicon: Lexicon, ceilings: tuple[Ceiling, ...]) -> Ceiling:
    """The ceiling of the first role whose keywords appear in the title, else the generic one."""
    return next(
        (c for c in ceilings if c.role in lexicon.roles and lexicon.roles[c.role].search(title)),
        next(c for c in ceilings if c.role == GENERIC_ROLE),
    )


def too_good_pay(view: ListingView, lexicon: Lexicon, ceilings: tuple[Ceiling, ...]) -> Signal | None:
    """The highest stated pay, if it is above the ceiling of the listing's role.

    Senior and managerial titles are not judged: the ceilings describe assistant-level work.
    """
    if lexicon.seniority.search(view.title):
        return None
    stated = [(text, hourly) for text, hourly in _stated_pay(view) if hourly is not None]
    if not stated:
        return None
    text, hourly = max(stated, key=lambda pair: pair[1])
    ceiling = role_ceiling(view.title, lexicon, ceilings)
    if hourly <= ceiling.usd_per_hour:
        return None
    far = hourly >= FAR_ABOVE_FACTOR * ceiling.usd_per_hour
    return Signal(
        "too_good_pay",
        FAR_ABOVE_CEILING_WEIGHT if far else ABOVE_CEILING_WEIGHT,
        f"{text} for {ceiling.label} (about ${hourly:,.2f}/h; role ceiling ${ceiling.usd_per_hour:,.0f}/h)",
    )


def _stated_pay(view: ListingView) -> list[tuple[str, float | None]]:
    """Pay from the structured salary fields, then every pay mention in the text."""
    fields = view.fields
    low, high = number_of(fields.get("salary_min")), number_of(fields.get("salary_max"))
    currency, period = text_of(fields.get("salary_currency")), text_of(fields.get("salary_period"))
    stated = []
    if period in SALARY_PERIODS and (low is not None or high is not None):
        shown = (
            text_of(fields.get("salary_text")) or f"{low or high:,.0f}–{high or low:,.0f} {currency}/{period}"
        )
        stated.append((" ".join(shown.split())[:200], hourly_equivalent(low, high, currency, period)))
    stated.extend(
        (found.text, hourly_equivalent(found.min, found.max, found.currency, found.period))
        for found in find_salaries(view.text)
    )
    return stated
