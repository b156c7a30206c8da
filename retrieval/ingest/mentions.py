"""Name-shaped spans in a release, each with the role its context gives (`find_mentions`).

A mention's role is read from the words right before the name (up to a comma, a stop or a
verb), from an apposition after it ("Болат Искаков, депутат Сената"), or is inherited along a
list ("Сенаторы X и Y", "X, Y и Z", "X пен Y", "X және Y"). What a role phrase means is
`roles`' business, what of a span is the name `name_spans`'; this module finds the names and
the phrases beside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.ingest.name_spans import english_body, is_institution, split_lead
from retrieval.ingest.roles import (
    BOUNDARY,
    CAPITALISED,
    OTHER_HOUSE,
    OTHER_ROLES,
    ROLE_STOP,
    SENATE,
    SENATOR,
    UPPER,
    WORD,
    Role,
    classify,
    is_verb,
    starts,
    trim_role,
)
from retrieval.ingest.text import fold

# "Н.Бекназаров", "Н. Бекназаров", "Бекназаров Н.", "Имя Фамилия", "Имя Фамилия Отчество"
NAME_RE = re.compile(
    rf"(?<![\w.-])(?:[{UPPER}]\.\s?{CAPITALISED}|{CAPITALISED}\s[{UPPER}]\.(?!\w)|{CAPITALISED}(?:\s{CAPITALISED}){{1,9}})(?![\w-])"
)
_CONJ = frozenset("и пен мен бен және а также".split())
_MAX_ROLE_WORDS = 7
# an English title spells out what Russian says by case: "Deputies of the Senate of the
# Parliament of the Republic of Kazakhstan" is "Депутаты Сената Парламента Республики
# Казахстан" — its "of" and "the" do not count towards the role's length
_EN_LINKS = frozenset({"of", "the"})


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str  # the name as written ("Айдоса Ержанова", "Н.Бекназаров")
    role: Role | None
    # the sentence titles the name's list a deputy of another house before a nearer role
    # ("Мәжілісінің депутаттары, … штабтың мүшелері X және Y"): read only against the roster
    other_house: bool = False


def left_phrase(text: str, start: int) -> tuple[str, int]:
    """The role words right before a name: back to a boundary, a verb or a function word.
    A role may hold an «organisation» ('председатель партии «Ауыл»') or an 'и' between its
    word and its complements ('Министр труда и социальной защиты')."""
    tokens = [(m.group(0), m.start()) for m in WORD.finditer(text, max(0, start - 160), start)]
    words: list[str] = []
    begin = start
    k = len(tokens)
    while k > 0:
        k -= 1
        token, pos = tokens[k]
        low = token.casefold()
        if token == "»" and (opening := _opening_quote(tokens, k)) is not None:
            kazakh_order = any(starts(w.casefold(), OTHER_ROLES) for w in words)
            if kazakh_order or _role_head_before(tokens, opening):
                words += [t for t, _ in reversed(tokens[opening : k + 1])]
                begin, k = tokens[opening][1], opening
                if kazakh_order:
                    break  # "«Ассамблея жастары» РҚБ төрағасы": the body's name opens the role
                continue
        if low == "и" and words and _role_head_before(tokens, k, complement=True):
            words.append(token)
            begin = pos
            continue
        if token in BOUNDARY or token == "," or low in _CONJ or low in ROLE_STOP:
            break
        if is_verb(token, tokens[k - 1][0] if k else "") and not starts(low, (*SENATOR, *SENATE)):
            break
        words.append(token)
        begin = pos
        if sum(w.casefold() not in _EN_LINKS for w in words) >= _MAX_ROLE_WORDS:
            break
    return " ".join(reversed(words)).replace("« ", "«").replace(" »", "»"), begin


def _opening_quote(tokens: list[tuple[str, int]], close: int) -> int | None:
    """Index of the '«' that a '»' at `close` closes, within a few words."""
    for j in range(close - 1, max(-1, close - 6), -1):
        if tokens[j][0] == "«":
            return j
        if tokens[j][0] in BOUNDARY:
            return None
    return None


def _role_head_before(tokens: list[tuple[str, int]], at: int, *, complement: bool = False) -> bool:
    """Is there a role word one or two words before index `at` ('партии «…»' after
    'председатель'; 'труда и …' after 'Министр')? With `complement` the role word must have
    a word after it before `at` ('Министр труда и'), never stand right before it
    ('с жителями и Анной …' is a list, not a role)."""
    lows = [t.casefold() for t, _ in tokens[max(0, at - 2) : at]]
    if complement:
        return len(lows) == 2 and starts(lows[0], OTHER_ROLES) and lows[1].isalpha()
    return any(starts(w, OTHER_ROLES) for w in lows)


# the stop of "г." or "им." inside a caption's role ("председатель КСК г. Петропавловска")
_ABBREVIATION_STOP = r"(?<=\sг)\.|(?<=\sим)\.|(?<=\sобл)\."


def _caption_role(text: str, end: int) -> str:
    """A speaker caption in a transcript: 'Ерик Садыков, машинист:' — any short lowercase role;
    without the comma only a role that ends in a role word and has no verb ('Рухабза Халдарбек
    «Дара ұрпақ» қоғамдық қорының директоры:')."""
    match = re.match(
        rf"\s*,\s*([a-zа-яёәғқңөұүһі](?:[^,.;:!?«»()\n]|{_ABBREVIATION_STOP}){{2,60}}):\s*(?:$|[–—-])",
        text[end:],
    )
    if match:
        return match.group(1) if len(match.group(1).split()) <= 5 else ""
    capital = re.match(r"\s*,\s*([^\W\d_][^,.;:!?«»()\n]{2,60}):\s*$", text[end:])
    if capital is not None:  # "Имя Фамилия, ҚР Парламенті Мәжілісінің депутаты:"
        return _ends_in_role(capital.group(1))
    bare = re.match(
        r"\s+((?:«[^»\n]{2,40}»\s+)?[a-zа-яёәғқңөұүһі][^,.;:!?«»()\n]{2,60}):\s*$", text[end:]
    )
    return "" if bare is None else _ends_in_role(bare.group(1))


def _ends_in_role(role: str) -> str:
    """The caption's role when it ends in a role word and has no verb, else ''."""
    items = fold(role).split()
    tokens = [t for t in role.split() if not t.startswith(("«", "»"))]
    heads = (*OTHER_ROLES, *SENATOR, *SENATE, "депутат", "depýtat", "deputat")
    if not 1 <= len(items) <= 7 or not starts(items[-1], heads):
        return ""
    verbs = [is_verb(t.strip("«»"), tokens[i - 1] if i else "") for i, t in enumerate(tokens)]
    return "" if any(verbs) else role


def _right_phrase(text: str, end: int) -> str:
    """An apposition after a name: ', депутат Сената' up to the next comma or stop."""
    match = re.match(r"\s*,\s*(?:an?\s+(?=[a-z]))?([^,.;:!?«»()\n]{3,160})", text[end:])
    if match is None:  # ", a member of the Committee …": the English article is no role word
        return ""
    phrase = match.group(1)
    if not phrase.isascii():
        phrase = phrase[:80]  # an English title spells out what case says: it runs longer
    elif len(phrase) == 160 and _WORD_GOES_ON.match(text, end + match.end()):
        phrase = phrase.rsplit(" ", 1)[0]  # never a word cut in two ("… and Vi")
    first = fold(phrase).split()[:1]
    if not first or not (starts(first[0], OTHER_ROLES) or starts(first[0], (*SENATOR, *SENATE))):
        return ""
    for name in NAME_RE.finditer(phrase):
        # "…, член Комиссии X, депутат маслихата Ерик Омаров и …": the role before the next
        # name in a list of participants is that person's, not an apposition to this one
        # ("…, Deputy Chair of the Board of East Kazakhstan University": a body, no person)
        if english_body(name.group(0), name.group(0), phrase[name.end() :]):
            continue
        before = left_phrase(phrase, name.start())[0]
        if not is_institution(name.group(0)) and before and classify(before) is not None:
            return ""
    return phrase


_WORD_GOES_ON = re.compile(r"\w")


def _list_gap(text: str) -> bool:
    """Is the text between two names a list joint (' и ', ', ', ' пен ', ' және ', ' and ')?"""
    low = text.casefold().strip()
    return low in ("", ",", "и", "пен", "мен", "бен", "және", "а также", "and") or bool(
        re.fullmatch(r",\s*(?:и|а также|және|and)?", low)
    )


def find_mentions(text: str, *, senate_context: bool = True) -> list[Mention]:
    """Every name-shaped span with the role its context gives (None when it gives none)."""
    mentions: list[Mention] = []
    for match in NAME_RE.finditer(text):
        start, surface = match.start(), match.group(0)
        if _named_after(text, start, match.end()):
            continue
        phrase, begin = left_phrase(text, start)
        phrase, begin = _past_degree(text, start, phrase, begin)
        previous = mentions[-1] if mentions else None
        if previous is not None and begin < previous.start:
            # "Сенат депутаты X аудан әкімі Y-пен бірге": Y's role is the words after X, never
            # X's title too (it made the akim a senator)
            phrase, _ = left_phrase(text[previous.end :], start - previous.end)
        left = fold(phrase).split()[-1:]
        of_role = bool(left) and starts(left[0], OTHER_ROLES)
        of_role = of_role or bool(_COMMITTEE_OPEN.search(text[max(0, start - 200) : start]))
        lead, rest = split_lead(surface, after_role=of_role)
        offset = surface.find(rest)
        start += max(0, offset)
        surface = rest
        if len(surface.split()) < 2 and "." not in surface:
            continue
        if english_body(match.group(0), surface, text[match.end() :]):
            continue
        phrase = trim_role(" ".join(p for p in (phrase, lead) if p))
        if title := _committee_title(text, start):
            phrase = title  # "Председатель Комитета Сената по …, … и … X": the whole title
        role = classify(phrase, senate_context=senate_context) if phrase else None
        if previous is not None and _list_gap(text[previous.end : start]):
            own_words = phrase.split()
            if role is None and not own_words and previous.role is not None:
                role = previous.role  # "Сенаторы X и Y", "X пен Y"
        if role is None:
            role = classify(_right_phrase(text, match.end()), senate_context=senate_context)
        if role is None and (caption := _caption_role(text, match.end())):
            role = classify(caption, senate_context=senate_context) or Role(caption, False)
        mentions.append(Mention(start, match.end(), surface, role, _other_house_title(text, start)))
    _share_trailing_roles(text, mentions)
    taken = [(m.start, m.end) for m in mentions]
    for match in _SINGLE.finditer(text):  # "вице-спикера Сената Перепечиной", "сенатор Есбай"
        if any(s <= match.start() < e for s, e in taken) or is_institution(match.group(0)):
            continue
        if _named_after(text, match.start(), match.end()):
            continue
        phrase, _ = left_phrase(text, match.start())
        last = fold(phrase).split()[-1:]
        if not last or not starts(last[0], (*OTHER_ROLES, *SENATOR, *SENATE, *OTHER_HOUSE)):
            continue  # only right after a role word: "вице-спикера Сената Перепечиной"
        role = classify(phrase, senate_context=senate_context)
        if role is not None:
            mentions.append(Mention(match.start(), match.end(), match.group(0), role))
    return sorted(mentions, key=lambda m: m.start)


# An academic degree set beside a role by a comma: "Мәжілісінің депутаты, заң ғылымдарының
# докторы X", "депутат Мажилиса, доктор юридических наук X" — the role is the one before it
# ("кандидаты" reads as a past verb, so the degree is matched on the text, not the phrase)
_DEGREE = re.compile(
    r",\s*(?:[\w-]+\s+)?ғылымдарының\s+(?:докторы|кандидаты)\s*$"
    r"|,\s*(?:доктор|кандидат)\s+\w+\s+наук\s*$",
    re.I,
)


def _past_degree(text: str, start: int, phrase: str, begin: int) -> tuple[str, int]:
    """The role before a degree's apposition ('депутаты, заң ғылымдарының докторы X'), or the
    phrase as it was."""
    degree = _DEGREE.search(text, max(0, start - 80), start)
    if degree is None or begin < degree.start():
        return phrase, begin
    before, at = left_phrase(text, degree.start())
    if not before or classify(before) is None:
        return phrase, begin
    return before, at


# A committee's title runs across commas, "и"/"and" and "по"/"on" up to its member's name:
# "Председатель Комитета Сената по международным отношениям, обороне и безопасности X",
# "The Chairman of the Senate Committee on International Relations, Defense and Security X"
_COMMITTEE_BODY = (
    r"(?:(?:[Зз]аместител\w+\s+)?[Пп]редседател\w+|[Чч]лен\w*|[Сс]екретар\w+)\s+"
    r"[Кк]омитет\w*\s+(?:Сената\s+(?:Парламента\s+(?:РК|Республики\s+Казахстан)\s+)?)?"
    r"по\s+[а-яё-]+(?:(?:,\s*|\s+и\s+|\s+)[а-яё-]+){0,8}"
    r"(?:\s+Сената(?:\s+Парламента(?:\s+(?:РК|Республики\s+Казахстан))?)?)?"
    # "Сенаттың Әлеуметтік-мәдени даму және ғылым комитетінің төрағасы X"
    r"|Сенат(?:тың|ының)?\s+(?:[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі-]+,?\s+){1,8}?"
    r"(?:комитетінің|комиссиясының)\s+(?:төрағасы(?:ның\s+орынбасары)?|мүшесі|хатшысы)"
    r"|(?:Deputy\s+)?(?:Chair(?:man|woman|person)?|Member|Secretary)\s+of\s+the\s+"
    r"(?:Senate\s+)?Committee\s+(?:of\s+the\s+Senate\s+)?(?:on|for)\s+"
    r"[A-Z][a-z]+(?:(?:,\s*(?:and\s+)?|\s+and\s+|\s+)[A-Z][a-z]+){0,8}"
)
_COMMITTEE_TITLE = re.compile(rf"(?:{_COMMITTEE_BODY})\s*$")
# the title still open where a capitalised span starts: "… Relations, Defense and " + "Security
# Mukhtar Kul-Mukhammed" (the span's first word is the committee's, the name its last two)
_COMMITTEE_OPEN = re.compile(rf"(?:{_COMMITTEE_BODY})(?:,\s*(?:and\s+)?|\s+and\s+)$")


def _committee_title(text: str, start: int) -> str:
    """The Senate committee's title ending right before a name (it makes a senator); one
    naming no house is left to the words beside the name, as before."""
    match = _COMMITTEE_TITLE.search(text[max(0, start - 200) : start])
    if match is None or not _SENATE_WORD.search(match.group(0)):
        return ""
    return " ".join(match.group(0).split())


# "ҚР Парламент Мәжілісінің депутаттары, …", "депутаты Мажилиса …", "Parlament Májilisiniń
# depýtattary …" opening the sentence a name stands in, with no Senate word after it
_OTHER_HOUSE_TITLE = re.compile(
    r"(?:мәжіліс|мажилис|májilis|majilis|mäjılıs)\w*\s+(?:депутат|depýtat|deputat)\w*"
    r"|(?:депутат|depýtat|deputat)\w*\s+(?:мәжіліс|мажилис|májilis|majilis|mäjılıs)\w*",
    re.I,
)
_SENTENCE_START = re.compile(r"[.!?]\s+(?=\S)")
_SENATE_WORD = re.compile(r"\b(?:сенат|senat|senate|сенатор|senator)", re.I)


def _other_house_title(text: str, start: int) -> bool:
    begin = max((m.end() for m in _SENTENCE_START.finditer(text, 0, start)), default=0)
    title = _OTHER_HOUSE_TITLE.search(text, begin, start)
    return title is not None and not _SENATE_WORD.search(text, title.start(), start)


_SINGLE = re.compile(rf"(?<![\w.-]){CAPITALISED}(?![\w-])(?!\s+{CAPITALISED})")


# "Қ.Сәтбаев атындағы университет", "школа им. Абая", "имени Л.Н. Гумилева": the name of an
# institution, not a person at the meeting
_NAMED_AFTER_RIGHT = re.compile(r"\s*(?:атындағы|atyndaǵy|atyndagy|atyndağy)\b", re.I)
_NAMED_AFTER_LEFT = re.compile(rf"(?:\bим\.|\bимени)\s*(?:[{UPPER}]\.\s?)*$", re.I)


def _named_after(text: str, start: int, end: int) -> bool:
    return bool(
        _NAMED_AFTER_RIGHT.match(text, end)
        or _NAMED_AFTER_LEFT.search(text[max(0, start - 20) : start])
    )


_NAMED_AFTER_SPAN = re.compile(
    rf"(?:[{UPPER}]\.\s?)*{CAPITALISED}(?:\s{CAPITALISED})?\s+(?:атындағы|atyndaǵy|atyndagy|atyndağy)\b"
    rf"|(?:\bим\.|\bимени)\s*(?:[{UPPER}]\.\s?)*{CAPITALISED}(?:\s{CAPITALISED})?"
)


def without_named_after(text: str) -> str:
    """The text without 'Қ.Сәтбаев атындағы' / 'им. Абая': such a name is no place either."""
    return _NAMED_AFTER_SPAN.sub(" ", text)


def _share_trailing_roles(text: str, mentions: list[Mention]) -> None:
    """'X и Y, депутаты Сената': an apposition after a list gives the whole list its role."""
    for i in range(len(mentions) - 1, 0, -1):
        current, previous = mentions[i], mentions[i - 1]
        joined = _list_gap(text[previous.end : current.start])
        trailing = joined and bool(_right_phrase(text, current.end))
        if current.role is not None and previous.role is None and trailing:
            mentions[i - 1] = Mention(previous.start, previous.end, previous.surface,
                                          current.role)  # fmt: skip
