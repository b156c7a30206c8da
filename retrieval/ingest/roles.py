"""People named in a release and the role the text gives each: who is a senator is decided by
words ("сенатор", "депутат Сената", "Сенат төрағасы", "вице-спикер Сената"), never by being
near a senator; another role ("Генеральный прокурор", "Председатель Мажилиса", "аудан әкімі")
makes a person an other speaker. Works on plain text in Russian and Kazakh (no NER needed).

A mention's role is read from the words right before the name (up to a comma, a stop or a
verb), from an apposition after it ("Болат Искаков, депутат Сената"), or is inherited along a
list ("Сенаторы X и Y", "X, Y и Z", "X пен Y", "X және Y").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from retrieval.ingest.names import has_surname_shape
from retrieval.ingest.quotes import is_speech_word
from retrieval.ingest.text import fold

_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІÁÓÚÝŃǴÜÖŞĞÇ"  # Kazakh Latin letters too (Áshimbaev, Ǵalym)
_LOW = "a-zа-яёәғқңөұүһіáóúýńǵıüöşğç"
_CAP = rf"[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?"
# "Н.Бекназаров", "Н. Бекназаров", "Бекназаров Н.", "Имя Фамилия", "Имя Фамилия Отчество"
NAME_RE = re.compile(
    rf"(?<![\w.-])(?:[{_UP}]\.\s?{_CAP}|{_CAP}\s[{_UP}]\.(?!\w)|{_CAP}(?:\s{_CAP}){{1,9}})(?![\w-])"
)
_WORD = re.compile(rf"[{_UP}{_LOW}\d№]+(?:-[{_UP}{_LOW}]+)*|[^\s\w]")
_CONJ = frozenset("и пен мен бен және а также".split())
_BOUNDARY = frozenset('.!?;:«»"“”„()[]—–')
# Senate words and posts
_SENATE = ("сенат", "senat")
_SENATOR = ("сенатор", "senator")
_SENATE_HEADS = ("депутат", "председател", "спикер", "вице", "заместител", "член", "төраға",
                 "орынбасар", "спикері", "палат", "парламентари", "depýtat", "deputat", "tóraǵa",
                 "töraǵa", "törağa", "orynbasar", "spıker", "spiker",
                 # English: "Deputy of the Senate", "Member of the Senate", "Senate Speaker"
                 "deputy", "chair", "speaker", "member", "vice")  # fmt: skip
_DEPUTY = ("заместител", "вице", "орынбасар", "vice")
_CHAIR = ("председател", "спикер", "төраға", "tóraǵa", "töraǵa", "törağa", "spıker", "spiker",
          "chair", "speaker")  # fmt: skip
_OTHER_HOUSE = ("мажилис", "мәжіліс", "маслихат", "мәслихат", "мажлис", "májilis", "mäjılıs",
                "mazhilis", "máslihat", "mäslihat", "majilis", "maslikhat", "lower")  # fmt: skip
# English roles: "Minister of Justice", "Prosecutor General", "akim of the region"; an English
# "deputy" is a senator only beside the Senate ("Deputy of the Senate"), never bare
_EN_ROLES = ("akim", "mayor", "governor", "minister", "prosecutor", "counsel", "adviser",
             "advisor", "rector", "director", "head", "chief", "president", "judge", "ombudsman",
             "commissioner", "secretary", "expert", "scientist", "analyst", "professor",
             "teacher", "student", "resident", "veteran", "activist", "representative",
             "employee", "worker", "farmer", "entrepreneur", "journalist", "correspondent",
             "blogger", "lawyer", "attorney", "participant", "moderator", "chair", "deputy",
             "member", "speaker", "leader", "founder", "principal", "dean", "doctor", "officer",
             "official", "ambassador")  # fmt: skip
_BARE_DEPUTY = ("депутат", "depýtat", "deputat")
# Roles that are never a senator (stems; Russian and Kazakh)
OTHER_ROLES = (
    "прокурор", "аким", "әкім", "министр", "вице-министр", "советник", "кеңесші", "ректор",
    "проректор", "директор", "руководител", "басшы", "глава", "главы", "начальник", "президент",
    "судья", "судьи", "омбудсмен", "уполномоченн", "секретар", "хатшы", "эксперт", "сарапшы",
    "политолог", "профессор", "доцент", "учител", "мұғалім", "педагог", "врач", "дәрігер",
    "студент", "школьни", "оқушы", "житель", "жительниц", "тұрғын", "ветеран", "ардагер",
    "активист", "представител", "өкіл", "сотрудник", "қызметкер", "работник", "жұмысшы",
    "фермер", "предпринимател", "кәсіпкер", "журналист", "корреспондент", "тілші", "блогер",
    "председател", "төраға", "заместител", "орынбасар", "член", "мүше", "атаман", "имам",
    "священник", "генерал", "командир", "полковник", "спортсмен", "чемпион", "артист",
    "певиц", "писател", "жазушы", "ақын", "поэт", "механизатор", "медсестр", "мейірбике",
    "юрист", "заңгер", "адвокат", "нотариус", "аналитик", "участни", "қатысушы", "депутат",
    "спикер", "модератор", "ведущ", "жүргізуші", "автор", "фото", "сурет",
    # Kazakh in Latin script
    "ákim", "äkım", "mınıstr", "ministr", "depýtat", "deputat", "tóraǵa", "töraǵa", "törağa",
    "orynbasar", "hatshy", "hatşy", "rektor", "dırektor", "direktor", "basshy", "basşy",
    "prokýror", "prokuror", "keńesshi", "keñesşı",
    *_EN_ROLES,
)  # fmt: skip
_STATE_COUNSELLOR = ("государственн", "мемлекеттік")
_MAX_ROLE_WORDS = 7
_VERB_ENDINGS = ("ил", "ила", "или", "ал", "ала", "али", "ел", "ела", "ели", "ет", "ит", "ют",
                 "ял", "яла", "яли", "ыл", "ыла", "ыли", "ул", "ула", "ули",
                 "ат", "ят", "ды", "ді", "ты", "ті", "ған", "ген", "қан", "кен")  # fmt: skip
_ROLE_STOP = frozenset(
    "в во на с со по о об при для из за от до у к ко после где когда который которая которые "
    "что как это также кроме затем однако сегодня вчера ранее далее ал ол олар бүгін кеше "
    "сондай-ақ сонымен қатар бұдан кейін словам мнению сөзінше айтуынша пікірінше "
    # English words a role never runs across ("met with residents", "according to")
    "with by at in on to from for that which who whom and or as after during while when where "
    "about into also met has have had was were is are will".split()
)


@dataclass(frozen=True)
class Role:
    """What the words around a name say about the person."""

    text: str  # the role phrase as written ("Председатель Мажилиса", "аудан әкімі")
    senator: bool
    post: str | None = None  # chair | deputy_chair for the Senate's leadership


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str  # the name as written ("Айдоса Ержанова", "Н.Бекназаров")
    role: Role | None


def _starts(word: str, stems: tuple[str, ...]) -> bool:
    return word.startswith(stems)


def mentions_senate(text: str) -> bool:
    """Does the text name the Senate or a senator at all? Without it, a bare "депутат" is a
    deputy of some other body (a maslikhat, the Mazhilis), never a senator."""
    return any(_starts(w, _SENATE) for w in fold(text).split())


def is_role_stem(word: str) -> bool:
    return _starts(fold(word), OTHER_ROLES)


def classify(phrase: str, *, senate_context: bool = True) -> Role | None:
    """'депутат Сената Парламента РК' → senator; 'Председатель Мажилиса' → other; '' → None."""
    low = fold(phrase)
    items = low.split()
    if not items:
        return None
    has_senate = any(_starts(w, _SENATE) and not _starts(w, _SENATOR) for w in items) or bool(
        re.search(r"\bверхн\w* палат|\bupper (?:house|chamber)", low)  # "спикер верхней палаты"
    )
    other_house = any(_starts(w, _OTHER_HOUSE) for w in items)
    senator_word = any(_starts(w, _SENATOR) for w in items)
    text = " ".join(phrase.split())
    if (senator_word or has_senate) and not other_house:
        heads = [w for w in items if _starts(w, _SENATE_HEADS)]
        if senator_word or heads:
            post = None
            english_deputy = "deputy" in items and any(_starts(w, _CHAIR) for w in items)
            if has_senate and (english_deputy or any(_starts(w, _DEPUTY) for w in items)):
                post = "deputy_chair"
            elif has_senate and any(_starts(w, _CHAIR) for w in items):
                post = "chair"
            return Role(text, True, post)
    # fold() splits "вице-спикер" into two words
    vice_speaker = any(
        a in ("вице", "vice") and b.startswith(("спикер", "speaker")) for a, b in pairwise(items)
    )
    if not has_senate and not other_house and vice_speaker:
        return Role(text, True, "deputy_chair") if senate_context else Role(text, False)
    if other_house or any(_starts(w, OTHER_ROLES) for w in items):
        bare = all(_starts(w, _BARE_DEPUTY) for w in items if _starts(w, OTHER_ROLES))
        if bare and not other_house and senate_context:
            return Role(text, True)  # "депутат X" in a Senate release: a senator
        return Role(text, False)
    if any(_starts(w, _STATE_COUNSELLOR) for w in items) and any(
        _starts(w, ("советник", "кеңесші")) for w in items
    ):
        return Role(text, False)
    return None


def _is_verb(word: str, before: str = "") -> bool:
    """Does the word end like a verb? `before` is the word in front of it: the Kazakh past
    ending -ды/-ті is also a possessive noun's ('Парламенті', capitalised) and a Russian
    genitive's after an adjective ('социальной защиты')."""
    low = word.casefold()
    if is_speech_word(word) or (len(low) > 5 and low.endswith(("ся", "сь"))):
        return True
    if low.isascii() and low.isalpha() and len(low) > 4 and low.endswith("ed"):
        return True  # English past: "Senator X discussed … with National Defense University"
    if low in ("өтті", "етті", "берді", "қылды"):  # "атап өтті", "мәлім етті"
        return True
    if low.endswith(_KK_PAST) and (word[:1].isupper() or before.casefold().endswith(_RU_GEN)):
        return False
    return len(low) > 4 and low.endswith(_VERB_ENDINGS) and not _starts(low, _NOT_VERBS)


