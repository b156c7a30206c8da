"""Index files: manifest checks, atomic replacement, and builds killed half-way."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import time
from pathlib import Path

import numpy as np
import pytest

from retrieval import index as dense_index
from retrieval.models import Corpus
from tests.fake_embedder import FakeEmbedder

from .conftest import make_corpus


def _save(corpus: Corpus, directory: Path, dim: int = 64) -> dense_index.Manifest:
    return dense_index.save(dense_index.build_dense(corpus, FakeEmbedder(dim)), directory)


def test_round_trip_and_search(tmp_path: Path) -> None:
    corpus = make_corpus()
    manifest = _save(corpus, tmp_path)
    loaded = dense_index.load(tmp_path, model_id="fake-trigram-64", dim=64,
                              corpus_hash=corpus.content_hash())  # fmt: skip
    assert loaded.statement_ids == tuple(s.id for s in corpus.statements())
    query = FakeEmbedder(64).encode_queries([corpus.statements()[3].text])
    scores, ids = loaded.search(query, 1)
    assert ids[0][0] == 3 and scores[0][0] == pytest.approx(1.0, abs=1e-5)
    assert manifest.count == 7


def test_vectors_are_saved_column_major_and_old_row_major_files_still_load(tmp_path: Path) -> None:
    """Column-major is what makes a question's scan the fast BLAS kernel (README, #14); an index
    written row-major by an earlier version loads with the same rows and the same scores."""
    corpus = make_corpus()
    manifest = _save(corpus, tmp_path)
    args = {"model_id": "fake-trigram-64", "dim": 64, "corpus_hash": corpus.content_hash()}
    loaded = dense_index.load(tmp_path, **args)  # type: ignore[arg-type]
    assert loaded.vectors.shape == (7, 64) and loaded.vectors.flags["F_CONTIGUOUS"]
    path = tmp_path / manifest.vectors_file
    assert b"'fortran_order': True" in path.read_bytes()[:128]
    query = FakeEmbedder(64).encode_queries([corpus.statements()[2].text])[0]
    expected = np.asarray([float(row @ query) for row in np.asarray(loaded.vectors)])
    np.testing.assert_allclose(loaded.scores(query), expected, atol=1e-6)

    rows = np.array(loaded.vectors)  # a copy: the file below replaces the mapped one in place
    np.save(path, np.ascontiguousarray(rows))  # what the format wrote before
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    raw = json.loads((tmp_path / "manifest.json").read_text())
    ids = tmp_path / f"ids-{raw['vectors_sha256'][:16]}.json"
    ids.rename(tmp_path / f"ids-{digest[:16]}.json")
    (tmp_path / "manifest.json").write_text(json.dumps({**raw, "vectors_sha256": digest}))
    old = dense_index.load(tmp_path, **args)  # type: ignore[arg-type]
    assert old.vectors.flags["C_CONTIGUOUS"]
    assert np.array_equal(np.asarray(old.vectors), rows)
    np.testing.assert_allclose(old.scores(query), expected, atol=1e-6)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"model_id": "other-model", "dim": 64}, "configured model is other-model"),
        ({"model_id": "fake-trigram-64", "dim": 32}, "configured model"),
        ({"model_id": "fake-trigram-64", "dim": 64, "corpus_hash": "x"}, "older than the built"),
    ],
)
def test_mismatch_is_a_clear_error(tmp_path: Path, kwargs: dict[str, object], message: str) -> None:
    corpus = make_corpus()
    _save(corpus, tmp_path)
    args = {"corpus_hash": corpus.content_hash(), **kwargs}
    with pytest.raises(dense_index.IndexError_, match=message) as info:
        dense_index.load(tmp_path, **args)  # type: ignore[arg-type]
    assert "atazan index build" in str(info.value)


def test_missing_and_corrupt_files(tmp_path: Path) -> None:
    corpus = make_corpus()
    with pytest.raises(dense_index.IndexError_, match="no search index"):
        dense_index.load(tmp_path, model_id="m", dim=64, corpus_hash="h")
    manifest = _save(corpus, tmp_path)
    vectors = tmp_path / manifest.vectors_file
    vectors.write_bytes(vectors.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(dense_index.IndexError_, match="corrupt"):
        dense_index.load(tmp_path, model_id="fake-trigram-64", dim=64,
                         corpus_hash=corpus.content_hash())  # fmt: skip
    (tmp_path / "manifest.json").write_text("{not json")
    with pytest.raises(dense_index.IndexError_, match="unreadable"):
        dense_index.load(tmp_path, model_id="fake-trigram-64", dim=64, corpus_hash="h")


def test_rebuild_replaces_and_cleans_old_files(tmp_path: Path) -> None:
    corpus = make_corpus()
    _save(corpus, tmp_path)
    smaller = corpus.model_copy(update={"meetings": corpus.meetings[:1]})
    manifest = _save(smaller, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["manifest.json", manifest.vectors_file, f"ids-{manifest.vectors_sha256[:16]}.json"]
    )
    assert json.loads((tmp_path / "manifest.json").read_text())["count"] == 2


def _build_then_hang(directory: str, hang_on: str) -> None:
    """Child process: builds a new index but stops forever before writing `hang_on`."""
    real_write = dense_index.write_atomic

    def write(path: Path, data: bytes) -> None:
        if path.name.startswith(hang_on):
            # leave a half-written temp file behind, like a crash mid-write would
            (path.parent / f".{path.name}.partial").write_bytes(data[: len(data) // 2])
            (path.parent / "child-ready").touch()
            time.sleep(60)
        real_write(path, data)

    dense_index.write_atomic = write  # type: ignore[assignment]
    corpus = make_corpus()
    smaller = corpus.model_copy(update={"meetings": corpus.meetings[:1]})
    dense_index.save(dense_index.build_dense(smaller, FakeEmbedder(64)), Path(directory))


@pytest.mark.parametrize("hang_on", ["vectors-", "manifest.json"])
def test_build_killed_midway_leaves_last_good_index(tmp_path: Path, hang_on: str) -> None:
    corpus = make_corpus()
    good = _save(corpus, tmp_path)
    ctx = multiprocessing.get_context("spawn")
    child = ctx.Process(target=_build_then_hang, args=(str(tmp_path), hang_on))
    child.start()
    deadline = time.monotonic() + 30
    while not (tmp_path / "child-ready").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert child.pid is not None and (tmp_path / "child-ready").exists()
    os.kill(child.pid, signal.SIGKILL)
    child.join()
    loaded = dense_index.load(tmp_path, model_id="fake-trigram-64", dim=64,
                              corpus_hash=corpus.content_hash())  # fmt: skip
    assert loaded.manifest.vectors_sha256 == good.vectors_sha256
    assert loaded.manifest.count == 7
