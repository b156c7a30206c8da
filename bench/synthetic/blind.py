# ruff: noqa: E501 — questions are data, kept one per line
"""A fourth split, `blind`: wordings written after every answerability rule of the session had
landed, without looking at any figure, failure list or ranking code, and reported once.

One more wording per subject and language (never a copy of another split's wording; some with
a citizen's slips), questions naming a senator or a city the way the other splits do, and
not-covered questions on subjects that appear in no other split: constitutional details next
to a covered subject that no senator spoke about (hard negatives) and everyday ones. Nothing is
calibrated or chosen on this split.
"""

from __future__ import annotations

# subject id → (ru, kk, en)
BLIND_ASKS: dict[str, tuple[str, str, str]] = {
    "unicameral": (
        "Как будут приниматься законы, если палата останется одна?",
        "Сенат пен Мәжіліс біріктіріле ма?",
        "Why get rid of the upper house of parliament?",
    ),
    "mandate": (
        "Обязан ли депутат регулярно встречатся с избирателями своего округа?",
        "Депутат өз округіндегі халыққа есеп беруге міндетті ме?",
        "Can voters hold their MP to account for broken promises?",
    ),
    "assembly": (
        "Если я хочу провести мирную акцию протеста, достаточно ли просто уведомить акимат?",
        "Бейбіт шеруге шығу үшін әкімдікке хабарлау жеткілікті ме?",
        "Is notifying the authorities enough to organise a demonstration?",
    ),
    "privacy": (
        "Имеют ли право передавать мои персональные данные третьим лицам без моего согласия?",
        "Мессенджердегі жазысқан хаттарым құпия болып қала ма?",
        "Is my email and chat correspondence private under the new constitution?",
    ),
    "land_people": (
        "Останется ли земля достоянием народа?",
        "Шетел компаниялары ауыл шаруашылығы жерлерін ала ала ма?",
        "Will foreign companies be able to get farmland?",
    ),
    "subsoil": (
        "Кому пойдут деньги от добычи нефти и газа?",
        "Жер қойнауы байлығы бүкіл халықтікі ме?",
        "Do oil-producing regions get a share of the oil money?",
    ),
    "marriage": (
        "Признает ли государство брак только между мужчиной и женщиной?",
        "Неке тек ер мен әйел арасында ма?",
        "Will the state protect traditional families?",
    ),
    "children": (
        "Будет ли помошь семьям, где много детей?",
        "Балалардың құқығы мемлекет үшін бірінші орында бола ма?",
        "Will mothers with many kids get extra help?",
    ),
    "teachers": (
        "учителей завалили отчетами, что-то поменяется?",
        "Мұғалімдерді қағазбастылықтан құтқара ма?",
        "Will the teaching profession become respected again?",
    ),
    "free_school": (
        "Сельские школы будут учить так же хорошо, как в Астане?",
        "Балалар мектепте ақысыз оқи ма?",
        "Is secondary education compulsory and free of charge?",
    ),
    "free_care": (
        "Если нет денег, меня всё равно будут лечить?",
        "Ақшам болмаса да емделе аламын ба?",
        "Will there be a guaranteed package of free medical services?",
    ),
    "rural_health": (
        "В нашем селе нет врача, до больницы ехать 200 км. Что-то изменится?",
        "Әр ауылда фельдшер бола ма?",
        "Will evry village get a paramedic?",
    ),
    "elected_akims": (
        "Акима нашего района будем выбирать сами или его снова назначат?",
        "Аудан әкімін тұрғындар өздері сайлай ма?",
        "Will village mayors be chosen by residents?",
    ),
    "local_budget": (
        "Будут ли у местных властей свои деньги на дороги и освещение?",
        "Ауылдың жолы мен суына жергілікті билікте өз ақшасы бола ма?",
        "Will maslikhats decide how local money is spent?",
    ),
    "judges": (
        "Смогут ли чиновники звонить судье и указывать, как решать дело?",
        "Судья тек заңға бағына ма?",
        "Is anyone allowed to interfere with the courts?",
    ),
    "const_court": (
        "Если закон нарушает мои права, можно ли напрямую обратится в Конституционный суд?",
        "Қарапайым азамат Конституциялық сотқа тікелей арыз жаза ала ма?",
        "Can ordinary people take a law to the Constitutional Court?",
    ),
    "environment": (
        "Заводы, которые травят воздух, будут отвечать за вред здоровью?",
        "Зауыттар табиғатқа келтірген зиянын төлей ме?",
        "Will factories have to compensate for the damage their emissions cause?",
    ),
    "water_forests": (
        "Будет ли государство обязано беречь леса для будущих поколений?",
        "Арал теңізі мен Балқаш көлін сақтау заңда жазыла ма?",
        "Can lakeshores be handed over to developers?",
    ),
    "property": (
        "Может ли государство забрать мой бизнесс без суда?",
        "Инвесторлардың салымдары қорғала ма?",
        "Is private ownership inviolable under the draft?",
    ),
    "competition": (
        "Будут ли у маленьких фирм равные условия с крупными монополиями?",
        "Шағын кәсіпкерлерге адал бәсеке бола ма?",
        "How will the constitution help small companies compete with big ones?",
    ),
    "wages": (
        "Обязан ли работодатель платить зарплату вовремя?",
        "Жұмыс беруші жалақыны кешіктірсе ше?",
        "Will employers be required to pay salaries on time?",
    ),
    "disability": (
        "Будут ли пандусы и удобный транспорт для людей на колясках?",
        "Мүгедек балалар мектепте басқалармен бірге оқи ала ма?",
        "Will people with special needs get equal access to education and work?",
    ),
    "science": (
        "Как удержать молодых ученых, чтобы они не уезжали за границу?",
        "Зерттеулерге бөлінетін қаржы өсе ме?",
        "Will research spending grow every year?",
    ),
    "digital": (
        "Можно будет оформить справки онлайн, не стоя в очереде?",
        "Цифрландыру жемқорлықты азайта ма?",
        "Will digitalisation cut red tape and corruption?",
    ),
}

