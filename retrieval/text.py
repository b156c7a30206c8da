"""Language-light text normalisation shared by BM25, glossary expansion and entity matching.

Cyrillic words go through the Snowball Russian stemmer (Kazakh words get a consistent if crude
stem), Latin words through the English one. Kazakh suffixes are handled by prefix matching.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import pairwise
from typing import Generic, TypeVar

import Stemmer

from retrieval.ingest.text import KK_LETTERS, osa_distance

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_LATIN = re.compile(r"[a-z]")
# Words that carry no topic: question words, auxiliaries, generic meeting vocabulary (ru/kk/en).
# Kazakh typed on a Russian keyboard: each Kazakh-only letter as the Russian one it is typed as
_PLAIN_KAZAKH = str.maketrans("әғқңөұүһі", "агкноуухи")


def plain_kazakh(text: str) -> str:
    """'мұғалімнің' → 'мугалимнин': how a Kazakh word reads without its own letters."""
    return text.translate(_PLAIN_KAZAKH)


STOPWORDS = frozenset(
    """
    такой такие такая такое и в во на с со о об обо по за из к ко от до у а но или ли же бы
    что как какой какая какие какое какого каким какую какому какими чей чья чьё чьи через
    каком каких кто кого кому чем чём где когда почему зачем это этот эта эти тот та те то все
    всё весь его её ее их он она они мы вы я ты не нет да будет будут был была были быть есть ли
    ещё еще уже сказал сказала сказали говорил говорила говорили говорят сказано скажите
    расскажи расскажите про для при над под между также так там тут очень новой новая новый
    проект проекте проекта новое мен жəне және мен бен пен да де та те ма ме ба бе па пе ше ше
    не қалай қандай кім кімге қай неге деп туралы бар жоқ бұл осы сол ол олар біз сіз мен сен
    үшін бойынша айтты the a an of in on at to for and or is are was were be will would what
    which who whom how why when where does do did can could should about new draft say says said
    tell me it its this that these those with by from as has have had
    было будете станет станут стал стала стали изменится изменятся изменит меняется обсуждали
    обсуждалось обсуждался обсуждалась обсуждают говорится говорилось написано сказано думают
    считают можно нужно ведь вообще теперь мне меня мой моя мои моё мое наш наша наше наши нас
    нам свой свои своих ему ей им них которые который которая которое чтобы если тоже только
    более больше меньше кого-то что-то разве сам сама сами самом хотят хочет получат получит
    бола болады болмақ болған ие иә неше қашан қайда кімнің жайлы жөнінде айтылды айтылған айтты
    айтқан деді жазылған жаңа керек мүмкін ал менің біздің сіздің өз өзі кейін қандай қалай
    талқыланды талқылады талқыланған сөйледі сөз айтылды болды болатын ма ме ба бе па пе
    will would get gets got more less much many any some there their they them our we you your
    my i us been being going if so than then also just only very all other happen happens
    change changes changed whats s
    может могут смогут смогу сможет сможем надо придется прежнему able still ever
    рас біреу арқылы ала аламын аламыз аласыз алады алмайды етіле етіледі емес тек енді ғана
    қалса қалсам шынымен қатысты жағдайда себебі ше ғой
    является являются являлся являлась являться каждый каждая каждое каждого каждому каждом
    каждые всего всех всем сейчас сегодня именно действительно правда хочу хотим хотел хотела
    знать узнать объясните объясни поясните пожалуйста значит означает получить получать
    менять поменять изменить изменят изменять изменено изменены поменяется поменяют меняют
    нужен нужна нужны стоит например конкретно точно лично вот ну
    am however want wants wanted need needs needed now currently today become becomes became
    really actually exactly whether know explain please mean means anything something each every
    everyone anyone someone let give gives might must shall may
    ету етеді етіп етуге етсе әр барлық барлығы қазір бүгін шынында нақты түсіндіріңіз
    түсіндіріңізші өтінемін білгім білу келеді өзін өзінің өзіне өзінде өзінен өздері өздерін
    өздерінің өзімнің өзіміз keep keeps kept stay stays remain remains проходить проходит
    пройдет пройдёт пройти происходить происходит
    без делать сделать выступал выступала выступали выступил выступила выступили выступает
    рассказал рассказала рассказали рассказывал высказывался высказывалась высказывались
    высказывания высказывание мнение цитаты цитата упоминал упоминала упомянул упомянула
    пікірі пікірлері мәлімдемесі баяндады no not without ask asks asking asked up came come
    comes talk talks talked spoke speak speaks mention mentions mentioned discuss discussed
    statement statements quote quotes opinion opinions views провести проводить проводят басқа
    басқалар басқаларға басқаларды басқаның келіп келе тұра тұрады
    істейді істей істеу істеуі істеп істеген істеледі істейміз істейсіз
    просить попросить просят спрашивать которого которому которым которой которую которых
    которыми котором
    """.split()
)
# the same Kazakh words typed without their letters (қалай → калай, үшін → ушин)
STOPWORDS |= frozenset(plain_kazakh(w) for w in STOPWORDS)


# A question that asks for a number ("сколько депутатов", "қанша", "how many") is answered only by
# a statement that has one: the subject's other statements say something else about it.
QUANTITY_WORDS = frozenset(
    """
    сколько скольких скольким сколькими скольки почем почём қанша неше нешеу нешінші нешеден
    нешеге нешеде қаншадан қаншаға қаншада қаншасы
    """.split()
)
QUANTITY_WORDS |= frozenset(plain_kazakh(w) for w in QUANTITY_WORDS)  # канша: typed without ә, қ
# after "how" / "как": how many, how big, how often ("как долго", "как часто")
_QUANTITY_EN = frozenset("many much long old big large high fast often".split())
_QUANTITY_RU = frozenset("долго часто".split())
# "с какого возраста", "в каком возрасте", "at what age", "қай жастан": an age asked for is a number
_WHICH = frozenset("какого каком какой which what қай minimum maximum минимальный".split())
_AGE = frozenset("age ages жастан жаста жасқа жасында жастағы".split())
# "на какой срок", "на какой период", "қай мерзімге": how long, in years
_SPAN = frozenset("срок сроком период мерзімге мерзімі мерзім".split())
# "какой процент", "какова ставка", "what share", "what is the tax rate", "мөлшері қандай": an
# amount, a share or a rate asked for is a number. The asking word comes first in ru and en, up
# to four words before the noun ("какой будет размер", "what is the mortgage rate"); in kk the
# noun comes first ("пайызы қандай") or right after ("қандай мөлшерде").
_WHICH_AMOUNT = frozenset(
    """
    какой какая какое какую каков какова каково каковы каким какого what which қандай minimum
    maximum минимальный минимальная минимальное максимальный максимальная
    """.split()
)
_AMOUNT = frozenset(
    """
    размер размера размере размером сумма сумму суммы суммой ставка ставку ставки ставкой доля
    долю стоимость стоимости цена цену цены порог порога тариф тарифа тарифы возраст возраста
    количество количества share rate rates amount size number fee fees cost price threshold
    salary wage age сома сомасы бағасы саны санын
    """.split()
)
_AMOUNT_PREFIXES = ("процент", "percent", "пайыз", "мөлшер", "молшер")  # every ending
_AMOUNT_WINDOW = 4  # words from the asking word to the noun
_ARTICLES = frozenset("a an the s".split())


def _is_age(word: str) -> bool:
    return word in _AGE or word in _SPAN or word.startswith("возраст")


# "Когда …?", "When …?", "… қашан …?", "в каком году", "қай жылы", "what date": a time asked for is
# a date. Russian and English "когда"/"when" ask only as the question's first word; later they
# are a conjunction ("Что будет с правами, когда …").
_WHEN_FIRST = frozenset({"когда", "when"})
# "қашан" with its endings ("қашаннан бастап", "қашанға дейін") and typed without ә, қ ("кашан")
_WHEN_PREFIXES = ("қашан", "кашан")
_ALWAYS = frozenset({"қашанда", "кашанда"})  # "always", not "when"
# words before the asking "когда" / "when": a conjunction, a particle, "tell me" ("А когда …?",
# "Так когда …?", "Подскажите, когда …", "So when …?", "Until when …?"); a conjunction "когда"
# follows a clause of the question's own instead
_WHEN_LEAD = frozenset(
    """
    а и но так ну же ещё еще скажите подскажите скажи подскажи знаете известно уже примерно
    and so but then tell me please do you know until till since by from
    """.split()
)
_DATE = frozenset(
    """
    году года год числа число числу дату дата date year жылы жылға күні числам дня день месяце
    месяц месяца сроки срокам day month deadline кезде кезден кезеңде уақытта уақыттан айда
    айында жылдан күннен
    """.split()
)
# right after the asking word only: "в какое время", "до каких пор", "what time", "в какой
# момент"; further on they are no date ("какие изменения ждать в ближайшее время")
_DATE_NEXT = frozenset("время времени момент момента пор time".split())
# an asking word before a date word: "в каком году", "к какому числу", "в какие сроки", "қай
# кезде", "what month"; in ru and en up to two words between ("какая будет дата", "what is the
# deadline"), in kk the word comes right after ("қай айда")
_WHICH_DATE = frozenset(
    """
    какого каком какой какая какое какие каких какому каким каков какова which what қай
    """.split()
)
_DATE_WINDOW = 3


NUMERAL_WORDS = frozenset(
    """
    один одна одно одного одной одному одним одну одни одних два две двух двум двумя три трех
    трем тремя пять пяти пятью шесть шести семь семи сто ста сот двести триста
    бір біреу бірі бірінші екі екеу екеуі екінші үш үшеу үшінші төрт төртеу төртінші бес бесеу
    бесінші алты жеті сегіз тоғыз жиырма отыз қырық елу алпыс жетпіс сексен тоқсан жүз мың
    жарты one two three four five six seven eight nine ten twenty hundred thousand million half
    треть трети четверть четверти вдвое втрое
    """.split()
)  # "он" (kk ten) is left out: it is Russian "he"
NUMERAL_PREFIXES = (
    "четыр", "восем", "девят", "десят", "двадцат", "тридцат", "сорок", "пятьдес", "шестьдес",
    "семьдес", "девяност", "одиннадцат", "двенадцат", "тринадцат", "пятнадцат", "шестнадцат",
    "семнадцат", "двест", "трист", "пятьсот", "шестьсот", "семьсот", "тысяч", "миллион",
    "миллиард", "полтор", "половин",
)  # fmt: skip
# compounds: однопалатный, двухлетний, пятилетний (long enough not to be "однако")
_COMPOUND_NUMERALS = ("одно", "двух", "трех", "четырех", "пяти")


# Verbs of change ("повысят ли …", "will … be abolished", "… көтеріле ме"): they say what the
# question asks to happen to its subject, not what the subject is. A statement sharing only such a
# verb ("повышение роли граждан" for "повысят ли пенсионный возраст") shares none of the subject.
CHANGE_PREFIXES = (
    "повыш", "повыс", "пониз", "пониж", "сниз", "сниж", "увелич", "уменьш", "сократ", "сокращ",
    "отмен", "введ", "ввод", "введут", "расшир", "продл", "усил", "ослаб", "упраздн", "ужесточ",
    "смягч", "rais", "increas", "lower", "reduc", "decreas", "abolish", "introduc", "extend",
    "scrap", "toughen", "көтер", "котер", "төмен", "томен", "азай", "қысқар", "кыскар", "ұзар",
    "узар", "енгіз", "енгиз", "жойыл", "жояды", "жойма", "кеңей", "кеней",
    # growing and strengthening: "… арта ма", "… көбейе ме", "… күшейтіле ме"
    "арта", "артад", "артпа", "артуы", "арттыр", "көбей", "кобей", "ұлғай", "ұлғая", "улгай",
    "улгая", "күшей", "кушей", "шектел", "ограничат", "ограничит", "огранича",
    # ceasing to be: "… исчезнет", "will … disappear", "… жоғала ма"
    "исчез", "disappear", "vanish", "жоғал", "жогал", "азая",
    # allowing, forbidding or requiring it asks the same: "разрешат ли …", "… тыйым салына ма",
    # "is … banned", "будет ли обязательной …"
    "разреш", "запрет", "запрещ", "рұқсат", "руксат", "тыйым", "permiss", "forbid", "prohibit",
    "restrict", "обязательн", "mandator", "compulsor", "obligator",
    # enshrining it: "будет ли закреплена …", "… бекітіле ме", "will … be enshrined"
    "закреп", "бекітіл", "бекител", "enshrin",
    # keeping it or doing away with it asks the same: "сохранится ли …", "… сақтала ма"
    "сохран", "останет", "остану", "ликвид", "сақтал", "сактал", "retain", "preserv", "keep",
    "kept", "remain", "eliminat",
)  # fmt: skip


def is_change_verb(token: str) -> bool:
    """A word of the change asked about (raise, lower, abolish, introduce, keep), in ru, kk or
    en."""
    return token.startswith(CHANGE_PREFIXES) or token in _CHANGE_WORDS


# whole words only: "allowance" and a "work permit" are things, not what is asked to happen
_CHANGE_WORDS = frozenset(
    """
    cut cuts ban bans banned allow allows allowed allowing permit permits permitted міндетті
    """.split()
)


def _asks_amount(tokens: list[str]) -> bool:
    """An asking word and an amount noun: "какой процент", "what is the rate", "пайызы қандай"."""
    for i, token in enumerate(tokens):
        if token not in _WHICH_AMOUNT:
            continue
        # "what will a teacher's salary be": articles and the possessive's "s" are no words here
        after = [t for t in tokens[i + 1 :] if t not in _ARTICLES][:_AMOUNT_WINDOW]
        if after[:1] == ["about"]:  # "what about the pension age": a subject, not an amount
            continue
        before = tokens[max(0, i - 2) : i] if token == "қандай" else []
        if any(t in _AMOUNT or t.startswith(_AMOUNT_PREFIXES) for t in after + before):
            return True
    return False


def asks_quantity(tokens: list[str]) -> bool:
    """Does the question ask how many / how much / how long / how old / how often, at what age,
    or what amount, share or rate?"""
    if any(t in QUANTITY_WORDS for t in tokens) or _asks_amount(tokens):
        return True
    return any(
        (a == "how" and b in _QUANTITY_EN)
        or (a == "как" and b in _QUANTITY_RU)
        or (a in _WHICH and _is_age(b))
        for a, b in pairwise(tokens)
    )


# "How long is the term?", "на сколько лет", "неше жылға", "мерзімі қанша", "how many hours": a
# span of time asked for is answered by a number with its time ("пять лет", "жеті жыл", "40
# часов"); a number of something else ("бір палаталы Құрылтай") is no span
_SPAN_WORDS = frozenset(
    """
    лет года годы годам месяцев месяца месяц недель недели дней дня часов часа срок сроком срока
    сроки период периода времени долго жыл жылға жылдан жылы ай айға айдан апта аптаға күн
    күнге сағат мерзім мерзімге мерзімі уақыт уақытқа years year months month weeks week days
    day hours hour term long
    """.split()
)
_SPAN_WORDS |= frozenset(plain_kazakh(w) for w in _SPAN_WORDS)
_HOURS = re.compile(r"\b(?:час|сағат|сагат|hour)", re.UNICODE)


def asks_span(tokens: list[str]) -> bool:
    """Does the question ask how long: a number of years, months, days or hours?"""
    return asks_quantity(tokens) and any(t in _SPAN_WORDS for t in tokens)


def has_span(text: str) -> bool:
    """Does the text state a span of time: a number, with a time or digits ("пять лет", "жеті
    жыл", "40 часов")?"""
    return has_number(text) and (has_time(text) or _HOURS.search(text.lower()) is not None)


def asks_when(tokens: list[str]) -> bool:
    """Does the question ask when, by or since when, or on what date / in what year / month?"""
    if any(t.startswith(_WHEN_PREFIXES) and t not in _ALWAYS for t in tokens):
        return True
    for i, token in enumerate(tokens):
        if token in _WHEN_FIRST and (
            i == len(tokens) - 1 or all(t in _WHEN_LEAD for t in tokens[:i])
        ):  # "Референдум когда?": a conjunction never ends the question
            return True
        if token in _WHICH_DATE:
            after = tokens[i + 1 : i + 1 + (1 if token == "қай" else _DATE_WINDOW)]
            if (after[:1] and after[0] in _DATE_NEXT) or any(t in _DATE for t in after):
                return True
    return False


# "Кто возглавит агентство?", "Құрылтай төрағасын кім сайлайды?", "Who will chair it?": a head
# asked for is answered only by a statement that names a head or chair; the subject's other
# statements say what the body does, not who leads it.
_WHO = frozenset("кто кого кем кім кімді кімнің ким кимди кимнин who whom".split())
_HEAD_PREFIXES = tuple("председател возглав руковод төраға торага басшы chair head lead".split())
_HEAD_WORDS = frozenset("глава главой главу главы главе".split())


def _names_head(tokens: list[str]) -> bool:
    return any(t in _HEAD_WORDS or t.startswith(_HEAD_PREFIXES) for t in tokens)


def asks_head(tokens: list[str]) -> bool:
    """Does the question ask who heads, chairs or leads something?"""
    return any(t in _WHO for t in tokens) and _names_head(tokens)


def has_head(text: str) -> bool:
    """Does the text name a head, a chair or a leader (the answer to "who will head …")?"""
    return _names_head(words(text))


# A date said in words: a month, a day, a year ("в день принятия", "қабылданған күн", "next year")
_TIME_WORDS = re.compile(
    r"\b(?:январ|феврал|март|апрел|ма[яйе]\b|июн|июл|август|сентябр|октябр|ноябр|декабр|"
    r"қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан|"
    r"january|february|march|april|may\b|june|july|august|september|october|november|december|"
    r"день|дня|дне|днем|дату|даты|дата|числ|год|году|года|лет\b|месяц|недел|күн|жыл(?!дам|у)|апта|"
    r"day|date|year|month|week)",
    re.UNICODE,
)


def has_time(text: str) -> bool:
    """Does the text state when: digits (a year, a date), or a month, day or year in words? A
    numeral word alone is no time: "вместо двух палат будет один Курултай" does not say when."""
    return re.search(r"\d", text) is not None or names_time(text)


def names_time(text: str) -> bool:
    """A month, day or year in words ('has_time' without the number)."""
    return _TIME_WORDS.search(text.lower()) is not None


@cache
def _number_pattern() -> re.Pattern[str]:
    """One regex for `has_number`: a statement is scanned once, not tokenised."""
    exact = "|".join(sorted(NUMERAL_WORDS, key=len, reverse=True))
    prefixes = "|".join(NUMERAL_PREFIXES)
    compounds = "|".join(_COMPOUND_NUMERALS)
    return re.compile(
        rf"\d|\b(?:{exact})\b|\b(?:{prefixes})|\b(?=\w{{8}})(?:{compounds})", re.UNICODE
    )


def has_number(text: str) -> bool:
    """Does the text state a number (digits, or a ru/kk/en numeral word)?"""
    return _number_pattern().search(text.lower().replace("ё", "е")) is not None


def normalize(text: str) -> str:
    """NFKC, one dash, one quote, е for ё, single spaces: the form for hashing and matching."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("ё", "е").replace("Ё", "Е")
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"[«»“”„\"]", '"', text)
    return re.sub(r"\s+", " ", text).strip()


def words(text: str) -> list[str]:
    """Lower-cased word tokens of normalised text."""
    return _WORD.findall(normalize(text).lower())


@cache
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(language)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Cached: the same few thousand words are stemmed for every question."""
    word = word.lower().replace("ё", "е")
    if _LATIN.search(word):
        return str(_stemmer("english").stemWord(word))
    return str(_stemmer("russian").stemWord(word))


# Kazakh is agglutinative: a noun or verb takes a chain of endings (plural, possessive, case;
# voice, tense, participle), each in a back- or front-vowel form after a vowel, a voiced or a
# voiceless consonant. Stripping them from the end meets an inflected word with its stem
# (аналарға → ана, ластаған / ластаса → лас, мектептеріндегі → мектеп).
KK_SUFFIXES = tuple(
    sorted(
        set(
            """
            лар лер дар дер тар тер
            ның нің дың дің тың тің
            ға ге қа ке на не
            ны ні ды ді ты ті
            да де та те нда нде
            дан ден тан тен нан нен
            мен бен пен
            дағы дегі тағы тегі ндағы ндегі
            ым ім ың ің ы і сы сі мыз міз ымыз іміз ңыз ңіз ыңыз іңіз
            лы лі сыз сіз лық лік дық дік тық тік шы ші
            ған ген қан кен атын етін йтын йтін ады еді йды йді
            у уы уі уға уге уды уді
            ып іп са се ма ме ба бе па пе
            мақ мек ыл іл ын ін
            """.split()
        ),
        key=len,
        reverse=True,
    )
)
KK_MIN_ROOT = 3
_VOWELS = frozenset("аәеёиоөуұүыіэюя")
_DEVOICE = {"ғ": "қ", "г": "к", "б": "п"}


@lru_cache(maxsize=200_000)
def kk_root(word: str) -> str:
    """The word with Kazakh endings stripped from the end, longest first, while a root of at
    least three letters with a vowel is left; a crude stem, the same for every form of a word."""
    word = word.lower()
    for _ in range(6):
        for suffix in KK_SUFFIXES:
            rest = word[: -len(suffix)]
            if word.endswith(suffix) and len(rest) >= KK_MIN_ROOT and not _VOWELS.isdisjoint(rest):
                word = rest
                break
        else:
            break
    # a voiceless final voices before a vowel ending (құқық → құқығы): one spelling for both
    return word[:-1] + _DEVOICE[word[-1]] if word[-1] in _DEVOICE else word


@lru_cache(maxsize=50_000)
def kk_base(word: str) -> str:
    """`kk_root` until it stops changing: a consonant voiced before an ending is devoiced only
    after that ending goes (үстемдігі → үстемдік → үстем), one root for every form."""
    root = kk_root(word)
    while (shorter := kk_root(root)) != root:
        root = shorter
    return root


def is_kazakh(text: str) -> bool:
    """Does the text have a letter only Kazakh Cyrillic uses?"""
    return not KK_LETTERS.isdisjoint(text.lower())


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning (stopwords and 1-letter tokens dropped)."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1]


def term_matches(token: str, term: str) -> bool:
    """Does a question word match a glossary/entity term word? Stems, or a Kazakh-style suffix."""
    if token == term:
        return True
    if len(term) >= 3 and token.startswith(term) and len(token) - len(term) <= _suffix(token):
        return True
    if len(term) >= KK_CHAIN_MIN_TERM and token.startswith(term) and kk_chain(token[len(term) :]):
        return True
    # a final consonant voiced before an ending: үстемдік → үстемдігі; a root of three letters
    # is too many words' (біл-ім "knowledge", біл-у "to know")
    base = kk_base(term) if is_kazakh(token) else ""
    if len(base) >= KK_CHAIN_MIN_TERM and kk_base(token) == base:
        return True
    return len(term) >= 4 and stem(token) == stem(term)


# Kazakh stacks endings: plural, possessive and case make six letters or more (ұстаз-дар-дың,
# мұғалім-дер-інің), past the five a single ending adds. A longer tail meets a term only when it
# is all Kazakh endings, and only after a term long enough not to be another word's start.
KK_CHAIN_MIN_TERM = 4
KK_CHAIN_MAX = 10


@lru_cache(maxsize=50_000)
def kk_chain(tail: str) -> bool:
    """Is `tail` a chain of Kazakh endings ('дардың', 'леріне'), at most ten letters?"""
    if not tail or len(tail) > KK_CHAIN_MAX or tail.isascii():
        return False
    return any(
        tail == suffix or (tail.endswith(suffix) and kk_chain(tail[: -len(suffix)]))
        for suffix in _CHAIN_SUFFIXES
        if len(suffix) <= len(tail)
    )


# the endings also as typed without Kazakh letters (мугалимдердин)
_CHAIN_SUFFIXES = tuple(dict.fromkeys((*KK_SUFFIXES, *map(plain_kazakh, KK_SUFFIXES))))


MAX_SUFFIX = 5  # letters a Kazakh/Russian ending may add to a term in `term_matches`
# English endings are short, and the stemmer knows them: five letters more made *landlord* land
LATIN_SUFFIX = 2


def _suffix(token: str) -> int:
    return LATIN_SUFFIX if token.isascii() else MAX_SUFFIX


T = TypeVar("T")


class TermIndex(Generic[T]):
    """Which of many one-word terms a question word matches, with `term_matches` semantics,
    in a handful of dict lookups instead of a scan over every term."""

    def __init__(self, items: Iterable[tuple[str, T]], loose: bool = False) -> None:
        self._exact: dict[str, set[T]] = defaultdict(set)
        self._stems: dict[str, set[T]] = defaultdict(set)
        # loose: a term's stem also under itself cut by one or two letters, and a word's stem
        # looked up so cut too, for where the stemmer cuts two forms of one word differently
        # (спортсмены → спортсм, спортсменами → спортсмен)
        self._cut: dict[str, set[T]] = defaultdict(set)
        self._roots: dict[str, set[T]] = defaultdict(set)  # Kazakh terms by their `kk_base`
        self._loose = loose
        for term, payload in items:
            self._exact[term].add(payload)
            if is_kazakh(term) and len(root := kk_base(term)) >= KK_CHAIN_MIN_TERM:
                self._roots[root].add(payload)
            if len(term) >= 4:
                base = stem(term)
                self._stems[base].add(payload)
                for cut in _cuts(base) if loose else ():
                    self._cut[cut].add(payload)

    def lookup(self, token: str) -> set[T]:
        found: set[T] = set(self._exact.get(token, ()))
        near = len(token) - _suffix(token)  # a term this long or longer: any ending
        for size in range(max(3, near), len(token)):
            found |= self._exact.get(token[:size], set())
        # a shorter one: only when the rest is all Kazakh endings (`term_matches`)
        for size in range(max(KK_CHAIN_MIN_TERM, len(token) - KK_CHAIN_MAX), near):
            if token[:size] in self._exact and kk_chain(token[size:]):
                found |= self._exact[token[:size]]
        if self._roots and is_kazakh(token):
            found |= self._roots.get(kk_base(token), set())
        if len(token) >= 2:
            base = stem(token)
            found |= self._stems.get(base, set())
            if self._loose:
                found |= self._cut.get(base, set())
                for cut in _cuts(base):
                    found |= self._stems.get(cut, set())
        return found


def _cuts(base: str) -> list[str]:
    """The stem one and two letters shorter, down to six letters (a shorter stem meets
    unrelated words)."""
    return [base[:-n] for n in (1, 2) if len(base) - n >= 6]


class OneEdit:
    """Words by their one-letter deletions: `nearest` is the first word given within one edit
    (deletion, insertion, substitution, transposition) of a word — a typo's fix."""

    def __init__(self, words: Iterable[str]) -> None:
        self._deletes: dict[str, str] = {}
        for word in words:
            for variant in (word, *_deletes(word)):
                self._deletes.setdefault(variant, word)

    def nearest(self, word: str) -> str | None:
        for variant in (word, *_deletes(word)):
            found = self._deletes.get(variant)
            # a delete on both sides at different places is two edits (шектеле / шетелге)
            if found is not None and osa_distance(word, found) <= 1:
                return found
        return None


def _deletes(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]
