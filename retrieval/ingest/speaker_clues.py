"""Who speaks in a clause: the cue it gives (names, roles, a verb of saying), and the clues
that take a quote or a reported sentence from a wrong speaker — a pronoun subject, a verb whose
gender is not the speaker's, a speaker caption, someone else's words cited, the outlet's recap
of earlier news. The segmenter keeps the meeting in progress; these read one clause at a time.
"""

from __future__ import annotations

import re

from retrieval.ingest.attribution import Cue, Resolution, read_cue
from retrieval.ingest.name_forms import FEM_SURNAME, MASC_SURNAME
from retrieval.ingest.name_spans import strip_kazakh_case
from retrieval.ingest.nlp import Analysis, Ent, Tok
from retrieval.ingest.people import Found, People
from retrieval.ingest.quotes import QuoteSpan, has_speech_word, inside
from retrieval.ingest.reader import Paragraph
from retrieval.ingest.roles import Role, is_role_stem, role_words
from retrieval.ingest.text import fold

# The outlet's own recap of earlier news, not this meeting: "Ранее сообщалось, что …",
# "Напомним, …", "Бұған дейін хабарланғандай, …", "Еске сала кетейік, …", "Previously, Agency
# reported …". Such a sentence and the rest of its paragraph are nobody's words here (they went
# to the meeting's senator). Only reporting verbs in the imperfective count: "Ранее сенатор
# сообщил/рассказал …" stays a statement.
RECAP = re.compile(
    r"^\s*(?:"  # a letter first: «Как писал поэт, …» – сказал X is a quote, not a recap
    r"напомн(?:им|ю)\b|напоминаем\b"
    r"|(?:ранее|как)\b[^.!?,]{0,40}?\b(?:сообщал\w*|писал\w*|информировал\w*|передавал\w*)"
    r"|еске\s+сал\w*"
    r"|(?:бұған|бұдан)\s+(?:дейін|бұрын)\b[^.!?]{0,40}?(?:хабарла\w*|жаз(?:ған|ды)\w*)"
    r"|(?:previously|earlier)\b[^.!?]{0,40}?\b(?:reported|wrote)\b"
    r"|as\s+[^.!?]{0,40}?\breported\s+(?:earlier|previously|before)\b"
    r"|recall\s+that\b|it\s+was\s+(?:earlier|previously)\s+reported\b"
    # "Жақында Сенат төрағасы X … қатысты пікір айтты", "Недавно председатель Сената X
    # высказался о …", "Recently, Senate Chairman X commented on …" closing someone else's
    # article: a pointer to earlier news with no words of its own; read as a statement it made
    # X a senator of this article's meeting, with its date and place
    r"|(?:жақында|бұған\s+дейін|бұдан\s+бұрын)\b[^.!?]{0,120}?\bпікір(?:ін)?\s+(?:айт|білдір)\w*"
    r"|(?:недавно|ранее)\b[^.!?]{0,120}?\b(?:высказал\w*|прокомментировал\w*)"
    r"|(?:recently|earlier|previously)\b[^.!?]{0,120}?\bcommented\b"
    r")",
    re.I,
)
_OBLIQUE = frozenset(("Gen", "Dat", "Acc", "Ins", "Loc"))
_WITH = frozenset(("Ins",))
_KK_WITH = ("мен", "бен", "пен")
_PRONOUNS = frozenset(("он", "она", "ол", "ol", "he", "she"))
# "напомнил слова Главы государства", "Президенттің сөзіне назар аударды": someone else's words
CITES_WORDS = re.compile(r"\b(?:слова|словами|слов)\b|\bсөз(?:ін|іне|дерін|деріне)\b", re.I)


