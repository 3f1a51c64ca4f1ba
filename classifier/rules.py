"""Text rules: find lexicon phrases in a listing's words, skipping negated or post-hire mentions."""

from __future__ import annotations

import re

from jobsieve.listing import Signal

from .lexicon import Family, Lexicon
from .view import ListingView

UPFRONT_FEE_WEIGHT = 0.75
PERSONAL_DATA_WEIGHT = 0.6
PAY_PHRASE_WEIGHT = 0.25

_CLAUSE_BREAK = re.compile(r"[.,;:!?\n]")
_SENTENCE_BREAK = re.compile(r"[.!?\n]")
_CONTEXT_CHARS = 200
_NEGATION_WORDS = 6
_MAX_EVIDENCE_CHARS = 200


def upfront_fee(view: ListingView, lexicon: Lexicon) -> Signal | None:
    """The applicant is asked to pay: a fee, a deposit, a starter kit."""
    match = _first_match(lexicon.upfront_fee, view, lexicon)
    return Signal("upfront_fee", UPFRONT_FEE_WEIGHT, evidence(match)) if match else None


def personal_data(view: ListingView, lexicon: Lexicon) -> Signal | None:
    """The applicant is asked for an ID number, ID document or bank/card details before being hired."""
    match = _first_match(lexicon.personal_data, view, lexicon, unless=lexicon.after_hire)
    return Signal("personal_data", PERSONAL_DATA_WEIGHT, evidence(match)) if match else None


def pay_phrases(view: ListingView, lexicon: Lexicon) -> Signal | None:
    """Lure phrases about pay: "earn up to $…", "unlimited income", "guaranteed weekly pay"."""
    match = _first_match(lexicon.too_good_pay, view, lexicon)
    return Signal("too_good_pay", PAY_PHRASE_WEIGHT, evidence(match)) if match else None


def evidence(match: re.Match[str]) -> str:
    """The matched words, whitespace collapsed, cut to a readable length."""
    return " ".join(match.group(0).split())[:_MAX_EVIDENCE_CHARS]


def _first_match(
    family: Family, view: ListingView, lexicon: Lexicon, unless: re.Pattern[str] | None = None
) -> re.Match[str] | None:
    """The first match that is neither negated nor in a sentence that matches `unless`."""
    for match in family.finditer(view.text, view.folded):
        if _negated(match, lexicon):
            continue
        if unless is not None and unless.search(_sentence(match)):
            continue
        return match
    return None


def _negated(match: re.Match[str], lexicon: Lexicon) -> bool:
    """A negation cue in the last few words of the clause before, in the match, or right after it."""
    text, start, end = match.string, match.start(), match.end()
    before = _CLAUSE_BREAK.split(text[max(0, start - _CONTEXT_CHARS) : start])[-1]
    lead = " ".join(before.split()[-_NEGATION_WORDS:])
    after = _CLAUSE_BREAK.split(text[end : end + _CONTEXT_CHARS])[0]
    return bool(
        lexicon.negation_before.search(f"{lead} {match.group(0)}") or lexicon.negation_after.search(after)
    )


def _sentence(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    before = _SENTENCE_BREAK.split(text[max(0, start - _CONTEXT_CHARS) : start])[-1]
    after = _SENTENCE_BREAK.split(text[end : end + _CONTEXT_CHARS])[0]
    return f"{before}{match.group(0)}{after}"
