"""A hand-made corpus and curated resources, so search tests need neither natasha nor a model."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from retrieval.calibration import Calibration
from retrieval.glossary import Glossary
from retrieval.models import Corpus, Document, Meeting, Statement, Theme
from retrieval.search import SearchService
from retrieval.snapshot import Resources
from retrieval.text import words
from tests.fake_embedder import FakeEmbedder

REPO = Path(__file__).resolve().parents[2]


def _meeting(
    mid: str,
    senators: list[str],
    place: str,
    audience: list[str],
    statements: list[tuple[str, str, list[str]]],
) -> Meeting:
    return Meeting(
        id=mid,
        document_id="d1",
        date=date(2026, 3, 5),
        senators=senators,
        place=place,
        audience=audience,
        statements=[
            Statement(
                id=f"{mid}-s{i}", meeting_id=mid, kind=kind, text=text, speakers=speakers, themes=[]
            )
            for i, (kind, text, speakers) in enumerate(statements)
        ],
    )


def make_corpus() -> Corpus:
    return Corpus(
        documents=[
            Document(
                id="d1", date=date(2026, 3, 5), title="Сенаторы о Конституции", source="seed.txt"
            )
        ],
        meetings=[
            _meeting(
                "m1",
                ["Жанна Асанова"],
                "Алматы",
                ["коллектив АО «Казпочта»"],
                [
                    (
                        "quote",
                        "Новые нормы направлены на защиту интересов человека труда.",
                        ["Жанна Асанова"],
                    ),
                    (
                        "reported",
                        "Депутат остановилась на вопросах социальной защиты и условий труда.",
                        ["Жанна Асанова"],
                    ),
                ],
            ),
            _meeting(
                "m2",
                ["Амангельды Есбай", "Султан Дюсембинов"],
                "область Жетысу",
                ["военнослужащие воинской части"],
                [
                    (
                        "reported",
                        "Были рассмотрены нормы об усилении роли Курултая и ветвях власти.",
                        ["Амангельды Есбай", "Султан Дюсембинов"],
                    ),
                    (
                        "quote",
                        "Каждый житель региона должен понимать содержание норм о Курултае.",
                        ["Амангельды Есбай"],
                    ),
                    (
                        "reported",
                        "Были рассмотрены нормы об усилении роли Курултая и ветвях власти!",
                        ["Амангельды Есбай", "Султан Дюсембинов"],
                    ),
                ],
            ),
            _meeting(
                "m3",
                ["Ляззат Рысбекова"],
                "Таскалинский район ЗКО",
                ["предприниматели"],
                [
                    ("reported", "Сенатор разъяснила нормы о браке и семье.", ["Ляззат Рысбекова"]),
                    (
                        "quote",
                        "Брак определяется как добровольный союз мужчины и женщины, семья "
                        "защищается государством.",
                        ["Ляззат Рысбекова"],
                    ),
                ],
            ),
        ],
    )


def make_resources() -> Resources:
    return Resources(
        glossary=Glossary.load(REPO / "corpus" / "glossary.yaml"),
        themes=[
            Theme(
                id="family",
                labels={
                    "ru": "Семья и брак",
                    "kk": "Отбасы және неке",
                    "en": "Family and marriage",
                },
                description="брак семья дети",
            )
        ],
        offtopic=["какая погода завтра", "рецепт борща", "курс доллара"],
        region_of=lambda place: "ЗКО" if place and "ЗКО" in place else place,
        foreign=(tuple(words("Франция")), tuple(words("США"))),
    )


# The trigram fake's cosines spread far wider than e5's: "close on meaning alone" needs a higher
# bar with it, or any shared trigram would pass as an answer.
FAKE_CALIBRATION = Calibration(margin=0.35)


@pytest.fixture
def corpus() -> Corpus:
    return make_corpus()


@pytest.fixture
async def service() -> SearchService:
    svc = SearchService.from_corpus(
        make_corpus(), FakeEmbedder(), make_resources(), calibration=FAKE_CALIBRATION
    )
    yield svc  # type: ignore[misc]
    await svc.close()
