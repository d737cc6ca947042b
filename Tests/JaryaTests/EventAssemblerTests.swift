import Jarya
import Testing

/// The event of whole small releases, through the standard pipeline: kind, main date, places,
/// organizers and funders, participants, event title, and the bilingual case. The releases are
/// written for these tests.
@Suite("Event assembly")
struct EventAssemblerTests {
    /// The record of a release processed by `Pipeline.standard(.forTests)`.
    static func record(_ text: String, path: String = "release.txt") throws -> Record {
        Record(try Pipeline.standard(.forTests).process(Document(text: text, path: path)))
    }

    static func event(_ text: String) throws -> Record.EventRecord {
        try #require(try record(text).event, "no event in:\n\(text)")
    }

    // MARK: Kind, dates, places, who

    @Test("a Kyrgyz conference: the conference days, not the project's years; Osh; organizers and funder")
    func kyrgyzConference() throws {
        let e = try Self.event(R.kyrgyzConference)
        #expect(e.kind == .conference)
        #expect(e.start == "2024-05-20")
        #expect(e.end == "2024-05-22")
        #expect(e.places == ["Osh"])
        #expect(e.organizers == ["Кыргыз Республикасынын Айыл чарба министрлиги", "Ош мамлекеттик университети"])
        #expect(e.funders == ["Германиянын Эл аралык кызматташтык боюнча коому"])
        #expect(e.partners.isEmpty)
        #expect(e.participants?.count == 100)
        #expect(e.participants?.qualifier == "more_than")
    }

    @Test("a quoted name with `аттуу` before the kind word is the event's title")
    func kyrgyzConferenceTitle() throws {
        let e = try Self.event(R.kyrgyzConference)
        do {
            #expect(e.title == "Борбор Азиядагы суу ресурстарын башкаруу")
        }
    }

