"""Retrieval's settings from the environment (`RETRIEVAL__MODEL`, `DATA_DIR`, …).

The bot's settings extend these, so one env variable means the same thing to both sides.
Never read at import time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, Field, SecretStr, ValidationError, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, SettingsConfigDict

from retrieval.config import (
    DEFAULT_BACKEND,
    DEFAULT_MODEL,
    EVAL_K,
    MAX_BATCH,
    MAX_QUESTION_CHARS,
    TOKEN_BUDGET,
    Backend,
    RetrievalConfig,
)
from retrieval.errors import SettingsError


class RetrievalSection(BaseModel):
    """Retrieval's knobs (`RETRIEVAL__TOKEN_BUDGET=2048`, …); the README table explains each."""

    model: str = DEFAULT_MODEL
    backend: Backend = DEFAULT_BACKEND
    max_question_chars: int = Field(default=MAX_QUESTION_CHARS, ge=50, le=20_000)
    token_budget: int = Field(default=TOKEN_BUDGET, ge=512, le=262_144)
    max_batch: int = Field(default=MAX_BATCH, ge=1, le=1024)
    eval_k: int = Field(default=EVAL_K, ge=3, le=50)
    # onnxruntime / OpenVINO threads per process (0: the usable cores, up to four); set 1 when
    # several replicas share few cores.
    model_threads: int = Field(default=0, ge=0, le=64)
    # Copies of the model sharing those threads, each encoding its share of a batch of
    # questions (0: auto; each copy costs ~60 MB).
    model_lanes: int = Field(default=0, ge=0, le=16)
    # `atazan serve-retrieval` base URL(s), comma-separated: the bot then asks them over HTTP
    # instead of loading the model itself (scale-out); unset: search runs in process.
    url: str | None = None
    # Seconds one retrieval service gets to answer before the next URL is tried.
    timeout_s: float = Field(default=3.0, gt=0, le=600, allow_inf_nan=False)
    # Bearer token of the service's corpus-change routes (`/v1/admin/…`): set on the service
    # and on the replicas, moderators' uploads and /reload go to the first URL; unset: none.
    admin_token: SecretStr | None = None

    @field_validator("model")
    @classmethod
    def _model_named(cls, value: str) -> str:
        # empty, it was looked up as a directory named '' and reported as a missing export
        if not value.strip():
            raise ValueError("empty; unset it for the default model")
        return value

    @field_validator("admin_token")
    @classmethod
    def _token(cls, value: SecretStr | None) -> SecretStr | None:
        return value if value is not None and value.get_secret_value() else None

    @field_validator("url")
    @classmethod
    def _urls(cls, value: str | None) -> str | None:
        urls = [u.strip().rstrip("/") for u in (value or "").split(",") if u.strip()]
        for url in urls:
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"{url!r} must start with http:// or https://")
        return ",".join(urls) or None

    @property
    def urls(self) -> list[str]:
        return self.url.split(",") if self.url else []


class RedisSection(BaseModel):
    """Shared state and corpus-version announcements for several replicas (`REDIS__URL`)."""

    url: str | None = None  # unset: everything stays in this process
    prefix: str = Field(default="atazan", pattern=r"^[A-Za-z0-9_.-]{1,64}$")

    @field_validator("url")
    @classmethod
    def _redis_url(cls, value: str | None) -> str | None:
        if value and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// or unix://")
        return value or None


