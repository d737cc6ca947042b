import Jarya
import PropertyBased
import Testing

/// Texts for property tests: pieces of Kyrgyz and Russian release text (words in their case
/// forms, dates valid and not, numbers, punctuation, e-mails, phones, URLs) mixed with any
/// Unicode scalar but surrogates (combining marks, controls, invisibles, astral planes).
/// Shrinking drops pieces, so a failure comes down to the few that matter.
enum ReleaseTextGen {
    static let kyrgyzWords = [
        "Бишкекте", "Ош", "шаарында", "форум", "өтөт", "министрлиги", "Кыргыз", "Республикасынын",
        "жаштар", "катышат", "уюштурууда", "Нарында", "сыйланат", "деди", "ал", "жана", "боюнча",
        "АБДЫРАЕВ", "Нурлан", "басма", "сөз", "катчысы", "Ысык-Көл", "облусунун", "эл", "аралык",
        "көргөзмө", "ачылат", "Санариптик", "өнүктүрүү", "аБв", "ЮНИСЕФ", "ПРООН",
    ]
    static let russianWords = [
        "в", "Оше", "пройдет", "региональный", "форум", "фермеров", "Министерство", "сельского",
        "хозяйства", "Кыргызской", "Республики", "заместитель", "министра", "Бакыт", "Токтосунов",
        "сказал", "Бишкеке", "области", "Джалал-Абадской", "г.", "А.Б.", "В.", "ОсОО", "ОАО",
        "«Агро-Юг»", "примут", "участие", "более", "эксперты", "Казахстана", "из",
    ]
    static let kyrgyzMonths = [
        "январында", "февралында", "мартында", "апрелинде", "майында", "июнунда", "июлунда",
        "августунда", "сентябрында", "октябрында", "ноябрында", "декабрында", "апрелинен", "майга",
    ]
    static let russianMonths = [
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
        "октября", "ноября", "декабря",
    ]
    static let punctuation = [
        ".", ",", ";", ":", "!", "?", "«", "»", "“", "”", "\"", "'", "(", ")", "-", "–", "—", "/",
        "|", "…", "№", "%", "+", "@", "#", "*", "[", "]", "<", ">", "&", "\\",
    ]
    static let separators = [" ", " ", " ", " ", "\n", "\n\n", "\t", "", "\r\n", "\u{00A0}"]
    /// Scalars that normalization treats specially: invisibles, odd spaces and line ends, a BOM.
    static let special: [Unicode.Scalar] = [
        "\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}",
        "\u{2028}", "\u{2029}", "\u{0085}", "\u{2009}", "\u{202F}", "\r", "\u{000C}",
        "\u{0301}", "\u{0306}", "\u{0308}", "\u{0483}", "\u{FB01}", "\u{2460}", "\u{FF21}",
    ]

    static func pick<T>(_ items: [T], _ rng: inout any SeededRandomNumberGenerator) -> T {
        items[Int.random(in: 0..<items.count, using: &rng)]
    }

    /// Any scalar but a surrogate, most often one of the kinds that break assumptions.
    static func scalar(_ rng: inout any SeededRandomNumberGenerator) -> Unicode.Scalar {
        let ranges: [ClosedRange<UInt32>] = [
            0x00...0x1F, 0x7F...0x9F, 0x0300...0x036F, 0x0483...0x0489, 0x0400...0x04FF,
            0x20...0x7E, 0xA0...0x2FFF, 0x3000...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF,
        ]
        let range = pick(ranges, &rng)
        return Unicode.Scalar(UInt32.random(in: range, using: &rng))!
    }

