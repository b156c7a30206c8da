"""The knobs in `LIMITS__*` reach the code that enforces them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app import Services, create_bot, create_dispatcher
from bot.config import DbSection, LimitsSection, Settings, SettingsError, load_settings
from bot.storage import Storage
from bot.ui.texts import Lang, texts_for
from retrieval.models import Answer
from retrieval.settings import RetrievalSection
from tests.bot.conftest import TOKEN, FakeClock, RecordingSession, Tg
from tests.bot.fakes import FakeSearch

RU = texts_for(Lang.RU)


class KSearch(FakeSearch):
    def __init__(self) -> None:
        super().__init__()
        self.ks: list[int] = []

    async def search(self, question: str, k: int = 3) -> Answer:
        self.ks.append(k)
        return await super().search(question, k)


def test_limits_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIMITS__SEARCH_K", "4")
    monkeypatch.setenv("LIMITS__PURGE_INTERVAL_S", "60")
    limits = load_settings().limits
    assert (limits.search_k, limits.purge_interval_s, limits.message_burst) == (4, 60.0, 5)
    monkeypatch.setenv("LIMITS__SEARCH_K", "0")
    with pytest.raises(SettingsError, match=r"^bad setting LIMITS__SEARCH_K"):
        load_settings()


async def test_search_k_and_message_burst_come_from_settings(
    tmp_path: Path, repo: Storage, clock: FakeClock, session: RecordingSession
) -> None:
    settings = Settings(
        db=DbSection(path=tmp_path / "bot.sqlite3"),
        limits=LimitsSection(search_k=7, message_burst=2),
    )
    search = KSearch()
    services = Services(search=search, repo=repo, settings=settings)
    tg = Tg(create_dispatcher(services, clock=clock), create_bot(TOKEN, session), session)
    clock.step = 0.0
    for _ in range(2):
        await tg.send("земля")
        assert "<blockquote>" in tg.sent()[-1].text
    await tg.send("земля")
    assert [m.text for m in tg.sent()] == [RU.throttled]
    assert search.ks == [7, 7]


def test_atazan_works_without_the_bench_tooling(monkeypatch: pytest.MonkeyPatch) -> None:
    """An install without `bench/` still has every product command, only not `--load`."""
    import sys

    from bot.cli import build_parser

    for name in [m for m in sys.modules if m == "bench" or m.startswith("bench.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "bench", None)
    parser = build_parser()
    assert parser.parse_args(["run"]).command == "run"
    bench = parser.parse_args(["bench"])
    assert not hasattr(bench, "load")


async def test_question_cut_follows_retrieval_max_question_chars(
    tmp_path: Path, repo: Storage, clock: FakeClock, session: RecordingSession
) -> None:
    """One limit for both sides: the bot cuts where retrieval would, and says where."""
    settings = Settings(
        db=DbSection(path=tmp_path / "bot.sqlite3"),
        retrieval=RetrievalSection(max_question_chars=200),
    )
    search = KSearch()
    services = Services(search=search, repo=repo, settings=settings)
    tg = Tg(create_dispatcher(services, clock=clock), create_bot(TOKEN, session), session)
    await tg.send("земля " + "очень " * 100)
    assert len(search.questions[-1]) == 200
    assert "первым 200 символам" in tg.sent()[-1].text
