# ruff: noqa: E501 — questions are data, kept one per line
"""Two more splits, `fresh` and `fresh-held`, written by gate2 before measuring anything on them.

Kazakh first: two Kazakh wordings per subject, one Russian and one English, often with words the
corpus and the glossary lack (ұстаз, айлық, зауыт, арыз, упразднят). Hard negatives sit next to
a covered subject (land lease, divorce, kindergartens, judges' age limit, plastic bags, saiga
hunting, petrol prices, the working week…), none of them a subject another split asks. Each
subject's first Kazakh wording goes to `fresh`, its second to `fresh-held`; its Russian and
English ones alternate by subject; the not-covered subjects alternate too. Rules may be chosen
looking at `fresh` only; `fresh-held` is measured before and after, never looked at for a choice.
"""

from __future__ import annotations

# subject id → (kk, kk, ru, en)
FRESH_ASKS: dict[str, tuple[str, str, str, str]] = {
    "unicameral": (
        "Мәжіліс пен Сенат біріктірілетіні рас па?",
        "Парламентте енді бір ғана палата қала ма?",
        "Упразднят ли верхнюю палату парламента?",
        "Why abolish the upper house?",
    ),
    "mandate": (
        "Халық қалаулылары сайлаушыларға есеп беруге міндетті ме?",
        "Депутатты уәдесі үшін жауапқа тартуға бола ма?",
        "Будут ли парламентарии отчитываться перед жителями своего округа?",
        "Will MPs have to report back to their constituents?",
    ),
    "assembly": (
        "Наразылық акциясын өткізу үшін әкімдіктен рұқсат алу керек пе?",
        "Бейбіт шеруге шығуға құқығымыз бар ма?",
        "Надо ли будет просить разрешение на пикет?",
        "Can citizens hold demonstrations without a permit?",
    ),
    "privacy": (
        "Менің телефондағы хаттарымды біреу оқи ала ма?",
        "Жеке мәліметтерімді рұқсатсыз таратуға бола ма?",
        "Может ли кто-то без спроса передать мои персональные сведения?",
        "Is the secrecy of my correspondence and email protected?",
    ),
    "land_people": (
        "Жерді шетел азаматтарына сатуға тыйым салына ма?",
        "Ауыл шаруашылығы жерлері кімдікі болады?",
        "Запретят ли продавать землю иностранцам?",
        "Will foreign companies be able to acquire farmland?",
    ),
    "subsoil": (
        "Қазба байлықтан түсетін пайда халыққа бөліне ме?",
        "Жер асты байлығы кімнің меншігі?",
        "Кому достанутся доходы от добычи нефти?",
        "Do the mineral resources belong to the people?",
    ),
    "marriage": (
        "Бір жынысты некеге рұқсат етіле ме?",
        "Отбасы құндылықтары қорғала ма?",
        "Как конституция защищает традиционную семью?",
        "How is the family protected by the new constitution?",
    ),
    "children": (
        "Көп балалы аналарға мемлекет көмектесе ме?",
        "Балалардың құқығын кім қорғайды?",
        "Поможет ли государство семьям, где много детей?",
        "Will mothers get special protection?",
    ),
    "teachers": (
        "Ұстаздардың беделі арта ма?",
        "Мұғалімдерді қағаз жұмысынан босата ма?",
        "Освободят ли учителей от лишней отчетности?",
        "Will the teaching profession become more respected?",
    ),
    "free_school": (
        "Балаларды мектепте оқыту ақылы бола ма?",
        "Ауылдағы мектептердің сапасы қалаға жете ме?",
        "Будет ли учеба в школе по-прежнему бесплатной?",
        "Is secondary education going to remain free of charge?",
    ),
    "free_care": (
        "Ауырып қалсам, ақысыз емделе аламын ба?",
        "Ақшасы жоқ адам ем ала ма?",
        "Смогу ли я лечиться, если у меня нет денег?",
        "Will treatment in hospitals be free?",
    ),
    "rural_health": (
        "Шалғай ауылдарда фельдшер бола ма?",
        "Ауыл тұрғындары емханаға алысқа бармай ма?",
        "Будет ли медпункт в каждом селе?",
        "Will there be medical staff in every village?",
    ),
    "elected_akims": (
        "Аудан әкімдерін тұрғындар өздері таңдай ма?",
        "Әкімдерді сайлау енгізіле ме?",
        "Перестанут ли назначать акимов сверху?",
        "Will district mayors be chosen by residents?",
    ),
    "local_budget": (
        "Жергілікті қаржыны кім басқарады?",
        "Мәслихат ауылдың ақшасын өзі бөле ме?",
        "Получит ли местное самоуправление свои деньги?",
        "Will local councils manage their own money?",
    ),
    "judges": (
        "Соттарға ешкім қысым жасамайтын бола ма?",
        "Судья тәуелсіз бола ма?",
        "Защитят ли судей от давления чиновников?",
        "Will courts be free from political interference?",
    ),
    "const_court": (
        "Қарапайым азамат Конституциялық сотқа арыз бере ала ма?",
        "Әділетсіз заңға қалай шағымдануға болады?",
        "Может ли обычный человек подать жалобу в Конституционный суд?",
        "Can ordinary people go directly to the Constitutional Court?",
    ),
    "environment": (
        "Зауыттар ауаны ластаса, айыппұл төлей ме?",
        "Таза қоршаған ортаға құқығымыз бекітіле ме?",
        "Заставят ли предприятия отвечать за загрязнение?",
        "Will polluting factories have to compensate for the damage?",
    ),
    "water_forests": (
        "Өзен жағасына құрылыс салуға тыйым салына ма?",
        "Арал теңізін құтқару туралы не айтылды?",
        "Сохранят ли леса для будущих поколений?",
        "Will forests be protected from development?",
    ),
    "property": (
        "Мемлекет менің үйімді тартып ала ма?",
        "Кәсіпкерлердің мүлкі қорғала ма?",
        "Могут ли конфисковать бизнес без суда?",
        "Will investors' property be safe?",
    ),
    "competition": (
        "Ірі компаниялардың үстемдігі шектеле ме?",
        "Шағын кәсіпкерлерге тең мүмкіндік бола ма?",
        "Ограничат ли монополистов?",
        "Will there be equal conditions for small firms?",
    ),
    "wages": (
        "Айлықты кешіктіруге жол берілмей ме?",
        "Жұмысшылардың қауіпсіздігі кепілдене ме?",
        "Обязан ли работодатель вовремя платить зарплату?",
        "Will employers have to pay wages on time?",
    ),
    "disability": (
        "Арбамен жүретін адамдарға ғимараттар қолжетімді бола ма?",
        "Ерекше қажеттілігі бар адамдарға жұмыс беріле ме?",
        "Сделают ли пандусы во всех зданиях?",
        "Will there be equal rights for people with disabilities?",
    ),
    "science": (
        "Ғалымдарға қаржыландыру көбейе ме?",
        "Жас зерттеушілер шетелге кетпеу үшін не істеледі?",
        "Будет ли наука приоритетом государства?",
        "Will young scientists get grants and labs?",
    ),
    "digital": (
        "Анықтаманы кезексіз интернет арқылы ала аламыз ба?",
        "Мемлекеттік органдар цифрға көшсе, парақорлық азая ма?",
        "Можно ли будет получать справки онлайн?",
        "Will digital government reduce red tape?",
    ),
}

