"""Load the multilingual lexicons (`lexicons/*.toml`) and compile them once into regexes."""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

_REACH_CHARS = 400
"""How far a match can extend from its anchor: patterns run only within this of an anchor."""
_WORD = r"[\w'\u2019-]+"
_SEP = r"[\s,:()\"“”„/]+"
"""Gaps in a phrase span words and light punctuation, never a sentence end."""


@dataclass(frozen=True, slots=True)
class Family:
    """One signal family's compiled pattern and the anchors (lower-case stems) every match contains."""

    pattern: re.Pattern[str]
    anchors: tuple[str, ...]

    def finditer(self, text: str, folded: str) -> Iterator[re.Match[str]]:
        """Matches in `text` (with `folded` its lower-case form), searching only near the anchors."""
        # Python's re tries every alternative at every position; str.find is far faster.
        if len(folded) != len(text):
            yield from self.pattern.finditer(text)
            return
        for start, end in _windows(folded, self.anchors):
            yield from self.pattern.finditer(text, start, end)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled patterns of every language, merged: listings mix languages and mislabel them."""

    languages: tuple[str, ...]
    negation_before: re.Pattern[str]
    negation_after: re.Pattern[str]
    upfront_fee: Family
    personal_data: Family
    after_hire: re.Pattern[str]
    too_good_pay: Family
    roles: dict[str, re.Pattern[str]]
    seniority: re.Pattern[str]


def load_lexicon() -> Lexicon:
    """Read every packaged lexicon file and compile its entries."""
    folder = resources.files("classifier") / "lexicons"
    files = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".toml")), key=lambda e: e.name
    )
    terms: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entry in files:
        for section, table in tomllib.loads(entry.read_text(encoding="utf-8")).items():
            for key, patterns in table.items():
                terms[section, key].extend(patterns)
    personal = {
        key: _either(terms["personal_data", key]) for key in ("ask_before", "possessive", "identifiers")
    }
    asked_first = (
        rf"(?:{personal['ask_before']}){_SEP}(?:{_WORD}{_SEP}){{0,5}}?"
        rf"(?:{personal['possessive']}){_SEP}(?:{_WORD}{_SEP}){{0,2}}?(?:{personal['identifiers']})"
    )
    named_first = (
        rf"(?:{personal['possessive']}){_SEP}(?:{_WORD}{_SEP}){{0,2}}?(?:{personal['identifiers']})"
        rf"{_SEP}(?:{_WORD}{_SEP}){{0,4}}?(?:{_either(terms['personal_data', 'ask_after'])})"
    )
    return Lexicon(
        languages=tuple(entry.name.removesuffix(".toml") for entry in files),
        negation_before=_compile(_either(terms["negation", "before"])),
        negation_after=_compile(_either(terms["negation", "after"])),
        upfront_fee=Family(
            _compile(_either(terms["upfront_fee", "patterns"])), _anchors(terms, "upfront_fee")
        ),
        personal_data=Family(_compile(f"{asked_first}|{named_first}"), _anchors(terms, "personal_data")),
        after_hire=_compile(_either(terms["personal_data", "after_hire"])),
        too_good_pay=Family(
            _compile(_either(terms["too_good_pay", "patterns"])), _anchors(terms, "too_good_pay")
        ),
        roles={
            key: _compile(_either(patterns))
            for (section, key), patterns in terms.items()
            if section == "roles"
        },
        seniority=_compile(_either(terms["seniority", "patterns"])),
    )


def _anchors(terms: dict[tuple[str, str], list[str]], section: str) -> tuple[str, ...]:
    return tuple(sorted({anchor.lower() for anchor in terms[section, "anchors"]}))


def _windows(folded: str, anchors: tuple[str, ...]) -> list[tuple[int, int]]:
    """Merged spans of `_REACH_CHARS` around every anchor occurrence."""
    spans = []
    for anchor in anchors:
        found = folded.find(anchor)
        while found >= 0:
            spans.append((max(0, found - _REACH_CHARS), found + len(anchor) + _REACH_CHARS))
            found = folded.find(anchor, found + len(anchor))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _either(patterns: list[str]) -> str:
    if not patterns:
        raise ValueError("a lexicon entry list is empty: every language file must define the same keys")
    return "|".join(f"(?:{pattern})" for pattern in patterns)


def _compile(alternatives: str) -> re.Pattern[str]:
    """Whole words only, case-insensitive."""
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
