# ruff: noqa: E501 — questions are data, kept one per line
"""Two more splits, `fresh3` and `fresh3-held`, written before anything was measured on them.

Per subject two wordings in each language (ru, kk, en), as citizens write: spoken forms and slang
(отжать, кормушка), words the corpus does not use, other grammatical forms, Kazakh typed with and
without its own letters (ә→а, і→и, ң→н, ғ→г, қ→к, ө→о, ұ/ү→у), hand-made typos in about one in six.
The first wording of every language goes to `fresh3`, the second to `fresh3-held` (fresh2's scheme).

Questions naming a senator or a city alternate between the halves; their gold is the senator's own
words (or "said nothing on it") and the city's meetings, as in the blind split.

Not-covered subjects, a whole subject (ru, kk, en) per half, alternating: one hard negative per
covered subject (its words, but a detail no senator gave: a date, a sum, a penalty, which body),
constitutional subjects nobody covers, and everyday requests. None is a subject another split asks.
Rules may be chosen looking at `fresh3` only; `fresh3-held` is measured, never looked at for a choice.
"""

from __future__ import annotations

from bench.synthetic.fresh2 import Asks, NotCovered, halves_questions

SPLITS = ("fresh3", "fresh3-held")

# subject id → ((ru, kk, en) for fresh3, (ru, kk, en) for fresh3-held)
FRESH3_ASKS: Asks = {
    "unicameral": (
        (
            "Слышал что сенат упраздняют, депутаты будут заседать в одной палате?",
            "Парламентте енди бир гана палата бола ма?",
            "So the senate is gone and there's only one chamber left?",
        ),
        (
            "Зачем сливать две палаты парламента в одну, законы что ли быстрее принимать будут?",
            "Заңдар бір палатада ғана қаралатын болса, жылдамырақ қабылдана ма?",
            "Does a one-house legislature really pass laws faster?",
        ),
    ),
    "mandate": (
        (
            "Будет ли депутат обязан регулярно встречатся с людьми своего округа и отчитыватся?",
            "Депутаттар өз округіне келіп, халықпен кездесіп тұра ма?",
            "Do MPs have to report back to the people who elected them?",
        ),
        (
            "Депутатский мандат теперь не пожизненная кормушка?",
            "Сайлаушылар депутаттан уадесин сурай ала ма?",
            "If my representative breaks his election promisses, can we call him to account?",
        ),
    ),
    "assembly": (
        (
            "Надо ли будет получать разрешение, чтобы провести пикет или шествие?",
            "Бейбит шеруге шыгу ушин акимдиктен руксат керек пе?",
            "Can people demonstrate peacefully without asking permission first?",
        ),
        (
            "свобода слова и митингов в новой конститкции",
            "Жиналыс пен сөз бостандығы Ата Заңда қалай бекітіледі?",
            "Is the right to protest going to be protected?",
        ),
    ),
    "privacy": (
        (
            "Могут ли госорганы слить мои данные третьим лицам без спроса?",
            "Жеке мәліметтерімді рұқсатсыз басқаларға таратуға бола ма?",
            "Will the constitution stop anyone sharing my personal data without asking me?",
        ),
        (
            "Имеют ли право читать мою переписку в телеграме?",
            "Телеграмдагы хаттарым купия сактала ма?",
            "Is the secrecy of my emails and messenger chats protected?",
        ),
    ),
    "land_people": (
        (
            "Правда ли что нашу землю нельзя будет продать иностранцам?",
            "Жер шетелдіктерге сатылмайтыны рас па?",
            "Will foreign investors be banned from buying our land?",
        ),
        (
            "чья будет земля после референдума, государства или народа",
            "Ауылшаруашылык жерлери шетел компанияларына берилмей ме?",
            "Is land going to be owned by the people under the new constitution?",
        ),
    ),
    "subsoil": (
        (
            "Кому принодлежат нефть, газ и вода под землей по новой конституции?",
            "Жер асты байлықтары мен су бүкіл халықтың игілігі ме?",
            "Are natural resources like oil and water national property?",
        ),
        (
            "Получат ли нефтедобывающие области что-то с доходов от добычи?",
            "Мунай мен металдан тускен пайда сол онирге жумсала ма?",
            "Will mining towns see any of the money from the metals dug up there?",
        ),
    ),
    "marriage": (
        (
            "Брак это только союз мужчины и женщины?",
            "Некені тек ер мен әйелдің одағы деп жаза ма?",
            "Does the new text say marriage is only between a man and a woman?",
        ),
        (
            "Будет ли госудраство оберегать семью?",
            "Отбасы қоғамның негізі ретінде қорғала ма?",
            "Will the family be protected as the foundation of society?",
        ),
    ),
    "children": (
        (
            "Что получат семьи где пятеро детей и больше?",
            "Көп балалы аналарға мемлекет қосымша көмектесе ме?",
            "Are big families with lots of kids getting more support?",
        ),
        (
            "Права ребёнка будут важнее интересов чиновников?",
            "Бала кукыктары ведомстволардан жогары коюла ма?",
            "Will a child's rights come before the interests of government agencies?",
        ),
    ),
    "teachers": (
        (
            "Учителей наконец избавят от отчетов и бумажек?",
            "Мұғалімдерді артық есептен және қысымнан қорғай ма?",
            "Are teachers going to be shielded from pressure and endless reports?",
        ),
        (
            "Станет ли профессия учителя престижной снова?",
            "Мугалим мамандыгы кайта беделди бола ма?",
            "Will being a teacher become a respected proffesion again?",
        ),
    ),
    "free_school": (
        (
            "За школу платить не придётся?",
            "Орта білім ақысыз әрі міндетті болып қала ма?",
            "Is secondary school still going to be free and compulsory?",
        ),
        (
            "Будет ли в аульной школе такое же качество обучения, как в Астане?",
            "Ауылдагы балалар калалыктардай сапалы билим ала ма?",
            "Will a child in a village get as good an education as one in the capital?",
        ),
    ),
    "free_care": (
        (
            "Лечение в больнице будет за счёт государства?",
            "Ата Заңда тегін емдеудің кепілдігі жазыла ма?",
            "Does the basic law guarantee a minimum of free medical treatment?",
        ),
        (
            "Бесплатная медицина останется или всё станет платным?",
            "Медициналык комек тегин болатынына кепилдик бар ма?",
            "Will the state cover the cost of my treatment?",
        ),
    ),
    "rural_health": (
        (
            "В нашем селе нет ни одного врача, что-то изменится?",
            "Ауылдық округте фельдшер тұрақты жұмыс істей ме?",
            "Our village has no nurse or doctor, will that change?",
        ),
        (
            "Обеспечат ли сельские больницы оборудованием и медиками?",
            "Ауыл емханаларына дәрігер мен құрал-жабдық жеткізіле ме?",
            "Will rural hospitals get proper equipment and staff?",
        ),
    ),
    "elected_akims": (
        (
            "Акима будем выбирать сами или опять назначат?",
            "Аудан акимин тургындар сайлай ма, элде тагайындала ма?",
            "Will locals vote for their own akim?",
        ),
        (
            "Прямые выборы сельских акимов будут?",
            "Сайланған әкім халық алдында есеп бере ме?",
            "Will elected akims answer to the people who voted for them?",
        ),
    ),
    "local_budget": (
        (
            "У маслихата будет больше полномочий по бюджету?",
            "Мәслихат жергілікті қаражатты өзі бөле ала ма?",
            "Will the maslikhat get to manage the local money?",
        ),
        (
            "Кто будет решать на что тратить деньги на дороги и свет в нашем районе?",
            "Жол, жарык, су маселесин шешуге жергиликти биликтин оз акшасы бола ма?",
            "Will local councils have their own funds for roads, lighting and water?",
        ),
    ),
    "judges": (
        (
            "Судей перестанут давить звонками сверху?",
            "Судьяға жоғарыдан қысым жасауға тыйым бола ма?",
            "Will judges be protected from phone calls from above?",
        ),
        (
            "Будет ли суд по-настоящему незавизимым?",
            "Сот билиги тауелсиз бола ма?",
            "Is the judiciary going to be truly independent?",
        ),
    ),
    "const_court": (
        (
            "Как обычному человеку подать жалобу в Конституционный суд?",
            "Карапайым азамат Конституциялык сотка оз атынан жугине ала ма?",
            "Can an ordinary person file a complaint with the Constitutional Court?",
        ),
        (
            "Если закон несправедлив, куда мне обратиться?",
            "Әділетсіз заңнан азамат қалай қорғана алады?",
            "Is there a way to fight an unjust law in court?",
        ),
    ),
    "environment": (
        (
            "Заставят ли предприятия возмещать ущерб от выбросов?",
            "Зауыттар ауаны ластағаны үшін төлей ме?",
            "Will polluting plants have to pay for the damage they cause?",
        ),
        (
            "Будет ли у нас право дышать чистым воздухом?",
            "Таза қоршаған ортада өмір сүру құқығы бекітіле ме?",
            "Is a clean enviroment going to be a constitutional right?",
        ),
    ),
    "water_forests": (
        (
            "Будут ли вырубать леса под строительство?",
            "Озендер мен колдерди болашак урпакка сактай ма?",
            "Are lakes and rivers going to be protected for future generations?",
        ),
        (
            "Что будет с Аралом, его спасут?",
            "Балқаш көлін сақтау мемлекеттің міндеті бола ма?",
            "Is saving Lake Balkhash going to be the state's duty?",
        ),
    ),
    "property": (
        (
            "Могут ли отжать бизнес без решения суда?",
            "Кәсіпкердің мүлкін сотсыз алуға бола ма?",
            "Can officials seize my shop without a court decision?",
        ),
        (
            "Какие гарантии дают инвесторам что не отберут вложения?",
            "Инвесторлардын салымдары тартып алынбайтынына кепилдик бар ма?",
            "Will investors be sure their money won't be confiscated?",
        ),
    ),
    "competition": (
        (
            "Прижмут ли монополистов, которые задирают цены?",
            "Монополистерге шектеу қойыла ма?",
            "Are big monopolies going to be reined in?",
        ),
        (
            "Дадут ли малому и среднему бизнесу честно конкурировать с крупными?",
            "Шагын компанияларга адал басеке жагдайы жасала ма?",
            "Will small firms get a level playing field?",
        ),
    ),
    "wages": (
        (
            "Что делать если начальник месяцами не платит зарплату?",
            "Жұмыс беруші айлықты уақытында төлеуге міндетті ме?",
            "Will bosses be required to pay wages on time?",
        ),
        (
            "Будет ли охрана труда закреплена в конституции?",
            "Енбекке адил акы алу кукыгы бекитиле ме?",
            "Is fair pay for work going to be a right?",
        ),
    ),
    "disability": (
        (
            "Сделают ли пандусы в поликлиниках и школах?",
            "Мүгедектігі бар адамдарға пандус пен қолжетімді көлік бола ма?",
            "Will wheelchair users be able to get into every public bulding?",
        ),
        (
            "Смогут ли люди с особыми потребностями нормально учиться и работать?",
            "Инклюзия калыпты жагдайга айнала ма?",
            "Will people with disabilities have equal access to work and schooling?",
        ),
    ),
    "science": (
        (
            "Увеличат ли финансирование научных исследований?",
            "Ғылыми зерттеулерге бөлінетін қаржы жыл сайын өсе ме?",
            "Is science going to be a state priority with more funding?",
        ),
        (
            "Поддержат ли молодых исследователей грантами?",
            "Жас галымдарга зертхана мен грант бериле ме?",
            "What is being done so young researchers don't leave the country?",
        ),
    ),
    "digital": (
        (
            "Справки через егов без хождения по кабинетам будут?",
            "Мемлекеттик кызметтерди онлайн алуга бола ма?",
            "Can I do all my paperwork with the goverment online?",
        ),
        (
            "Поможет ли цифровизация госорганов победить взяточничество?",
            "Цифрландыру сыбайлас жемқорлықты азайта ма?",
            "Will digital services reduce red tape?",
        ),
    ),
}

