"""A canonical name → every form a release may print it in, derived by rule (never typed).

Russian: the six cases of a Kazakh name written in Russian (Асанов → Асанова, Асанову, Асановым,
Асанове; Асанова → Асановой, Асанову; Есбай → Есбая …; Жексенбай for a woman does not change).
Kazakh: the case endings on the surname by vowel harmony and the last sound (Бекназаровтың,
Бекназаровқа, Бекназаровпен, Асановаға, Жексенбайдың …). Latin: passport spelling. Initials:
Н.Бекназаров, Н. Бекназаров, Бекназаров Н. — and their Kazakh case forms.
"""

from __future__ import annotations

from typing import Any, Literal

Gender = Literal["m", "f"]

MASC_SURNAME = ("ов", "ев", "ёв", "ин", "ын")
FEM_SURNAME = ("ова", "ева", "ёва", "ина", "ына")
_INDECLINABLE = (
    "ұлы",
    "улы",
    "қызы",
    "кызы",
    "их",  # Шиповских, Черных: Russian -их/-ых surnames never change
    "ых",
    "о",
    "и",
    "у",
    "ы",
    "е",
    "э",
    "ю",
    "ә",
    "ө",
    "ү",
    "і",
)
_BACK = set("аоұыуяё")
_FRONT = set("әөүіеиэю")
_VOWELS = _BACK | _FRONT
# Kazakh endings by the last sound: vowel; sonorant л р й у; nasal м н ң; voiced ж з; voiceless
_SONORANT = set("лрйу")
_NASAL = set("мнң")
_VOICED = set("жз")
_LATIN = str.maketrans(
    {
        "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
        "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i", "і": "i", "к": "k", "қ": "k",
        "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h",
        "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
        "ю": "iu", "я": "ia",
    }
)  # fmt: skip


def latin(name: str) -> str:
    """Passport-style Latin spelling: Жанна Асанова → Zhanna Asanova."""
    return " ".join(w.casefold().translate(_LATIN).capitalize() for w in name.split())


_FEM_FIRST = ("а", "я", "гуль", "гүл")


def gender_of(name: str) -> Gender | None:
    """From the surname (-ов/-ова, -ұлы/-қызы), else from the first name's ending (-а/-я,
    -гуль …); the roster may state it where a name does not show it."""
    parts = name.split()
    if not parts:
        return None
    last = parts[-1].casefold()
    if last.endswith(FEM_SURNAME):
        return "f"
    if last.endswith(MASC_SURNAME) or last.endswith(("ұлы", "улы")):
        return "m"
    if last.endswith(("қызы", "кызы")):
        return "f"
    if len(parts) > 1 and parts[0].casefold().endswith(_FEM_FIRST):
        return "f"
    return "m" if len(parts) > 1 else None


_CASES = ("gen", "dat", "acc", "ins", "prep")


def _endings(stem: str, endings: str) -> dict[str, str]:
    return dict(zip(_CASES, (stem + e for e in endings.split(",")), strict=True))


def russian_surname_cases(surname: str, gender: Gender | None) -> dict[str, str]:
    """Genitive, dative, accusative, instrumental, prepositional of a surname."""
    low = surname.casefold()
    if low.endswith(FEM_SURNAME) and gender != "m":
        return _endings(surname[:-1], "ой,ой,у,ой,ой")
    if low.endswith(MASC_SURNAME) and gender != "f":
        return _endings(surname, "а,у,а,ым,е")
    if gender == "f" or low.endswith(_INDECLINABLE) or low.endswith("а"):
        return {}  # Жексенбай for a woman, Кыдырали, Нурсила: printed unchanged
    if low.endswith(("ай", "ей", "ой", "уй", "ый", "ий")):
        return _endings(surname[:-1], "я,ю,я,ем,е")
    if low[-1:] in _VOWELS or not low[-1:].isalpha():
        return {}
    if low.endswith("ь"):
        return _endings(surname[:-1], "я,ю,я,ем,е")
    return _endings(surname, "а,у,а,ом,е")


