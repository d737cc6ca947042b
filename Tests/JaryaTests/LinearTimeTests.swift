@testable import Jarya
import Foundation
import Testing

/// Runs `body` and fails if it took longer than `seconds`. The bounds are generous (tens of
/// times what the linear code needs in a debug build): the inputs are sized so that the old
/// quadratic or cubic code would need hours or gigabytes, so the check cannot flake either way.
func withinGenerousTime<T>(_ seconds: Int, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T)
    rethrows -> T
{
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let elapsed = clock.now - start
    #expect(elapsed < .seconds(seconds), "took \(elapsed)", sourceLocation: sourceLocation)
    return result
}

@Suite("Linear time: one large document per pathological pattern")
struct LinearTimeTests {
    @Test("SpanIndex answers overlap and containment exactly as a scan of the spans does")
    func spanIndexMatchesScan() {
        var rng = SeededGenerator(seed: 14)
        for _ in 0..<200 {
            let spans = (0..<Int(rng.next() % 12)).map { _ -> Span in
                let a = Int(rng.next() % 40)
                return Span(a, a + Int(rng.next() % 8))
            }
            let index = SpanIndex(spans)
            for a in 0..<45 {
                for length in 0..<6 {
                    let q = Span(a, a + length)
                    #expect(index.overlaps(q) == spans.contains { $0.overlaps(q) }, "overlap of \(q) in \(spans)")
                    #expect(index.contains(q) == spans.contains { $0.contains(q) }, "containment of \(q) in \(spans)")
                }
            }
        }
    }

    @Test("a page of phone numbers: every one found with its E.164 value")
    func repeatedPhones() throws {
        // 104 KB. The old matcher read the rest of the run from every `0`: 10 KB took 4.6 s, cubic.
        let count = 8_000
        let text = String(repeating: "0555 123 456 ", count: count)
        let doc = try withinGenerousTime(60) { try recognize(text, with: [PhoneRecognizer()]) }
        #expect(doc.entities.count == count)
        #expect(doc.entities.allSatisfy { $0.value == .contact("+996555123456") && $0.text == "0555 123 456" })
        #expect(doc.entities.last?.span == Span(13 * (count - 1), 13 * (count - 1) + 12))
    }

    @Test(
        "phones one space apart are each a phone; a longer run of groups is a document number",
        arguments: [
            (
                "Байланыш: ⟦0555 123 456⟧ ⟦0700 987 654⟧ ⟦+996 312 62 15 19⟧.",
                ["+996555123456", "+996700987654", "+996312621519"]
            ),
            ("Тел.: ⟦0 (3222) 5-48-61⟧ ⟦0555 123 456⟧", ["+996322254861", "+996555123456"]),
            ("Эсеп 0312 456 789 456 789 123 катталды, байланыш ⟦0555 123 456⟧.", ["+996555123456"]),
            ("Номер ⟦0555 123 456⟧ 7 кабыл алынды.", ["+996555123456"]),
        ])
    func adjacentPhones(marked: String, values: [String]) throws {
        try expectEntities(marked, kind: .phone, values: values, with: [PhoneRecognizer()])
    }

