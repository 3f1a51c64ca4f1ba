"""The site in a real browser: hostile listings run no script, the filter works without JavaScript."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from playwright.sync_api import ConsoleMessage, Page, sync_playwright
from test_web import HOSTILE_TEXT, sample_listings

from jobsieve.config import Settings
from jobsieve.store import Store
from web.app import create_app

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CSP_PROBE = "/csp-probe"
NOT_PWNED = "() => window.__pwned === undefined"


def add_csp_probe(app: FastAPI) -> None:
    """A page with inline script and style, as if sanitising had failed: the CSP must stop both."""

    def probe() -> HTMLResponse:
        return HTMLResponse(
            '<!doctype html><title>probe</title><link rel="icon" href="/static/favicon.svg">'
            "<script>window.__pwned = 'inline'</script>"
            '<p style="color: red" onclick="window.__pwned = \'click\'">probe</p>'
        )

    app.add_api_route(CSP_PROBE, probe, include_in_schema=False)


@pytest.fixture
def base_url(tmp_path: Path) -> Iterator[str]:
    """The site served by uvicorn on a free local port, from a store of normal and hostile listings."""
    store = Store.open(f"sqlite:///{tmp_path}/browser.sqlite3")
    store.upsert_listings(sample_listings())
    app = create_app(Settings(data_dir=tmp_path, page_size=3), store)
    add_csp_probe(app)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="none", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()
    store.close()


@pytest.fixture
def page() -> Iterator[Page]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no {CHROMIUM}: run scripts/ensure-chromium (make test does)")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        yield page
        browser.close()


def record_console(page: Page) -> list[dict[str, str]]:
    """Every console message and uncaught error of `page`, with the address it came from."""
    messages: list[dict[str, str]] = []

    def on_console(message: ConsoleMessage) -> None:
        messages.append({"url": page.url, "type": message.type, "text": message.text})

    page.on("console", on_console)
    page.on(
        "pageerror", lambda error: messages.append({"url": page.url, "type": "pageerror", "text": str(error)})
    )
    return messages


def test_feed_filter_and_hostile_detail_in_chromium(base_url: str, page: Page) -> None:
    console = record_console(page)

    page.goto(base_url)
    assert page.locator("ol.feed > li").count() == 3
    assert page.locator(".risk-high").count() == 0
    page.screenshot(path=ARTIFACTS / "feed-default.png", full_page=True)

    page.get_by_label("Low risk").uncheck()
    page.get_by_label("High risk").check()
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/?risk=medium&risk=high")
    assert page.locator("ol.feed > li.risk-high .warning").count() == 1
    assert page.locator("ol.feed > li").count() == 3
    page.screenshot(path=ARTIFACTS / "feed-medium-high.png", full_page=True)

    page.get_by_role("link", name="Next →").click()
    page.wait_for_url("**/?risk=medium&risk=high&page=2")
    assert page.locator("ol.feed > li.risk-high").count() == 1

    page.goto(base_url + "/?risk=medium")
    page.get_by_role("link", name="Data entry").click()
    page.wait_for_url("**/listings/*")
    assert page.evaluate(NOT_PWNED)
    assert page.title() == f"{HOSTILE_TEXT} · jobsieve"
    assert page.locator("script, style, iframe, svg, form.description *").count() == 0
    assert page.locator("a[href^='javascript:' i], a[href^=' javascript:' i]").count() == 0
    page.locator(".prose a", has_text="click me").click()
    assert page.evaluate(NOT_PWNED)
    page.screenshot(path=ARTIFACTS / "detail-hostile.png", full_page=True)

    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=ARTIFACTS / "detail-hostile-narrow.png", full_page=True)

    assert [message for message in console if message["type"] in ("error", "pageerror")] == []

    page.goto(base_url + CSP_PROBE)
    page.locator("p").click()
    assert page.evaluate(NOT_PWNED)
    assert page.evaluate("() => getComputedStyle(document.querySelector('p')).color") != "rgb(255, 0, 0)"
    (ARTIFACTS / "console.json").write_text(json.dumps(console, indent=2, ensure_ascii=False))
    blocked = [message["text"] for message in console if message["url"].endswith(CSP_PROBE)]
    assert sorted(text.split(" violates ")[0] for text in blocked) == [
        "Applying inline style",
        "Executing inline event handler",
        "Executing inline script",
    ], blocked
