"""Who is speaking: names, senator words and verb number in a quote tail or reporting clause."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from retrieval.ingest.nlp import Ent, Sent, Tok
from retrieval.ingest.quotes import is_speech_word
from retrieval.ingest.roles import OTHER_HOUSE
from retrieval.ingest.text import fold

Number = Literal["sing", "plur"]
_SING_PRONOUNS = frozenset(
    "он она его её ее ему ей него неё нее ол оның оған ol onyń onyñ he she his her".split()
)
_PLUR_PRONOUNS = frozenset("они их им ними олар олардың оларға olar they their".split())
_SENATOR_STEMS = ("сенатор", "депутат", "парламентари", "senator", "deput")
_PLURAL_ENDINGS = ("ы", "ов", "ам", "ами", "ах", "и", "ий", "иям", "иями", "лар", "тар", "лардың",
                   "тардың", "s")  # fmt: skip
_IMPERSONAL = frozenset(
    "подчеркнуто подчёркнуто отмечено отмечалось подчеркивалось подчёркивалось говорилось "
    "указывалось указано сказано заявлено акцентировано высказано".split()
)
_KK_FILLER = frozenset(
    "деді деп дейді айтты атап өтті көрсетті мәлімдеді жеткізді түсіндірді қосты түйіндеді "
    "білдірді баса ерекше өз сөзінде сөйлеген кездесуде жиында сондай ақ тағы да де та те "
    "сенатор депутат ол олар сенаторлар депутаттар сенат сенаты депутаты жауап берді "
    "dedi dedı dep atap ótti ötti senator senatorlar depýtat deputat senat jaýap jauap "
    "berdi".split()
)
_ROLE_STEMS = (
    "аким", "әкім", "министр", "президент", "глав", "директор", "руководител", "председател",
    "ректор", "заместител", "начальник", "мэр", "губернатор", "посол", "эксперт", "житель",
    "жительниц", "участник", "учитель", "врач", "студент", "ветеран", "представител",
)  # fmt: skip
_CLAUSE_END = re.compile(r",?\s+(?:что|о том|будто)\b|:")
# Kazakh has no case ending on a subject: a bare (plural, possessive) word for other people
# before the verb ("Кездесуге қатысушылар … атап өтті", "Журналистер одан … сұрады") is the
# subject, and the senator is not.
_KK_OTHER_PEOPLE = re.compile(
    r"^(?:қатысушы|тұрғын|журналист|тілші|жастар|студент|оқушы|мұғалім|ұстаз|дәрігер|фермер"
    r"|кәсіпкер|ардагер|зейнеткер|қызметкер|жұмысшы|маман|сарапшы|ғалым|өкіл|әкім|министр"
    r"|жиналған|жиылған|тыңдаушы|көрермен|ата-ана|азамат|сайлаушы"
    r"|мүшелер|белсенділер"  # plural only: 'комитет мүшесі' may be the senator
    r"|qatysýshy|qatysushy|turǵyn|turğyn|jýrnalıst|jurnalist|tilshi|tılşı|jastar|stýdent"
    r"|student|oqýshy|oquşy|muǵalim|mūğalım|ákim|äkım)"
    r"(?:дар|дер|тар|тер|лар|лер|dar|der|tar|ter|lar|ler)?(?:ы|і|сы|сі|y|i|sy|si)?$"
)
_KK_PLURAL = re.compile(r"(?:дар|дер|тар|тер|лар|лер|dar|der|tar|ter|lar|ler)(?:ы|і|y|i)?$")
# Words after which such a noun is no subject: "тұрғындар үшін", "жастар арасында"
_KK_POSTPOSITIONS = frozenset(
    "үшін туралы арасында алдында сияқты секілді жөнінде бойынша қатысты мен пен бен "
    "úshin týraly arasynda aldynda sııaqty boıynsha qatysty men pen ben".split()
)
# A question is the asker's, never the words of the person asked: "Журналисты спросили
# сенатора …", "Журналистер одан … деп сұрады", "тұрғындар сауал қойды"
_ASKING_RU = ("спросил", "спрашива", "поинтересова", "интересовал")
_ASKING_KK = frozenset("сұрады сұрап сұраған сұрағанда surady surap suraǵan".split())
_QUESTION_KK = frozenset("сұрақ сұрақтар сауал сауалдар suraq saýal".split())
_QUESTION_VERB_KK = frozenset("қойды қойып жолдады qoıdy qoıyp joldady".split())


_ASKING_EN = frozenset("asked asks inquired wondered".split())
_QUESTION_VERB_EN = frozenset("voiced raised put posed".split())
# English has no case either: a bare plural for other people opening the clause is its subject
# ("Students asked about …", "Residents noted that …"), never the senator
_EN_OTHER_PEOPLE = frozenset(
    "students residents participants teachers farmers journalists veterans doctors pupils "
    "servicemen attendees citizens workers employees activists youth villagers parents "
    "entrepreneurs experts representatives locals".split()
)


def asks(toks: Sequence[Tok]) -> bool:
    """Is the clause's verb one of asking (a question, not a statement)?"""
    lows = [t.lower for t in toks]
    for i, low in enumerate(lows):
        if low.startswith(_ASKING_RU) or low in _ASKING_KK or low in _ASKING_EN:
            return True
        if low in _QUESTION_VERB_EN and any(w.startswith("question") for w in lows[i + 1 : i + 3]):
            return True  # "servicemen voiced questions"
        if low in _QUESTION_KK and i + 1 < len(lows) and lows[i + 1] in _QUESTION_VERB_KK:
            return True
        if low.startswith("задал") and i + 1 < len(lows) and lows[i + 1].startswith("вопрос"):
            return True
    return False


