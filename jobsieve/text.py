"""Listing text is written by strangers: repair it, sanitise its HTML, and turn HTML into plain text."""

from __future__ import annotations

import html
import re

import ftfy
import nh3
from bs4 import BeautifulSoup

MAX_FIELD_CHARS = 100_000
"""Longer fields are cut: no real listing is this long, and a huge one must not stall the pipeline."""

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "div", "dl", "dt", "em", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "small", "span", "strong", "sub",
    "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"colspan"}, "th": {"colspan"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener noreferrer nofollow ugc"

_ESCAPED_MARKUP = re.compile(r"&lt;/?(?:p|div|br|ul|ol|li|span|strong|b|i|em|h[1-6]|a)\b", re.IGNORECASE)
_BLOCK_TAGS = ("p", "div", "br", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def repair(text: str, *, markup: bool = False) -> str:
    """Fix mojibake (and, in plain text, stray HTML entities), and cut absurdly long text."""
    return ftfy.fix_text(
        text[:MAX_FIELD_CHARS], unescape_html=not markup, uncurl_quotes=False, normalization="NFC"
    )


def clean_line(text: str | None) -> str | None:
    """A repaired single-line value (title, company, location): None when empty."""
    if text is None:
        return None
    line = " ".join(repair(str(text)).split())
    return line or None


def unescape_markup(markup: str) -> str:
    """Decode HTML that a source sent entity-escaped (`&lt;div&gt;...`), once."""
    return html.unescape(markup) if _ESCAPED_MARKUP.search(markup) else markup


def sanitize_html(markup: str) -> str:
    """HTML safe to show on our pages: no scripts, styles, event handlers or dangerous URLs."""
    return nh3.clean(
        markup[:MAX_FIELD_CHARS],
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment, with paragraphs and list items on their own lines."""
    soup = BeautifulSoup(markup[:MAX_FIELD_CHARS], "html.parser")
    for tag in soup(["script", "style", "template", "noscript"]):
        tag.decompose()
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = repair(soup.get_text())
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
