"""Answers as terminal text (`atazan ask`) without aiogram: the same blocks and wording as the
bot's HTML (`bot.ui.render`), built from the same parts (`bot.ui.wording`), laid out the way
`bot.ui.plain.html_to_text` shows the bot's messages — a test holds the two equal."""

from __future__ import annotations

from bot.ui.plain import QUOTE_BAR, tidy
from bot.ui.texts import DEFAULT_LANG, Texts, texts_for
from bot.ui.wording import (
    BLOCK_SEP,
    meeting_text,
    silent_line,
    source_parts,
    statement_parts,
)
from retrieval.models import Answer, Hit


def _quoted(piece: str) -> str:
    return "\n".join(QUOTE_BAR + line for line in piece.split("\n")) if piece else ""


def hit_blocks(hit: Hit, number: int | None, tx: Texts) -> list[str]:
    """One statement with its citation: heading, quoted text (in pieces), meeting, source."""
    parts = statement_parts(hit.kind, hit.text, hit.speakers, number, tx, hit.roles)
    blocks = [f"{parts.prefix}{parts.who} · {parts.kind}\n{_quoted(parts.pieces[0])}\n"]
    blocks.extend(f"{_quoted(piece)}\n" for piece in parts.pieces[1:])
    label, links = source_parts(hit, tx)
    sources = "; ".join(f"{link.text} ({link.url})" if link.url else link.text for link in links)
    blocks[-1] += f"\n{meeting_text(hit, tx)}\n📄 {label}: {sources}"
    return blocks


def answer_plain(answer: Answer, tx: Texts | None = None) -> str:
    """An Answer as terminal text: numbered cited statements, or the abstention."""
    tx = tx or texts_for(DEFAULT_LANG)
    silent = [silent_line(answer.silent, tx)] if answer.silent else []
    if not answer.answered or not answer.hits:
        return "\n".join([*silent, tx.too_general if answer.general else tx.no_answer])
    blocks = list(silent)
    for number, hit in enumerate(answer.hits, start=1):
        blocks.extend(hit_blocks(hit, number, tx))
    return tidy(BLOCK_SEP.join(blocks))
