"""Greetings, thanks and goodbyes: a message made only of them is a courtesy, not a question.

"Привет" searched as a question got "the senators' statements don't answer this question" — true,
and not what anyone says back to a greeting. Only a message with no other word counts: "Привет, что
будет с землёй?" is a question and is searched as one.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Courtesy(StrEnum):
    GREETING = "greeting"
    CLOSING = "closing"  # thanks, goodbye, "ok"


# Words that make a message a courtesy by themselves, in Russian, Kazakh and English.
_GREETING = frozenset(
    """
    привет приветик приветствую здравствуй здравствуйте здрасте здрасьте салам салем хай
    добрый доброе
    сәлем сәлеметсіз сәлеметсіздер ассалаумағалейкум ассаламағалейкум ассалаумағалейкүм қайырлы
    hi hello hey hiya greetings morning afternoon evening
    """.split()
)
_CLOSING = frozenset(
    """
    спасибо спс пасиб благодарю благодарен благодарна пока свидания доброго ок окей хорошо
    понятно ясно
    рахмет рақмет алғыс сау көріскенше жарайды түсінікті жақсы
    thanks thank thx ty bye goodbye ok okay cheers
    """.split()
)
# Words that only go along with one of those: "добрый день", "большое спасибо", "сау болыңыз",
# "thank you very much", "доброе утро, бот".
_ALONG = frozenset(
    """
    день утро вечер ночи большое огромное вам тебе всем до всего бот ботик уважаемый уважаемые
    бе таң күн кеш көп үлкен айтамын бол болыңыз болыңыздар сізге саған баршаңызға
    you very much so lot a good day all everyone there bot see later
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+")
_MAX_WORDS = 6


# The language each courtesy word belongs to (salem, хай, ок, бот are shared and tell none)
_LANGUAGE_WORDS = {
    "ru": """
    привет приветик приветствую здравствуй здравствуйте здрасте здрасьте добрый доброе спасибо
    спс пасиб благодарю благодарен благодарна пока свидания доброго окей хорошо понятно ясно
    день утро вечер ночи большое огромное вам тебе всем до всего ботик уважаемый уважаемые
    """,
    "kk": """
    сәлем сәлеметсіз сәлеметсіздер ассалаумағалейкум ассаламағалейкум ассалаумағалейкүм қайырлы
    рахмет рақмет алғыс сау көріскенше жарайды түсінікті жақсы бе таң күн кеш көп үлкен айтамын
    бол болыңыз болыңыздар сізге саған баршаңызға
    """,
    "en": """
    hi hello hey hiya greetings morning afternoon evening thanks thank thx ty bye goodbye okay
    cheers you very much so lot a good day all everyone there see later
    """,
}
_LANGUAGE = {word: lang for lang, words in _LANGUAGE_WORDS.items() for word in words.split()}


def courtesy_language(text: str) -> str | None:
    """The one language a courtesy's words belong to ("Сәлеметсіз бе" → kk), or None: the reply
    to a greeting speaks it as the reply to a question speaks the question's."""
    found = {_LANGUAGE[t] for t in _WORD.findall(text.lower()) if t in _LANGUAGE}
    return found.pop() if len(found) == 1 else None


def courtesy(text: str) -> Courtesy | None:
    """What a message made only of courtesy words is, or None for anything else."""
    tokens = _WORD.findall(text.lower())
    if not tokens or len(tokens) > _MAX_WORDS:
        return None
    if any(t not in _GREETING and t not in _CLOSING and t not in _ALONG for t in tokens):
        return None
    if any(t in _GREETING for t in tokens):
        return Courtesy.GREETING
    if any(t in _CLOSING for t in tokens):
        return Courtesy.CLOSING
    return None
