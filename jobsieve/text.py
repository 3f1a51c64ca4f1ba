"""Listing text is written by strangers: repair it, sanitise its HTML, and turn HTML into plain text."""

from __future__ import annotations

import html
import re
import unicodedata

import ftfy
import ftfy.badness
import lxml.etree
import lxml.html
import nh3

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
_INVISIBLE_TAGS = ("script", "style", "template", "noscript", "head", "title")
_BLOCK_TAGS = ("p", "div", "br", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr")
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def repair(text: str, *, markup: bool = False) -> str:
    """Fix mojibake (and, in plain text, HTML entities), drop control characters, cut absurd lengths."""
    text = text[:MAX_FIELD_CHARS]
    if not markup:
        text = html.unescape(text)
    # ftfy's fix_text is slow (line by line); a UTF-8 lead byte read as Latin-1 or cp1252 and followed
    # by a continuation byte is a cheap first hint, and ftfy's badness check confirms it.
    if _MOJIBAKE_HINT.search(text) and ftfy.badness.is_bad(text):
        text = ftfy.fix_encoding(text)
    return unicodedata.normalize("NFC", _CONTROL_CHARS.sub("", text))


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
    if not markup.strip():
        return ""
    root = lxml.html.fragment_fromstring(markup[:MAX_FIELD_CHARS], create_parent="div")
    lxml.etree.strip_elements(root, *_INVISIBLE_TAGS, with_tail=False)
    lxml.etree.strip_tags(root, lxml.etree.Comment, lxml.etree.ProcessingInstruction)
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    text = repair(root.text_content())
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