# (lang, senator's Russian surname as in people.py, subject id or None for "what did they say")
FRESH3_PERSON: tuple[tuple[str, str, str | None, str], ...] = (
    ("ru", "Талапов", "teachers", "Что сенатор Талапов думает про учителей?"),
    ("kk", "Нурсапаров", "subsoil", "Бақыт Нұрсапаров жер қойнауы жайлы не деді?"),
    ("en", "Аманжолова", "privacy", "What has Senator Amanzholova said about personal data?"),
    ("ru", "Жолдыбаева", "free_care", "Жолдыбаева говорила что-нибудь про бесплатное лечение?"),
    ("kk", "Темиргалиева", "children", "Темиргалиева көпбалалы отбасылар туралы айтты ма?"),
    ("en", "Саулебаев", None, "What did Nurzhan Saulebaev talk about?"),
    ("ru", "Сауранбаев", None, "О чём выступал Сауранбаев?"),
    ("kk", "Жанибекова", None, "Әлия Жәнібекова қандай мәлімдеме жасады?"),
    ("en", "Муратбекова", "free_school", "Did Kamila Muratbekova say anything about free schooling?"),
    ("ru", "Оразбекова", "land_people", "Позиция Динары Оразбековой по продаже земли"),
    ("kk", "Дауренбеков", "wages", "Кайрат Дауренбеков жалакы туралы не айтты?"),
    ("en", "Кенжетаев", "unicameral", "Arman Kenzhetaev on the single-chamber parliament"),
    ("ru", "Кайсаров", "judges", "Кайсаров про независимость судов что сказал?"),
    ("kk", "Тлеукенов", "science", "Талғат Тлеукенов ғылымды қаржыландыру жөнінде не деді?"),
    ("en", "Оспанова", "disability", "What is Senator Ospanova's view on disability rights?"),
    ("ru", "Мейрамова", None, "Салтанат Мейрамова какие у неё заявления?"),
    ("kk", "Асылбекова", "marriage", "Меруерт Асылбекованың неке туралы пікірі қандай?"),
    ("en", "Толегенов", None, "Statements by Ilyas Tolegenov"),
    ("ru", "Ерболатов", "environment", "что сенатор Ерболатов говорил о загрязнении воздуха заводами"),
    ("kk", "Серикболов", None, "Сенатор Серікболов не айтты?"),
    ("en", "Султангазиев", "competition", "What did Sultangaziev say about monopolies?"),
    ("ru", "Канатбаева", "digital", "Высказывалась ли Канатбаева о госуслугах онлайн?"),
    ("kk", "Ибраева", "rural_health", "Раушан Ибраева ауыл медицинасы туралы не деді?"),
    ("en", "Нургалиева", "water_forests", "Has Asel Nurgalieva spoken about protecting lakes?"),
    ("ru", "Омарханов", "elected_akims", "Мнение Серика Омарханова о выборах акимов"),
    ("kk", "Жумагулов", "const_court", "Жұмағұлов Конституциялық сот жайында айтты ма?"),
    ("en", "Есенгельдин", "local_budget", "Did Yesengeldin mention local budgets?"),
    ("ru", "Жаксылыков", "mandate", "Галым Жаксылыков об отчетах депутатов"),
    ("kk", "Сатыбалдина", "assembly", "Гүлнар Сатыбалдина митинг туралы не деді?"),
    ("ru", "Байжигитова", "property", "Байжигитова о частной собственности"),
)  # fmt: skip

