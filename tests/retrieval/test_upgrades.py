"""Upgrades at start: a newer image's built-in releases are merged with the volume's, a model
change rebuilds the index (with a log line) instead of refusing, and a broken edit keeps the
last good version serving."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from retrieval.config import RetrievalConfig
from retrieval.errors import ServiceUnavailable
from retrieval.rebuild import build_version, open_live
from retrieval.versions import VersionStore, read_info
from tests.fake_embedder import FakeEmbedder

REPO = Path(__file__).resolve().parents[2]
MODERATOR_RELEASE = """date 2026-03-07
В Караганде сенатор Ерлан Нурланов встретился с горняками угольного разреза.

– Новая Конституция гарантирует безопасные условия труда для каждого шахтёра и горняка, \
– подчеркнул Ерлан Нурланов.
""".encode()
NEW_BUILTIN_RELEASE = """date 2026-03-10
В Таразе сенатор Айжан Сапарова встретилась со студентами университета.

– Право на образование закреплено в новой Конституции, – сказала Айжан Сапарова.
""".encode()


@pytest.fixture
def image(tmp_path: Path) -> RetrievalConfig:
    """An image's corpus dir and its built-in data dir (a version built at image build time),
    and an empty volume with one moderator release."""
    corpus_dir = tmp_path / "app" / "corpus"
    shutil.copytree(REPO / "corpus", corpus_dir, ignore=shutil.ignore_patterns("eval"))
    builtin = tmp_path / "app" / "data"
    build_version(RetrievalConfig(data_dir=builtin, corpus_dir=corpus_dir), FakeEmbedder())
    volume = tmp_path / "volume"
    (volume / "raw").mkdir(parents=True)
    return RetrievalConfig(data_dir=volume, corpus_dir=corpus_dir, builtin_data_dir=builtin)


def _files(config: RetrievalConfig) -> dict[str, str]:
    live = VersionStore(config.data_dir).live()
    assert live is not None
    return {r.file: r.origin for r in read_info(live).releases}


def test_a_fresh_volume_serves_the_builtin_version_without_rebuilding(
    image: RetrievalConfig, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="retrieval.rebuild"):
        opened = open_live(image, FakeEmbedder())
    assert image.builtin_data_dir is not None
    assert opened.version == VersionStore(image.builtin_data_dir).live_name()
    assert caplog.records == [] and VersionStore(image.data_dir).live() is None


def test_newer_builtin_releases_are_merged_with_the_volume(
    image: RetrievalConfig, caplog: pytest.LogCaptureFixture
) -> None:
    (image.data_dir / "raw" / "karaganda-0123456789ab.txt").write_bytes(MODERATOR_RELEASE)
    first = open_live(image, FakeEmbedder())  # the moderator's release joins the image's
    assert "karaganda-0123456789ab.txt" in _files(image)
    # the next image ships one more built-in release
    (image.corpus_dir / "raw" / "2026-03-10-taraz.txt").write_bytes(NEW_BUILTIN_RELEASE)
    with caplog.at_level(logging.INFO, logger="retrieval.rebuild"):
        second = open_live(image, FakeEmbedder())
    assert "1 new, 1 of them built in" in caplog.text
    assert second.version != first.version
    files = _files(image)
    assert files["2026-03-10-taraz.txt"] == "builtin"
    assert files["karaganda-0123456789ab.txt"] == "moderator"
    speakers = {n for s in second.snapshot.statements for n in s.speakers}
    assert {"Айжан Сапарова", "Ерлан Нурланов"} <= speakers


def test_a_model_change_rebuilds_the_index_at_start(
    image: RetrievalConfig, caplog: pytest.LogCaptureFixture
) -> None:
    new_model = FakeEmbedder(dim=128)
    with caplog.at_level(logging.INFO, logger="retrieval.rebuild"):
        opened = open_live(image, new_model)
    assert "the model changed (fake-trigram-256, 256d → fake-trigram-128, 128d)" in caplog.text
    assert "now serving version" in caplog.text
    live = VersionStore(image.data_dir).live()
    assert live is not None and read_info(live).model_id == new_model.model_id
    assert opened.snapshot.vectors.shape[1] == 128


def test_a_broken_curated_edit_at_start_keeps_the_last_good_version(
    image: RetrievalConfig, caplog: pytest.LogCaptureFixture
) -> None:
    good = open_live(image, FakeEmbedder())
    (image.corpus_dir / "themes.yaml").write_text("themes: [unclosed\n", "utf-8")
    with caplog.at_level(logging.INFO, logger="retrieval.rebuild"):
        opened = open_live(image, FakeEmbedder())
    assert opened.version == good.version and opened.failure is not None
    assert "themes.yaml, line 2" in caplog.text and f"serving version {good.version}" in caplog.text
    # with another model the old version cannot serve: a clear one-line refusal
    with pytest.raises(ServiceUnavailable, match=r"themes\.yaml, line 2"):
        open_live(image, FakeEmbedder(dim=128))


def test_a_rebuilt_version_still_knows_the_towns_a_question_names(
    image: RetrievalConfig,
) -> None:
    """The rebuild parses the curated files from a staging copy it deletes once the version is
    published: the snapshot it serves must not read them again. Before, every rebuild (a
    moderator's reload, a curated edit at start) left "в Орале" (Уральск spelt otherwise)
    naming no region until the next restart."""
    open_live(image, FakeEmbedder())
    with (image.corpus_dir / "glossary.yaml").open("a", encoding="utf-8") as file:
        file.write("\n# a moderator's edit\n")
    opened = open_live(image, FakeEmbedder())
    assert opened.failure is None
    assert opened.resources.regions_named is not None
    assert opened.resources.regions_named("Что говорили в Орале?") == [
        ("Западно-Казахстанская область", "Орале")
    ]
    assert opened.resources.region_of("Өскемен") == "Восточно-Казахстанская область"


def test_a_twin_naming_no_listed_town_is_refused_by_name(image: RetrievalConfig) -> None:
    """A moderator's typo in regions.yaml's twins stops the rebuild with the stray name; the last
    good version keeps serving."""
    good = open_live(image, FakeEmbedder())
    regions = image.corpus_dir / "regions.yaml"
    regions.write_text(regions.read_text("utf-8") + "  - [Уральск, Оралл]\n", "utf-8")
    opened = open_live(image, FakeEmbedder())
    assert opened.version == good.version
    assert opened.failure is not None and "Оралл" in opened.failure
