"""Direct speech in a paragraph: `– Текст, – отметила X.`, `«Текст», – сказал X.`, `X: «Текст»`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.ingest.text import DASH_CLASS, DASHES

# Verb forms only (stems like "ответ" would also catch "ответственность").
_RU_SPEECH = (
    "отметил", "отметив", "отмечает", "отмечают", "отмечая", "подчеркнул", "подчеркнув",
    "подчеркивает", "подчёркивает", "подчеркивают", "подчеркивая", "подчёркивая", "сказал",
    "сказав", "говорит", "говорил", "заявил", "заявляет", "добавил", "добавив", "добавляет",
    "пояснил", "пояснив", "поясняет", "разъяснил", "разъяснив", "разъясняя", "разъясняет",
    "указал", "указав", "указывает", "указывая", "считает", "считают", "уверен", "убежден",
    "убеждён", "подытожил", "резюмировал", "напомнил", "напомнив", "напоминает", "акцентировал",
    "сообщил", "сообщает", "рассказал", "рассказав", "констатировал", "призвал", "призвав",
    "призывает", "поделил", "выразил", "выразив", "ответил", "отвечая", "уточнил", "высказал",
    "полагает", "заключил", "обратил", "обратив", "остановил", "остановив", "спросил",
    "воскликнул", "продолжил", "пошутил", "признал", "заверил", "прокомментировал", "возразил",
    "посетовал",
)  # fmt: skip
_KK_SPEECH = frozenset(
    "деді деп дейді айтты айтады айтып атап мәлімдеді жеткізді түсіндірді түсіндіріп қосты "
    "түйіндеді білдірді "
    "көрсетті санайды есептейді айтуынша пікірінше сөзінше екенін екендігін тоқталды тоқталып "
    "тиек "  # "тілге тиек етті" (brought up), an idiom only of saying
    # the same in the Latin scripts outlets mirror their pages in (2018 and 2021 alphabets)
    "dedi dedı dep deıdi deidi aıtty aitty atap málimdedi mälımdedı jetkizdi jetkızdı túsindirdi "
    "túsindirip tüsındırıp "
    "tüsındırdı qosty túıindedi tüiındedı bildirdi bıldırdı aıtýynsha aituynşa sózinshe sözınşe "
    "pikirinshe pıkırınşe toqtaldy toqtalyp".split()
)
_EN_SPEECH = frozenset(
    "said says noted stressed added emphasized emphasised explained according told underlined "
    "stated highlighted underscored remarked recalled continued concluded believes assured "
    "urged affirmed observed insisted commented clarified mentioned acknowledged announced "
    "shared pointed summed".split()
)
# An English tail may name its speaker before the verb at some length: '"…," the Deputy
# Chairman of the Senate said.' (Russian and Kazakh tails put the verb within three words)
_EN_TAIL_WINDOW = 8
_WORD = re.compile(r"[\w-]+")
_LEAD_DASH = re.compile(r"\s*" + DASH_CLASS + r"{1,2}\s*")
_SEPARATOR = re.compile(r"([,!?…]?)\s*" + DASH_CLASS + r"{1,2}\s+")
_OPENERS = {"«": "»", "“": "”", "„": "“", '"': '"'}
_INITIAL = re.compile(r"(?:^|\s)[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.$")
TAIL_WORDS = 14


def is_speech_word(word: str) -> bool:
    """A verb of saying in Russian (stem), Kazakh or English."""
    low = word.casefold()
    return low.startswith(_RU_SPEECH) or low in _KK_SPEECH or low in _EN_SPEECH


def has_speech_word(text: str) -> bool:
    return any(is_speech_word(w) for w in _WORD.findall(text))


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # the whole direct-speech segment, cue included
    end: int
    body_start: int
    body_end: int
    text: str  # verbatim body: no opening dash, no quote marks, no comma before the tail
    cue_start: int | None = None  # the attribution ("отметила сенатор") or lead-in ("X отметил")
    cue_end: int | None = None
    continues: bool = False  # a later part of the previous quote, same speaker


def sentence_end(text: str, start: int) -> int:
    """End of the sentence starting at `start` (an initial like 'Н.' does not end it)."""
    for match in re.finditer(r"[.!?…]+", text[start:]):
        end = start + match.end()
        if not _INITIAL.search(text[start:end]):
            return end
    return len(text)


def _tail_at(text: str, start: int, punctuated: bool) -> int | None:
    end = sentence_end(text, start)
    tail_words = _WORD.findall(text[start:end])
    if not tail_words or len(tail_words) > TAIL_WORDS:
        return None
    window = tail_words[:4] if punctuated else tail_words[:1]
    return end if any(is_speech_word(w) for w in window) else None


# "— …, — деген депутат, кеңес мүшесі Гүлнар Сәрсенова жиналғандарға … атап өтті.": the
# participle "who said" opens a sentence that goes on with the speaker's other deeds; the speech
# ran on into that narrative, nobody's. Only the words up to the speaker's name are the cue:
# names later in the sentence are people the speaker thanked or agreed with.
_PARTICIPLE = re.compile(r"деген\b", re.I)
_FULL_NAME = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*\.?(?:\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*\.?)+")
_PARTICIPLE_TAIL_WORDS = 40
_PARTICIPLE_ROLE_WORDS = 3


def _participle_tail(text: str, start: int) -> int | None:
    """End of a 'деген X …' sentence after a dash quote, or None."""
    if not _PARTICIPLE.match(text, start):
        return None
    end = sentence_end(text, start)
    return end if len(_WORD.findall(text[start:end])) <= _PARTICIPLE_TAIL_WORDS else None


def _participle_cue_end(text: str, start: int, end: int) -> int:
    """Where a 'деген' tail stops naming its speaker: after the first full name, else after
    a short role ('деген сенатор'); any other tail is read whole."""
    if not _PARTICIPLE.match(text, start):
        return end
    name = _FULL_NAME.search(text, start, end)
    if name is not None:
        return name.end()
    words = list(_WORD.finditer(text, start, end))
    return words[min(len(words), _PARTICIPLE_ROLE_WORDS) - 1].end() if words else end


def _body(text: str, start: int, end: int, closing: str = "") -> tuple[int, int, str]:
    body = text[start:end].rstrip()
    if closing and body.endswith(closing):
        body = body[: -len(closing)]
    body = body.rstrip(" ,")
    stripped = body.lstrip()
    start += len(body) - len(stripped)
    return start, start + len(stripped), stripped


_MID_DASH = re.compile(r"[.!?…]\s+(?=" + DASH_CLASS + r"{1,2}\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")


def _runs_to_end(text: str, body_start: int) -> bool:
    """A mid-paragraph dash turn with no tail that closes the paragraph and holds no other
    turn and no question: one person's speech on a page flattened onto one line ("… обсудили
    вопросы. – Любые изменения … механизмах"), whose sentences are no narrative of the
    meeting's senators. An interview run together ("– …? – …") is read turn by turn instead."""
    rest = text[body_start:]
    return _MID_DASH.search(rest) is None and "?" not in rest