def _kk_other_subject(toks: Sequence[Tok], *, named: bool = False) -> tuple[bool, bool]:
    """A Kazakh clause whose first person word is a bare noun for other people (a name in the
    clause still wins: names are weighed before this): (other, a plural group: 'азаматтар').
    `named`: the clause names someone, whom a house's post stands before as a title."""
    for i, tok in enumerate(toks):
        if not named and _other_house_post(toks, i):
            return True, False  # "Мәжіліс спикері …", "Мәжіліс депутаты …": another house's post
        if senator_word_number(tok.text) is not None:
            return False, False  # a senator word or «ол» comes first: that is the subject
        if _KK_OTHER_PEOPLE.match(tok.lower):
            following = toks[i + 1].lower if i + 1 < len(toks) else ""
            other = following not in _KK_POSTPOSITIONS
            return other, other and bool(_KK_PLURAL.search(tok.lower))
    return False, False


# The posts of a house's members and officers: "Мәжіліс спикері", "мәслихат төрағасы",
# "Мәжіліс депутаты" (Kazakh puts the house first, with no case ending on it)
_HOUSE_POSTS = ("спикер", "төраға", "депутат", "орынбасар", "мүше", "хатшы", "spıker", "spiker",
                "tóraǵa", "töraǵa", "törağa", "depýtat", "deputat", "orynbasar")  # fmt: skip


def _other_house_post(toks: Sequence[Tok], i: int) -> bool:
    """Is toks[i] the Mazhilis or a maslikhat followed by a post ('Мәжіліс спикері')? Not the
    Senate's: that post's subject is another house's member, never the meeting's senator."""
    if i + 1 >= len(toks) or not fold(toks[i].text).startswith(OTHER_HOUSE):
        return False
    return fold(toks[i + 1].text).startswith(_HOUSE_POSTS)


def senator_word_number(word: str) -> Number | None:
    """'сенатор' → sing, 'сенаторы' → plur, pronouns likewise; other words → None."""
    low = word.casefold()
    if low in _SING_PRONOUNS:
        return "sing"
    if low in _PLUR_PRONOUNS:
        return "plur"
    for stem in _SENATOR_STEMS:
        if low.startswith(stem):
            rest = low[len(stem) :]
            if stem == "парламентари":
                return "plur" if rest in ("и", "ев", "ям", "ями", "ях") else "sing"
            return "plur" if rest.startswith(_PLURAL_ENDINGS) and rest not in ("а", "у") else "sing"
    return None


def is_role_word(word: str) -> bool:
    return word.casefold().startswith(_ROLE_STEMS)


@dataclass
class Cue:
    """What a tail or a reporting clause says about its speaker."""

    names: list[str] = field(default_factory=list)
    number: Number | None = None  # from senator words, pronouns, impersonal or plural verbs
    other: bool = False  # a non-senator person is the subject ("жители", "аким")
    speech: bool = False  # has a verb of saying
    gender: str | None = None  # femn/masc of the verb of saying
    asking: bool = False  # a verb of asking: the sentence is a question, nobody's statement
    oblique: bool = False  # names someone only in an oblique case: not whose words they are
    # `other` comes only from a plural group opening the clause ("Егер азаматтар жобаны
    # қолдаса, …"): with no verb of saying, the group may be what a reported speaker speaks of
    group: bool = False


