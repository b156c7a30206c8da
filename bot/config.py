"""Settings from the environment (`BOT__TOKEN`, `DB__PATH`, …); never read at import time."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pydantic import (
    BaseModel,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

from retrieval.config import DEFAULT_BACKEND, DEFAULT_MODEL, Backend, RetrievalConfig

# Telegram's rule for setWebhook's secret_token: 1-256 characters A-Z a-z 0-9 _ -
_WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


class BotSection(BaseModel):
    token: SecretStr | None = None
    api_base: str | None = None
    admin_ids: list[int] = Field(default_factory=list)
    webhook_url: str | None = None
    # validate_default: a webhook URL without a secret must fail even when the secret is unset
    webhook_secret: SecretStr | None = Field(default=None, validate_default=True)
    # Seconds that in-flight updates get to finish on SIGTERM before the bot closes anyway.
    shutdown_timeout: float = Field(default=25.0, gt=0)

    @field_validator("api_base", "webhook_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and value and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value or None

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        secret = value.get_secret_value() if value is not None else ""
        if not secret:
            if info.data.get("webhook_url"):
                raise ValueError("required when BOT__WEBHOOK_URL is set (webhook mode)")
            return None
        if not _WEBHOOK_SECRET.fullmatch(secret):
            raise ValueError("1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)")
        return value


class DbSection(BaseModel):
    path: Path = Path("data/atazan.sqlite3")
    retention_days: int = Field(default=90, ge=1)
    # Key of the HMAC that pseudonymises Telegram ids; generated into `<path>.hashkey` if unset.
    hash_key: SecretStr | None = None


class HttpSection(BaseModel):
    """The internal port of `atazan run`: /healthz, /metrics, /admin/reload and the webhook."""

    enabled: bool = True
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)  # 0: any free port (tests)
    # Bearer token for POST /admin/reload; unset means the endpoint does not exist (404).
    admin_token: SecretStr | None = None

    @field_validator("admin_token")
    @classmethod
    def _non_empty(cls, value: SecretStr | None) -> SecretStr | None:
        return value if value is not None and value.get_secret_value() else None


class RetrievalSection(BaseModel):
    model: str = DEFAULT_MODEL
    backend: Backend = DEFAULT_BACKEND


class Settings(BaseSettings):
    """All configuration; nested sections use `__` in env names (e.g. `BOT__ADMIN_IDS=[1,2]`)."""

    model_config = SettingsConfigDict(env_nested_delimiter="__", extra="ignore")

    bot: BotSection = Field(default_factory=BotSection)
    db: DbSection = Field(default_factory=DbSection)
    http: HttpSection = Field(default_factory=HttpSection)
    retrieval: RetrievalSection = Field(default_factory=RetrievalSection)
    data_dir: Path = Path("data")
    corpus_dir: Path = Path("corpus")
    # Read-only data baked into the Docker image; serves until DATA_DIR has its own build.
    builtin_data_dir: Path | None = None

    def retrieval_config(self) -> RetrievalConfig:
        return RetrievalConfig(
            model=self.retrieval.model,
            backend=self.retrieval.backend,
            data_dir=self.data_dir,
            corpus_dir=self.corpus_dir,
            builtin_data_dir=self.builtin_data_dir,
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


def cli_retrieval_config() -> RetrievalConfig | None:
    """For shell commands: the retrieval paths, or None after printing the one-line error."""
    try:
        return load_settings().retrieval_config()
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return None
