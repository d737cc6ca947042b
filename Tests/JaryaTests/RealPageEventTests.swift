import Jarya
import Testing

/// The event of pages as sites publish them (issue 11): a crawler's date line is not the event's
/// date, a call for applications announces none, the dateline's city is not a venue of itself, a
/// rubric line under the title is not part of the lead, and an event reported without a date keeps
/// its kind and places. The pages are written for these tests in the shapes of the real ones.
@Suite("Real-page events")
struct RealPageEventTests {
    static func record(_ text: String) throws -> Record {
        Record(try Pipeline.standard(.forTests).process(Document(text: text, path: "page.txt")))
    }

    @Test(
        "a call for applications under a crawler's date line: the page date, no event",
        arguments: [
            """
             date 2026-02-05 Маданият министрлиги жаш авторлор үчүн адабий сынак жарыялады.
            Сынакка 18 жаштан жогору авторлор катыша алышат. Чыгармалар электрондук почта аркылуу кабыл алынат.
            """,
            """
             date 2025-03-11 Министерство культуры объявило конкурс для молодых авторов.
            Принимаются произведения авторов старше 18 лет. Заявки принимаются по электронной почте.
            """,
        ])
    func callUnderCrawlerLine(_ text: String) throws {
        let r = try Self.record(text)
        #expect(r.published != nil)
        #expect(r.event == nil)
        #expect(!r.entities.contains { $0.type == .date })
    }

    @Test(
        "the Kabar dateline's city is not the venue; the event sentence's city is",
        arguments: [
            (
                "Бишкек, 01.01.24. /Кабар/. Ош шаарынын борбордук аянтында жаңы жыл майрамы белгиленди.\nМайрамдык концерт 31-декабрь саат 14:00дөн баштап Ош шаарында өттү.",
                ["Osh"], "2023-12-31"
            ),
            (
                "Бишкек, 05.03.24. /Кабар/. Форум 6-мартта Бишкекте өтөт. Форумга жүздөн ашык киши катышат.",
                ["Bishkek"], "2024-03-06"
            ),
        ])
    func datelineCity(_ text: String, _ places: [String], _ start: String) throws {
        let e = try #require(try Self.record(text).event)
        #expect(e.places == places)
        #expect(e.start == start)
    }

    @Test("a rubric with its counter between the title and the dateline does not push the event out of the lead")
    func rubricLine() throws {
        let text = """
            • 88.21
              • 95.66

            Маданият тармагындагы кызматташтык маселелери талкууланды

            Коом 0

            Бишкек, 07.03.23. /Кабар/. Москва шаарында эки өлкөнүн министрлеринин орун басарлары жолугушту.

            Жолугушуу 6-мартта Москвада өткөн аялдар форумунун алкагында болду.
            """
        let r = try Self.record(text)
        #expect(r.published == "2023-03-07")
        let e = try #require(r.event)
        #expect(e.start == "2023-03-06")
        #expect(e.places == ["Moscow"])
    }

    @Test("an event reported without a date: its kind and venue, no dates")
    func undatedEvent() throws {
        let text = """
            Ош шаарында эл аралык конференция болуп өттү

            Ош шаарында Ош мамлекеттик университети эл аралык илимий-практикалык конференция уюштурду. Конференцияга беш өлкөнүн окумуштуулары катышты.
            """
        let e = try #require(try Self.record(text).event)
        #expect(e.kind == .conference)
        #expect(e.start == nil && e.end == nil)
        #expect(e.places == ["Osh"])
    }

    @Test(
        "no undated event from a headline without an event word, nor from a call for applications",
        arguments: [
            "Ош шаарында жаңы мектеп курулууда\n\nОш шаарында 600 орундуу мектептин курулушу уланууда. Курулуш иштери быйыл аяктайт.",
            "Бишкекте жаштар үчүн сынак жарыяланды\n\nБишкек шаарынын мэриясы жаштар үчүн сынак жарыялады. Катышуу үчүн өтүнмөлөр кабыл алынат.",
        ])
    func noUndatedEvent(_ text: String) throws {
        #expect(try Self.record(text).event == nil)
    }

    @Test(
        "the title: not the crawler's label and date, the Kabar dateline, a ticker line or a rubric counter",
        arguments: [
            (
                " date 2025-10-18 В столичном жилмассиве высадили деревья. Об этом сообщила мэрия.",
                "В столичном жилмассиве высадили деревья. Об этом сообщила мэрия."
            ),
            (
                "Бишкек, 01.01.24. /Кабар/. Ош шаарында жаңы жыл майрамы белгиленди.\nАга 20 миң адам келди.",
                "Ош шаарында жаңы жыл майрамы белгиленди."
            ),
            (
                "БИШКЕК, 12-сен. — Sputnik. Мэрия кызматкерлери ишембилик өткөрдү.\nИшке 300 киши катышты.",
                "Мэрия кызматкерлери ишембилик өткөрдү."
            ),
            (
                "USD 87.45\n\nКоом 0\n\nБишкекте желек күнү белгиленди\n\nАянтта салтанат өттү.",
                "Бишкекте желек күнү белгиленди"
            ),
            (
                "Бишкекте 2 жаңы мектеп ачылды\n\nШаарда эки мектеп пайдаланууга берилди.",
                "Бишкекте 2 жаңы мектеп ачылды"
            ),
        ])
    func title(_ text: String, _ title: String) throws {
        #expect(try Self.record(text).title == title)
    }

