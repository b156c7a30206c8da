"""Message catalogues: one gettext `.po` file per language and audience, read at start-up.

Translators edit `bot/ui/locales/<lang>/bot.po` (citizens) and `moderator.po` (moderators) in
any PO editor; `msgid` is the key the code uses, `msgstr` the text with `{name}` placeholders
(python-brace-format). Nothing is compiled: the files are parsed when a language is first used.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any, TypeVar

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
_QUOTED = re.compile(r'^"(.*)"$')
_KEYWORD = re.compile(r"^(msgctxt|msgid|msgstr)\s+(\".*\")$")

T = TypeVar("T")


class CatalogError(Exception):
    """A catalogue file is missing, malformed or lacks a key; the message names file and line."""


def _unquote(token: str, where: str) -> str:
    match = _QUOTED.match(token.strip())
    if match is None:
        raise CatalogError(f"{where}: expected a quoted string")
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), match.group(1))


def read_po(path: Path) -> dict[str, str]:
    """`msgid → msgstr` of a PO file; fuzzy and empty translations count as missing."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{path}: {exc}") from None
    entries: dict[str, str] = {}
    fields: dict[str, str] = {}
    current: str | None = None
    fuzzy = False

    def flush() -> None:
        nonlocal fuzzy
        key, text = fields.get("msgid"), fields.get("msgstr")
        if key and text and not fuzzy:
            entries[key] = text
        fields.clear()
        fuzzy = False

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        where = f"{path}:{number}"
        if not line:
            continue
        if line.startswith("#"):
            if current is not None and "msgstr" in fields:
                flush()
                current = None
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            continue
        keyword = _KEYWORD.match(line)
        if keyword is not None:
            name, token = keyword.groups()
            if name in ("msgctxt", "msgid") and "msgstr" in fields:
                flush()
            current = name
            fields[name] = _unquote(token, where)
        elif current is not None and line.startswith('"'):
            fields[current] += _unquote(line, where)
        else:
            raise CatalogError(f"{where}: not a PO line: {line[:40]}")
    flush()
    return entries


def build(cls: type[T], path: Path, **fixed: Any) -> T:
    """Fill dataclass `cls` from `path`: one key per str field, `<field>.<n>` per tuple item."""
    entries = read_po(path)
    values: dict[str, Any] = dict(fixed)
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        if field.name in values:
            continue
        if str(field.type).startswith("tuple"):
            items = []
            for n in range(1, 100):
                text = entries.get(f"{field.name}.{n}")
                if text is None:
                    break
                items.append(text)
            if not items:
                raise CatalogError(f"{path}: missing key {field.name}.1")
            values[field.name] = tuple(items)
        else:
            if field.name not in entries:
                raise CatalogError(f"{path}: missing key {field.name}")
            values[field.name] = entries[field.name]
    return cls(**values)


def catalogue_path(lang: str, domain: str) -> Path:
    return LOCALES_DIR / lang / f"{domain}.po"
