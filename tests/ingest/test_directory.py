"""Senator names in any case/spelling, regions of places, and the theme rule."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from retrieval.ingest import SenatorDirectory, load_themes, region_of, senator_forms
from retrieval.ingest.regions import load_gazetteer
from retrieval.ingest.senators import Senator, read_senators
from retrieval.ingest.senators_file import update_senators
from retrieval.ingest.themes import ThemeTagger
from tests.ingest.conftest import CORPUS_DIR, SEED


@pytest.fixture(scope="module")
def directory() -> SenatorDirectory:
    return SenatorDirectory.load(CORPUS_DIR)


@pytest.mark.parametrize(
    ("form", "name"),
    [
        ("Асанова", "Жанна Асанова"),
        ("Асановой", "Жанна Асанова"),
        ("Asanova", "Жанна Асанова"),
        ("Жанна Асанова", "Жанна Асанова"),
        ("жанны асановой", "Жанна Асанова"),
        ("Есбая", "Амангельды Есбай"),
        ("Yesbay", "Амангельды Есбай"),
        ("Есбайдың", "Амангельды Есбай"),
        ("Сұлтан Дүйсембинов", "Султан Дюсембинов"),
        ("Dyussembinov", "Султан Дюсембинов"),
        ("Ләззат Рысбекованың", "Ляззат Рысбекова"),
        ("Нұрлан Бекназаров", "Нурлан Бекназаров"),
        ("Zheksenbay", "Бибигуль Жексенбай"),
    ],
)
def test_canonical_forms(directory: SenatorDirectory, form: str, name: str) -> None:
    assert directory.canonical(form) == name


@pytest.mark.parametrize("form", ["Жанна", "Петров", "Казпочта", "сенатор", ""])
def test_unknown_or_first_name_only(directory: SenatorDirectory, form: str) -> None:
    assert directory.canonical(form) is None


def test_find_in_text_in_order(directory: SenatorDirectory) -> None:
    text = "Что говорили Есбай и дюсембинов в Жетысу, а что сказала Asanova?"
    assert directory.find_in_text(text) == [
        "Амангельды Есбай",
        "Султан Дюсембинов",
        "Жанна Асанова",
    ]
    assert directory.find_in_text("Как изменится статус педагога?") == []


def test_same_surname_needs_the_first_name() -> None:
    directory = SenatorDirectory([Senator("Жанна Асанова"), Senator("Иван Асанов")])
    assert directory.canonical("Асановой") is None
    assert directory.canonical("Ивана Асанова") == "Иван Асанов"
    assert directory.canonical("Асанова") == "Жанна Асанова"  # exact surname wins


def test_corpus_names_missing_from_yaml_still_work(tmp_path: Path) -> None:
    directory = SenatorDirectory.load(tmp_path, ["Ерлан Смаилов"])
    assert directory.canonical("Смаилова") == "Ерлан Смаилов"
    assert senator_forms(tmp_path) == {}


def test_senator_forms_from_yaml() -> None:
    forms = senator_forms(CORPUS_DIR)
    assert len(forms) == 8
    assert "Ләззат Рысбекова" in forms["Ляззат Рысбекова"]


def test_update_senators_keeps_moderator_edits(tmp_path: Path) -> None:
    for name in ("themes.yaml", "regions.yaml"):
        shutil.copy(CORPUS_DIR / name, tmp_path / name)
    (tmp_path / "senators.yaml").write_text(
        "senators:\n- name: Жанна Асанова\n  forms: [Асанованың, Zhanna Asanova]\n"
        "- name: Ерлан Смаилов\n  forms: []\n",
        "utf-8",
    )
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    (raw / "b.txt").write_text("05.03.2026\n\nВстреча сенатора Ляззат Рысбековой.", "utf-8")
    added, senators = update_senators([raw], tmp_path)
    assert added > 0
    written = {s.name: s.forms for s in read_senators(tmp_path)}
    assert written == {s.name: s.forms for s in senators}
    assert len(written) == 9  # eight from the seed plus the moderator's own entry
    assert "Асанованың" in written["Жанна Асанова"]
    assert "Ерлан Смаилов" in written
    assert "Rysbekovoi" not in str(written) and "Liazzat Rysbekova" in written["Ляззат Рысбекова"]
    assert "Ляззат Рысбековой" in written["Ляззат Рысбекова"]  # the form seen in b.txt


def test_broken_senators_yaml_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "senators.yaml").write_text("senators:\n- forms: [x]\n", "utf-8")
    with pytest.raises(ValueError, match=r"senators\.yaml"):
        read_senators(tmp_path)


@pytest.mark.parametrize(
    ("place", "region"),
    [
        ("Жамбылский район Алматинской области", "Алматинская область"),
        ("Шымкент", "Шымкент"),
        ("Текели", "область Жетысу"),
        ("Кербулакский район", "область Жетысу"),
        ("область Жетысу, Текели, Кербулакский район", "область Жетысу"),
        ("Таскалинский и Байтерекский районы ЗКО", "Западно-Казахстанская область"),
        ("Алматы", "Алматы"),
        ("Алматы облысы", "Алматинская область"),
        ("Almaty region", "Алматинская область"),
        ("Нур-Султан", "Астана"),
        ("Усть-Каменогорск", "Восточно-Казахстанская область"),
        ("СКО", "Северо-Казахстанская область"),
        ("Жетысуский район Алматы", "Алматы"),
        ("Москва", None),
        (None, None),
        ("", None),
    ],
)
def test_region_of(place: str | None, region: str | None) -> None:
    assert region_of(place, corpus_dir=CORPUS_DIR) == region


def test_gazetteer_has_the_twenty_regions() -> None:
    gazetteer = load_gazetteer(CORPUS_DIR)
    assert gazetteer is not None and len(gazetteer.regions()) == 20
    assert region_of("Шымкент", corpus_dir=Path("/nonexistent")) is None


def test_themes_file_has_labels_in_three_languages() -> None:
    themes = load_themes(CORPUS_DIR)
    assert 10 <= len(themes) <= 15
    assert len({t.id for t in themes}) == len(themes)
    for theme in themes:
        assert set(theme.labels) == {"ru", "kk", "en"} and all(theme.labels.values())
        assert theme.description and theme.keywords


@pytest.mark.parametrize(
    ("text", "themes"),
    [
        ("брак определяется как союз мужчины и женщины", ["family"]),
        ("нормам о земле и природных ресурсах", ["land"]),
        ("усиление роли Курултая", ["kurultai"]),
        ("труд закрепляется как право", ["social_state"]),
        ("трудности перевода", []),
        ("жергілікті әкімдік", []),
        ("Жерге жеке меншік", ["land"]),
        ("суды", ["rule_of_law"]),
        ("судьба", []),
        ("защиты прав человека", ["rights"]),
        ("Неке туралы не жазылған?", ["family"]),
        ("What about the rule of law?", ["rule_of_law"]),
    ],
)
def test_theme_rule(text: str, themes: list[str]) -> None:
    assert ThemeTagger.load(CORPUS_DIR).tag(text) == themes


def test_broken_themes_yaml_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "themes.yaml").write_text("themes:\n- id: x\n  labels: {ru: a}\n", "utf-8")
    with pytest.raises(ValueError, match="needs labels"):
        load_themes(tmp_path)
