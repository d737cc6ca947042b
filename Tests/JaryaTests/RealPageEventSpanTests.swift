@testable import Jarya
import Testing

/// The event's span and organizers on real pages (issue 11): an event held in stages runs from
/// the first stage to the last, `до 24 сентября` after the opening day is the event's last day,
/// `X совместно с Y` after an organizing verb makes Y a co-organizer, a festive programme and a
/// match are events, `келерки жылы` is next year, `бүгүн, 17-апрелде` on an undated page takes
/// the body's year, and page furniture lines are one rule. The pages are written for these tests.
@Suite("Real-page event spans")
struct RealPageEventSpanTests {
    static func record(_ text: String) throws -> Record { try RealPageEventTests.record(text) }

    /// The `start…end` of every date entity of `text`.
    static func dates(_ text: String) throws -> [String] {
        try record(text).entities.compactMap { e in
            guard case .date(let start, let end, _) = e.value else { return nil }
            return "\(start ?? "nil")…\(end ?? "nil")"
        }
    }

    @Test(
        "an event in stages runs from the first stage to the last",
        arguments: [
            (
                "Бишкек, 10.01.24. /Кабар/. Жаштар форуму бир нече этап менен өтөт: биринчи этап 5-февралдан 9-февралга чейин, экинчи этап 20-февралдан 22-февралга чейин, акыркы этап 14-мартта өтөт.",
                "2024-02-05", "2024-03-14"
            ),
            (
                "Бишкек, 10.01.24. /Кабар/. Форум молодежи пройдет в несколько этапов: первый этап с 5 по 9 февраля, второй этап с 20 по 22 февраля, финальный этап пройдет 14 марта.",
                "2024-02-05", "2024-03-14"
            ),
        ])
    func stages(_ text: String, _ start: String, _ end: String) throws {
        let e = try #require(try Self.record(text).event)
        #expect(e.start == start)
        #expect(e.end == end)
    }

    @Test(
        "dates after the main one that are not stages do not stretch it",
        arguments: [
            (
                "Бишкек, 10.01.24. /Кабар/. Жаштар форуму 5-февралдан 9-февралга чейин өтөт, ал эми жыйынтыктары 14-мартта жарыяланат.",
                "2024-02-09"
            ),
            (
                "Бишкек, 10.01.24. /Кабар/. Форум молодежи пройдет с 5 по 9 февраля, а итоги подведут 14 марта.",
                "2024-02-09"
            ),
        ])
    func noStages(_ text: String, _ end: String) throws {
        let e = try #require(try Self.record(text).event)
        #expect(e.start == "2024-02-05")
        #expect(e.end == end)
    }

    @Test(
        "an opening day and `until` a later day in its sentence: the event's first and last day",
        arguments: [
            (
                "Бишкек, 18.09.23. /Кабар/. Көчө театрларынын фестивалы 21-сентябрда ачылып, 24-сентябрга чейин уланат.",
                "2023-09-24"
            ),
            (
                "Бишкек, 18.09.23. /Кабар/. Фестиваль уличных театров стартует 21 сентября и будет проходить до 24 сентября.",
                "2023-09-24"
            ),
        ])
    func runsUntil(_ text: String, _ end: String) throws {
        let e = try #require(try Self.record(text).event)
        #expect(e.start == "2023-09-21")
        #expect(e.end == end)
    }

    @Test(
        "a deadline for applications in the event's sentence is not its last day",
        arguments: [
            "Бишкек, 18.09.23. /Кабар/. Сынак 21-сентябрда жарыяланып, арыздар 24-сентябрга чейин кабыл алынат.",
            "Бишкек, 18.09.23. /Кабар/. Конкурс стартует 21 сентября, заявки принимаются до 24 сентября.",
        ])
    func applicationDeadline(_ text: String) throws {
        let e = try Self.record(text).event
        #expect(e?.end != "2023-09-24")
    }

