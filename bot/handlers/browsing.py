"""Browsing without a question: themes, senators, regions → paginated statements/meetings."""

from __future__ import annotations

from aiogram import Bot

from bot.ui import keyboards, render
from bot.ui.callbacks import Kind, name_key
from bot.ui.sending import Target, send_chunks
from bot.ui.texts import Lang, Texts
from retrieval.api import SearchAPI
from retrieval.models import Theme


def _theme_label(theme: Theme, lang: Lang) -> str:
    return theme.labels.get(lang.value) or theme.labels.get("ru") or theme.id


def menu_items(search: SearchAPI, kind: Kind, lang: Lang) -> list[tuple[str, str]]:
    """(button label, callback key) for every theme / senator / region."""
    if kind is Kind.THEME:
        return [(_theme_label(t, lang), name_key(t.id)) for t in search.themes()]
    names = search.senators() if kind is Kind.SENATOR else search.regions()
    return [(name, name_key(name)) for name in names]


def _resolve(search: SearchAPI, kind: Kind, key: str, lang: Lang) -> tuple[str, str] | None:
    """(corpus id or name, display name) for a callback key, None if it no longer exists."""
    if kind is Kind.THEME:
        for theme in search.themes():
            if name_key(theme.id) == key:
                return theme.id, _theme_label(theme, lang)
        return None
    names = search.senators() if kind is Kind.SENATOR else search.regions()
    for name in names:
        if name_key(name) == key:
            return name, name
    return None


def menu_prompt(kind: Kind, tx: Texts) -> str:
    prompts = {
        Kind.THEME: tx.themes_prompt,
        Kind.SENATOR: tx.senators_prompt,
        Kind.REGION: tx.regions_prompt,
    }
    return prompts[kind]


async def send_browse_page(
    bot: Bot,
    target: Target,
    search: SearchAPI,
    tx: Texts,
    kind: Kind,
    key: str,
    page: int,
) -> bool:
    """One page under a theme/senator/region; False if the key or page does not exist."""
    found = _resolve(search, kind, key, tx.lang)
    if found is None or page < 0:
        return False
    ident, display = found
    start = page * render.PAGE_SIZE
    end = start + render.PAGE_SIZE
    if kind is Kind.REGION:
        meetings = search.meetings_in_region(ident)
        shown = meetings[start:end]
        if not shown:
            return page == 0 and await _send_empty(bot, target, tx)
        with_titles = [(m, _title(search, m.document_id)) for m in shown]
        chunks = render.region_messages(display, with_titles, page, len(meetings), tx)
        meeting_ids = [m.id for m in shown]
        total = len(meetings)
    else:
        hits = search.by_theme(ident) if kind is Kind.THEME else search.by_senator(ident)
        shown_hits = hits[start:end]
        if not shown_hits:
            return page == 0 and await _send_empty(bot, target, tx)
        title = (tx.theme_title if kind is Kind.THEME else tx.senator_title).format(name=display)
        chunks = render.titled_hits_messages(title, shown_hits, page, len(hits), tx)
        meeting_ids = [h.meeting.id for h in shown_hits]
        total = len(hits)
    next_page = page + 1 if end < total else None
    meetings_buttons = keyboards.distinct_meetings(meeting_ids, start + 1)
    markup = keyboards.browse_keyboard(tx, kind, key, next_page, meetings_buttons)
    await send_chunks(bot, target, chunks, markup)
    return True


def _title(search: SearchAPI, document_id: str) -> str | None:
    document = search.document(document_id)
    return document.title if document else None


async def _send_empty(bot: Bot, target: Target, tx: Texts) -> bool:
    await send_chunks(bot, target, [render.simple(tx.browse_empty)])
    return True
