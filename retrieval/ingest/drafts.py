"""What segmentation produces for one document: meeting drafts with their statements, and the
problems it met. Its own module so the build, the segmenter and the venue reader share them."""

from __future__ import annotations

from dataclasses import dataclass, field

from retrieval.ingest.reader import Paragraph
from retrieval.models import StatementKind


@dataclass
class StatementDraft:
    kind: StatementKind
    text: str
    speakers: list[str]
    themes: list[str]
    paragraph: Paragraph
    roles: dict[str, str] = field(default_factory=dict)


@dataclass
class MeetingDraft:
    paragraph: Paragraph
    senators: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    audience: list[str] = field(default_factory=list)
    statements: list[StatementDraft] = field(default_factory=list)
    # places and audience read before any senator was named: a digest's lead ("Сенат
    # депутаттары Шымкент, Ақтөбе, Павлодар … тұрғындарымен кездесті") covers every meeting after it
    preamble: set[str] = field(default_factory=set)
    # senators added only because a quote's tail named them: narrative that introduces one
    # of them later still starts that senator's own meeting
    from_tails: set[str] = field(default_factory=set)
    # others named as taking part beside the senators ("В состав делегации вошли сенатор X,
    # депутаты Мажилиса Y и Z"): narrative that names no one may be any of them
    co_speakers: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    paragraph: Paragraph


# what each attribution problem says in the build's preview
PROBLEM_MESSAGES = {
    "unattributed_quote": "quote not attributed (several senators, no name): «{}…»",
    "unattributed_reported": "reported statement not attributed (several senators): «{}…»",
    "non_senator_speaker": "the speaker is not a senator; kept without speakers: «{}…»",
    "speaker_not_in_meeting": "the named speaker is not among the meeting's senators: «{}…»",
    "no_senator": "statement before any senator was named: «{}…»",
}
