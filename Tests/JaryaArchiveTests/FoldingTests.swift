import Foundation
import ICUText
import Jarya
@testable import JaryaArchive
import Testing

/// `Folding.fold` skips its last steps on the texts they leave unchanged; the skip must never
/// leave a lookalike or a substitute unfolded.
@Suite("Folding: the letter steps skipped only when they change nothing")
struct FoldingTests {
    /// Folded (NFKC_Casefolded) texts, some needing the letter steps, most not.
    static let texts =
        WordCutterTests.texts + [
            "бишкeк шаарында жаштар форуму",  // Latin e inside a Cyrillic word
            "ёлка и ёж",  // ё → е
            "ɵзгɵрүү ѳнүгүү ӊ ұлт",  // Kyrgyz letter substitutes
            "it-центр bishkek undp прооН",  // Latin words beside Cyrillic ones stay Latin
            "ошх", "xош", "оxш", "o", "о", "",  // a lookalike at either end of a word, and alone
            "тo\u{301}ж",  // a combining mark inside the word keeps it one word
            "abc-где x1 2x к9о",
        ]

    @Test("Every text the skip keeps unchanged is one the letter steps leave unchanged, and the others change")
    func skipAgreesWithFullSteps() throws {
        var corpus = try CorpusArchive.archive().records().flatMap { [$0.text, $0.title ?? ""] }
        corpus += corpus.map { $0.lowercased() }
        for text in Self.texts + corpus {
            let full = Folding.foldLetters(text)
            #expect(Folding.needsLetterFolding(text) == (full != text), "\(text)")
        }
        #expect(Folding.fold("Бишкeк ЁЛКА ɵзгɵрүү") == "бишкек елка өзгөрүү")
        #expect(Folding.fold("Жаштар форуму Ошто өттү") == "жаштар форуму ошто өттү")
    }

    @Test(
        "The letter steps on UTF-16 in place are the scalar steps, on every text; UTF-16 is cut from UTF-8 as the standard library cuts it"
    )
    func utf16LetterSteps() throws {
        var corpus = try CorpusArchive.archive().records().flatMap { [$0.text, $0.title ?? ""] }
        corpus += corpus.map { $0.lowercased() }
        let more = ["😀ёлкa 𝔸бв", "aбв😀xyz", "б\u{301}a", "ёЁɵ", "a"]
        for text in Self.texts + corpus + more {
            var units = Array(text.utf16)
            #expect(UTF16Text.units(text) == units, "\(text)")
            Folding.foldLetters(utf16: &units)
            #expect(String(decoding: units, as: UTF16.self) == Folding.foldLetters(text), "\(text)")
        }
        // Lone surrogates read as U+FFFD, which ends a word.
        for raw: [UInt16] in [[0xD83D, 0x61, 0x0431], [0x61, 0xDE00, 0x0431, 0x61], [0x0431, 0x61, 0xD83D]] {
            var units = raw
            Folding.foldLetters(utf16: &units)
            #expect(
                String(decoding: units, as: UTF16.self) == Folding.foldLetters(String(decoding: raw, as: UTF16.self)),
                "\(raw)")
        }
    }

    @Test("Words are in a tsvector's byte order: memcmp's, the shorter of two with the same start first")
    func byteOrder() {
        let words = ["бишкек", "бишке", "2024", "ош", "абай", "zz", "", "бишкекте"].map { Array($0.utf8) }
        let sorted = words.sorted(by: ByteKey.precedes).map { String(decoding: $0, as: UTF8.self) }
        #expect(sorted == ["", "2024", "zz", "абай", "бишке", "бишкек", "бишкекте", "ош"])
        #expect(Set([ByteKey(Array("ош".utf8)), ByteKey(Array("ош".utf8)), ByteKey(Array("ош ".utf8))]).count == 2)
    }
}

@Suite("Folding: ICU's UTF-16 written back as a string")
struct FoldingUTF16Tests {
    @Test("Every corpus text, and astral and lone surrogates, make the string String(decoding:as: UTF16.self) makes")
    func sameAsStandardLibrary() throws {
        let corpus = try CorpusArchive.archive().records().flatMap { [$0.text, $0.title ?? ""] }
        var cases = (corpus + FoldingTests.texts + ["", "a", "😀 Ош 𝔸", "é\u{301}"]).map { Array($0.utf16) }
        // Lone surrogates (high, low, a high at the end), which become U+FFFD.
        cases += [[0xD83D, 0x41], [0xDE00, 0x41], [0x41, 0xD83D], [0xDE00, 0xD83D]]
        for units in cases {
            #expect(Folding.string(utf16: units) == String(decoding: units, as: UTF16.self), "\(units.prefix(20))")
        }
        #expect(Folding.string(utf16: [0xD83D, 0x41]) == "\u{FFFD}A")
        #expect(Folding.fold("ОШ 😀 Бишкек") == "ош 😀 бишкек")
    }
}
