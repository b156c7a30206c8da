"""`atazan corpus eval`: a release scored against its gold — right, wrong, unattributed, lost."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.evaluate import evaluate_dir, name_key, table
from retrieval.ingest.segment import Context
from tests.ingest.conftest import CORPUS_DIR

RELEASE = """date 2026-03-05
Сенатор встретился с аграриями

Сенатор Арман Куатбеков встретился с аграриями Костаная.

«Земля остается достоянием народа и не подлежит продаже иностранцам», – сказал Арман Куатбеков.

Аким области Ербол Сапаров рассказал о посевной.

– Техника готова к севу, – сказал Ербол Сапаров.
"""


def _gold(speaker_of_second: str | None) -> str:
    return f"""date: 2026-03-05
title: Сенатор встретился с аграриями
senators: [Арман Куатбеков]
others: {{Ербол Сапаров: аким}}
meetings:
  - {{senators: [Арман Куатбеков], place: Костанай}}
quotes:
  - {{text: "Земля остается достоянием", speaker: Арман Куатбеков}}
  - {{text: "Техника готова", speaker: {speaker_of_second or "null"}}}
  - {{text: "Этой цитаты в тексте нет", speaker: Арман Куатбеков}}
"""


def test_scores_right_wrong_and_lost(tmp_path: Path, context: Context) -> None:
    (tmp_path / "a.txt").write_text(RELEASE, "utf-8")
    (tmp_path / "a.gold.yaml").write_text(_gold("Арман Куатбеков"), "utf-8")  # a wrong gold
    (tmp_path / "notes.txt").write_text("no gold file: skipped", "utf-8")
    score = evaluate_dir(tmp_path, corpus_dir=CORPUS_DIR, context=context)
    assert score.files == 1
    assert (score.precision, score.recall) == (1.0, 1.0)
    assert (score.roles_right, score.roles_gold) == (1, 1)
    assert (score.quotes_right, score.quotes_wrong, score.quotes_lost) == (1, 1, 1)
    assert score.meetings_exact == 1 and score.fields_right == score.fields_gold == 2
    assert any("WRONG" in e for e in score.errors)
    row = table([("x", score)]).splitlines()[-1]
    assert row.startswith("| x | 1 | 1.000 | 1.000 | 1/1 | 1 / 1 / 0 / 1 (of 3) |")


def test_the_other_speaker_is_right(tmp_path: Path, context: Context) -> None:
    (tmp_path / "a.txt").write_text(RELEASE, "utf-8")
    (tmp_path / "a.gold.yaml").write_text(_gold("Ербол Сапаров"), "utf-8")
    score = evaluate_dir(tmp_path, corpus_dir=CORPUS_DIR, context=context)
    assert (score.quotes_right, score.quotes_wrong) == (2, 0)


def test_names_compare_spelling_blind() -> None:
    assert name_key("Нұрлан Бекназаров") == name_key("Нурлан Бекназаров")
    assert name_key("Жанна Асанова") != name_key("Жакып Асанов")
