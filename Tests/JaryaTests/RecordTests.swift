import Foundation
@testable import Jarya
import Testing

/// A release with every contact kind, a flag emoji (two scalars, one character), a decomposed й
/// and an NBSP before the entities, so scalar offsets differ from UTF-16 and Character offsets.
let contactRelease = """
    Бишкекте жаштар форуму өтөт 🇰🇬
    Кыргыз Республикасынын Маданият министрлиги 20-декабрда жаштар форумун өткөрөт. Форумга и\u{0306}ыгын катышуучулары чакырылат.
    Каттоо: https://edu.gov.kg/ky/news/123, кат: info@dpi.kg, тел.:\u{00A0}+996 (312) 62-15-19.
    Справки по телефону 0555 123 456 и на сайте www.dpi.kg/ru/forum.
    """

/// Runs the standard pipeline on `text` as if read from `path`.
func processed(_ text: String, path: String = "inbox/forum.txt") throws -> Document {
    let bytes = Array(text.utf8)
    let source = Source(path: path, sha256: RecordID.sha256Hex(bytes), bytes: bytes.count, format: "txt", encoding: "")
    return try Pipeline.standard(.forTests).process(Document(source: source, bytes: bytes))
}

func jsonLine(_ record: Record) throws -> (data: Data, string: String) {
    try jsonLine(.record(record))
}

func jsonLine(_ line: RecordLine) throws -> (data: Data, string: String) {
    let data = JSONLinesEncoder().line(line)
    return (data, String(decoding: data, as: UTF8.self))
}