    @Test(
        "consecutive single days in the event's sentence make one event; a day later in the text does not extend it",
        arguments: [
            (
                "Бишкекте майрамдык парад өтөт\n\nБорбордук көчөлөр салтанаттуу иш-чараларга байланыштуу 31-октябрда жана 1-ноябрда жабык болот. Парад Ала-Тоо аянтында өтөт.",
                "--10-31", "--11-01"
            ),
            (
                "Форум пройдет в Оше\n\nФорум пройдет в Оше 5 мая. Итоги подведут 6 мая на пресс-конференции.",
                "--05-05", "--05-05"
            ),
        ])
    func consecutiveDays(_ text: String, _ start: String, _ end: String) throws {
        let e = try #require(try Self.record(text).event)
        #expect(e.start == start)
        #expect(e.end == end)
    }

    @Test(
        "an event going on as the agency writes takes the dateline's day; one reported as held does not",
        arguments: [
            (
                "Бишкек, 19.10.18. /Кабар/. В Жогорку Кенеше началась научно-практическая конференция, посвященная писателю.\nУчастникам показали фильм.",
                "2018-10-19"
            ),
            ("Ош, 12.04.24. /Кабар/. Ош шаарында эл аралык форум өтүүдө.\nФорумга 300 киши катышууда.", "2024-04-12"),
            (
                "Бишкек, 19.10.18. /Кабар/. В Жогорку Кенеше обсудили итоги научно-практической конференции.\nУчастникам показали фильм.",
                nil
            ),
        ])
    func underWay(_ text: String, _ start: String?) throws {
        let e = try #require(try Self.record(text).event)
        #expect(e.start == start)
        #expect(e.end == start)
    }

    @Test(
        "with no page date, a month without a year is not the event's date",
        arguments: [
            """
            Фестиваль ремесел впервые проводится в Нарыне. В марте мастера из пяти районов показали свои работы,
            а организаторы подвели итоги прошлого сезона.
            """,
            """
            Кол өнөрчүлөр фестивалы Нарында биринчи жолу өтөт. Март айында беш райондун чеберлери иштерин көрсөтүштү.
            """,
        ])
    func monthWithoutYear(_ text: String) throws {
        let r = try Self.record(text)
        #expect(r.published == nil)
        #expect(r.event?.start == nil && r.event?.end == nil)
    }

    @Test("with a page date, the same month dates the event")
    func monthWithPageDate() throws {
        let r = try Self.record("Нарын, 2 февраля 2025 г.\n\nФестиваль ремесел пройдет в Нарыне в марте.")
        #expect(r.event?.start?.description == "2025-03")
    }

    @Test(
        "the capital, written as such, is Bishkek; another country's capital is not",
        arguments: [
            (
                "17 сентября в столичных парках пройдут концерты «Осенний Бишкек».\nОб этом сообщает пресс-служба.",
                ["Bishkek"]
            ),
            ("Фестиваль пройдет 5 мая в столице. Ждем всех желающих.", ["Bishkek"]),
            ("Фестиваль кыргызской культуры пройдет 5 мая в столице Казахстана. Ждем всех желающих.", ["Kazakhstan"]),
        ])
    func capital(_ text: String, _ places: [String]) throws {
        let e = try #require(try Self.record(text).event)
        #expect(e.places == places)
    }

    @Test("a subbotnik reported under a dateline is an event in the dateline's city")
    func subbotnik() throws {
        let e = try #require(
            try Self.record(
                "БИШКЕК, 12-сен. — Sputnik. Улуттук китепкананын тегерегинде мэрия кызматкерлери ишембилик өткөрдү.\nИш-чарага 200дөн ашык киши катышты."
            ).event)
        #expect(e.kind == .campaign)
        #expect(e.places == ["Bishkek"])
    }

    @Test("a school's timetable names no event: `окуу жылы`, `окуу сабактары` are no training")
    func schoolYear() throws {
        let r = try Self.record(
            "Регламент\nМектепте окуу сабактары 1-сентябрда башталып, 25-майда аяктайт. Окуу жылынын созулушу 34 жума.")
        #expect(r.event == nil)
    }

    @Test("a city in the genitive before a place within it is the venue, also when its city hall reports")
    func genitiveBeforeLocative() throws {
        let e = try #require(
            try Self.record(
                "Бишкек, 01.01.24. /Кабар/. Ош шаарынын борбордук аянтында жаңы жыл майрамы белгиленди.\nОш шаардык мэриясынын басма сөз кызматы билдиргендей, 31-декабрь саат 14:00дөн баштап концерт өттү."
            ).event)
        #expect(e.places == ["Osh"])
    }

    @Test("a body that assists (`при содействии`) is a partner, neither organizer nor funder")
    func assistance() throws {
        let e = try #require(
            try Self.record(
                "Бишкек, 3 сентября 2025 года. 14 сентября в Бишкеке пройдет праздник. Организатором выступает мэрия Бишкека при содействии Фонда Ханса Зайделя."
            ).event)
        #expect(e.organizers == ["Мэрия города Бишкек"])
        #expect(e.funders.isEmpty)
        #expect(e.partners == ["Фонд Ханса Зайделя"])
    }

    @Test("a bilingual release whose second dateline breaks across a line is read, not a crash")
    func secondDatelineAcrossLines() throws {
        let text = """
            Бишкекте жаштар форуму өтөт

            Бишкек, 3-март. Бишкек шаарында жаштар форуму өтөт. Форумга өлкөнүн бардык аймактарынан жүздөн ашык жаш катышат. Форум 5-мартта башталып, эки күнгө созулат. Иш-чараны шаардык мэрия уюштурат. Катышуучулар долбоорлорун сунушташат.

            Талас, 4 марта
            2024 года. В Бишкеке пройдет молодежный форум. В нем примут участие более ста человек из всех регионов страны. Форум начнется 5 марта и продлится два дня. Организатор мероприятия – мэрия города.
            """
        let r = try Self.record(text)
        #expect(r.language == .kyrgyzRussian)
        #expect(r.event?.start == "2024-03-05")
    }
}