def _dash_quotes(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    pos = 0
    if not _LEAD_DASH.match(text):
        # "Целью визита стало … . – Вы знаете, …, – говорит депутат. – …": speech after a
        # narrative sentence in the same paragraph; it needs its tail to count
        mid = _MID_DASH.search(text)
        if mid is None:
            return []
        pos = mid.end()
    while (lead := _LEAD_DASH.match(text, pos)) is not None:
        body_start = lead.end()
        found: tuple[re.Match[str], int] | None = None
        for sep in _SEPARATOR.finditer(text, body_start):
            end = _tail_at(text, sep.end(), punctuated=bool(sep.group(1)))
            if end is None and sep.group(1):
                end = _participle_tail(text, sep.end())
            if end is not None:
                found = (sep, end)
                break
        continues = bool(spans)
        if found is None and not spans and pos and not _runs_to_end(text, body_start):
            return []  # mid-paragraph with no tail: a dash, not speech
        if found is None:
            b_start, b_end, body = _body(text, body_start, len(text))
            spans.append(QuoteSpan(pos, len(text), b_start, b_end, body, continues=continues))
            break
        sep, end = found
        kept = sep.group(1) if sep.group(1) in ("!", "?", "…") else ""
        b_start, b_end, body = _body(text, body_start, sep.start())
        cue_end = _participle_cue_end(text, sep.end(), end) if sep.group(1) else end
        spans.append(
            QuoteSpan(
                pos, end, b_start, b_end, body + kept, sep.end(), cue_end, continues=continues
            )
        )
        pos = end
        if not _LEAD_DASH.match(text, pos) or not text[pos:].strip():
            break
    return spans


def _closing(text: str, open_at: int) -> int | None:
    opener = text[open_at]
    closer = _OPENERS[opener]
    depth = 0
    for i in range(open_at + 1, len(text)):
        ch = text[i]
        if ch == closer and opener == closer and _opens(text, i):
            depth += 1  # '"' before a word after a space: a quotation inside the quote
        elif ch == closer or (ch == opener and _turned(text, i)):
            if depth == 0:
                return i
            depth -= 1
        elif ch == opener:
            depth += 1
    return _curly_close(text, open_at) if opener == '"' else None


def _turned(text: str, at: int) -> bool:
    """A '«' typed where '»' belongs ('…свобод«, — X'): right after a word, before no word;
    it cannot open a quotation there."""
    after = text[at + 1] if at + 1 < len(text) else " "
    return text[at] == "«" and at > 0 and text[at - 1].isalnum() and not after.isalnum()


def _curly_close(text: str, open_at: int) -> int | None:
    """A straight '"' closed by a curly '”' ('"…assembly”, Senator X said'): pages mix the two;
    the first '”' not closing an inner '“' ends the quotation."""
    depth = 0
    for i in range(open_at + 1, len(text)):
        if text[i] == "“":
            depth += 1
        elif text[i] == "”":
            if depth == 0:
                return i
            depth -= 1
    return None


def _opens(text: str, at: int) -> bool:
    """Does a straight '"' open a quotation (after a space or bracket, before a letter)?"""
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before.isspace() or before in "([") and after.isalnum()


