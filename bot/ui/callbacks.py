"""Callback data factories: short prefixes and Enum fields keep every payload ≤ 64 bytes.

Corpus names (senators, regions, themes) never travel in callback data: they are long and
may contain the separator, so buttons carry `name_key(name)`, a short content hash.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from bot.ui.texts import Lang


def name_key(name: str) -> str:
    """Short stable key for a corpus name; survives reloads, unlike list positions."""
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]


class Vote(StrEnum):
    UP = "u"
    DOWN = "d"


class Reason(StrEnum):
    WRONG_SENATOR = "w"
    OFF_TOPIC = "o"
    NOT_ENOUGH = "n"
    OTHER = "x"


class Kind(StrEnum):
    """What a browse list or page is about."""

    THEME = "t"
    SENATOR = "s"
    REGION = "r"


class MoreCb(CallbackData, prefix="mo"):
    """Page `p` (0-based, 3 hits each) of the stored answer to question `q`."""

    q: int
    p: int


class MeetingCb(CallbackData, prefix="me"):
    m: str


class VoteCb(CallbackData, prefix="vo"):
    q: int
    v: Vote


class ReasonCb(CallbackData, prefix="rs"):
    q: int
    r: Reason


class ExampleCb(CallbackData, prefix="ex"):
    """The i-th example question of the user's language pack."""

    i: int


class LangCb(CallbackData, prefix="lg"):
    lang: Lang


class MenuCb(CallbackData, prefix="mn"):
    """Page `p` of the list of themes / senators / regions (buttons)."""

    k: Kind
    p: int


class BrowseCb(CallbackData, prefix="br"):
    """Page `p` of the statements (or meetings) under one theme / senator / region."""

    k: Kind
    key: str
    p: int


class UploadAction(StrEnum):
    PUBLISH = "p"
    DISCARD = "d"


class UploadCb(CallbackData, prefix="up"):
    """Publish or discard the pending upload `t` (a random token, see bot/services/uploads.py)."""

    t: str
    a: UploadAction
