"""Messages as Telegram HTML built with aiogram's formatting nodes, so every piece of user or
corpus text is escaped; long answers are packed into ≤ 4096-character messages at block
boundaries (a block is one statement, so a statement is never cut unless it alone is too long).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from aiogram.utils.formatting import (
    BlockQuote,
    Bold,
    Italic,
    Text,
    TextLink,
    as_line,
    as_list,
)

from bot.ui.texts import Texts
from bot.ui.wording import (
    BLOCK_SEP,
    by_senators,
    clean,
    fitting_prefix,
    fmt_date,
    meeting_text,
    senators_line,
    silent_line,
    source_link,
    source_parts,
    speakers_text,
    split_long,
    statement_parts,
    utf16_len,
)
from retrieval.api import CorpusInfo
from retrieval.models import Hit, Meeting, StatementKind

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024  # a photo's caption, in UTF-16 units of its text
PAGE_SIZE = 3
_INLINE_QUOTE_LIMIT = 3000
_BLOCK_SEP = BLOCK_SEP


def prepare_question(text: str, limit: int) -> tuple[str, int | None]:
    """The text sent to search (cleaned, cut to `limit` characters — retrieval's
    `RETRIEVAL__MAX_QUESTION_CHARS`) and the length it was cut at, if it was."""
    question = clean(text)
    if len(question) <= limit:
        return question, None
    return question[:limit], limit


def source_text(title: str, url: str | None) -> Text:
    """The source title, a link when the release gave its address."""
    link = source_link(title, url)
    if link.url is not None:
        # messages are sent as HTML and aiogram puts the address into href as it is
        return Text(TextLink(link.text, url=html.escape(link.url, quote=True)))
    return Text(Italic(link.text))


def statement_blocks(
    kind: StatementKind,
    text: str,
    speakers: Sequence[str],
    number: int | None,
    tx: Texts,
    roles: Mapping[str, str] | None = None,
) -> list[Text]:
    """Heading (number, who, quote or summary) and the text as one or more blockquotes."""
    parts = statement_parts(kind, text, speakers, number, tx, roles)
    heading = as_line(parts.prefix, Bold(parts.who), " · ", Italic(parts.kind))
    blocks = [Text(heading, BlockQuote(parts.pieces[0]))]
    blocks.extend(Text(BlockQuote(piece)) for piece in parts.pieces[1:])
    return blocks


def meeting_line(hit: Hit, tx: Texts) -> Text:
    return Text(meeting_text(hit, tx))


def source_line(hit: Hit, tx: Texts) -> Text:
    """The source, or every outlet that reported these same words (each a link if it has one)."""
    label, links = source_parts(hit, tx)
    parts: list[Text | str] = []
    for n, link in enumerate(links):
        parts.extend(["; "] if n else [])
        parts.append(source_text(link.text, link.url))
    return Text("📄 ", label, ": ", *parts)


def hit_blocks(hit: Hit, number: int | None, tx: Texts) -> list[Text]:
    """One statement with its full citation: who, meeting (date, place, audience), source."""
    blocks = statement_blocks(hit.kind, hit.text, hit.speakers, number, tx, hit.roles)
    citation = as_list(meeting_line(hit, tx), source_line(hit, tx))
    blocks[-1] = Text(blocks[-1], "\n", citation)
    return blocks


def pack(blocks: Sequence[Text], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Join blocks into as few messages as possible, each ≤ limit UTF-16 units, as HTML."""
    messages: list[list[Text]] = []
    size = 0
    for block in _fit_blocks(blocks, limit):
        block_size = len(block)
        if messages and size + len(_BLOCK_SEP) + block_size <= limit:
            messages[-1].append(block)
            size += len(_BLOCK_SEP) + block_size
        else:
            messages.append([block])
            size = block_size
    return [as_list(*group, sep=_BLOCK_SEP).as_html() for group in messages]


def _fit_blocks(blocks: Sequence[Text], limit: int) -> list[Text]:
    """Blocks as given, except one too long for a message, which becomes plain-text pieces."""
    fitted: list[Text] = []
    for block in blocks:
        if len(block) <= limit:
            fitted.append(block)
        else:
            plain, _ = block.render()
            fitted.extend(Text(piece) for piece in split_long(plain, limit))
    return fitted


def page_head(title: str, page: int, shown: int, total: int, tx: Texts) -> Text:
    """Bold title, then the range shown ("4–5 из 5") on a line of its own."""
    start = page * PAGE_SIZE + 1
    shown_range = tx.results_range.format(start=start, end=start + shown - 1, total=total)
    return Text(Bold(clean(title)), "\n", shown_range)


def answer_messages(
    hits: Sequence[Hit],
    page: int,
    total: int,
    tx: Texts,
    truncated_at: int | None = None,
    silent: Sequence[str] = (),
) -> list[str]:
    """One page of an answer: title with the range shown, then numbered cited statements;
    first, when the question named a senator who said nothing on its topic, a line saying so."""
    note = silent_line(silent, tx) if silent else None
    senators = all(by_senators(h.speakers, h.roles) for h in hits)
    title = tx.answer_title if senators else tx.answer_title_others
    return titled_hits_messages(title, hits, page, total, tx, truncated_at, note)