_REPORTING_LEAD = re.compile(
    r"(?:^|\s)(?:по\s+(?:словам|мнению)|как\s+(?:отметил|подчеркнул|сказал|заявил)\w*"
    r"|сөзінше|айтуынша|пікірінше|according\s+to)(?:\s|$)",
    re.I,
)
_SENTENCE_STOP = re.compile(r"[.!?…]\s")
_MAX_LEAD_WORDS = 12


def _lead_start(text: str, before_end: int) -> int:
    """Start of the sentence that ends at `before_end` (the words before a quote)."""
    stops = [m.end() for m in _SENTENCE_STOP.finditer(text, 0, before_end)]
    return stops[-1] if stops else 0


def _tail_after(text: str, close: int) -> tuple[int, int] | None:
    """An attribution after a closing mark: «…», – сказал X / «…», деді X / «…» деп атап өтті X."""
    sep = _SEPARATOR.match(text, close + 1)
    if sep is not None:
        end = _tail_at(text, sep.end(), punctuated=True) or _name_tail(text, sep.end())
        return (sep.end(), end) if end is not None else None
    bare = re.compile(r"[,!?…]?\s+(?=\w)").match(text, close + 1)
    if bare is None:
        return None
    end = sentence_end(text, bare.end())
    words = _WORD.findall(text[bare.end() : end])
    if not words or len(words) > TAIL_WORDS:
        return None
    english = any(w.casefold() in _EN_SPEECH for w in words[:_EN_TAIL_WINDOW])
    if not english and not any(is_speech_word(w) for w in words[:3]):
        return None
    return bare.end(), end


# '«…», — Каракат Абден, депутат мажилиса.': a tail with no verb, only who spoke and their
# title, closing the paragraph (a caption's form on TV sites)
_NAME_TAIL = re.compile(
    r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+,\s+[a-zа-яёәғқңөұүһі]"
)


def _name_tail(text: str, start: int) -> int | None:
    if _NAME_TAIL.match(text, start) is None:
        return None
    end = sentence_end(text, start)
    if text[end:].strip() or len(_WORD.findall(text[start:end])) > TAIL_WORDS:
        return None
    return end


def _marked_quotes(text: str, taken: list[QuoteSpan]) -> list[QuoteSpan]:
    """«…» quotes that open a sentence (attribution after), follow `lead:` or `По словам X,`."""
    spans: list[QuoteSpan] = []
    for i, ch in enumerate(text):
        if ch not in _OPENERS or any(s.start <= i < s.end for s in (*taken, *spans)):
            continue
        before = text[:i].rstrip()
        at_sentence_start = not before or before.endswith((".", "!", "?", "…"))
        after_colon = before.endswith(":")
        after_comma = before.endswith(",")
        if not (at_sentence_start or after_colon or after_comma):
            continue
        close = _closing(text, i)
        if close is None:
            continue
        b_start, b_end, body = _body(text, i + 1, close)
        if len(_WORD.findall(body)) < 3:
            continue
        tail = _tail_after(text, close)
        if after_colon or after_comma:
            lead_start = _lead_start(text, len(before))
            lead = text[lead_start : len(before)]
            n_words = len(_WORD.findall(lead))
            if after_comma and not _REPORTING_LEAD.search(" " + lead):
                continue  # "…, «…»" mid-sentence: a quoted phrase, not speech
            if after_colon and not has_speech_word(lead) and not 1 <= n_words <= _MAX_LEAD_WORDS:
                continue
            if tail is not None:
                spans.append(QuoteSpan(lead_start, tail[1], b_start, b_end, body, *tail))
                continue
            end = close + 1
            end += 1 if text[end : end + 1] == "." else 0
            spans.append(QuoteSpan(lead_start, end, b_start, b_end, body, lead_start, len(before)))
            continue
        if tail is not None:
            spans.append(QuoteSpan(i, tail[1], b_start, b_end, body, *tail))
    return spans


