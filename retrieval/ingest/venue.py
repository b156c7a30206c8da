"""Where a meeting took place and whom the senators met, from its introducing sentences."""

from __future__ import annotations

import re
from collections.abc import Callable

from retrieval.ingest.nlp import Ent, Nlp, Sent, Tok

# Sentences that report a meeting itself; they give place/audience, not statements.
MEETING_RE = re.compile(
    r"\b(?:встрети\w*|встретил\w*|встреч\w*\s+с(?:о)?\b|провел\w*\s+(?:\w+\s+)?встреч\w*"
    r"|провёл\w*\s+(?:\w+\s+)?встреч\w*|состоял\w*|посетил\w*|побывал\w*|кездес\w*|жүздес\w*"
    r"|принял\w*\s+участие|қатысты"
    r"|met\s+with|visited|took\s+part|(?:was|were)\s+attended\s+by|participated\s+in"
    r"|held\s+(?:an?\s+)?(?:\w+\s+){0,2}meetings?\s+with)",
    re.I,
)
# Sentences that may name the venue and audience without being pure logistics.
# "… was held in Astana, during which X proposed …": English names the venue with a passive
# "held", which is no meeting report of its own (the rest of the sentence may be a statement).
VENUE_RE = re.compile(
    MEETING_RE.pattern + r"|\b(?:обсудил\w*|провел\w*|провёл|талқыла\w*|(?:was|were)\s+held)"
    # "шла речь на встрече вице-спикера Сената X с учителями Петропавловска": the meeting is
    # named with its senator between (the sentence stays a statement: it says what was said)
    r"|\bвстреч\w*\s+(?:[^\s.,;:!?]+\s+){1,6}?со?\s",
    re.I,
)
_COUNTRY = frozenset({"казахстан", "республика казахстан", "рк", "қазақстан", "kazakhstan"})
_HEAD_NOUNS = frozenset({"область", "район", "село", "аул", "поселок", "посёлок", "округ"})
_CITY_NOUNS = frozenset({"город", "г", "г."})
_NOT_AUDIENCE = ("учет", "учёт", "цель", "помощ", "участи", "использовани", "применени", "точк",
                 "сенатор", "депутат", "интерес", "тем", "связ", "соответстви")  # fmt: skip


def _tok_before(sent: Sent, pos: int) -> Tok | None:
    before = [t for t in sent.toks if t.stop <= pos]
    return before[-1] if before else None


def _lemma(nlp: Nlp, word: str) -> str:
    parses = nlp.morph_vocab.parse(word)
    return str(parses[0].normal_form) if parses else word.casefold()


def _locs(sent: Sent) -> list[Ent]:
    return [e for e in sent.ents if e.type == "LOC" and e.normal.casefold() not in _COUNTRY]


def _loc_normal(ent: Ent, nlp: Nlp, town: Callable[[str], str | None] | None) -> str:
    """natasha's normal form, except for a one-word town: the gazetteer's town name
    ('Караганде', 'Кызылорде'), else pymorphy's nominative of a Geox reading."""
    if " " in ent.text.strip():
        return ent.normal
    known = town(ent.text) if town else None
    if known:
        return known  # before natasha's guess, which may cut a town ('Кызылорде' → 'Кызылорд')
    if ent.normal != ent.text:
        return ent.normal
    geox = [p for p in nlp.morph_vocab.parse(ent.text) if "Geox" in p.tag and p.is_known]
    if geox and all(p.tag.case in ("loct", "datv", "gent", "ablt") for p in geox):
        word = str(geox[0].normal_form)  # a guessed parse ("Жетысу" → "жетыс") is not trusted
        return word[:1].upper() + word[1:]
    return ent.normal


def place_phrases(
    sent: Sent, text: str, nlp: Nlp, town: Callable[[str], str | None] | None = None
) -> list[tuple[str, int]]:
    """Places named in a sentence, nominative head + verbatim dependents, with start offsets:
    'В Таскалинском и Байтерекском районах ЗКО' → 'Таскалинский и Байтерекский районы ЗКО'."""
    locs = _locs(sent)
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(locs):
        first = locs[i]
        start = first.start
        prefix = ""
        head = _tok_before(sent, first.start)
        if head is not None and text[head.stop : first.start].strip() == "":
            lemma = _lemma(nlp, head.text)
            if lemma in _HEAD_NOUNS:
                prefix, start = lemma + " ", head.start
            elif lemma in _CITY_NOUNS or head.lower in _CITY_NOUNS:
                start = head.start
        parts = [prefix + _loc_normal(first, nlp, town)]
        end = first.stop
        j = i + 1
        while j < len(locs):
            gap = text[end : locs[j].start].strip()
            if gap == "":
                parts.append(" " + locs[j].text)
            elif gap in ("и", ","):
                parts.append((" и " if gap == "и" else ", ") + _loc_normal(locs[j], nlp, town))
            else:
                break
            end = locs[j].stop
            j += 1
        out.append(("".join(parts), start))
        i = j
    return out


