"""Forms met on unseen Kazakh articles in session 17, rewritten with invented people.

- 'Оның айтуынша, …' opens a paragraph of one speaker's reported words: its later sentences
  are theirs even with no topic word (*Бүгінгі Ата заң да сол жолдың жалғасы*); they were lost.
- A flattened interview: a dash turn ending in a question, and the interviewer's '… едік', are
  nobody's statement (both went to the senator interviewed); so is a dash paragraph that only
  asks, with no tail (it went to whoever spoke last).
- '– деді депутат' where the only other participant is no deputy is the senator's.
"""

from __future__ import annotations

from collections.abc import Callable

from retrieval.models import ParseResult
from tests.ingest.conftest import FIXTURES, said

GENRE = FIXTURES.parent / "genre" / "tune"


def _read(name: str) -> str:
    return (GENRE / name).read_text(encoding="utf-8")


def test_a_report_frame_keeps_the_paragraph_its_speakers(
    parse: Callable[..., ParseResult],
) -> None:
    result = parse(_read("t98_kk_report_frame_continues.txt"))
    for opening in ("Бүгінгі Ата заң да", "Қазіргі өзгерістер де"):
        assert said(result, opening).speakers == ["Гүлнар Сейітова"]
    # the akim named in the paragraph ends the report: what follows is not hers
    later = [s for s in result.corpus.statements() if s.text.startswith("Бұл жұмыс")]
    assert all(not s.speakers for s in later)


def test_interview_questions_are_not_the_senators_words(
    parse: Callable[..., ParseResult],
) -> None:
    result = parse(_read("t97_kk_interview_question_turns.txt"))
    texts = {s.text: s.speakers for s in result.corpus.statements()}
    assert not any("сайландыңыз" in t or t.endswith("едік.") for t, who in texts.items() if who)
    assert said(result, "Жер халықтың меншігінде").speakers == ["Арман Төлегенов"]


def test_a_bare_deputy_beside_only_an_akim_is_the_senator(
    parse: Callable[..., ParseResult],
) -> None:
    """'– деді депутат' where the one other participant is an akim (or the President, who set
    the subject): nobody else there is a deputy. Beside a maslikhat or Mazhilis deputy it stays
    nobody's (session 16)."""
    result = parse(_read("t99_kk_deputy_tail_beside_akim.txt"))
    assert said(result, "Студенттерге білім беру").speakers == ["Гүлмира Ахметова"]


def test_an_interview_question_paragraph_is_nobodys(parse: Callable[..., ParseResult]) -> None:
    """'– … қалай сайланады? … сақтала ма?' alone in its paragraph, with no tail, after a
    paragraph closing on the senator's 'атап өтті': the interviewer asks it; it went to her."""
    result = parse(_read("t100_kk_interview_paragraph_question.txt"))
    asked = [s for s in result.corpus.statements() if s.text.startswith("Бір палаталы Құрылтай")]
    assert all(not s.speakers for s in asked)
    assert said(result, "Құрылтай депутаттары партиялық").speakers == ["Динара Қалиева"]
