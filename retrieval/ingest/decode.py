"""Bytes → text: UTF-8 (BOM or not), UTF-16 with BOM, Cyrillic code pages; refuse the rest."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

MAX_BYTES = 1_000_000
_LEGACY = ("cp1251", "koi8_r", "cp866")
_BINARY_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x7fELF",
    b"{\\rtf",
)
_FREQUENT_RU = set("оеаинтсрвлкмдпу")
_ALLOWED_MARKS = set(" \n\r\t.,;:!?()[]{}<>«»\"'“”„‘’–—-/\\|№%&*+=_#@$^~`…°§•·")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


@dataclass(frozen=True)
class DecodeError:
    code: str
    message: str
    line: int | None = None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _plausible(text: str) -> bool:
    """Does a legacy decoding read as Cyrillic prose rather than mojibake?"""
    if not text.strip():
        return False
    odd = sum(1 for ch in text if not (ch.isalnum() or ch in _ALLOWED_MARKS or ch.isspace()))
    letters = [ch for ch in text if ch.isalpha()]
    cyrillic = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
    if odd / len(text) > 0.02 or not letters or len(cyrillic) / len(letters) < 0.3:
        return False
    lower = [ch for ch in cyrillic if ch.islower()]
    frequent = sum(ch in _FREQUENT_RU for ch in lower)
    return len(lower) >= len(cyrillic) * 0.5 and frequent >= len(lower) * 0.5


def _legacy(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_LEGACY)).best()
    candidates = ([best.encoding] if best is not None else []) + list(_LEGACY)
    for encoding in dict.fromkeys(candidates):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            return Decoded(text, codecs.lookup(encoding).name)
    return None


def decode(data: bytes) -> Decoded | DecodeError:
    """Text of a release or the reason it cannot be read (with the line of the first bad byte)."""
    if len(data) > MAX_BYTES:
        return DecodeError("too_large", f"{len(data):,} bytes; the limit is {MAX_BYTES:,} bytes")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            return DecodeError("unknown_encoding", f"broken UTF-16: {exc.reason}")
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data:
        nul = data.find(b"\x00")
        line = _line_of(data, nul) if nul >= 0 else 1
        return DecodeError("binary", "binary data, not a text release", line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
        if controls > max(2, len(text) // 100):
            return DecodeError("binary", "control characters: binary data, not a text release")
        return Decoded(text, "utf-8")
    legacy = _legacy(data)
    if legacy is None:
        return DecodeError(
            "unknown_encoding",
            "not UTF-8 and not a Cyrillic code page (cp1251/koi8-r/cp866); save it as UTF-8",
            _line_of(data, first_bad),
        )
    return legacy
