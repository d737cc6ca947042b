import ICUText
import Testing

/// Legacy Cyrillic bytes made in the test from hand-written tables, so no fixture files are needed.
enum LegacyCyrillic {
    /// windows-1251: А…я are 0xC0…0xFF in alphabet order; Ё 0xA8, ё 0xB8.
    static func windows1251(_ s: String) -> [UInt8] {
        s.unicodeScalars.map { u in
            switch u.value {
            case 0x00..<0x80: return UInt8(u.value)
            case 0x410...0x44F: return UInt8(u.value - 0x410 + 0xC0)
            case 0x401: return 0xA8
            case 0x451: return 0xB8
            default: fatalError("no windows-1251 byte for \(u) in this table")
            }
        }
    }

    /// KOI8-R: lowercase letters at 0xC0…0xDF in the order below (Latin-sounding order),
    /// capitals 0x20 higher; ё 0xA3, Ё 0xB3.
    static let koi8Order = Array("юабцдефгхийклмнопярстужвьызшэщчъ".unicodeScalars)

    static func koi8r(_ s: String) -> [UInt8] {
        s.unicodeScalars.map { u in
            if u.value < 0x80 { return UInt8(u.value) }
            if u == "ё" { return 0xA3 }
            if u == "Ё" { return 0xB3 }
            let lower = u.value >= 0x410 && u.value < 0x430 ? Unicode.Scalar(u.value + 0x20)! : u
            guard let i = koi8Order.firstIndex(of: lower) else { fatalError("no KOI8-R byte for \(u) in this table") }
            return UInt8(0xC0 + i + (lower == u ? 0 : 0x20))
        }
    }
}

@Suite("Charset detection and conversion")
struct CharsetTests {
    let paragraph =
        "Правительство утвердило программу развития сельского хозяйства. Фермеры получат льготные кредиты, а в каждой области откроются новые склады для хранения урожая."

    @Test("the hand-written tables agree with ICU on a few letters")
    func tables() throws {
        #expect(LegacyCyrillic.windows1251("Аяё") == [0xC0, 0xFF, 0xB8])
        #expect(LegacyCyrillic.koi8r("аАяЯ") == [0xC1, 0xE1, 0xD1, 0xF1])
        let back = try [UInt8]([0xC1, 0xE1, 0xD1, 0xF1]).withUnsafeBytes {
            try CharsetConverter.toUTF16($0, charset: "KOI8-R")
        }
        #expect(String(decoding: back, as: UTF16.self) == "аАяЯ")
    }

    @Test("windows-1251 bytes of a Russian paragraph are detected and converted back")
    func windows1251() throws {
        let bytes = LegacyCyrillic.windows1251(paragraph)
        #expect(bytes.count == paragraph.unicodeScalars.count)
        let best = try #require(try CharsetDetector.detect(bytes).first)
        #expect(best.name == "windows-1251")
        #expect(best.confidence >= 10)
        #expect(best.language == "ru")
        let units = try bytes.withUnsafeBytes { try CharsetConverter.toUTF16($0, charset: best.name) }
        #expect(String(decoding: units, as: UTF16.self) == paragraph)
    }

    @Test("KOI8-R bytes of the same paragraph are detected as KOI8-R and converted back")
    func koi8r() throws {
        let bytes = LegacyCyrillic.koi8r(paragraph)
        let best = try #require(try CharsetDetector.detect(bytes).first)
        #expect(best.name == "KOI8-R")
        #expect(best.language == "ru")
        let units = try bytes.withUnsafeBytes { try CharsetConverter.toUTF16($0, charset: "KOI8-R") }
        #expect(String(decoding: units, as: UTF16.self) == paragraph)
    }

    @Test("UTF-8 text is detected as UTF-8")
    func utf8Detected() throws {
        let best = try #require(try CharsetDetector.detect(Array(paragraph.utf8)).first)
        #expect(best.name == "UTF-8")
    }

    @Test(
        "aliases convert and have canonical names",
        arguments: [
            ("cp1251", "windows-1251"), ("windows-1251", "windows-1251"), ("koi8-r", "KOI8-R"),
        ])
    func aliases(alias: String, canonical: String) throws {
        let bytes = alias.hasPrefix("koi") ? LegacyCyrillic.koi8r("Ош шаары") : LegacyCyrillic.windows1251("Ош шаары")
        let units = try bytes.withUnsafeBytes { try CharsetConverter.toUTF16($0, charset: alias) }
        #expect(String(decoding: units, as: UTF16.self) == "Ош шаары")
        #expect(CharsetConverter.canonicalName(alias) == canonical)
    }

    @Test("UTF-16LE converts through ucnv")
    func utf16() throws {
        let bytes: [UInt8] = [0x1E, 0x04, 0x48, 0x04, 0x20, 0x00]  // "Ош "
        let units = try bytes.withUnsafeBytes { try CharsetConverter.toUTF16($0, charset: "UTF-16LE") }
        #expect(units == [0x041E, 0x0448, 0x0020])
    }

    @Test("valid UTF-8 decodes without substitutions")
    func utf8Valid() throws {
        let text = "Өзгөн шаарында жаңы мектеп ачылды."
        let (units, subs) = try Array(text.utf8).withUnsafeBytes { try CharsetConverter.decodeUTF8($0) }
        #expect(subs == 0)
        #expect(String(decoding: units, as: UTF16.self) == text)
    }

    @Test("malformed UTF-8 is decoded with U+FFFD substitutions")
    func utf8Invalid() throws {
        // "Ош " + a lone continuation byte + "шаары" + a truncated 2-byte sequence at the end.
        var bytes = Array("Ош ".utf8)
        bytes.append(0x80)
        bytes += Array("шаары".utf8)
        bytes.append(0xD0)
        let (units, subs) = try bytes.withUnsafeBytes { try CharsetConverter.decodeUTF8($0) }
        #expect(subs == 2)
        #expect(String(decoding: units, as: UTF16.self) == "Ош \u{FFFD}шаары\u{FFFD}")
    }

    @Test("empty input")
    func emptyInput() throws {
        let (units, subs) = try [UInt8]().withUnsafeBytes { try CharsetConverter.decodeUTF8($0) }
        #expect(units.isEmpty && subs == 0)
        #expect(
            try CharsetConverter.toUTF16(UnsafeRawBufferPointer(start: nil, count: 0), charset: "windows-1251").isEmpty)
    }

    @Test("an unknown charset name is an ICUError")
    func unknownCharset() throws {
        let error = #expect(throws: ICUError.self) {
            try [UInt8](repeating: 0x41, count: 4).withUnsafeBytes {
                try CharsetConverter.toUTF16($0, charset: "x-kyrgyz-typewriter")
            }
        }
        #expect(error?.name == "U_FILE_ACCESS_ERROR")
        #expect(error?.operation == "ucnv_open(x-kyrgyz-typewriter)")
        #expect(CharsetConverter.canonicalName("x-kyrgyz-typewriter") == nil)
    }
}