def clause_cue(
    people: People,
    analysis: Analysis,
    start: int,
    end: int,
    senators: list[str],
    *,
    kazakh: bool,
    tail: bool = False,
) -> Cue:
    """Who a clause names as its speaker, and how: a reporting verb, a role alone ('– сказал
    аким'), someone no one can resolve, a name only in an oblique case. `senators`: the
    meeting's, for a role-only reference."""
    toks = [t for s in analysis.sents for t in s.toks if start <= t.start < end]
    found = people.scan(analysis, start, end)
    names = found.names()
    other = False
    for role in found.role_only:  # "– сказал аким", "– деді аудан әкімі"
        if not tail and not (role.senator and role.post):
            said = analysis.text[start:end]
            if not role.senator and (has_speech_word(said) or REPORT_FRAME.match(said)):
                # "Сондай-ақ проректор … атап өтті", "Мәжіліс депутатының айтуынша, …", "По
                # словам мажилисмена, …": the one person the text named with that role before
                # (they were nobody's)
                names += [n for n in people.resolve_role(_head(role), senators) if n not in names]
            continue  # in narrative only a post names one person: "спикер Сената отметил"
        meant = people.resolve_role(role, senators)
        names += [n for n in meant if n not in names]
        other = other or (not role.senator and not meant)
    spans = [Ent("PER", a, b, analysis.text[a:b], analysis.text[a:b]) for a, b in found.spans]
    ents = [e for e in analysis.ents if e.type == "PER" and start <= e.start < end]
    # "– добавил Петренко": a person the tail names but nobody could resolve is someone
    # else, never the meeting's only senator by default.
    unresolved = [e for e in ents if not any(a < e.stop and e.start < b for a, b in found.spans)]
    other = other or (tail and bool(unresolved)) or bool(found.unknown_initials)
    # Kazakh has no morphology here: only a short tail is read word by word for other people.
    cue = read_cue(toks, names, [*ents, *spans], kazakh=kazakh, tail=tail)
    cue.other = cue.other or other
    if not tail and cue.speech and len(cue.names) > 1:
        # "ректор X отметил роль реформ, предложенных сенатором Y" / "X noted the reforms
        # proposed by Senator Y": whoever stands after the verb of saying as its complement's
        # agent is talked about, not speaking with the subject
        agents = [n for n in cue.names if _agent_after_speech(n, found, toks, analysis.text)]
        if agents and len(agents) < len(cue.names):
            cue.names = [n for n in cue.names if n not in agents]
    if not tail and not cue.speech:
        # "… курса Главы государства Касым-Жомарта Токаева …": a name in an oblique case is
        # no subject; with no verb of saying the sentence is not that person's words
        oblique = [
            n for n in cue.names if _oblique(people, n, found, toks, analysis.text, kazakh=kazakh)
        ]
        if oblique:
            cue.names = [n for n in cue.names if n not in oblique]
            cue.oblique = not cue.names
    return cue


def _head(role: Role) -> Role:
    """The role up to its first role word: 'проректор қазіргі студенттердің …' → 'проректор'
    (role_words reads on into the sentence), 'Мәжіліс депутатының' stays whole."""
    parts = role.text.split()
    first = next((i for i, w in enumerate(parts) if is_role_stem(fold(w))), len(parts) - 1)
    return Role(" ".join(parts[: first + 1]), role.senator, role.post)


# "приняли участие", "в состав делегации вошли", "совместно с", "кездесуге … қатысты"
PARTICIPATION = re.compile(
    r"\b(?:принял\w*\s+участие|участвовал\w*|в\s+состав\w*|вошл\w*|совместно\s+с"
    r"|в\s+сопровождении|қатыс(?:ты|қан|ушы)\w*|бірге|took\s+part|joined|accompanied)\b",
    re.I,
)


def taking_part(
    people: People, found: Found, analysis: Analysis, start: int, end: int, *, kazakh: bool
) -> list[str]:
    """Non-senators the text names with a role as the subject of a list of participants
    ("депутаты Мажилиса X и Y", "аким района Z"), not in an oblique case ("курса Главы
    государства X", "поблагодарил акима Y")."""
    toks = [t for s in analysis.sents for t in s.toks if start <= t.start < end]
    return [
        p.name
        for p in found.people
        if not p.senator
        and p.role
        and not _oblique(people, p.name, found, toks, analysis.text, kazakh=kazakh)
    ]


