"""Which question words are no subject."""

from __future__ import annotations

from retrieval.text import STOPWORDS


def test_inflected_question_words_are_no_subject() -> None:
    """Forms of какой and через ask or link: they are not what a question is about."""
    for word in ("какого", "каким", "какую", "через"):
        assert word in STOPWORDS
