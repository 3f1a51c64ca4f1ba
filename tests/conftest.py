"""Shared fixtures: isolated settings, and a store on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from jobsieve.config import Settings, get_settings
from jobsieve.store import Store

POSTGRES_ADMIN_URL = os.environ.get(
    "JOBSIEVE_TEST_POSTGRES_URL", "postgresql+psycopg://jobsieve:jobsieve@127.0.0.1:5432/postgres"
)


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test reads the developer's configuration or writes to their data directory."""
    for name in list(os.environ):
        if name.startswith("JOBSIEVE_") and name != "JOBSIEVE_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("JOBSIEVE_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def settings() -> Settings:
    return get_settings()


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    """The admin URL of the test PostgreSQL server; fails (never skips) when there is none."""
    engine = create_engine(POSTGRES_ADMIN_URL)
    try:
        with engine.connect():
            pass
    except Exception as error:
        pytest.fail(
            f"no PostgreSQL server at {make_url(POSTGRES_ADMIN_URL).render_as_string()}: {error}. "
            "Run scripts/ensure-postgres (make test does) or set JOBSIEVE_TEST_POSTGRES_URL."
        )
    finally:
        engine.dispose()
    return POSTGRES_ADMIN_URL


@pytest.fixture
def postgres_url(postgres_server_url: str) -> Iterator[str]:
    """A new, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"jobsieve_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(postgres_server_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    """The URL of an empty database, once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    store = Store.open(database_url)
    yield store
    store.close()
