"""The `no_contact_details` rule: judged from the contact fields, only when they are present."""

from __future__ import annotations

from jobsieve.listing import Signal

from .view import ListingView, strings_of

NOTHING_WEIGHT = 0.5
NO_EMPLOYER_WEIGHT = 0.25
NAME_ONLY_WEIGHT = 0.15
REACH_FIELDS: tuple[str, ...] = ("emails", "phones", "apply_url", "urls")


def no_contact_details(view: ListingView) -> Signal | None:
    """No company name, no company website and no way to reach the employer, in graded steps.

    A missing key means "unknown", not "absent", so nothing is judged unless the record carries
    both `company` and `company_url`. A job-board listing with a company name and an apply link
    but no company website does not fire: that is how most legitimate board listings look.
    """
    fields = view.fields
    if "company" not in fields or "company_url" not in fields:
        return None
    has_name = bool(strings_of(fields.get("company")))
    has_site = any(_looks_like_url(url) for url in strings_of(fields.get("company_url")))
    reach = [name for name in REACH_FIELDS if _reachable(name, strings_of(fields.get(name)))]
    if has_site or (has_name and reach):
        return None
    if has_name:
        return Signal(
            "no_contact_details", NAME_ONLY_WEIGHT, "company name only: no website, email, phone or link"
        )
    if reach:
        found = ", ".join(reach)
        return Signal("no_contact_details", NO_EMPLOYER_WEIGHT, f"no company name or website (only {found})")
    return Signal("no_contact_details", NOTHING_WEIGHT, "no company name, website, email, phone or link")


def _reachable(field: str, values: list[str]) -> bool:
    if field == "emails":
        return any("@" in value for value in values)
    if field == "phones":
        return any(sum(char.isdigit() for char in value) >= 6 for value in values)
    return any(_looks_like_url(value) for value in values)


def _looks_like_url(value: str) -> bool:
    return "." in value and not any(char.isspace() for char in value) and len(value) < 2048
