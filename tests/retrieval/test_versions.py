"""One atomic corpus version: a build killed (SIGKILL) at every step of publishing, or failing
at every stage of a rebuild, leaves the previous version serving; a finished one is served
whole. Old versions are pruned, the live one never."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval.index import build_dense
from retrieval.models import Corpus, Meeting, Statement
from retrieval.versions import VersionStore, load_version, read_info
from tests.fake_embedder import FakeEmbedder
from tests.retrieval.conftest import make_corpus

REPO = Path(__file__).resolve().parents[2]
# every step VersionStore.publish reports, in order; the pointer is written after "switch"
PUBLISH_STEPS = ("stage", "corpus", "index", "copy", "manifest", "seal", "switch", "prune")

KILLED_BUILD = """
import os, signal, sys
from pathlib import Path
from tests.fake_embedder import FakeEmbedder
from retrieval.index import build_dense
from retrieval.models import Corpus
from retrieval.versions import VersionStore

root, curated, corpus_file, kill_at = sys.argv[1:5]
corpus = Corpus.model_validate_json(Path(corpus_file).read_bytes())

def step(stage, done=0, total=0):
    if stage == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)

VersionStore(Path(root)).publish(
    corpus, build_dense(corpus, FakeEmbedder()), Path(curated), [], step=step
)
"""


def _bigger(corpus: Corpus) -> Corpus:
    extra = Meeting(
        id="m-new",
        document_id=corpus.documents[0].id,
        date=None,
        senators=["Ерлан Нурланов"],
        statements=[
            Statement(
                id="m-new-s0",
                meeting_id="m-new",
                kind="quote",
                text="Новая Конституция гарантирует безопасный труд шахтёров.",
                speakers=["Ерлан Нурланов"],
            )
        ],
    )
    return corpus.model_copy(update={"meetings": [*corpus.meetings, extra]})


@pytest.fixture
def curated(tmp_path: Path) -> Path:
    target = tmp_path / "curated"
    target.mkdir()
    for path in (REPO / "corpus").glob("*.yaml"):
        shutil.copyfile(path, target / path.name)
    return target


def _served(store: VersionStore) -> Corpus:
    """What a (re)starting process would serve: the pointer's version, fully verified."""
    live = store.live()
    assert live is not None
    embedder = FakeEmbedder()
    _, corpus, dense = load_version(live, model_id=embedder.model_id, dim=embedder.dim)
    assert len(dense.vectors) == len(corpus.statements())
    return corpus


def test_a_build_killed_at_any_step_leaves_a_whole_version_serving(
    tmp_path: Path, curated: Path
) -> None:
    store = VersionStore(tmp_path / "data")
    old, new = make_corpus(), _bigger(make_corpus())
    first = store.publish(old, build_dense(old, FakeEmbedder()), curated, [])
    new_file = tmp_path / "new.json"
    new_file.write_text(new.model_dump_json(), encoding="utf-8")
    for step in PUBLISH_STEPS:
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                KILLED_BUILD,
                str(store.root),
                str(curated),
                str(new_file),
                step,
            ],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == -signal.SIGKILL, result.stderr
        served = _served(store)
        switched = PUBLISH_STEPS.index(step) > PUBLISH_STEPS.index("switch")
        assert served == (new if switched else old), step
        # back to the old version for the next kill (as if the new one was never built)
        if store.live_name() != first.version:
            store.switch(first.version)
        for path in store.versions.iterdir():
            if path.name != first.version and not path.name.startswith("."):
                shutil.rmtree(path)
    # leftovers of killed builds never stop the next build, which cleans them up
    second = store.publish(new, build_dense(new, FakeEmbedder()), curated, [])
    assert store.live_name() == second.version and _served(store) == new
    assert [p.name for p in store.versions.iterdir() if p.name.startswith(".")] == []
    assert read_info(store.versions / first.version).corpus_hash == old.content_hash()


def test_publishing_the_same_content_again_reuses_the_sealed_version(
    tmp_path: Path, curated: Path
) -> None:
    store = VersionStore(tmp_path / "data")
    corpus = make_corpus()
    first = store.publish(corpus, build_dense(corpus, FakeEmbedder()), curated, [])
    steps: list[str] = []
    again = store.publish(
        corpus, build_dense(corpus, FakeEmbedder()), curated, [], step=lambda s, *_: steps.append(s)
    )
    assert again.version == first.version and steps == ["switch", "prune"]


def test_old_versions_are_pruned_but_never_the_live_one(tmp_path: Path, curated: Path) -> None:
    store = VersionStore(tmp_path / "data")
    corpus = make_corpus()
    names = []
    for i in range(5):
        glossary = curated / "glossary.yaml"
        glossary.write_text(glossary.read_text("utf-8") + f"\n# edit {i}\n", "utf-8")
        names.append(
            store.publish(corpus, build_dense(corpus, FakeEmbedder()), curated, []).version
        )
    kept = sorted(p.name for p in store.versions.iterdir())
    assert len(kept) == 3 and names[-1] in kept and store.live_name() == names[-1]
    assert (
        (store.versions / names[-1] / "curated" / "glossary.yaml")
        .read_text("utf-8")
        .endswith("# edit 4\n")
    )


def test_a_dangling_or_damaged_pointer_is_no_version(tmp_path: Path) -> None:
    store = VersionStore(tmp_path / "data")
    store.root.mkdir()
    assert store.live() is None
    store.pointer.write_text("../../etc\n")
    assert store.live() is None
    store.pointer.write_text("0123456789abcdef\n")  # names nothing sealed
    assert store.live() is None
