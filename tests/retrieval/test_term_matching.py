"""Question words against glossary and entity terms: which endings a term may take."""

from __future__ import annotations

from retrieval.text import STOPWORDS, term_matches


def test_an_english_word_is_not_a_longer_word_that_starts_with_it() -> None:
    """An English term takes an inflection, not another word: landlord is no land."""
    assert not term_matches("landlord", "land")
    assert not term_matches("freedom", "free")
    assert term_matches("citizens", "citizen")
    assert term_matches("akim's", "akim")
    # Russian and Kazakh endings are longer and stay allowed
    assert term_matches("мұғалімдерге", "мұғалім")
    assert term_matches("пенсионерами", "пенсионер")


def test_inflected_question_words_are_no_subject() -> None:
    """Forms of какой and через ask or link: they are not what a question is about."""
    for word in ("какого", "каким", "какую", "через"):
        assert word in STOPWORDS
