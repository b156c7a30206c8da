"""A hand-made corpus behind the SearchAPI protocol: exact, instant, and hostile where it counts."""

from __future__ import annotations

import re
from datetime import date

from retrieval.api import CorpusInfo
from retrieval.language import question_language
from retrieval.models import (
    Answer,
    Document,
    Hit,
    Meeting,
    Statement,
    StatementKind,
    Theme,
)

HOSTILE_TITLE = 'Встречи <b>сенаторов</b> & "граждан" <i>'
HOSTILE_SENATOR = "Сенатор <script>alert(1)</script>"
HOSTILE_PLACE = "Астана <b>"
HOSTILE_QUOTE = "Закон <b>не</b> & «права» <i>незакрытый тег и </blockquote> земля"
LONG_TEXT = "Роль парламента усиливается, и это важно для каждого гражданина. " * 90

DOCUMENTS = [
    Document(
        id="d1",
        date=date(2026, 3, 5),
        title="Сенаторы обсудили проект Конституции",
        source="https://senate.kz/1",
    ),
    Document(id="d2", date=date(2026, 3, 10), title=HOSTILE_TITLE, source="senate.kz/2 & <x>"),
]


def _st(
    sid: str, mid: str, kind: StatementKind, text: str, speakers: list[str], themes: list[str]
) -> Statement:
    return Statement(id=sid, meeting_id=mid, kind=kind, text=text, speakers=speakers, themes=themes)


MEETINGS = [
    Meeting(
        id="m1",
        document_id="d1",
        date=date(2026, 3, 5),
        senators=["Бибигуль Жексенбай"],
        place="Алматы",
        audience=["коллектив АО «Казатомпром»"],
        statements=[
            _st(
                "s1",
                "m1",
                "quote",
                "Закрепление приоритета науки и инноваций на конституционном уровне создает "
                "гарантии.",
                ["Бибигуль Жексенбай"],
                ["science"],
            ),
            _st(
                "s2",
                "m1",
                "reported",
                "Сенатор отметила роль науки и семьи в развитии страны.",
                ["Бибигуль Жексенбай"],
                ["science", "family"],
            ),
        ],
    ),
    Meeting(
        id="m2",
        document_id="d1",
        date=date(2026, 3, 5),
        senators=["Жанна Асанова"],
        place="Алматы",
        audience=["коллектив АО «Казпочта»"],
        statements=[
            _st(
                "s3",
                "m2",
                "quote",
                "Конституционная реформа — это не просто юридические изменения: земля "
                "принадлежит народу.",
                ["Жанна Асанова"],
                ["land"],
            ),
            _st(
                "s4",
                "m2",
                "quote",
                "Семья и брак находятся под защитой государства.",
                ["Жанна Асанова"],
                ["family"],
            ),
            _st(
                "s8",
                "m2",
                "reported",
                "Депутат подчеркнула, что земля не может быть продана иностранцам.",
                ["Жанна Асанова"],
                ["land"],
            ),
            _st(
                "s9",
                "m2",
                "quote",
                "Земля — основа нашей независимости.",
                ["Жанна Асанова"],
                ["land"],
            ),
        ],
    ),
    Meeting(
        id="m3",
        document_id="d2",
        date=date(2026, 3, 10),
        senators=[HOSTILE_SENATOR],
        place=HOSTILE_PLACE,
        audience=["студенты & преподаватели"],
        statements=[
            _st("s5", "m3", "quote", HOSTILE_QUOTE, [HOSTILE_SENATOR], ["land"]),
            _st("s6", "m3", "reported", LONG_TEXT, [HOSTILE_SENATOR], ["parliament"]),
        ],
    ),
    Meeting(
        id="m4",
        document_id="d2",
        date=None,
        statements=[
            _st("s7", "m4", "quote", "Земля и природные ресурсы принадлежат народу.", [], ["land"])
        ],
    ),
]

