"""The hash key: from env, from a secret file, or generated apart from the database; a bad or
wrong key stops start-up with one line naming the setting."""

from __future__ import annotations

import argparse
import io
import logging
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.serving import runner
from bot.storage import resolve_hash_key
from tests.bot.fakes import FakeSearch

KEY = "0123456789abcdef-a-long-enough-key"


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("DB__HASH_KEY", "DB__HASH_KEY_FILE", "BOT__TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DB__PATH", str(tmp_path / "data" / "atazan.sqlite3"))
    monkeypatch.setenv("SECRETS_DIR", str(tmp_path / "secrets"))
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "no-data"))


def test_environment_key_is_used_as_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DB__HASH_KEY", KEY)
    key = resolve_hash_key(load_settings())
    assert (key.value, key.setting) == (KEY.encode(), "DB__HASH_KEY")
    assert KEY not in repr(key)


def test_secret_file_is_read_without_its_newline(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    secret = tmp_path / "run-secrets" / "atazan_hash_key"
    secret.parent.mkdir()
    secret.write_text(KEY + "\n")
    monkeypatch.setenv("DB__HASH_KEY_FILE", str(secret))
    key = resolve_hash_key(load_settings())
    assert (key.value, key.setting) == (KEY.encode(), "DB__HASH_KEY_FILE")
    assert not (tmp_path / "secrets").exists()  # nothing generated


def test_generated_key_lives_in_secrets_dir_not_beside_the_database(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        first = resolve_hash_key(load_settings())
    key_file = tmp_path / "secrets" / "hash_key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "secrets").stat().st_mode & 0o777 == 0o700
    assert first.setting == "SECRETS_DIR" and len(first.value) == 64
    assert "back it up" in caplog.text
    assert resolve_hash_key(load_settings()) == first  # created once
    data = tmp_path / "data"
    assert not data.exists() or not any("hashkey" in p.name for p in data.iterdir())


def test_key_generated_beside_the_database_by_earlier_versions_is_moved(
    tmp_path: Path,
) -> None:
    legacy = tmp_path / "data" / "atazan.sqlite3.hashkey"
    legacy.parent.mkdir()
    legacy.write_text("f" * 64)
    key = resolve_hash_key(load_settings())
    assert key.value == b"f" * 64  # every stored pseudonym stays valid
    assert not legacy.exists()
    assert (tmp_path / "secrets" / "hash_key").read_text().strip() == "f" * 64


def _bad_start(capsys: pytest.CaptureFixture[str]) -> str:
    assert runner.chat_command(argparse.Namespace(lang="en")) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    return err


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DB__HASH_KEY": "short"}, "bad setting DB__HASH_KEY: Value error, must be at least 16"),
        (
            {"DB__HASH_KEY": KEY, "DB__HASH_KEY_FILE": "/run/secrets/k"},
            "bad setting DB__HASH_KEY_FILE: Value error, set DB__HASH_KEY or DB__HASH_KEY_FILE",
        ),
        (
            {"DB__HASH_KEY_FILE": "/nonexistent/atazan_hash_key"},
            "bad setting DB__HASH_KEY_FILE: cannot read /nonexistent/atazan_hash_key "
            "(No such file or directory)",
        ),
    ],
)
def test_bad_key_settings_stop_start_up_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    env: dict[str, str],
    message: str,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert _bad_start(capsys).startswith(message)


def test_empty_or_short_secret_file_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    secret = tmp_path / "key"
    secret.write_text("\n")
    monkeypatch.setenv("DB__HASH_KEY_FILE", str(secret))
    assert _bad_start(capsys) == f"bad setting DB__HASH_KEY_FILE: {secret} is empty"
    secret.write_text("abc\n")
    assert "fewer than 16 characters" in _bad_start(capsys)


def test_unwritable_secrets_dir_is_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "not-a-dir").write_text("")
    monkeypatch.setenv("SECRETS_DIR", str(tmp_path / "not-a-dir"))
    assert _bad_start(capsys).startswith("bad setting SECRETS_DIR: cannot keep the generated")


async def test_a_key_other_than_the_databases_stops_start_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DB__HASH_KEY", KEY)
    await runner.run_chat(load_settings(), search=FakeSearch(), stdin=io.StringIO(""))
    monkeypatch.setenv("DB__HASH_KEY", KEY + "-rotated")
    with pytest.raises(runner.StartupError) as caught:
        await runner.run_chat(load_settings(), search=FakeSearch(), stdin=io.StringIO(""))
    message = str(caught.value)
    assert message.startswith("bad setting DB__HASH_KEY: not the key database ")
    assert KEY not in message and "\n" not in message