def names_a_senator(analysis: Analysis, start: int, end: int) -> bool:
    """Does a clause say 'сенатор' / 'Сенат' itself (not 'депутат', which any deputy is)?"""
    return any(
        fold(t.text).startswith(("сенат", "senat"))
        for s in analysis.sents
        for t in s.toks
        if start <= t.start < end
    )


def _agent_after_speech(name: str, found: Found, toks: list[Tok], text: str) -> bool:
    """Is every mention of this person after the clause's first verb of saying and in an
    oblique case (Russian), or after 'by' (English)?"""
    verb = next((t.start for t in toks if has_speech_word(t.text)), None)
    at = found.first_at.get(name)
    spans = [(a, b) for a, b in found.spans if a == at]
    if verb is None or at is None or at < verb or not spans:
        return False
    a, b = spans[0]
    before = fold(text[max(verb, a - 40) : a]).split()
    if "by" in before[-5:]:
        return True
    cases = {t.case for t in toks if a <= t.start < b}
    return bool(cases) and cases <= _OBLIQUE


def _oblique(
    people: People, name: str, found: Found, toks: list[Tok], text: str, *, kazakh: bool
) -> bool:
    """Is every mention of this person in the clause in an oblique case (Russian by morphology,
    Kazakh by a case ending on the surname)? For a senator only the one met or talked with
    counts ("наше интервью с депутатом Сената X", "X-пен кездесу"): a release's narrative names
    its senator in other cases while reporting their words ("по инициативе сенатора X")."""
    senator = people.is_senator(name)
    at = found.first_at.get(name)
    spans = [(a, b) for a, b in found.spans if a == at]
    if not spans:
        return False
    a, b = spans[0]
    if kazakh:
        last = text[a:b].split()[-1]
        if senator:
            return fold(last).endswith(_KK_WITH)
        return strip_kazakh_case(last) != last
    cases = {t.case for t in toks if a <= t.start < b}
    return bool(cases) and cases <= (_WITH if senator else _OBLIQUE)


def is_caption(text: str, cue: Cue, para: Paragraph) -> bool:
    """A paragraph that is only a speaker caption: a name first, a role, a colon, no verb of
    saying ("Маулен Ашимбаев, председатель Сената:"), as TV transcripts print them."""
    return (
        para.text.strip() == text
        and len(cue.names) == 1
        and len(text.split()) <= 14
        and not has_speech_word(text)
        and fold(text).split()[:1] in ([w] for w in fold(cue.names[0]).split())
    )


_HIS_SURNAME = (*MASC_SURNAME, "ский", "цкий", "ұлы",
                "ov", "ev", "in", "yn", "sky", "skiy", "uly")  # fmt: skip
_HER_SURNAME = (*FEM_SURNAME, "ская", "цкая", "қызы",
                "ova", "eva", "ina", "yna", "skaya", "kyzy", "qyzy")  # fmt: skip
# 'She noted that …': an English sentence whose subject is a pronoun
EN_PRONOUN_START = re.compile(r"(?:He|She)\s")


