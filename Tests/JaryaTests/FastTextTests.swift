import Foundation
@testable import Jarya
import Testing

/// The byte-level string helpers must give exactly the answers of the Unicode-aware `String`
/// operations they replace (on NFC text), or the speed-up would change records.
@Suite("Fast text: the same answers as String, on bytes")
struct FastTextTests {
    /// Every scalar the range tables decide (ASCII, Latin-1, Cyrillic, general punctuation)
    /// and some past them, where the helpers fall back to the Unicode tables.
    static let scalars: [Unicode.Scalar] = (0...0x3100).compactMap(Unicode.Scalar.init)

    @Test("isWhitespace, isLowercase, isUppercase and isAlphabetic equal the Unicode properties")
    func properties() {
        for s in Self.scalars {
            #expect(s.isWhitespace == s.properties.isWhitespace, "isWhitespace U+\(String(s.value, radix: 16))")
            #expect(s.isLowercase == s.properties.isLowercase, "isLowercase U+\(String(s.value, radix: 16))")
            #expect(s.isUppercase == s.properties.isUppercase, "isUppercase U+\(String(s.value, radix: 16))")
            #expect(s.isAlphabetic == s.properties.isAlphabetic, "isAlphabetic U+\(String(s.value, radix: 16))")
        }
    }

    @Test("fastLowercased equals lowercased() for every scalar, and foldedLowercase also folds ё")
    func lowerCaseEveryScalar() {
        for s in Self.scalars {
            let one = String(Character(s))
            #expect(
                one.fastLowercased().unicodeScalars.elementsEqual(one.lowercased().unicodeScalars),
                "U+\(String(s.value, radix: 16))")
        }
        #expect("ЁЛКА".foldedLowercase() == "елка")
        #expect("ёлка".foldedLowercase() == "елка")
    }

    @Test(
        "lower case of words in both languages, and of letters outside the tables",
        arguments: [
            ("ТОКМОКЕ", "токмоке"), ("Ысык-Көл", "ысык-көл"), ("ЖӨБдүн", "жөбдүн"), ("ҢҮӨ", "ңүө"),
            ("Министерство", "министерство"), ("USAID", "usaid"), ("İstanbul", "i\u{307}stanbul"), ("ΑΘΗΝΑ", "αθηνα"),
            ("мэрия", "мэрия"), ("2025-жыл", "2025-жыл"),
        ])
    func lowerCaseWords(word: String, expected: String) {
        #expect(word.fastLowercased().unicodeScalars.elementsEqual(expected.unicodeScalars))
        #expect(word.fastLowercased().unicodeScalars.elementsEqual(word.lowercased().unicodeScalars))
    }

    @Test("a lower-case word is returned as it is")
    func unchanged() {
        let word = "облусунда"
        #expect(word.fastLowercased() == word)
    }

    @Test("startsWith, endsWith and sameBytes on Kyrgyz and Russian words")
    func prefixesAndSuffixes() {
        #expect("министрлигине".startsWith("министрлиг"))
        #expect(!"министрлигине".startsWith("министерство"))
        #expect("Бишкектеги".endsWith("теги"))
        #expect(!"Бишкектеги".endsWith("тагы"))
        #expect("Кузнецовой".endsWith("овой"))
        #expect(!"ой".endsWith("овой"))
        #expect("область".startsWith(""))
        #expect("облус"[...].sameBytes("облус"))
        #expect(!"облус".sameBytes("облусу"))
        // Substrings compare as their bytes too.
        let line = "Бишкек, 12-март"
        #expect(line[line.startIndex...].startsWith("Бишкек"))
        #expect(line.split(separator: ",")[1].endsWith("март"))
    }

    @Test("includes finds a part anywhere in a word, on bytes")
    func includes() {
        #expect("облустарынын".includes("тар"))
        #expect("райондордо".includes("дор"))
        #expect(!"облусунун".includes("тар"))
        #expect("аймак".includes(""))
        #expect(!"ай".includes("аймак"))
        #expect("Бишкек"[...].includes("кек"))
    }

    @Test("String(scalars:) encodes one-, two-, three- and four-byte scalars")
    func stringFromScalars() {
        for text in ["", "a", "Ысык-Көл", "«24.kg»", "𝔸 и 😀", String(repeating: "өң", count: 40)] {
            let scalars = Array(text.unicodeScalars)
            #expect(String(scalars: scalars) == text)
            #expect(String(scalars: scalars[...]) == text)
        }
    }

    @Test("WordSet finds its words by their bytes and rejects longer ones at once")
    func wordSet() {
        var set: WordSet = ["жана", "менен", "и"]
        #expect(set.contains("жана"))
        #expect(!set.contains("жанага"))
        #expect(set.longest == "менен".utf8.count)
        set.insert("тарабынан")
        #expect(set.contains("тарабынан"))
        #expect(set.count == 4)
    }

    @Test("WordMap stores and updates values by word")
    func wordMap() {
        var map = WordMap<Int>()
        map["облус"] = 1
        map["район", default: 0] += 2
        #expect(map["облус"] == 1)
        #expect(map["район"] == 2)
        #expect(map["шаар"] == nil)
        #expect(Set(map.keys) == ["облус", "район"])
    }
}

