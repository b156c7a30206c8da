"""What of a capitalised span is a person's name: role and institution words glued to it by
capitals ('Сенатор Арман Куатбеков', 'Аким Астаны Женис Касымбек'), the surname's shape and
its Kazakh case ending, and English names of bodies that are no people. Kept apart from
`mentions`, which finds the spans and the roles beside them.
"""

from __future__ import annotations

import re

from retrieval.ingest.names import has_surname_shape
from retrieval.ingest.roles import EN_ROLES, OTHER_ROLES, SENATE, SENATOR, starts
from retrieval.ingest.text import fold

# English names of bodies and places: "National Defense University", "Auezov University",
# "Abai Regional Library", "Qazinform News Agency" are no people
_EN_BODIES = frozenset(
    "university academy college school gymnasium lyceum library institute center centre "
    "council commission committee assembly court office ministry agency department party union "
    "association foundation fund region district oblast city village mission hall service news "
    "group company corporation bank station organization organisation programme program forum "
    "club theatre theater museum hospital clinic branch board akimat channel chamber house "
    "palace parliament senate republic marathon".split()
)
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


# Title words that open an English role, never a name: "Deputy Chairman", "Prosecutor General"
_EN_TITLE_WORDS = frozenset(
    (*EN_ROLES, "chairman", "chairwoman", "chairperson", "vice", "state", "general", "first",
     "senior", "acting", "executive", "senator", "senate", "mazhilis", "majilis")
)  # fmt: skip


def english_body(span: str, surface: str, after: str) -> bool:
    """Is a Latin capitalised span a body's or a place's name (its last word or the word right
    after it: 'National Defense University', 'Auezov University'), or a title read as a name
    ('Deputy Chairman', 'Prosecutor General')?"""
    if not span.isascii():
        return False
    following = _NEXT_WORD.match(after)
    last = [span.split()[-1].casefold()]
    if following is not None and following.group(1)[:1].isupper():
        last.append(following.group(1).casefold())
    first = surface.split()[0].casefold() if surface.split() else ""
    return any(w.strip(".,") in _EN_BODIES for w in last) or first in _EN_TITLE_WORDS


_LEAD_WORDS = (*SENATOR, *SENATE, *OTHER_ROLES, "генеральн", "государствен", "мемлекеттік",
               "вице", "бас", "облыс", "аудан", "қала")  # fmt: skip


_BODY_AFTER = ("сенат", "мәжіліс", "мажилис", "конституциял", "конституцияның", "құрылтай")


def split_lead(surface: str, *, after_role: bool = False) -> tuple[str, str]:
    """'Сенатор Арман Куатбеков' → ('Сенатор', 'Арман Куатбеков'); role/institution words
    glued to the name by capitals are context, and a name is its last two or three words.
    `after_role`: a lowercase role word stands right before ('заместитель акима Города Имя
    Фамилия'), so a first capitalised word is what the role is of. A country's name is never
    a first name ('Қазақстан Жазушылар одағы' is a body)."""
    parts = surface.split()
    if len(parts) == 2 and starts(fold(parts[0]), _COUNTRY):
        return surface, ""
    lead: list[str] = []
    while len(parts) > 2 and fold(parts[-1]).startswith(_BODY_AFTER):
        # "Максим Споткай Сенат қызметкерлерінің …", "Үнзила Шапақ Конституциялық реформа
        # комиссиясының …": the body after the name (the last two words were the name)
        parts.pop()
    while len(parts) > 2 and (
        starts(fold(parts[0]), _LEAD_WORDS) or is_institution(parts[0]) or parts[0].isupper()
    ):
        lead.append(parts.pop(0))
    if len(parts) == 2 and starts(fold(parts[0]), (*SENATOR, *SENATE, "депутат")):
        return " ".join([*lead, parts[0]]), parts[1]
    if len(parts) == 2 and lead and is_institution(parts[0]):
        return " ".join([*lead, parts[0]]), parts[1]  # "… Республики Казахстан Жакип": no name
    if len(parts) >= 3 and not _patronymic(parts[2]):
        shaped = [i for i in range(1, len(parts)) if surname_like(parts[i])]
        # "Аким Астаны Женис Касымбек": after a role word comes what the role is of (a city, a
        # ministry), so with no surname shape to go by the name is the last two words
        of_role = (lead and starts(fold(lead[-1]), OTHER_ROLES)) or (after_role and not lead)
        fallback = len(parts) - 1 if of_role else 1
        i = shaped[0] if shaped else fallback
        lead += parts[: i - 1]
        if (
            i + 1 < len(parts)
            and _KK_PATRONYMIC.search(fold(parts[i]))
            and surname_like(parts[i + 1])
        ):
            # "Қасым-Жомарт Кемелұлы Тоқаев": the Kazakh patronymic stands between the first
            # name and the surname, and is no part of a stored name (it was read as the surname)
            return " ".join(lead), " ".join([parts[i - 1], parts[i + 1]])
        parts = parts[i - 1 : i + 1] + ([parts[i + 1]] if i + 1 < len(parts) and
                                         _patronymic(parts[i + 1]) else [])  # fmt: skip
    return " ".join(lead), " ".join(parts)


_KK_CASE = re.compile(
    r"(?:ның|нің|дың|дің|тың|тің|мен|бен|пен|нан|нен|дан|ден|тан|тен|ға|ге|қа|ке|на|не|ны|ні)$"
)


def strip_kazakh_case(word: str) -> str:
    """'Сейітованың' → 'Сейітова', 'Бекназаровқа' → 'Бекназаров' (stems of 4+ letters only)."""
    match = _KK_CASE.search(word)
    if match and match.start() >= 4:
        return word[: match.start()]
    return word


def surname_like(word: str) -> bool:
    return has_surname_shape(word) or has_surname_shape(strip_kazakh_case(word))


def _patronymic(word: str) -> bool:
    """'Серикович', 'Петровна', 'Серікұлы', and in a case: 'Васильевичем', 'Петровной'."""
    return bool(_PATRONYMIC_CASE.search(fold(word)))


_KK_PATRONYMIC = re.compile(r"(?:ұлы|улы|қызы|кызы)$")
_PATRONYMIC_CASE = re.compile(r"(?:ович|евич|овн|евн|ұлы|улы|қызы|кызы)(?:а|у|ем|е|ой|ы|ну)?$")


_COUNTRY = ("казахстан", "қазақстан", "kazakhstan", "qazaqstan")


def is_institution(word: str) -> bool:
    return starts(fold(word), ("мажилис", "мәжіліс", "парламент", "сенат", "республик", "рк",
                                "казахстан", "қазақстан", "президент", "правительств"))  # fmt: skip
