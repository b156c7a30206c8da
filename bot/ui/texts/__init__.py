"""Every user-facing string, per language; handlers receive the user's `Texts` as `tx`.

The strings live in message catalogues (`bot/ui/locales/<lang>/bot.po`), read once per language
on first use. Texts are plain text (never HTML): render.py escapes them with the message.
"""

from __future__ import annotations

import functools

from bot.ui.texts.catalog import build, catalogue_path
from bot.ui.texts.model import (
    DEFAULT_LANG,
    LANG_NAMES,
    Lang,
    Texts,
    followed,
    is_chosen,
    resolve_lang,
)

__all__ = [
    "DEFAULT_LANG",
    "LANG_NAMES",
    "Lang",
    "Texts",
    "followed",
    "is_chosen",
    "resolve_lang",
    "texts_for",
]


@functools.cache
def _load(lang: Lang) -> Texts:
    return build(Texts, catalogue_path(lang.value, "bot"), lang=lang)


def texts_for(lang: Lang | str | None) -> Texts:
    """The language pack for a stored preference or a Telegram `language_code`."""
    return _load(resolve_lang(lang))
