"""A senator named in the 2018 Kazakh Latin alphabet is matched to the roster, never to another.

In that alphabet *ý* is *у* (*Lýkın* = Лукин); read as the *y* it looks like, a surname fell onto
the roster member whose name has an *и* there. The roster and the release are invented.
"""

from __future__ import annotations

import dataclasses

from retrieval.ingest import SenatorDirectory, parse_bytes
from retrieval.ingest.segment import Context
from retrieval.ingest.senators import Senator
from tests.ingest.conftest import CORPUS_DIR

ROSTER = [
    Senator("Иван Тулин"),
    Senator("Пётр Тилин"),
    Senator("Дана Жунусова", kk="Дана Жүнісова"),
]


def test_latin_y_is_u_in_a_surname() -> None:
    directory = SenatorDirectory(ROSTER)
    assert directory.find_in_text("senator I.Týlın") == ["Иван Тулин"]
    assert directory.find_in_text("Ivan Týlınniń") == ["Иван Тулин"]
    assert directory.find_in_text("P.Tılın") == ["Пётр Тилин"]  # ı is still и
    assert directory.find_in_text("D.Júnisova") == ["Дана Жунусова"]


RELEASE = """date 2026-02-20
Senat depýtattary qala turǵyndarymen kezdesti

Senat depýtattary I.Týlın men P.Tılın Aqsaı aýylynyń turǵyndarymen kezdesti.

«Aýyl mektepteriniń jaǵdaıy jaqsarady», dedi senator I.Týlın.
"""


def test_a_latin_release_gives_the_quote_to_the_senator_it_names(context: Context) -> None:
    ctx = dataclasses.replace(context, directory=SenatorDirectory(ROSTER))
    result = parse_bytes("lat.txt", RELEASE.encode(), corpus_dir=CORPUS_DIR, context=ctx)
    quotes = [s for s in result.corpus.statements() if s.kind == "quote"]
    assert [q.speakers for q in quotes] == [["Иван Тулин"]]
