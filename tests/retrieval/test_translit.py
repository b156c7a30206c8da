"""Russian and Kazakh typed in Latin letters are read as the Cyrillic they stand for."""

from __future__ import annotations

import pytest

from retrieval.translit import cyrillic_reading, from_layout, mend_lookalikes, to_cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [("pochemu", "почему"), ("odnopalatnym", "однопалатным"), ("izbiratelyami", "избирателями"),
     ("konstitutsiya", "конституция"), ("otchityvatsya", "отчитыватся"), ("kakoy", "какой"),
     ("novyy", "новый"), ("shchit", "щит"),
     # informal Kazakh: q, j, y for ы, i for і; the 2018 letters
     ("qurultai", "курултай"), ("aitty", "айтты"), ("jer", "жер"), ("turady", "турады"),
     ("depýtattar", "депутаттар"), ("saılaýshylar", "сайлаушылар"), ("ǵylym", "гылым")],
)  # fmt: skip
def test_latin_words_in_plain_cyrillic(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin) == cyrillic


def test_text_typed_on_the_english_layout_meaning_russian() -> None:
    assert from_layout("xnj ujdjhbkb j ptvkt&") == "что говорили о земле?"
    assert from_layout("Ghbdtn? ,hfn") == "привет, брат"


# what a corpus and its stopwords would know
_KNOWN = {"what", "did", "say", "about", "почему", "парламент", "станет", "жер", "кимге", "туралы"}


@pytest.mark.parametrize(
    ("question", "reading"),
    [("Pochemu parlament stanet odnopalatnym?", "почему парламент станет однопалатным?"),
     ("Jer kimge tiesili?", "жер кимге тиесили?"),
     ("Gjxtve gfhkfvtyn cnfytn jlyjgfkfnysv&", "почему парламент станет однопалатным?"),
     ("What did senators say about parlament?", None),  # English knows more of it
     ("Почему парламент станет однопалатным?", None),  # already Cyrillic
     ("Pochemu?", None),  # one word is no evidence
     ("Abyrvalg qwerty", None)],
)  # fmt: skip
def test_a_question_is_read_in_cyrillic_only_when_that_knows_more(
    question: str, reading: str | None
) -> None:
    assert cyrillic_reading(question, _KNOWN.__contains__) == reading


def test_latin_look_alikes_inside_cyrillic_words_are_made_cyrillic() -> None:
    """A Latin K or o in a Cyrillic word (a layout switched mid-word, pasted text) made the word
    unknown; Latin words and an English question are left as they are."""
    assert mend_lookalikes("Что гoвoрили o Kонституции? Asanova, Wi-Fi") == (
        "Что говорили о Конституции? Asanova, Wi-Fi"
    )
    assert mend_lookalikes("What about a plan?") == "What about a plan?"