    static func piece(_ rng: inout any SeededRandomNumberGenerator) -> String {
        let day = Int.random(in: 0...32, using: &rng)
        let month = Int.random(in: 0...13, using: &rng)
        let year = Int.random(in: 1899...2101, using: &rng)
        switch Int.random(in: 0..<20, using: &rng) {
        case 0...3: return pick(kyrgyzWords, &rng)
        case 4...6: return pick(russianWords, &rng)
        case 7: return "\(year)-жылдын \(day)-\(pick(kyrgyzMonths, &rng))"
        case 8: return "\(day) \(pick(russianMonths, &rng)) \(year) года"
        case 9:
            return pick(
                [
                    "\(day).\(month).\(year)", "\(year)-\(month)-\(day)",
                    "с \(day) по \(day + 2) \(pick(russianMonths, &rng))",
                    "\(day)-\(day + 1)-\(pick(kyrgyzMonths, &rng))",
                    "\(day)-\(pick(kyrgyzMonths, &rng)) саат 10:\(day)",
                    "29 февраля \(year)", "\(year)-жылы", "эртең", "вчера", "быйыл",
                    "до \(day) \(pick(russianMonths, &rng))",
                ], &rng)
        case 10: return String(Int.random(in: 0...99_999, using: &rng))
        case 11: return pick(punctuation, &rng)
        case 12:
            return pick(
                [
                    "forum@digital.gov.kg", "Info.Press@mail.ru", "a@b", "@@", "x@y.kg.", "www.agro.gov.kg",
                    "https://example.kg/news?id=\(day)", "http://", "тел.:",
                ], &rng)
        case 13:
            return pick(
                [
                    "+996 312 62 15 19", "0555 123 456", "0 (3222) 5-48-61", "+996", "(0312) 66-\(day)-\(month)",
                    "0555 123 456 0555 123 456", "+7 (495) 123-45-67",
                ], &rng)
        case 14...15: return String(String.UnicodeScalarView([scalar(&rng)]))
        case 16: return String(String.UnicodeScalarView([pick(special, &rng)]))
        case 17:
            return pick(kyrgyzWords, &rng) + String(String.UnicodeScalarView([pick(special, &rng)]))
                + pick(kyrgyzWords, &rng)
        default: return pick(separators, &rng)
        }
    }

    /// A text of 0 to `pieces` pieces, each followed by a separator.
    static func text(pieces: ClosedRange<Int>) -> Generator<String, some SendableSequenceType> {
        Generator<String, Shrink.None<String>>(run: { rng in piece(&rng) + pick(separators, &rng) })
            .array(of: pieces)
            .map { $0.joined() }
    }
}

/// The record contract checked on a record: every span inside the text and equal to the entity's
/// text (spans count Unicode scalars), every date a day the calendar has.
func checkRecord(_ record: Record, input: String) {
    let scalars = Array(record.text.unicodeScalars)
    for entity in record.entities {
        guard entity.span.end <= scalars.count else {
            Issue.record(
                "\(entity.type) span \(entity.span) is outside the text of \(scalars.count) scalars; input \(input.debugDescription)"
            )
            continue
        }
        let text = String(String.UnicodeScalarView(scalars[entity.span.start..<entity.span.end]))
        #expect(
            text.unicodeScalars.elementsEqual(entity.text.unicodeScalars),
            "\(entity.type) \(entity.text.debugDescription) is not the text of its span, \(text.debugDescription); input \(input.debugDescription)"
        )
        for date in [entity.start, entity.end].compactMap({ $0 }) {
            expectCalendarDate(
                date, "\(entity.type) \(entity.text.debugDescription) means \(date); input \(input.debugDescription)")
        }
    }
    for date in [record.published, record.event?.start, record.event?.end].compactMap({ $0 }) {
        expectCalendarDate(date, "the record has the date \(date); input \(input.debugDescription)")
    }
}

func expectCalendarDate(_ iso: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if !isCalendarDate(iso) { Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation) }
}

/// What the record property test found first: a Kyrgyz February 29 in a year that has none took the
/// year of an earlier date and became 1906-02-29.
@Suite("February 29 found by the property test")
struct Feb29Tests {
    @Test("29-февралында in 1958 (not a leap year) gives no 1958-02-29 or 1906-02-29")
    func kyrgyzFebruary29() throws {
        let text =
            "Бишкек, 12.03.1958. Институт 1906-жылдын 19-сентябрында ачылган.\n\nЖыйын 1958-жылдын 29-февралында өттү.\n"
        let record = Record(try Pipeline.standard(.forTests).process(Document(text: text)))
        let dates = record.entities.filter { $0.type == .date }.flatMap { [$0.start, $0.end] }.compactMap { $0 }
        #expect(dates.allSatisfy(isCalendarDate), "dates: \(dates)")
        #expect(!dates.isEmpty)
    }
}