    @Test("a run of fused words: split everywhere, the warning names five, each shown by its start")
    func fusedRun() throws {
        // 600 KB of UTF-8. The old pass copied the whole run at every split: 120 KB took 2.3 GB.
        let count = 100_000
        let (text, warnings) = try withinGenerousTime(60) { try Normalize.text(String(repeating: "аБв", count: count)) }
        #expect(text.scalars.count == 4 * count)
        #expect(text.scalars.prefix(8).map(String.init).joined() == "а Бва Бв")
        let shown = String(repeating: "аБв", count: 20) + "…"
        #expect(
            warnings == ["separated \(count) fused words: " + Array(repeating: shown, count: 5).joined(separator: ", ")]
        )
    }

    @Test("a page of words with repaired letters: each repaired without copying the whole text")
    func repairedLetters() throws {
        // 60,000 words with ɵ for ө and a Latin lookalike: the old pass copied the whole text at
        // every repaired word (a slice of it was kept alive), 10¹⁰ bytes moved for 400 KB.
        let count = 30_000
        let (text, warnings) = try withinGenerousTime(60) {
            try Normalize.text(String(repeating: "ɵтɵт Бишкeкте ", count: count))
        }
        #expect(text.string == String(repeating: "өтөт Бишкекте ", count: count))
        #expect(warnings.contains { $0.hasPrefix("repaired Kyrgyz letters in \(count) words: ɵтɵт → өтөт") })
        #expect(
            warnings.contains {
                $0.hasPrefix("repaired mixed Latin/Cyrillic letters in \(count) words: Бишкeкте → Бишкекте")
            })
    }

    @Test("token arrays are counted first and hold no more than their tokens")
    func tokenArraysFit() throws {
        let text = try Normalize.text(
            "Бишкек, 15-мартта 2024-жылы «Жаш Муун» коомдук бирикмеси Ысык-Көл облусунда O’Brien менен 100дөн ашык ... жыйын өткөрдү!\n\n"
                + String(repeating: "А.Б. В. 0555 123 456, ", count: 2_000)
        ).text
        var lexicon = Lexicon()
        let tokens = Tokenizer.tokens(text.scalars, lexicon: &lexicon)
        let words = NameWords.words(tokens, in: text.scalars, lexicon: &lexicon)
        #expect(Tokenizer.count(text.scalars) == tokens.count)
        #expect(tokens.capacity <= tokens.count + tokens.count / 8)
        #expect(words.capacity <= words.count + words.count / 8)
        #expect(MemoryLayout<Token>.stride <= 32)
    }

    @Test("an ordinary fused word is still shown whole")
    func fusedWordShownWhole() throws {
        let (text, warnings) = try Normalize.text("Делегация прибыла изБишкека вчера.")
        #expect(text.string == "Делегация прибыла из Бишкека вчера.")
        #expect(warnings == ["separated 1 fused word: изБишкека"])
    }

    @Test("a page of initials is no person, and the name after it is found")
    func repeatedInitials() throws {
        // 160 KB of `А.Б. В.`: the old reader of initials read the whole run from every letter, and
        // the tagger's check walked back over it from every span (hours). Every recognizer runs here,
        // the tagger too, about 10 s in a debug build alone; the bound allows a loaded CI machine.
        let text =
            String(repeating: "А.Б. В. ", count: 20_000) + "жана башкалар.\n\nМинистр Н.Б. Алымкулова маалымат берди."
        let doc = try withinGenerousTime(300) { try recognize(text, with: Recognizers.standard(.forTests)) }
        let persons = doc.entities.filter { $0.kind == .person }
        #expect(persons.map(\.text) == ["Н.Б. Алымкулова"])
    }

    /// The entities the whole pipeline finds in `unit` repeated `count` times, each with its
    /// offset from the start of its repetition.
    func repeated(_ head: String, _ unit: String, _ count: Int, seconds: Int = 120) throws -> (
        doc: Document, perUnit: [[String]]
    ) {
        var doc = Document(text: head + String(repeating: unit, count: count))
        try withinGenerousTime(seconds) { try Pipeline.standard(.forTests).run(&doc) }
        let headLength = head.unicodeScalars.count, unitLength = unit.unicodeScalars.count
        var perUnit = Array(repeating: [String](), count: count)
        for e in doc.entities where e.span.start >= headLength {
            let n = (e.span.start - headLength) / unitLength
            perUnit[n].append("\(e.kind) \(e.span.start - headLength - n * unitLength) \(e.text) \(e.value)")
        }
        return (doc, perUnit)
    }

    @Test("repeated dates in one paragraph: each repetition gives what one gives, the event is assembled")
    func repeatedDates() throws {
        // 2,500 repetitions with three dates each in one paragraph: the date, organization and
        // event stages once compared every date with every entity.
        let head = "Бишкек, 10.03.24. /Кабар/.\n\n"
        let unit = "Конференция 15-мартта 2024-жылы жана 3 апреля 2025 года өтөт, "
        let small = try repeated(head, unit, 3)
        let big = try repeated(head, unit, 2_500)
        #expect(!small.perUnit[1].isEmpty)
        #expect(big.perUnit.dropFirst().allSatisfy { $0 == small.perUnit[1] })
        #expect(big.perUnit[0] == small.perUnit[0])
        #expect(small.perUnit[1].filter { $0.hasPrefix("date") }.count == 3, "\(small.perUnit[1])")
        #expect(big.doc.event?.start == small.doc.event?.start)
        #expect(big.doc.event?.start == PartialDate(year: 2024, month: 3, day: 15))
    }

    @Test("repeated organization names: each repetition gives what one gives, one name per organization")
    func repeatedOrganizations() throws {
        let unit =
            "Министерство образования и науки Кыргызской Республики и Билим берүү жана илим министрлиги. Кыргыз Республикасынын Билим берүү жана илим министрлиги. "
        let small = try repeated("", unit, 3)
        let big = try repeated("", unit, 1_500)
        #expect(small.perUnit[1].count == 2)
        #expect(big.perUnit.dropFirst().allSatisfy { $0 == small.perUnit[1] })
        #expect(big.perUnit[0] == small.perUnit[0])
    }

    @Test("a long text of organizations with cues: organizers found without comparing every pair")
    func organizersInLongText() throws {
        let unit = "Иш-чараны «Жаш Муун» коомдук бирикмеси уюштурду. "
        var doc = Document(
            text: "Бишкек, 10.03.24. /Кабар/.\n\n15-мартта Бишкекте форум өтөт. "
                + String(repeating: unit, count: 2_000))
        try withinGenerousTime(120) { try Pipeline.standard(.forTests).run(&doc) }
        #expect(doc.event?.organizers == ["«Жаш Муун» коомдук бирикмеси"])
    }
}