def russian_first_cases(first: str, gender: Gender | None) -> dict[str, str]:
    low = first.casefold()
    if low.endswith("ия"):
        return _endings(first[:-1], "и,и,ю,ей,и")
    if low.endswith("я"):
        return _endings(first[:-1], "и,е,ю,ей,е")
    if low.endswith("а"):
        gen = "и" if low[-2:-1] in set("гкхжшчщ") else "ы"
        return _endings(first[:-1], f"{gen},е,у,ой,е")
    if gender == "f" or low[-1:] in _VOWELS:
        return {}  # Айгуль, Ляззат, Гульнар: unchanged
    if low.endswith("ий"):
        return _endings(first[:-1], "я,ю,я,ем,и")
    if low.endswith("й"):
        return _endings(first[:-1], "я,ю,я,ем,е")
    return _endings(first, "а,у,а,ом,е")


def russian_forms(name: str, gender: Gender | None = None) -> list[str]:
    """'Нурлан Бекназаров' → 'Нурлана Бекназарова', 'Нурлану Бекназарову', … (case by case)."""
    parts = name.split()
    gender = gender or gender_of(name)
    last = russian_surname_cases(parts[-1], gender)
    if len(parts) == 1:
        return list(dict.fromkeys(last.values()))
    firsts = russian_first_cases(parts[0], gender)
    middle = parts[1:-1]
    # an unchanging surname still takes a declined first name: "Дархана Кыдырали"
    last = last or dict.fromkeys(firsts, parts[-1])
    out = [" ".join([firsts.get(c, parts[0]), *middle, form]) for c, form in last.items()]
    return [f for f in dict.fromkeys(out) if f != name]


def _harmony(word: str) -> bool:
    """True for back-vowel words (endings with а/ы), False for front ones (е/і); a Russian
    surname suffix decides as Kazakh spelling does: -ов(а) back, -ев(а) by the stem before it."""
    low = word.casefold()
    if low.endswith(("ов", "ова", "ёв", "ёва")):
        return True
    if low.endswith(("ев", "ева")) and len(low) > 4:
        low = low[: -2 if low.endswith("ев") else -3]
    for ch in reversed(low):
        if ch in _BACK:
            return True
        if ch in _FRONT:
            return False
    return True


def kazakh_suffixes(word: str) -> list[str]:
    """Case and possessive endings for one word: genitive, dative, accusative, locative,
    ablative, instrumental, and 'сөзінше'-style genitive+possessive stems."""
    back = _harmony(word)
    last = word.casefold()[-1:]
    a, y = ("а", "ы") if back else ("е", "і")
    if last in _VOWELS:
        kind = "vowel"
    elif last in _SONORANT:
        kind = "sonorant"
    elif last in _NASAL:
        kind = "nasal"
    elif last in _VOICED:
        kind = "voiced"
    else:
        kind = "voiceless"
    gen = {"vowel": "н", "nasal": "н", "sonorant": "д", "voiced": "д", "voiceless": "т"}[kind]
    dat = {"voiceless": "қ" if back else "к"}.get(kind, "ғ" if back else "г")
    acc = {"vowel": "н", "voiceless": "т"}.get(kind, "д")
    loc = "т" if kind == "voiceless" else "д"
    abl = {"nasal": "н", "voiceless": "т"}.get(kind, "д")
    ins = {"vowel": "м", "sonorant": "м", "nasal": "б", "voiced": "б"}.get(kind, "п")
    return [
        f"{gen}{y}ң",
        f"{dat}{a}",
        f"{acc}{y}",
        f"{loc}{a}",
        f"{abl}{a}н",
        f"{ins}ен",
    ]


def kazakh_forms(name: str) -> list[str]:
    """'Нұрлан Бекназаров' → 'Нұрлан Бекназаровтың', 'Нұрлан Бекназаровқа', …"""
    parts = name.split()
    head, surname = parts[:-1], parts[-1]
    return [" ".join([*head, surname + s]) for s in kazakh_suffixes(surname)]


def initial_forms(name: str, kk_name: str | None = None) -> list[str]:
    """Н.Бекназаров, Н. Бекназаров, Бекназаров Н. (and with the Kazakh first letter)."""
    parts = name.split()
    if len(parts) < 2:
        return []
    surname = parts[-1]
    initials = {parts[0][0]}
    if kk_name and len(kk_name.split()) >= 2:
        initials.add(kk_name.split()[0][0])
    out: list[str] = []
    for letter in sorted(initials):
        out += [f"{letter}.{surname}", f"{letter}. {surname}", f"{surname} {letter}."]
    return out


