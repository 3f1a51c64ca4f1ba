"""The `jobsieve score` contract: JSON Lines in, the same records with a `risk` object out."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from classifier import Scorer


@dataclass(frozen=True, slots=True)
class BadLine:
    number: int
    reason: str


def score_lines(lines: Iterable[bytes], output: IO[str], scorer: Scorer) -> list[BadLine]:
    """Score every listing line into `output` in order; return the lines that were skipped, and why."""
    bad: list[BadLine] = []
    for number, raw in enumerate(lines, start=1):
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            bad.append(BadLine(number, f"not UTF-8 text ({error.reason} at byte {error.start})"))
            continue
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            bad.append(BadLine(number, f"not valid JSON ({error.msg} at column {error.colno})"))
            continue
        if not isinstance(record, dict):
            bad.append(BadLine(number, f"a JSON {type(record).__name__}, not an object with listing fields"))
            continue
        record["risk"] = scorer.score(record).to_dict()
        output.write(json.dumps(record, ensure_ascii=False) + "\n")
    return bad
