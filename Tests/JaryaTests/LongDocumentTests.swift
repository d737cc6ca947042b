import Jarya
import Testing

/// A long document runs its token stages part by part (`Pipeline.partLength`); these tests make
/// "long" a few hundred characters so that a short release is cut into several parts.
@Suite("Long documents: the token stages run part by part")
struct LongDocumentTests {
    /// A release whose paragraphs stand alone: each names its own things, so reading it in parts
    /// finds what reading it whole finds. The last paragraph's date has no year of its own.
    static let release = """
        Бишкек, 12-март 2025-жыл. Билим берүү жана илим министрлиги 20-мартта Ош шаарында жаштар форумун өткөрөт.

        Форумга Кыргызстандын бардык облустарынан 300 жаш катышат. Кошумча маалымат: +996 312 62 15 19, info@edu.gov.kg.

        Дополнительная информация по телефону 0555 123 456 и на сайте https://edu.gov.kg/forum.

        Прием заявок продлится до 15 апреля.
        """

    func process(_ text: String, partLength: Int) throws -> Document {
        var pipeline = Pipeline.standard(.forTests)
        pipeline.partLength = partLength
        return try pipeline.process(Document(text: text))
    }

    func summary(_ entities: [Entity]) -> [String] {
        entities.map { "\($0.kind) \($0.span) \($0.text) \($0.value)" }
    }

    @Test("cut into parts, the release gives the entities, date and event it gives whole")
    func sameAsWhole() throws {
        let whole = try process(Self.release, partLength: 1 << 19)
        let parted = try process(Self.release, partLength: 160)
        #expect(parted.warnings.contains { $0.contains("read in parts") })
        #expect(!whole.warnings.contains { $0.contains("read in parts") })
        #expect(summary(parted.entities) == summary(whole.entities))
        #expect(parted.published == whole.published)
        #expect(parted.published == PartialDate(year: 2025, month: 3, day: 12))
        #expect(parted.event?.start == whole.event?.start)
        #expect(parted.title == whole.title)
        #expect(parted.language == whole.language)
        // Every entity's text is the document's text at its span: the parts' spans were moved back.
        for e in parted.entities { #expect(parted.text[e.span] == e.text) }
        #expect(parted.entities.map(\.kind).filter { $0 == .phone }.count == 2)
    }

    @Test("a later part's date without a year takes the year of the first part's dateline")
    func publishedCarriesOver() throws {
        let parted = try process(Self.release, partLength: 160)
        let deadline = parted.entities.first { $0.text.contains("15 апреля") }
        guard case .date(let value)? = deadline?.value else {
            Issue.record("no date for «до 15 апреля»: \(summary(parted.entities))")
            return
        }
        #expect(value.end == PartialDate(year: 2025, month: 4, day: 15))
    }

    @Test(
        "parts are cut after a blank line, else a line break, else a space, and cover the text",
        arguments: [
            (
                "Бир эки.\n\nҮч төрт.\nБеш алты жети сегиз.", 16,
                ["Бир эки.\n\n", "Үч төрт.\n", "Беш алты жети ", "сегиз."]
            ),
            ("Один два три четыре пять", 10, ["Один два ", "три четыре", " пять"]),
            ("аааааааааааааа", 5, ["ааааа", "ааааа", "аааа"]),
        ])
    func cuts(text: String, length: Int, expected: [String]) {
        let scalars = Array(text.unicodeScalars)
        let parts = LongDocument.parts(of: scalars, length: length)
        #expect(parts.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) } == expected)
        #expect(parts.allSatisfy { $0.count <= length && !$0.isEmpty })
    }
}
