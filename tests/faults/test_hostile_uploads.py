"""Hostile uploads through the bot's upload path, previewed by the real ingestion
(`retrieval.ingest.parse_bytes`): bombs, binaries, huge lines and wrong encodings are refused
with a reason the moderator can act on, and nothing is published."""

from __future__ import annotations

import asyncio
import gzip
import io
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import Services, create_bot, create_dispatcher
from bot.config import BotSection, DbSection, Settings
from bot.services.uploads import MAX_LINE_BYTES, MAX_UPLOAD_BYTES
from bot.storage.sqlite import SqliteStorage
from bot.ui.texts import Lang
from bot.ui.texts.moderator import mod_texts_for
from retrieval.models import ParseResult
from tests.bot.conftest import TOKEN, FakeClock, Tg, buttons
from tests.bot.fakes import FakeSearch
from tests.ops.conftest import MODERATOR, document
from tests.ops.fakes import FakeAdmin, OpsSession

MOD_EN = mod_texts_for(Lang.EN)

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
RELEASE = "12 марта 2026 года\n\nСенатор Жанна Асанова встретилась с жителями Алматы.\n"


class IngestAdmin(FakeAdmin):
    """Previews with the production parser; publishing stays fake (nothing is written)."""

    async def preview(self, name: str, data: bytes) -> ParseResult:
        from retrieval.ingest import parse_bytes

        self.calls.append("preview")
        return await asyncio.to_thread(parse_bytes, name, data, corpus_dir=CORPUS)


@pytest.fixture
def admin() -> IngestAdmin:
    return IngestAdmin()


@pytest.fixture
def session() -> OpsSession:
    return OpsSession()


@pytest.fixture
async def mod_tg(tmp_path: Path, admin: IngestAdmin, session: OpsSession) -> AsyncIterator[Tg]:
    settings = Settings(
        bot=BotSection(admin_ids=[MODERATOR["id"]]), db=DbSection(path=tmp_path / "db.sqlite3")
    )
    repo = await SqliteStorage.open(settings.db.path, hash_key="k")
    services = Services(search=FakeSearch(), repo=repo, settings=settings, admin=admin)
    yield Tg(create_dispatcher(services, clock=FakeClock()), create_bot(TOKEN, session), session)
    assert session.rejected == []
    await repo.close()


async def _upload(
    tg: Tg, session: OpsSession, name: str, data: bytes, size: int | None = None
) -> str:
    """Send a document as the moderator; the text of the bot's (only or last) reply."""
    session.files["f1"] = data
    await tg.send(None, MODERATOR, document=document(name, data, size=size))
    return tg.sent()[-1].text


def _zip_bomb() -> bytes:
    """50 MB of zeros in a few dozen KB, named like a release."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("release.txt", b"\0" * 50_000_000)
    return out.getvalue()


@pytest.mark.parametrize(
    "data",
    [_zip_bomb(), gzip.compress(b"0" * 5_000_000), b"\x7fELF\x02\x01\x01" + b"\0" * 500],
    ids=["zip-bomb", "gzip-bomb", "elf-binary"],
)
async def test_archives_and_binaries_named_txt_are_refused_unopened(
    mod_tg: Tg, session: OpsSession, admin: IngestAdmin, data: bytes
) -> None:
    reply = await _upload(mod_tg, session, "release.txt", data)
    assert reply == MOD_EN.upload_binary.format(name="release.txt")
    assert admin.calls == [] and admin.published == []


async def test_two_megabyte_line_is_refused_even_if_telegram_reports_less(
    mod_tg: Tg, session: OpsSession, admin: IngestAdmin
) -> None:
    line = ("Земля принадлежит народу. " * 80_000).encode()[: 2 * MAX_UPLOAD_BYTES]
    honest = await _upload(mod_tg, session, "line.txt", line)
    assert honest == MOD_EN.upload_too_big.format(size=len(line), limit=MAX_UPLOAD_BYTES)
    assert session.downloads == []  # refused on Telegram's file_size, never fetched
    lying = await _upload(mod_tg, session, "line.txt", line, size=1000)
    assert lying == MOD_EN.upload_too_big.format(size=len(line), limit=MAX_UPLOAD_BYTES)
    assert admin.calls == []


async def test_huge_line_under_the_size_limit_is_refused_before_parsing(
    mod_tg: Tg, session: OpsSession, admin: IngestAdmin
) -> None:
    data = RELEASE.encode() + ("Земля народу. " * 20_000).encode()[: MAX_UPLOAD_BYTES // 2]
    reply = await _upload(mod_tg, session, "release.txt", data)
    assert reply == MOD_EN.upload_long_line.format(name="release.txt", line=4, limit=MAX_LINE_BYTES)
    assert admin.calls == []  # the parser never saw it


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("Sénateur café, résumé, été\n".encode("latin-1") * 3, "save it as UTF-8"),
        ("12 марта 2026 года\n".encode("utf-16-le") * 3, "is a binary file"),  # no BOM
        ("議会と憲法について\n".encode("shift_jis") * 3, "save it as UTF-8"),
    ],
    ids=["latin-1", "utf-16-no-bom", "shift-jis"],
)
async def test_wrong_encodings_are_refused_with_the_reason(
    mod_tg: Tg, session: OpsSession, admin: IngestAdmin, data: bytes, reason: str
) -> None:
    reply = await _upload(mod_tg, session, "release.txt", data)
    assert reply.startswith(("<b>Refused: release.txt", "Refused: release.txt")) and reason in reply
    assert buttons(mod_tg.sent()[-1]) == [] and admin.published == []


async def test_cyrillic_code_page_is_previewed_not_refused(
    mod_tg: Tg, session: OpsSession, admin: IngestAdmin
) -> None:
    await _upload(mod_tg, session, "release.txt", RELEASE.encode("cp1251"))
    text = "\n".join(m.text for m in mod_tg.sent())
    assert "Preview: release.txt" in text and "12.03.2026" in text
    assert [label for label, _ in buttons(mod_tg.sent()[-1])] == [
        MOD_EN.btn_publish,
        MOD_EN.btn_discard,
    ]
