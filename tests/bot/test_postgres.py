"""PostgreSQL as operators run it: `atazan db migrate` once, replicas that refuse a schema they
don't know, DB__URL that needs the shared hash key, and the bot answering and logging through
the composition root (`DB__URL` → factory → PostgreSQL)."""

from __future__ import annotations

import argparse
import asyncio
import io
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from bot.cli import main
from bot.config import load_settings
from bot.serving import runner
from bot.storage import postgres_schema
from bot.storage.postgres import migrate_database
from bot.storage.sqlite import MIGRATIONS as SQLITE_MIGRATIONS
from bot.ui.texts import texts_for
from tests.bot.backends import Schemas
from tests.bot.fakes import FakeSearch

KEY = "0123456789abcdef-shared-by-every-replica"
KNOWN = len(postgres_schema.MIGRATIONS)


@pytest.fixture
async def schemas(postgres_url: str) -> AsyncIterator[Schemas]:
    created = Schemas(postgres_url)
    yield created
    await created.drop_all()


@pytest.fixture
async def empty_url(schemas: Schemas) -> str:
    """A fresh schema nobody migrated."""
    return await schemas.create()


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("DB__URL", "DB__HASH_KEY", "DB__HASH_KEY_FILE", "BOT__TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DB__PATH", str(tmp_path / "db.sqlite3"))
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "no-data"))


def _replica_env(monkeypatch: pytest.MonkeyPatch, url: str, key: str = KEY) -> None:
    monkeypatch.setenv("DB__URL", url)
    monkeypatch.setenv("DB__HASH_KEY", key)


async def _fetch(url: str, sql: str) -> list[tuple[object, ...]]:
    conn = await asyncpg.connect(url)
    try:
        return [tuple(row) for row in await conn.fetch(sql)]
    finally:
        await conn.close()


