"""Page furniture is never content: photo credits and captions, bylines, view counters,
"Читайте также", tags and share lines are dropped before paragraphs are formed, and a
dateline ("АСТАНА. KAZINFORM –") is cut from the front of the first paragraph."""

from __future__ import annotations

import re
from datetime import date

from retrieval.ingest.dates import parse_date_prefix

_WHOLE_LINE = re.compile(
    r"^\s*(?:"
    r"(?:фото|фотография|сурет|суреттер|фотосурет|видео|бейне|photo|foto|sýret|suret"
    r"|источник\s+фото|коллаж)"
    r"(?:\s+автора|\s+из\s+архива|\s+с\s+сайта)?\s*(?::|–|—|-|©|$)"
    r"|(?:автор|авторы|материал\s+подготовил\w*|подготовил\w*|корреспондент|тілші|текст|редактор"
    r"|жазған|дайындаған|оператор)\s*[:–—-]"
    r"|материал\s+подготовил\w*\s"
    r"|(?:читайте\s+также|читать\s+также|смотрите\s+также|см\.\s+также|оқи\s+отырыңыз|тағы\s+оқыңыз"
    r"|сондай-ақ\s+оқыңыз|қараңыз|подписывайтесь|подпишитесь|поделиться|бөлісу|теги|тегтер|метки"
    r"|ключевые\s+слова|share|tags|related)\b"
    r"|[\d\s·•|]*\d[\d\s]*\s*(?:просмотр\w*|рет\s+(?:көрсетілді|қаралды)|қаралым\w*|views?)\b"
    r"|©"
    # a credit with no colon: "фото пресс-службы Сената Парламента РК", "Foto Senattyń
    # baspasóz qyzmeti", "Сурет Сенаттың баспасөз қызметінен"
    r"|(?:фото|сурет|foto|sýret|suret)\s+(?:\S+\s+){0,3}"
    r"(?:пресс-служб\w*|баспасөз\s+қызмет\w*|baspasóz\s+qyzmet\w*|baspasöz\s+qyzmet\w*)"
    # a picture from the open web: "ашық дереккөзі", "фото из открытых источников"
    r"|(?:(?:фото|сурет)\s+)?(?:из\s+)?открыт\w*\s+источник\w*\s*$|ашық\s+дереккөз\w*\s*$"
    # a hashtag rubric: "#АЭС в Казахстане"
    r"|#[^\s#]"
    # English credits and page chrome: "Photo credit: …", "Images | senate.parlam.kz",
    # "Author:", "Translation and editing by …", "(Senate Press Service, …)", "Go to the main
    # site"; and an accessibility panel's lines ("Цвет сайта")
    r"|(?:photo|image)s?\s+(?:credit|by|courtesy)\b|images?\s*[:|]"
    r"|(?:author|translation|translated|editing|edited|reporting)(?:\s+and\s+\w+)?\s*(?:by\b|:)"
    r"|\([^()]*press\s+service[^()]*\)\s*$|go\s+to\s+the\s+main\s+site|read\s+(?:also|more)\b"
    r"|currently\s+reading|цвет\s+сайта|расстояние\s+между\s+буквами|версия\s+для\s+слабовидящих"
    r")",
    re.I,
)
# Lines that are furniture only when alone: a rubric ("Басты жаңалықтар", "Общество"), a
# bulleted counter ("• 276"), a weather or currency bar, a language switch
# ("РУ"), a bare counter ("48", "91 рет", "көрсетілді"), a reading time ("1 мин", "оқу үшін"),
# "Опубликовано:", a time stamp with its zone ("09:52, 09 Февраль 2026 | GMT +5")
_ALONE = re.compile(
    r"^\s*(?:[•·|]\s*)?(?:(?:басты\s+)?жаңалықтар|новости|главное|главные\s+новости|лента\s+новостей"
    r"|общество|политика|экономика|события|парламент|қоғам|саясат|оқиға|sayasat|qoǵam"
    r"|ру|рус|қаз|каз|kaz|kz|ru|en|eng|\d{1,7}|\d+\s*рет|көрсетілді|қаралды"
    r"|\d+\s*мин(?:ут\w*)?\.?(?:\s+(?:чтения|оқу\s+үшін))?|оқу\s+үшін|чтения"
    r"|опубликовано|жарияланды|обновлено"
    # a regional site's weather and currency bar: "Погода", "Cемей-22°С", "• Абай18°С",
    # "503.17 600.89 6.63"
    r"|погода|ауа\s+райы|weather|[^\W\d_]+(?:[\s-]+[^\W\d_]+)?\s*[-+−]?\d{1,2}\s*°\s*[CС]?"
    r"|\d{1,4}[.,]\d{1,2}(?:\s+\d{1,4}[.,]\d{1,2}){1,5}"
    r"|\d{1,2}:\d{2}\b.{0,40}\b(?:gmt|utc)\b.*)\s*:?\s*$",
    re.I,
)
# A rubric before a date: "Саясат • 31 Қазан, 2022" (the date stays, the rubric goes)
_RUBRIC = re.compile(r"^\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s*[•·|]\s*(?=\d)")
# A byline alone on a line: "Индира БЕГАЙДАР", "Ерлан ОМАРОВ, «Egemen Qazaqstan»"
# (never "Нұртөре ЖҮСІП, сенатор: Рухы мықты …" — a headline that quotes someone)
_BYLINE = re.compile(
    r"^\s*[А-ЯЁӘҒҚҢӨҰҮҺІA-Z][а-яёәғқңөұүһіa-z]+\s+[А-ЯЁӘҒҚҢӨҰҮҺІA-Z-]{3,}\s*(?:,[^:]*)?$"
)
# A rubric, date and time, with counters or a byline after them and no sentence: "Парламент
# 4 марта 2026 г. 7:31 11 Ербол Тишкамбаев", "Сенат Парламента РК, фото - Новости Zakon.kz от
# 11.09.2025 12:20 Фото: …". Near the top its date is kept (it may be the release's only one).
_STAMP = re.compile(
    r"^\s*(?P<lead>[^\d\n]{0,60}?)"
    r"(?P<date>\d{1,2}\s+[^\W\d_]{3,12},?\s+\d{4}(?:\s*(?:г\.|года|ж\.))?|\d{1,2}\.\d{1,2}\.\d{4})"
    r",?\s+(?:в\s+)?\d{1,2}:\d{2}\b(?P<rest>.*)$"
)
_STAMP_KEEP_DATE = 4  # among the first filled lines a stamp leaves its date for the reader
# Furniture glued to the end of a paragraph: "… работу. Корреспондент: Алия Нуржанова."
_TAIL = re.compile(
    r"\s+(?:фото|сурет|корреспондент|автор|тілші|видео|бейне)\s*:\s*[^.!?]{1,60}\.?\s*$", re.I
)
_DATELINE = re.compile(
    r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ-]{3,}(?:[.,]\s*[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё.]{2,}\s*[-–—]\s+|[.,]\s+)(?=\S)"
)
_MAX_WORDS = 14
# A social post embedded in the page, flattened into the text around it: "Посмотреть эту
# публикацию в Instagram Публикация от Жеңіс Қасымбек (@jenis_qasymbek)", "View this post on
# Instagram A post shared by X (@x)". Glued to the next sentence it made that sentence the
# post author's ("… (@x) Ранее президент … высказался …" went to the author and the President).
_EMBED = re.compile(
    r"(?:посмотреть\s+эту\s+публикацию\s+в\s+instagram|view\s+this\s+post\s+on\s+instagram)\s*"
    r"|(?:публикация\s+от|a\s+post\s+shared\s+by)\s+[^()\n]{1,60}?\(@[\w.]+\)\s*",
    re.I,
)