def gender_clash(analysis: Analysis, start: int, end: int, resolution: Resolution) -> bool:
    """'– …, – сказала она.' given to «Тимур Есенгельдин»: a Russian past verb in the tail that
    agrees with one gender, and a speaker whose surname shows the other, is nobody's quote
    rather than a wrong name."""
    if len(resolution.speakers) != 1:
        return False
    surname = resolution.speakers[0].split()[-1].casefold()
    his, hers = surname.endswith(_HIS_SURNAME), surname.endswith(_HER_SURNAME)
    if his == hers:
        return False
    genders = {
        t.feats.get("Gender")
        for s in analysis.sents
        for t in s.toks
        if start <= t.start < end
        and t.pos == "VERB"
        and t.feats.get("Tense") == "Past"
        and t.feats.get("VerbForm") == "Fin"  # no participle ('земля … не может быть продана')
    }
    words = {t.lower for s in analysis.sents for t in s.toks if start <= t.start < end}
    english = words & {"he", "she"}
    if his:  # no man is 'сказала' or '," she said'
        return genders & {"Fem", "Masc"} == {"Fem"} or english == {"she"}
    # a woman may be 'сказал сенатор' (the role noun's own gender): only «он» clashes
    he = "он" in words and genders & {"Fem", "Masc"} == {"Masc"}
    return he or english == {"he"}


# "Президентіміз Қасым-Жомарт Тоқаев … айтты", "Мемлекет басшымыз …": a title in the first
# person plural ("our President") is how a speaker refers to someone in their own speech; the
# sentence is somebody's words about that person (it went to the President, under a wrong name)
OUR_TITLE = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?:президент|prezıdent|елбасы|басшы|төраға|спикер)\w{0,2}?"
    r"(?:ымыз|іміз|мыз|міз|ymyz|imiz|myz|miz)\b",
    re.I,
)
# "Өз кезегінде олар … қызмет етеміз, деді": "they" say it, a group, never one person named
# before (it went to the Senate chair who thanked them)
_THEY = frozenset(("олар", "они", "they", "olar"))


def they_subject(analysis: Analysis, start: int, end: int) -> bool:
    """Does a clause open (within its first three words) on the plural pronoun 'they'?"""
    words = [
        t.lower
        for s in analysis.sents
        for t in s.toks
        if start <= t.start < end and t.text[:1].isalpha()
    ]
    return any(w in _THEY for w in words[:3])


def pronoun_subject(analysis: Analysis, start: int, end: int) -> bool:
    """Does a reporting clause have a personal pronoun for its subject ("Он добавил"), or open
    on a Kazakh frame of his words ("Оның айтуынша, …")?"""
    return any(
        t.lower in _PRONOUNS for s in analysis.sents for t in s.toks if start <= t.start < end
    ) or bool(_HIS_FRAME.match(analysis.text, start, end))


# "X … тоқталды. Сондай-ақ … атап өтті.": a Kazakh clause opening on "also" with no subject
# of its own (no name, no pronoun, no plural noun such as "мүшелері", "депутаттар") and an
# active verb of saying goes on with the subject before it, as «ол» would
_ALSO_OPEN = re.compile(r"\W*(?:сондай-ақ|сонымен\s+(?:қатар|бірге))\s", re.I)
_ACTIVE_SAID = re.compile(
    r"(?:атап\s+өтті|айтты|жеткізді|тоқталды|мәлімдеді|түсіндірді|баса\s+назар\s+аударды"
    r"|ерекше\s+атап\s+өтті|деді)\W*$",
    re.I,
)
_PLURAL_SUBJECT = re.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ы|і)?$")


def zero_subject(analysis: Analysis, start: int, end: int) -> bool:
    """Does a Kazakh clause open on 'Сондай-ақ' and say something with no subject of its own
    ('Сондай-ақ … жолданғанын атап өтті'), so that the subject is the one named before?"""
    text = analysis.text[start:end]
    if not _ALSO_OPEN.match(text) or not _ACTIVE_SAID.search(text):
        return False
    words = re.findall(r"[\w-]+", text)[1:]
    return not any(_PLURAL_SUBJECT.search(w.casefold()) for w in words)


