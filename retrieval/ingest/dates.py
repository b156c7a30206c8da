"""Release dates as written on a first line: `date 2026-03-05`, `5 марта 2026 г.`, `05.03.2026`."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    # Russian (genitive and nominative stems), Kazakh, English
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6, "шілде": 7,
    "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_WORD = r"(?P<month>[^\W\d_]{3,12})"
_YEAR_TAIL = r"(?:\s*(?:г\.|года|год|г(?!\w)|ж\.|жыл\w*))?"
_PATTERNS = (
    re.compile(r"(?:date|дата|күні)\s*:?\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})", re.I),
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T[\d:.+Z-]*)?"),
    re.compile(r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})" + _YEAR_TAIL),
    re.compile(r"(?P<d>\d{1,2})\s+" + _MONTH_WORD + r",?\s+(?P<y>\d{4})" + _YEAR_TAIL, re.I),
    re.compile(r"(?P<y>\d{4})\s*(?:жылғы|ж\.)?\s+(?P<d>\d{1,2})\s+" + _MONTH_WORD, re.I),
    re.compile(_MONTH_WORD + r"\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})", re.I),  # 'Feb. 9, 2026'
)
_SEPARATORS = " \t.,;:|–—-"
# a weekday before the date, with its comma: "Суббота, 07 Февраля 2026", "Жұма, 6 наурыз 2026"
_WEEKDAY = re.compile(
    r"(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|дүйсенбі|сейсенбі"
    r"|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday)\s*,\s*(?=\d)",
    re.I,
)
_TIME = re.compile(r"^[,\s]*(?:в\s+)?\d{1,2}:\d{2}(?::\d{2})?")


def _month(word: str) -> int | None:
    word = word.casefold()
    best: tuple[int, int] | None = None
    for stem, number in _MONTHS.items():
        # "ма" (мая) is short: it must be the whole stem of a short word, not "март"
        fits = word.startswith(stem) and (stem != "ма" or word in {"мая", "май"})
        if fits and (best is None or len(stem) > best[0]):
            best = (len(stem), number)
    return best[1] if best else None


def parse_date_prefix(line: str) -> tuple[date, str] | None:
    """A date at the very start of `line` and the text after it, or None."""
    stripped = line.lstrip()
    if weekday := _WEEKDAY.match(stripped):
        stripped = stripped[weekday.end() :]
    for pattern in _PATTERNS:
        match = pattern.match(stripped)
        if match is None:
            continue
        groups = match.groupdict()
        month = int(groups["m"]) if groups.get("m") else _month(groups.get("month") or "")
        if month is None:
            continue
        try:
            found = date(int(groups["y"]), month, int(groups["d"]))
        except ValueError:
            continue
        rest = stripped[match.end() :]
        if rest and rest[0].isalnum() and not match.group(0).endswith((".", " ")):
            continue  # "2026-03-05abc" is not a date line
        return found, _TIME.sub("", rest).lstrip(_SEPARATORS).strip()
    return None
