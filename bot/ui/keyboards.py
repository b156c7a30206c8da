"""Inline keyboards; every button's payload comes from a CallbackData factory in callbacks.py."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.ui.callbacks import (
    BrowseCb,
    ExampleCb,
    Kind,
    LangCb,
    MeetingCb,
    MenuCb,
    MoreCb,
    Reason,
    ReasonCb,
    UploadAction,
    UploadCb,
    Vote,
    VoteCb,
)
from bot.ui.texts import LANG_NAMES, Lang, Texts
from bot.ui.texts.moderator import ModTexts

MENU_PAGE_SIZE = 8
_LABEL_LIMIT = 64
_MAX_ID_BYTES = 60  # 64 minus the "me:" prefix


def _label(text: str) -> str:
    return text if len(text) <= _LABEL_LIMIT else text[: _LABEL_LIMIT - 1] + "…"


def examples_keyboard(tx: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for index, question in enumerate(tx.examples):
        builder.row(
            InlineKeyboardButton(text=_label(question), callback_data=ExampleCb(i=index).pack())
        )
    return builder.as_markup()


def _meeting_buttons(meetings: Sequence[tuple[int, str]], tx: Texts) -> list[InlineKeyboardButton]:
    """One "Meeting N" button per distinct meeting, N = the first result number citing it."""
    return [
        InlineKeyboardButton(
            text=tx.btn_meeting.format(n=number), callback_data=MeetingCb(m=meeting_id).pack()
        )
        for number, meeting_id in meetings
        # an id that cannot fit a callback payload gets no button rather than an error
        if ":" not in meeting_id and len(meeting_id.encode()) <= _MAX_ID_BYTES
    ]


def answer_keyboard(
    tx: Texts,
    question_id: int | None,
    next_page: int | None,
    meetings: Sequence[tuple[int, str]],
) -> InlineKeyboardMarkup:
    """Meeting buttons, "More" while results remain, and 👍/👎 when the question is stored."""
    builder = InlineKeyboardBuilder()
    if meetings:
        builder.row(*_meeting_buttons(meetings, tx))
    if question_id is not None and next_page is not None:
        builder.row(
            InlineKeyboardButton(
                text=tx.btn_more, callback_data=MoreCb(q=question_id, p=next_page).pack()
            )
        )
    if question_id is not None:
        builder.row(
            InlineKeyboardButton(text="👍", callback_data=VoteCb(q=question_id, v=Vote.UP).pack()),
            InlineKeyboardButton(
                text="👎", callback_data=VoteCb(q=question_id, v=Vote.DOWN).pack()
            ),
        )
    return builder.as_markup()


def reasons_keyboard(tx: Texts, question_id: int) -> InlineKeyboardMarkup:
    labels = {
        Reason.WRONG_SENATOR: tx.reason_wrong_senator,
        Reason.OFF_TOPIC: tx.reason_off_topic,
        Reason.NOT_ENOUGH: tx.reason_not_enough,
        Reason.OTHER: tx.reason_other,
    }
    builder = InlineKeyboardBuilder()
    for reason, text in labels.items():
        builder.button(text=text, callback_data=ReasonCb(q=question_id, r=reason))
    builder.adjust(2)
    return builder.as_markup()


def menu_keyboard(kind: Kind, items: Sequence[tuple[str, str]], page: int) -> InlineKeyboardMarkup:
    """One page of (label, key) choices with ◂ ▸ navigation between pages."""
    builder = InlineKeyboardBuilder()
    start = page * MENU_PAGE_SIZE
    for label, key in items[start : start + MENU_PAGE_SIZE]:
        builder.row(
            InlineKeyboardButton(
                text=_label(label), callback_data=BrowseCb(k=kind, key=key, p=0).pack()
            )
        )
    nav: list[InlineKeyboardButton] = []
    if page > 0:
        nav.append(InlineKeyboardButton(text="◂", callback_data=MenuCb(k=kind, p=page - 1).pack()))
    if start + MENU_PAGE_SIZE < len(items):
        nav.append(InlineKeyboardButton(text="▸", callback_data=MenuCb(k=kind, p=page + 1).pack()))
    if nav:
        builder.row(*nav)
    return builder.as_markup()


def browse_keyboard(
    tx: Texts, kind: Kind, key: str, next_page: int | None, meetings: Sequence[tuple[int, str]]
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if meetings:
        for chunk_start in range(0, len(meetings), 3):
            builder.row(*_meeting_buttons(meetings[chunk_start : chunk_start + 3], tx))
    if next_page is not None:
        builder.row(
            InlineKeyboardButton(
                text=tx.btn_more, callback_data=BrowseCb(k=kind, key=key, p=next_page).pack()
            )
        )
    return builder.as_markup()


def lang_keyboard(current: Lang) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for lang, name in LANG_NAMES.items():
        mark = "✓ " if lang == current else ""
        builder.button(text=f"{mark}{name}", callback_data=LangCb(lang=lang))
    builder.adjust(3)
    return builder.as_markup()


def distinct_meetings(meeting_ids: Sequence[str], first_number: int) -> list[tuple[int, str]]:
    """(result number, meeting id) for the first result citing each distinct meeting."""
    seen: dict[str, int] = {}
    for offset, meeting_id in enumerate(meeting_ids):
        seen.setdefault(meeting_id, first_number + offset)
    return [(number, meeting_id) for meeting_id, number in seen.items()]


def upload_keyboard(mtx: ModTexts, token: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=mtx.btn_publish, callback_data=UploadCb(t=token, a=UploadAction.PUBLISH))
    builder.button(text=mtx.btn_discard, callback_data=UploadCb(t=token, a=UploadAction.DISCARD))
    builder.adjust(2)
    return builder.as_markup()