# (lang, city as a release names it, subject id or None for "what was discussed there")
FRESH3_PLACE: tuple[tuple[str, str, str | None, str], ...] = (
    ("ru", "Караганда", None, "Какие встречи сенаторов были в Караганде?"),
    ("kk", "Семей", None, "Семейде сенаторлар кездесуде не айтты?"),
    ("en", "Костанай", None, "What did senators discuss in Kostanay?"),
    ("ru", "Павлодар", "wages", "Что в Павлодаре сенаторы говорили про зарплаты?"),
    ("kk", "Туркестан", "free_school", "Түркістанда мектеп туралы не айтылды?"),
    ("en", "Уральск", "elected_akims", "What was said in Uralsk about electing akims?"),
    ("ru", "Актобе", None, "сенаторы в актобе о чем говорили"),
    ("kk", "Кызылорда", None, "Кызылордадагы кездесуде не талкыланды?"),
    ("en", "Экибастуз", None, "Senators' meeting in Ekibastuz, what came up?"),
    ("ru", "Атырау", "subsoil", "Атырау нефть доходы регионам что обещали сенаторы"),
    ("kk", "Тараз", "land_people", "Таразда жер мәселесі бойынша не айтылды?"),
    ("en", "Кокшетау", "free_care", "Did senators in Kokshetau talk about free healthcare?"),
    ("ru", "Петропавловск", "digital", "Что говорили в Петропавловске об электронных госуслугах?"),
    ("kk", "Талдыкорган", "judges", "Талдықорғанда соттың тәуелсіздігі туралы не айтылды?"),
)  # fmt: skip

