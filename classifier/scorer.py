"""Score a listing: run every rule, keep the strongest signal per code, combine them by noisy-OR."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable, Mapping
from functools import cache, partial
from typing import Any, Protocol, runtime_checkable

from jobsieve.listing import Risk, RiskLevel, Signal

from . import contact, pay, rules
from .lexicon import load_lexicon
from .view import ListingView

RULES_VERSION = "rules-0.1"
HIGH_THRESHOLD = 0.7
MEDIUM_THRESHOLD = 0.3

Rule = Callable[[ListingView], Signal | None]
log = logging.getLogger(__name__)


@runtime_checkable
class Scorer(Protocol):
    """What callers need from any scam-risk model: the rules now, a trained model later."""

    @property
    def version(self) -> str: ...

    def score(self, listing: Mapping[str, Any]) -> Risk: ...


class RuleScorer:
    """Scam risk from hand-written rules; scores are not calibrated probabilities yet."""

    def __init__(self, rules: Iterable[Rule], version: str = RULES_VERSION) -> None:
        self.rules = tuple(rules)
        self._version = version

    @property
    def version(self) -> str:
        return self._version

    def score(self, listing: Mapping[str, Any]) -> Risk:
        """Assess one listing: any subset of fields, any types; never raises."""
        view = ListingView.of(listing)
        strongest: dict[str, Signal] = {}
        for signal in filter(None, map(partial(_run, view=view), self.rules)):
            if signal.code not in strongest or signal.weight > strongest[signal.code].weight:
                strongest[signal.code] = signal
        signals = sorted(strongest.values(), key=lambda signal: -signal.weight)
        score = combine(signal.weight for signal in signals)
        return Risk(score=score, level=level_for(score), signals=signals, model_version=self.version)


def combine(weights: Iterable[float]) -> float:
    """Noisy-OR: each signal independently has a `weight` chance of meaning a scam."""
    return round(1.0 - math.prod(1.0 - weight for weight in weights), 4)


def level_for(score: float) -> RiskLevel:
    """`high` from 0.7, `medium` from 0.3, else `low`."""
    return "high" if score >= HIGH_THRESHOLD else "medium" if score >= MEDIUM_THRESHOLD else "low"


@cache
def load_scorer(offline: bool = True) -> Scorer:
    """The current scorer, built once per process; `offline=True` guarantees no network call."""
    # v0's rules never touch the network; `offline` is kept for the WHOIS rule of a later version.
    lexicon = load_lexicon()
    ceilings = pay.load_ceilings(lexicon)
    return RuleScorer(
        [
            partial(rules.upfront_fee, lexicon=lexicon),
            partial(rules.personal_data, lexicon=lexicon),
            contact.no_contact_details,
            partial(pay.too_good_pay, lexicon=lexicon, ceilings=ceilings),
            partial(rules.pay_phrases, lexicon=lexicon),
        ]
    )


def _run(rule: Rule, view: ListingView) -> Signal | None:
    """One rule's verdict; a rule that fails is logged and skipped, so one bug can't stop a crawl."""
    try:
        return rule(view)
    except Exception:
        log.exception("rule %r failed; scoring the listing without it", rule)
        return None