@dataclass(frozen=True)
class Resolution:
    speakers: list[str]
    problem: str | None = None  # issue code when the speaker cannot be told


# The outlet naming its source at a sentence's end: ", передаёт корреспондент агентства
# Kazinform.", ", сообщает Kazpravda.kz", ", деп хабарлайды Kazinform тілшісі", ", Qazinform
# correspondent reports." Its correspondent is no other speaker of the sentence.
_SOURCING = re.compile(
    r",\s+(?:(?:деп\s+)?(?:хабарлайды|жазады)|передает|передаёт|сообщает|пишет|информирует)"
    r"\s+[^,!?:«»\"]{1,60}?[.!]?\s*$"
    r"|,\s+[^,!?:«»\"]{1,60}?\b(?:reports|writes|informs)[.!]?\s*$",
    re.I,
)


def clause(sent: Sent, text: str) -> tuple[int, int]:
    """The reporting part of a sentence: before 'что'/':' (the reported content follows), and
    without the outlet's closing ', передаёт корреспондент X'."""
    match = _CLAUSE_END.search(text, sent.start, sent.stop)
    if match:
        return sent.start, match.start()
    source = _SOURCING.search(text[sent.start : sent.stop])
    return sent.start, sent.start + source.start() if source else sent.stop


def read_cue(
    toks: Sequence[Tok],
    names: list[str],
    name_ents: Sequence[Ent],
    *,
    kazakh: bool,
    tail: bool,
) -> Cue:
    """Collect speaker evidence from the tokens of a tail or reporting clause."""
    cue = Cue(names=list(names))
    in_name = [any(e.start <= t.start < e.stop for e in name_ents) for t in toks]
    for i, tok in enumerate(toks[1:], 1):  # "по словам депутата", "по его мнению"
        if tok.lower in ("словам", "мнению") and "по" in (
            toks[i - 1].lower,
            toks[max(0, i - 2)].lower,
        ):
            cue.speech = True
    for i, (tok, named) in enumerate(zip(toks, in_name, strict=True)):
        if not kazakh and _substantive_participle(toks, i):
            cue.other = True  # "выступающие призвали": those who spoke, not the senator alone
        if _namely(toks, i):
            continue  # "Атап айтқанда, X, Y …" ("namely"): a connective, nobody's saying
        if is_speech_word(tok.text) and tok.pos in ("VERB", "X", ""):
            cue.speech = True
            if cue.gender is None and tok.feats.get("Number") == "Sing":
                gender = tok.feats.get("Gender")
                cue.gender = {"Fem": "femn", "Masc": "masc"}.get(gender or "")
            if cue.number is None and tok.feats.get("Number") == "Plur" and not _has_subject(toks):
                cue.number = "plur"
        elif is_speech_word(tok.text):
            cue.speech = True
        low = tok.lower
        if low in _IMPERSONAL:
            cue.speech = True
            cue.number = cue.number or "plur"
        number = senator_word_number(tok.text)
        if number is not None and not named:
            cue.number = "sing" if "sing" in (number, cue.number) else "plur"
        elif (
            not named
            and (tail or not kazakh)
            and _is_other_subject(tok, kazakh=kazakh)
            and not _senate_post(toks, i)
        ):
            cue.other = True
    if kazakh and not tail:
        other, group = _kk_other_subject(toks, named=bool(cue.names))
        cue.group = group and not cue.other
        cue.other = cue.other or other
    words = [t.lower for t in toks if t.text[:1].isalpha() and t.lower != "the"]
    if words and words[0] in _EN_OTHER_PEOPLE:
        cue.other = True
    if tail and _en_other_tail([t.lower for t in toks if t.text[:1].isalpha()]):
        cue.other = True
    cue.asking = asks(toks)
    return cue


_NAMELY = ("айтқанда", "айтсақ", "өтсек", "aıtqanda", "aıtsaq", "ótsek")


