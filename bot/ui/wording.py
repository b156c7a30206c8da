"""What an answer says, without how it is marked up: cleaned text, dates, who spoke, the kind of
statement, the meeting and the source of each cited statement.

The bot's HTML (`bot.ui.render`, aiogram's formatting nodes) and the terminal's plain text
(`bot.ui.render_plain`, `atazan ask`) are both built from these parts, so they cannot drift apart;
this module imports no aiogram, which costs the CLI 1.5–7 s and ~100 MB to import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bot.ui.texts import Texts
from retrieval.models import Hit, StatementKind

# A single statement longer than this is cut into several blocks (room left for its citation).
PIECE_LIMIT = 3000
BLOCK_SEP = "\n\n"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_PLAIN_SENATOR = frozenset({"сенатор", "senator"})
_SENATE_ROLE = re.compile(r"сенат|senat", re.IGNORECASE)


def clean(text: str) -> str:
    """Drop control and bidi-override characters Telegram rejects or that garble a quote."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", text)).strip()


def utf16_len(text: str) -> int:
    """Telegram counts message length in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def fmt_date(value: date | None, tx: Texts) -> str:
    return value.strftime("%d.%m.%Y") if value else tx.unknown_date


def split_long(text: str, limit: int = PIECE_LIMIT) -> list[str]:
    """Cut text into pieces of ≤ limit UTF-16 units, preferring paragraph, sentence, space."""
    pieces: list[str] = []
    rest = text
    while utf16_len(rest) > limit:
        fit = fitting_prefix(rest, limit)
        window = rest[:fit]
        cut = max(window.rfind("\n"), window.rfind(". "), window.rfind("! "), window.rfind("? "))
        if cut < fit // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut >= fit // 2 else fit
        pieces.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def fitting_prefix(text: str, limit: int) -> int:
    """How many characters of `text` fit in `limit` UTF-16 units."""
    size = 0
    for index, char in enumerate(text):
        size += 2 if ord(char) > 0xFFFF else 1
        if size > limit:
            return index
    return len(text)


def _joined(names: Sequence[str]) -> str:
    return ", ".join(n for n in map(clean, names) if n)


def speakers_text(speakers: Sequence[str], tx: Texts) -> str:
    return _joined(speakers) or tx.unknown_speaker


def speakers_with_roles(speakers: Sequence[str], roles: Mapping[str, str], tx: Texts) -> str:
    """'Ерлан Кошанов (Председатель Мажилиса)': anyone who is not a plain senator is shown with
    the role the release gives them, so nobody else's words pass for a senator's."""
    out: list[str] = []
    for speaker in speakers:
        name = clean(speaker)
        role = clean(roles.get(speaker, ""))
        if name:
            out.append(
                f"{name} ({role})" if role and role.casefold() not in _PLAIN_SENATOR else name
            )
    return ", ".join(out) if out else tx.unknown_speaker


def senators_line(names: Sequence[str]) -> str:
    """A meeting's senators, or a dash for a meeting of others only (an akim's, a maslikhat's):
    never the "speaker not named" of a statement."""
    return _joined(names) or "—"


def by_senators(speakers: Sequence[str], roles: Mapping[str, str]) -> bool:
    """Are these words a named senator's: a speaker, and no role other than the Senate's (a
    senator, the Senate's chair, a deputy of the Senate)?"""
    return bool(speakers) and all(
        not (role := roles.get(s)) or _SENATE_ROLE.search(role) is not None for s in speakers
    )


def kind_label(kind: StatementKind, tx: Texts) -> str:
    return tx.kind_quote if kind == "quote" else tx.kind_reported


def silent_line(names: Sequence[str], tx: Texts) -> str:
    return tx.silent_note.format(names=", ".join(names))


@dataclass(frozen=True)
class Link:
    """A source title; `url` is set when the release gave a web address (shown as a link)."""

    text: str
    url: str | None


def source_link(title: str, url: str | None) -> Link:
    if url and url.startswith(("https://", "http://")):
        return Link(clean(title) or clean(url), clean(url))
    return Link(clean(title), None)


@dataclass(frozen=True)
class StatementParts:
    """Heading (number, who, quote or summary) and the text in pieces that fit a message."""

    prefix: str  # "1. ", or "" when unnumbered
    who: str
    kind: str
    pieces: list[str]


def statement_parts(
    kind: StatementKind,
    text: str,
    speakers: Sequence[str],
    number: int | None,
    tx: Texts,
    roles: Mapping[str, str] | None = None,
) -> StatementParts:
    return StatementParts(
        prefix=f"{number}. " if number is not None else "",
        who=speakers_with_roles(speakers, roles or {}, tx),
        kind=kind_label(kind, tx),
        pieces=split_long(clean(text)) or [""],
    )


def meeting_text(hit: Hit, tx: Texts) -> str:
    """📅 date · 📍 place · 👥 audience."""
    parts = [f"📅 {fmt_date(hit.meeting.date, tx)}"]
    if hit.meeting.place:
        parts.append(f"📍 {clean(hit.meeting.place)}")
    if hit.meeting.audience:
        parts.append("👥 " + ", ".join(clean(a) for a in hit.meeting.audience))
    return " · ".join(parts)


def source_parts(hit: Hit, tx: Texts) -> tuple[str, list[Link]]:
    """The label and the source, or every outlet that reported these same words."""
    refs = hit.sources or [hit.source]
    label = tx.sources_label if len(refs) > 1 else tx.source_label
    return label, [source_link(ref.title, ref.url) for ref in refs]
