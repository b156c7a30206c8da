"""Malformed command-line input to `atazan ask` / `eval` / `bench` / `serve-retrieval`: one line
saying what is wrong, exit 2, and no model loaded for it; undecodable bytes still get searched."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from retrieval.search import SearchService
from tests.fake_embedder import FakeEmbedder

from .conftest import make_corpus, make_resources


@pytest.fixture(autouse=True)
def _no_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "no-data"))


@pytest.mark.parametrize("question", ["", "   "])
def test_an_empty_question_is_refused_before_the_model_loads(
    question: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """It printed nothing and exited 0 (a blank one got the no-answer reply), after loading the
    model."""
    assert main(["ask", question]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: the question is empty") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"lang": "ru"}', "line 2: q: Field required"),
        ('{"q": "земля", "expect": "Иванов"}', "line 2: expect: Input should be a valid list"),
        ('["земля"]', 'line 2: expected an object like {"q": …}'),
    ],
)
def test_a_wrong_eval_line_names_its_field(
    line: str, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """pydantic's first line said only '1 validation error for EvalQuestion'."""
    path = tmp_path / "questions.jsonl"
    path.write_text('{"q": "Кому принадлежит земля?"}\n' + line + "\n", "utf-8")
    assert main(["eval", str(path)]) == 2
    assert capsys.readouterr().err == f"error: {path}: {reason}\n"


def test_bench_with_a_missing_question_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was a FileNotFoundError traceback."""
    missing = tmp_path / "missing.jsonl"
    assert main(["bench", "--questions", str(missing), "--no-quality"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {missing}:") and err.count("\n") == 1


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_serve_retrieval_refuses_a_port_out_of_range_before_loading(
    port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """An out-of-range port was an OverflowError traceback from bind(), after the model loaded."""
    with pytest.raises(SystemExit) as exited:
        main(["serve-retrieval", "--port", port])
    assert exited.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("atazan serve-retrieval: error: argument --port:")
    assert not any("Traceback" in line for line in err)


class _Utf8Embedder(FakeEmbedder):
    """Encodes like the real tokenizer, which reads the question's UTF-8 bytes."""

    def encode_queries(self, texts: Sequence[str]) -> Any:
        for text in texts:
            text.encode("utf-8")
        return super().encode_queries(texts)


async def test_a_question_with_undecodable_bytes_is_searched() -> None:
    """`printf '\\xff земля' | atazan ask -` hands over a lone surrogate: a traceback from the
    tokenizer before; the retrieval service's JSON can carry one too."""
    service = SearchService.from_corpus(make_corpus(), _Utf8Embedder(), make_resources())
    try:
        answer = await service.search("\udcff брак и семья")
    finally:
        await service.close()
    assert answer.answered