def titled_hits_messages(
    title: str,
    hits: Sequence[Hit],
    page: int,
    total: int,
    tx: Texts,
    truncated_at: int | None = None,
    note: str | None = None,
) -> list[str]:
    """A page of statements (answer, theme, senator): head, then numbered cited statements."""
    head = page_head(title, page, len(hits), total, tx)
    if truncated_at is not None:
        head = Text(head, "\n", Italic(tx.truncated_note.format(limit=truncated_at)))
    if note:
        head = Text(head, "\n", Italic(note))
    blocks = [head]
    for offset, hit in enumerate(hits):
        blocks.extend(hit_blocks(hit, page * PAGE_SIZE + offset + 1, tx))
    return pack(blocks)


def meeting_summary(meeting: Meeting, title: str | None, number: int, tx: Texts) -> Text:
    """A meeting in a list (regions): date, place, senators, audience, source, statement count."""
    lines: list[Text | str] = [
        as_line(f"{number}. ", Bold(f"📅 {fmt_date(meeting.date, tx)}"), end=""),
        f"{tx.meeting_senators}: {senators_line(meeting.senators)}",
    ]
    if meeting.place:
        lines.append(f"📍 {clean(meeting.place)}")
    if meeting.audience:
        lines.append("👥 " + ", ".join(clean(a) for a in meeting.audience))
    if title:
        lines.append(Text("📄 ", Italic(clean(title))))
    lines.append(tx.statements_count.format(n=len(meeting.statements)))
    return as_list(*lines)


def meeting_messages(
    meeting: Meeting, source_title: str | None, tx: Texts, source_url: str | None = None
) -> list[str]:
    """The whole meeting report: who, where, with whom, when, source, then all statements."""
    lines: list[Text | str] = [
        Bold(f"{tx.meeting_title} · {fmt_date(meeting.date, tx)}"),
        f"{tx.meeting_senators}: {senators_line(meeting.senators)}",
    ]
    if meeting.place:
        lines.append(f"{tx.meeting_place}: {clean(meeting.place)}")
    if meeting.audience:
        lines.append(f"{tx.meeting_audience}: " + ", ".join(clean(a) for a in meeting.audience))
    if source_title:
        lines.append(Text(f"{tx.source_label}: ", source_text(source_title, source_url)))
    lines.append(Bold(f"{tx.meeting_statements} ({len(meeting.statements)}):"))
    blocks: list[Text] = [as_list(*lines)]
    for number, statement in enumerate(meeting.statements, start=1):
        blocks.extend(
            statement_blocks(
                statement.kind, statement.text, statement.speakers, number, tx, statement.roles
            )
        )
    return pack(blocks)


def region_messages(
    region: str, meetings: Sequence[tuple[Meeting, str | None]], page: int, total: int, tx: Texts
) -> list[str]:
    title = tx.region_title.format(name=region)
    blocks: list[Text] = [page_head(title, page, len(meetings), total, tx)]
    for offset, (meeting, source_title) in enumerate(meetings):
        blocks.append(meeting_summary(meeting, source_title, page * PAGE_SIZE + offset + 1, tx))
    return pack(blocks)


def simple(*paragraphs: str, title: str | None = None) -> str:
    """Plain paragraphs (escaped), optionally under a bold title."""
    nodes: list[Text | str] = [Bold(title)] if title else []
    nodes.extend(paragraphs)
    return as_list(*nodes, sep=_BLOCK_SEP).as_html()


def welcome_message(tx: Texts) -> str:
    return simple(tx.welcome_body, tx.examples_title, title=tx.welcome_title)


def help_message(tx: Texts, bot_username: str) -> str:
    return simple(tx.help_body.format(bot=clean(bot_username)))


def about_messages(info: CorpusInfo, tx: Texts, retention_days: int) -> list[str]:
    corpus = tx.about_corpus.format(
        documents=info.documents,
        meetings=info.meetings,
        statements=info.statements,
        senators=info.senators,
        latest=fmt_date(info.latest_date, tx),
    )
    sources = as_list(Bold(tx.about_sources), *(f"• {clean(s)}" for s in info.sources[:20]))
    blocks = [
        Text(Bold(tx.about_title), "\n", corpus),
        sources,
        Text(tx.about_method),
        Text(tx.about_disclaimer),
        Text(tx.about_privacy.format(days=retention_days)),
    ]
    return pack(blocks)


def inline_article(hit: Hit, tx: Texts) -> tuple[str, str, str]:
    """(title, description, message HTML) of one shareable quote; the quote is shortened."""
    quote = clean(hit.text)
    if utf16_len(quote) > _INLINE_QUOTE_LIMIT:
        quote = quote[: fitting_prefix(quote, _INLINE_QUOTE_LIMIT - 1)].rstrip() + "…"
    shortened = hit.model_copy(update={"text": quote})
    html = pack(hit_blocks(shortened, None, tx))[0]
    title = f"{speakers_text(hit.speakers, tx)} · {fmt_date(hit.meeting.date, tx)}"
    description = quote[:160]
    return title[:200], description, html
