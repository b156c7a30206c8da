"""Message catalogues: every language has every key, with the same placeholders."""

from __future__ import annotations

import dataclasses
import string
from pathlib import Path

import pytest

from bot.ui.texts import Lang, texts_for
from bot.ui.texts.catalog import LOCALES_DIR, CatalogError, read_po
from bot.ui.texts.model import Texts
from bot.ui.texts.moderator import ModTexts, mod_texts_for

DOMAINS = {"bot": Texts, "moderator": ModTexts}


def _keys(cls: type, entries: dict[str, str]) -> set[str]:
    keys = set()
    for field in dataclasses.fields(cls):
        if field.name == "lang":
            continue
        if str(field.type).startswith("tuple"):
            keys |= {k for k in entries if k.startswith(f"{field.name}.")} or {f"{field.name}.1"}
        else:
            keys.add(field.name)
    return keys


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("domain", sorted(DOMAINS))
def test_every_language_has_every_key_and_the_same_placeholders(domain: str) -> None:
    reference = read_po(LOCALES_DIR / Lang.RU.value / f"{domain}.po")
    expected = _keys(DOMAINS[domain], reference)
    assert expected <= set(reference)
    for lang in Lang:
        entries = read_po(LOCALES_DIR / lang.value / f"{domain}.po")
        assert set(entries) == set(reference), f"{lang}/{domain}.po keys differ from ru"
        for key, text in entries.items():
            assert _placeholders(text) == _placeholders(reference[key]), f"{lang}: {key}"


def test_loaded_packs_match_the_files() -> None:
    for lang in Lang:
        assert texts_for(lang).lang is lang
        assert (
            texts_for(lang).welcome_title == read_po(LOCALES_DIR / lang / "bot.po")["welcome_title"]
        )
        assert len(texts_for(lang).examples) == 3
        assert mod_texts_for(lang).btn_publish


def test_a_missing_key_or_a_broken_line_is_named(tmp_path: Path) -> None:
    from bot.ui.texts.catalog import build

    good = (LOCALES_DIR / "en" / "moderator.po").read_text(encoding="utf-8")
    missing = tmp_path / "missing.po"
    missing.write_text(good.replace('msgid "btn_publish"', 'msgid "btn_publish_old"'), "utf-8")
    with pytest.raises(CatalogError, match="missing key btn_publish"):
        build(ModTexts, missing)
    broken = tmp_path / "broken.po"
    broken.write_text(good + "\nmsgstr unquoted\n", "utf-8")
    with pytest.raises(CatalogError, match=r"broken\.po:\d+"):
        read_po(broken)


def test_fuzzy_and_empty_translations_count_as_missing(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_text(
        'msgid ""\nmsgstr "Language: kk\\n"\n\n#, fuzzy\nmsgid "a"\nmsgstr "A"\n\n'
        'msgid "b"\nmsgstr ""\n\nmsgid "c"\nmsgstr ""\n"line one\\n"\n"line \\"two\\""\n',
        "utf-8",
    )
    assert read_po(path) == {"c": 'line one\nline "two"'}
