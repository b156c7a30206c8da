"""A question that names a Senate post, not a person ("Сенат төрағасы", "председатель Сената",
"вице-спикер"): it asks for the roster's holder of that post. The post's words were read as
the subject (*төрағасы*), nothing covered them, and the place named was declined as silent.
The senators and their words are invented."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from retrieval.models import Answer, Corpus, Document, Meeting, Statement
from retrieval.search import SearchService
from tests.fake_embedder import FakeEmbedder

from .conftest import FAKE_CALIBRATION, make_resources

POSTS = {"Ерлан Тұрсынов": "chair", "Айгерім Сәтбаева": "deputy_chair"}


def _meeting(mid: str, senator: str, place: str, text: str) -> Meeting:
    return Meeting(
        id=mid,
        document_id="d1",
        date=date(2026, 2, 13),
        senators=[senator],
        place=place,
        statements=[
            Statement(id=f"{mid}-s0", meeting_id=mid, kind="reported", text=text,
                      speakers=[senator])
        ],
    )  # fmt: skip


CORPUS = Corpus(
    documents=[Document(id="d1", date=date(2026, 2, 13), title="Сенат", source="x.txt")],
    meetings=[
        _meeting("chair", "Ерлан Тұрсынов", "Алматы",
                 "Ерлан Тұрсынов референдум елдің демократиялық дамуының қадамы екенін айтты."),
        _meeting("deputy", "Айгерім Сәтбаева", "Алматы",
                 "Айгерім Сәтбаева референдум халықтың пікірін білу үшін өтетінін айтты."),
        _meeting("other", "Бақыт Омаров", "Тараз",
                 "Бақыт Омаров референдумда әр дауыс маңызды екенін айтты."),
    ],
)  # fmt: skip


async def _ask(question: str) -> Answer:
    resources = replace(make_resources(), senator_posts=POSTS)
    svc = SearchService.from_corpus(CORPUS, FakeEmbedder(), resources, calibration=FAKE_CALIBRATION)
    try:
        return await svc.search(question)
    finally:
        await svc.close()


@pytest.mark.parametrize(
    ("question", "holder"),
    [
        ("Алматыда Сенат төрағасы кімдермен кездесті?", "Ерлан Тұрсынов"),
        ("Что говорил председатель Сената в Алматы?", "Ерлан Тұрсынов"),
        ("What did the Senate speaker say in Almaty?", "Ерлан Тұрсынов"),
        ("Алматыда Сенат төрағасының орынбасары не айтты?", "Айгерім Сәтбаева"),
        ("Что говорил вице-спикер Сената в Алматы?", "Айгерім Сәтбаева"),
    ],
)
async def test_a_post_names_its_holder(question: str, holder: str) -> None:
    answer = await _ask(question)
    assert answer.answered and not answer.silent
    assert {s for hit in answer.hits for s in hit.speakers} == {holder}
