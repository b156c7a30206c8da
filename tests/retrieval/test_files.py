"""Atomic writes produce ordinary files: the umask decides who may read them, not mkstemp."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval import index as dense_index
from retrieval.files import write_atomic
from tests.fake_embedder import FakeEmbedder

from .conftest import make_corpus


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_written_file_is_readable_by_others_under_the_usual_umask(
    tmp_path: Path, umask_022: None
) -> None:
    target = tmp_path / "corpus.json"
    write_atomic(target, b"{}")
    # The image builds as root and runs as uid 10001: "others" must be able to read.
    assert target.stat().st_mode & 0o777 == 0o644
    assert target.read_bytes() == b"{}"


def test_umask_is_respected(tmp_path: Path) -> None:
    previous = os.umask(0o077)
    try:
        write_atomic(tmp_path / "private.json", b"x")
    finally:
        os.umask(previous)
    assert (tmp_path / "private.json").stat().st_mode & 0o777 == 0o600


def test_explicit_private_mode_for_secrets(tmp_path: Path, umask_022: None) -> None:
    write_atomic(tmp_path / "key", b"k", mode=0o600)
    assert (tmp_path / "key").stat().st_mode & 0o777 == 0o600


def test_replaces_in_place_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.json"
    write_atomic(target, b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.json"]


def test_failed_write_keeps_the_old_file_and_removes_the_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.json"
    write_atomic(target, b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_saved_index_files_are_readable_by_others(tmp_path: Path, umask_022: None) -> None:
    dense = dense_index.build_dense(make_corpus(), FakeEmbedder(16))
    dense_index.save(dense, tmp_path)
    modes = {p.name: p.stat().st_mode & 0o777 for p in tmp_path.iterdir()}
    assert modes and set(modes.values()) == {0o644}, modes