    @Test("`X совместно с Y` after an organizing verb: Y co-organizes; `партнером выступает` stays a partner")
    func jointOrganizer() throws {
        let text =
            "Бишкек, 3 марта 2024 года. Тренинг для журналистов проводится Государственным агентством по делам местного самоуправления и межэтнических отношений совместно с фондом «Открытые горы» 12 марта в Бишкеке. Партнером выступает ОсОО «Медиа Лаб»."
        let e = try #require(try Self.record(text).event)
        #expect(e.organizers.contains { $0.contains("агентство") })
        #expect(e.organizers.contains { $0.contains("Открытые горы") })
        #expect(!e.organizers.contains { $0.contains("Медиа Лаб") })
    }

    @Test("`совместно с` without an organizing verb is no organizer")
    func jointWithoutOrganizing() throws {
        let text =
            "Бишкек, 3 марта 2024 года. 12 марта в Бишкеке состоится тренинг для журналистов. Материалы подготовлены совместно с фондом «Открытые горы»."
        let e = try #require(try Self.record(text).event)
        #expect(!e.organizers.contains { $0.contains("Открытые горы") })
    }

    @Test(
        "a festive programme, a concert and a match are events",
        arguments: [
            (
                "Бишкек, 20.04.24. /Кабар/. Шаардын туулган күнүнө карата 29-апрелде Ала-Тоо аянтында майрамдык концерт болот.",
                "2024-04-29"
            ),
            (
                "Бишкек, 20 апреля 2024 года. В мэрии представили праздничную программу: 29 апреля в 18.00 на Старой площади начнется концерт.",
                "2024-04-29"
            ),
            (
                "БИШКЕК, 24.03.17. Кыргызстан менен Макаонун курама командаларынын беттеши 28-мартта Бишкекте болот.",
                "2017-03-28"
            ),
            (
                "Бишкек, 24 марта 2017 года. Матч сборных Кыргызстана и Макао состоится в Бишкеке 28 марта.",
                "2017-03-28"
            ),
            ("Бишкек, 28.12.23. /Кабар/. Ала-Тоо аянтында 31-декабрда жаңы жылдык концерт болот.", "2023-12-31"),
            ("Бишкек, 28 декабря 2023 года. Новогодний концерт на площади Ала-Тоо состоится 31 декабря.", "2023-12-31"),
        ])
    func festiveAndMatch(_ text: String, _ start: String) throws {
        let e = try #require(try Self.record(text).event)
        #expect(e.start == start)
    }

    @Test(
        "a page about a holiday that names no event word announces none",
        arguments: [
            "Бишкек, 20.04.24. /Кабар/. Шаардын тургундары жаз келгенде бактарды отургузушту.",
            "Бишкек, 20 апреля 2024 года. Праздничное настроение горожан не испортил даже дождь, сообщили в мэрии.",
            "Бишкек, 20.04.24. /Кабар/. Филармониянын залында оңдоо иштери аяктады.",
            "Бишкек, 20 апреля 2024 года. В здании филармонии завершился ремонт.",
        ])
    func noEventWord(_ text: String) throws {
        #expect(try Self.record(text).event == nil)
    }

    @Test(
        "`келерки жылы` and `в следующем году` are next year; `келерки жумада` is no date",
        arguments: [
            ("Бишкек, 07.10.25. /Кабар/. Келерки жылы Ысык-Көлдө интеллектуалдык форум өтөт.", ["2026…2026"]),
            (
                "Бишкек, 7 октября 2025 года. В следующем году на Иссык-Куле пройдет интеллектуальный форум.",
                ["2026…2026"]
            ),
            ("Бишкек, 07.10.25. /Кабар/. Келерки жумада Ысык-Көлдө жыйын болот.", []),
            ("Бишкек, 7 октября 2025 года. На следующей неделе на Иссык-Куле пройдет совещание.", []),
        ])
    func nextYear(_ text: String, _ values: [String]) throws {
        #expect(try Self.dates(text) == values)
    }

