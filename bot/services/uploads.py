"""Moderator uploads before they are published: cheap checks and the pending-upload store.

The checks run before anything is parsed (size before the file is even downloaded); the
real decoding and parsing is the ingestion's (`CorpusAdminAPI.preview`). A pending upload
waits for its Publish/Discard press in an `UploadStore` (`bot.shared`: this process's memory,
or Redis so that any replica can publish it), addressed by a short random token that only
the uploading moderator can use.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import PurePath

from retrieval.ingest.decode import MAX_BYTES

# The ingestion's own limit, defined once there; suffixes are pinned equal by a test.
MAX_UPLOAD_BYTES = MAX_BYTES
UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm")
# One line of a .txt/.md release is one paragraph, a few thousand characters at most; parsing
# time grows faster than the paragraph (a 1 MB single-line .txt took 85 s of the ingestion's
# worker, blocking every other corpus change), so a longer line is refused before parsing.
MAX_LINE_BYTES = 32_000
_LINE_CHECKED = (".txt", ".md")
_SNIFF_BYTES = 8192
_BINARY_MAGIC = (b"PK\x03\x04", b"%PDF", b"\x1f\x8b", b"\x89PNG", b"\xff\xd8\xff", b"Rar!")


class UploadRefused(Exception):
    """Why an upload is refused; `kind` picks the moderator text, `values` fill it."""

    def __init__(self, kind: str, **values: object) -> None:
        super().__init__(kind)
        self.kind = kind
        self.values = values


def check_name(name: str) -> None:
    if PurePath(name).suffix.lower() not in UPLOAD_SUFFIXES:
        raise UploadRefused("bad_type", name=name)


def check_size(size: int | None) -> None:
    """Checked on Telegram's `file_size` before downloading, and again on the bytes."""
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise UploadRefused("too_big", size=size, limit=MAX_UPLOAD_BYTES)


def check_text_like(name: str, data: bytes) -> None:
    """Archives, PDFs, images and anything with NUL bytes (UTF-16 aside) are not releases."""
    head = data[:_SNIFF_BYTES]
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if head.startswith(_BINARY_MAGIC) or (b"\x00" in head and not utf16):
        raise UploadRefused("binary", name=name)


def check_lines(name: str, data: bytes) -> None:
    """Plain text and Markdown: no line over MAX_LINE_BYTES (HTML may be minified)."""
    if PurePath(name).suffix.lower() not in _LINE_CHECKED:
        return
    for number, line in enumerate(data.splitlines(), start=1):
        if len(line) > MAX_LINE_BYTES:
            raise UploadRefused("long_line", name=name, line=number, limit=MAX_LINE_BYTES)


def paste_name(now: datetime | None = None) -> str:
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return f"paste-{moment:%Y%m%d-%H%M%S}.txt"
