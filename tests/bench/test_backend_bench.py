"""`atazan bench`'s own measuring: a child's peak RSS is its own, the table says what was run."""

from __future__ import annotations

import os
import resource
from pathlib import Path

import numpy as np
import pytest

from bot.cli import main
from retrieval.bench import add_guards
from retrieval.bench_backend import scaled_vectors
from retrieval.bench_cold_start import probed_run
from retrieval.bench_synthetic import synthetic_problem
from retrieval.bench_table import format_table
from retrieval.guard import flatten, worst_excess


def test_peak_rss_is_the_childs_own_not_the_benchs() -> None:
    ballast = np.ones(300 * 1024 * 1024 // 8)  # the bench holding ~300 MB, as with models loaded
    run = probed_run(["platform"], dict(os.environ))
    assert not run.error
    assert 0 < run.peak_rss_mb < 150
    assert run.first_line_s > 0
    # what the old figure was made of: a child's rusage carries the parent's peak over the exec
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert children > 300
    del ballast


def test_a_failing_child_is_reported_not_measured() -> None:
    run = probed_run(["no_such_module_for_atazan"], dict(os.environ))
    assert run.error == "no_such_module_for_atazan exited 1"


def test_larger_corpora_reuse_the_encoded_vectors_as_unit_rows() -> None:
    rng = np.random.default_rng(1)
    pool = rng.standard_normal((50, 8)).astype(np.float32)
    pool /= np.linalg.norm(pool, axis=1, keepdims=True)
    big = scaled_vectors(pool, 500)
    assert big.shape == (500, 8) and big.dtype == np.float32
    assert np.array_equal(big[:50], pool)
    assert np.allclose(np.linalg.norm(big, axis=1), 1.0, atol=1e-5)
    assert scaled_vectors(pool, 20).shape == (20, 8)


def test_table_has_a_row_per_backend_and_names_errors() -> None:
    result = {
        "bare_encode_ms": {"p50": 3.3, "p95": 4.0},
        "bare_encode_cpu_ms": {"p50": 6.1, "p95": 7.0},
        "load_average": 1.5,
        "sizes": [
            {
                "statements": 3000,
                "search_ms": {"p50": 8.0, "p95": 9.0},
                "search_cpu_ms": {"p50": 4.5, "p95": 5.0},
                "qps": {"1": 100.0, "8": 150.0, "32": 200.0},
            },
        ],
        "cold_start": {"first_answer_s": 2.1, "peak_rss_mb": 410.0},
        "peak_rss_mb": 700.0,
    }
    rows = format_table({"ort": result, "onnx": {"error": "exit 1: boom"}}, [3000, 30000])
    assert rows[0].count("|") == rows[2].count("|")
    cells = [c.strip() for c in rows[2].strip("|").split("|")]
    assert cells[:4] == ["ort", "3.3 / 4.0", "6.1", "1.5"]
    assert "8.0 / 9.0 (CPU 4.5)" in cells and "—" in cells  # the 30,000 size was not measured
    assert "410.0" in cells and "200.0" in cells
    assert rows[3] == "| onnx | error: exit 1: boom |"


def test_a_synthetic_dir_that_was_never_built_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "corpus.json").write_text("{}", encoding="utf-8")
    assert synthetic_problem(tmp_path) == (
        f"{tmp_path / 'questions-heldout.jsonl'} is missing: "
        f"run `python -m bench.synthetic build {tmp_path}`"
    )
    code = main(["bench", "--synthetic", str(tmp_path), "--backends", "ort-w8"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and err[0].startswith("error: --synthetic: ")


def test_every_backend_gets_its_guard_against_the_reference_listed_first() -> None:
    vectors = np.eye(3, dtype=np.float32).tolist()
    figures = {"all.hit@3": 0.9}
    results = {
        "torch": {"quality_vectors": vectors, "eval": {"founding/q": figures}},
        "ort-w8": {"quality_vectors": vectors, "eval": {"founding/q": {"all.hit@3": 0.85}}},
        "ov-w8": {"error": "exit 1: boom"},
    }
    add_guards(results, quality=True)
    assert results["torch"]["quality"]["meets_bar"] is True
    assert results["ort-w8"]["quality"] == {
        "min_cosine": 1.0,
        "max_eval_delta": 0.05,
        "meets_bar": False,
    }
    assert all("quality_vectors" not in r for r in results.values())
    assert "quality" not in results["ov-w8"]


def test_the_guard_allows_one_questions_worth_on_a_small_set_only() -> None:
    small = {"en.n": 11.0, "en.page_precision": 1.0}
    assert worst_excess(small, {**small, "en.page_precision": 0.955})[1] <= 0  # one near tie
    assert worst_excess(small, {**small, "en.page_precision": 0.85})[1] > 0
    large = {"all.n": 300.0, "all.hit@3": 0.93}
    assert worst_excess(large, {**large, "all.hit@3": 0.925})[1] <= 0
    assert worst_excess(large, {**large, "all.hit@3": 0.91})[1] > 0  # 0.01 stays the bar


def test_a_count_of_one_irrelevant_hit_is_no_rate() -> None:
    report = {"by_language": {"en": {"in_corpus": 7, "out_of_corpus": 4, "irrelevant_shown": 1}}}
    assert flatten(report) == {"en.n": 11.0}
