"""A release file → its date, title and numbered paragraphs (each with its source line)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import PurePath
from urllib.parse import urlsplit

from retrieval.ingest.dates import parse_date_prefix
from retrieval.ingest.decode import DecodeError, decode
from retrieval.ingest.furniture import dateline_date, drop_furniture, is_furniture, split_dateline
from retrieval.ingest.html import extract_html
from retrieval.ingest.quotes import UNOPENED_CLOSE
from retrieval.ingest.roles import names_senate
from retrieval.ingest.text import DASH_CLASS, clean, detect_language
from retrieval.models import Issue

ALLOWED_SUFFIXES = (".txt", ".md", ".html", ".htm")
TITLE_LIMIT = 120
_SPEECH_START = re.compile(r"^" + DASH_CLASS + r"{1,2}\s")
_HTML_SNIFF = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<article)", re.I)
_MD_LINE_RULES = (
    (re.compile(r"^\s{0,3}(?:>\s?)+"), ""),
    (re.compile(r"^\s{0,3}[*+]\s+"), ""),  # not "-": a dash opens direct speech
    (re.compile(r"^\s{0,3}\d{1,3}[.)]\s+"), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])"), r"\1"),
)
_MD_DROP = re.compile(r"^\s{0,3}(?:(?:[-*_]\s*){3,}|```.*|~~~.*|\[[^\]]+\]:\s+\S+.*)$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


@dataclass(frozen=True)
class Paragraph:
    index: int  # 1-based, as reported to moderators
    line: int  # 1-based source line where the paragraph starts
    text: str


@dataclass(frozen=True)
class RawDocument:
    name: str
    source: str
    date: date | None
    title: str
    language: str
    encoding: str
    paragraphs: tuple[Paragraph, ...]
    url: str | None = None
    own_title: bool = False  # the title is the release's own headline, not a made-up one
    dateline: str | None = None  # "АСТАНА. KAZINFORM –" → "Астана": where it was filed


@dataclass
class _Lines:
    lines: list[tuple[int, str]]  # (source line, text); "" separates paragraphs
    title: str | None = None
    date: date | None = None
    url: str | None = None
    blocks: bool = False  # HTML: every line is a paragraph of its own

    def filled(self) -> list[int]:
        """Indices of the lines that have text."""
        return [i for i, (_, text) in enumerate(self.lines) if text.strip()]


def _markdown(text: str) -> _Lines:
    raw = text.split("\n")
    result = _Lines([])
    start = 0
    if raw and raw[0].strip() == "---":  # YAML front matter: title/date only
        for end in range(1, len(raw)):
            if raw[end].strip() in ("---", "..."):
                for line in raw[1:end]:
                    key, _, value = line.partition(":")
                    value = value.strip().strip("\"'")
                    if key.strip().lower() == "title" and value:
                        result.title = value
                    elif key.strip().lower() == "date" and (parsed := parse_date_prefix(value)):
                        result.date = parsed[0]
                start = end + 1
                break
    for number, line in enumerate(raw[start:], start + 1):
        if _MD_DROP.match(line):
            result.lines.append((number, ""))
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            if len(heading.group(1)) == 1 and result.title is None and not _has_text(result):
                result.title = _strip_md(heading.group(2))
                continue
            line = heading.group(2)
        result.lines.append((number, _strip_md(line)))
    return result


def _has_text(lines: _Lines) -> bool:
    return any(text.strip() for _, text in lines.lines)


def _strip_md(line: str) -> str:
    for pattern, replacement in _MD_LINE_RULES:
        line = pattern.sub(replacement, line)
    return line


def _html(text: str) -> _Lines:
    article = extract_html(text)
    lines = [(b.line, b.text) for b in article.blocks]
    return _Lines(lines, title=article.title, date=article.date, url=article.url, blocks=True)


def _take_date(lines: _Lines) -> tuple[date | None, str | None]:
    """Find the date line among the first three; lines above it are the headline."""
    filled = lines.filled()[:3]
    for rank, i in enumerate(filled):
        number, text = lines.lines[i]
        parsed = parse_date_prefix(text)
        counter = parsed is not None and parsed[1].isdigit()  # "12.05.2022 290": views
        if parsed is None or (rank > 0 and parsed[1] and not lines.blocks and not counter):
            continue
        found, rest = parsed
        if (lines.blocks and len(rest.split()) < 8) or counter:
            rest = ""  # "5 марта 2026 · 1 204 просмотра": page furniture, not article text
        following = next((lines.lines[j][1].strip() for j in filled[rank + 1 :]), "")
        if _masthead(rest) and _headline_like(following) and not _masthead(following):
            rest = ""  # "date … Qazaq TV Телерадиокомпания …" ¶ headline: the channel's name
        elif is_furniture(rest):
            rest = ""  # "date … Go to the main site": a page link, never the headline
        above: list[str] = []
        for j in filled[:rank]:
            line = lines.lines[j][1].strip()
            if not above or line != above[-1]:  # a page that repeats its headline
                above.append(line)
        headline = " ".join(above) or None
        for j in filled[:rank]:
            lines.lines[j] = (lines.lines[j][0], "")
        lines.lines[i] = (number, rest)
        _drop_bare_dates(lines, i)
        return found, headline
    return lines.date, None


# A news page's header flattened onto the first line: "Headline Rubric 28 февраля 2026 г. 6:00
# 9 Author Lead…" — the date with the time of day after it is the page's stamp
_PAGE_STAMP = re.compile(
    r"(?<![\w.])(\d{1,2}\s+[^\W\d_]{3,12}\s+\d{4}\s*г\.)\s*\d{1,2}:\d{2}(?:\s+\d{1,7})?\s+"
)
_STAMP_REACH = 300
# the author's name after the stamp, before a lead that opens with a capital ("… 7:31 11 Ербол
# Тишкамбаев Продолжаются встречи …"): a byline, never the lead's speaker
_HEADER_BYLINE = re.compile(
    r"^\s*[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+\s+[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?=\s+[А-ЯЁӘҒҚҢӨҰҮҺІ])"
)
_HEADER_CREDIT = re.compile(
    r"\s(?:фото|сурет)\s+(?:\S+\s+){0,3}?(?:пресс-служб\w*|баспасөз\s+қызмет\w*)"
    r"(?:\s+[А-ЯЁӘҒҚҢӨҰҮҺІ][\wА-Яа-яЁё-]*){0,4}?\s+(?:РК|Казахстана|ҚР)(?=\s|$)",
    re.I,
)


def _page_stamp(lines: _Lines) -> tuple[date | None, str | None]:
    """The date of a page header flattened onto the first line, the words before it the
    headline; the line keeps only the text after the stamp (and its view count)."""
    filled = lines.filled()[:1]
    if not filled:
        return None, None
    number, text = lines.lines[filled[0]]
    match = _PAGE_STAMP.search(text, 0, _STAMP_REACH)
    parsed = parse_date_prefix(match.group(1)) if match else None
    if match is None or parsed is None:
        return None, None
    before = text[: match.start()].strip()
    rest = _HEADER_BYLINE.sub("", text[match.end() :], count=1)
    # "… в регионах фото пресс-службы Сената Парламента РК О том, как …": the photo's credit
    # under the header ends its lead; the article's text begins after it
    credit = _HEADER_CREDIT.search(rest, 0, _STAMP_REACH)
    if credit is None:
        lines.lines[filled[0]] = (number, rest)
    else:
        lead, body = rest[: credit.start()].rstrip(), rest[credit.end() :].lstrip()
        lead += "" if not lead or lead.endswith((".", "!", "?", "…")) else "."
        at = filled[0]
        lines.lines[at : at + 1] = [(number, lead), (number, ""), (number, body)]
    return parsed[0], before if _headline_like(before) else None


_CAPS_CAPTION = re.compile(r"^\s*([^\W\d_]+(?:[ -][^\W\d_]+){1,2}),\s*([^\d:]{3,80}?)\s*:?\s*$")


def _caps_captions(lines: _Lines) -> None:
    """A TV transcript's caption in capitals ('БАХАДЫР НАРЫМБЕТОВ, ПРЕДСЕДАТЕЛЬ МАСЛИХАТА') is
    written as the other captions are ('Бахадыр Нарымбетов, председатель маслихата:')."""
    filled = lines.filled()
    for k, i in enumerate(filled[:-1]):
        number, text = lines.lines[i]
        match = _CAPS_CAPTION.match(text)
        following = lines.lines[filled[k + 1]][1]
        if match is None or len(text.split()) > 12 or following.isupper():
            continue
        # the whole caption in capitals, or only its name ('СЕРГЕЙ ХУДЯКОВ, председатель …:')
        if not (text.isupper() or (match.group(1).isupper() and text.rstrip().endswith(":"))):
            continue
        name = " ".join(w.capitalize() for w in match.group(1).split())
        role = match.group(2).lower() if match.group(2).isupper() else match.group(2)
        lines.lines[i] = (number, f"{name}, {role}:")


def _drop_bare_dates(lines: _Lines, taken: int) -> None:
    """A second date line near the top (a page's own stamp under a `date` line) is no text."""
    filled = lines.filled()[:4]
    for i in filled:
        parsed = parse_date_prefix(lines.lines[i][1]) if i != taken else None
        if parsed is not None and not parsed[1]:
            lines.lines[i] = (lines.lines[i][0], "")


def _paragraphs(lines: _Lines) -> tuple[Paragraph, ...]:
    """Blank lines separate paragraphs; without any, each line is one; a dash line always starts."""
    filled = [(n, t.strip()) for n, t in lines.lines]
    used = [i for i, (_, t) in enumerate(filled) if t]
    if not used:
        return ()
    inner = filled[used[0] : used[-1] + 1]
    blank_separated = not lines.blocks and any(not t for _, t in inner)
    groups: list[tuple[int, list[str]]] = []
    new = True
    for number, text in filled:
        if not text:
            new = True
            continue
        if new or lines.blocks or not blank_separated or _SPEECH_START.match(text):
            groups.append((number, [text]))
        else:
            groups[-1][1].append(text)
        new = False
    return tuple(Paragraph(i, n, " ".join(parts)) for i, (n, parts) in enumerate(groups, 1))


def _strip_dateline(paragraphs: tuple[Paragraph, ...]) -> tuple[tuple[Paragraph, ...], str | None]:
    """The first paragraph without its dateline ('АСТАНА. KAZINFORM –'), and the town."""
    if not paragraphs:
        return paragraphs, None
    text, town = split_dateline(paragraphs[0].text)
    return (replace(paragraphs[0], text=text), *paragraphs[1:]), town


def _open_mark(text: str) -> str | None:
    """The quotation mark a paragraph leaves open («, “ or a straight "), if any."""
    if text.count("«") > text.count("»"):
        return "«"
    if text.count("“") > text.count("”"):
        return "“"
    if text.count('"') % 2 == 0:
        return None
    # 'The draft keeps free schools," X said.': a lone mark closing speech whose opening mark
    # the page lost opens nothing (it joined the next paragraphs into one)
    first = text.find('"')
    lost_opening = first > 0 and UNOPENED_CLOSE.match(text, first) is not None
    return None if lost_opening and text.count('"') == 1 else '"'


def _balanced(text: str) -> bool:
    return (
        text.count("«") == text.count("»")
        and text.count("“") == text.count("”")
        and text.count('"') % 2 == 0
    )


def _join_open_quotes(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """A quote that runs over several paragraphs is one paragraph: «… ¶ «… ¶ …», and the same
    with “…” or straight "…" marks, which many outlets use."""
    out: list[Paragraph] = []
    i = 0
    while i < len(paragraphs):
        para = paragraphs[i]
        text = para.text
        j = i
        while (mark := _open_mark(text)) and j + 1 < len(paragraphs) and j - i < 3:
            j += 1
            nxt = paragraphs[j].text
            # the Russian convention reopens every continued paragraph with its opening mark
            text = f"{text} {nxt[1:] if nxt.startswith(mark) else nxt}"
        if not _balanced(text):
            text, j = para.text, i  # never closed: leave the paragraphs as they were
        out.append(
            Paragraph(len(out) + 1, para.line, text) if j > i else replace(para, index=len(out) + 1)
        )
        i = j + 1
    return tuple(out)


def _shorten(text: str) -> str:
    if len(text) <= TITLE_LIMIT:
        return text
    return text[:TITLE_LIMIT].rsplit(" ", 1)[0].rstrip(",;:–—- ") + "…"


_RU_MONTHS = ("января февраля марта апреля мая июня июля августа сентября октября ноября "
              "декабря").split()  # fmt: skip
_EN_MONTHS = ("January February March April May June July August September October November "
              "December").split()  # fmt: skip
_KK_MONTHS = ("қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша "
              "желтоқсан").split()  # fmt: skip


def neutral_title(
    found: date | None, language: str, url: str | None = None, senate: bool = True
) -> str:
    """'Сенат РК, пресс-релиз от 5 марта 2026' — never a sentence about one senator; in the
    release's own language, as an English reader would not read a Russian title. A page with a
    web address is titled by its site ('zakon.kz, 3 марта 2026'), and a text that never names the
    Senate is a 'Публикация': an article about an akim's meeting is no Senate press release."""
    when = _date_words(found, language)
    if url and (host := urlsplit(url).hostname):
        site = host.removeprefix("www.")
        return f"{site}, {when}" if when else site
    if language == "en":
        what = "Senate of Kazakhstan, press release" if senate else "Publication"
        return f"{what} of {when}" if when else f"{what} (undated)"
    if language == "kk":
        what = "ҚР Сенаты, баспасөз релизі" if senate else "Жарияланым"
        return f"{what}, {when}" if when else f"{what} (күні белгісіз)"
    what = "Сенат РК, пресс-релиз" if senate else "Публикация"
    return f"{what} от {when}" if when else f"{what} (без даты)"


def _date_words(found: date | None, language: str) -> str:
    if found is None:
        return ""
    if language == "en":
        return f"{found.day} {_EN_MONTHS[found.month - 1]} {found.year}"
    if language == "kk":
        return f"{found.year} жылғы {found.day} {_KK_MONTHS[found.month - 1]}"
    return f"{found.day} {_RU_MONTHS[found.month - 1]} {found.year}"


_URL_LINE = re.compile(
    r"^\s*(?:(?:url|source|link|источник|ссылка|дереккөз|сілтеме)\s*:?\s*)?(https?://\S+)\s*$", re.I
)


def _take_url(lines: _Lines) -> None:
    """A `url https://…` line among the first lines is the release's address, not its text."""
    filled = lines.filled()[:4]
    for i in filled:
        match = _URL_LINE.match(lines.lines[i][1])
        if match:
            lines.url = lines.url or match.group(1).rstrip(").,;")
            lines.lines[i] = (lines.lines[i][0], "")
            return


# '"Еще рано …": Ашимбаев пошутил …', '«…» – Сенат төрағасы': a headline that opens with a quote
_QUOTED_HEADLINE = re.compile(r'^[«"“„][^«»"“”„]{3,}[»"”“]\s*(?::|[–—-])\s+\w')
# "«Ауыл» партиясы … ұсынды": a headline that opens with a body's «name», not with a quote
_NAMED_HEADLINE = re.compile(r"^«[^«»]{1,40}»\s+[a-zа-яёәғқңөұүһі]")
_HEADLINE_OPENERS = (_QUOTED_HEADLINE, _NAMED_HEADLINE)


def _take_headline(lines: _Lines) -> str | None:
    """A short first line with no closing stop, standing apart from the text, is a headline."""
    filled = lines.filled()
    if len(filled) < 2:
        return None
    i = filled[0]
    text = lines.lines[i][1].strip()
    second = lines.lines[filled[1]][1].strip()
    if len(second.split()) >= 3 and text.endswith(second) and filled[1] > i + 1:
        # "Басты Жаңалықтар Қостанайда …" then "Қостанайда …": a breadcrumb, then the headline
        lines.lines[i] = (lines.lines[i][0], "")
        i, text = filled[1], second
        filled = filled[1:]
        if len(filled) < 2:
            return None
    # apart: a blank line after it, or no blank line between any two lines of text (a page
    # pasted one paragraph per line); the newline that ends the file is no blank line
    between = lines.lines[i : filled[-1]]
    apart = (
        filled[1] > i + 1
        or not any(not t.strip() for _, t in between)
        or _english_headline(text, second)
    )
    if (
        len(text.split()) > 16
        or len(text) > 160
        or text.endswith((".", ":", ",", ";", "…"))
        or (text[:1] in '«"“„' and not any(r.match(text) for r in _HEADLINE_OPENERS))
        or text[:1] in "–—-"
        or not apart
    ):
        return None
    lines.lines[i] = (lines.lines[i][0], "")
    following = lines.lines[filled[1]]
    if len(filled) > 2 and following[1].strip() == text:  # a page that repeats its headline
        lines.lines[filled[1]] = (following[0], "")
    return text


# An English headline in title or sentence case: Latin words, no closing stop
_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _english_headline(text: str, second: str) -> bool:
    """An English headline needs no blank line after it: 'Senator met with students in
    Kostanay' then 'KOSTANAY, March 3, 2026 (Kazinform) – Senator …' on the next line. The
    line must be English words and the next line must open a sentence (a capital or a quote)."""
    words = text.split()
    latin = [w for w in words if _LATIN_WORDS.fullmatch(w.strip(",:;!?()\"“”«»'‘’"))]
    if len(words) < 3 or len(latin) < 0.8 * len(words) or not text[:1].isupper():
        return False
    return second[:1].isupper() or second[:1] in '«"“'


# A site's or channel's masthead above the headline: 'Senate of the Parliament' ¶ 'of the
# Republic of Kazakhstan', 'Qazaq TV Телерадиокомпания Президента Казахстана', 'Сенат
# Парламента Республики Казахстан' — a body's or outlet's name, every word capitalised.
_MASTHEAD_BODY = re.compile(
    r"\b(?:senate|parliament|mazhilis|republic|ministry|agency|news|tv|television|radio|channel"
    r"|broadcasting|akimat|сенат\w*|парламент\w*|мажилис\w*|мәжіліс\w*|республик\w*"
    r"|министерств\w*|агентств\w*|новост\w*|телерадиокомпани\w*|телеканал\w*|акимат\w*"
    r"|әкімдік\w*)\b",
    re.I,
)
_MASTHEAD_SMALL = frozenset("of the and for on и мен пен және".split())
_MASTHEAD_MAX_WORDS = 10


def _masthead(text: str) -> bool:
    """A name and nothing else: short, no stop, a body's word, each other word capitalised
    (a headline in sentence case has a lowercase verb: 'Сенат … одобрил закон')."""
    words = text.split()
    return (
        0 < len(words) <= _MASTHEAD_MAX_WORDS
        and not text.rstrip().endswith((".", ":", ";", ",", "!", "?", "…"))
        and bool(_MASTHEAD_BODY.search(text))
        and all(w[:1].isupper() or w.isupper() or w.casefold() in _MASTHEAD_SMALL for w in words)
    )


def _headline_like(text: str) -> bool:
    """Three to 25 words opening with a capital or a quote and ending with no stop."""
    words = text.split()
    return (
        3 <= len(words) <= 25
        and (text[:1].isupper() or text[:1] in '«"“')
        and not text.endswith((".", ":", ";", ","))
    )


def _drop_masthead(lines: _Lines) -> None:
    """The first line of text (after a date line) that is only a body's or outlet's name is
    furniture when a headline follows it; a name broken over two lines ('Senate of the
    Parliament' ¶ 'of the Republic of Kazakhstan') is read whole."""
    filled = [i for i in lines.filled() if parse_date_prefix(lines.lines[i][1]) is None][:3]
    if len(filled) < 2:
        return
    name = [filled[0]]
    text = lines.lines[filled[0]][1].strip()
    after = lines.lines[filled[1]][1].strip()
    if filled[1] == filled[0] + 1 and after.split()[0] == "of":
        name.append(filled[1])
        text = f"{text} {after}"
        if len(filled) < 3:
            return
        after = lines.lines[filled[2]][1].strip()
    if not (_masthead(text) and _headline_like(after)) or _masthead(after):
        return
    for i in name:
        lines.lines[i] = (lines.lines[i][0], "")


MAX_PARAGRAPH_CHARS = 20_000


def read_document(name: str, data: bytes) -> tuple[RawDocument | None, list[Issue]]:
    """Decode, extract and split one file; errors come back as Issues, never exceptions."""
    suffix = PurePath(name).suffix.lower()

    def error(code: str, message: str, line: int | None = None) -> list[Issue]:
        return [Issue(level="error", code=code, message=f"{name}: {message}", file=name, line=line)]

    if suffix not in ALLOWED_SUFFIXES:
        allowed = " ".join(ALLOWED_SUFFIXES)
        return None, error("unsupported_format", f"{suffix or 'no extension'}; allowed: {allowed}")
    if not data.strip():
        return None, error("empty_file", "the file is empty", 1)
    decoded = decode(data)
    if isinstance(decoded, DecodeError):
        return None, error(decoded.code, decoded.message, decoded.line)
    text = clean(decoded.text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():  # a byte-order mark or invisible characters only
        return None, error("empty_file", "the file is empty", 1)
    if suffix in (".html", ".htm") or _HTML_SNIFF.match(text):
        lines = _html(text)
    elif suffix == ".md":
        lines = _markdown(text)
    else:
        lines = _Lines(list(enumerate(text.split("\n"), 1)))
    _take_url(lines)
    drop_furniture(lines.lines)
    if lines.title is None and not lines.blocks:
        _drop_masthead(lines)
    found_date, headline = _take_date(lines)
    if found_date is None and not lines.blocks:
        found_date, headline = _page_stamp(lines)
    elif found_date is not None and not lines.blocks:
        # "date …" and then the page's header flattened onto the same line: the date line's
        # date stands, the header's headline titles the release and its stamp is no text
        stamped = _page_stamp(lines)[1]
        headline = headline or stamped
    if headline is None and lines.title is None and not lines.blocks:
        headline = _take_headline(lines)
    _caps_captions(lines)
    joined = _join_open_quotes(_paragraphs(lines))
    if found_date is None and joined:
        found_date = dateline_date(joined[0].text)
    paragraphs, dateline = _strip_dateline(joined)
    huge = next((p for p in paragraphs if len(p.text) > MAX_PARAGRAPH_CHARS), None)
    if huge is not None:
        # A press release paragraph is a few hundred characters; a 100 000-character one is not
        # prose, and parsing it would hold the corpus worker for minutes.
        return None, error(
            "paragraph_too_long",
            f"a paragraph of {len(huge.text)} characters (at most {MAX_PARAGRAPH_CHARS})",
            huge.line,
        )
    if not paragraphs:
        what = (
            "no article text found in the page"
            if lines.blocks
            else "no text after the date"
            if found_date is not None
            else "no text, only a headline or a web address"
        )
        return None, error("no_text", what, 1)
    issues: list[Issue] = []
    if found_date is None:
        issues.append(
            Issue(
                level="warning",
                code="no_date",
                message=f"{name}: no date on the first lines (expected e.g. 'date 2026-03-05', "
                "'5 марта 2026 г.' or '05.03.2026')",
                file=name,
                line=1,
            )
        )
    body = " ".join(p.text for p in paragraphs)
    language = detect_language(body)
    senate = names_senate(body)
    title = _shorten(
        lines.title or headline or neutral_title(found_date, language, lines.url, senate)
    )
    document = RawDocument(
        name=name,
        source=lines.url or name,
        date=found_date,
        title=title,
        language=language,
        encoding=decoded.encoding,
        paragraphs=paragraphs,
        url=lines.url,
        own_title=bool(lines.title or headline),
        dateline=dateline,
    )
    return document, issues
