"""A third split, `probe`: fresh wordings written after the dev split was fitted, to find
failures that generalise without looking at `heldout`.

One more wording per subject and language (never a copy of a dev or held-out wording), and
not-covered subjects that appear in no other split: constitutional questions near a covered
subject (hard negatives) and everyday ones. Nothing is calibrated on this split.
"""

from __future__ import annotations

# subject id → (ru, kk, en)
PROBE_ASKS: dict[str, tuple[str, str, str]] = {
    "unicameral": (
        "Правда ли, что сената больше не будет?",
        "Сенат жойыла ма?",
        "Will there still be two chambers of parliament?",
    ),
    "mandate": (
        "Должен ли депутат отчитываться перед людьми, которые его выбрали?",
        "Сайлаушылар депутатқа есеп бергізе ала ма?",
        "Do MPs have to answer to the people who elected them?",
    ),
    "assembly": (
        "Нужно ли согласовывать митинг с властями?",
        "Бейбіт жиналыс өткізуге рұқсат керек пе?",
        "Do I need permission to hold a rally?",
    ),
    "privacy": (
        "Кто может получить доступ к моим персональным данным?",
        "Менің дербес деректерімді кім пайдалана алады?",
        "Can my personal information be shared without my consent?",
    ),
    "land_people": (
        "Можно ли продавать землю иностранным компаниям?",
        "Жер халықтың меншігі болып қала ма?",
        "Will land stay in public ownership?",
    ),
    "subsoil": (
        "Чьи будут нефть и газ по новой конституции?",
        "Мұнай мен газдан түскен табыс кімге тиесілі?",
        "Who benefits from natural resource revenues?",
    ),
    "marriage": (
        "Что в конституции сказано о семье и браке?",
        "Жаңа Конституцияда неке туралы не айтылған?",
        "Will same-sex marriage be allowed?",
    ),
    "children": (
        "Как государство будет защищать материнство?",
        "Ана мен баланы мемлекет қалай қорғайды?",
        "How will mothers and children be protected?",
    ),
    "teachers": (
        "Повысится ли статус учителя?",
        "Педагогтардың мәртебесі көтеріле ме?",
        "Will teachers be protected from pressure and paperwork?",
    ),
    "free_school": (
        "Придется ли платить за учебу в школе?",
        "Орта білім міндетті бола ма?",
        "Do children have to pay for secondary school?",
    ),
    "free_care": (
        "Сохранится ли бесплатная медицина?",
        "Емханада ем алу ақысыз бола ма?",
        "Is free healthcare guaranteed by the constitution?",
    ),
    "rural_health": (
        "Будут ли фельдшеры в каждом ауле?",
        "Ауылдық жерде медициналық көмек қалай болады?",
        "What about healthcare in rural areas?",
    ),
    "elected_akims": (
        "Станут ли акимы выборными?",
        "Ауыл әкімін кім сайлайды?",
        "Will district governors be elected?",
    ),
    "local_budget": (
        "Будут ли маслихаты распоряжаться бюджетом?",
        "Мәслихаттар бюджетті өздері бөле ме?",
        "Will local councils control their budgets?",
    ),
    "judges": (
        "Будет ли суд независим от власти?",
        "Сот шешіміне билік араласа ала ма?",
        "Can officials pressure judges?",
    ),
    "const_court": (
        "Как обратиться в Конституционный суд?",
        "Азамат Конституциялық сотқа шағымдана ала ма?",
        "Can I file a complaint with the Constitutional Court myself?",
    ),
    "environment": (
        "Будет ли право на чистую окружающую среду?",
        "Қоршаған ортаға зиян келтіргендер өтей ме?",
        "Do citizens have a right to a healthy environment?",
    ),
    "water_forests": (
        "Запретят ли застройку у рек и озер?",
        "Өзендер мен көлдер құрылысқа берілмей ме?",
        "Will rivers be protected from construction?",
    ),
    "property": (
        "Гарантирована ли неприкосновенность частной собственности?",
        "Кәсіпкердің мүлкіне қол сұғуға бола ма?",
        "Can my house or company be taken away by the state?",
    ),
    "competition": (
        "Как будут бороться с монополистами?",
        "Монополияларға қарсы не істеледі?",
        "What will be done about monopolies?",
    ),
    "wages": (
        "Есть ли право на безопасные условия труда?",
        "Еңбекақы әділ төлене ме?",
        "Will workers have safe working conditions?",
    ),
    "disability": (
        "Будут ли здания доступны для людей с инвалидностью?",
        "Мүгедектігі бар адамдардың құқықтары қорғала ма?",
        "Will disabled people get equal access to jobs?",
    ),
    "science": (
        "Увеличат ли расходы на исследования?",
        "Ғылым басымдық бола ма?",
        "Is science a priority in the new constitution?",
    ),
    "digital": (
        "Можно ли будет получать госуслуги без очередей?",
        "Мемлекеттік қызметті кезексіз ала аламыз ба?",
        "Will I be able to get government services online?",
    ),
}

PROBE_NOT_COVERED: tuple[tuple[str, str], ...] = (
    ("ru", "С какого возраста можно голосовать на выборах?"),
    ("kk", "Сайлауға неше жастан қатысуға болады?"),
    ("en", "What is the minimum voting age?"),
    ("ru", "Появится ли должность вице-президента?"),
    ("kk", "Вице-президент лауазымы енгізіле ме?"),
    ("en", "Will there be a vice president?"),
    ("ru", "Будут ли присяжные рассматривать больше уголовных дел?"),
    ("kk", "Алқабилер соты кеңейе ме?"),
    ("en", "Will jury trials be expanded?"),
    ("ru", "Построят ли в стране атомную электростанцию?"),
    ("kk", "Атом электр стансасы салына ма?"),
    ("en", "Will a nuclear power plant be built?"),
    ("ru", "Кто может объявить чрезвычайное положение?"),
    ("kk", "Төтенше жағдайды кім жариялайды?"),
    ("en", "Who can declare a state of emergency?"),
    ("ru", "Сколько депутатов будет в Курултае?"),
    ("kk", "Құрылтайда неше депутат болады?"),
    ("en", "How many seats will the Kurultai have?"),
    ("ru", "Кто будет назначать генерального прокурора?"),
    ("kk", "Бас прокурорды кім тағайындайды?"),
    ("en", "Who appoints the prosecutor general?"),
    ("ru", "Будет ли амнистия после референдума?"),
    ("kk", "Рақымшылық жариялана ма?"),
    ("en", "Will there be an amnesty?"),
    ("ru", "Как получить загранпаспорт?"),
    ("kk", "Шетелдік төлқұжатты қалай алуға болады?"),
    ("en", "How do I renew my passport?"),
    ("ru", "Какой сегодня курс доллара?"),
    ("kk", "Доллар бағамы қанша?"),
    ("en", "What is the dollar exchange rate today?"),
    ("ru", "Сколько стоит проезд в автобусе в Алматы?"),
    ("kk", "Алматыда автобус жол ақысы қанша?"),
    ("en", "How much is a bus ticket in Almaty?"),
    ("ru", "Когда начнутся зимние каникулы у школьников?"),
    ("kk", "Мектеп оқушыларының қысқы демалысы қашан басталады?"),
    ("en", "When do school winter holidays start?"),
)  # fmt: skip
