import Foundation
import Jarya

/// The libFuzzer targets, one per untrusted entry point. `scripts/fuzz` builds this program with
/// `-sanitize=fuzzer -DJARYA_FUZZ` and picks a target with `JARYA_FUZZ_TARGET`. A target returns
/// normally for any input, thrown errors included (they become error records); a trap, a failed
/// invariant (`fail`), a hang or a runaway allocation is what libFuzzer reports.
enum FuzzTarget: String, CaseIterable {
    /// Ingest of a .txt: BOMs, UTF-16 shape, UTF-8 validity, ICU's charset detector, and with the
    /// first byte choosing it, an explicit `--encoding`.
    case txt
    /// Ingest of a .md: decoding, then Markdown markup stripped.
    case md
    /// Ingest of a .html page through libxml2's HTML parser.
    case html
    /// Ingest of a .docx: the ZIP container, then word/document.xml.
    case docx
    /// Normalize on text: the offset map stays whole and normalizing twice changes nothing.
    case normalize
    /// The date grammar on normalized text: every date entity lies inside the text and is a real day.
    case dates
    /// Every stage on a text: the record's spans and dates hold.
    case pipeline

    /// Charsets the first byte of a `txt` input may pick as `--encoding`; nil detects.
    static let encodings: [String?] = [
        nil, nil, nil, nil, "windows-1251", "KOI8-R", "IBM866", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-8",
    ]

    /// Loaded once, before the first input: a fuzz run without its glossaries stops at once.
    static let glossaries: Glossaries = {
        do { return try Glossaries.requireStandard() } catch {
            FileHandle.standardError.write(
                Data("jarya-fuzz: \(error) (set JARYA_GLOSSARIES to the glossaries folder)\n".utf8))
            exit(74)
        }
    }()
    static let standardPipeline = Pipeline.standard(glossaries)

    func run(_ bytes: [UInt8]) {
        switch self {
        case .txt:
            guard let first = bytes.first else { return }
            let encoding = Self.encodings[Int(first) % Self.encodings.count]
            ingest(Array(bytes.dropFirst()), format: .txt, encoding: encoding)
        case .md: ingest(bytes, format: .md, encoding: nil)
        case .html: ingest(bytes, format: .html, encoding: nil)
        case .docx: ingest(bytes, format: .docx, encoding: nil)
        case .normalize:
            let text = String(decoding: bytes, as: UTF8.self)
            guard let once = try? Normalize.text(text).text else { return }
            FuzzChecks.offsetMap(once, originalCount: text.unicodeScalars.count)
            guard let twice = try? Normalize.text(once.string).text else { fail("the second normalization threw") }
            if twice.scalars != once.scalars {
                fail(
                    "normalizing twice changed the text: \(once.string.debugDescription) → \(twice.string.debugDescription)"
                )
            }
        case .dates:
            var document = Document(text: String(decoding: bytes, as: UTF8.self))
            document.extracted = String(decoding: bytes, as: UTF8.self)
            guard (try? Normalize().run(&document)) != nil else { return }
            DateRecognizer(glossaries: Self.glossaries).recognize(&document)
            FuzzChecks.entities(document)
        case .pipeline:
            guard
                let document = try? Self.standardPipeline.process(
                    Document(text: String(decoding: bytes, as: UTF8.self)))
            else { return }
            FuzzChecks.entities(document)
        }
    }

    private func ingest(_ bytes: [UInt8], format: DocumentFormat, encoding: String?) {
        var document = Document(
            source: Source(path: "fuzz.\(format.rawValue)", bytes: bytes.count, format: format.rawValue), bytes: bytes)
        _ = try? Ingest(encoding: encoding).run(&document)
    }
}

/// Invariants of the record contract, checked on every fuzz input.
enum FuzzChecks {
    /// One origin per scalar plus the end, never decreasing, inside the original text.
    static func offsetMap(_ text: NormalizedText, originalCount: Int) {
        if text.origin.count != text.count + 1 {
            fail("the offset map has \(text.origin.count) entries for \(text.count) scalars")
        }
        var previous: Int32 = 0
        for o in text.origin {
            if o < previous || Int(o) > originalCount { fail("the offset map goes back or out: \(text.origin)") }
            previous = o
        }
    }

    /// Each entity's span lies inside the text and its `text` is the text of the span; dates are days that exist.
    static func entities(_ document: Document) {
        for entity in document.entities {
            let span = entity.span
            if span.start < 0 || span.end > document.text.count || span.start > span.end {
                fail("\(entity.kind) span \(span) outside the text of \(document.text.count) scalars")
            }
            if document.text[span] != entity.text {
                fail(
                    "\(entity.kind) text \(entity.text.debugDescription) is not the text of its span \(document.text[span].debugDescription)"
                )
            }
            if case .date(let value) = entity.value {
                for date in [value.start, value.end].compactMap({ $0 }) where !isReal(date) {
                    fail("the date entity \(entity.text.debugDescription) means \(date), which is not a calendar date")
                }
            }
        }
        if let published = document.published, !isReal(published) {
            fail("the published date \(published) is not a calendar date")
        }
    }

    static func isReal(_ date: PartialDate) -> Bool {
        if let month = date.month, !(1...12).contains(month) { return false }
        guard let day = date.day else { return true }
        guard let month = date.month else { return false }
        let leap = date.year.map { ($0 % 4 == 0 && $0 % 100 != 0) || $0 % 400 == 0 } ?? true
        let days = month == 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].contains(month) ? 30 : 31
        return (1...days).contains(day)
    }
}

/// A broken invariant: a trap, which libFuzzer reports with the input that caused it.
func fail(_ message: String) -> Never {
    fatalError("jarya-fuzz: invariant broken: \(message)")
}