def all_forms(name: str, kk_name: str | None = None, gender: Gender | None = None) -> list[str]:
    """Every generated form of a senator's name (not the name itself), without duplicates."""
    forms = [*russian_forms(name, gender), latin(name), *initial_forms(name, kk_name)]
    kk = kk_name or name
    forms += [kk] if kk != name else []
    forms += kazakh_forms(kk)
    surname = kk.split()[-1]
    forms += [f"{i}{surname}{s}" for i in _initial_prefixes(name, kk_name) for s in
              kazakh_suffixes(surname)]  # fmt: skip
    return [f for f in dict.fromkeys(forms) if f != name]


def _initial_prefixes(name: str, kk_name: str | None) -> list[str]:
    letters = {name.split()[0][0]} | ({kk_name.split()[0][0]} if kk_name else set())
    return [f"{letter}." for letter in sorted(letters)] if len(name.split()) > 1 else []


# Capitalised words that stand before a name without being a first name.
_NOT_FIRST = frozenset(
    "также кроме затем далее однако при этом так как это по во на со из за для от до ал ол "
    "сондай-ақ сонымен бұдан кейін сенатор сенаторы сенаторлар депутат депутаты депутаттар "
    "сенат сената сенаты сенатор спикер вице-спикер председатель председателя төрағасы "
    "төраға орынбасары мажилис мажилиса мәжіліс парламент парламента рк казахстан қазақстан "
    "сенатора сенатору сенатором депутата депутату депутатом госпожа господин "
    # sentence-opening words of time and sequence: "Вчера Карплюк встретился …"
    "вчера сегодня завтра позавчера накануне утром днем вечером тогда потом впоследствии "
    "бүгін кеше ертең кейін содан соң алдымен".split()
)


def is_first_name(word: str) -> bool:
    """Could a capitalised word before a surname be someone's first name?"""
    low = word.casefold()
    if not word[:1].isupper() or not word.isalpha() or low in _NOT_FIRST or len(word) < 3:
        return False
    return not low.endswith((*MASC_SURNAME, *FEM_SURNAME, "ұлы", "қызы"))


_RU_FEM_OBLIQUE = ("овой", "евой", "ёвой", "иной", "ыной")
_RU_FEM_ACC = ("ову", "еву", "ёву", "ину", "ыну")
_RU_MASC_INS = ("овым", "евым", "ёвым", "иным", "ыным")
_RU_MASC_PREP = ("ове", "еве", "ёве", "ине", "ыне")


def _first_nominative(first: str, gender: Gender, morph: Any | None) -> str:
    """A first name back in the nominative, when its ending shows a case."""
    low = first.casefold()
    if morph is not None:
        for parse in morph.parse(first):
            tag = parse.tag
            # a plural parse is no one's name: 'Жанар' as the genitive of «Жанары»
            if (
                "Name" in tag
                and tag.number == "sing"
                and tag.gender == ("femn" if gender == "f" else "masc")
            ):
                if tag.case == "nomn":
                    return first
                inflected = parse.inflect({"Nom"})
                if inflected is not None:
                    word: str = inflected.word
                    return word[:1].upper() + word[1:]
    if gender == "f":
        for ending, nominative in (("ой", "а"), ("ы", "а"), ("е", "а"), ("у", "а"), ("ей", "я"),
                                   ("и", "я"), ("ю", "я")):  # fmt: skip
            consonant = low[-len(ending) - 1 : -len(ending)] not in _VOWELS
            if low.endswith(ending) and len(low) > len(ending) + 2 and consonant:
                return first[: -len(ending)] + nominative
        return first
    for ending in ("ом", "ем", "а", "у", "е", "я", "ю"):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            stem = first[: -len(ending)]
            vowel_stem = stem[-1:].casefold() in _VOWELS
            if vowel_stem and ending in ("я", "ю", "ем"):
                return stem + "й"  # Мусая → Мусай
            if not vowel_stem and ending not in ("я", "ю"):
                return stem
    return first