    @Test(
        "`бүгүн, 17-апрелде` on a page without a date takes the year the body states",
        arguments: [
            (
                "Ош шаары эл аралык иш-чарага даяр. Бул тууралуу бүгүн, 17-апрелде шаар мэри билдирди. Ош 2019-жылы маданий борбор деп жарыяланган.",
                "2019-04-17"
            ),
            (
                "Город Ош готов к международному празднику. Об этом сегодня, 17 апреля, сообщил мэр. Ош объявлен культурной столицей на 2019 год.",
                "2019-04-17"
            ),
        ])
    func todayWithoutPage(_ text: String, _ day: String) throws {
        #expect(try Self.record(text).published == nil)
        #expect(try Self.dates(text).contains("\(day)…\(day)"))
    }

    @Test(
        "`бүгүн, 17-апрелде` with no year anywhere stays without one",
        arguments: [
            "Ош шаары эл аралык иш-чарага даяр. Бул тууралуу бүгүн, 17-апрелде шаар мэри билдирди.",
            "Город Ош готов к международному празднику. Об этом сегодня, 17 апреля, сообщил мэр.",
        ])
    func todayWithoutYear(_ text: String) throws {
        #expect(try Self.dates(text).contains("--04-17…--04-17"))
    }

    @Test(
        "furniture lines: tickers, counters, clocks, sites and breadcrumbs; headlines with a number are not",
        arguments: [
            ("USD 88.57", true), ("Коом 0", true), ("Парламент 0", true), ("16:01", true), ("mytopf.com", true),
            ("Бишкекте 5 мектеп ачылды", false), ("В Оше открылись 5 школ", false),
            ("Курс USD вырос до 88 сомов", false), ("Кыргызча", true), ("Общество", true), ("Коом", true),
            ("Общество слепых провело форум", false), ("Кыргызча сабак", false),
        ])
    func furniture(_ line: String, _ expected: Bool) {
        #expect(Furniture.isFurniture(line, labels: WordSet([])) == expected)
    }

    @Test(
        "a nationwide event's place is the country its sentence names as the venue",
        arguments: [
            ("Кыргызстанда 2024-жылдын 12-мартында республикалык жаштар форуму өтөт.", ["Kyrgyzstan"]),
            ("Республиканский форум молодежи пройдет в Кыргызстане 12 марта 2024 года.", ["Kyrgyzstan"]),
            ("Казакстандан келген коноктордун катышуусу менен жаштар форуму 2024-жылдын 12-мартында өтөт.", []),
            ("Форум молодежи с участием гостей из Казахстана пройдет 12 марта 2024 года.", []),
            ("Кыргызстанда, Ош шаарында, 2024-жылдын 12-мартында жаштар форуму өтөт.", ["Osh"]),
            ("В Кыргызстане, в Оше, 12 марта 2024 года пройдет форум молодежи.", ["Osh"]),
        ])
    func nationwide(_ text: String, _ places: [String]) throws {
        let e = try #require(try Self.record(text).event)
        #expect(e.places == places)
    }

    @Test(
        "a landmark venue lies in the city its sentence names, in any case",
        arguments: [
            (
                "Бишкек шаарынын 135 жылдыгына карата «Спартак» стадионунда чоң фестиваль болот.\nФестиваль 2013-жылдын 12-сентябрында өтөт.",
                ["Bishkek"]
            ),
            (
                "К 135-летию Бишкека на стадионе «Спартак» пройдет большой фестиваль.\nФестиваль состоится 12 сентября 2013 года.",
                ["Bishkek"]
            ),
            ("«Спартак» стадионунда чоң фестиваль болот.\nФестиваль 2013-жылдын 12-сентябрында өтөт.", []),
            ("На стадионе «Спартак» пройдет большой фестиваль.\nФестиваль состоится 12 сентября 2013 года.", []),
        ])
    func landmarkCity(_ text: String, _ places: [String]) throws {
        let e = try #require(try Self.record(text).event)
        #expect(e.places == places)
    }
}
