@testable import Jarya
import Foundation
import Testing

/// The page's address as input (issue 11): many sites put the publication day only in the URL
/// (`/2017/09/19/`, `/20170927/`), so a date there is the published date when the text states
/// none, and the year of a dateline that has no year. The pages are written for these tests.
@Suite("Page URLs")
struct PageURLTests {
    static func published(_ text: String, url: String?) throws -> String? {
        let processor = Processor(glossaries: .forTests, url: url)
        let (result, _) = processor.processDocument(.line(InputLine(path: "page.txt", text: text, url: nil)))
        return try result.get().published?.description
    }

    @Test(
        "a full date in the address's path",
        arguments: [
            ("https://knews.example.kg/2017/09/19/v-bishkeke-projdet-festival", "2017-09-19"),
            ("https://ru.example.kg/amp/20231215/konkursy-1081266501.html", "2023-12-15"),
            ("http://asiatv.example.kg/2019-03-28-dni-moskvy", "2019-03-28"),
            ("https://univ.example.kg/news/03102020-1500", "2020-10-03"),
        ])
    func dateInPath(_ url: String, _ day: String) {
        #expect(URLDate.find(in: url)?.description == day)
    }

    @Test(
        "no date: an article number, a query, the host, a month without a day, a day that does not exist",
        arguments: [
            "https://m.example.kg/sport/1032475508/match.html",
            "https://radio.example.kg/?p=20170927",
            "https://20170927.example.kg/news",
            "https://example.kg/2019/08/",
            "https://example.kg/2023/02/30/kyrgyzcha",
            "https://example.kg/1985/05/12/archive",
        ])
    func noDateInPath(_ url: String) {
        #expect(URLDate.find(in: url) == nil)
    }

    @Test(
        "a text without a page date takes the address's date",
        arguments: [
            "Бишкекте көчө театрларынын эл аралык фестивалы өтөт. Фестиваль 21-сентябрда ачылат.",
            "В Бишкеке пройдет международный фестиваль уличных театров. Открытие 21 сентября.",
        ])
    func textWithoutDate(_ text: String) throws {
        #expect(try Self.published(text, url: "https://news.example.kg/2017/09/19/festival") == "2017-09-19")
        #expect(try Self.published(text, url: nil) == nil)
    }

    @Test(
        "the text's own dateline wins over the address",
        arguments: [
            "Бишкек, 18.09.17. /Кабар/. Бишкекте көчө театрларынын фестивалы өтөт.",
            "Бишкек, 18.09.17. /Кабар/. В Бишкеке пройдет фестиваль уличных театров.",
        ])
    func datelineWins(_ text: String) throws {
        #expect(try Self.published(text, url: "https://news.example.kg/2017/09/19/festival") == "2017-09-18")
    }

    @Test(
        "a Sputnik dateline without a year takes the address's year, not the body's",
        arguments: [
            "БИШКЕК, 24 мар — Sputnik. Кыргызстандын курама командасы 2016-жылы Макао менен ойногон. Кайра беттешүү 28-мартта болот.",
            "БИШКЕК, 24 мар — Sputnik. Сборная Кыргызстана уже играла с Макао в 2016 году. Новый матч пройдет 28 марта.",
        ])
    func sputnikYear(_ text: String) throws {
        #expect(
            try Self.published(text, url: "https://ru.example.kg/sport/20170324/1032475508/match.html") == "2017-03-24")
        #expect(try Self.published(text, url: nil) == "2016-03-24")
    }

    @Test("across New Year: a 31 December dateline on a page filed under 1 January is last December")
    func sputnikAcrossNewYear() throws {
        let text = "БИШКЕК, 31 дек — Sputnik. Бишкекте майрамдык концерт өттү."
        #expect(try Self.published(text, url: "https://example.kg/20180101/1036.html") == "2017-12-31")
    }

    @Test("a .jsonl line's url, path and text; a bad line is a problem, not a document")
    func inputLines() throws {
        let lines = [
            #"{"path": "ky01.txt", "url": "https://example.kg/2024/05/17/x", "text": "Бишкекте жарманке ачылды."}"#,
            "",
            #"{"text": "В Оше открылась ярмарка."}"#,
            #"{"url": "https://example.kg/2024/05/17/x"}"#,
            "not json",
        ].joined(separator: "\n")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jarya-lines-\(UUID().uuidString).jsonl")
        try Data(lines.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let read = InputLine.read(file.path)
        #expect(read.map(\.path) == ["ky01.txt", "\(file.path):3", "\(file.path):4", "\(file.path):5"])
        #expect(read.map(\.url) == ["https://example.kg/2024/05/17/x", nil, nil, nil])
        #expect(read.map { $0.text != nil } == [true, true, false, false])
        let (record, status) = Processor.forTests.process(.line(read[0]))
        guard case .record(let r) = record else { Issue.record("no record for a good line"); return }
        #expect(r.source.url == "https://example.kg/2024/05/17/x")
        #expect(r.published == "2024-05-17")
        #expect(status == .ok)
        #expect(Processor.forTests.process(.line(read[2])).1 == .dataError)
    }
}