# (lang, senator's surname as in people.py, subject id or None, question): the gold comes from
# the plans: that senator's words on the subject, or "said nothing on it" when they never did.
BLIND_PERSON: tuple[tuple[str, str, str | None, str], ...] = (
    ("ru", "Оспанова", "subsoil", "Мадина Оспанова про нефть и недра что сказала?"),
    ("ru", "Ерболатов", "unicameral", "Позиция сенатора Ерболатова по поводу однопалатного парламента"),
    ("ru", "Талапов", "free_care", "Что говорил Талапов про бесплатное лечение?"),
    ("ru", "Сауранбаев", "disability", "Говорил ли Сауранбаев что-нибудь о правах инвалидов?"),
    ("kk", "Канатбаева", "teachers", "Қанатбаева мұғалімдер туралы не деді?"),
    ("kk", "Сатыбалдина", "science", "Гүлнар Сатыбалдина ғылым туралы не айтты?"),
    ("kk", "Нургалиева", None, "Әсел Нұрғалиева қандай мәлімдеме жасады?"),
    ("en", "Султангазиев", "subsoil", "What did Sultangaziev say about oil and gas revenues?"),
    ("en", "Ибраева", "elected_akims", "What did Ибраева say about elected governors?"),
    ("en", "Омарханов", "teachers", "What did Омарханов say about teachers?"),
    ("en", "Жаксылыков", None, "Show me statements by Жаксылыков"),
    ("ru", "Бауыржанов", None, "Какие заявления делал сенатор Бауыржанов?"),
)  # fmt: skip

# (lang, place as a release names it, subject id or None, question): who spoke there (on it).
BLIND_PLACE: tuple[tuple[str, str, str | None, str], ...] = (
    ("ru", "Экибастуз", None, "О чем сенаторы говорили на встречах в Экибастузе?"),
    ("kk", "Семей", None, "Семейде сенаторлар не айтты?"),
    ("en", "Кокшетау", None, "What was discussed in Kokshetau?"),
    ("ru", "Туркестан", "environment", "Говорили ли в Туркестане о выбросах заводов и экологии?"),
    ("ru", "Уральск", "disability", "Что сенаторы сказали в Уральске про доступную среду для инвалидов?"),
    ("kk", "Талдыкорган", "land_people", "Талдықорғанда жер туралы не айтылды?"),
    ("en", "Атырау", "subsoil", "What did senators say in Atyrau about oil revenues?"),
)  # fmt: skip