/// Whether an ISO date the record writes (`2024`, `2024-03`, `2024-03-05`, `--03-05`) names a real
/// month and a day that month has (February 29 in leap years only; any leap year when the year is unknown).
func isCalendarDate(_ iso: String) -> Bool {
    guard let date = PartialDate(iso: iso), date.description == iso else { return false }
    guard let month = date.month else { return date.day == nil }
    guard (1...12).contains(month) else { return false }
    guard let day = date.day else { return true }
    let leap = date.year.map { ($0 % 4 == 0 && $0 % 100 != 0) || $0 % 400 == 0 } ?? true
    let days = month == 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].contains(month) ? 30 : 31
    return (1...days).contains(day)
}

@Suite("Properties of the pipeline on generated text")
struct PipelinePropertyTests {
    @Test("the record's spans lie inside its text, each is its entity's text, and dates exist")
    func recordContract() async {
        await propertyCheck(count: 150, input: ReleaseTextGen.text(pieces: 0...60)) { input in
            do {
                checkRecord(Record(try Pipeline.standard(.forTests).process(Document(text: input))), input: input)
            } catch let error as InputError {
                // Empty or binary text (controls, NUL) is refused with an error record, not processed.
                #expect([.empty, .binary].contains(error.code), "\(error); input \(input.debugDescription)")
            } catch {
                Issue.record("the pipeline failed: \(error); input \(input.debugDescription)")
            }
        }
    }

    @Test("read in parts of 40 to 400 characters, the record keeps the contract")
    func recordContractInParts() async {
        await propertyCheck(count: 100, input: ReleaseTextGen.text(pieces: 10...60)) { input in
            var pipeline = Pipeline.standard(.forTests)
            pipeline.partLength = 40 + input.unicodeScalars.count % 361
            do {
                checkRecord(Record(try pipeline.process(Document(text: input))), input: input)
            } catch let error as InputError {
                #expect([.empty, .binary].contains(error.code), "\(error); input \(input.debugDescription)")
            } catch {
                Issue.record(
                    "the pipeline failed in parts of \(pipeline.partLength): \(error); input \(input.debugDescription)")
            }
        }
    }

    @Test("the calendar check rejects what the calendar lacks")
    func calendarCheck() {
        #expect(
            isCalendarDate("2024-02-29") && isCalendarDate("--02-29") && isCalendarDate("2025-02")
                && isCalendarDate("2025"))
        #expect(
            !isCalendarDate("2025-02-29") && !isCalendarDate("2024-04-31") && !isCalendarDate("2024-13")
                && !isCalendarDate("1900-02-29"))
    }

    @Test("normalizing normalized text changes nothing")
    func idempotent() async throws {
        await propertyCheck(count: 300, input: ReleaseTextGen.text(pieces: 0...40)) { input in
            let once = try Normalize.text(input).text
            let twice = try Normalize.text(once.string).text
            #expect(
                twice.scalars == once.scalars,
                "\(once.string.debugDescription) became \(twice.string.debugDescription); input \(input.debugDescription)"
            )
        }
    }

    @Test("the offset map is whole, monotonic and round-trips between normalized and original offsets")
    func offsetMap() async {
        await propertyCheck(count: 300, input: ReleaseTextGen.text(pieces: 0...40)) { input in
            let originalCount = input.unicodeScalars.count
            guard let text = try? Normalize.text(input).text else {
                Issue.record("Normalize threw; input \(input.debugDescription)")
                return
            }
            #expect(text.origin.count == text.count + 1)
            #expect(
                text.origin.last.map(Int.init) == originalCount,
                "the map's end is not the original's end; input \(input.debugDescription)")
            #expect(
                zip(text.origin, text.origin.dropFirst()).allSatisfy { $0 <= $1 },
                "the map goes back; input \(input.debugDescription)")
            for i in 0...text.count {
                let o = Int(text.origin[i])
                // The first normalized scalar from original offset o is at or before i, and it came from o.
                let back = text.normalizedOffset(ofOriginal: o)
                #expect(
                    back <= i && Int(text.origin[back]) == o,
                    "offset \(i) → original \(o) → \(back); input \(input.debugDescription)")
            }
            for start in stride(from: 0, through: text.count, by: 3) {
                let span = Span(start, min(text.count, start + 5))
                let original = text.originalSpan(of: span)
                #expect(
                    original.end <= originalCount,
                    "span \(span) maps past the original: \(original); input \(input.debugDescription)")
                #expect(
                    text.normalizedSpan(ofOriginal: original).contains(span),
                    "span \(span) → \(original) → \(text.normalizedSpan(ofOriginal: original)); input \(input.debugDescription)"
                )
            }
        }
    }
}
