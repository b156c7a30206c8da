"""Settings from the environment (`BOT__TOKEN`, `DB__PATH`, …); never read at import time."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from retrieval.config import DEFAULT_MODEL, RetrievalConfig


class BotSection(BaseModel):
    token: SecretStr | None = None
    api_base: str | None = None
    admin_ids: list[int] = Field(default_factory=list)
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None

    @field_validator("api_base", "webhook_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and value and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value or None


class DbSection(BaseModel):
    path: Path = Path("data/atazan.sqlite3")
    retention_days: int = Field(default=90, ge=1)


class RetrievalSection(BaseModel):
    model: str = DEFAULT_MODEL


class Settings(BaseSettings):
    """All configuration; nested sections use `__` in env names (e.g. `BOT__ADMIN_IDS=[1,2]`)."""

    model_config = SettingsConfigDict(env_nested_delimiter="__", extra="ignore")

    bot: BotSection = Field(default_factory=BotSection)
    db: DbSection = Field(default_factory=DbSection)
    retrieval: RetrievalSection = Field(default_factory=RetrievalSection)
    data_dir: Path = Path("data")
    corpus_dir: Path = Path("corpus")

    def retrieval_config(self) -> RetrievalConfig:
        return RetrievalConfig(
            model=self.retrieval.model, data_dir=self.data_dir, corpus_dir=self.corpus_dir
        )


class SettingsError(Exception):
    """A bad setting; the message is one line naming the env variable."""


def load_settings() -> Settings:
    """Read settings, turning pydantic's multi-line report into one line per bad variable."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "__".join(str(p) for p in first["loc"]).upper()
        raise SettingsError(f"bad setting {name}: {first['msg']}") from None
    except Exception as exc:  # pydantic-settings raises SettingsError for undecodable JSON
        raise SettingsError(f"bad setting: {exc}".splitlines()[0]) from None
