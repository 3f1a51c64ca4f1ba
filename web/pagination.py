"""The feed's risk filter and pages, and the addresses that keep both in the URL."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from math import ceil
from urllib.parse import urlencode

from jobsieve.listing import RISK_LEVELS

DEFAULT_LEVELS: tuple[str, ...] = ("low", "medium")
"""High-risk listings are hidden unless asked for: in this niche scams outnumber real jobs."""

MAX_PAGE = 100_000


def chosen_levels(levels: Iterable[str] | None) -> tuple[str, ...]:
    """The levels asked for, in the order of `RISK_LEVELS`, once each; the default when none."""
    asked = set(levels or ())
    return tuple(level for level in RISK_LEVELS if level in asked) or DEFAULT_LEVELS


def feed_query(levels: tuple[str, ...], page: int = 1) -> str:
    """The query string of a feed page (empty for the default view's first page)."""
    params: list[tuple[str, str | int]] = []
    if levels != DEFAULT_LEVELS:
        params += [("risk", level) for level in levels]
    if page > 1:
        params.append(("page", page))
    return f"?{urlencode(params)}" if params else ""


@dataclass(frozen=True, slots=True)
class Pager:
    """Where one page sits in the feed."""

    page: int
    page_size: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.page_size))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def exists(self) -> bool:
        return self.page <= self.pages

    @property
    def first(self) -> int:
        """The 1-based position of the page's first listing."""
        return self.offset + 1

    @property
    def last(self) -> int:
        return min(self.offset + self.page_size, self.total)
