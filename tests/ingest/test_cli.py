"""`atazan corpus …` commands against a temporary data and corpus directory."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from retrieval.corpus_cli import register
from retrieval.models import Corpus
from tests.ingest.conftest import CORPUS_DIR, FIXTURES, SEED


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="atazan")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(list(argv))
    code: int = args.func(args)
    return code


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    corpus_dir, data_dir = tmp_path / "corpus", tmp_path / "data"
    (corpus_dir / "raw").mkdir(parents=True)
    for name in ("themes.yaml", "regions.yaml", "senators.yaml"):
        shutil.copy(CORPUS_DIR / name, corpus_dir / name)
    shutil.copy(SEED, corpus_dir / "raw" / SEED.name)
    monkeypatch.setenv("CORPUS_DIR", str(corpus_dir))
    monkeypatch.setenv("DATA_DIR", str(data_dir))
    return corpus_dir, data_dir


GENRE = Path(__file__).parent / "genre"
CONTRACT_DOCUMENT = {"id", "date", "title", "source"}
CONTRACT_MEETING = {"id", "document_id", "date", "senators", "place", "audience", "statements"}
CONTRACT_STATEMENT = {"id", "kind", "text", "speakers", "themes"}


def _check_contract(payload: dict[str, object]) -> None:
    assert set(payload) == {"documents", "meetings"}
    documents = payload["documents"]
    meetings = payload["meetings"]
    assert isinstance(documents, list) and isinstance(meetings, list)
    for document in documents:
        assert set(document) >= CONTRACT_DOCUMENT
    for meeting in meetings:
        assert set(meeting) >= CONTRACT_MEETING
        assert isinstance(meeting["senators"], list) and isinstance(meeting["audience"], list)
        for statement in meeting["statements"]:
            assert set(statement) >= CONTRACT_STATEMENT
            assert statement["kind"] in ("quote", "reported")


def test_build_writes_corpus_json_atomically(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, data_dir = dirs
    assert run("corpus", "build") == 0
    out = capsys.readouterr().out
    assert "1 documents, 6 meetings" in out and "6 quotes" in out
    written = data_dir / "corpus.json"
    corpus = Corpus.model_validate_json(written.read_text("utf-8"))
    assert len(corpus.meetings) == 6
    assert [p.name for p in data_dir.iterdir()] == ["corpus.json"]  # no temp file left


def test_show_json_builds_in_memory_when_not_built(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, data_dir = dirs
    assert run("corpus", "show", "--json") == 0
    payload = json.loads(capsys.readouterr().out)
    _check_contract(payload)
    assert len(payload["meetings"]) == 6
    assert payload["documents"][0]["date"] == "2026-03-05"
    assert not data_dir.exists()


def test_show_reads_the_built_corpus(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, data_dir = dirs
    data_dir.mkdir()
    (data_dir / "corpus.json").write_text(Corpus().model_dump_json(), "utf-8")
    assert run("corpus", "show", "--json") == 0
    assert json.loads(capsys.readouterr().out) == {"documents": [], "meetings": []}
    assert run("corpus", "show") == 0
    assert "0 documents" in capsys.readouterr().out


def test_parse_one_file_writes_nothing(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, data_dir = dirs
    assert run("corpus", "parse", str(FIXTURES / "saved_page.html"), "--json") == 0
    payload = json.loads(capsys.readouterr().out)
    _check_contract(payload)
    assert payload["meetings"][1]["senators"] == ["Жанна Асанова"]
    assert not data_dir.exists()


def test_parse_json_keeps_senators_apart_from_other_speakers(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    release = GENRE / "heldout" / "h08_mazhilis_same_surname_ru.txt"
    assert run("corpus", "parse", str(release), "--json") == 0
    payload = json.loads(capsys.readouterr().out)
    _check_contract(payload)
    (meeting,) = payload["meetings"]
    assert meeting["senators"] == ["Айдос Ержанов"]  # senators only
    first = next(s for s in meeting["statements"] if s["kind"] == "quote")
    assert first["speakers"] == ["Канат Ержанов"]  # still a list of names
    assert first["roles"] == {"Канат Ержанов": "Председатель Мажилиса"}  # the new field
    assert payload["documents"][0]["url"] is None
    assert run("corpus", "parse", str(release)) == 0
    assert "Канат Ержанов (Председатель Мажилиса)" in capsys.readouterr().out


def test_eval_prints_the_table(dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert run("corpus", "eval", str(GENRE / "heldout")) == 0
    out = capsys.readouterr().out
    assert out.startswith("| set | releases | senator P |") and "| heldout | 10 |" in out
    assert run("corpus", "eval", "/nonexistent") == 2


def test_parse_bad_file_exits_1_and_missing_file_2(
    dirs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    assert run("corpus", "parse", str(bad), "--json") == 1
    captured = capsys.readouterr()
    assert "error: binary: bad.txt" in captured.err
    assert json.loads(captured.out) == {"documents": [], "meetings": []}
    assert run("corpus", "parse", str(tmp_path / "nope.txt")) == 2


def test_check_is_clean_on_the_seed_and_fails_on_errors(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus_dir, _ = dirs
    assert run("corpus", "check") == 0
    assert "1 files checked: 0 errors, 0 warnings" in capsys.readouterr().out
    (corpus_dir / "raw" / "nodate.txt").write_text("Сенатор Жанна Асанова встретилась.", "utf-8")
    (corpus_dir / "raw" / "broken.txt").write_bytes(
        "Сенатор".encode("shift_jis", "replace") + b"\x82\xa0\x81"
    )
    assert run("corpus", "check") == 1
    out = capsys.readouterr().out
    assert "warning: no_date: nodate.txt" in out
    assert "error: unknown_encoding: broken.txt" in out


def test_bad_settings_exit_2_with_one_line(
    dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RETRIEVAL", "{not json")
    assert run("corpus", "build") == 2
    err = capsys.readouterr().err
    assert err.startswith("bad setting") and err.count("\n") == 1
    # under `atazan`, retrieval's commands check the bot's settings too
    monkeypatch.delenv("RETRIEVAL")
    monkeypatch.setenv("DB__RETENTION_DAYS", "0")
    assert main(["corpus", "build"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bad setting DB__RETENTION_DAYS") and err.count("\n") == 1


def test_build_with_no_releases_writes_nothing(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus_dir, data_dir = dirs
    (corpus_dir / "raw" / SEED.name).unlink()
    assert run("corpus", "build") == 1
    assert "nothing written" in capsys.readouterr().err
    assert not (data_dir / "corpus.json").exists()


def test_senators_dry_run(dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    corpus_dir, _ = dirs
    before = (corpus_dir / "senators.yaml").read_text("utf-8")
    assert run("corpus", "senators", "--dry-run") == 0
    roster = sum(line.startswith("- name:") for line in before.splitlines())
    assert roster >= 20 and f"{roster} senators" in capsys.readouterr().out
    assert (corpus_dir / "senators.yaml").read_text("utf-8") == before


def test_senators_reports_a_malformed_roster(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A moderator's unquoted "key: value" inside a source is a clear error, file untouched."""
    corpus_dir, _ = dirs
    path = corpus_dir / "senators.yaml"
    broken = path.read_text("utf-8") + "- name: Имя Фамилия\n  source: site.kz (see: page)\n  x\n"
    path.write_text(broken, "utf-8")
    assert run("corpus", "senators") == 1
    err = capsys.readouterr().err
    assert "senators.yaml" in err and "not valid YAML" in err and "Traceback" not in err
    assert path.read_text("utf-8") == broken


@pytest.mark.parametrize(
    ("gold", "reason"),
    [
        ("meetings: [1, 2\n", "not valid YAML (line 2: expected ',' or ']'"),
        ("meetings: 5\n", "a field of the wrong shape"),
        ("others: [a]\n", "a field of the wrong shape"),
    ],
)
def test_eval_names_a_broken_gold_file(
    dirs: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    gold: str,
    reason: str,
) -> None:
    """Both were tracebacks (yaml's ParserError, a TypeError in the scoring)."""
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "r.txt").write_text("5 марта 2026 г.\n\nСенатор Жанна Асанова выступила.\n", "utf-8")
    (folder / "r.gold.yaml").write_text(gold, "utf-8")
    assert run("corpus", "eval", str(folder)) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{folder}: {folder / 'r.gold.yaml'}: {reason}") and err.count("\n") == 1


def test_parse_of_a_folder_says_it_is_one(
    dirs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("corpus", "parse", str(tmp_path)) == 2
    assert capsys.readouterr().err == f"{tmp_path}: a folder: give one release file\n"