async def _migrate_cli(capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    # `atazan db migrate` runs its own event loop: give it a thread, as a shell would a process.
    code = await asyncio.to_thread(main, ["db", "migrate"])
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


async def test_migrate_creates_the_schema_once_then_is_a_no_op(
    empty_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _replica_env(monkeypatch, empty_url)
    code, out, err = await _migrate_cli(capsys)
    assert (code, err) == (0, "")
    assert out.endswith(f"schema migrated from version 0 to {KNOWN}")
    assert out.startswith("DB__URL=postgresql://atazan@127.0.0.1:5432/atazan_test")
    assert "atazan:atazan" not in out  # the password never printed
    tables = await _fetch(
        empty_url,
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema() ORDER BY table_name",
    )
    assert [t[0] for t in tables] == [
        "feedback",
        "health_checks",
        "meta",
        "moderator_actions",
        "moderators",
        "questions",
        "refused_attempts",
        "schema_version",
        "users",
    ]
    code, out, err = await _migrate_cli(capsys)
    assert (code, err) == (0, "")
    assert out.endswith(f"schema already at version {KNOWN}, nothing to do")
    assert await _fetch(empty_url, "SELECT version FROM schema_version") == [(KNOWN,)]


async def test_two_migrations_at_once_apply_each_step_once(empty_url: str) -> None:
    results = await asyncio.gather(
        migrate_database(empty_url, hash_key=KEY), migrate_database(empty_url, hash_key=KEY)
    )
    assert sorted(results) == [(0, KNOWN), (KNOWN, KNOWN)]


async def test_migrate_on_sqlite_is_idempotent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = await _migrate_cli(capsys)
    assert code == 0
    assert out == (
        f"DB__PATH={tmp_path / 'db.sqlite3'}: schema migrated from version 0 "
        f"to {len(SQLITE_MIGRATIONS)}"
    )
    code, out, _ = await _migrate_cli(capsys)
    assert code == 0 and out.endswith("nothing to do")


async def _start_replica(stdin: str = "") -> str:
    """`atazan chat` through the real composition root; what it printed."""
    out = io.StringIO()
    await runner.run_chat(
        load_settings(), search=FakeSearch(), stdin=io.StringIO(stdin), stdout=out
    )
    return out.getvalue()


async def test_replica_refuses_an_unmigrated_schema_and_creates_nothing(
    empty_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _replica_env(monkeypatch, empty_url)
    with pytest.raises(runner.StartupError) as caught:
        await _start_replica()
    message = str(caught.value)
    assert "\n" not in message and "atazan:atazan" not in message
    assert message.startswith("DB__URL=postgresql://atazan@127.0.0.1:5432/atazan_test")
    assert message.endswith(
        f"database schema version 0 is older than this release's {KNOWN}: run `atazan db migrate`"
    )
    assert await _fetch(
        empty_url, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()"
    ) == [(0,)]


async def test_replica_refuses_a_newer_schema(
    empty_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    await migrate_database(empty_url, hash_key=KEY)
    await _fetch(empty_url, f"UPDATE schema_version SET version = {KNOWN + 1}")
    _replica_env(monkeypatch, empty_url)
    with pytest.raises(runner.StartupError) as caught:
        await _start_replica()
    assert f"schema version {KNOWN + 1} is newer than this release's {KNOWN}" in str(caught.value)
    with pytest.raises(postgres_schema.SchemaVersionError):  # nor does migrate downgrade
        await migrate_database(empty_url, hash_key=KEY)


async def test_replica_with_another_key_than_the_databases_is_refused(
    empty_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    await migrate_database(empty_url, hash_key=KEY)  # migrate pins the operator's key
    _replica_env(monkeypatch, empty_url, key=KEY + "-typo")
    with pytest.raises(runner.StartupError) as caught:
        await _start_replica()
    assert str(caught.value).startswith("bad setting DB__HASH_KEY: not the key database DB__URL=")
    assert KEY not in str(caught.value)


async def test_unreachable_server_is_one_line_without_the_password(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _replica_env(monkeypatch, "postgresql://atazan:s3cret@127.0.0.1:9/atazan")
    with pytest.raises(runner.StartupError) as caught:
        await _start_replica()
    message = str(caught.value)
    assert message.startswith(
        "cannot open database DB__URL=postgresql://atazan@127.0.0.1:9/atazan:"
    )
    assert "s3cret" not in message and "\n" not in message


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"DB__URL": "postgresql://atazan:s3cret@db/atazan"},
            "bad setting DB__URL: Value error, needs DB__HASH_KEY (or DB__HASH_KEY_FILE): "
            "every replica must hash a user with the same key",
        ),
        (
            {"DB__URL": "mysql://atazan:s3cret@db/atazan", "DB__HASH_KEY": KEY},
            "bad setting DB__URL: Value error, must start with postgresql://",
        ),
    ],
)
@pytest.mark.parametrize("command", ["chat", "db migrate"])
def test_bad_db_url_settings_stop_start_up_in_one_line(
    env: dict[str, str],
    message: str,
    command: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    if command == "chat":
        assert runner.chat_command(argparse.Namespace(lang="en")) == 2
    else:
        assert main(command.split()) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(message)
    assert "\n" not in err and "s3cret" not in err


def test_an_empty_db_url_keeps_the_embedded_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DB__URL", "")  # compose passes unset variables as empty strings
    assert load_settings().db.url is None


async def test_two_replicas_answer_log_and_share_what_citizens_chose(
    empty_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """End to end on PostgreSQL: one replica answers a question, takes a 👍 and a language
    switch; the log is in the database, and a second replica speaks the chosen language."""
    await migrate_database(empty_url, hash_key=KEY)
    _replica_env(monkeypatch, empty_url)
    out = await _start_replica("Кому принадлежит земля?\n5\n/lang\n3\n")
    assert texts_for("ru").heads_an_answer(out) and "[5] 👍" in out
    assert "Done: I now speak English." in out
    questions = await _fetch(
        empty_url, "SELECT text, answered, cardinality(hit_ids) FROM questions"
    )
    assert questions == [("Кому принадлежит земля?", True, 5)]
    assert await _fetch(empty_url, "SELECT vote FROM feedback") == [("u",)]
    out = await _start_replica("/help\n")  # a fresh process: nothing cached from the first
    assert "/themes — statements by theme" in out  # English, though Telegram says ru


async def test_replica_refuses_before_loading_the_model(
    empty_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash-looping replica must not pay for the model on every restart."""
    _replica_env(monkeypatch, empty_url)
    loaded: list[object] = []

    async def open_search(settings: object) -> None:
        loaded.append(settings)
        raise AssertionError("the model was loaded before the schema was checked")

    monkeypatch.setattr(runner, "open_search", open_search)
    with pytest.raises(runner.StartupError, match="run `atazan db migrate`"):
        async with runner.open_services(load_settings()):
            pass
    assert loaded == []
