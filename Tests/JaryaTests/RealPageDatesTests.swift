import Jarya
import Testing

/// Page dates, datelines and programme times as Kyrgyz and Russian sites publish them (issue 11):
/// a crawler's date line with the article on the same line, a Kabar dateline under a currency
/// ticker, a site clock that repeats the page date, a stamp under the title, a header with a
/// traditional month, and a programme's hour lines under a dated heading. The pages are written
/// for these tests in the shapes of the real ones.
@Suite("Real-page dates")
struct RealPageDatesTests {
    /// `start…end time` of a date entity.
    static func show(_ v: Entity.Value) -> String? {
        guard case .date(let d) = v else { return nil }
        return "\(d.start?.description ?? "nil")…\(d.end?.description ?? "nil") \(d.time ?? "-")"
    }

    static func published(_ text: String) throws -> PartialDate? {
        try recognize(text, with: Recognizers.standard(.forTests)).published
    }

    // MARK: Page dates

    @Test(
        "a crawler's ` date` line gives the published date even with the article on its line",
        arguments: [
            (
                " date 2026-02-05 Билим берүү министрлиги жаш авторлор үчүн адабий сынак жарыялады.\nЖыйынтыгы ⟦15-мартта⟧ чыгарылат.",
                PartialDate(year: 2026, month: 2, day: 5), ["2026-03-15…2026-03-15 -"]
            ),
            (
                " date 2025-10-18 В столичном жилмассиве высадили деревья. Следующая акция пройдет ⟦25 октября⟧.",
                PartialDate(year: 2025, month: 10, day: 18), ["2025-10-25…2025-10-25 -"]
            ),
        ])
    func crawlerDateLine(_ marked: String, _ day: PartialDate, _ values: [String]) throws {
        try expectEntities(.date, marked, values, value: Self.show)
        #expect(try Self.published(MarkedText(marked).text) == day)
    }

    @Test(
        "a date inside a sentence is no page date, labelled or not",
        arguments: [
            "Министрлик ⟦2026-02-05⟧ адабий сынак жарыялады.",
            "Комиссия подвела итоги конкурса ⟦2025-10-18⟧ в мэрии.",
        ])
    func dateInSentence(_ marked: String) throws {
        #expect(try Self.published(MarkedText(marked).text) == nil)
        #expect(try entities(.date, in: MarkedText(marked).text).map(\.span) == MarkedText(marked).spans)
    }

    @Test("a Kabar dateline under a currency ticker, a rubric and a `Читайте нас в` line")
    func kabarDatelineUnderTicker() throws {
        let marked = """
            • 86.5
            • 91.44
            • 0.87
            • 0.17

            Торага университеттин ишмердүүлүгү менен таанышты

            Парламент 0

            Читайте и смотрите нас в

            Бишкек, 12.05.23. /Кабар/. Торага Жогорку Кенеша посетил университет, а ⟦15 мая⟧ встретится со студентами.
            """
        try expectEntities(.date, marked, ["2023-05-15…2023-05-15 -"], value: Self.show)
        #expect(try Self.published(MarkedText(marked).text) == PartialDate(year: 2023, month: 5, day: 12))
    }

    @Test("a site clock that repeats the page date is furniture; a body date on the same day is not")
    func siteClock() throws {
        let marked = """
             date 2025-10-07 Линктер

            ЧУКУЛ КАБАР!
            7-Октябрь, 2025-жыл, шейшемби, Бишкек убактысы 10:41
            Жаңылыктар

            ⟦Келерки жылы⟧ Ысык-Көлдө форум өтөт

            Президенттин жарлыгы ⟦7-октябрда⟧ жарыяланды.
            """
        try expectEntities(.date, marked, ["2026…2026 -", "2025-10-07…2025-10-07 -"], value: Self.show)
        #expect(try Self.published(MarkedText(marked).text) == PartialDate(year: 2025, month: 10, day: 7))
    }

