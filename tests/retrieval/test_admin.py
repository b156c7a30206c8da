"""Zero-downtime corpus changes: publish, withdraw, restore, reload — releases as records,
one atomic corpus version per change, failures and concurrency."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from retrieval.admin import CorpusAdmin, ReloadFailed, safe_file_name
from retrieval.config import RetrievalConfig
from retrieval.ingest import build_corpus
from retrieval.releases import stored_name
from retrieval.search import SearchService, load_resources
from retrieval.versions import VersionStore, read_info
from tests.fake_embedder import FakeEmbedder

REPO = Path(__file__).resolve().parents[2]
Setup = tuple[SearchService, CorpusAdmin, RetrievalConfig]

NEW_RELEASE = """date 2026-03-07
В Караганде сенатор Ерлан Нурланов встретился с горняками угольного разреза.

– Новая Конституция гарантирует безопасные условия труда для каждого шахтёра и горняка, \
– подчеркнул Ерлан Нурланов.
""".encode()
OTHER_RELEASE = """date 2026-03-09
В Темиртау сенатор Ерлан Нурланов встретился с металлургами комбината.

– Право на справедливую оплату труда закреплено в Конституции, – сказал Ерлан Нурланов.
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


def _live(config: RetrievalConfig) -> Path:
    live = VersionStore(config.data_dir).live()
    assert live is not None
    return live


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
    stored = config.data_dir / "raw" / stored_name("karaganda.txt", NEW_RELEASE)
    assert stored.read_bytes() == NEW_RELEASE
    # a restart starts from the new version: corpus, index and curated copies in one directory
    live = _live(config)
    assert report.version == live.name == service.version
    assert {p.name for p in live.iterdir()} == {"version.json", "corpus.json", "index", "curated"}
    assert (live / "curated" / "glossary.yaml").read_bytes() == (
        config.corpus_dir / "glossary.yaml"
    ).read_bytes()
    assert report.release is not None and report.release.name == "karaganda.txt"
    assert (report.release.meetings, report.release.quotes, report.release.reported) == (1, 1, 0)
    assert report.quotes_after == report.quotes_before + 1


async def test_same_content_twice_is_already_published_and_same_name_is_kept_apart(
    setup: Setup,
) -> None:
    service, admin, _ = setup
    first = await admin.publish("release.txt", NEW_RELEASE, actor=11)
    version = service.version
    again = await admin.publish("copy.txt", NEW_RELEASE, actor=22)
    assert again.unchanged and again.release is not None
    assert again.release.name == "release.txt" and again.release.published_by == 11
    assert service.version == version and again.statements_after == first.statements_after
    other = await admin.publish("release.txt", OTHER_RELEASE, actor=22)  # same name, new text
    assert not other.unchanged and other.meetings_after == first.meetings_after + 1
    mine = [r for r in await admin.releases() if r.origin == "moderator"]
    assert sorted((r.name, r.published_by) for r in mine) == [
        ("release.txt", 11),
        ("release.txt", 22),
    ]
    assert len({r.file for r in mine}) == 2 and all(r.published_at for r in mine)
    builtin = [r for r in await admin.releases() if r.origin == "builtin"]
    assert builtin and builtin[0].meetings > 0 and builtin[0].published_by is None


async def test_withdraw_moves_to_the_archive_and_restore_brings_it_back(setup: Setup) -> None:
    service, admin, config = setup
    published = await admin.publish("karaganda.txt", NEW_RELEASE, actor=11)
    assert published.release is not None
    rid = published.release.id
    withdrawn = await admin.withdraw(rid, actor=12)
    assert withdrawn.meetings_after == published.meetings_before
    assert withdrawn.quotes_after == published.quotes_before
    assert not (await service.search("Что говорил Нурланов горнякам?")).answered or all(
        "Нурланов" not in " ".join(h.speakers) for h in (await service.search("Нурланов")).hits
    )
    archived = config.data_dir / "archive" / stored_name("karaganda.txt", NEW_RELEASE)
    assert archived.read_bytes() == NEW_RELEASE  # nothing is ever deleted
    [record] = [r for r in await admin.releases() if r.archived]
    assert (record.id, record.archived_by, record.meetings, record.quotes) == (rid, 12, 1, 1)
    assert (await admin.publish("again.txt", NEW_RELEASE)).release == record  # archived: said
    with pytest.raises(ReloadFailed, match="not published"):
        await admin.withdraw(rid)
    restored = await admin.restore(rid, actor=13)
    assert restored.meetings_after == published.meetings_after
    assert not archived.exists()
    answer = await service.search("Что говорил Нурланов горнякам?")
    assert answer.answered and answer.hits[0].speakers == ["Ерлан Нурланов"]
    builtin = next(r for r in await admin.releases() if r.origin == "builtin")
    with pytest.raises(ReloadFailed, match="built in"):
        await admin.withdraw(builtin.id)


