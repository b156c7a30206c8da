"""Role phrases and what they make a person: who is a senator is decided by words ("сенатор",
"депутат Сената", "Сенат төрағасы", "вице-спикер Сената"), never by being near a senator; another
role ("Генеральный прокурор", "Председатель Мажилиса", "аудан әкімі") makes a person an other
speaker. Works on plain text in Russian and Kazakh (no NER needed). The names those roles stand
beside are found in `mentions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from retrieval.ingest.quotes import is_speech_word
from retrieval.ingest.text import fold

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІÁÓÚÝŃǴÜÖŞĞÇ"  # Kazakh Latin letters too (Áshimbaev, Ǵalym)
LOWER = "a-zа-яёәғқңөұүһіáóúýńǵıüöşğç"
CAPITALISED = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)?"
WORD = re.compile(rf"[{UPPER}{LOWER}\d№]+(?:-[{UPPER}{LOWER}]+)*|[^\s\w]")
BOUNDARY = frozenset('.!?;:«»"“”„()[]—–')
# Senate words and posts
SENATE = ("сенат", "senat")
SENATOR = ("сенатор", "senator")
_SENATE_HEADS = ("депутат", "председател", "спикер", "вице", "заместител", "член", "төраға",
                 "орынбасар", "спикері", "палат", "парламентари", "depýtat", "deputat", "tóraǵa",
                 "töraǵa", "törağa", "orynbasar", "spıker", "spiker",
                 # English: "Deputy of the Senate", "Member of the Senate", "Senate Speaker"
                 "deputy", "deputies", "chair", "speaker", "member", "vice")  # fmt: skip
_DEPUTY = ("заместител", "вице", "орынбасар", "vice")
# a committee or commission of the Senate: its chair or deputy chair holds no Senate post
_BODY_OF_SENATE = ("комитет", "комисси", "committee", "commission", "komıtet", "komitet")
_CHAIR = ("председател", "спикер", "төраға", "tóraǵa", "töraǵa", "törağa", "spıker", "spiker",
          "chair", "speaker")  # fmt: skip
OTHER_HOUSE = ("мажилис", "мәжіліс", "маслихат", "мәслихат", "мажлис", "májilis", "mäjılıs",
                "mazhilis", "máslihat", "mäslihat", "majilis", "maslikhat", "lower")  # fmt: skip
# English roles: "Minister of Justice", "Prosecutor General", "akim of the region"; an English
# "deputy" is a senator only beside the Senate ("Deputy of the Senate"), never bare
EN_ROLES = ("akim", "mayor", "governor", "minister", "prosecutor", "counsel", "adviser",
             "advisor", "rector", "director", "head", "chief", "president", "judge", "ombudsman",
             "commissioner", "secretary", "expert", "scientist", "analyst", "professor",
             "teacher", "student", "resident", "veteran", "activist", "representative",
             "employee", "worker", "farmer", "entrepreneur", "journalist", "correspondent",
             "blogger", "lawyer", "attorney", "participant", "moderator", "chair", "deputy",
             "deputies",
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
    "спикер", "модератор", "ведущ", "жүргізуші", "автор", "фото", "сурет", "мажилисмен",
    # Kazakh in Latin script
    "ákim", "äkım", "mınıstr", "ministr", "depýtat", "deputat", "tóraǵa", "töraǵa", "törağa",
    "orynbasar", "hatshy", "hatşy", "rektor", "dırektor", "direktor", "basshy", "basşy",
    "prokýror", "prokuror", "keńesshi", "keñesşı",
    *EN_ROLES,
)  # fmt: skip
_STATE_COUNSELLOR = ("государственн", "мемлекеттік")
_VERB_ENDINGS = ("ил", "ила", "или", "ал", "ала", "али", "ел", "ела", "ели", "ет", "ит", "ют",
                 "ял", "яла", "яли", "ыл", "ыла", "ыли", "ул", "ула", "ули",
                 "ат", "ят", "ды", "ді", "ты", "ті", "ған", "ген", "қан", "кен")  # fmt: skip
ROLE_STOP = frozenset(
    "в во на с со по о об при для из за от до у к ко после где когда который которая которые "
    "что как это также кроме затем однако сегодня вчера ранее далее ал ол олар бүгін кеше "
    "сондай-ақ сонымен қатар бұдан кейін словам мнению сөзінше айтуынша пікірінше "
    "туралы жөнінде "  # "Бұл туралы ЕҰУ проректоры X": the role starts after "about this"
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


def starts(word: str, stems: tuple[str, ...]) -> bool:
    return word.startswith(stems)


def bare_deputy_is_senator(text: str) -> bool:
    """Is a bare "депутат" in this text a senator? Only when it names the Senate or a senator
    and no other house: without the Senate it is a deputy of some other body; beside the Mazhilis
    or a maslikhat ("Сенат пен Мәжіліс депутаттары қатысты") it may be either, and a wrong
    senator is worse than an unattributed quote. The roster still knows its senators."""
    return names_senate(text) and not any(starts(w, OTHER_HOUSE) for w in fold(text).split())


def names_senate(text: str) -> bool:
    """Does the text name the Senate or a senator (any case, either script)?"""
    return any(starts(w, SENATE) for w in fold(text).split())


def is_role_stem(word: str) -> bool:
    return starts(fold(word), OTHER_ROLES)


def classify(phrase: str, *, senate_context: bool = True) -> Role | None:
    """'депутат Сената Парламента РК' → senator; 'Председатель Мажилиса' → other; '' → None."""
    low = fold(phrase)
    items = low.split()
    if not items:
        return None
    has_senate = any(starts(w, SENATE) and not starts(w, SENATOR) for w in items) or bool(
        re.search(r"\bверхн\w* палат|\bupper (?:house|chamber)", low)  # "спикер верхней палаты"
    )
    other_house = any(starts(w, OTHER_HOUSE) for w in items)
    senator_word = any(starts(w, SENATOR) for w in items)
    text = " ".join(phrase.split())
    if (senator_word or has_senate) and not other_house:
        heads = [w for w in items if starts(w, _SENATE_HEADS)]
        if senator_word or heads:
            post = None
            english_deputy = "deputy" in items and any(starts(w, _CHAIR) for w in items)
            if any(starts(w, _BODY_OF_SENATE) for w in items):
                pass  # "Председатель Комитета Сената", "комитетінің төрағасы": the committee's
            elif has_senate and (english_deputy or any(starts(w, _DEPUTY) for w in items)):
                post = "deputy_chair"
            elif has_senate and any(starts(w, _CHAIR) for w in items):
                post = "chair"
            return Role(text, True, post)
    # fold() splits "вице-спикер" into two words
    vice_speaker = any(
        a in ("вице", "vice") and b.startswith(("спикер", "speaker")) for a, b in pairwise(items)
    )
    if not has_senate and not other_house and vice_speaker:
        return Role(text, True, "deputy_chair") if senate_context else Role(text, False)
    if other_house or any(starts(w, OTHER_ROLES) for w in items):
        bare = all(starts(w, _BARE_DEPUTY) for w in items if starts(w, OTHER_ROLES))
        if bare and not other_house and senate_context:
            return Role(text, True)  # "депутат X" in a Senate release: a senator
        return Role(text, False)
    if any(starts(w, _STATE_COUNSELLOR) for w in items) and any(
        starts(w, ("советник", "кеңесші")) for w in items
    ):
        return Role(text, False)
    return None


def is_verb(word: str, before: str = "") -> bool:
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
    return len(low) > 4 and low.endswith(_VERB_ENDINGS) and not starts(low, _NOT_VERBS)


_KK_PAST = ("ды", "ді", "ты", "ті")
_RU_GEN = ("ой", "ей", "ого", "его", "ых", "их")


# Nouns that end like a verb: "мәслихат" ("-ат": "облыстық мәслихат депутаттары"), "Сенат",
# "палаты", role words.
_NOT_VERBS = (*OTHER_ROLES, *OTHER_HOUSE, *SENATE, "палат")


_KK_ADJECTIVE = ("лық", "лік", "дық", "дік", "тық", "тік")  # 'аудандық', 'облыстық', 'қалалық'
_RU_ADJECTIVE = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему", "ым", "им")
_HEAD_STEMS = (*OTHER_ROLES, *SENATOR, *SENATE, *OTHER_HOUSE, "вице", "генеральн",
               "государствен", "мемлекеттік", "vice", "state")  # fmt: skip


def trim_role(phrase: str) -> str:
    """The role itself, without the clause before it: 'ней приняли участие Председатель
    Мажилиса' → 'Председатель Мажилиса'. Before the role word stay Russian adjectives
    ('Генеральный прокурор') and, before a Kazakh possessive head, its qualifiers ('Ақтөбе
    облысының әкімі', 'аудан әкімі')."""
    tokens = phrase.split()
    heads = [i for i, t in enumerate(tokens) if starts(fold(t), _HEAD_STEMS)]
    if not heads:
        return phrase
    first = heads[0]
    # a possessive head ('аудан әкімі') or a genitive one that qualifies the next ('облыс
    # әкімінің орынбасары'): its qualifiers stand before it
    possessive = ("ы", "і", "сы", "сі", "ның", "нің")
    kazakh_head = fold(tokens[first]).endswith(possessive)
    bare = first + 1 in heads and starts(fold(tokens[first]), OTHER_HOUSE)
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
            kazakh_head and not kk_verb and not kk_where and low not in ROLE_STOP
        ):
            first -= 1
        else:
            break
    if tokens[first].endswith("»"):  # "«Ассамблея жастары» РҚБ төрағасы": the whole name
        opening = next((j for j in range(first, -1, -1) if tokens[j].startswith("«")), first)
        first = opening if first - opening <= 4 else first
    return " ".join(tokens[first:])


