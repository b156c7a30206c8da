"""Page furniture is never content: photo credits and captions, bylines, view counters,
"Читайте также", tags and share lines are dropped before paragraphs are formed, and a
dateline ("АСТАНА. KAZINFORM –") is cut from the front of the first paragraph."""

from __future__ import annotations

import re

_WHOLE_LINE = re.compile(
    r"^\s*(?:"
    r"(?:фото|фотография|сурет|суреттер|фотосурет|видео|бейне|photo|источник\s+фото|коллаж)"
    r"(?:\s+автора|\s+из\s+архива|\s+с\s+сайта)?\s*(?::|–|—|-|©|$)"
    r"|(?:автор|авторы|материал\s+подготовил\w*|подготовил\w*|корреспондент|тілші|текст|редактор"
    r"|жазған|дайындаған|оператор)\s*[:–—-]"
    r"|материал\s+подготовил\w*\s"
    r"|(?:читайте\s+также|читать\s+также|смотрите\s+также|см\.\s+также|оқи\s+отырыңыз|тағы\s+оқыңыз"
    r"|сондай-ақ\s+оқыңыз|қараңыз|подписывайтесь|подпишитесь|поделиться|бөлісу|теги|тегтер|метки"
    r"|ключевые\s+слова|share|tags|related)\b"
    r"|[\d\s·•|]*\d[\d\s]*\s*(?:просмотр\w*|рет\s+(?:көрсетілді|қаралды)|қаралым\w*|views?)\b"
    r"|©"
    r")",
    re.I,
)
# A byline alone on a line: "Индира БЕГАЙДАР", "Ерлан ОМАРОВ, «Egemen Qazaqstan»"
_BYLINE = re.compile(
    r"^\s*[А-ЯЁӘҒҚҢӨҰҮҺІA-Z][а-яёәғқңөұүһіa-z]+\s+[А-ЯЁӘҒҚҢӨҰҮҺІA-Z-]{3,}\s*(?:,.*)?$"
)
# Furniture glued to the end of a paragraph: "… работу. Корреспондент: Алия Нуржанова."
_TAIL = re.compile(
    r"\s+(?:фото|сурет|корреспондент|автор|тілші|видео|бейне)\s*:\s*[^.!?]{1,60}\.?\s*$", re.I
)
_DATELINE = re.compile(
    r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ-]{3,}(?:[.,]\s*[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё.]{2,}\s*[-–—]\s+|[.,]\s+)(?=\S)"
)
_MAX_WORDS = 14


def is_furniture(line: str) -> bool:
    """A photo credit, byline, counter, 'read also', tags or share line."""
    text = line.strip()
    if not text or len(text.split()) > _MAX_WORDS:
        return False
    return bool(_WHOLE_LINE.match(text) or _BYLINE.match(text))


def drop_furniture(lines: list[tuple[int, str]]) -> None:
    """Blank every furniture line in place (line numbers stay right for moderators)."""
    for i, (number, text) in enumerate(lines):
        if is_furniture(text):
            lines[i] = (number, "")
        elif _TAIL.search(text):
            lines[i] = (number, _TAIL.sub("", text))


def split_dateline(text: str) -> tuple[str, str | None]:
    """'АСТАНА. Сегодня …' → ('Сегодня …', 'Астана'); text without a dateline is unchanged."""
    match = _DATELINE.match(text)
    if match is None or not text[match.end() :].strip():
        return text, None
    place = re.match(r"[\w-]+", text)
    return text[match.end() :], place.group(0).capitalize() if place else None
