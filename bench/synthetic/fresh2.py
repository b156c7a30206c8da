# ruff: noqa: E501 — questions are data, kept one per line
"""Two more splits, `fresh2` and `fresh2-held`, written by gate3 before measuring anything on them.

Per subject two wordings in each language (ru, kk, en), a citizen's own words: spoken forms,
words the corpus does not use (lawmakers, upkeep, жалованье, шенеунік), hand-made typos. The
first wording of every language goes to `fresh2`, the second to `fresh2-held`.

Not-covered subjects sit next to a covered one and share its words but ask a detail the senators
never gave (the Kurultai's speaker, deputies' immunity, teachers' holidays, the ambulance's
arrival time, a court fee, sick pay…), plus everyday questions. None is a subject another split
asks. A whole subject (all three languages) goes to one split, alternating. Rules may be chosen
looking at `fresh2` only; `fresh2-held` is measured before and after, never looked at for a choice.
"""

from __future__ import annotations

# subject id → ((ru, kk, en) for fresh2, (ru, kk, en) for fresh2-held)
FRESH2_ASKS: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    "unicameral": (
        (
            "Останется ли у нас двухпалатный парламент или будет одна палата?",
            "Сенатты жауып, бір ғана палата қалдыра ма?",
            "Are lawmakers going to sit in just one house now?",
        ),
        (
            "Правда что сенат уберут и останется только курултай?",
            "Екі палаталы парламент не үшін біреуге айналады?",
            "Why get rid of the bicameral parliament?",
        ),
    ),
    "mandate": (
        (
            "Придется ли депутатам отчитыватся перед своими избирателями?",
            "Депутат өзін сайлағандарға жылына есеп бере ме?",
            "Will my MP have to explain himself to the voters of his district?",
        ),
        (
            "Что если депутат не выполнил обещания данные избирателям?",
            "Халық өкілі берген уәдесін орындамаса, сайлаушы не істей алады?",
            "Can voters hold a deputy to his campaign promises?",
        ),
    ),
    "assembly": (
        (
            "Можно ли будет выйти на мирный митинг без разрешения акимата?",
            "Митинг өткізу үшін әкімдікті хабардар ету жеткілікті ме?",
            "Do protesters only need to notify the authorities before a rally?",
        ),
        (
            "Гарантируется ли право собираться мирно?",
            "Бейбіт жиналыстарға еркіндік бола ма?",
            "Is the right to gather peacefully guaranteed?",
        ),
    ),
    "privacy": (
        (
            "Могут ли мои персональные данные передать кому-то без моего согласия?",
            "Менің дербес деректерімді келісімімсіз біреуге бере ме?",
            "Can my personal information be handed over without my consent?",
        ),
        (
            "Защищается ли тайна переписки в вотсапе и почте?",
            "Мессенджердегі хаттарымның құпиясы қорғала ма?",
            "Are my chats and emails kept confidential?",
        ),
    ),
    "land_people": (
        (
            "Можно ли продать землю иностранной компании?",
            "Жерді шетелдік компанияға сатуға бола ма?",
            "Could a foreign firm end up owning our farmland?",
        ),
        (
            "Кому по новой конституции принадлежит земля?",
            "Жер иесі кім болады, халық па?",
            "Does the land belong to the people of Kazakhstan?",
        ),
    ),
    "subsoil": (
        (
            "Кто будет владеть недрами и водой?",
            "Жер қойнауы мен су кімнің игілігі болады?",
            "Who will the country's oil and gas belong to?",
        ),
        (
            "Пойдут ли доходы от нефти и газа на развитие регионов?",
            "Мұнай мен газдан түскен ақша өңірлерге жұмсала ма?",
            "Will the regions that produce oil get a share of the revenue?",
        ),
    ),
    "marriage": (
        (
            "Что такое брак по новой конституции?",
            "Жаңа Ата Заң бойынша неке деген не?",
            "Will marriage stay between a man and a woman?",
        ),
        (
            "Защитит ли государство традиционную семью?",
            "Дәстүрлі отбасы мемлекеттің қорғауында бола ма?",
            "Does the state promise to protect the family?",
        ),
    ),
    "children": (
        (
            "Будет ли особая защита материнства и детства?",
            "Ана мен балаға ерекше қорғау бола ма?",
            "Will motherhood and childhood be specially protected?",
        ),
        (
            "Дадут ли больше помощи семьям с кучей детей?",
            "Балалары көп отбасыларға қосымша көмек бола ма?",
            "Is there extra help for families with many kids?",
        ),
    ),
    "teachers": (
        (
            "Будут ли больше уважать профессию педагога?",
            "Мұғалім мамандығының абыройы көтеріле ме?",
            "Will teachers get more respect and less paperwork?",
        ),
        (
            "Избавят ли учителей от бумажной волокиты?",
            "Мұғалімдерге қағазбастылық азая ма?",
            "Is the status of school teachers going to rise?",
        ),
    ),
    "free_school": (
        (
            "Будет ли обучение в школе бесплатным и дальше?",
            "Мектепте оқу бұрынғыдай тегін бола ма?",
            "Will kids still go to school for free?",
        ),
        (
            "Сельская школа будет учить так же хорошо как городская?",
            "Ауыл мектебі қала мектебінен кем болмай ма?",
            "Will rural pupils get the same quality of schooling as in the capital?",
        ),
    ),
    "free_care": (
        (
            "Гарантируют ли бесплатную медпомощь в конституции?",
            "Тегін медициналық көмекке кепілдік бар ма?",
            "Is free medical help written into the basic law?",
        ),
        (
            "Если нет денег, меня всё равно вылечат?",
            "Ақшам болмаса да, мені тегін емдей ме?",
            "Will someone without money still get treated?",
        ),
    ),
    "rural_health": (
        (
            "Будет ли в каждом ауле свой фельдшер?",
            "Әр ауылда фельдшер жұмыс істей ме?",
            "Will every rural district have a paramedic?",
        ),
        (
            "Не придется ли сельчанам ехать к врачу за сотни километров?",
            "Ауыл адамдары дәрігерге жүздеген шақырым жүре ме?",
            "Will country people stop driving hundreds of kilometres to a clinic?",
        ),
    ),
    "elected_akims": (
        (
            "Будут ли жители сами выбирать акима района?",
            "Аудан әкімін халық өзі сайлай ма?",
            "Will district heads be elected instead of appointed?",
        ),
        (
            "Акимов сел начнут избирать а не назначать?",
            "Ауыл әкімдерін тағайындау тоқтай ма?",
            "Are village mayors going to be voted in by locals?",
        ),
    ),
    "local_budget": (
        (
            "Будут ли у местного самоуправления свои деньги?",
            "Жергілікті өзін-өзі басқаруға өз қаржысы беріле ме?",
            "Will local self-government have its own funds?",
        ),
        (
            "Смогут ли люди решать, на что тратить бюджет района?",
            "Тұрғындар аудан бюджетінің шығыстарын шеше ала ма?",
            "Can residents decide how the district spends its budget?",
        ),
    ),
    "judges": (
        (
            "Запретят ли вмешиваться в работу судей?",
            "Сот жұмысына араласуға тыйым салына ма?",
            "Will anyone be allowed to lean on a judge?",
        ),
        (
            "Будет ли судья подчиняться только закону?",
            "Судья тек заңға ғана бағына ма?",
            "Will judges answer only to the law?",
        ),
    ),
    "const_court": (
        (
            "Сможет ли простой гражданин сам пойти в Конституционный суд?",
            "Кез келген азамат Конституциялық сотқа тікелей бара ала ма?",
            "Can I take my case to the Constitutional Court myself?",
        ),
        (
            "Как оспорить закон который нарушает мои права?",
            "Құқығымды бұзатын заңға қалай шағым беремін?",
            "What can I do if a law violates my rights?",
        ),
    ),
    "environment": (
        (
            "Будут ли заводы платить за вред природе?",
            "Табиғатқа зиян келтірген кәсіпорын өтемақы төлей ме?",
            "Will companies that poison the air have to pay for it?",
        ),
        (
            "Закрепят ли право на благоприятную окружающую среду?",
            "Қолайлы қоршаған ортаға құқық Ата Заңда бола ма?",
            "Do people get a right to a healthy environment?",
        ),
    ),
    "water_forests": (
        (
            "Не отдадут ли берега озер под застройку?",
            "Көлдердің жағасын құрылысқа бермей ме?",
            "Will lakeshores be kept safe from construction?",
        ),
        (
            "Что говорят про спасение Балхаша?",
            "Ормандарды келешек ұрпаққа сақтай ма?",
            "Will our woods and rivers be preserved for our grandchildren?",
        ),
    ),
    "property": (
        (
            "Могут ли у предпринимателя забрать бизнес без суда?",
            "Кәсіпкердің бизнесін сотсыз тартып ала ма?",
            "Can the government take away a company without a court ruling?",
        ),
        (
            "Будет ли частная собственность неприкосновенной?",
            "Жеке меншікке қол сұғуға бола ма?",
            "Will private ownership be inviolable?",
        ),
    ),
    "competition": (
        (
            "Будут ли бороться с монополией?",
            "Монополияға шек қойыла ма?",
            "Will the state curb monopolies?",
        ),
        (
            "Получит ли малый бизнес равные условия в конкуренции?",
            "Шағын кәсіпкерлікке бәсекеде тең жағдай бола ма?",
            "Will small and medium companies compete on equal terms?",
        ),
    ),
    "wages": (
        (
            "Обязан ли работодатель платить зарплату без задержек?",
            "Жалақыны кешіктірмей төлеу міндетті ме?",
            "Is late payment of salaries going to be banned?",
        ),
        (
            "Будут ли безопасные условия на рабочем месте?",
            "Жұмыс орнындағы қауіпсіздікке кепілдік бола ма?",
            "Will workplace safety be a constitutional guarantee?",
        ),
    ),
    "disability": (
        (
            "Будут ли здания доступны для колясочников?",
            "Мүгедек арбасымен жүретіндерге ғимараттар қолжетімді бола ма?",
            "Will public buildings have ramps?",
        ),
        (
            "Получат ли инвалиды равный доступ к работе и учебе?",
            "Мүгедектігі бар жандар жұмыс пен білімге тең қол жеткізе ме?",
            "Will disabled people get equal access to jobs and education?",
        ),
    ),
    "science": (
        (
            "Станет ли наука приоритетом для государства?",
            "Ғылым мемлекеттің басымдығы бола ма?",
            "Will research spending go up every year?",
        ),
        (
            "Дадут ли молодым учёным гранты чтобы они не уезжали?",
            "Жас ғалымдар шетелге кетпес үшін грант ала ма?",
            "Will young scholars get labs so they stay at home?",
        ),
    ),
    "digital": (
        (
            "Можно ли будет получать госуслуги через интернет без очередей?",
            "Мемлекеттік қызметті кезексіз онлайн алуға бола ма?",
            "Will I be able to get government services online without queues?",
        ),
        (
            "Уменьшит ли цифровизация бюрократию и коррупцию?",
            "Цифрландыру бюрократияны азайта ма?",
            "Will going digital cut bureaucracy and bribes?",
        ),
    ),
}