def role_words(piece: str, *, senate_context: bool = True) -> list[Role]:
    """Role phrases standing without a name: 'сказал аким' → [аким], 'деді аудан әкімі' →
    [аудан әкімі], 'отметил сенатор' → [сенатор]; each phrase is a role word with the words
    that qualify it (two before it in Kazakh order, three after it in Russian order)."""
    tokens = [m.group(0) for m in WORD.finditer(piece)]
    roles: list[Role] = []
    used = -1
    for i, token in enumerate(tokens):
        low = token.casefold()
        if i <= used:
            continue
        if not (starts(low, OTHER_ROLES) or starts(low, SENATOR) or low.startswith("вице-спикер")):
            continue
        before: list[str] = []
        for prev in reversed(tokens[max(0, i - 2) : i]):
            if prev in BOUNDARY or prev == "," or is_verb(prev) or prev.casefold() in ROLE_STOP:
                break
            before.insert(0, prev)
        after: list[str] = []
        reach = 6 if token.isascii() else 4  # "Deputy Chairman of the Senate": English order
        for nxt in tokens[i + 1 : i + reach]:
            if nxt in BOUNDARY or nxt == "," or is_verb(nxt) or nxt.casefold() in ROLE_STOP:
                break
            after.append(nxt)
        role = classify(" ".join([*before, token, *after]), senate_context=senate_context)
        if role is not None:
            roles.append(role)
            used = i + len(after)
    return roles