_UNMARKED_TAIL = re.compile(
    r"([,!?…])\s*" + DASH_CLASS + r"{1,2}\s+(?=(?:деді|деп|дейді|айтты|сказал|отметил|подчеркнул"
    r"|добавил|заявил|пояснил)\w*)",
    re.I,
)


def _unmarked_quote(text: str) -> list[QuoteSpan]:
    """Direct speech with no opening mark: 'Жер – халықтың байлығы, – деді X.' (the whole
    paragraph is the speech; the tail must close the paragraph)."""
    if not text or text.lstrip()[:1] in (*_OPENERS, *DASHES):
        return []
    for sep in _UNMARKED_TAIL.finditer(text):
        end = _tail_at(text, sep.end(), punctuated=True)
        if end is None or text[end:].strip():
            continue
        kept = sep.group(1) if sep.group(1) in ("!", "?", "…") else ""
        b_start, b_end, body = _body(text, 0, sep.start())
        if len(_WORD.findall(body)) < 3:
            return []
        return [QuoteSpan(0, end, b_start, b_end, body + kept, sep.end(), end)]
    return []


# a closing straight or curly mark right after the speech's last punctuation: ',"', '.”'
UNOPENED_CLOSE = re.compile(r"(?<=[,.!?…])[\"”](?=\s)")


def _unopened_quote(text: str) -> list[QuoteSpan]:
    """English speech whose opening mark the page lost: 'The draft keeps free schools,"
    Kemelbekov said.' — one closing mark, a short tail with a verb of saying closing the
    paragraph; the whole paragraph before the mark is the speech."""
    if not text or text.lstrip()[:1] in (*_OPENERS, *DASHES):
        return []
    if text.count('"') + text.count("”") + text.count("“") != 1:
        return []
    close = UNOPENED_CLOSE.search(text)
    if close is None:
        return []
    end = _tail_at(text, close.end(), punctuated=True)
    if end is None or text[end:].strip():
        return []
    b_start, b_end, body = _body(text, 0, close.start())
    kept = body[-1] if body[-1:] in ("!", "?", "…") else ""
    if len(_WORD.findall(body)) < 3 or ":" in body:
        return []
    return [QuoteSpan(0, end, b_start, b_end, body.rstrip(".") + kept, close.end(), end)]


def _paragraph_quote(text: str) -> list[QuoteSpan]:
    """A paragraph that is one «…» quote and nothing else, with no tail: direct speech whose
    speaker the paragraphs around it must give (never the names inside it)."""
    start = len(text) - len(text.lstrip())
    if start >= len(text) or text[start] not in _OPENERS:
        return []
    close = _closing(text, start)
    if close is None or text[close + 1 :].strip() not in ("", "."):
        return []
    b_start, b_end, body = _body(text, start + 1, close)
    if len(_WORD.findall(body)) < 3:
        return []
    return [QuoteSpan(start, len(text), b_start, b_end, body)]


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every direct-speech segment of a paragraph, in order."""
    spans = _dash_quotes(text)
    if not spans and (whole := _paragraph_quote(text)):
        # '"… Онда: "…" деп жазылған. …".' after 'X былай деді:': one speech quoting a law
        # inside it; read for its inner marks, the outer speech was lost and the quoted law
        # taken for the speech
        return whole
    spans += _marked_quotes(text, spans)
    if spans and (whole := _unmarked_quote(text)):
        body_start, body_end = whole[0].body_start, whole[0].body_end
        if all(body_start <= s.start and s.end <= body_end for s in spans):
            # 'Абай … Бауыржан Момышұлы осыны: «…» деп түйіндеген. Яғни …, – деп атап өтті ол.':
            # one speech closed by its tail, citing a saying inside; the saying was taken for
            # the quote and the rest of the speech lost
            return whole
    if not spans:
        spans = _unmarked_quote(text) or _paragraph_quote(text) or _unopened_quote(text)
    return sorted(spans, key=lambda s: s.start)


def inside(start: int, stop: int, spans: Sequence[QuoteSpan]) -> bool:
    """Does [start, stop) overlap any of the spans?"""
    return any(s.start <= start < s.end or start <= s.start < stop for s in spans)