    @Test(
        "stamps under the title: a bulleted date, an English date with its clock time glued to the lead, a traditional month",
        arguments: [
            (
                "ОШТУДА ЭЛ АРАЛЫК КОНФЕРЕНЦИЯ БОЛУП ӨТТҮ\n\n  • 26.11.2021\n  • 0\n\nУниверситетте эл аралык конференция болуп өттү.",
                PartialDate(year: 2021, month: 11, day: 26), [String]()
            ),
            // The site glues the stamp's minutes to the lead's first word (`22:022022-жылы`).
            (
                "⟦2022-жылы⟧ Кызыл Ай коому борборлорду колдоду\nAugust 7, 2022, 22:022022-жылы Улуттук Кызыл Ай коому үч борборду колдоду.",
                PartialDate(year: 2022, month: 8, day: 7), ["2022…2022 -"]
            ),
            (
                "Ишенби, 20 Чын куран 2024\n\nБорбор калаада мэрдин жаңы жылдык балатысы өткөрүлдү",
                PartialDate(year: 2024, month: 4, day: 20), []
            ),
        ])
    func stamps(_ marked: String, _ day: PartialDate, _ values: [String]) throws {
        try expectEntities(.date, marked, values, value: Self.show)
        #expect(try Self.published(MarkedText(marked).text) == day)
    }

    @Test("a newspaper's issue line gives the issue's first day as the page date; a week in the body is a date")
    func issueLine() throws {
        let marked =
            "№562 9-август-15-август, 2013-ж\nФестиваль ⟦12-14-сентябрь күндөрү⟧ өткөрүлөт. Репетициялар ⟦9-августтан 15-августка чейин⟧ жүрдү."
        try expectEntities(.date, marked, ["2013-09-12…2013-09-14 -", "2013-08-09…2013-08-15 -"], value: Self.show)
        #expect(try Self.published(MarkedText(marked).text) == PartialDate(year: 2013, month: 8, day: 9))
    }

    @Test("a bullet before a date in the body does not make it a page date")
    func bulletInBody() throws {
        let text = """
            Сынактын шарттары

            Өтүнмөлөр төмөнкү мөөнөттөрдө кабыл алынат:
            Министрлик жарыялаган сынак боюнча кабыл алуу башталды, ал эми жыйынтыгы
            • 26.11.2021 күнү жарыяланат жана жеңүүчүлөр сыйланат, ошондой эле көргөзмө уюштурулат.
            """
        #expect(try Self.published(text) == nil)
    }

    // MARK: Programmes

    @Test("a programme's hour lines take the day of their heading")
    func programmeHourLines() throws {
        let marked = """
            29.04.2019 11:13

            Шаар күнүнө карата өтүүчү иш-чаралардын тизмеси

            ⟦Бүгүн⟧ Бишкек шаарынын 141 жылдыгы белгиленүүдө.

            ⟦10:00-19:00⟧- эстеликтин жанында жарманке өтөт.

            ⟦10:00 баштап⟧ Эмен багында шахмат боюнча чемпионат

            ⟦11:00⟧  маданият үйүндө майрамдык концерт.
            """
        try expectEntities(
            .date, marked,
            [
                "2019-04-29…2019-04-29 -", "2019-04-29…2019-04-29 10:00-19:00",
                "2019-04-29…2019-04-29 10:00", "2019-04-29…2019-04-29 11:00",
            ], value: Self.show)
    }

    @Test("a Russian programme: the hour lines after a dated heading")
    func russianProgramme() throws {
        let marked = """
            Программа праздника

            Праздник пройдет ⟦21 марта⟧ на центральной площади.
            ⟦11:00⟧ – открытие ярмарки ремесленников;
            ⟦14:00-16:00⟧ – концерт творческих коллективов.
            """
        try expectEntities(
            .date, marked, ["--03-21…--03-21 -", "--03-21…--03-21 11:00", "--03-21…--03-21 14:00-16:00"],
            value: Self.show)
    }

    @Test(
        "hour lines with no dated heading before them are no dates, nor is a time inside a line",
        arguments: [
            "Иш-чаранын программасы\n10:00-11:00 – катталуу\n11:00 – ачылыш сөздөр",
            "График работы\n09:00-18:00 – прием граждан\nОбед с 13:00 до 14:00.",
            "Жарманке ⟦15-майда⟧ өтөт. Катышуучулар 10:00-11:00 аралыгында катталат.",
        ])
    func noHeading(_ marked: String) throws {
        let dates = try entities(.date, in: MarkedText(marked).text)
        #expect(dates.map(\.span) == MarkedText(marked).spans)
    }
}
