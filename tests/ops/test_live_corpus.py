"""The real chain: upload → ingestion preview → publish → rebuilt index answers; discard and a
reload under load, with the real CorpusAdmin, real ingestion and the fake (trigram) embedder."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from aiogram.methods import SendMessage
from aiogram.types import Update
from prometheus_client import CollectorRegistry

from bot.app import Services, create_bot, create_dispatcher
from bot.services.metrics import Metrics
from bot.storage import Storage
from bot.ui.texts import Lang, texts_for
from bot.ui.texts.moderator import mod_texts_for
from retrieval.admin import CorpusAdmin
from retrieval.config import RetrievalConfig
from retrieval.ingest import build_corpus
from retrieval.models import Corpus
from retrieval.releases import stored_name
from retrieval.search import SearchService, load_resources
from retrieval.versions import VersionStore
from tests.bot.conftest import TOKEN, FakeClock, Tg, button
from tests.fake_embedder import FakeEmbedder
from tests.ops.conftest import MODERATOR, document
from tests.ops.fakes import OpsSession

MOD_EN = mod_texts_for(Lang.EN)

REPO = Path(__file__).resolve().parents[2]
RU = texts_for(Lang.RU)
QUESTION = "безопасные условия труда металлургов"
NEW_QUOTE = "Новая Конституция гарантирует каждому металлургу безопасные условия труда"
RELEASE = """20 марта 2026 года

Сенатор Жанна Асанова встретилась с работниками Карагандинского металлургического \
комбината в Темиртау.

– Новая Конституция гарантирует каждому металлургу безопасные условия труда и достойную \
заработную плату, – подчеркнула сенатор.

Депутат также ответила на вопросы о пенсионном обеспечении шахтёров.
""".encode()


@dataclass
class Live:
    tg: Tg
    service: SearchService
    admin: CorpusAdmin
    config: RetrievalConfig
    session: OpsSession


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Corpus]:
    """The repo's curated files and seed releases, parsed once (natasha loads once)."""
    corpus_dir = tmp_path_factory.mktemp("live") / "corpus"
    shutil.copytree(REPO / "corpus", corpus_dir)
    raw_dirs = RetrievalConfig(corpus_dir=corpus_dir).raw_dirs[:1]
    corpus, issues = build_corpus(raw_dirs, corpus_dir=corpus_dir)
    assert corpus.meetings and not [i for i in issues if i.level == "error"]
    return corpus_dir, corpus


@pytest.fixture
async def live(
    tmp_path: Path, repo: Storage, settings: Any, seed: tuple[Path, Corpus]
) -> AsyncIterator[Live]:
    corpus_dir, corpus = seed  # publishing writes only under data_dir, so this is shared
    config = RetrievalConfig(data_dir=tmp_path / "data", corpus_dir=corpus_dir)
    resources = load_resources(corpus_dir)
    service = SearchService.from_corpus(corpus, FakeEmbedder(), resources)
    admin = CorpusAdmin(service, config)
    services = Services(
        search=service,
        repo=repo,
        settings=settings,
        admin=admin,
        metrics=Metrics(CollectorRegistry()),
    )
    session = OpsSession()
    tg = Tg(create_dispatcher(services, clock=FakeClock()), create_bot(TOKEN, session), session)
    try:
        yield Live(tg, service, admin, config, session)
    finally:
        await admin.close()
        await service.close()
    assert session.rejected == []


async def _ask(live: Live) -> str:
    await live.tg.send(QUESTION)
    return "\n".join(m.text for m in live.tg.sent())


async def _upload(live: Live) -> None:
    live.session.files["f1"] = RELEASE
    await live.tg.send(None, MODERATOR, document=document("temirtau.txt", RELEASE))