THEMES = [
    Theme(id="science", labels={"ru": "Наука", "kk": "Ғылым", "en": "Science"}, description=""),
    Theme(id="family", labels={"ru": "Семья", "kk": "Отбасы", "en": "Family"}, description=""),
    Theme(id="land", labels={"ru": "Земля", "kk": "Жер", "en": "Land"}, description=""),
    Theme(
        id="parliament",
        labels={"ru": "Парламент", "kk": "Парламент", "en": "Parliament"},
        description="",
    ),
    *(
        Theme(id=f"extra{i}", labels={"ru": f"Тема {i}", "en": f"Theme {i}"}, description="")
        for i in range(5, 11)
    ),
]

OFF_TOPIC = ("погода", "weather", "футбол")
GENERAL = ("конституция", "constitution")  # alone, a question with no subject of its own


class FakeSearch:
    """Word-prefix overlap search; questions about weather or football abstain. Every answer
    carries the question's language, as the real service's do."""

    def __init__(self) -> None:
        self.questions: list[str] = []
        self.fail_with: Exception | None = None
        self._meetings = {m.id: m for m in MEETINGS}
        self._documents = {d.id: d for d in DOCUMENTS}
        self._hits = {s.id: self._hit(s, 0.0) for m in MEETINGS for s in m.statements}

    def _hit(self, statement: Statement, score: float) -> Hit:
        meeting = self._meetings[statement.meeting_id]
        return Hit.of(statement, meeting, self._documents[meeting.document_id], score)

    async def search(self, question: str, k: int = 3) -> Answer:
        self.questions.append(question)
        if self.fail_with is not None:
            raise self.fail_with
        answer = self._answer(question, k)
        return answer.model_copy(update={"language": question_language(question, question)})

    def _answer(self, question: str, k: int) -> Answer:
        lowered = question.lower()
        stems = {w[:5] for w in re.findall(r"\w+", lowered) if len(w) >= 4}
        if not stems or any(word in lowered for word in OFF_TOPIC):
            return Answer(query=question, answered=False)
        if set(re.findall(r"\w+", lowered)) <= set(GENERAL):
            return Answer(query=question, answered=False, general=True)
        scored = []
        for meeting in MEETINGS:
            for statement in meeting.statements:
                text = statement.text.lower()
                score = sum(1 for stem in stems if stem in text)
                if score:
                    scored.append((score, statement))
        scored.sort(key=lambda pair: (-pair[0], pair[1].id))
        hits = [self._hit(s, float(score)) for score, s in scored[:k]]
        return Answer(query=question, answered=bool(hits), hits=hits)

    def themes(self) -> list[Theme]:
        return list(THEMES)

    def by_theme(self, theme_id: str) -> list[Hit]:
        return [h for h in self._hits.values() if theme_id in h.themes]

    def senators(self) -> list[str]:
        return sorted({name for m in MEETINGS for name in m.senators})

    def by_senator(self, name: str) -> list[Hit]:
        return [h for h in self._hits.values() if name in h.speakers]

    def regions(self) -> list[str]:
        return sorted({m.place for m in MEETINGS if m.place})

    def meetings_in_region(self, region: str) -> list[Meeting]:
        return [m for m in MEETINGS if m.place == region]

    def meeting(self, meeting_id: str) -> Meeting | None:
        return self._meetings.get(meeting_id)

    def document(self, document_id: str) -> Document | None:
        return self._documents.get(document_id)

    def hit(self, statement_id: str) -> Hit | None:
        return self._hits.get(statement_id)

    def info(self) -> CorpusInfo:
        return CorpusInfo(
            documents=len(DOCUMENTS),
            meetings=len(MEETINGS),
            statements=len(self._hits),
            senators=len(self.senators()),
            latest_date=date(2026, 3, 10),
            sources=[d.source for d in DOCUMENTS],
        )

    async def close(self) -> None:
        return None
