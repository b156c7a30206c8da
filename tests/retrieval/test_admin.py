"""Zero-downtime corpus changes: publish, reload, failures, concurrency."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from retrieval.admin import CorpusAdmin, ReloadFailed, safe_file_name
from retrieval.config import RetrievalConfig
from retrieval.ingest import build_corpus
from retrieval.search import SearchService, load_resources
from tests.fake_embedder import FakeEmbedder

REPO = Path(__file__).resolve().parents[2]
Setup = tuple[SearchService, CorpusAdmin, RetrievalConfig]

NEW_RELEASE = """date 2026-03-07
В Караганде сенатор Ерлан Нурланов встретился с горняками угольного разреза.

– Новая Конституция гарантирует безопасные условия труда для каждого шахтёра и горняка, \
– подчеркнул Ерлан Нурланов.
""".encode()


@pytest.fixture
async def setup(
    tmp_path: Path,
) -> AsyncIterator[Setup]:
    corpus_dir = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus_dir, ignore=shutil.ignore_patterns("eval"))
    config = RetrievalConfig(data_dir=tmp_path / "data", corpus_dir=corpus_dir)
    corpus, _ = build_corpus(config.raw_dirs, corpus_dir=corpus_dir)
    service = SearchService.from_corpus(corpus, FakeEmbedder(), load_resources(corpus_dir))
    admin = CorpusAdmin(service, config)
    yield service, admin, config
    await admin.close()
    await service.close()


async def test_publish_then_the_next_question_finds_it(setup: Setup) -> None:
    service, admin, config = setup
    before = await service.search("горняки шахтёры Караганда")
    assert not any("Нурланов" in " ".join(h.speakers) for h in before.hits)
    preview = await admin.preview("karaganda.txt", NEW_RELEASE)
    assert preview.ok and preview.corpus.meetings[0].senators == ["Ерлан Нурланов"]
    report = await admin.publish("karaganda.txt", NEW_RELEASE)
    assert report.meetings_after == report.meetings_before + 1
    after = await service.search("Что говорил Нурланов горнякам?")
    assert after.answered and after.hits[0].speakers == ["Ерлан Нурланов"]
    assert (config.data_dir / "raw" / "karaganda.txt").read_bytes() == NEW_RELEASE
    assert config.corpus_json.exists() and (config.index_dir / "manifest.json").exists()


async def test_refused_upload_changes_nothing(setup: Setup) -> None:
    service, admin, config = setup
    live = service.snapshot
    for name, data in [("x.txt", b"\x00\x01\x02" * 100), ("x.exe", NEW_RELEASE), ("x.txt", b"")]:
        with pytest.raises(ReloadFailed, match="not accepted"):
            await admin.publish(name, data)
    assert service.snapshot is live
    assert not (config.data_dir / "raw").exists() or not any((config.data_dir / "raw").iterdir())


async def test_failed_build_keeps_old_index_and_disk_state(
    setup: Setup,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    service, admin, config = setup
    live = service.snapshot

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("retrieval.index.save", broken)
    with pytest.raises(ReloadFailed, match="disk on fire"):
        await admin.publish("karaganda.txt", NEW_RELEASE)
    assert service.snapshot is live
    assert not (config.data_dir / "raw" / "karaganda.txt").exists()
    assert (await service.search("брак семья")).answered


async def test_reload_while_questions_are_in_flight(setup: Setup) -> None:
    service, admin, config = setup
    (config.data_dir / "raw").mkdir(parents=True)
    (config.data_dir / "raw" / "k.txt").write_bytes(NEW_RELEASE)
    questions = [asyncio.ensure_future(service.search(f"брак и семья {i}")) for i in range(20)]
    report, *answers = await asyncio.gather(admin.reload(), *questions)
    assert all(a.answered and a.hits for a in answers)
    assert report.statements_after > report.statements_before


async def test_two_reloads_never_interleave(setup: Setup) -> None:
    _, admin, _ = setup
    first = asyncio.ensure_future(admin.reload())
    await asyncio.sleep(0)
    assert admin.busy
    second = await admin.reload()
    assert (await first).statements_after == second.statements_before
    assert admin.reloads == 2


async def test_reload_from_disk_requires_a_matching_index(setup: Setup) -> None:
    service, admin, _ = setup
    with pytest.raises(ReloadFailed, match="atazan corpus build"):
        await admin.reload_from_disk()
    await admin.reload()  # writes corpus.json and the index as the shell would
    live = service.snapshot
    report = await admin.reload_from_disk()
    assert service.snapshot is not live
    assert report.statements_after == report.statements_before


@pytest.mark.parametrize(
    ("name", "expected"),
    [("../../etc/passwd", "passwd"), ("a b/c d.txt", "c_d.txt"), ("...", "release.txt")],
)
def test_upload_names_never_escape_the_raw_folder(name: str, expected: str) -> None:
    assert safe_file_name(name) == expected