def russian_nominative(
    name: str, morph: Any | None = None, cases: frozenset[str] = frozenset()
) -> str | None:
    """'Айгуль Жунусовой' → 'Айгуль Жунусова', 'Асета Шалабаева' → 'Асет Шалабаев',
    'Салтанат Мусина' → 'Салтанат Мусина' (an unchanged first name: her nominative); None
    when the surname does not show its case (then another reader decides). `cases`: those
    the role before the name can be in ('министру' → dative): 'министру юстиции Нурлану
    Касенову' is Нурлан Касенов, 'председателя Нурлана Касенова' no nominative «Нурлана»."""
    oblique = bool(cases) and "nomn" not in cases
    parts = name.split()
    if len(parts) != 2:
        return None
    first, surname = parts
    low, first_low = surname.casefold(), first.casefold()
    if low.endswith(_RU_FEM_OBLIQUE):
        return f"{_first_nominative(first, 'f', morph)} {surname[:-2]}а"
    if low.endswith(_RU_MASC_INS):
        return f"{_first_nominative(first, 'm', morph)} {surname[:-2]}"
    if low.endswith(_RU_MASC_PREP):
        return f"{_first_nominative(first, 'm', morph)} {surname[:-1]}"
    if low.endswith(_RU_FEM_ACC):
        fem = _first_nominative(first, "f", morph)
        masc = _first_nominative(first, "m", morph)
        dative = "datv" in cases and "accs" not in cases and _could_be_his(masc, morph)
        if first_low.endswith(("у", "ю")) and masc != first and (fem == first or dative):
            return f"{masc} {surname[:-1]}"  # Нурлану Бекназарову
        return f"{fem} {surname[:-1]}а"  # Жанну Асанову, Айгуль Асанову
    if low.endswith(FEM_SURNAME):
        genitive = first_low.endswith(("а", "я")) and first_low[-2:-1] not in _VOWELS
        if not genitive or (_is_fem_nominative(first, morph) and not oblique):
            return name  # Салтанат Мусина, Сауле Темирбаева, Жанна Асанова
        masc = first[:-1] + ("й" if first_low.endswith("я") else "")
        return f"{masc} {surname[:-1]}" if _is_masc_name(masc, morph) else name
    if low.endswith(MASC_SURNAME):
        return name
    return None


def _is_masc_name(first: str, morph: Any | None) -> bool:
    return morph is not None and any(
        "Name" in p.tag and p.tag.gender == "masc" and p.tag.case == "nomn"
        for p in morph.parse(first)
    )


# Kazakh men's first names pymorphy's dictionary lacks (it knows Нурлан, Ержан, Асхат …): without
# them 'Айдану Калиеву' read only as her accusative «Айдана Калиева», never his dative
_KAZAKH_MEN = frozenset(
    "айдан жандос мейрам канат қанат улан ұлан куаныш қуаныш ерлен ерсен дархан абылай "
    "шынгыс шыңғыс жаксылык жақсылық нурым нұрым темир темір".split()
)


def _could_be_his(first: str, morph: Any | None) -> bool:
    """A man's first name in the nominative: pymorphy's, or a Kazakh one it lacks."""
    return _is_masc_name(first, morph) or (morph is not None and first.casefold() in _KAZAKH_MEN)


def _is_fem_nominative(first: str, morph: Any | None) -> bool:
    if morph is None:
        return first.casefold().endswith(("на", "ра", "ла", "я", "ия"))
    return any(
        "Name" in p.tag and p.tag.gender == "femn" and p.tag.case == "nomn"
        for p in morph.parse(first)
    )


def russian_readings(
    name: str, morph: Any | None, cases: frozenset[str] = frozenset()
) -> tuple[str, str] | None:
    """(his name, her name) when a form reads both ways: 'Нурлану Касенову' (his dative, her
    accusative «Нурлана Касенова»), 'Ерлана Асанова' (his genitive, her nominative); None when
    the form, or the role's case beside it, shows one reading (then `russian_nominative`)."""
    parts = name.split()
    if len(parts) != 2 or morph is None:
        return None
    first, surname = parts
    low, first_low = surname.casefold(), first.casefold()
    if low.endswith(_RU_FEM_ACC) and first_low.endswith(("у", "ю")):
        if ("datv" in cases) != ("accs" in cases):
            return None  # 'министру юстиции Нурлану Касенову': the role says which
        masc, fem = _first_nominative(first, "m", morph), _first_nominative(first, "f", morph)
        if first in (masc, fem) or not _could_be_his(masc, morph):
            return None
        return f"{masc} {surname[:-1]}", f"{fem} {surname[:-1]}а"
    if low.endswith(FEM_SURNAME):
        if cases and ("nomn" not in cases or not cases & {"gent", "accs"}):
            return None  # 'сенатор Батима Жумабекова', 'председателя Армана …': the role says
        if not first_low.endswith("а") or first_low[-2:-1] in _VOWELS:
            return None
        masc = first[:-1]
        if not (_is_fem_nominative(first, morph) and _is_masc_name(masc, morph)):
            return None
        return f"{masc} {surname[:-1]}", name
    return None