class RetrievalSettings(BaseSettings):
    """Nested sections use `__` in env names (e.g. `RETRIEVAL__MODEL=...`)."""

    model_config = SettingsConfigDict(env_nested_delimiter="__", extra="ignore")

    retrieval: RetrievalSection = Field(default_factory=RetrievalSection)
    data_dir: Path = Path("data")
    corpus_dir: Path = Path("corpus")
    # Read-only data baked into the Docker image; serves until DATA_DIR has its own build.
    builtin_data_dir: Path | None = None
    redis: RedisSection = Field(default_factory=RedisSection)

    @field_validator("data_dir", "corpus_dir", mode="before")
    @classmethod
    def _not_empty(cls, value: object) -> object:
        # `DATA_DIR=` in an .env would otherwise mean the working directory (in the image: the
        # app's own folder instead of the /data volume, so published releases would be lost).
        if isinstance(value, str) and not value.strip():
            raise ValueError("empty; unset it for the default, or give a directory")
        return value

    @field_validator("builtin_data_dir", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("data_dir", "corpus_dir", "builtin_data_dir")
    @classmethod
    def _a_directory(cls, value: Path | None) -> Path | None:
        # a file there: `corpus build` died in mkdir, other commands said "run corpus build"
        if value is not None and value.exists() and not value.is_dir():
            raise ValueError(f"{value} is a file, not a directory")
        return value

    def retrieval_config(self) -> RetrievalConfig:
        return RetrievalConfig(
            model=self.retrieval.model,
            backend=self.retrieval.backend,
            data_dir=self.data_dir,
            corpus_dir=self.corpus_dir,
            builtin_data_dir=self.builtin_data_dir,
            max_question_chars=self.retrieval.max_question_chars,
            token_budget=self.retrieval.token_budget,
            max_batch=self.retrieval.max_batch,
            eval_k=self.retrieval.eval_k,
            model_threads=self.retrieval.model_threads,
            model_lanes=self.retrieval.model_lanes,
        )


S = TypeVar("S", bound=BaseSettings)


def read_settings(cls: type[S]) -> S:
    """Read `cls` from the environment, turning pydantic's report into one line."""
    try:
        return cls()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "__".join(str(p) for p in first["loc"]).upper()
        raise SettingsError(f"bad setting {name}: {first['msg']}") from None
    except Exception as exc:  # pydantic-settings raises SettingsError for undecodable JSON
        named = _undecodable_variable(cls)
        if named is not None:
            raise SettingsError(f"bad setting {named[0]}: not valid JSON ({named[1]})") from None
        raise SettingsError(f"bad setting: {exc}".splitlines()[0]) from None


def _undecodable_variable(cls: type[BaseSettings]) -> tuple[str, str] | None:
    """The env variable holding a list or section that is not JSON (`BOT__ADMIN_IDS=abc`):
    pydantic-settings names only its section."""
    env = {name.upper(): value for name, value in os.environ.items()}

    def bad_json(name: str, field: FieldInfo) -> tuple[str, str] | None:
        value = env.get(name)
        annotation = field.annotation
        complex_ = isinstance(annotation, type) and issubclass(annotation, BaseModel)
        complex_ = complex_ or getattr(annotation, "__origin__", None) in (list, dict, set, tuple)
        if value is None or not complex_:
            return None
        try:
            json.loads(value)
        except ValueError as exc:
            return name, str(exc).splitlines()[0]
        return None

    for section_name, section in cls.model_fields.items():
        name = section_name.upper()
        found = bad_json(name, section)
        if found is not None:
            return found
        model = section.annotation
        if isinstance(model, type) and issubclass(model, BaseModel):
            for field_name, field in model.model_fields.items():
                found = bad_json(f"{name}__{field_name.upper()}", field)
                if found is not None:
                    return found
    return None


def cli_retrieval_config(
    settings_class: type[RetrievalSettings] = RetrievalSettings,
) -> RetrievalConfig | None:
    """For shell commands: the retrieval paths, or None after printing the one-line error.

    A composing CLI passes its wider settings class, so every setting is checked at once.
    """
    try:
        return read_settings(settings_class).retrieval_config()
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return None


def config_for(args: argparse.Namespace) -> RetrievalConfig | None:
    """The config for a parsed command: `settings_loader` if the composing CLI set one."""
    loader: Callable[[], RetrievalConfig | None] = (
        getattr(args, "settings_loader", None) or cli_retrieval_config
    )
    return loader()