async def test_broken_curated_yaml_is_refused_with_file_line_and_reason(setup: Setup) -> None:
    service, admin, config = setup
    await admin.reload()
    live, version = service.snapshot, service.version
    glossary = config.corpus_dir / "glossary.yaml"
    good = glossary.read_text("utf-8")
    glossary.write_text(good + "\n  broken: [unclosed\n", "utf-8")
    with pytest.raises(ReloadFailed, match=r"glossary\.yaml, line \d+: .*keeps serving"):
        await admin.reload()
    with pytest.raises(ReloadFailed, match=r"glossary\.yaml, line \d+"):
        await admin.reload_from_disk()
    assert service.snapshot is live and _live(config).name == version
    glossary.write_text(good, "utf-8")


async def test_curated_edit_takes_effect_on_reload(setup: Setup) -> None:
    service, admin, config = setup
    await admin.reload()
    before = _live(config).name
    offtopic = config.corpus_dir / "offtopic.yaml"
    offtopic.write_text(
        offtopic.read_text("utf-8").replace("prototypes:", "prototypes:\n  - рецепт плова", 1),
        "utf-8",
    )
    report = await admin.reload_from_disk()  # SIGHUP / POST /admin/reload
    live = _live(config)
    assert live.name != before and report.version == live.name == service.version
    assert "рецепт плова" in (live / "curated" / "offtopic.yaml").read_text("utf-8")
    assert "offtopic.yaml" in read_info(live).curated


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
    assert not (config.data_dir / "raw").exists() or not any((config.data_dir / "raw").iterdir())
    assert VersionStore(config.data_dir).live() is None  # no version was switched in
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


async def test_reload_from_disk_follows_a_version_the_shell_published(setup: Setup) -> None:
    service, admin, config = setup
    await admin.reload()  # as `atazan index build` would: a version and the pointer
    live = service.snapshot
    report = await admin.reload_from_disk()
    assert service.snapshot is not live
    assert report.statements_after == report.statements_before
    assert report.version == _live(config).name


@pytest.mark.parametrize(
    ("name", "expected"),
    [("../../etc/passwd", "passwd"), ("a b/c d.txt", "c_d.txt"), ("...", "release.txt")],
)
def test_upload_names_never_escape_the_raw_folder(name: str, expected: str) -> None:
    assert safe_file_name(name) == expected


@pytest.mark.parametrize("stage", ["validate", "embed", "index", "seal", "switch"])
async def test_a_publish_failing_at_any_stage_changes_nothing(setup: Setup, stage: str) -> None:
    service, admin, config = setup
    await admin.reload()
    version, snapshot = _live(config).name, service.snapshot

    def fault(at: str, done: int = 0, total: int = 0) -> None:
        if at == stage:
            raise RuntimeError(f"fault injected at {at}")

    with pytest.raises(ReloadFailed, match=f"fault injected at {stage}"):
        await admin.publish("karaganda.txt", NEW_RELEASE, progress=fault)
    assert service.snapshot is snapshot and service.version == version
    assert _live(config).name == version  # the pointer still names the old version
    assert not any((config.data_dir / "raw").iterdir())  # the upload was taken back
    assert [r.name for r in await admin.releases() if r.origin == "moderator"] == []
    leftovers = [p.name for p in (config.data_dir / "versions").iterdir() if p.name[0] == "."]
    assert leftovers == []
