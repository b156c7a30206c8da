"""Settings from the environment (`BOT__TOKEN`, `DB__PATH`, …); never read at import time."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, Field, SecretStr, ValidationInfo, field_validator

from retrieval.errors import SettingsError
from retrieval.settings import RetrievalSettings, read_settings

__all__ = ["BotSection", "DbSection", "HttpSection", "Settings", "SettingsError", "load_settings"]

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


class Settings(RetrievalSettings):
    """All configuration: retrieval's settings plus the bot's sections (`BOT__ADMIN_IDS=[1,2]`)."""

    bot: BotSection = Field(default_factory=BotSection)
    db: DbSection = Field(default_factory=DbSection)
    http: HttpSection = Field(default_factory=HttpSection)


def load_settings() -> Settings:
    """Read settings; a bad one raises SettingsError with one line naming the variable."""
    return read_settings(Settings)
