"""A moderator's upload caption gives a release its address and date: "https://… 05.03.2026".

They are written into the file itself (a `url …` / `date …` header in text, a canonical link
and a published-time meta tag in HTML), so the saved release carries them through every
rebuild, and the caption wins over whatever the file says.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from retrieval.ingest.dates import parse_date_prefix

_URL = re.compile(r"https?://[^\s<>\"'«»]+")
_BOM = b"\xef\xbb\xbf"


def caption_facts(caption: str | None) -> tuple[str | None, str | None]:
    """(url, ISO date) found in a caption; either may be None."""
    if not caption:
        return None, None
    url_match = _URL.search(caption)
    url = url_match.group(0).rstrip(").,;") if url_match else None
    rest = _URL.sub(" ", caption)
    found = None
    for match in re.finditer(r"\S", rest):
        start = match.start()
        if start and not rest[start - 1].isspace():
            continue
        parsed = parse_date_prefix(rest[start:])
        if parsed is not None:
            found = parsed[0].isoformat()
            break
    return url, found


def apply_caption(name: str, data: bytes, caption: str | None) -> bytes:
    """The file with the caption's URL and date written in; unchanged without either."""
    url, when = caption_facts(caption)
    if url is None and when is None:
        return data
    if PurePath(name).suffix.lower() in (".html", ".htm"):
        tags = ""
        if url:
            tags += f'<link rel="canonical" href="{_attr(url)}">'
        if when:
            tags += f'<meta property="article:published_time" content="{when}">'
        return _after_bom(data, tags.encode("ascii", "xmlcharrefreplace") + b"\n")
    header = ""
    if url:
        header += f"url {url}\n"
    if when:
        header += f"date {when}\n"
    return _after_bom(data, header.encode("utf-8") if data.startswith(_BOM) or _utf8(data)
                      else header.encode("ascii", "replace"))  # fmt: skip


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _after_bom(data: bytes, header: bytes) -> bytes:
    if data.startswith(_BOM):
        return _BOM + header + data[len(_BOM) :]
    return header + data
