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

from retrieval.ingest.text import KK_LETTERS
from retrieval.models import Language
from retrieval.text import plain_kazakh

# Function words one language has and the others do not (Kazakh as typed without its letters:
# "не", "да", "бар" are left out, Russian has them too).
_RU = frozenset(
    """
    что как какой какая какие каким каком какого какую почему зачем кто кого кому где когда
    будет будут будем ли ли это этот эта эти про для об обо или можно нужно сказал сказала
    сказали говорил говорила говорили был была были есть ли чем ещё еще уже если тоже только
    в во на с со о по из от до за у к и а но же бы ли нет
    """.split()
)
_KK = frozenset(
    plain_kazakh(w)
    for w in """
    ма ме ба бе па пе бола болады болмақ болады ма қандай қалай неге кім кімге кімнің қай қашан
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
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
# Kazakh in Latin letters (2018 and 2021 alphabets): letters English never uses
_KK_LATIN = frozenset("áǵıńóúýäğñöūüş")


def question_language(typed: str, read: str) -> Language | None:
    """ru, kk or en for a question `typed` so and searched as `read` (its Cyrillic reading when it
    was typed in Latin letters or on the wrong layout); None when it shows no language."""
    tokens = [t.lower() for t in _WORD.findall(read)]
    if not tokens:
        return None
    if _CYRILLIC.search(read) is None:
        latin_kazakh = any(ch in _KK_LATIN for ch in typed.lower())
        if latin_kazakh:
            return "kk"
        # Russian or Kazakh typed in Latin letters that nothing could read has no English word
        return "en" if any(t in _EN for t in tokens) else None
    ru = sum(t in _RU for t in tokens)
    kk = sum(plain_kazakh(t) in _KK for t in tokens)
    if kk != ru:
        return "kk" if kk > ru else "ru"
    if any(ch in KK_LETTERS for ch in read.lower()) or any(ch in _KK_LATIN for ch in typed.lower()):
        return "kk"
    return None
