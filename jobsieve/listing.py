"""The listing record and its risk assessment: the contract between crawler, classifier, store and site.

Field names follow `docs/listing-schema.md`; add fields, never rename them.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

RemoteKind = Literal["fully_remote", "partially_remote", "on_site", "unknown"]
RiskLevel = Literal["low", "medium", "high"]

REMOTE_KINDS: tuple[str, ...] = ("fully_remote", "partially_remote", "on_site", "unknown")
EMPLOYMENT_TYPES: tuple[str, ...] = (
    "full_time",
    "part_time",
    "contract",
    "freelance",
    "temporary",
    "internship",
    "other",
)
SALARY_PERIODS: tuple[str, ...] = ("hour", "day", "week", "month", "year", "task")
RISK_LEVELS: tuple[str, ...] = ("low", "medium", "high")


@dataclass(slots=True)
class Signal:
    """One rule that fired, with the text or value that made it fire."""

    code: str
    weight: float
    evidence: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Signal:
        return cls(code=str(data["code"]), weight=float(data["weight"]), evidence=str(data["evidence"]))


@dataclass(slots=True)
class Risk:
    """A scam-risk assessment of one listing."""

    score: float
    level: RiskLevel
    signals: list[Signal]
    model_version: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Risk:
        return cls(
            score=float(data["score"]),
            level=data["level"],
            signals=[Signal.from_dict(s) for s in data.get("signals", [])],
            model_version=str(data["model_version"]),
        )


@dataclass(slots=True)
class Listing:
    """One normalised job listing (see `docs/listing-schema.md`)."""

    source: str
    source_id: str
    url: str
    title: str
    description: str = ""
    id: str = ""
    apply_url: str | None = None
    company: str | None = None
    company_url: str | None = None
    company_profile: str | None = None
    description_html: str | None = None
    requirements: str | None = None
    benefits: str | None = None
    location: str | None = None
    remote: RemoteKind = "unknown"
    employment_type: str | None = None
    salary_text: str | None = None
    salary_min: float | None = None
    salary_max: float | None = None
    salary_currency: str | None = None
    salary_period: str | None = None
    posted_at: str | None = None
    scraped_at: str | None = None
    language: str = "und"
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    has_company_logo: bool | None = None
    attribution: str | None = None
    risk: Risk | None = None

    def __post_init__(self) -> None:
        if not self.id:
            self.id = listing_id(self.source, self.source_id)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def listing_id(source: str, source_id: str) -> str:
    """A stable id for a listing: a short hash of its source and the source's own id."""
    digest = hashlib.sha256(f"{source}\x1f{source_id}".encode()).hexdigest()
    return f"{source}-{digest[:16]}"
