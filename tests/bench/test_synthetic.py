"""The synthetic corpus generator: seeded, varied, and a held-out split that shares nothing."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from bench.synthetic.generate import plan_meetings, write_releases
from bench.synthetic.questions import build_questions
from bench.synthetic.topics import NOT_COVERED


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_same_seed_same_releases_other_seed_other_releases(tmp_path: Path) -> None:
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        write_releases(plan_meetings(random.Random(seed), 40), tmp_path / name, seed)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_releases_cover_genres_languages_and_reprints(tmp_path: Path) -> None:
    plans = plan_meetings(random.Random(1), 120)
    written = write_releases(plans, tmp_path, 1)
    kinds = {name.split("-")[0] for name in written}
    assert kinds == {"digest", "news", "kk"}
    reported = [pid for ids in written.values() for pid in ids]
    assert len(reported) > len(plans)  # some meetings reported by two outlets
    assert sorted(set(reported)) == [p.id for p in plans]  # every meeting reported
    statements = sum(len(p.said) for p in plans)
    assert statements >= 4 * len(plans)


def test_questions_split_shares_no_wording_and_no_negative_subject() -> None:
    plans = plan_meetings(random.Random(3), 300)
    questions = build_questions(plans, 3)
    assert len(questions) >= 200
    dev = {q["q"] for q in questions if q["split"] == "dev"}
    held = {q["q"] for q in questions if q["split"] == "heldout"}
    assert dev and held and not dev & held
    for _, negatives in NOT_COVERED:
        splits = {q["split"] for q in questions if q["q"] in {text for _, text in negatives}}
        assert len(splits) == 1
    for split in ("dev", "heldout"):
        langs = {q["lang"] for q in questions if q["split"] == split and q["kind"] == "oos"}
        assert langs == {"ru", "kk", "en"}


def test_probe_split_is_fresh_and_leaves_the_others_unchanged() -> None:
    """The probe split shares no wording with dev or held-out, and adding it consumed no random
    draw: every dev and held-out question is the same as without it."""
    from bench.synthetic import questions as module

    plans = plan_meetings(random.Random(3), 300)
    questions = build_questions(plans, 3)
    probe = [q for q in questions if q["split"] == "probe"]
    others = [q for q in questions if q["split"] != "probe"]
    assert len(probe) >= 100
    assert {q["lang"] for q in probe if q["kind"] == "oos"} == {"ru", "kk", "en"}
    assert not {q["q"] for q in probe} & {q["q"] for q in others}
    negatives = {text for _, group in NOT_COVERED for _, text in group}
    assert not {q["q"] for q in probe} & negatives
    saved = module.PROBE_ASKS, module.PROBE_NOT_COVERED
    try:
        module.PROBE_ASKS = {k: ("", "", "") for k in saved[0]}
        module.PROBE_NOT_COVERED = ()
        without = [q for q in build_questions(plans, 3) if q["split"] != "probe"]
    finally:
        module.PROBE_ASKS, module.PROBE_NOT_COVERED = saved
    assert without == others


def test_blind_split_is_fresh_and_leaves_the_others_unchanged() -> None:
    """The blind split shares no wording with any other split nor with a not-covered subject
    of theirs, covers every subject in every language, and consumed no random draw."""
    from bench.synthetic import questions as module
    from bench.synthetic.people import PLACES, SENATORS
    from bench.synthetic.topics import SUBJECTS

    plans = plan_meetings(random.Random(3), 300)
    questions = build_questions(plans, 3)
    blind = [q for q in questions if q["split"] == "blind"]
    others = [q for q in questions if q["split"] != "blind"]
    texts = [q["q"] for q in blind]
    assert len(texts) == len(set(texts)) >= 130
    assert not set(texts) & {q["q"] for q in others}
    assert module.BLIND_ASKS.keys() == {s.id for s in SUBJECTS}
    topics = [q for q in blind if q["kind"] == "topic"]
    assert len(topics) == 3 * len(SUBJECTS) and all(q["expect"] for q in topics)
    oos = [q for q in blind if q["kind"] == "oos"]
    assert len(oos) >= 30 and {q["lang"] for q in oos} == {"ru", "kk", "en"}
    assert {q["kind"] for q in blind} == {"topic", "person", "silent", "place", "oos"}
    # the named senators, places and subjects exist, so the gold is drawn from the plans
    assert {last for _, last, _, _ in module.BLIND_PERSON} <= {s.last for s in SENATORS}
    assert {place for _, place, _, _ in module.BLIND_PLACE} <= {p.ru for p in PLACES}
    named = [s for _, _, s, _ in (*module.BLIND_PERSON, *module.BLIND_PLACE) if s]
    assert set(named) <= module.BLIND_ASKS.keys()
    saved = module.BLIND_ASKS, module.BLIND_PERSON, module.BLIND_PLACE, module.BLIND_NOT_COVERED
    try:
        module.BLIND_ASKS = {k: ("", "", "") for k in saved[0]}
        module.BLIND_PERSON = module.BLIND_PLACE = module.BLIND_NOT_COVERED = ()
        without = [q for q in build_questions(plans, 3) if q["split"] != "blind"]
    finally:
        (module.BLIND_ASKS, module.BLIND_PERSON, module.BLIND_PLACE,
         module.BLIND_NOT_COVERED) = saved  # fmt: skip
    assert without == others


def test_question_files_are_written_from_the_seeded_plans(tmp_path: Path) -> None:
    """Rewriting the questions of a built corpus gives the files the build wrote."""
    from bench.synthetic.build import SPLITS, rewrite_questions, write_questions

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write_questions(tmp_path / "a", plan_meetings(random.Random(4), 80), 4)
    rewrite_questions(tmp_path / "b", seed=4, meetings=80)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert {p.name for p in (tmp_path / "b").iterdir()} == {f"questions-{s}.jsonl" for s in SPLITS}


def test_attribution_is_scored_against_the_longest_planned_text() -> None:
    """A senator's reported core may open another senator's quote: the quote decides."""
    from datetime import date

    from bench.synthetic.build import attribution_report
    from bench.synthetic.generate import Plan, Said
    from bench.synthetic.people import AUDIENCES, PLACES, SENATORS
    from retrieval.models import Corpus, Meeting, Statement

    core = "Права ребёнка ставятся выше интересов ведомств."
    one, two = SENATORS[0], SENATORS[1]
    plans = [
        Plan(1, "ru", [one], PLACES[0], AUDIENCES[0], date(2026, 3, 1),
             [Said("reported", core, one, "family")]),
        Plan(2, "ru", [two], PLACES[0], AUDIENCES[0], date(2026, 3, 2),
             [Said("quote", f"{core} Это касается каждого.", two, "family")]),
    ]  # fmt: skip
    quote = Statement(
        id="m-s0", meeting_id="m", kind="quote", text=f"{core} Это касается каждого.",
        speakers=[two.name], themes=[],
    )  # fmt: skip
    meeting = Meeting(
        id="m", document_id="d", date=date(2026, 3, 2), senators=[two.name], statements=[quote]
    )
    report = attribution_report(Corpus(documents=[], meetings=[meeting]), plans)
    assert "right speaker 1, wrong 0" in report


def _apart(splits: tuple[str, ...]) -> tuple[Any, list[dict[str, Any]], list[dict[str, Any]]]:
    """Plans, the questions of `splits` and every other one; checks the former repeat no wording
    (of each other or of another split)."""
    from retrieval.text import words

    plans = plan_meetings(random.Random(3), 300)
    questions = build_questions(plans, 3)
    mine = [q for q in questions if q["split"] in splits]
    others = [q for q in questions if q["split"] not in splits]
    key = {" ".join(words(q["q"])) for q in mine}
    assert len(key) == len(mine)
    assert not key & {" ".join(words(q["q"])) for q in others}
    return plans, mine, others


def test_fresh_splits_share_no_wording_and_leave_the_others_unchanged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """gate2's fresh / fresh-held: Kazakh first (two kk wordings per subject, one ru, one en),
    halves that share no question, no wording of any other split, and no random draw."""
    from bench.synthetic import questions as module

    splits = ("fresh", "fresh-held")
    plans, fresh, others = _apart(splits)
    for split in splits:
        mine = [q for q in fresh if q["split"] == split]
        topics = [q for q in mine if q["kind"] == "topic"]
        assert sum(q["lang"] == "kk" for q in topics) == 24 == len(topics) // 2
        assert {q["lang"] for q in mine if q["kind"] == "oos"} == {"ru", "kk", "en"}
    monkeypatch.setattr(module, "FRESH_ASKS", {k: ("", "", "", "") for k in module.FRESH_ASKS})
    monkeypatch.setattr(module, "FRESH_NOT_COVERED", ())
    assert [q for q in build_questions(plans, 3) if q["split"] not in splits] == others


def _every_subject_and_language_in_each(
    splits: tuple[str, ...], mine: list[dict[str, Any]]
) -> list[tuple[str, list[dict[str, Any]]]]:
    """Each split with its questions, checked to hold every subject and not-covered questions
    in every language."""
    halves = [(split, [q for q in mine if q["split"] == split]) for split in splits]
    for _, half in halves:
        for lang in ("ru", "kk", "en"):
            assert sum(q["lang"] == lang and q["kind"] == "topic" for q in half) == 24
            assert any(q["lang"] == lang and q["kind"] == "oos" for q in half)
    return halves


def test_fresh2_splits_share_no_wording_and_leave_the_others_unchanged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """gate3's fresh2 / fresh2-held: every subject in every language in both halves, not-covered
    subjects whole in one half, no wording of any other split, and no random draw."""
    from bench.synthetic import fresh2

    splits = ("fresh2", "fresh2-held")
    plans, mine, others = _apart(splits)
    _every_subject_and_language_in_each(splits, mine)
    monkeypatch.setattr(fresh2, "FRESH2_ASKS", {})
    monkeypatch.setattr(fresh2, "FRESH2_NOT_COVERED", ())
    assert [q for q in build_questions(plans, 3) if q["split"] not in splits] == others


def test_fresh3_splits_share_no_wording_and_leave_the_others_unchanged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """fresh3 / fresh3-held: every subject in every language in both halves, senators and cities
    in both, at least 150 questions and ~40 % not covered in each, no wording of any other split,
    and no random draw."""
    from bench.synthetic import questions as module

    splits = ("fresh3", "fresh3-held")
    plans, mine, others = _apart(splits)
    for _, half in _every_subject_and_language_in_each(splits, mine):
        for lang in ("ru", "kk", "en"):
            assert any(q["lang"] == lang and q["kind"] in ("person", "silent") for q in half)
        assert any(q["kind"] == "place" for q in half)
        oos = sum(q["kind"] == "oos" for q in half)
        assert len(half) >= 150 and 0.35 <= oos / len(half) <= 0.45
    monkeypatch.setattr(module, "fresh3_questions", list)
    monkeypatch.setattr(module, "FRESH3_PERSON", ())
    monkeypatch.setattr(module, "FRESH3_PLACE", ())
    assert [q for q in build_questions(plans, 3) if q["split"] not in splits] == others