async def test_published_release_answers_the_next_question(live: Live) -> None:
    assert NEW_QUOTE not in await _ask(live)
    await _upload(live)
    preview = "\n".join(m.text for m in live.tg.sent())
    assert "Release: 20.03.2026" in preview
    assert "Senators: Жанна Асанова" in preview and "📍 Темиртау" in preview
    assert "👥 работники Карагандинского металлургического комбината" in preview
    assert f"<b>Жанна Асанова</b>: «{NEW_QUOTE}" in preview
    before = live.service.info()
    await live.tg.press(button(live.tg.sent()[-1], MOD_EN.btn_publish), MODERATOR)
    _, reply = live.tg.sent()  # the status message (edited as the build advances), the result
    quotes = sum(h.kind == "quote" for h in live.service.snapshot.hits.values())
    assert reply.text == (  # one direct quote and one reported statement, counted apart
        f"Published temirtau.txt: 1 meetings, 1 quotes, 1 reported statements. The corpus "
        f"now has {before.meetings + 1} meetings, {quotes} quotes, "
        f"{before.statements + 2 - quotes} reported statements."
    )
    answer = await _ask(live)
    assert NEW_QUOTE in answer and "Жанна Асанова" in answer
    stored = live.config.data_dir / "raw" / stored_name("temirtau.txt", RELEASE)
    assert stored.read_bytes() == RELEASE
    # a restart starts from the new version, which the pointer names
    assert VersionStore(live.config.data_dir).live_name() == live.service.version


async def test_discard_changes_nothing(live: Live) -> None:
    before = live.service.info()
    await _upload(live)
    await live.tg.press(button(live.tg.sent()[-1], MOD_EN.btn_discard), MODERATOR)
    assert [m.text for m in live.tg.sent()] == [MOD_EN.discarded]
    assert live.service.info() == before
    assert not (live.config.data_dir / "raw").exists()
    assert NEW_QUOTE not in await _ask(live)


async def test_broken_upload_is_refused_and_the_index_keeps_serving(live: Live) -> None:
    before = live.service.info()
    bad = bytes(range(128, 256)) * 10  # no text encoding the ingestion accepts
    live.session.files["f1"] = bad
    await live.tg.send(None, MODERATOR, document=document("broken.txt", bad))
    [reply] = live.tg.sent()
    assert "Refused: broken.txt cannot be published." in reply.text
    assert "not UTF-8 and not a Cyrillic code page" in reply.text
    assert reply.reply_markup is None
    assert live.service.info() == before
    assert not (live.config.data_dir / "raw").exists()
    assert RU.heads_an_answer(await _ask(live))


async def test_reload_while_twenty_questions_are_in_flight(live: Live) -> None:
    tg, session = live.tg, live.session
    users = [{"id": 700_000 + i, "is_bot": False, "first_name": f"U{i}"} for i in range(20)]

    async def feed(update_id: int, user: dict[str, Any], text: str) -> None:
        raw = {"update_id": update_id, "message": tg.message(text, user)}
        await tg.dp.feed_update(tg.bot, Update.model_validate(raw, context={"bot": tg.bot}))

    reload = asyncio.create_task(feed(1, MODERATOR, "/reload"))
    # from `busy` on, the new snapshot is being built in its thread; on a loaded machine the
    # reload may take many loop turns to get there (10,000 yields once were not enough)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    for _ in range(10**9):
        if live.admin.busy or loop.time() > deadline:
            break
        await asyncio.sleep(0)
    assert live.admin.busy
    questions = [
        asyncio.create_task(feed(100 + i, user, f"{QUESTION} {i}")) for i, user in enumerate(users)
    ]
    await asyncio.gather(reload, *questions)
    replies: dict[object, list[str]] = {}
    for call in session.calls:
        if isinstance(call, SendMessage):
            replies.setdefault(call.chat_id, []).append(call.text)
    for user in users:
        [text] = replies[user["id"]]
        assert RU.heads_an_answer(text)  # every question answered, none failed
    assert replies[MODERATOR["id"]][0] == MOD_EN.reload_started
    assert replies[MODERATOR["id"]][-1].startswith("Reloaded. Meetings: ")
