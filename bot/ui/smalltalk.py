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
    MORE = "more"  # "ещё", "тағы", "more": typed for the next page, which is a button


# Courtesy words by kind and language ("" for words both languages use: салам, хай, ок, бот).
# A greeting or a closing makes a message a courtesy by itself; the words that only go along with
# one ("добрый день", "большое спасибо", "сау болыңыз", "thank you very much", "доброе утро,
# бот") do not.
_WORDS: dict[tuple[Courtesy | None, str], str] = {
    (Courtesy.GREETING, "ru"): "привет приветик приветствую здравствуй здравствуйте здрасте "
    "здрасьте добрый доброе",
    (Courtesy.GREETING, "kk"): "сәлем сәлеметсіз сәлеметсіздер ассалаумағалейкум "
    "ассаламағалейкум ассалаумағалейкүм қайырлы",
    (Courtesy.GREETING, "en"): "hi hello hey hiya greetings morning afternoon evening",
    (Courtesy.GREETING, ""): "салам салем хай",
    (Courtesy.CLOSING, "ru"): "спасибо спс пасиб благодарю благодарен благодарна пока свидания "
    "доброго окей хорошо понятно ясно",
    (Courtesy.CLOSING, "kk"): "рахмет рақмет алғыс сау көріскенше жарайды түсінікті жақсы",
    (Courtesy.CLOSING, "en"): "thanks thank thx ty bye goodbye okay cheers",
    (Courtesy.CLOSING, ""): "ок ok",
    (Courtesy.MORE, "ru"): "ещё еще дальше далее продолжай продолжите продолжи следующие",
    (Courtesy.MORE, "kk"): "тағы тагы әрі ары жалғастыр жалғастырыңыз келесі",
    (Courtesy.MORE, "en"): "more next continue",
    (None, "ru"): "день утро вечер ночи большое огромное вам тебе всем до всего ботик уважаемый "
    "уважаемые покажи покажите давай пожалуйста",
    (None, "kk"): "бе таң күн кеш көп үлкен айтамын бол болыңыз болыңыздар сізге саған баршаңызға "
    "көрсет көрсетіңіз өтінемін",
    (None, "en"): "you very much so lot a good day all everyone there see later show please",
    (None, ""): "бот bot",
}


def _of_kind(kind: Courtesy | None) -> frozenset[str]:
    return frozenset(w for (k, _), words in _WORDS.items() if k is kind for w in words.split())


_GREETING, _CLOSING, _MORE, _ALONG = (
    _of_kind(Courtesy.GREETING),
    _of_kind(Courtesy.CLOSING),
    _of_kind(Courtesy.MORE),
    _of_kind(None),
)
# the language each courtesy word belongs to, if only one
_LANGUAGE = {w: lang for (_, lang), words in _WORDS.items() if lang for w in words.split()}
_WORD = re.compile(r"[^\W\d_]+")
_MAX_WORDS = 6


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
    if any(
        t not in _GREETING and t not in _CLOSING and t not in _MORE and t not in _ALONG
        for t in tokens
    ):
        return None
    if any(t in _GREETING for t in tokens):
        return Courtesy.GREETING
    if any(t in _CLOSING for t in tokens):
        return Courtesy.CLOSING
    if any(t in _MORE for t in tokens):
        return Courtesy.MORE
    return None
