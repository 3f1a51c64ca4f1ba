"""Alembic environment: migrates the engine handed over by `jobsieve.store.db`, or the configured store."""

from __future__ import annotations

from alembic import context

from jobsieve.config import get_settings
from jobsieve.store.db import make_engine
from jobsieve.store.models import Base

engine = context.config.attributes.get("engine") or make_engine(get_settings().sqlalchemy_url)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
