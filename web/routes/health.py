"""A liveness check for load balancers and the CLI."""

from __future__ import annotations

from fastapi import APIRouter

from web.deps import StoreDep

router = APIRouter()


@router.get("/healthz")
def healthz(store: StoreDep) -> dict[str, str | int]:
    """`ok` with the number of stored listings, which proves the database answers."""
    return {"status": "ok", "listings": store.count_listings()}
