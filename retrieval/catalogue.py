"""Everything the browsing half of `SearchAPI` reads, as one plain record.

The retrieval service sends it once per corpus version, so a bot replica answers /themes,
/senators, "Whole meeting" and the like from memory — synchronously, as `SearchAPI` requires —
and only questions travel over HTTP.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from retrieval.api import CorpusInfo
from retrieval.models import Document, Hit, Meeting, Theme

# The HTTP contract of `atazan serve-retrieval` (server: retrieval.service, client: .remote).
VERSION_HEADER = "X-Corpus-Version"  # every answer names the corpus version that gave it
SEARCH_PATH = "/v1/search"
CATALOGUE_PATH = "/v1/catalogue"
HEALTH_PATH = "/healthz"


class Catalogue(BaseModel):
    """One corpus version's browsable content; `hits` in corpus order."""

    model_config = ConfigDict(frozen=True)

    version: str
    info: CorpusInfo
    themes: list[Theme] = Field(default_factory=list)  # only themes some statement carries
    senators: list[str] = Field(default_factory=list)  # display order
    regions: dict[str, list[str]] = Field(default_factory=dict)  # region -> meeting ids
    meetings: list[Meeting] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    hits: list[Hit] = Field(default_factory=list)


class CatalogueBrowser:
    """The browsing methods of `SearchAPI`, answered from a `Catalogue`, exactly as
    `SearchService` answers them from its snapshot."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._meetings = {m.id: m for m in catalogue.meetings}
        self._documents = {d.id: d for d in catalogue.documents}
        self._hits = {h.statement_id: h for h in catalogue.hits}

    def themes(self) -> list[Theme]:
        return list(self.catalogue.themes)

    def by_theme(self, theme_id: str) -> list[Hit]:
        return _ordered(h for h in self.catalogue.hits if theme_id in h.themes)

    def senators(self) -> list[str]:
        return list(self.catalogue.senators)

    def by_senator(self, name: str) -> list[Hit]:
        return _ordered(
            h for h in self.catalogue.hits if name in (h.speakers or h.meeting.senators)
        )

    def regions(self) -> list[str]:
        return sorted(self.catalogue.regions)

    def meetings_in_region(self, region: str) -> list[Meeting]:
        ids = self.catalogue.regions.get(region, [])
        return [self._meetings[i] for i in ids if i in self._meetings]

    def meeting(self, meeting_id: str) -> Meeting | None:
        return self._meetings.get(meeting_id)

    def document(self, document_id: str) -> Document | None:
        return self._documents.get(document_id)

    def hit(self, statement_id: str) -> Hit | None:
        return self._hits.get(statement_id)

    def info(self) -> CorpusInfo:
        return self.catalogue.info


def _ordered(hits: Iterable[Hit]) -> list[Hit]:
    """Quotes first, then reported speech, each in corpus order (as `SearchService`)."""
    return sorted(hits, key=lambda h: h.kind != "quote")
