"""Port text edits made in the old Python packs into the message catalogues (transitional).

Texts moved from `bot/ui/texts/{ru,kk,en}.py` and the `MOD_*` constants of
`bot/ui/texts/moderator.py` into `bot/ui/locales/<lang>/{bot,moderator}.po`. A branch that
edited the old packs, after `git merge main`:

1. keep the branch's `ru.py`/`kk.py`/`en.py` (modify/delete conflict) and, for moderator
   texts, the branch's whole `moderator.py` (`git checkout --ours bot/ui/texts/moderator.py`);
2. add any new fields to `Texts` in `model.py` as usual, then run
   `python -m bench.texts_to_po` — it rewrites the catalogues from the packs it can import;
3. `git rm bot/ui/texts/{ru,kk,en}.py`, take main's `moderator.py`
   (`git checkout --theirs …`) and add the branch's new `ModTexts` fields to its dataclass;
   `pytest tests/bot/test_catalogues.py` then checks every key and placeholder.
"""

from __future__ import annotations

import dataclasses
import importlib
import string
import sys
from pathlib import Path
from typing import Any

LOCALES = Path(__file__).resolve().parents[1] / "bot" / "ui" / "locales"
NAMES = {"ru": "Russian", "kk": "Kazakh", "en": "English"}
PACKS = {  # domain → (module, {lang: constant name})
    "bot": ("bot.ui.texts.{lang}", {"ru": "RU", "kk": "KK", "en": "EN"}),
    "moderator": ("bot.ui.texts.moderator", {"ru": "MOD_RU", "kk": "MOD_KK", "en": "MOD_EN"}),
}
AUDIENCE = {"bot": "texts citizens see", "moderator": "texts only moderators see"}


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")


def po_entry(key: str, text: str) -> str:
    """One PO entry; multi-line texts are split after each newline, as PO editors do."""
    fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
    head = "#, python-brace-format\n" if fields else ""
    lines = [line + "\n" for line in text.split("\n")[:-1]] + [text.split("\n")[-1]]
    lines = [line for line in lines if line]
    if len(lines) <= 1 and len(text) < 70:
        return f'{head}msgid "{key}"\nmsgstr "{_escape(text)}"\n'
    body = "".join(f'"{_escape(line)}"\n' for line in lines)
    return f'{head}msgid "{key}"\nmsgstr ""\n{body}'


def po_file(pack: Any, lang: str, domain: str) -> str:
    out = [
        f"# atazan — {AUDIENCE[domain]}, {NAMES[lang]}.\n"
        "# msgid is the key the code uses; translate msgstr. Keep every {placeholder} as it is.\n"
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Language: {lang}\\n"\n'
    ]
    for field in dataclasses.fields(pack):
        if field.name == "lang":
            continue
        value = getattr(pack, field.name)
        if isinstance(value, tuple):
            items = [(f"{field.name}.{n}", item) for n, item in enumerate(value, start=1)]
        else:
            items = [(field.name, value)]
        out.extend("\n" + po_entry(key, text) for key, text in items)
    return "".join(out)


def main() -> int:
    written = 0
    for domain, (module_pattern, constants) in PACKS.items():
        for lang, constant in constants.items():
            try:
                module = importlib.import_module(module_pattern.format(lang=lang))
                pack = getattr(module, constant)
            except (ImportError, AttributeError):
                continue  # this pack is already a catalogue
            path = LOCALES / lang / f"{domain}.po"
            path.write_text(po_file(pack, lang, domain), encoding="utf-8")
            print(f"wrote {path}")
            written += 1
    if not written:
        print("no old-style packs found: nothing to port", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