BLIND_NOT_COVERED: tuple[tuple[str, str], ...] = (
    # details next to a covered subject that no senator spoke about
    ("ru", "С какого возраста можно вступать в брак?"),
    ("kk", "Неше жастан үйленуге болады?"),
    ("en", "What is the legal age to marry?"),
    ("ru", "Будет ли бесплатным высшее образование в университетах?"),
    ("kk", "Университетте оқу тегін бола ма?"),
    ("en", "Will university tuition be free?"),
    ("ru", "Какой будет размер минимальной зарплаты?"),
    ("kk", "Ең төменгі жалақы қанша болады?"),
    ("en", "How much will the minimum wage be?"),
    ("ru", "Сколько будет длиться декретный отпуск?"),
    ("kk", "Декреттік демалыс қанша уақытқа созылады?"),
    ("en", "How long is paid maternity leave?"),
    ("ru", "На сколько лет избираются депутаты Курултая?"),
    ("kk", "Құрылтай депутаттары қанша жылға сайланады?"),
    ("en", "How long is a term for members of the Kurultai?"),
    ("ru", "Кто назначает судей Конституционного суда?"),
    ("kk", "Конституциялық соттың судьяларын кім тағайындайды?"),
    ("en", "Who appoints the judges of the Constitutional Court?"),
    ("ru", "Будет ли право на забастовку?"),
    ("kk", "Ереуілге шығуға құқық бола ма?"),
    ("en", "Will workers have the right to strike?"),
    ("ru", "Может ли полиция войти в мой дом без ордера?"),
    ("kk", "Полиция үйге рұқсатсыз кіре ала ма?"),
    ("en", "Can police search my home without a warrant?"),
    ("ru", "Гарантируется ли бесплатный адвокат задержанному?"),
    ("kk", "Ұсталған адамға тегін адвокат беріле ме?"),
    ("en", "Is a detained person entitled to a free lawyer?"),
    ("ru", "Когда пройдет референдум по новой конституции?"),
    ("kk", "Референдум қашан өтеді?"),
    ("en", "When is the referendum on the new constitution?"),
    ("ru", "Будет ли у Уполномоченного по правам человека больше полномочий?"),
    ("kk", "Адам құқықтары жөніндегі уәкілдің өкілеттігі кеңейе ме?"),
    ("en", "Will the human rights ombudsman get more powers?"),
    ("ru", "Можно будет голосовать на выборах через интернет?"),
    ("kk", "Сайлауда онлайн дауыс беруге бола ма?"),
    ("en", "Will online voting be allowed in elections?"),
    ("ru", "Будет ли в конституции защита животных от жестокого обращения?"),
    ("kk", "Жануарларды қатыгездіктен қорғау туралы норма бола ма?"),
    ("en", "Will animal cruelty be banned in the constitution?"),
    # everyday
    ("ru", "Как записать ребенка в детский сад через портал?"),
    ("kk", "Балабақшаға кезекке қалай тұрамын?"),
    ("en", "How do I get my child a kindergarten place?"),
    ("ru", "Какая аптека работает ночью в Костанае?"),
    ("kk", "Қостанайда түнгі дәріхана қайда?"),
    ("en", "Where is a night pharmacy in Kostanay?"),
    ("ru", "Сколько стоит техосмотр машины?"),
    ("kk", "Көлікті тіркеу үшін не керек?"),
    ("en", "How do I register a used car?"),
    ("ru", "Кто написал роман «Путь Абая»?"),
    ("kk", "«Абай жолы» романын кім жазды?"),
    ("en", "Who wrote the novel 'The Path of Abai'?"),
)  # fmt: skip
