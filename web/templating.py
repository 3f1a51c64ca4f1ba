"""The site's Jinja2 templates: autoescaped, strict about undefined names, with our filters and tests."""

from __future__ import annotations

from pathlib import Path

import jinja2
from fastapi.templating import Jinja2Templates

from web import filters, labels
from web.attribution import apply_link, credit_for

TEMPLATES = Path(__file__).resolve().parent / "templates"


def build_templates() -> Jinja2Templates:
    """Templates with autoescaping always on, whatever a file's name."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.tests["safe_url"] = filters.is_safe_url
    env.filters.update(
        sanitized=filters.sanitized,
        lang_attr=filters.lang_attr,
        iso_date=filters.iso_date,
        label=labels.label,
        language_name=labels.language_name,
        pay=labels.pay,
        credit=credit_for,
        apply_link=apply_link,
    )
    return Jinja2Templates(env=env)


templates = build_templates()