_KK_PAST = ("ды", "ді", "ты", "ті")
_RU_GEN = ("ой", "ей", "ого", "его", "ых", "их")


# Nouns that end like a verb: "мәслихат" ("-ат": "облыстық мәслихат депутаттары"), "Сенат",
# "палаты", role words.
_NOT_VERBS = (*OTHER_ROLES, *_OTHER_HOUSE, *_SENATE, "палат")


_KK_ADJECTIVE = ("лық", "лік", "дық", "дік", "тық", "тік")  # 'аудандық', 'облыстық', 'қалалық'
_RU_ADJECTIVE = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему", "ым", "им")
_HEAD_STEMS = (*OTHER_ROLES, *_SENATOR, *_SENATE, *_OTHER_HOUSE, "вице", "генеральн",
               "государствен", "мемлекеттік", "vice", "state")  # fmt: skip


def trim_role(phrase: str) -> str:
    """The role itself, without the clause before it: 'ней приняли участие Председатель
    Мажилиса' → 'Председатель Мажилиса'. Before the role word stay Russian adjectives
    ('Генеральный прокурор') and, before a Kazakh possessive head, its qualifiers ('Ақтөбе
    облысының әкімі', 'аудан әкімі')."""
    tokens = phrase.split()
    heads = [i for i, t in enumerate(tokens) if _starts(fold(t), _HEAD_STEMS)]
    if not heads:
        return phrase
    first = heads[0]
    # a possessive head ('аудан әкімі') or a genitive one that qualifies the next ('облыс
    # әкімінің орынбасары'): its qualifiers stand before it
    possessive = ("ы", "і", "сы", "сі", "ның", "нің")
    kazakh_head = fold(tokens[first]).endswith(possessive)
    bare = first + 1 in heads and _starts(fold(tokens[first]), _OTHER_HOUSE)
    if not kazakh_head and bare and fold(tokens[first + 1]).endswith(possessive):
        # 'аудандық мәслихат депутаты': a bare noun before the possessive head keeps its
        # adjective ('мәслихат депутаты' lost 'аудандық'), and only that ('Кездесуге …')
        if first > 0 and fold(tokens[first - 1]).endswith(_KK_ADJECTIVE):
            first -= 1
        return " ".join(tokens[first:])
    while first > 0 and heads[0] - first < 2:
        prev = tokens[first - 1]
        low = fold(prev)
        kk_verb = is_speech_word(prev) or low.endswith(("ды", "ді", "ты", "ті", "ған", "ген"))
        kk_where = re.search(r"(?:дағы|дегі|тағы|тегі|нда|нде|уда|уде)$", low)  # 'Кездесуде'
        if low.endswith(_RU_ADJECTIVE) or (
            kazakh_head and not kk_verb and not kk_where and low not in _ROLE_STOP
        ):
            first -= 1
        else:
            break
    if tokens[first].endswith("»"):  # "«Ассамблея жастары» РҚБ төрағасы": the whole name
        opening = next((j for j in range(first, -1, -1) if tokens[j].startswith("«")), first)
        first = opening if first - opening <= 4 else first
    return " ".join(tokens[first:])