@Suite("Spool: long lines read back once")
struct SpoolTests {
    @Test("lines longer than a read chunk come back whole and in order")
    func longLines() throws {
        let spool = try Spool()
        // A record of a 16 MB document is one line of many chunks: it was searched for its line
        // break from the start again at every 1 MiB chunk.
        let long = Data(String(repeating: "Бишкек, жыйын. ", count: 300_000).utf8)
        let lines = [Data("{\"a\":1}".utf8), long, Data(), Data("{\"b\":2}".utf8), long + Data("x".utf8)]
        for line in lines { try spool.write(line + Data([0x0A])) }
        try spool.finishWriting()
        var read: [Data] = []
        try spool.forEachLine { read.append($0) }
        #expect(read == lines)
    }
}

@Suite("Linear time: a run of address characters")
struct URLRunTests {
    @Test("a page of `a,a,a,…` is read once; addresses inside and after it are found as before")
    func longRun() throws {
        // 128 KB with a start at every letter: each start read the rest of the run (67 s for 256 KB).
        let text =
            String(repeating: "a,", count: 64_000)
            + "(⟦www.dpi.kg/news⟧)), кийин ⟦stat.gov.kg/ru⟧ жана ⟦https://en.wikipedia.org/wiki/Osh_(city)⟧."
        try withinGenerousTime(60) {
            try expectEntities(
                text, kind: .url,
                values: [
                    "https://www.dpi.kg/news", "https://stat.gov.kg/ru", "https://en.wikipedia.org/wiki/Osh_(city)",
                ], with: [URLRecognizer()])
        }
        let doc = try recognize("Сайт: a,(www.dpi.kg/news)), жана [t.me/dpi_kg]].", with: [URLRecognizer()])
        #expect(doc.entities.map(\.text) == ["www.dpi.kg/news", "t.me/dpi_kg"])
        // Brackets are still counted from each start to the end of the address, as before.
        let brackets = try recognize(
            "x,a(b)c,d),e]f[g(h)),www.x.kg/a(b)c)],(y.kg/z]) t.me/a(b(c)d))).", with: [URLRecognizer()])
        #expect(brackets.entities.map(\.text) == ["www.x.kg/a(b)c)],(y.kg/z", "t.me/a(b(c)d)"])
    }
}