# not-covered subjects, each in ru, kk, en; most next to a covered subject
FRESH2_NOT_COVERED: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("kurultai_speaker", (("ru", "Кто будет председателем Курултая?"), ("kk", "Құрылтай төрағасын кім сайлайды?"), ("en", "Who will chair the Kurultai?"))),
    ("deputy_immunity", (("ru", "Лишат ли депутатов неприкосновенности?"), ("kk", "Депутаттардың иммунитеті алынып тастала ма?"), ("en", "Will deputies lose their immunity from prosecution?"))),
    ("ngo_registration", (("ru", "Нужно ли регистрировать общественное объединение?"), ("kk", "Қоғамдық бірлестікті тіркеу міндетті ме?"), ("en", "Do NGOs have to register with the government?"))),
    ("face_cameras", (("ru", "Разрешат ли камеры распознавания лиц на улицах?"), ("kk", "Көшелерде бет-әлпетті танитын камералар орнатыла ма?"), ("en", "Will facial recognition cameras be allowed on streets?"))),
    ("free_plot", (("ru", "Дадут ли бесплатный участок под строительство дома?"), ("kk", "Үй салуға тегін жер телімі беріле ме?"), ("en", "Can I get a free plot to build a house?"))),
    ("village_gas", (("ru", "Проведут ли газ в каждое село?"), ("kk", "Әр ауылға газ тартыла ма?"), ("en", "Will gas pipelines reach every village?"))),
    ("alimony", (("ru", "Как взыскать алименты с бывшего мужа?"), ("kk", "Бұрынғы күйеуден алимент қалай өндіріледі?"), ("en", "How do I get child support from my ex-husband?"))),
    ("adoption_abroad", (("ru", "Смогут ли иностранцы усыновлять наших детей?"), ("kk", "Шетелдіктер біздің балаларды асырап ала ма?"), ("en", "Can foreigners adopt Kazakh children?"))),
    ("teacher_holiday", (("ru", "Сколько дней отпуска будет у учителей?"), ("kk", "Мұғалімдердің демалысы неше күн болады?"), ("en", "How many vacation days do teachers get?"))),
    ("twelve_years", (("ru", "Перейдут ли школы на двенадцатилетнее обучение?"), ("kk", "Мектептер он екі жылдық оқуға көше ме?"), ("en", "Will schooling become twelve years long?"))),
    ("medicine_prices", (("ru", "Станут ли лекарства в аптеках дешевле?"), ("kk", "Дәріханадағы дәрі-дәрмек арзандай ма?"), ("en", "Will medicines at the pharmacy get cheaper?"))),
    ("ambulance_time", (("ru", "За сколько минут должна приезжать скорая помощь?"), ("kk", "Жедел жәрдем неше минутта келуі керек?"), ("en", "How fast must an ambulance arrive?"))),
    ("akim_candidate_age", (("ru", "С какого возраста можно баллотироваться в акимы?"), ("kk", "Әкімдікке неше жастан бастап түсуге болады?"), ("en", "What is the minimum age to run for akim?"))),
    ("street_names", (("ru", "Кто решает переименовывать улицы?"), ("kk", "Көше атауларын өзгертуді кім шешеді?"), ("en", "Who decides on renaming streets?"))),
    ("court_broadcast", (("ru", "Будут ли заседания судов транслировать онлайн?"), ("kk", "Сот отырыстары онлайн көрсетіле ме?"), ("en", "Will court hearings be streamed online?"))),
    ("court_fee", (("ru", "Сколько стоит госпошлина за обращение в Конституционный суд?"), ("kk", "Конституциялық сотқа жүгіну үшін баж салығы қанша?"), ("en", "What is the fee for filing with the Constitutional Court?"))),
    ("old_cars", (("ru", "Запретят ли старые машины из-за выхлопов?"), ("kk", "Ескі көліктерге түтіні үшін тыйым салына ма?"), ("en", "Will old cars be banned over their exhaust fumes?"))),
    ("fishing_licence", (("ru", "Нужна ли лицензия на рыбалку?"), ("kk", "Балық аулауға лицензия керек пе?"), ("en", "Do I need a fishing licence?"))),
    ("eviction", (("ru", "Могут ли выселить из съемной квартиры зимой?"), ("kk", "Жалға алған пәтерден қыста шығарып жібере ала ма?"), ("en", "Can a landlord evict tenants in winter?"))),
    ("loan_rates", (("ru", "Снизят ли ставки по кредитам для малого бизнеса?"), ("kk", "Шағын бизнеске несие пайызы төмендей ме?"), ("en", "Will loan interest rates for small businesses go down?"))),
    ("sick_pay", (("ru", "Будут ли полностью оплачивать больничный?"), ("kk", "Ауырған кездегі еңбекке жарамсыздық парағы толық төлене ме?"), ("en", "Will sick leave be fully paid?"))),
    ("disabled_parking", (("ru", "Какой штраф за парковку на месте для инвалидов?"), ("kk", "Мүгедектер орнына көлік қойғаны үшін айыппұл қанша?"), ("en", "What is the fine for parking in a disabled space?"))),
    ("patents", (("ru", "Как получить патент на изобретение?"), ("kk", "Өнертабысқа патентті қалай алуға болады?"), ("en", "How do I patent an invention?"))),
    ("crypto", (("ru", "Станет ли криптовалюта законной?"), ("kk", "Криптовалюта заңды бола ма?"), ("en", "Will cryptocurrency be legal?"))),
    ("everyday_bus", (("ru", "Во сколько уходит последний автобус в Караганду?"), ("kk", "Автобус билетін қайдан сатып аламын?"), ("en", "When is the next train to Almaty?"))),
    ("everyday_money", (("ru", "Почем сейчас доллар в обменниках?"), ("kk", "Долларды қай жерде тиімді айырбастауға болады?"), ("en", "What is the tenge to euro exchange rate today?"))),
    ("everyday_football", (("ru", "Кто забил гол в последнем матче Кайрата?"), ("kk", "Футболдан әлем чемпионатын кім ұтады?"), ("en", "Who won the football match yesterday?"))),
    ("everyday_homework", (("ru", "Помоги решить задачу по математике"), ("kk", "Үй тапсырмасын орындауға көмектесші"), ("en", "Solve this equation for x please"))),
    ("everyday_health", (("ru", "Чем лечить простуду у ребенка?"), ("kk", "Басым ауырып тұр, не ішейін?"), ("en", "What should I take for a headache?"))),
    ("everyday_chat", (("ru", "Привет, как у тебя дела?"), ("kk", "Сәлем, қалың қалай?"), ("en", "Hi there, who are you?"))),
)  # fmt: skip


Asks = dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]]
NotCovered = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


def halves_questions(
    asks: Asks, not_covered: NotCovered, splits: tuple[str, str]
) -> list[tuple[str, str, str, str | None]]:
    """(question, lang, split, subject id or None for not covered), in a fixed order: the first
    wording of each subject and language in the first split, not-covered subjects alternating."""
    out: list[tuple[str, str, str, str | None]] = []
    for subject_id, halves in asks.items():
        for split, wordings in zip(splits, halves, strict=True):
            for lang, q in zip(("ru", "kk", "en"), wordings, strict=True):
                out.append((q, lang, split, subject_id))
    for n, (_, negatives) in enumerate(not_covered):
        for lang, q in negatives:
            out.append((q, lang, splits[n % 2], None))
    return out


def fresh2_questions() -> list[tuple[str, str, str, str | None]]:
    """gate3's two splits (see the module's docstring)."""
    return halves_questions(FRESH2_ASKS, FRESH2_NOT_COVERED, ("fresh2", "fresh2-held"))
