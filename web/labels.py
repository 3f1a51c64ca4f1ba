"""Human words for the codes stored in listings (remote kinds, employment types, risk levels, signals)."""

from __future__ import annotations

from jobsieve.listing import Listing

LABELS: dict[str, str] = {
    "fully_remote": "Fully remote",
    "partially_remote": "Partly remote",
    "on_site": "On site",
    "unknown": "Not stated",
    "full_time": "Full time",
    "part_time": "Part time",
    "contract": "Contract",
    "freelance": "Freelance",
    "temporary": "Temporary",
    "internship": "Internship",
    "other": "Other",
    "low": "Low risk",
    "medium": "Medium risk",
    "high": "High risk",
    "upfront_fee": "Asks the applicant to pay",
    "fake_cheque": "Cheques, gift cards or money transfers",
    "reshipping": "Reshipping or parcel handling",
    "personal_data": "Asks for ID or bank details early",
    "chat_interview": "Interview only by chat",
    "task_scam": "Paid micro-tasks or deposits",
    "free_mail_recruiter": "Recruiter uses a free-mail address",
    "domain_mismatch": "Links or e-mail do not match the company",
    "lookalike_domain": "Look-alike or shortened domain",
    "new_domain": "Recently registered domain",
    "no_contact_details": "No way to verify the employer",
    "too_good_pay": "Pay too good to be true",
    "urgency": "Pressure to act fast",
    "guaranteed_job": "Guaranteed job",
    "vague_listing": "Vague listing",
    "mlm": "Recruiting others (MLM)",
    "known_bad": "Seen before in a scam",
}

LANGUAGE_NAMES: dict[str, str] = {"en": "English", "de": "German", "da": "Danish"}

PERIODS: dict[str, str] = {
    "hour": "an hour",
    "day": "a day",
    "week": "a week",
    "month": "a month",
    "year": "a year",
    "task": "a task",
}


def label(code: str | None) -> str:
    """The words for a stored code; unknown codes are shown readable rather than hidden."""
    if not code:
        return "Not stated"
    return LABELS.get(code, code.replace("_", " ").capitalize())


def language_name(code: str | None) -> str:
    return LANGUAGE_NAMES.get(code or "", code or "Unknown")


def pay(listing: Listing) -> str | None:
    """The pay as the source wrote it, or built from the parsed range when there is no text."""
    if listing.salary_text:
        return listing.salary_text
    amounts = [f"{value:,.0f}" for value in (listing.salary_min, listing.salary_max) if value]
    if not amounts:
        return None
    span = "\N{EN DASH}".join(dict.fromkeys(amounts))
    words = [listing.salary_currency or "", span, PERIODS.get(listing.salary_period or "", "")]
    return " ".join(word for word in words if word)
