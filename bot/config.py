"""Settings from the environment (`BOT__TOKEN`, `DB__PATH`, …); never read at import time."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, Field, SecretStr, ValidationInfo, field_validator

from retrieval.errors import SettingsError
from retrieval.settings import RetrievalSettings, read_settings

__all__ = [
    "BotSection",
    "DbSection",
    "HttpSection",
    "LimitsSection",
    "Settings",
    "SettingsError",
    "load_settings",
]

# Telegram's rule for setWebhook's secret_token: 1-256 characters A-Z a-z 0-9 _ -
_WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
# An HMAC key short enough to guess would let anyone holding the database re-identify users.
MIN_HASH_KEY_LENGTH = 16
# Upper bound of the interval settings: Redis expiries and timers need a finite count.
_YEAR_S = 365 * 24 * 3600.0


def _not_empty(value: object) -> object:
    """An empty path (`SECRETS_DIR=` in an .env) would silently mean the working directory."""
    if isinstance(value, str) and not value.strip():
        raise ValueError("empty; unset it for the default, or give a path")
    return value


class BotSection(BaseModel):
    token: SecretStr | None = None
    api_base: str | None = None
    admin_ids: list[int] = Field(default_factory=list)
    webhook_url: str | None = None
    # validate_default: a webhook URL without a secret must fail even when the secret is unset
    webhook_secret: SecretStr | None = Field(default=None, validate_default=True)
    # Seconds that in-flight updates get to finish on SIGTERM before the bot closes anyway.
    shutdown_timeout: float = Field(default=25.0, gt=0, le=3600, allow_inf_nan=False)

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
    # At most a century: a cutoff before year 1 would stop every purge (and start-up).
    retention_days: int = Field(default=90, ge=1, le=36_500)
    # Key of the HMAC that pseudonymises Telegram ids, or a file holding it (a Docker/compose
    # secret); with neither, one is generated into SECRETS_DIR (bot/storage/hash_key.py).
    hash_key: SecretStr | None = None
    hash_key_file: Path | None = None
    # postgresql://user:password@host:port/database: PostgreSQL shared by every replica instead
    # of the SQLite file (schema by `atazan db migrate`). After the key fields: it needs one.
    url: SecretStr | None = None

    @field_validator("path", mode="before")
    @classmethod
    def _path_not_empty(cls, value: object) -> object:
        return _not_empty(value)

    @field_validator("hash_key")
    @classmethod
    def _long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None  # compose passes unset variables as empty strings
        if len(value.get_secret_value()) < MIN_HASH_KEY_LENGTH:
            raise ValueError(f"must be at least {MIN_HASH_KEY_LENGTH} characters")
        return value

    @field_validator("hash_key_file", mode="before")
    @classmethod
    def _one_source(cls, value: object, info: ValidationInfo) -> object:
        if value in ("", None):
            return None
        if info.data.get("hash_key") is not None:
            raise ValueError("set DB__HASH_KEY or DB__HASH_KEY_FILE, not both")
        return value

    @field_validator("url")
    @classmethod
    def _postgres_with_key(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        url = value.get_secret_value() if value is not None else ""
        if not url:
            return None
        # The value is never echoed: it usually holds the database password.
        if not url.startswith(("postgresql://", "postgres://")):
            raise ValueError("must start with postgresql:// (PostgreSQL is the only server)")
        if info.data.get("hash_key") is None and info.data.get("hash_key_file") is None:
            # A key generated per replica would hash one citizen differently on each of them.
            raise ValueError(
                "needs DB__HASH_KEY (or DB__HASH_KEY_FILE): every replica must hash a user "
                "with the same key"
            )
        return value


class HttpSection(BaseModel):
    """The internal port of `atazan run`: /healthz, /metrics, /admin/reload and the webhook."""

    enabled: bool = True
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)  # 0: any free port (tests)
    # Bearer token for POST /admin/reload; unset means the endpoint does not exist (404).
    admin_token: SecretStr | None = None

    @field_validator("host", mode="before")
    @classmethod
    def _host_not_empty(cls, value: object) -> object:
        # An empty host binds every interface: /metrics and /admin/reload would face the network.
        if isinstance(value, str) and not value.strip():
            raise ValueError("empty (it would listen on every interface); unset it for 127.0.0.1")
        return value

    @field_validator("admin_token")
    @classmethod
    def _non_empty(cls, value: SecretStr | None) -> SecretStr | None:
        return value if value is not None and value.get_secret_value() else None


class LimitsSection(BaseModel):
    """Per-process limits and intervals an operator may tune (`LIMITS__SEARCH_K=10`, …)."""

    # Statements fetched per question; the answer shows 3 and "More" pages through the rest.
    search_k: int = Field(default=10, ge=1, le=50)
    # Token buckets per user: `burst` actions at once, refilled at `per_second`.
    message_burst: int = Field(default=5, ge=1)
    message_per_second: float = Field(default=1.0, gt=0, allow_inf_nan=False)
    button_burst: int = Field(default=10, ge=1)
    button_per_second: float = Field(default=3.0, gt=0, allow_inf_nan=False)
    inline_burst: int = Field(default=10, ge=1)
    inline_per_second: float = Field(default=3.0, gt=0, allow_inf_nan=False)
    # Seconds between retention purges (the first runs at start-up).
    purge_interval_s: float = Field(default=24 * 3600.0, gt=0, le=_YEAR_S, allow_inf_nan=False)
    # A previewed upload waits this long for Publish; older previews per moderator are dropped.
    pending_upload_ttl_s: float = Field(default=30 * 60.0, gt=0, le=_YEAR_S, allow_inf_nan=False)
    pending_uploads_per_moderator: int = Field(default=3, ge=1)
    # /stats covers this many local days; /unanswered lists this many questions.
    stats_days: int = Field(default=7, ge=1, le=90)
    unanswered_limit: int = Field(default=20, ge=1, le=100)


class Settings(RetrievalSettings):
    """All configuration: retrieval's settings plus the bot's sections (`BOT__ADMIN_IDS=[1,2]`)."""

    bot: BotSection = Field(default_factory=BotSection)
    db: DbSection = Field(default_factory=DbSection)
    http: HttpSection = Field(default_factory=HttpSection)
    limits: LimitsSection = Field(default_factory=LimitsSection)
    # Where a generated hash key is kept: apart from the database, backed up separately.
    secrets_dir: Path = Path("secrets")

    @field_validator("secrets_dir", mode="before")
    @classmethod
    def _secrets_not_empty(cls, value: object) -> object:
        return _not_empty(value)


def load_settings() -> Settings:
    """Read settings; a bad one raises SettingsError with one line naming the variable."""
    return read_settings(Settings)