    @Test("a Russian seminar in Karakol with a funder and more than 40 participants")
    func russianSeminar() throws {
        let e = try Self.event(R.russianSeminar)
        #expect(e.kind == .seminar)
        #expect(e.start == "2024-03-12")
        #expect(e.end == "2024-03-14")
        #expect(e.places == ["Karakol"])
        #expect(
            e.organizers == ["Министерство природных ресурсов, экологии и технического надзора Кыргызской Республики"])
        #expect(e.funders.count == 1)
        #expect(
            e.funders.first.map { $0.contains("USAID") || $0.contains("Агентство США по международному развитию") }
                == true)
        #expect(e.participants?.count == 40)
        #expect(e.participants?.qualifier == "more_than")
    }

    @Test("a schedule: the umbrella week is the event, not its dated items")
    func russianSchedule() throws {
        let e = try Self.event(R.russianSchedule)
        #expect(e.start == "2024-10-05")
        #expect(e.end == "2024-10-11")
        #expect(e.places == ["Bishkek"])
        #expect(e.organizers == ["Национальный банк Кыргызской Республики"])
    }

    @Test("an application window then a ceremony: the ceremony's date")
    func applicationWindowThenCeremony() throws {
        let e = try Self.event(R.kyrgyzAwardCeremony)
        #expect(e.start == "2024-04-12")
        #expect(e.end == "2024-04-12")
        #expect(e.places == ["Bishkek"])
        #expect(e.organizers == ["Агартуу министрлиги"])
    }

    @Test("statistics for periods, with no event word: no event")
    func statisticsHaveNoEvent() throws {
        let r = try Self.record(R.kyrgyzStatistics)
        #expect(r.event == nil)
        #expect(r.published == "2024-07-18")
    }

    @Test("a court and prosecutor news item: no event")
    func courtNewsHasNoEvent() throws {
        let r = try Self.record(R.russianCourt)
        #expect(r.event == nil)
        #expect(r.published == "2024-04-03")
    }

    @Test("Kyrgyz: a school that `ачылды` is an opening, undated, in its district")
    func kyrgyzOpeningVerb() throws {
        let e = try Self.event(
            """
            Ноокат районунда жаңы мектеп ачылды

            Ноокат районунда 600 орундуу жаңы мектеп ачылды. Мектепте 40 мугалим иштейт.
            """)
        #expect(e.kind == .opening)
        #expect(e.start == nil)
        #expect(e.places == ["Nookat District"])
    }

    @Test("Kyrgyz: a criminal case that `ачылды` opens no event")
    func kyrgyzCaseOpened() throws {
        let r = try Self.record(
            """
            Бишкекте алдамчылык боюнча кылмыш иши ачылды

            Бишкекте алдамчылык боюнча кылмыш иши ачылды. Шектүү кармалды.
            """)
        #expect(r.event == nil)
    }

    // MARK: Participants

    @Test(
        "participants: a count with its qualifier",
        arguments: [
            (R.kyrgyzConference, 100, "more_than"),
            (R.russianSeminar, 40, "more_than"),
            (R.russianRoundTable, 50, "about"),
        ])
    func participantCount(text: String, count: Int, qualifier: String) throws {
        let p = try #require(try Self.event(text).participants)
        #expect(p.count == count)
        #expect(p.qualifier == qualifier)
    }

    @Test("participants: the countries people come from, which are not the venue")
    func participatingCountries() throws {
        let e = try Self.event(R.kyrgyzForum)
        #expect(e.participants?.countries == ["Kazakhstan", "Uzbekistan", "Tajikistan"])
        #expect(e.places == ["Bishkek"])
    }

    @Test("a Russian round table: kind, day, place, organizer")
    func russianRoundTable() throws {
        let e = try Self.event(R.russianRoundTable)
        #expect(e.kind == .roundTable)
        #expect(e.start == "2023-11-15")
        #expect(e.end == "2023-11-15")
        #expect(e.places == ["Bishkek"])
        #expect(e.organizers == ["Министерство труда, социального обеспечения и миграции Кыргызской Республики"])
    }

    // MARK: Titles

    @Test("the event title from `«…» деген темадагы форум`; the registration deadline is not the event")
    func eventTitle() throws {
        let e = try Self.event(R.kyrgyzForum)
        #expect(e.kind == .forum)
        #expect(e.title == "Жашыл шаар – 2030")
        #expect(e.start == "2024-09-25")
        #expect(e.end == "2024-09-25")
        #expect(e.organizers == ["Бишкек шаарынын мэриясы"])
    }

    @Test("title: the headline after a ПРЕСС-РЕЛИЗ label; summary: the first sentence after the Kabar dateline")
    func titleAndSummaryKyrgyz() throws {
        let r = try Self.record(R.kyrgyzConference)
        #expect(r.title == "Ош шаарында суу ресурстары боюнча эл аралык конференция өтөт")
        #expect(r.published == "2024-05-14")
        #expect(
            r.summary
                == "2024-жылдын 20-22-майында Ош шаарында «Борбор Азиядагы суу ресурстарын башкаруу» аттуу эл аралык илимий-практикалык конференциясы өтөт."
        )
    }

    @Test("summary: the lead's first sentence when it starts with a date right after the dateline")
    func summaryAfterRussianDateline() throws {
        let r = try Self.record(R.russianRoundTable)
        #expect(r.title == "Круглый стол о доступности городской среды")
        #expect(
            r.summary
                == "15 ноября 2023 года в Бишкеке состоится круглый стол, посвященный доступности городской среды для людей с инвалидностью."
        )
        let s = try Self.record(R.russianSeminar)
        #expect(
            s.summary
                == "С 12 по 14 марта 2024 года в Караколе пройдет обучающий семинар для сотрудников органов местного самоуправления Иссык-Кульской области."
        )
    }

    // MARK: Bilingual

    @Test("a Kyrgyz half and a Russian half: one ky+ru record, one event, no warning when they agree")
    func bilingualAgree() throws {
        let r = try Self.record(R.bilingual())
        #expect(r.language == .kyrgyzRussian)
        let e = try #require(r.event)
        #expect(e.kind == .roundTable)
        #expect(e.start == "2024-03-11")
        #expect(e.end == "2024-03-11")
        #expect(e.places == ["Talas"])
        #expect(r.title == "Талас шаарында тегерек стол өтөт")
        // Entities from both halves.
        let dates = r.entities.filter { $0.type == .date }.map(\.start)
        #expect(dates.filter { $0 == "2024-03-11" }.count == 2)
        #expect(!r.warnings.contains { $0.contains("halves") })
    }

    @Test("the halves give different dates: a warning that names both")
    func bilingualDisagree() throws {
        let r = try Self.record(R.bilingual(russianDay: 12))
        #expect(r.language == .kyrgyzRussian)
        #expect(r.event?.start == "2024-03-11")
        let warning = try #require(r.warnings.first { $0.contains("halves") }, "warnings: \r.warnings")
        #expect(warning.contains("Kyrgyz") && warning.contains("Russian"))
        #expect(warning.contains("2024-03-11"))
        #expect(warning.contains("2024-03-12"))
    }

    // MARK: Kinds

    @Test(
        "the kind from the wording in both languages",
        arguments: [
            (
                "Бишкекте китеп көргөзмөсү ачылат\nБишкек шаардык мэриясы 2024-жылдын 10-декабрында Ала-Тоо аянтында китеп көргөзмөсүн өткөрөт.",
                "exhibition"
            ),
            (
                "Токмокто айыл чарба жарманкеси өтөт\n2024-жылдын 5-октябрында Токмок шаарында күзгү айыл чарба жарманкеси өтөт.",
                "fair"
            ),
            (
                "Пресс-конференция по итогам посевной кампании\n3 июня 2024 года в Бишкеке состоится пресс-конференция министра сельского хозяйства.",
                "press_conference"
            ),
            (
                "Общественные слушания по проекту бюджета\n20 ноября 2024 года в мэрии Оша пройдут общественные слушания по проекту городского бюджета.",
                "hearing"
            ),
            (
                "В Чолпон-Ате пройдет тренинг для журналистов\nС 2 по 4 августа 2024 года в Чолпон-Ате пройдет тренинг для журналистов по проверке фактов.",
                "training"
            ),
        ])
    func kinds(text: String, kind: String) throws {
        #expect(try Self.event(text).kind.rawValue == kind)
    }

    @Test("the kind from a Kyrgyz word with the voiced stem of its possessive: сынак → сынагы")
    func voicedStemKind() throws {
        let text =
            "«Жаш дизайнер» сынагы өтөт\n2024-жылдын 5-мартында Бишкек шаарында «Жаш дизайнер» республикалык сынагы өтөт."
        let r = try Self.record(text)
        do {
            #expect(r.event?.kind == .competition)
        }
    }
}