def _left_phrase(text: str, start: int) -> tuple[str, int]:
    """The role words right before a name: back to a boundary, a verb or a function word.
    A role may hold an «organisation» ('председатель партии «Ауыл»') or an 'и' between its
    word and its complements ('Министр труда и социальной защиты')."""
    tokens = [(m.group(0), m.start()) for m in _WORD.finditer(text, max(0, start - 160), start)]
    words: list[str] = []
    begin = start
    k = len(tokens)
    while k > 0:
        k -= 1
        token, pos = tokens[k]
        low = token.casefold()
        if token == "»" and (opening := _opening_quote(tokens, k)) is not None:
            kazakh_order = any(_starts(w.casefold(), OTHER_ROLES) for w in words)
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
        if token in _BOUNDARY or token == "," or low in _CONJ or low in _ROLE_STOP:
            break
        if _is_verb(token, tokens[k - 1][0] if k else "") and not _starts(
            low, (*_SENATOR, *_SENATE)
        ):
            break
        words.append(token)
        begin = pos
        if len(words) >= _MAX_ROLE_WORDS:
            break
    return " ".join(reversed(words)).replace("« ", "«").replace(" »", "»"), begin


def _opening_quote(tokens: list[tuple[str, int]], close: int) -> int | None:
    """Index of the '«' that a '»' at `close` closes, within a few words."""
    for j in range(close - 1, max(-1, close - 6), -1):
        if tokens[j][0] == "«":
            return j
        if tokens[j][0] in _BOUNDARY:
            return None
    return None


