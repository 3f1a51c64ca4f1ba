"""The scorer's contract: public API, combination, levels, hostile input, and a real-data sanity check."""

from importlib import resources

import pandas as pd
import pytest

from classifier import Scorer, load_scorer
from classifier.scorer import combine, level_for
from jobsieve.listing import Listing, Risk

SCAM = {
    "title": "Data Entry Clerk",
    "description": (
        "You must pay a $60 registration fee. Send us your SSN and bank account details. Earn $45/hour."
    ),
}


def test_load_scorer_returns_one_scorer_with_a_version():
    scorer = load_scorer(offline=True)
    assert scorer is load_scorer(offline=True)
    assert isinstance(scorer, Scorer)
    assert scorer.version == "rules-0.1"
    assert scorer.score(SCAM).model_version == scorer.version


def test_scam_listing_is_high_with_signals_sorted_by_weight():
    risk = load_scorer().score(SCAM)
    assert risk.level == "high"
    assert [s.code for s in risk.signals] == ["upfront_fee", "personal_data", "too_good_pay"]
    assert risk.score == combine(s.weight for s in risk.signals)


def test_scorer_accepts_a_listing_object():
    listing = Listing(
        source="t",
        source_id="1",
        url="https://example.org/1",
        title=SCAM["title"],
        description=SCAM["description"],
    )
    assert load_scorer().score(listing).level == "high"


@pytest.mark.parametrize(
    ("weights", "expected"), [([], 0.0), ([0.5], 0.5), ([0.5, 0.5], 0.75), ([0.75, 0.6], 0.9)]
)
def test_combine_is_noisy_or(weights, expected):
    assert combine(weights) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("score", "level"), [(0.0, "low"), (0.29, "low"), (0.3, "medium"), (0.69, "medium"), (0.7, "high")]
)
def test_level_thresholds(score, level):
    assert level_for(score) == level


HOSTILE = [
    {},
    None,
    [],
    "not a mapping",
    {"title": None, "description": None, "company": None, "company_url": None, "emails": None},
    {"title": 42, "description": 3.5, "salary_min": "abc", "salary_max": float("nan"), "salary_period": 7},
    {"title": ["x", 1, None, {"a": 1}], "description": [[["deep"]]], "emails": "x@y", "phones": {"a": 1}},
    {"description": "\x00\xff\ufffd" * 1000, "title": b"\xff\xfe binary"},
    {"description": {"nested": {"deeper": ["send us your SSN"]}}},
    {"salary_min": 10**400, "salary_max": True, "salary_currency": ["USD"], "salary_period": "hour"},
    {"salary_min": 45, "salary_currency": "USD", "salary_period": "hour", "title": None},
    {"description": "$" * 10_000 + "1" * 10_000 + "€" * 1000},
    {"description": "you " * 50_000 + "send your SSN"},
    {"company": "", "company_url": "", "emails": [None, 5, ""], "apply_url": ["http://x"], "urls": [b"x"]},
]


@pytest.mark.parametrize("listing", HOSTILE)
def test_score_never_raises_on_junk(listing):
    risk = load_scorer().score(listing)
    assert isinstance(risk, Risk)
    assert 0.0 <= risk.score <= 1.0
    assert risk.level in ("low", "medium", "high")


@pytest.mark.parametrize("listing", [{}, None, {"title": None, "description": None}, {"foo": {"bar": 1}}])
def test_nothing_to_judge_is_neutral_low(listing):
    assert load_scorer().score(listing) == Risk(0.0, "low", [], "rules-0.1")


def test_five_megabyte_description_is_scored():
    description = ("Friendly team, flexible hours. " * 170_000) + " You must pay a registration fee."
    assert len(description) > 5_000_000
    risk = load_scorer().score({"description": "You must pay a registration fee. " + description})
    assert [s.code for s in risk.signals] == ["upfront_fee"]


def emscad_listings():
    """EMSCAD rows mapped onto the listing schema (contact fields are masked there, so absent)."""
    path = resources.files("classifier") / "data" / "emscad" / "emscad_rows.csv"
    rows = pd.read_csv(path, keep_default_na=False)
    fields = ["title", "location", "department", "company_profile", "description", "requirements", "benefits"]
    for row in rows.to_dict("records"):
        listing = {name: row[name] for name in fields} | {"salary_text": row["salary_range"]}
        yield listing, int(row["fraudulent"])


def test_rules_fire_far_more_often_on_emscad_fraud_than_on_legitimate_rows():
    scorer = load_scorer()
    fired = {0: [], 1: []}
    for listing, label in emscad_listings():
        fired[label].append(bool(scorer.score(listing).signals))
    fraud_rate = sum(fired[1]) / len(fired[1])
    legit_rate = sum(fired[0]) / len(fired[0])
    assert len(fired[1]) > 600 and len(fired[0]) > 600
    assert fraud_rate >= 0.05
    assert fraud_rate >= 4 * legit_rate
