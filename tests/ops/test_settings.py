"""Operator settings: one-line errors with exit code 2, env names, limits shared with ingestion."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.config import load_settings
from bot.services.uploads import MAX_UPLOAD_BYTES, UPLOAD_SUFFIXES
from retrieval.ingest.decode import MAX_BYTES
from retrieval.ingest.reader import ALLOWED_SUFFIXES

ENV = ("BOT__TOKEN", "BOT__WEBHOOK_URL", "BOT__WEBHOOK_SECRET", "HTTP__ENABLED", "HTTP__PORT")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DB__PATH", str(tmp_path / "db.sqlite3"))
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "no-data"))


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"BOT__WEBHOOK_URL": "https://bot.example.org/hook"},
            "bad setting BOT__WEBHOOK_SECRET: Value error, required when BOT__WEBHOOK_URL is set",
        ),
        (
            {"BOT__WEBHOOK_URL": "https://bot.example.org/hook", "BOT__WEBHOOK_SECRET": "a b"},
            "bad setting BOT__WEBHOOK_SECRET: Value error, 1-256 characters",
        ),
        ({"BOT__WEBHOOK_URL": "bot.example.org/hook"}, "bad setting BOT__WEBHOOK_URL"),
        ({"HTTP__PORT": "70000"}, "bad setting HTTP__PORT"),
        (
            {
                "BOT__WEBHOOK_URL": "https://bot.example.org/hook",
                "BOT__WEBHOOK_SECRET": "secret",
                "HTTP__ENABLED": "false",
            },
            "bad setting HTTP__ENABLED: webhook mode is served on the HTTP port",
        ),
        (
            {"BOT__WEBHOOK_URL": "https://bot.example.org/metrics", "BOT__WEBHOOK_SECRET": "s"},
            "bad setting BOT__WEBHOOK_URL: path /metrics is reserved",
        ),
    ],
)
def test_bad_serving_settings_exit_2_with_one_line(
    env: dict[str, str],
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("BOT__TOKEN", "123456:TEST-token")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1
    assert "123456:TEST-token" not in err


def test_operator_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP__HOST", "0.0.0.0")
    monkeypatch.setenv("HTTP__PORT", "9090")
    monkeypatch.setenv("HTTP__ADMIN_TOKEN", "t0ken")
    monkeypatch.setenv("BUILTIN_DATA_DIR", "/app/data")
    monkeypatch.setenv("BOT__SHUTDOWN_TIMEOUT", "12.5")
    monkeypatch.setenv("BOT__WEBHOOK_URL", "https://bot.example.org/tg")
    monkeypatch.setenv("BOT__WEBHOOK_SECRET", "Abc_123-x")
    settings = load_settings()
    assert (settings.http.host, settings.http.port, settings.http.enabled) == (
        "0.0.0.0",
        9090,
        True,
    )
    assert settings.http.admin_token is not None
    assert settings.http.admin_token.get_secret_value() == "t0ken"
    assert settings.retrieval_config().builtin_data_dir == Path("/app/data")
    assert settings.bot.shutdown_timeout == 12.5
    assert "Abc_123-x" not in repr(settings)


def test_defaults_keep_the_internal_port_private(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HTTP__HOST", raising=False)
    monkeypatch.setenv("HTTP__ADMIN_TOKEN", "")
    settings = load_settings()
    assert (settings.http.host, settings.http.port) == ("127.0.0.1", 8080)
    assert settings.http.admin_token is None  # empty means: no /admin/reload at all
    assert settings.bot.webhook_url is None and settings.bot.webhook_secret is None


def test_upload_limits_match_the_ingestion() -> None:
    assert MAX_UPLOAD_BYTES == MAX_BYTES
    assert set(UPLOAD_SUFFIXES) == set(ALLOWED_SUFFIXES)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        # pydantic-settings names only the section ("bot") of a list that is not JSON
        ("BOT__ADMIN_IDS", "111,222", "bad setting BOT__ADMIN_IDS: not valid JSON"),
        # an .env line `DATA_DIR=` meant the working directory: the image's own folder, not
        # the /data volume, so moderators' releases were written where a restart loses them
        ("DATA_DIR", "", "bad setting DATA_DIR: Value error, empty"),
        ("CORPUS_DIR", " ", "bad setting CORPUS_DIR: Value error, empty"),
        ("SECRETS_DIR", "", "bad setting SECRETS_DIR: Value error, empty"),
        ("DB__PATH", "", "bad setting DB__PATH: Value error, empty"),
        # an empty host listens on every interface: /metrics and /admin/reload face the network
        ("HTTP__HOST", "", "bad setting HTTP__HOST: Value error, empty"),
        # an empty model name was reported as a missing OpenVINO export
        ("RETRIEVAL__MODEL", "", "bad setting RETRIEVAL__MODEL: Value error, empty"),
        # a purge cutoff before year 1 crashed start-up with OverflowError
        ("DB__RETENTION_DAYS", "1000000", "bad setting DB__RETENTION_DAYS:"),
        # infinite intervals crashed the Redis expiries (round(inf)) or never finished
        ("LIMITS__PENDING_UPLOAD_TTL_S", "inf", "bad setting LIMITS__PENDING_UPLOAD_TTL_S:"),
        ("LIMITS__PURGE_INTERVAL_S", "1e300", "bad setting LIMITS__PURGE_INTERVAL_S:"),
        ("LIMITS__MESSAGE_PER_SECOND", "inf", "bad setting LIMITS__MESSAGE_PER_SECOND:"),
        ("BOT__SHUTDOWN_TIMEOUT", "inf", "bad setting BOT__SHUTDOWN_TIMEOUT:"),
        ("RETRIEVAL__TIMEOUT_S", "inf", "bad setting RETRIEVAL__TIMEOUT_S:"),
    ],
)
def test_a_malformed_value_stops_every_command_naming_it(
    name: str,
    value: str,
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(name, value)
    assert main(["corpus", "check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1


# SECRETS_DIR as a file is refused where the key is written (tests/bot/test_hash_key.py)
@pytest.mark.parametrize("name", ["DATA_DIR", "CORPUS_DIR", "BUILTIN_DATA_DIR"])
def test_a_file_where_a_directory_belongs_is_named(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`corpus build` died in mkdir with a traceback; other commands said 'run corpus build'."""
    a_file = tmp_path / "a-file"
    a_file.write_text("x", "utf-8")
    monkeypatch.setenv(name, str(a_file))
    assert main(["corpus", "build"]) == 2
    err = capsys.readouterr().err
    assert err == f"bad setting {name}: Value error, {a_file} is a file, not a directory\n"


def test_an_empty_builtin_data_dir_is_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compose passes an unset variable as an empty string; it meant the working directory."""
    monkeypatch.setenv("BUILTIN_DATA_DIR", "")
    assert load_settings().retrieval_config().builtin_data_dir is None