def _role_head_before(tokens: list[tuple[str, int]], at: int, *, complement: bool = False) -> bool:
    """Is there a role word one or two words before index `at` ('партии «…»' after
    'председатель'; 'труда и …' after 'Министр')? With `complement` the role word must have
    a word after it before `at` ('Министр труда и'), never stand right before it
    ('с жителями и Анной …' is a list, not a role)."""
    lows = [t.casefold() for t, _ in tokens[max(0, at - 2) : at]]
    if complement:
        return len(lows) == 2 and _starts(lows[0], OTHER_ROLES) and lows[1].isalpha()
    return any(_starts(w, OTHER_ROLES) for w in lows)


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
    heads = (*OTHER_ROLES, *_SENATOR, *_SENATE, "депутат", "depýtat", "deputat")
    if not 1 <= len(items) <= 7 or not _starts(items[-1], heads):
        return ""
    verbs = [_is_verb(t.strip("«»"), tokens[i - 1] if i else "") for i, t in enumerate(tokens)]
    return "" if any(verbs) else role


def _right_phrase(text: str, end: int) -> str:
    """An apposition after a name: ', депутат Сената' up to the next comma or stop."""
    match = re.match(r"\s*,\s*([^,.;:!?«»()\n]{3,80})", text[end:])
    if match is None:
        return ""
    phrase = match.group(1)
    first = fold(phrase).split()[:1]
    if not first or not (
        _starts(first[0], OTHER_ROLES) or _starts(first[0], (*_SENATOR, *_SENATE))
    ):
        return ""
    return phrase


