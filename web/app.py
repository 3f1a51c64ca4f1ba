"""The web site: a vetted feed of remote assistant jobs, read from the store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from jobsieve.config import Settings, get_settings
from jobsieve.store import Store
from web.errors import install_error_pages
from web.routes import health, pages
from web.security import SecurityHeadersMiddleware

STATIC = Path(__file__).resolve().parent / "static"


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The site; it opens the store from `settings` (and closes it) unless one is given."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if store is not None:
            yield
            return
        app.state.store = Store.open(settings.sqlalchemy_url)
        try:
            yield
        finally:
            app.state.store.close()

    app = FastAPI(title="jobsieve", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.store = store
    app.add_middleware(SecurityHeadersMiddleware)
    install_error_pages(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(health.router)
    app.include_router(pages.router)
    return app