@Suite("Record and JSON Lines")
struct RecordTests {
    @Test("a processed document's line has the contract's keys in order")
    func keyOrder() throws {
        let (data, line) = try jsonLine(Record(try processed(contactRelease)))
        #expect(line.hasSuffix("}\n"))
        #expect(line.filter { $0 == "\n" }.count == 1, "one line per record")
        let json = try JSONValue.parse(data)
        // The contract's keys in its order, with `summary` and `related` added where they belong.
        #expect(
            json.keys == [
                "schema", "id", "source", "language", "title", "summary", "published", "event", "entities", "text",
                "warnings", "related",
            ])
        #expect(json["source"]?.keys == ["path", "sha256", "bytes", "format", "encoding"])
        #expect(json["schema"] == .string("jarya.record/1"))
        let entities = try #require(json["entities"]?.array)
        #expect(!entities.isEmpty)
        for e in entities {
            let type = try #require(e["type"]?.string)
            if ["url", "email", "phone"].contains(type) {
                #expect(e.keys == ["type", "text", "span", "value"])
            }
            #expect(Array(e.keys.prefix(3)) == ["type", "text", "span"])
        }
    }

    @Test("field values of a processed document")
    func values() throws {
        let doc = try processed(contactRelease)
        let json = try JSONValue.parse(try jsonLine(Record(doc)).data)
        let text = try #require(json["text"]?.string)
        #expect(scalars(text) == scalars(doc.text.string))
        #expect(json["id"]?.string == String(RecordID.sha256Hex(Array(text.utf8)).prefix(16)))
        #expect(json["id"]?.string?.count == 16)
        #expect(json["language"] == .string("ky"))
        #expect(json["title"] == .string("Бишкекте жаштар форуму өтөт 🇰🇬"))
        #expect(json["source"]?["path"] == .string("inbox/forum.txt"))
        #expect(json["source"]?["sha256"] == .string(RecordID.sha256Hex(Array(contactRelease.utf8))))
        #expect(json["source"]?["bytes"]?.int == contactRelease.utf8.count)
        #expect(json["source"]?["format"] == .string("txt"))
        #expect(json["source"]?["encoding"] == .string("UTF-8"))
        #expect(json["warnings"]?.array != nil)
        let contacts = try #require(json["entities"]?.array).filter {
            ["url", "email", "phone"].contains($0["type"]?.string ?? "")
        }
        #expect(
            contacts.map { $0["value"]?.string ?? "" } == [
                "https://edu.gov.kg/ky/news/123", "info@dpi.kg", "+996312621519", "+996555123456",
                "https://www.dpi.kg/ru/forum",
            ])
    }

    @Test("Cyrillic, emoji and slashes are written unescaped; nulls are explicit")
    func escaping() throws {
        let (_, line) = try jsonLine(Record(try processed(contactRelease)))
        #expect(line.contains("\"title\":\"Бишкекте жаштар форуму өтөт 🇰🇬\""))
        #expect(line.contains("https://edu.gov.kg/ky/news/123"))
        #expect(!line.contains("\\/"))
        #expect(!line.contains("\\u"))
        #expect(line.contains("\"published\":null"))
        #expect(line.contains("\"acronym\":null"))
        #expect(line.contains("\\n"), "line breaks in text are escaped")
    }

    @Test("a document without a headline has an explicit null title")
    func nullTitle() throws {
        let (data, line) = try jsonLine(Record(try processed("+996 312 62 15 19\n")))
        #expect(line.contains("\"title\":null"))
        #expect(try JSONValue.parse(data)["title"] == .null)
    }

    @Test("quotes, backslashes and control characters are escaped")
    func controlCharacters() throws {
        // One control character in a long enough text is not taken for binary data.
        let text = "Иш-чара \"Жаштар\\2025\"\tбашталат\u{0007}. Форумга өлкөнүн бардык аймактарынан жаштар катышат."
        let (data, line) = try jsonLine(Record(try processed(text)))
        #expect(try JSONValue.parse(data)["text"] == .string(text))
        #expect(line.contains(#"\"Жаштар\\2025\"\tбашталат\u0007."#))
    }

    @Test("every entity span slices text to the entity text, in Unicode scalars")
    func spansSliceText() throws {
        let (data, _) = try jsonLine(Record(try processed(contactRelease)))
        let json = try JSONValue.parse(data)
        let text = Array(try #require(json["text"]?.string).unicodeScalars)
        let entities = try #require(json["entities"]?.array)
        #expect(entities.count >= 5)
        for e in entities {
            let spanValues = try #require(e["span"]?.array)
            let span = spanValues.compactMap { $0.int }
            #expect(span.count == 2)
            #expect(0 <= span[0] && span[0] < span[1] && span[1] <= text.count)
            let slice = String(String.UnicodeScalarView(text[span[0]..<span[1]]))
            #expect(slice == e["text"]?.string, "span \(span) of \(e["type"]?.string ?? "?")")
        }
        // The URL after the flag: its scalar offset is not its Character offset.
        let url = try #require(entities.first { $0["type"] == .string("url") })
        let start = try #require(url["span"]?.array?.first?.int)
        let plain = try #require(json["text"]?.string)
        let urlRange = try #require(plain.range(of: "https://"))
        let characterOffset = plain.distance(from: plain.startIndex, to: urlRange.lowerBound)
        #expect(start == characterOffset + 1)
    }

    @Test("an error record has only schema, source and error")
    func errorRecord() throws {
        let (record, status) = Processor.forTests.process(.missing("inbox/нет-такого.txt"))
        #expect(status == .noInput)
        let (data, line) = try jsonLine(record)
        let json = try JSONValue.parse(data)
        #expect(json.keys == ["schema", "source", "error"])
        #expect(json["error"]?.keys == ["code", "message"])
        #expect(json["error"]?["code"] == .string("missing"))
        #expect(json["error"]?["message"]?.string?.contains("inbox/нет-такого.txt") == true)
        #expect(json["source"]?["path"] == .string("inbox/нет-такого.txt"))
        #expect(json["source"]?.keys == ["path", "sha256", "bytes", "format", "encoding"])
        #expect(json["source"]?["encoding"] == .null)
        #expect(line.contains("нет-такого"))
    }

    @Test("a record decodes back with JSONDecoder", arguments: [false, true])
    func roundTrip(error: Bool) throws {
        let record =
            error ? Processor.forTests.process(.missing("absent.md")).0 : .record(Record(try processed(contactRelease)))
        let decoded = try JSONDecoder().decode(RecordLine.self, from: try jsonLine(record).data)
        #expect(decoded == record)
        #expect((decoded.error != nil) == error)
    }

    @Test("the id depends on the normalized text only")
    func stableID() throws {
        let a = Record(try processed("Бишкекте форум өтөт.\n", path: "a.txt"))
        let b = Record(try processed("Бишкекте форум өтөт.\r\n", path: "b/b.txt"))
        let c = Record(try processed("Бишкекте форум өтөт!\n", path: "a.txt"))
        #expect(a.id == b.id)
        #expect(a.source.sha256 != b.source.sha256)
        #expect(a.id != c.id)
        #expect(a.id == String(RecordID.sha256Hex(Array("Бишкекте форум өтөт.\n".utf8)).prefix(16)))
    }

    @Test("SHA-256 in lowercase hex")
    func sha256() {
        #expect(RecordID.sha256Hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            RecordID.sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("the writer spells numbers as JSON does, and escapes only what JSON requires")
    func writerNumbersAndEscapes() throws {
        var w = JSONWriter()
        w.openArray()
        for n in [0, 7, 10, 99, 100, 12_345, -1, -42, Int.max, Int.min] { w.element(); w.int(n) }
        w.element(); w.string("«Ала-Тоо» \"1\"\\\n\r\t\u{01}/")
        w.closeArray()
        let text = String(decoding: w.bytes, as: UTF8.self)
        #expect(
            text
                == #"[0,7,10,99,100,12345,-1,-42,9223372036854775807,-9223372036854775808,"«Ала-Тоо» \"1\"\\\n\r\t\u0001/"]"#
        )
        let back = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [Any]
        #expect((back?[8] as? NSNumber)?.int64Value == Int64.max)
        #expect(back?.last as? String == "«Ала-Тоо» \"1\"\\\n\r\t\u{01}/")
    }

    @Test("a date is spelled the same by bytes as by interpolation, for every size of year, month and day")
    func partialDateSpelling() {
        let years: [Int?] = [nil, 0, 7, 99, 999, 2025, 9999, 10_000, -5]
        let parts: [Int?] = [nil, 0, 1, 9, 10, 12, 31, 99, 100, -1]
        for year in years {
            for month in parts {
                for day in parts {
                    let date = PartialDate(year: year, month: month, day: day)
                    #expect(date.description == PartialDate.spelled(year: year, month: month, day: day))
                }
            }
        }
        #expect(PartialDate(year: 2025, month: 3, day: 8).description == "2025-03-08")
        #expect(PartialDate(year: nil, month: 11, day: 7).description == "--11-07")
    }

    @Test("the writer's eight-byte test flags every byte that needs an escape, wherever it stands")
    func writerWordTest() throws {
        for value in 0...255 {
            let b = UInt8(value)
            let needs = b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\")
            for position in 0..<8 {
                var bytes = [UInt8](repeating: 0xD0, count: 8)  // the lead byte of Cyrillic letters
                bytes[position] = b
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                if needs { #expect(JSONWriter.mayNeedEscape(word), "byte \(b) at \(position)") }
            }
        }
        #expect(!JSONWriter.mayNeedEscape(Array("Бишкек".utf8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }))
        // A long Kyrgyz line with an escape at each offset: the whole-word path and the byte path meet.
        let line = "Кыргыз Республикасынын Президенти маалымат берди"
        for k in 0...line.count {
            let index = line.index(line.startIndex, offsetBy: k)
            let text = line[..<index] + "\"\n" + line[index...]
            var w = JSONWriter()
            w.string(String(text))
            let back = try JSONSerialization.jsonObject(with: Data(w.bytes), options: .fragmentsAllowed) as? String
            #expect(back == String(text))
        }
    }

    @Test("a text that normalizing left as read gets the source's digest as its id; a changed one its own")
    func idFromSourceDigest() throws {
        let plain = "Бишкекте форум өтөт.\n", crlf = "Бишкекте форум өтөт.\r\n"
        #expect(RecordID.sameBytes(plain, Array(plain.utf8)))
        #expect(!RecordID.sameBytes(plain, Array(crlf.utf8)))
        #expect(!RecordID.sameBytes("е", Array("ё".utf8)))
        #expect(RecordID.of(digest: RecordID.sha256Hex(Array(plain.utf8))) == RecordID.of(text: plain))
    }
}