private typealias R = EventAssemblerReleases

/// Small releases written for the event tests.
enum EventAssemblerReleases {

    static let kyrgyzConference = """
        ПРЕСС-РЕЛИЗ
        Ош шаарында суу ресурстары боюнча эл аралык конференция өтөт
        Бишкек, 14.05.24. /Кабар/. 2024-жылдын 20-22-майында Ош шаарында «Борбор Азиядагы суу ресурстарын башкаруу» аттуу эл аралык илимий-практикалык конференциясы өтөт.
        Конференциянын уюштуруучулары: Кыргыз Республикасынын Айыл чарба министрлиги жана Ош мамлекеттик университети.
        Иш-чараны Германиянын Эл аралык кызматташтык боюнча коому (GIZ) каржылап жатат.
        Конференцияда 2019-жылдан 2024-жылга чейин ишке ашырылган «Таза суу» долбоорунун жыйынтыктары талкууланат.
        Иш-чарага 100дөн ашык өкүлү катышат деп күтүлүүдө.
        Байланыш үчүн: +996 (3222) 5-44-21, info@oshsu.kg.

        """

    static let russianSeminar = """
        В Караколе пройдет семинар по управлению твердыми бытовыми отходами
        Бишкек, 5 марта 2024 года. С 12 по 14 марта 2024 года в Караколе пройдет обучающий семинар для сотрудников органов местного самоуправления Иссык-Кульской области.
        Семинар организует Министерство природных ресурсов, экологии и технического надзора Кыргызской Республики при поддержке USAID.
        В работе семинара примут участие более 40 представителей айыл окмоту, мэрий и муниципальных предприятий.
        Участники обсудят сортировку отходов, тарифы и работу с населением.
        Контакты: +996 (312) 54-11-76, eco@mnr.gov.kg.

        """