def _namely(toks: Sequence[Tok], i: int) -> bool:
    """'Атап айтқанда' / 'атап айтсақ' / 'атап өтсек' ('namely', 'to name them'): a connective
    that opens a list, no verb of saying ('атап' went for 'атап өтті', noted)."""
    word = toks[i].lower
    if word in ("атап", "atap"):
        return i + 1 < len(toks) and toks[i + 1].lower in _NAMELY
    return word in _NAMELY and i > 0 and toks[i - 1].lower in ("атап", "atap")


# Words that may name a senator in an English tail: 'the senator said', 'said the Deputy
# Chairman of the Senate', 'a member of the Senate noted' (the role itself is resolved apart)
_EN_SENATOR_HEADS = frozenset(
    "senator senators deputy deputies member members chairman chairwoman chair speaker vice "
    "parliamentarian parliamentarians".split()
)
_EN_ARTICLES = frozenset(("the", "a", "an"))
_EN_PHRASE = 6


def _en_other_tail(lows: Sequence[str]) -> bool:
    """'said the scholar', 'the historian noted': an English tail whose subject is a role noun
    with no senator word is someone else, never the meeting's only senator by default."""
    if not lows or not all(w.isascii() for w in lows):
        return False
    at = 1 if len(lows) > 1 and is_speech_word(lows[0]) else 0
    if lows[at] not in _EN_ARTICLES:
        return False
    phrase = []
    for word in lows[at + 1 : at + 1 + _EN_PHRASE]:
        if is_speech_word(word):
            break
        phrase.append(word)
    return bool(phrase) and not any(w in _EN_SENATOR_HEADS or w.startswith("senat") for w in phrase)


def _substantive_participle(toks: Sequence[Tok], i: int) -> bool:
    """A plural nominative participle standing for people ('выступающие призвали',
    'собравшиеся отметили'): no noun after it to qualify, none before it to follow ('нормы,
    направленные на …'), and a plural verb of saying after it. A group, not one senator."""
    tok = toks[i]
    if tok.feats.get("VerbForm") != "Part" or tok.case != "Nom" or not tok.plural:
        return False
    if i > 0 and toks[i - 1].text == ",":
        return False
    following = toks[i + 1] if i + 1 < len(toks) else None
    if following is None or following.pos in ("NOUN", "PROPN", "ADJ", "DET", "NUM"):
        return False
    if following.feats.get("VerbForm") == "Part":
        return False
    return any(
        is_speech_word(t.text) and t.feats.get("VerbForm") == "Fin" and t.plural
        for t in toks[i + 1 :]
    )


def _senate_post(toks: Sequence[Tok], i: int) -> bool:
    """'Заместитель председателя Сената X поддержала …', 'Chairman of the Senate X': a post
    word the Senate follows within three words is the senator's own title, no other subject
    (with no verb of saying the sentence was dropped as someone else's narrative)."""
    return any(fold(t.text).startswith(("сенат", "senat")) for t in toks[i + 1 : i + 4])


def _has_subject(toks: Sequence[Tok]) -> bool:
    return any(t.case == "Nom" and t.pos in ("NOUN", "PROPN", "PRON") for t in toks)


def _is_other_subject(tok: Tok, *, kazakh: bool) -> bool:
    if kazakh:
        return (
            tok.text[:1].isalpha() and tok.lower not in _KK_FILLER and not is_speech_word(tok.text)
        )
    if tok.pos not in ("NOUN", "PROPN") or tok.case != "Nom":
        return False
    return tok.feats.get("Animacy") == "Anim" or is_role_word(tok.text)


def resolve(
    cue: Cue, senators: Sequence[str], *, quote: bool = False, known: Mapping[str, Any] = {}
) -> Resolution:
    """Apply the attribution rules: a name wins; 'сенатор'/'она' means the meeting's only
    senator; plural or impersonal cues mean all of them; otherwise nobody (and say so).
    `known` maps the document's people to what is known of them (a `senator` attribute)."""
    if cue.names:
        outsiders = [
            n for n in cue.names if n not in senators and getattr(known.get(n), "senator", True)
        ]
        return Resolution(list(cue.names), "speaker_not_in_meeting" if outsiders else None)
    if cue.other:
        return Resolution([], "non_senator_speaker")
    if not senators:
        return Resolution([], "no_senator")
    if cue.number == "plur":
        return Resolution(list(senators))
    if len(senators) == 1:
        return Resolution([senators[0]])
    if cue.number is None and not cue.speech and not quote:
        return Resolution(list(senators))  # narrative about the meeting as a whole
    return Resolution([], "ambiguous_speaker")
