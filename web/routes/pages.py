"""The HTML pages: the vetted feed and one listing's details."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from jobsieve.listing import RISK_LEVELS, RiskLevel
from web.deps import SettingsDep, StoreDep, limit_query
from web.pagination import DEFAULT_LEVELS, MAX_PAGE, Pager, chosen_levels, feed_query
from web.templating import templates

router = APIRouter(dependencies=[Depends(limit_query)], default_response_class=HTMLResponse)


@router.get("/", name="feed")
def feed(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    risk: Annotated[list[RiskLevel] | None, Query(description="Risk levels to show.")] = None,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number, from 1.")] = 1,
) -> HTMLResponse:
    """Stored listings, safest first and then newest, filtered by risk level."""
    levels = chosen_levels(risk)
    counts = {level: store.count_listings([level]) for level in RISK_LEVELS}
    pager = Pager(page=page, page_size=settings.page_size, total=sum(counts[level] for level in levels))
    if not pager.exists:
        raise HTTPException(404, f"There is no page {page}: this view has {pager.pages} page(s).")
    listings = store.feed(levels, limit=pager.page_size, offset=pager.offset)
    context = {
        "levels": levels,
        "all_levels": RISK_LEVELS,
        "default_levels": DEFAULT_LEVELS,
        "counts": counts,
        "pager": pager,
        "listings": listings,
        "feed_query": feed_query,
    }
    return templates.TemplateResponse(request, "feed.html", context)


@router.get("/listings/{listing_id:path}", name="listing")
def listing_detail(request: Request, store: StoreDep, listing_id: str) -> HTMLResponse:
    """One listing with its risk score, the signals behind it and a link back to its source."""
    listing = store.get_listing(listing_id)
    if listing is None:
        raise HTTPException(404, "There is no listing with this address. It may have been removed.")
    return templates.TemplateResponse(request, "detail.html", {"listing": listing})
