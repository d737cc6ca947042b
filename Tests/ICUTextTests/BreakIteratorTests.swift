import ICUText
import Testing

@Suite("BreakIterator")
struct BreakIteratorTests {
    /// A Kyrgyz sentence pair, all in the BMP so UTF-16 offsets are character offsets.
    let text = "Бүгүн Бишкекте 25 мугалим окуудан өттү. Кийинки семинар Ошто болобу?"

    func slice(_ units: [UInt16], _ s: BreakSegment) -> String {
        String(decoding: units[s.start..<s.end], as: UTF16.self)
    }

    @Test("word segments: words, numbers, spaces and punctuation")
    func words() throws {
        let units = Array(text.utf16)
        let segments = try BreakIterator(.word, locale: "ky").segments(units)
        // Segments tile the text without gaps.
        #expect(segments.first?.start == 0)
        #expect(segments.last?.end == units.count)
        for (a, b) in zip(segments, segments.dropFirst()) { #expect(a.end == b.start) }

        let wordLike = segments.filter(\.isWordLike).map { slice(units, $0) }
        #expect(
            wordLike == [
                "Бүгүн", "Бишкекте", "25", "мугалим", "окуудан", "өттү", "Кийинки", "семинар", "Ошто", "болобу",
            ])
        let number = try #require(segments.first { slice(units, $0) == "25" })
        #expect(number.status == 100)
        let word = try #require(segments.first { slice(units, $0) == "өттү" })
        #expect(word.status == 200)
        let dot = try #require(segments.first { slice(units, $0) == "." })
        #expect(!dot.isWordLike)
    }

    @Test("hyphenated Kyrgyz words and dates")
    func hyphens() throws {
        let units = Array("Иш-чара 2025-жылдын 5-декабрында".utf16)
        let words = try BreakIterator(.word).segments(units).filter(\.isWordLike).map { slice(units, $0) }
        // UAX #29 splits at hyphens: later stages put such words back together.
        #expect(words == ["Иш", "чара", "2025", "жылдын", "5", "декабрында"])
    }

    @Test("sentence segments end after . and ?")
    func sentences() throws {
        let units = Array(text.utf16)
        let segments = try BreakIterator(.sentence, locale: "ru").segments(units)
        #expect(
            segments.map { slice(units, $0) } == [
                "Бүгүн Бишкекте 25 мугалим окуудан өттү. ", "Кийинки семинар Ошто болобу?",
            ])
        #expect(segments.allSatisfy { $0.status == 0 })
    }

    @Test("a line break ends a sentence with the separator status")
    func lineBreak() throws {
        let units = Array("Маалымат\nСеминар өтөт.".utf16)
        let segments = try BreakIterator(.sentence).segments(units)
        #expect(segments.map { slice(units, $0) } == ["Маалымат\n", "Семинар өтөт."])
        #expect(segments.first?.status == 100)
    }

    @Test("empty text has no segments")
    func empty() throws {
        #expect(try BreakIterator(.word).segments([UInt16]()).isEmpty)
        #expect(try BreakIterator(.sentence).segments([UInt16]()).isEmpty)
    }
}
