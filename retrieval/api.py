"""The public surface the bot (and any other front end) uses: search plus corpus browsing.

The bot depends on this Protocol only, so tests can pass a fake and the bot never sees faiss.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

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


class ReloadReport(BaseModel):
    """What changed after a corpus reload (for the moderator's reply)."""

    model_config = ConfigDict(frozen=True)

    meetings_before: int
    meetings_after: int
    statements_before: int
    statements_after: int


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