# not-covered subjects, each in ru, kk, en; most sit next to a covered subject
FRESH_NOT_COVERED: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("land_lease", (("ru", "На сколько лет можно взять землю в аренду?"), ("kk", "Жерді неше жылға жалға алуға болады?"), ("en", "How long can farmland be leased?"))),
    ("oil_tax", (("ru", "Какой налог будут платить нефтяные компании?"), ("kk", "Мұнай компаниялары қандай салық төлейді?"), ("en", "What royalty will oil companies pay?"))),
    ("divorce", (("ru", "Как будет проходить развод?"), ("kk", "Ажырасу тәртібі өзгере ме?"), ("en", "Will divorce become harder?"))),
    ("kindergarten", (("ru", "Будут ли места в детских садах бесплатными?"), ("kk", "Балабақшаға кезек қысқара ма?"), ("en", "Will kindergartens be free?"))),
    ("uniform", (("ru", "Будет ли обязательной школьная форма?"), ("kk", "Мектеп формасы міндетті бола ма?"), ("en", "Will school uniforms be mandatory?"))),
    ("insurance_fee", (("ru", "Какие взносы на медстраховку придется платить?"), ("kk", "Медициналық сақтандыру жарнасы қанша болады?"), ("en", "How much will health insurance contributions cost?"))),
    ("akim_recall", (("ru", "Смогут ли жители отозвать акима досрочно?"), ("kk", "Тұрғындар әкімді мерзімінен бұрын кері шақыра ала ма?"), ("en", "Can residents recall their akim before the term ends?"))),
    ("judge_age", (("ru", "До скольки лет может работать судья?"), ("kk", "Судьялар қанша жасқа дейін қызмет етеді?"), ("en", "What is the retirement age for judges?"))),
    ("plastic", (("ru", "Запретят ли пластиковые пакеты?"), ("kk", "Пластик пакеттерге тыйым салына ма?"), ("en", "Will plastic bags be banned?"))),
    ("hunting", (("ru", "Разрешат ли охоту на сайгаков?"), ("kk", "Киік аулауға рұқсат бола ма?"), ("en", "Will saiga hunting be allowed?"))),
    ("inheritance", (("ru", "Введут ли налог на наследство?"), ("kk", "Мұраға салық салына ма?"), ("en", "Will there be an inheritance tax?"))),
    ("fuel_prices", (("ru", "Будет ли государство регулировать цены на бензин?"), ("kk", "Жанармай бағасын мемлекет реттей ме?"), ("en", "Will the state cap petrol prices?"))),
    ("work_week", (("ru", "Сколько часов будет длиться рабочая неделя?"), ("kk", "Жұмыс аптасы неше сағат болады?"), ("en", "How many hours is the working week?"))),
    ("disability_pension", (("ru", "Какой будет размер пенсии по инвалидности?"), ("kk", "Мүгедектік бойынша жәрдемақы қанша болады?"), ("en", "How much is the disability allowance?"))),
    ("study_abroad", (("ru", "Сохранится ли программа обучения студентов за рубежом?"), ("kk", "Студенттерді шетелде оқыту бағдарламасы сақтала ма?"), ("en", "Will students still get scholarships to study abroad?"))),
    ("kids_social_media", (("ru", "Запретят ли детям пользоваться соцсетями?"), ("kk", "Балаларға әлеуметтік желіге тыйым салына ма?"), ("en", "Will children be banned from social media?"))),
    ("abortion", (("ru", "Будут ли запрещены аборты?"), ("kk", "Түсік жасатуға тыйым салына ма?"), ("en", "Will abortion be banned?"))),
    ("con_hours", (("ru", "Во сколько открывается ЦОН в субботу?"), ("kk", "ХҚКО сенбіде жұмыс істей ме?"), ("en", "What are the opening hours of the public service centre?"))),
    ("doctor_booking", (("ru", "Как записаться к врачу через приложение?"), ("kk", "Дәрігерге қалай жазылуға болады?"), ("en", "How do I book a doctor's appointment?"))),
    ("mortgage", (("ru", "Какой процент по ипотеке для молодых семей?"), ("kk", "Жас отбасыларға ипотека пайызы қанша?"), ("en", "What is the mortgage rate for young families?"))),
)  # fmt: skip


def fresh_split(subject_number: int, wording: int) -> str:
    """Which fresh split a subject's wording goes to (0, 1: Kazakh; 2: Russian; 3: English)."""
    if wording < 2:
        return "fresh" if wording == 0 else "fresh-held"
    return "fresh" if (wording == 2) == (subject_number % 2 == 0) else "fresh-held"