def is_furniture(line: str) -> bool:
    """A photo credit, byline, counter, 'read also', tags or share line."""
    text = line.strip()
    if not text or len(text.split()) > _MAX_WORDS:
        return False
    return bool(_WHOLE_LINE.match(text) or _BYLINE.match(text) or _ALONE.match(text))


def _stamp(text: str) -> str | None:
    """The date a rubric/date/time stamp line carries ('' when the line is no stamp: None)."""
    match = _STAMP.match(text)
    if match is None or text.rstrip().endswith((".", "!", "?", "…")) or len(text.split()) > 16:
        return None
    if not (match.group("lead").strip() or match.group("rest").strip()):
        return None  # "5 марта 2026, 10:30" alone is a date line, read as one
    return match.group("date")


def drop_furniture(lines: list[tuple[int, str]]) -> None:
    """Blank every furniture line in place (line numbers stay right for moderators)."""
    filled = 0  # lines with text so far, furniture (rubrics, tags, counters) not counted
    for i, (number, text) in enumerate(lines):
        furniture = is_furniture(text)
        filled += bool(text.strip()) and not furniture
        if (when := _stamp(text)) is not None:
            lines[i] = (number, when if filled <= _STAMP_KEEP_DATE else "")
        elif furniture:
            lines[i] = (number, "")
        elif _TAIL.search(text):
            lines[i] = (number, _TAIL.sub("", text))
        elif _EMBED.search(text):
            lines[i] = (number, _EMBED.sub("", text).rstrip())
        elif _RUBRIC.match(text):
            lines[i] = (number, _RUBRIC.sub("", text))


# An English agency dateline with its date: "ASTANA, March 3, 2026 (Kazinform) – "
_EN_DATELINE = re.compile(
    r"^[A-Z][A-Z-]{2,},\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})"
    r"(?:\s*\([^()]{2,30}\))?\s*[-–—]\s+(?=\S)"
)


# "On February 9, 2026, Senator X met …": an English article's first words date its event (also
# "On Monday, February 9, 2026, …", "On Feb. 9, 2026 Senator X …")
_EN_ON_DATE = re.compile(
    r"^On\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?|\d{1,2}\s+[A-Z][a-z]{2,8})\s+\d{4}),?\s"
)


def dateline_date(text: str) -> date | None:
    """The date an English dateline gives ('ASTANA, March 3, 2026 (Kazinform) –') or the first
    paragraph opens with ('On February 9, 2026, …'), if any."""
    match = _EN_DATELINE.match(text) or _EN_ON_DATE.match(text)
    parsed = parse_date_prefix(match.group("date")) if match else None
    return parsed[0] if parsed else None


def split_dateline(text: str) -> tuple[str, str | None]:
    """'АСТАНА. Сегодня …' → ('Сегодня …', 'Астана'); text without a dateline is unchanged."""
    match = _EN_DATELINE.match(text) or _DATELINE.match(text)
    if match is None or not text[match.end() :].strip():
        return text, None
    place = re.match(r"[\w-]+", text)
    return text[match.end() :], place.group(0).capitalize() if place else None
