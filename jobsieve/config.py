"""Configuration: one settings object, read from `JOBSIEVE_*` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_path
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "JOBSIEVE_"


class Settings(BaseSettings):
    """Every setting of jobsieve; each field `x` is read from `JOBSIEVE_X`."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore")

    data_dir: Path = Field(
        default_factory=lambda: user_data_path("jobsieve", appauthor=False),
        description="Where the SQLite database and caches live.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the store; SQLite in data_dir when unset "
        "(e.g. postgresql+psycopg://user:pass@host/db for PostgreSQL).",
    )
    offline: bool = Field(default=False, description="Make no network call: replay recorded sources.")
    recordings_dir: Path | None = Field(
        default=None,
        description="Recorded source responses to replay offline, one folder per spider "
        "(default: the recordings bundled in crawler/recordings).",
    )
    host: str = Field(default="127.0.0.1", description="Address the site listens on.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port the site listens on.")
    contact_url: str = Field(
        default="https://github.com/jobsieve/jobsieve",
        description="Where site owners can learn about our crawler (sent in the User-Agent).",
    )
    page_size: int = Field(default=50, ge=1, le=500, description="Listings per feed page.")

    @property
    def sqlalchemy_url(self) -> str:
        """The store's URL: `database_url`, or the SQLite file in `data_dir`."""
        return self.database_url or f"sqlite:///{self.data_dir / 'jobsieve.sqlite3'}"

    @property
    def user_agent(self) -> str:
        return f"jobsieve/0.1 (+{self.contact_url})"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read once from the environment."""
    return Settings()
