"""The public surface the bot (and any other front end) uses: search plus corpus browsing.

The bot depends on this Protocol only, so tests can pass a fake and the bot never sees faiss.
"""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

from retrieval.models import Answer, Document, Hit, Meeting, Theme


class CorpusInfo(BaseModel):
    """What `/about` tells citizens about the corpus."""

    model_config = ConfigDict(frozen=True)

    documents: int
    meetings: int
    statements: int
    senators: int
    latest_date: date | None
    sources: list[str]
    version: str = ""  # the corpus version serving ("" when built in memory)


class ReleaseRecord(BaseModel):
    """One release file as moderators see it in `/releases` and `/withdraw`.

    `id` is derived from the file's bytes: the same content published twice is one release,
    two different files both called "release.txt" are two. Quotes (direct speech) and reported
    statements are counted apart.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    file: str  # stored file name (content-derived for moderator uploads)
    name: str  # the name it was uploaded or shipped under
    origin: Literal["builtin", "moderator"]
    document_id: str = ""  # the document it parsed into ("" when it added none: a duplicate)
    title: str = ""
    date: dt.date | None = None
    meetings: int = 0
    quotes: int = 0
    reported: int = 0
    published_by: int | None = None  # moderator's Telegram id; None: shipped or put on disk
    published_at: dt.datetime | None = None
    archived: bool = False
    archived_by: int | None = None
    archived_at: dt.datetime | None = None


class ReloadReport(BaseModel):
    """What changed after a corpus change (for the moderator's reply). Quotes are direct
    speech only; `statements - quotes` are reported statements."""

    model_config = ConfigDict(frozen=True)

    meetings_before: int
    meetings_after: int
    statements_before: int
    statements_after: int
    quotes_before: int = 0
    quotes_after: int = 0
    version: str = ""  # the corpus version serving after the change
    # publish / withdraw / restore: the release concerned
    release: ReleaseRecord | None = None
    # publish: the same content is already published (or archived); nothing was changed
    unchanged: bool = False

    @property
    def reported_before(self) -> int:
        return self.statements_before - self.quotes_before

    @property
    def reported_after(self) -> int:
        return self.statements_after - self.quotes_after


class SearchAPI(Protocol):
    async def search(self, question: str, k: int = 3) -> Answer:
        """Best statements for a question, or `answered=False` with no hits."""
        ...

    def themes(self) -> list[Theme]: ...

    def by_theme(self, theme_id: str) -> list[Hit]: ...

    def senators(self) -> list[str]: ...

    def by_senator(self, name: str) -> list[Hit]: ...

    def regions(self) -> list[str]: ...

    def meetings_in_region(self, region: str) -> list[Meeting]: ...

    def meeting(self, meeting_id: str) -> Meeting | None: ...

    def document(self, document_id: str) -> Document | None: ...

    def hit(self, statement_id: str) -> Hit | None: ...

    def info(self) -> CorpusInfo: ...
