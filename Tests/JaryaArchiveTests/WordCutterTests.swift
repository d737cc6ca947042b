import Foundation
import Jarya
@testable import JaryaArchive
import Testing

/// The words the PostgreSQL archive indexes are cut without SQLite but must be SQLite's.
@Suite("Cutting words as FTS5 does, without FTS5")
struct WordCutterTests {
    /// Folded texts of every kind a press release holds, and some it rarely does.
    static let texts = [
        "бишкекте «жашыл шаар» форуму өтөт: 12-март, саат 10:00до, ош мэриясынын залында.",
        "министерство сельского хозяйства кыргызской республики проводит семинар в г. караколе (иссык-кульская обл.)",
        "кыргыз-түрк «манас» университети; ҳамкорлук, ғалаба, әкім, ңөү — жана башка тамгалар.",
        "бо\u{301}льшая часть участников — из нарына; тел.: +996 (312) 62-15-44, e-mail: info@kabar.kg",
        "café crème à la française, naïve coöperation, straße, ĳssel, ǆungla",
        "o'clock won’t «don't» 3½ ⅔ ① ²³ x²",
        "日本語のテキスト 中文 한국어 العربية עברית ελληνικά ქართული",
        "emoji 🎉 и флаг 🇰🇬 внутри слова пр🎉ект, тире–дефис‐ nbsp\u{A0}пробел zero\u{200B}width",
        "ı i̇ ŉ ǰ ΐ ﬁ ﬃ ꭰ ᏸ 𐐨 𝒜 ａｂｃ",
        "\u{301}начало с ударением, а\u{301}\u{308}\u{20DD} много знаков, к\u{483}ириллица с титлом",
    ]

    @Test("Every text is cut into SQLite's words, column by column; Kyrgyz and Russian without asking SQLite again")
    func sameWordsAsSQLite() throws {
        var cutter = WordCutter()
        for text in Self.texts {
            let folded = Folding.fold(text)
            let sqlite = FTSTokens.words(title: folded, text: text, forms: "")
            guard let own = cutter.words([folded, text, ""]) else {
                // Left to SQLite: only a text with a character that starts a word and folds to nothing.
                continue
            }
            #expect(own.map { $0.map { String(decoding: $0, as: UTF8.self) } } == sqlite, "\(text)")
        }
        for text in Self.texts.prefix(4) {
            #expect(cutter.words([Folding.fold(text)]) != nil, "\(text)")
        }
        #expect(
            cutter.words(["бо\u{301}льшая café"])?.first?.map { String(decoding: $0, as: UTF8.self) }
                == ["большая", "cafe"])
    }

    @Test("A word longer than FTS5 would keep whole is left to SQLite")
    func longWordToSQLite() {
        var cutter = WordCutter()
        #expect(cutter.words([String(repeating: "ж", count: 600)]) == nil)
        #expect(cutter.words([String(repeating: "ж", count: 400)])?.first?.count == 1)
    }

    @Test(
        "The binary tsvector: words in byte order once each, with their positions; a word PostgreSQL refuses left out")
    func binaryTSVector() {
        let lexemes = Lexemes(columns: [
            ["жаштар", "форум", "жаштар"].map { Array($0.utf8) }, [Array("2024".utf8)],
            [Array(String(repeating: "ө", count: 1100).utf8)],
        ])
        #expect(lexemes.words.map { String(decoding: $0, as: UTF8.self) } == ["жаштар", "форум", "2024"])
        #expect(lexemes.positions == [[1, 3], [2], [5]])
        let b = lexemes.binary
        #expect(Array(b.prefix(4)) == [0, 0, 0, 3])
        // "2024" (ASCII) sorts first: its bytes, NUL, one position (5).
        #expect(Array(b[4..<13]) == Array("2024".utf8) + [0, 0, 1, 0, 5])
        let rest = Array(b[13...])
        #expect(rest.starts(with: Array("жаштар".utf8) + [0, 0, 2, 0, 1, 0, 3]))
        #expect(rest.count == "жаштар".utf8.count + 7 + "форум".utf8.count + 5)
    }

    @Test("A tsvector keeps 256 positions of a word, and a position past 16,383 once, as PostgreSQL keeps them")
    func positionLimits() {
        let many = Array(repeating: Array("ош".utf8), count: 300)
        let long = (0..<17_000).map { Array("w\($0 % 3)".utf8) }
        let lexemes = Lexemes(columns: [many, long])
        #expect(lexemes.words.map { String(decoding: $0, as: UTF8.self) } == ["ош", "w0", "w1", "w2"])
        #expect(lexemes.positions[0] == (1...256).map(UInt16.init))
        for n in 1...3 {
            #expect(lexemes.positions[n].count == 256)
            #expect(lexemes.positions[n].first == UInt16(301 + n))
        }
        // Past 16,383 words every one stands at 16,383: kept once per word.
        let tail = Lexemes(columns: [
            (0..<16_400).map { _ in Array("ж".utf8) }.enumerated().map {
                $0.offset < 16_380 ? Array("x".utf8) : $0.element
            }
        ])
        #expect(tail.positions[1] == [16_381, 16_382, 16_383])
        // Cut into one buffer: the same words as one array each.
        var cutter = WordCutter()
        var words = CutWords()
        #expect(cutter.cut(["бишкек ош", "", "ош-бишкек 2024"], into: &words))
        #expect(
            words.columns.map { $0.map { String(decoding: $0, as: UTF8.self) } } == [
                ["бишкек", "ош"], [], ["ош", "бишкек", "2024"],
            ])
    }

    @Test("Forms are kept once each, canonically equivalent spellings as one")
    func formSet() {
        var seen = Folding.FormSet()
        let added = ["бишкек", "ошто", "бишкек", "жай", "жа\u{438}\u{306}", "ошто", "нарын"].map { seen.insert($0) }
        // й written as и with a combining breve is the same form as the precomposed й.
        #expect(added == [true, true, false, true, false, false, true])
    }
}