def _list_gap(text: str) -> bool:
    """Is the text between two names a list joint (' и ', ', ', ' пен ', ' және ')?"""
    low = text.casefold().strip()
    return low in ("", ",", "и", "пен", "мен", "бен", "және", "а также") or bool(
        re.fullmatch(r",\s*(?:и|а также|және)?", low)
    )


def find_mentions(text: str, *, senate_context: bool = True) -> list[Mention]:
    """Every name-shaped span with the role its context gives (None when it gives none)."""
    mentions: list[Mention] = []
    for match in NAME_RE.finditer(text):
        start, surface = match.start(), match.group(0)
        if _named_after(text, start, match.end()):
            continue
        phrase, _ = _left_phrase(text, start)
        left = fold(phrase).split()[-1:]
        lead, rest = _split_lead(surface, after_role=bool(left) and _starts(left[0], OTHER_ROLES))
        offset = surface.find(rest)
        start += max(0, offset)
        surface = rest
        if len(surface.split()) < 2 and "." not in surface:
            continue
        if _english_body(match.group(0), surface, text[match.end() :]):
            continue
        phrase = trim_role(" ".join(p for p in (phrase, lead) if p))
        role = classify(phrase, senate_context=senate_context) if phrase else None
        previous = mentions[-1] if mentions else None
        if previous is not None and _list_gap(text[previous.end : start]):
            own_words = phrase.split()
            if role is None and not own_words and previous.role is not None:
                role = previous.role  # "Сенаторы X и Y", "X пен Y"
        if role is None:
            role = classify(_right_phrase(text, match.end()), senate_context=senate_context)
        if role is None and (caption := _caption_role(text, match.end())):
            role = classify(caption, senate_context=senate_context) or Role(caption, False)
        mentions.append(Mention(start, match.end(), surface, role))
    _share_trailing_roles(text, mentions)
    taken = [(m.start, m.end) for m in mentions]
    for match in _SINGLE.finditer(text):  # "вице-спикера Сената Перепечиной", "сенатор Есбай"
        if any(s <= match.start() < e for s, e in taken) or _is_institution(match.group(0)):
            continue
        if _named_after(text, match.start(), match.end()):
            continue
        phrase, _ = _left_phrase(text, match.start())
        last = fold(phrase).split()[-1:]
        if not last or not _starts(last[0], (*OTHER_ROLES, *_SENATOR, *_SENATE, *_OTHER_HOUSE)):
            continue  # only right after a role word: "вице-спикера Сената Перепечиной"
        role = classify(phrase, senate_context=senate_context)
        if role is not None:
            mentions.append(Mention(match.start(), match.end(), match.group(0), role))
    return sorted(mentions, key=lambda m: m.start)


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
    (*_EN_ROLES, "chairman", "chairwoman", "chairperson", "vice", "state", "general", "first",
     "senior", "acting", "executive", "senator", "senate", "mazhilis", "majilis")
)  # fmt: skip


def _english_body(span: str, surface: str, after: str) -> bool:
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


_SINGLE = re.compile(rf"(?<![\w.-]){_CAP}(?![\w-])(?!\s+{_CAP})")


# "Қ.Сәтбаев атындағы университет", "школа им. Абая", "имени Л.Н. Гумилева": the name of an
# institution, not a person at the meeting
_NAMED_AFTER_RIGHT = re.compile(r"\s*(?:атындағы|atyndaǵy|atyndagy|atyndağy)\b", re.I)
_NAMED_AFTER_LEFT = re.compile(rf"(?:\bим\.|\bимени)\s*(?:[{_UP}]\.\s?)*$", re.I)


def _named_after(text: str, start: int, end: int) -> bool:
    return bool(
        _NAMED_AFTER_RIGHT.match(text, end)
        or _NAMED_AFTER_LEFT.search(text[max(0, start - 20) : start])
    )


