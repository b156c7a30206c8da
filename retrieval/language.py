"""Which language a question is written in, when that is plain to see.

The bot answers in the language a citizen writes in unless they chose one with /lang: Telegram
has no Kazakh interface, so a Kazakh speaker's app reports Russian or English, and the app's
language is all the bot knew. The alphabet alone misleads both ways: a Russian question may name
*Әшімбаев*, and Kazakh is often typed without its own letters (*Жер кимге тиесили?*) or in Latin
ones. So the small words that only one language has decide first, the letters second, and a
question that shows neither gives no language (the user's stays).
"""

from __future__ import annotations

import re

from retrieval.ingest.text import KK_LATIN_LETTERS, KK_LETTERS
from retrieval.models import Language
from retrieval.text import plain_kazakh
from retrieval.translit import has_cyrillic

# Function words one language has and the others do not (Kazakh as typed without its letters:
# "не", "да", "бар" are left out, Russian has them too).
_RU = frozenset(
    """
    что как какой какая какие каким каком какого какую почему зачем кто кого кому где когда
    будет будут будем ли это этот эта эти про для об обо или можно нужно сказал сказала
    сказали говорил говорила говорили был была были есть чем ещё еще уже если тоже только
    в во на с со о по из от до за у к и а но же бы нет
    """.split()
)
_KK = frozenset(
    plain_kazakh(w)
    for w in """
    ма ме ба бе па пе бола болады болмақ қандай қалай неге кім кімге кімнің қай қашан
    қанша неше туралы жайлы жөнінде үшін және мен бен пен бойынша керек жоқ деп айтты айтқан
    болатын бұл осы сол ол олар біз сіз менің біздің сіздің ғана тек енді ше ғой қатысты
    """.split()
)
_EN = frozenset(
    """
    the a an of in on at to for and or is are was were be will would what which who whom how
    why when where does do did can could should about said say says there their they it
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def question_language(typed: str, read: str) -> Language | None:
    """ru, kk or en for a question `typed` so and searched as `read` (its Cyrillic reading when it
    was typed in Latin letters or on the wrong layout); None when it shows no language."""
    tokens = [t.lower() for t in _WORD.findall(read)]
    if not tokens:
        return None
    # Kazakh in Latin letters (2018 and 2021 alphabets) has letters English never uses
    latin_kazakh = any(ch in KK_LATIN_LETTERS for ch in typed.lower())
    if not has_cyrillic(read):
        if latin_kazakh:
            return "kk"
        # Russian or Kazakh typed in Latin letters that nothing could read has no English word
        return "en" if any(t in _EN for t in tokens) else None
    ru = sum(t in _RU for t in tokens)
    kk = sum(plain_kazakh(t) in _KK for t in tokens)
    if kk != ru:
        return "kk" if kk > ru else "ru"
    if latin_kazakh or any(ch in KK_LETTERS for ch in read.lower()):
        return "kk"
    return None
