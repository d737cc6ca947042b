@testable import Jarya
import Testing

/// The shortcuts taken for speed (issue 13) must give the answers of the plain scans they
/// replace, or the speed-up would change records.
@Suite("Speed shortcuts: the same answers as the plain scans")
struct SpeedIndexTests {
    @Test("WordKey's own hash: equal words hash alike, and a large map finds every word and no near miss")
    func wordKeyHash() {
        // Lengths on both sides of the 8-byte steps, in both alphabets.
        let words = [
            "", "и", "ай", "жана", "облусу", "министр", "мэриясы", "Бишкектеги", "университети", "Ысык-Көл облусу",
            "administration", "министерствосу", "Кыргыз Республикасынын",
        ]
        for w in words {
            let rebuilt = String(scalars: Array(w.unicodeScalars))
            #expect(WordKey(w) == WordKey(rebuilt))
            #expect(WordKey(w).hashValue == WordKey(rebuilt).hashValue, "\(w)")
        }
        var map = WordMap<Int>()
        for n in 0..<3000 { map["айыл өкмөтү \(n)"] = n }
        #expect(map.count == 3000)
        for n in 0..<3000 {
            #expect(map["айыл өкмөтү \(n)"] == n)
            #expect(map["айыл өкмөтү \(n)у"] == nil)
        }
        // Words that differ only in their last byte, or in one byte past the first eight.
        let set: WordSet = ["облусунда", "облусунан", "районунда"]
        #expect(set.contains("облусунда") && set.contains("облусунан") && !set.contains("облусуна"))
        #expect(!set.contains("районуна") && !set.contains("районундa"))
    }

    @Test(
        "Furniture.pieces counts the pieces split would give, stopping past the limit",
        arguments: [
            "USD 88.57", "  Коом\t0 ", "Новости - Общество", "Бишкек шаарында  жаштар форуму өттү",
            "\t\tМаалымат\t", "", "   ", "Парламент 0 Саясат 2 Экономика 5 Дүйнө 1",
        ])
    func pieces(line: String) {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
        let spaced = line.split(separator: " ").count
        for limit in 0...6 {
            #expect(Furniture.pieces(of: line, atMost: limit, { $0 == " " || $0 == "\t" }) == min(words, limit + 1))
            #expect(Furniture.pieces(of: line, atMost: limit, { $0 == " " }) == min(spaced, limit + 1))
        }
    }

    @Test("a line too long to be a label once trimmed is never looked up, and a label line still is")
    func labelLength() {
        let labels = Assemble.labels
        for line in ["ПРЕСС-РЕЛИЗ", "  Маалымат:  ", "Пресс-релиз!", "Информация..."] {
            #expect(Assemble.shortEnough(line, for: labels))
            #expect(labels.contains(line.lowercased().trimmingCharacters(in: " .:!")))
        }
        for line in [
            "Бишкекте жаштар форуму өттү", "В Бишкеке прошёл форум молодёжи", "Жаңылыктар жана маалыматтар",
        ] {
            #expect(!Assemble.shortEnough(line, for: labels))
            #expect(!labels.contains(line.lowercased().trimmingCharacters(in: " .:!")))
        }
    }

    @Test("event words are tried by their first two letters, one-letter forms and phrases included")
    func eventLexiconCandidates() throws {
        let text = """
            lang\tform\tmatch\trole\tvalue
            ky\tб\tprefix\tstage\tone-letter
            ky\tбаш\tprefix\tstage\tstem
            ky\tбашкы жыйын\texact\tstage\tphrase
            ky\tбас\texact\tparticipation\tword
            ru\tсобрание\texact\tstage\tsobranie
            """
        let lexicon = try EventLexicon(
            table: TSVTable(name: "events.tsv", text: text, required: EventLexicon.columns))
        let tokens = Self.words("башкы жыйын бас бүгүн собрание сбор")
        func values(_ i: Int) -> [String] { lexicon.allMatches(tokens, at: i).map { $0.0.value } }
        #expect(values(0).first == "phrase")
        #expect(Set(values(0)) == ["phrase", "stem", "one-letter"])
        #expect(Set(values(2)) == ["word", "one-letter"])
        #expect(values(3) == ["one-letter"])
        #expect(values(4) == ["sobranie"])
        #expect(values(5).isEmpty)
        #expect(lexicon.match(tokens, at: 2, roles: [.participation])?.0.value == "word")
    }

    @Test("an adjective is told by its last letter first, with the answers of the whole endings")
    func adjectives() {
        for w in [
            "Всемирного", "национальным", "кыргызская", "государственный", "банк", "университетом", "новых",
            "региональной", "музей", "Ысык-Көл", "синее", "ого",
        ] {
            let plain = w.unicodeScalars.count > 4 && RussianMorphology.adjectiveEndings.contains { w.hasSuffix($0) }
            #expect(OrganizationRules.isAdjective(w) == plain, "\(w)")
        }
    }

    static func words(_ text: String) -> [NameToken] {
        var lexicon = Lexicon()
        let scalars = Array(text.unicodeScalars)
        return NameWords.words(
            Tokenizer.tokens(scalars, lexicon: &lexicon), in: scalars, lexicon: &lexicon, analyzing: false)
    }
}
