"""`atazan chat`: the same handlers through the terminal, scripted on stdin."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from bot.config import Settings
from bot.serving import runner
from tests.bot.fakes import FakeSearch


async def _chat(settings: Settings, script: str, lang: str = "ru") -> str:
    out = io.StringIO()
    await runner.run_chat(
        settings, search=FakeSearch(), stdin=io.StringIO(script), stdout=out, language_code=lang
    )
    return out.getvalue()


async def test_chat_answers_and_presses_buttons_by_number(settings: Settings) -> None:
    script = "Кому принадлежит земля?\n4\n1\n/quit\nnever read\n"
    out = await _chat(settings, script)
    assert "> Кому принадлежит земля?" in out
    assert "Что говорилось на встречах\n1–3 из 5\n" in out
    assert "  │ Конституционная реформа" in out  # blockquote rendered readably
    assert "[1] Встреча 1   [2] Встреча 2   [3] Встреча 3" in out
    assert "[4] Ещё ▸" in out and "[5] 👍   [6] 👎" in out
    assert "\n4–5 из 5\n" in out  # "4" pressed More
    assert "Встреча · 05.03.2026" in out  # "1" pressed the first meeting of page 2
    assert "never read" not in out
    assert "<blockquote>" not in out and "&lt;" not in out


async def test_chat_commands_language_and_eof(settings: Settings) -> None:
    out = await _chat(settings, "/start\n/lang\n2\n/help\n", lang="en")
    assert "Ata Zan — what senators say" in out
    assert "[1] ✓ English" not in out and "[3] ✓ English" in out
    assert "Дайын: енді қазақша сөйлеймін." in out
    assert "/themes — тақырыптар бойынша мәлімдемелер" in out


async def test_chat_inline_preview_and_hostile_text(settings: Settings) -> None:
    out = await _chat(settings, "/inline земля\nЗакон права\n")
    assert "inline #1: Жанна Асанова · 05.03.2026" in out
    assert "Закон <b>не</b> & «права»" in out  # shown as the citizen would see it


async def test_chat_reads_bytes_that_are_not_utf8_as_a_question(settings: Settings) -> None:
    """stdin hands them over as lone surrogates; storing the question failed with an apology."""
    out = await _chat(settings, "\udca1\udcff земля\n")
    assert "> ?? земля" in out
    assert "Что говорилось на встречах" in out and "что-то пошло не так" not in out


def test_chat_command_reports_bad_settings_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DB__RETENTION_DAYS", "zero")
    assert runner.chat_command(argparse.Namespace(lang="ru")) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("bad setting DB__RETENTION_DAYS") and "\n" not in err


def test_run_requires_a_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.delenv("BOT__TOKEN", raising=False)
    monkeypatch.setenv("DB__PATH", str(tmp_path / "x.sqlite3"))
    assert runner.run_command(argparse.Namespace()) == 2
    assert "BOT__TOKEN" in capsys.readouterr().err


def test_run_rejects_a_malformed_token_without_echoing_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOT__TOKEN", "not-a-token-SECRET")
    assert runner.run_command(argparse.Namespace()) == 2
    err = capsys.readouterr().err
    assert "BOT__TOKEN" in err and "SECRET" not in err


def test_token_is_redacted_from_any_log_line() -> None:
    import logging

    record = logging.LogRecord(
        "aiohttp", logging.ERROR, __file__, 1, "GET %s failed", ("/bot1:SECRET/getMe",), None
    )
    assert runner.TokenRedactor("1:SECRET").filter(record)
    assert record.getMessage() == "GET /bot***/getMe failed"
