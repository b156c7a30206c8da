"""Every user-facing string, per language; handlers receive the user's `Texts` as `tx`.

Texts are plain text (never HTML): render.py escapes them with the rest of the message.
"""

from __future__ import annotations

from bot.ui.texts.en import EN
from bot.ui.texts.kk import KK
from bot.ui.texts.model import DEFAULT_LANG, LANG_NAMES, Lang, Texts, resolve_lang
from bot.ui.texts.ru import RU

__all__ = ["DEFAULT_LANG", "LANG_NAMES", "Lang", "Texts", "resolve_lang", "texts_for"]

_BY_LANG: dict[Lang, Texts] = {Lang.RU: RU, Lang.KK: KK, Lang.EN: EN}


def texts_for(lang: Lang | str | None) -> Texts:
    """The language pack for a stored preference or a Telegram `language_code`."""
    return _BY_LANG[resolve_lang(lang)]
