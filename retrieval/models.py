"""Frozen data records shared by ingestion, index, search and the bot.

The JSON shapes of these records are the CLI contract (`atazan corpus show --json`,
`atazan ask --json`), so field names must not change casually.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

StatementKind = Literal["quote", "reported"]
Language = Literal["ru", "kk", "en"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def stable_id(prefix: str, *parts: str, length: int = 12) -> str:
    """Content-hash id: re-ingesting the same text yields the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:length]}"


class Document(_Frozen):
    id: str
    date: date | None
    title: str
    language: str = "ru"
    source: str
    url: str | None = None  # the release's web address, when the file or upload gives one


class Statement(_Frozen):
    id: str
    meeting_id: str
    kind: StatementKind
    text: str
    speakers: list[str] = Field(default_factory=list)
    themes: list[str] = Field(default_factory=list)
    # speaker → post as the text gives it ("сенатор", "Председатель Мажилиса"); a speaker who
    # is not a senator is shown with this role, never as a senator
    roles: dict[str, str] = Field(default_factory=dict)


class Meeting(_Frozen):
    id: str
    document_id: str
    date: date | None
    senators: list[str] = Field(default_factory=list)
    place: str | None = None
    audience: list[str] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)


class Issue(_Frozen):
    """A problem found while parsing a file; errors stop the file, warnings do not."""

    level: Literal["error", "warning"]
    code: str
    message: str
    file: str
    line: int | None = None
    paragraph: int | None = None


class Corpus(_Frozen):
    """Everything the bot can quote; serialised as the `corpus show --json` object."""

    documents: list[Document] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)

    def statements(self) -> list[Statement]:
        return [s for m in self.meetings for s in m.statements]

    def content_hash(self) -> str:
        return hashlib.sha256(self.model_dump_json().encode("utf-8")).hexdigest()[:16]


class ParseResult(_Frozen):
    """One file's meetings plus what went wrong; `corpus parse` prints `corpus` of this."""

    corpus: Corpus
    issues: list[Issue] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(i.level == "error" for i in self.issues)


class MeetingRef(_Frozen):
    id: str
    date: date | None
    senators: list[str]
    place: str | None
    audience: list[str]


class SourceRef(_Frozen):
    document_id: str
    title: str
    url: str | None = None


class Hit(_Frozen):
    """One quotable statement with everything needed to cite it."""

    statement_id: str
    kind: StatementKind
    text: str
    speakers: list[str]
    themes: list[str]
    meeting: MeetingRef
    source: SourceRef
    score: float
    roles: dict[str, str] = Field(default_factory=dict)  # speaker → post (Statement.roles)
    # every document that reported these same words (several outlets, one meeting); first = source
    sources: list[SourceRef] = Field(default_factory=list)

    @classmethod
    def of(
        cls, statement: Statement, meeting: Meeting, document: Document | None, score: float = 0.0
    ) -> Hit:
        """A statement with its meeting and source, ready to cite."""
        source = SourceRef(
            document_id=meeting.document_id,
            title=document.title if document else "",
            url=document.url if document else None,
        )
        return cls(
            statement_id=statement.id,
            kind=statement.kind,
            text=statement.text,
            speakers=statement.speakers,
            themes=statement.themes,
            meeting=MeetingRef(
                id=meeting.id,
                date=meeting.date,
                senators=meeting.senators,
                place=meeting.place,
                audience=meeting.audience,
            ),
            source=source,
            score=score,
            roles=statement.roles,
            sources=[source],
        )


class Answer(_Frozen):
    """Result of `SearchService.search`; `answered=False` always has no hits."""

    query: str
    answered: bool
    hits: list[Hit] = Field(default_factory=list)
    # senators or places the question names whose statements do not address its topic;
    # the hits (if any) are then other senators' words on it
    silent: list[str] = Field(default_factory=list)
    # declined because the question has no subject of its own ("Что нового в Конституции?":
    # every word is generic or a question word), not because the statements lack its subject
    general: bool = False
    # ru, kk or en: the language the question is written in, when plain to see (the bot replies
    # in it unless the citizen chose one)
    language: Language | None = None


class Theme(_Frozen):
    id: str
    labels: dict[str, str]
    description: str
    keywords: list[str] = Field(default_factory=list)
