"""`atazan bench --load`: the pure parts exactly (plans, classification, statistics, report),
the set-up refusals, and one small real run against the emulator (e2e)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.load import load
from bench.load.drive import FloodResult, ReloadResult, Sample
from bench.load.load import LoadBenchError, LoadOptions, copy_data_dir, run_load
from bench.load.report import format_table, summarise
from bench.load.scenario import (
    Question,
    ReplyKind,
    classify,
    load_question_files,
    percentile,
    plan_users,
)
from bot.cli import main
from bot.ui.texts import Lang, texts_for
from retrieval.versions import VERSION_FILE
from tests.servers import missing, require_prepared

REPO = Path(__file__).resolve().parents[2]
QUESTIONS = [Question("Жер кімге тиесілі?", "kk", "topic"), Question("Land?", "en", "topic")]


def _sample(sent: float, latency: float | None, kind: ReplyKind | None, text: str = "") -> Sample:
    return Sample(
        user_id=1,
        language_code="ru",
        question=QUESTIONS[0],
        sent_ts=sent,
        reply_ts=None if latency is None else sent + latency,
        typing_ts=sent + 1,
        kind=kind,
        text=text,
        api_errors=0,
    )


def test_plans_are_seeded_and_within_the_options() -> None:
    kw = {"users": 20, "per_user": 4, "gap_s": (3.0, 10.0), "spread_s": 5.0}
    plans = plan_users(QUESTIONS, seed=7, **kw)  # type: ignore[arg-type]
    assert plans == plan_users(QUESTIONS, seed=7, **kw)  # type: ignore[arg-type]
    assert plans != plan_users(QUESTIONS, seed=8, **kw)  # type: ignore[arg-type]
    assert len({p.user_id for p in plans}) == 20
    for plan in plans:
        assert len(plan.questions) == 4 and plan.language_code == plan.questions[0].lang
        assert 0 <= plan.start_s <= 5 and all(3 <= g <= 10 for g in plan.gaps_s)


def test_replies_are_classified_in_every_language() -> None:
    for lang in Lang:
        tx = texts_for(lang)
        assert classify(f"{tx.answer_title}\n1–3 …") is ReplyKind.ANSWER
        assert classify(f"{tx.no_answer}\n{tx.no_answer_hint}") is ReplyKind.ABSTAIN
        assert classify(tx.error) is ReplyKind.ERROR
        assert classify(tx.throttled) is ReplyKind.THROTTLED
        assert classify(tx.search_unavailable) is ReplyKind.UNAVAILABLE
    assert classify("something else") is ReplyKind.OTHER


def test_percentiles_are_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert [percentile(values, q) for q in (50, 95, 99, 100)] == [50.0, 95.0, 99.0, 100.0]
    assert percentile([], 50) is None and percentile([7.0], 99) == 7.0


def test_question_files_name_the_bad_line(tmp_path: Path) -> None:
    good = tmp_path / "q.jsonl"
    good.write_text('{"q": "Жер?", "lang": "kk", "kind": "topic"}\n\n{"q": "x"}\n', "utf-8")
    assert [q.lang for q in load_question_files([good])] == ["kk", "ru"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"q": "ok"}\nnot json\n', "utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2"):
        load_question_files([bad])
    defaults = [REPO / "corpus/eval/questions.jsonl", REPO / "corpus/eval/probe_questions.jsonl"]
    assert {q.lang for q in load_question_files(defaults)} >= {"ru", "kk", "en"}


def test_summary_counts_losses_errors_changes_and_the_flood_window() -> None:
    samples = [
        _sample(0, 30, ReplyKind.ANSWER, "A"),
        _sample(1000, 50, ReplyKind.ANSWER, "B"),  # same question, another answer: a change
        _sample(2000, None, None),  # lost
        _sample(3000, 40, ReplyKind.ERROR, "sorry"),
        _sample(5000, 200, ReplyKind.ABSTAIN, "none"),  # in flight during the flood
    ]
    flood = FloodResult(sent=100, start_ts=5100, sent_until_ts=6000, settled_ts=6500)
    flood.replies = {"answer": 5, "throttled": 1}
    reload = ReloadResult(build_start_ts=900, built_ts=1100, signal_ts=1200, done_ts=2500)
    reload.outcome = "ok"
    report = summarise(samples, ["user 1: update not accepted"], flood, reload)
    assert (report["updates_sent"], report["replies"], report["lost"]) == (5, 4, 1)
    assert report["error_replies"] == 1 and report["send_failures"] == 1
    assert report["answer_changes"] == 1
    assert report["latency_ms"]["max"] == 200.0
    assert report["flood"]["answered"] == 5 and report["flood"]["throttle_notices"] == 1
    assert report["flood"]["dropped_silently"] == 94
    assert report["flood"]["others_during_ms"]["n"] == 1
    assert report["reload"]["questions_in_window"] == 2  # the one at 1000 ms and the lost one
    assert report["reload"]["incomplete_in_window"] == 1
    report |= {
        "params": {"users": 1, "per_user": 5, "gap_s": [3, 10]},
        "bot": {"peak_rss_mib": 1, "cpu_s": 1, "cpu_pct": 1, "startup_s": 1, "log_errors": 0},
        "machine": {"busy_pct": 1, "cpus": 2}
        | dict.fromkeys(("emulator_cpu_s", "client_cpu_s", "rebuild_cpu_s", "others_cpu_s"), 0),
        "bot_handler_ms": report["latency_ms"],
        "errors": ["user 1: update not accepted"],
    }
    table = format_table(report)
    assert "lost (no reply in time)" in table and "! user 1: update not accepted" in table
    json.dumps(report)  # --json must be able to print it


def test_data_dir_is_copied_but_the_model_linked_and_the_database_left(tmp_path: Path) -> None:
    source = tmp_path / "data"
    (source / "versions" / "v1").mkdir(parents=True)
    (source / "versions" / "v1" / VERSION_FILE).write_text("{}", "utf-8")
    (source / "CURRENT").write_text("v1", "ascii")
    (source / "models" / "m").mkdir(parents=True)
    (source / "corpus.json").write_text("{}", "utf-8")
    (source / "atazan.sqlite3").write_bytes(b"db")
    copy_data_dir(source, tmp_path / "copy")
    copy = tmp_path / "copy"
    assert (copy / "models").is_symlink() and (copy / "models" / "m").is_dir()
    assert (copy / "versions" / "v1" / VERSION_FILE).is_file() and (copy / "CURRENT").is_file()
    assert not (copy / "atazan.sqlite3").exists()
    with pytest.raises(LoadBenchError, match="atazan setup"):
        copy_data_dir(tmp_path / "empty", tmp_path / "other")


def test_without_node_the_command_exits_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(load, "emulator_missing_reason", lambda: "node is not installed")
    assert main(["bench", "--load", "--users", "2"]) == 2
    assert capsys.readouterr().err == "error: node is not installed\n"


@pytest.mark.e2e
def test_a_small_run_with_a_flood_loses_nothing() -> None:
    if load.emulator_missing_reason() is not None:
        missing(str(load.emulator_missing_reason()))
    require_prepared(REPO / "data")
    options = LoadOptions(
        users=3,
        per_user=2,
        gap_s=(0.1, 0.2),
        spread_s=0.2,
        flood=True,
        flood_at_s=0.1,
        flood_messages=20,
        data_dir=REPO / "data",
        corpus_dir=REPO / "corpus",
    )
    report = run_load(options, log=lambda line: None)
    assert (report["updates_sent"], report["lost"], report["error_replies"]) == (6, 0, 0)
    assert report["api_errors"] == 0 and report["bot"]["alive"] and report["bot"]["log_errors"] == 0
    flood = report["flood"]
    assert flood["sent"] == 20 and 5 <= flood["answered"] <= 7
    # One notice per flood: a token refilled mid-flood (a slow machine) lets one more question
    # through and the next refusal starts a new flood, so at most one notice per extra answer.
    assert 1 <= flood["throttle_notices"] <= flood["answered"] - 4
    assert report["bot"]["peak_rss_mib"] > 0