def _opens_item(tok: Tok | None) -> bool:
    return tok is not None and tok.case == "Ins" and tok.pos in ("NOUN", "ADJ", "PROPN", "DET")


# Abbreviations whose stop ends no audience: "им." (имени), "г." (город), "обл.", "р-н", "ул."
_ABBREVIATIONS = frozenset("им г гг обл ул пос мкр с п ст акад проф".split())
_DANGLING = re.compile(r"\s+(?:г|гг|пос|с|п|им)\.$")


def _initial(tok: Tok) -> bool:
    """'К' of 'им. К. Нурланова': a capital letter alone, an initial."""
    return len(tok.text) == 1 and tok.text.isupper()


def _conjuncts(toks: tuple[Tok, ...], start: int) -> list[list[Tok]]:
    items: list[list[Tok]] = [[]]
    depth = 0
    j = start
    while j < len(toks):
        tok = toks[j]
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if tok.text in ("«", "“", "„"):
            depth += 1
        elif tok.text in ("»", "”") and depth:
            depth -= 1
        elif depth == 0:
            if tok.text == "," or tok.lower in ("и", "а"):
                after = toks[j + 2] if nxt is not None and nxt.lower == "также" else nxt
                if _opens_item(after):
                    items.append([])
                    j += 2 if after is not nxt else 1
                    continue
                if tok.text == ",":
                    break
            elif (
                (tok.lower in _ABBREVIATIONS or _initial(tok))
                and nxt is not None
                and nxt.text == "."
            ):
                items[-1] += [tok, nxt]  # "школы им. Абая", "колледжа г. Кокшетау"
                j += 2
                continue
            elif tok.pos in ("ADP", "VERB", "AUX", "SCONJ", "PRON") or tok.text in ".;:!?()–—":
                break
            elif tok.pos == "NOUN" and tok.case in ("Nom", "Acc") and items[-1]:
                break  # "обсудил со студентами ЕНУ проект Конституции": the verb's object
        items[-1].append(tok)
        j += 1
    return [item for item in items if item]


_SLOGAN = re.compile(r"\s*«(?:(?:За|Для|Ради|Во имя|Үшін)\s[^»]*|[^»]*(?:\s[–—]\s|!)[^»]*)»", re.I)


def strip_slogans(text: str) -> str:
    """A coalition's or campaign's slogan in quotes is not an audience: «За Народную …»."""
    return " ".join(_SLOGAN.sub("", text).split())


def _item_text(item: list[Tok], text: str, nlp: Nlp, cut: int) -> str | None:
    head_end = next((k for k, t in enumerate(item) if t.pos in ("NOUN", "PROPN")), None)
    if head_end is None or item[head_end].lower.startswith(_NOT_AUDIENCE):
        return None
    gender = item[head_end].feats.get("Gender")
    head = " ".join(
        nlp.nominative(t, gender) if t.case == "Ins" else t.text for t in item[: head_end + 1]
    )
    rest_start = item[head_end].stop
    rest_end = min(item[-1].stop, max(cut, rest_start))
    rest = strip_slogans(text[rest_start:rest_end].strip(" ,"))
    rest = _DANGLING.sub("", rest)  # "колледжа г." when the town itself is the place
    return f"{head} {rest}".strip() if rest else head


def audience_items(
    sent: Sent, text: str, nlp: Nlp, town: Callable[[str], str | None] | None = None
) -> list[str]:
    """'встретилась с жителями, представителями социальной сферы …' → ['жители', …]."""
    place_starts = [start for _, start in place_phrases(sent, text, nlp, town)]
    found: list[str] = []
    toks = sent.toks
    for i, tok in enumerate(toks):
        if tok.lower not in ("с", "со") or i + 1 >= len(toks) or not _opens_item(toks[i + 1]):
            continue
        before = " ".join(t.lower for t in toks[max(0, i - 2) : i])
        if before.endswith(("во главе", "совместно", "вместе")) or toks[i + 1].lower == "ссылкой":
            continue  # who led or came along ("во главе с председателем …"), or "со ссылкой на"
        for item in _conjuncts(toks, i + 1):
            cuts = [p for p in place_starts if item[0].stop < p <= item[-1].start]
            name = _item_text(item, text, nlp, min(cuts) if cuts else item[-1].stop)
            if name and name not in found:
                found.append(name)
    return found