@Suite("OrderedWorkers: results in input order, bounded, stoppable")
struct OrderedWorkersTests {
    @Test("results come back in order though later items finish first", arguments: [1, 2, 4])
    func order(jobs: Int) throws {
        var seen: [Int] = []
        try OrderedWorkers<Void, Int>.run(
            count: 60, jobs: jobs, window: 6, makeState: {},
            work: { _, n in
                // Even items take longer, so odd ones finish first.
                if n % 2 == 0 { usleep(2000) }
                return n * n
            }
        ) { n, square in
            #expect(square == n * n)
            seen.append(n)
        }
        #expect(seen == Array(0..<60))
    }

    @Test("no more than the window of items is in flight ahead of the consumer")
    func bounded() throws {
        let counter = InFlight()
        try OrderedWorkers<Void, Int>.run(
            count: 40, jobs: 3, window: 4, makeState: {},
            work: { _, n in
                counter.started(n)
                usleep(500)
                return n
            }
        ) { n, _ in
            #expect(counter.highestStarted <= n + 4)
        }
    }

    struct Stop: Error {}

    @Test("an error from the consumer stops the workers and is rethrown")
    func stops() {
        let counter = InFlight()
        #expect(throws: Stop.self) {
            try OrderedWorkers<Void, Int>.run(
                count: 1000, jobs: 2, window: 4, makeState: {},
                work: { _, n in
                    counter.started(n)
                    return n
                }
            ) { n, _ in
                if n == 10 { throw Stop() }
            }
        }
        #expect(counter.highestStarted < 20)
    }

    final class InFlight: @unchecked Sendable {
        private let lock = NSLock()
        private var highest = -1
        func started(_ n: Int) { lock.lock(); highest = max(highest, n); lock.unlock() }
        var highestStarted: Int { lock.lock(); defer { lock.unlock() }; return highest }
    }
}

@Suite("Batch: translation links put into a spooled record line")
struct RelatedSpliceTests {
    @Test("the spliced line is the line the record encoder writes with the links")
    func splice() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "ky.txt",
            """
            Ош шаарында жаштар форуму өтөт

            Ош, 12-март 2025-жыл. 2025-жылдын 20-мартында Ош шаарында жаштар форуму өтөт.
            Байланыш: info@osh.kg
            """)
        let record = try #require(Processor.forTests.process(.file(folder.path + "/ky.txt")).0.record)
        let encoder = JSONLinesEncoder()
        let line = encoder.line(record)
        let related = [Record.Related(id: "52e9c1f77b59dcab", relation: "translation")]

        var expected = record
        expected.related = related
        let spliced = try Batch.withRelated(related, line: line.dropLast(), encoder: encoder)
        #expect(spliced == encoder.line(expected))
        #expect(
            String(decoding: spliced, as: UTF8.self).hasSuffix(
                #""related":[{"id":"52e9c1f77b59dcab","relation":"translation"}]}"# + "\n"))
    }
}