def frame_gender_clash(analysis: Analysis, start: int, end: int, speakers: list[str]) -> bool:
    """'По её словам, …' / 'According to her, …' given to «Ерлан Нурланов» (or «его», «him» to
    «Айгуль Серикова»): the frame's pronoun and the one speaker's surname disagree, so the
    words are nobody's rather than a wrong name (Kazakh «оның» has no gender)."""
    frame = _HIS_FRAME.match(analysis.text, start, end)
    if frame is None or len(speakers) != 1:
        return False
    pronouns = set(fold(frame.group(0)).split())
    surname = speakers[0].split()[-1].casefold()
    his, hers = surname.endswith(_HIS_SURNAME), surname.endswith(_HER_SURNAME)
    if his == hers:
        return False
    if pronouns & {"её", "ее", "her"}:
        return his
    return hers and bool(pronouns & {"его", "him"})


# "Оның айтуынша, …", "По его словам, …", "According to her, …": the pronoun is the speaker
_HIS_FRAME = re.compile(
    r"\W*(?:оның\s+(?:айтуынша|сөзінше|пікірінше)|по\s+(?:его|её|ее)\s+(?:словам|мнению)"
    r"|according\s+to\s+(?:him|her))\b",
    re.I,
)


def narrative(text: str, quotes: list[QuoteSpan]) -> str:
    """The paragraph without its direct speech (quote bodies and their tails)."""
    out, pos = [], 0
    for quote in quotes:
        out.append(text[pos : quote.start])
        pos = quote.end
    return " ".join([*out, text[pos:]])


# A sentence that opens a report of someone's words: 'Оның айтуынша, …', 'X атап өткендей, …'
# ('as X noted'), 'Сенатордың сөзінше, …', 'По его словам, …', 'По мнению сенатора, …',
# 'According to her, …'
REPORT_FRAME = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?:айтуынша|сөзінше|пікірінше|атап\s+өткендей)\b"
    r"|^\W*по\s+(?:\w+\s+){0,1}?(?:словам|мнению)\b|^\W*according\s+to\b",
    re.I,
)


def frames_other(text: str, *, senate_context: bool) -> bool:
    """'По словам президента, …', 'According to the Mazhilis Speaker, …', 'Әкімнің айтуынша,
    …': a report frame whose words before the comma name only another's post, and no one by
    name. The sentence is that post holder's words; it went to the meeting's senator."""
    if not REPORT_FRAME.match(text):
        return False
    roles = role_words(text.split(",", 1)[0], senate_context=senate_context)
    return bool(roles) and not any(r.senator for r in roles)


_TURN = re.compile(r"[–—-]\s")  # an interview's turn opens with a dash: "– Жақында …"
# The interviewer narrating in the first person plural: "Осы орайда депутатпен … әңгімелескен
# едік" ("we talked with the deputy"); the interviewee's words are in the third person or quoted
WE_NARRATE = re.compile(r"\bед[іi]к\s*[.!…]?\s*$", re.I)
# Someone casting a vote ("X №111 учаскеде дауыс берді", "проголосовал на участке", "voted"):
# an act reported on polling day, like a meeting, not words anyone said
VOTED = re.compile(
    r"\b(?:дауыс(?:ын)?\s+(?:берді|беріп)|проголосова\w*|voted|cast\s+(?:his|her|their)\s+ballots?)"
    r"(?!\w)",
    re.I,
)


def question_turns(analysis: Analysis, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """An interview flattened into one paragraph ("– Жақында … сайландыңыз. Комитет қандай
    заң жобаларын қарайды? – Комитет …"): the spans of the turns that end in a question. They
    are the interviewer's, though they name no one: read as narrative, they went to the
    senator being interviewed. A turn runs from its dash to the next turn's dash."""
    sents = [s for s in analysis.sents if not inside(s.start, s.stop, quotes)]
    texts = [analysis.text[s.start : s.stop].strip() for s in sents]
    opens = [i for i, t in enumerate(texts) if _TURN.match(t)]
    spans = []
    for n, first in enumerate(opens):
        last = (opens[n + 1] if n + 1 < len(opens) else len(sents)) - 1
        if texts[last].endswith("?"):
            spans.append((sents[first].start, sents[last].stop))
    return spans