_NAMED_AFTER_SPAN = re.compile(
    rf"(?:[{_UP}]\.\s?)*{_CAP}(?:\s{_CAP})?\s+(?:атындағы|atyndaǵy|atyndagy|atyndağy)\b"
    rf"|(?:\bим\.|\bимени)\s*(?:[{_UP}]\.\s?)*{_CAP}(?:\s{_CAP})?"
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


_LEAD_WORDS = (*_SENATOR, *_SENATE, *OTHER_ROLES, "генеральн", "государствен", "мемлекеттік",
               "вице", "бас", "облыс", "аудан", "қала")  # fmt: skip


def _split_lead(surface: str, *, after_role: bool = False) -> tuple[str, str]:
    """'Сенатор Арман Куатбеков' → ('Сенатор', 'Арман Куатбеков'); role/institution words
    glued to the name by capitals are context, and a name is its last two or three words.
    `after_role`: a lowercase role word stands right before ('заместитель акима Города Имя
    Фамилия'), so a first capitalised word is what the role is of. A country's name is never
    a first name ('Қазақстан Жазушылар одағы' is a body)."""
    parts = surface.split()
    if len(parts) == 2 and _starts(fold(parts[0]), _COUNTRY):
        return surface, ""
    lead: list[str] = []
    while len(parts) > 2 and (
        _starts(fold(parts[0]), _LEAD_WORDS) or _is_institution(parts[0]) or parts[0].isupper()
    ):
        lead.append(parts.pop(0))
    if len(parts) == 2 and _starts(fold(parts[0]), (*_SENATOR, *_SENATE, "депутат")):
        return " ".join([*lead, parts[0]]), parts[1]
    if len(parts) == 2 and lead and _is_institution(parts[0]):
        return " ".join([*lead, parts[0]]), parts[1]  # "… Республики Казахстан Жакип": no name
    if len(parts) >= 3 and not _patronymic(parts[2]):
        shaped = [i for i in range(1, len(parts)) if surname_like(parts[i])]
        # "Аким Астаны Женис Касымбек": after a role word comes what the role is of (a city, a
        # ministry), so with no surname shape to go by the name is the last two words
        of_role = (lead and _starts(fold(lead[-1]), OTHER_ROLES)) or (after_role and not lead)
        fallback = len(parts) - 1 if of_role else 1
        i = shaped[0] if shaped else fallback
        lead += parts[: i - 1]
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


_PATRONYMIC_CASE = re.compile(r"(?:ович|евич|овн|евн|ұлы|улы|қызы|кызы)(?:а|у|ем|е|ой|ы|ну)?$")


_COUNTRY = ("казахстан", "қазақстан", "kazakhstan", "qazaqstan")


def _is_institution(word: str) -> bool:
    return _starts(fold(word), ("мажилис", "мәжіліс", "парламент", "сенат", "республик", "рк",
                                "казахстан", "қазақстан", "президент", "правительств"))  # fmt: skip


def role_words(piece: str, *, senate_context: bool = True) -> list[Role]:
    """Role phrases standing without a name: 'сказал аким' → [аким], 'деді аудан әкімі' →
    [аудан әкімі], 'отметил сенатор' → [сенатор]; each phrase is a role word with the words
    that qualify it (two before it in Kazakh order, three after it in Russian order)."""
    tokens = [m.group(0) for m in _WORD.finditer(piece)]
    roles: list[Role] = []
    used = -1
    for i, token in enumerate(tokens):
        low = token.casefold()
        if i <= used:
            continue
        if not (
            _starts(low, OTHER_ROLES) or _starts(low, _SENATOR) or low.startswith("вице-спикер")
        ):
            continue
        before: list[str] = []
        for prev in reversed(tokens[max(0, i - 2) : i]):
            if prev in _BOUNDARY or prev == "," or _is_verb(prev) or prev.casefold() in _ROLE_STOP:
                break
            before.insert(0, prev)
        after: list[str] = []
        reach = 6 if token.isascii() else 4  # "Deputy Chairman of the Senate": English order
        for nxt in tokens[i + 1 : i + reach]:
            if nxt in _BOUNDARY or nxt == "," or _is_verb(nxt) or nxt.casefold() in _ROLE_STOP:
                break
            after.append(nxt)
        role = classify(" ".join([*before, token, *after]), senate_context=senate_context)
        if role is not None:
            roles.append(role)
            used = i + len(after)
    return roles
