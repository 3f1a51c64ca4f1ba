"""Dependencies of the routes, as `Annotated` aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from jobsieve.config import Settings
from jobsieve.store import Store

MAX_QUERY_BYTES = 2048
"""No real feed address comes close; longer query strings are refused before they are parsed."""


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def limit_query(request: Request) -> None:
    """Refuse absurdly long query strings with a 414 page."""
    if len(request.scope.get("query_string", b"")) > MAX_QUERY_BYTES:
        raise HTTPException(
            414, "This address is too long. Start again from the feed and choose your filters there."
        )


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
