import ICUText
import Testing

/// The scalars of a string. Swift's `==` on `String` ignores the difference between composed
/// and decomposed text (canonical equivalence), so normalization tests compare scalars.
func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

/// ICU normalization through `Normalizer`: NFC for the pipeline, NFKC_Casefold for matching.
@Suite("Normalizer")
struct NormalizerTests {
    @Test(
        "NFC composes decomposed й and ё",
        arguments: [
            ("Кыргыз Республикасынын жаңы и\u{0306}ыгыны", "Кыргыз Республикасынын жаңы йыгыны"),
            ("Е\u{0308}лка на площади Ала-Тоо", "Ёлка на площади Ала-Тоо"),
            ("е\u{0308}мкость и\u{0306}огурта", "ёмкость йогурта"),
        ])
    func nfcComposes(decomposed: String, composed: String) throws {
        let result = try Normalizer.nfc.normalize(decomposed)
        #expect(scalars(result) == scalars(composed))
        #expect(scalars(decomposed) != scalars(composed))
    }

    @Test("NFC leaves Kyrgyz letters ө ү ң alone")
    func nfcKeepsKyrgyzLetters() throws {
        let text = "Өкмөт үчүн жаңы мыйзам долбоору"
        #expect(scalars(try Normalizer.nfc.normalize(text)) == scalars(text))
    }

    @Test("NFC on UTF-16 code units")
    func nfcUTF16() throws {
        #expect(try Normalizer.nfc.normalize(Array("и\u{0306}".utf16)) == [0x0439])
        #expect(try Normalizer.nfc.normalize(Array("Е\u{0308}".utf16)) == [0x0401])
        #expect(try Normalizer.nfc.normalize([UInt16]()) == [])
    }

    @Test("NFC of a long text grows the output buffer as needed")
    func nfcLong() throws {
        let piece = "Өзгөн районунда и\u{0306}ыгын өттү. "
        let long = String(repeating: piece, count: 500)
        let result = try Normalizer.nfc.normalize(long)
        #expect(result.unicodeScalars.count == long.unicodeScalars.count - 500)
        #expect(!result.unicodeScalars.contains("\u{0306}"))
    }

    @Test(
        "NFKC_Casefold folds Kyrgyz and Russian capitals",
        arguments: [
            ("ӨЗГӨН", "өзгөн"),
            ("ҮЙ-БҮЛӨ", "үй-бүлө"),
            ("ЖАҢЫ ЖЫЛ", "жаңы жыл"),
            ("Ө Ү Ң", "ө ү ң"),
            ("Бишкек ШААРЫ", "бишкек шаары"),
            ("ЁЛКА", "ёлка"),
        ])
    func casefold(input: String, folded: String) throws {
        #expect(scalars(try Normalizer.nfkcCasefold.normalize(input)) == scalars(folded))
    }

    @Test("NFKC_Casefold composes, folds compatibility forms and drops soft hyphens")
    func casefoldCompatibility() throws {
        // ﬁ ligature → fi; full-width Ｋ → k; И + breve → й; the soft hyphen is default-ignorable.
        #expect(scalars(try Normalizer.nfkcCasefold.normalize("ﬁle Ｋ И\u{0306}ЫЛ")) == scalars("file k йыл"))
        #expect(scalars(try Normalizer.nfkcCasefold.normalize("Кыр\u{00AD}гыз")) == scalars("кыргыз"))
    }

    @Test("quick check: the normalized prefix and segment boundaries")
    func quickCheck() throws {
        let units = Array("Ош шаары и\u{0306}".utf16)
        let prefix = try units.withUnsafeBufferPointer { try Normalizer.nfc.normalizedPrefixLength($0) }
        // The prefix stops before the base letter that the combining breve attaches to.
        #expect(prefix >= "Ош шаары ".utf16.count)
        #expect(prefix <= units.count - 2)
        let clean = Array("Ош шаары".utf16)
        #expect(try clean.withUnsafeBufferPointer { try Normalizer.nfc.normalizedPrefixLength($0) } == clean.count)
        #expect(try Normalizer.nfc.hasBoundary(before: "к"))
        #expect(try !Normalizer.nfc.hasBoundary(before: "\u{0306}"))
    }
}

/// Missing ICU data is an error a command can report in one line, never a trap.
@Suite("ICU data")
struct ICUDataTests {
    @Test("the data is found here, and every normalizer opens")
    func present() throws {
        try ICUData.check()
        #expect(scalars(try Normalizer.nfd.normalize("ё")) == [0x0435, 0x0308])
        #expect(scalars(try Normalizer.nfkc.normalize("Ｋыргыз")) == scalars("Kыргыз"))
        #expect(scalars(try Normalizer.nfkd.normalize("й")) == [0x0438, 0x0306])
    }

    @Test("missing data: one line that says what to install")
    func missingMessage() {
        let cause = ICUError(
            code: 4, name: "U_FILE_ACCESS_ERROR", operation: "unorm2_getNFCInstance", isMissingData: false)
        let error = ICUError.missingData(cause)
        #expect(!cause.isMissingData && cause.description == "ICU unorm2_getNFCInstance failed: U_FILE_ACCESS_ERROR")
        #expect(error.isMissingData)
        #expect(!error.description.contains("\n"))
        #expect(
            error.description
                == "ICU data is missing (unorm2_getNFCInstance: U_FILE_ACCESS_ERROR): install libicu (Debian: apt-get install libicu-dev)"
        )
    }
}