    static let russianSchedule = """
        Неделя финансовой грамотности пройдет в Бишкеке
        Бишкек, 1 октября 2024 года. С 5 по 11 октября в Бишкеке пройдет Неделя финансовой грамотности, которую проводит Национальный банк Кыргызской Республики.
        Программа недели:
        6 октября – открытые уроки для школьников в гимназии №5;
        8 октября – лекция для студентов Кыргызского национального университета;
        10 октября – семинар для предпринимателей в Торгово-промышленной палате.
        Все мероприятия бесплатные, регистрация не требуется.
        Подробности на сайте www.nbkr.kg.

        """

    static let kyrgyzAwardCeremony = """
        «Жылдын мыкты мугалими» сынагынын жеңүүчүлөрү сыйланды
        Бишкек, 13.04.24. /Кабар/. Агартуу министрлиги уюштурган «Жылдын мыкты мугалими» республикалык сынагынын сыйлоо аземи 12-апрелде Бишкек шаарында өттү.
        Өтүнмөлөр 2024-жылдын 1-февралынан 15-мартына чейин кабыл алынды.
        Сынакка өлкөнүн бардык облустарынан 350 мугалим катышты.
        Жеңүүчүлөргө дипломдор жана акчалай сыйлыктар тапшырылды.

        """

    static let kyrgyzStatistics = """
        Өлкөдө эт өндүрүшү өстү
        Бишкек, 18.07.24. /Кабар/. Улуттук статистика комитетинин маалыматы боюнча, 2024-жылдын январь-июнь айларында өлкөдө 120 миң тонна эт өндүрүлгөн.
        Бул көрсөткүч өткөн жылдын ушул мезгилине салыштырмалуу 3,2 пайызга жогору.
        2021-2023-жылдары эт өндүрүшү жыл сайын орто эсеп менен 2 пайызга өсүп келген.
        Эң көп эт Чүй жана Ош облустарында өндүрүлөт.

        """

    static let russianCourt = """
        Экс-чиновник мэрии Оша осужден за получение взятки
        Ош, 3 апреля 2024 года. Ошский городской суд признал бывшего сотрудника мэрии виновным в получении взятки в крупном размере.
        Как сообщает Генеральная прокуратура Кыргызской Республики, в 2022 году он потребовал у предпринимателя 5000 долларов за выдачу разрешения на строительство.
        Суд приговорил его к 7 годам лишения свободы с конфискацией имущества.
        Приговор может быть обжалован в установленном порядке.

        """

    static let kyrgyzForum = """
        Бишкекте «Жашыл шаар – 2030» форуму өтөт
        Бишкек, 02.09.24. /Кабар/. 2024-жылдын 25-сентябрында Бишкек шаарында «Жашыл шаар – 2030» деген темадагы форум өтөт.
        Форумду Бишкек шаарынын мэриясы уюштурат.
        Форумга Казакстандан, Өзбекстандан жана Тажикстандан келген катышуучулар, шаар куруучу адистер жана жарандык коом өкүлдөрү катышат.
        Каттоо 20-сентябрга чейин уланат.

        """

    static let russianRoundTable = """
        Круглый стол о доступности городской среды
        Бишкек, 10 ноября 2023 года. 15 ноября 2023 года в Бишкеке состоится круглый стол, посвященный доступности городской среды для людей с инвалидностью.
        Организатор – Министерство труда, социального обеспечения и миграции Кыргызской Республики.
        Ожидается около 50 участников из государственных органов и общественных организаций.
        Справки по телефону: +996 (312) 62-15-19.

        """

    /// A Kyrgyz half then a Russian half; `russianDay` is the day the Russian half gives.
    static func bilingual(russianDay: Int = 11) -> String {
        """
        Талас шаарында тегерек стол өтөт
        Талас, 04.03.24. /Кабар/. 2024-жылдын 11-мартында Талас шаарында таза суу маселеси боюнча тегерек стол өтөт.
        Тегерек столду Талас шаардык мэриясы уюштурат.
        Иш-чарага 30дан ашык адам катышат.

        В Таласе пройдет круглый стол
        Талас, 4 марта 2024 года. \(russianDay) марта 2024 года в Таласе пройдет круглый стол по вопросам питьевой воды.
        Круглый стол организует мэрия города Талас.
        В мероприятии примут участие более 30 человек.

        """
    }
}