# not-covered subjects, each in ru, kk, en: hard negatives (one per covered subject, in its
# order), then constitutional subjects nobody covers, then everyday requests
FRESH3_NOT_COVERED: NotCovered = (
    ("kurultai_election", (("ru", "Когда пройдут первые выборы в новый Курултай?"), ("kk", "Құрылтайға алғашқы сайлау қашан өтеді?"), ("en", "When will the first Kurultai election take place?"))),
    ("deputy_term", (("ru", "На сколько лет избирается депутат Курултая?"), ("kk", "Курылтай депутаты неше жылга сайланады?"), ("en", "How many years is a Kurultai member's term?"))),
    ("rally_fine", (("ru", "Какой штраф за участие в несогласованном митинге?"), ("kk", "Рұқсатсыз митингке қатысқаны үшін айыппұл қанша?"), ("en", "What's the penalty for joining an unauthorised protest?"))),
    ("data_leak_fine", (("ru", "Какая ответственность грозит банку за утечку персональных данных?"), ("kk", "Дербес деректер ағып кетсе, банк қандай жаза алады?"), ("en", "What fine does a company pay for leaking customers' data?"))),
    ("idle_land", (("ru", "Изымут ли у фермеров землю, которую они не обрабатывают?"), ("kk", "Пайдаланылмай жатқан жерді фермерден қайтарып ала ма?"), ("en", "Will unused farmland be taken back from farmers?"))),
    ("oil_fund_share", (("ru", "Какой процент нефтяных доходов пойдет в Национальный фонд?"), ("kk", "Ұлттық қорға мұнай табысының қанша пайызы түседі?"), ("en", "What share of oil money goes into the National Fund?"))),
    ("marriage_age", (("ru", "С какого возраста можно будет жениться?"), ("kk", "Неше жастан бастап үйленуге болады?"), ("en", "What's the legal age to get married?"))),
    ("child_benefit", (("ru", "Сколько будут платить пособие на третьего ребенка?"), ("kk", "Үшінші балаға берілетін жәрдемақы қанша?"), ("en", "How much is the monthly allowance for a third child?"))),
    ("teacher_salary", (("ru", "Сколько будет получать учитель в месяц?"), ("kk", "Мұғалімнің айлығы қанша болады?"), ("en", "What will a teacher's monthly salary be?"))),
    ("textbooks", (("ru", "Будут ли учебники бесплатными для всех классов?"), ("kk", "Оқулықтар барлық сыныпқа тегін беріле ме?"), ("en", "Will schoolbooks be free for every grade?"))),
    ("dental", (("ru", "Будут ли бесплатно лечить зубы взрослым?"), ("kk", "Ересектерге тіс емдеу тегін бола ма?"), ("en", "Will adults get free dental treatment?"))),
    ("rural_doctor_bonus", (("ru", "Сколько подъемных дадут врачу, который поедет работать в село?"), ("kk", "Ауылга барган даригерге котерме акы канша толенеди?"), ("en", "How big is the relocation bonus for doctors moving to villages?"))),
    ("akim_term", (("ru", "На какой срок избирают акима?"), ("kk", "Әкім неше жылға сайланады?"), ("en", "How long is an akim's term in office?"))),
    ("maslikhat_size", (("ru", "Сколько депутатов будет в маслихате района?"), ("kk", "Аудандық мәслихатта неше депутат болады?"), ("en", "How many members sit on a district maslikhat?"))),
    ("judge_selection", (("ru", "Кто будет отбирать кандидатов в судьи?"), ("kk", "Судьялыққа үміткерлерді кім іріктейді?"), ("en", "Which body selects candidates for judge?"))),
    ("cc_deadline", (("ru", "За какой срок Конституционный суд должен рассмотреть жалобу?"), ("kk", "Конституциялық сот шағымды қанша уақытта қарайды?"), ("en", "How long does the Constitutional Court take to rule on a complaint?"))),
    ("coal_plants", (("ru", "Переведут ли городские ТЭЦ с угля на газ?"), ("kk", "Қалалардағы ЖЭО көмірден газға көшіріле ме?"), ("en", "Will city power plants switch from coal to gas?"))),
    ("tree_felling", (("ru", "Нужно ли разрешение, чтобы срубить дерево во дворе?"), ("kk", "Аулада агаш кесуге руксат керек пе?"), ("en", "Do I need a permit to cut down a tree in my yard?"))),
    ("property_registration", (("ru", "Сколько стоит оформить право собственности на квартиру?"), ("kk", "Пәтерге меншік құқығын тіркеу қанша тұрады?"), ("en", "How much does it cost to register ownership of a flat?"))),
    ("antimonopoly_head", (("ru", "Кто возглавит антимонопольное агентство?"), ("kk", "Монополияға қарсы агенттікті кім басқарады?"), ("en", "Who will head the competition watchdog?"))),
    ("overtime", (("ru", "Как будут оплачивать сверхурочные часы?"), ("kk", "Жұмыстан тыс уақыт үшін қалай төлейді?"), ("en", "Will overtime be paid at double rate?"))),
    ("disability_group", (("ru", "Как пройти переосвидетельствование на группу инвалидности?"), ("kk", "Мүгедектік тобын қайта куәландырудан қалай өтеміз?"), ("en", "How do I get my disability group reassessed?"))),
    ("academic_degrees", (("ru", "Вернут ли защиту кандидатских диссертаций?"), ("kk", "Ғылым кандидаты дәрежесі қайта енгізіле ме?"), ("en", "Will the old candidate of sciences degree come back?"))),
    ("digital_signature", (("ru", "Как продлить ЭЦП не выходя из дома?"), ("kk", "ЭЦҚ мерзімін үйден қалай ұзартамын?"), ("en", "How do I renew my digital signature key from home?"))),
    ("extradition", (("ru", "Могут ли выдать гражданина Казахстана другой стране?"), ("kk", "Қазақстан азаматын басқа елге ұстап беруге бола ма?"), ("en", "Can a Kazakh citizen be extradited to another country?"))),
    ("national_bank", (("ru", "Будет ли Нацбанк независим от правительства?"), ("kk", "Ұлттық банк үкіметтен тәуелсіз бола ма?"), ("en", "Will the central bank be independent of the government?"))),
    ("state_audit", (("ru", "Кто будет проверять, как правительство тратит бюджет страны?"), ("kk", "Республикалық бюджеттің жұмсалуын қай орган тексереді?"), ("en", "Which body will audit government spending?"))),
    ("troops_abroad", (("ru", "Можно ли отправлять наших военных за рубеж?"), ("kk", "Әскерді шетелге жіберуге бола ма?"), ("en", "Can Kazakh troops be sent abroad?"))),
    ("citizenship_loss", (("ru", "Могут ли лишить гражданства?"), ("kk", "Азаматтыктан айыруга бола ма?"), ("en", "Can someone be stripped of citizenship?"))),
    ("amendments", (("ru", "Как потом можно будет вносить поправки в новую конституцию?"), ("kk", "Жаңа Ата Заңға кейін түзету қалай енгізіледі?"), ("en", "How can the new constitution be amended later?"))),
    ("innocence", (("ru", "Закреплена ли презумпция невиновности?"), ("kk", "Кінәсіздік презумпциясы сақтала ма?"), ("en", "Is the presumption of innocence kept?"))),
    ("party_threshold", (("ru", "Какой процент нужен партии, чтобы пройти в парламент?"), ("kk", "Партия парламентке өту үшін қанша пайыз жинауы керек?"), ("en", "What percentage does a party need to get into parliament?"))),
    ("heating_bill", (("ru", "Почему в квитанции за отопление такая большая сумма?"), ("kk", "Жылу үшін түбіртекте неге сонша көп ақша?"), ("en", "Why is my heating bill so high this month?"))),
    ("hot_water", (("ru", "когда дадут горячую воду в нашем микрорайоне"), ("kk", "Ыстык су качан бериледи?"), ("en", "When will the hot water be back on?"))),
    ("no_record_certificate", (("ru", "Как получить справку о несудимости?"), ("kk", "Сотталмағаны туралы анықтаманы қалай аламын?"), ("en", "How do I get a certificate of no criminal record?"))),
    ("transport_card", (("ru", "Где пополнить транспортную карту?"), ("kk", "Көлік картасын қайда толтыруға болады?"), ("en", "Where can I top up my bus card?"))),
    ("doctor_home", (("ru", "Как вызвать участкового терапевта на дом?"), ("kk", "Учаскелік дәрігерді үйге қалай шақырамын?"), ("en", "How do I get a GP to come to my house?"))),
    ("dog_vaccine", (("ru", "Где сделать прививку собаке от бешенства?"), ("kk", "Итке құтыруға қарсы екпені қайда салдырамын?"), ("en", "Where can I get my dog vaccinated against rabies?"))),
    ("school_enrolment", (("ru", "Как записать ребенка в первый класс?"), ("kk", "Баланы бірінші сыныпқа қалай жазамын?"), ("en", "How do I enrol my child in first grade?"))),
    ("lost_sim", (("ru", "Потерял телефон, как восстановить сим-карту?"), ("kk", "Телефонымды жоғалттым, сим картаны қалай қалпына келтіремін?"), ("en", "I lost my phone, how can I get my SIM card back?"))),
)  # fmt: skip


def fresh3_questions() -> list[tuple[str, str, str, str | None]]:
    """The topic and not-covered questions of both halves (senators and cities: questions.py)."""
    return halves_questions(FRESH3_ASKS, FRESH3_NOT_COVERED, SPLITS)
