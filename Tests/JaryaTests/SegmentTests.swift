import Foundation
@testable import Jarya
import Testing

/// Ingest → Normalize → Segment on a text.
func segmented(_ text: String) throws -> Document {
    var doc = Document(text: text)
    try Pipeline(stages: [Ingest(), Normalize(), Tokenize(), Segment()]).run(&doc)
    return doc
}

/// The sentences of a text as strings.
func sentences(_ text: String) throws -> [String] {
    let doc = try segmented(text)
    return doc.segmentation.sentences.map { doc.text[$0] }
}

// Paragraphs written for these tests, press-release style.
enum Paragraphs {
    static let kyrgyz =
        "Кыргыз Республикасынын Билим берүү жана илим министрлиги 12-декабрда Бишкек шаарында мектеп мугалимдери үчүн семинар өткөрөт. Иш-чарага өлкөнүн бардык облустарынан сексенден ашык мугалим катышат."
    static let russian =
        "Министерство образования и науки Кыргызской Республики 12 декабря проведет в Бишкеке семинар для школьных учителей. В мероприятии примут участие более восьмидесяти педагогов из всех областей страны."
    static let english =
        "The United Nations Development Programme will hold a training for local journalists in Osh on 5 December. The event is supported by the European Union and is open to the public."
}

@Suite("Segment: blocks")
struct BlockTests {
    @Test("one block per non-empty line, trimmed")
    func blocksPerLine() throws {
        let text =
            "ПРЕСС-РЕЛИЗ\n\nБишкек шаарында семинар өтөт.\n   Семинар пройдет в Бишкеке.  \n\n\nБайланыш: +996 312 62 15 19\n"
        let doc = try segmented(text)
        let blocks = doc.segmentation.blocks.map { doc.text[$0.span] }
        #expect(
            blocks == [
                "ПРЕСС-РЕЛИЗ", "Бишкек шаарында семинар өтөт.", "Семинар пройдет в Бишкеке.",
                "Байланыш: +996 312 62 15 19",
            ])
        #expect(doc.segmentation.blocks[2].span == Span(46, 72))
    }

    @Test("CRLF line ends make the same blocks")
    func crlfBlocks() throws {
        let doc = try segmented("Анонс\r\nСеминар өтөт.\r\n")
        #expect(doc.segmentation.blocks.map { doc.text[$0.span] } == ["Анонс", "Семинар өтөт."])
    }

    @Test("block(at:) finds the block holding an offset")
    func blockAt() throws {
        let doc = try segmented("Анонс\n\nСеминар өтөт.")
        let seg = doc.segmentation
        #expect(seg.block(at: 0)?.span == Span(0, 5))
        #expect(seg.block(at: 4)?.span == Span(0, 5))
        #expect(seg.block(at: 5) == nil)  // the line break
        #expect(seg.block(at: 7)?.span == Span(7, 20))
        #expect(seg.block(at: 20) == nil)
    }
}

@Suite("Segment: sentences")
struct SentenceTests {
    @Test(
        "abbreviations that do not end a sentence",
        arguments: [
            (
                "Семинар пройдет в г. Ош по адресу: ул. Ленина, 205. Начало в 10:00.",
                ["Семинар пройдет в г. Ош по адресу: ул. Ленина, 205.", "Начало в 10:00."]
            ),
            (
                "Учителя из Чуйской обл. Кеминского района прошли обучение. Следующий этап начнется весной.",
                ["Учителя из Чуйской обл. Кеминского района прошли обучение.", "Следующий этап начнется весной."]
            ),
            (
                "Форум пройдет в КНУ им. Ж. Баласагына. Регистрация открыта.",
                ["Форум пройдет в КНУ им. Ж. Баласагына.", "Регистрация открыта."]
            ),
            (
                "Окуучуларга китептер, дептерлер ж.б. окуу куралдары берилди. Аземге ата-энелер, мугалимдер т.б. катышты.",
                [
                    "Окуучуларга китептер, дептерлер ж.б. окуу куралдары берилди.",
                    "Аземге ата-энелер, мугалимдер т.б. катышты.",
                ]
            ),
            (
                "Отчет будет представлен 15 мая с.г. в Жогорку Кенеше. Журналисты приглашаются.",
                ["Отчет будет представлен 15 мая с.г. в Жогорку Кенеше.", "Журналисты приглашаются."]
            ),
            (
                "Министерство юстиции КР зарегистрировало устав ассоциации. Документ вступил в силу.",
                ["Министерство юстиции КР зарегистрировало устав ассоциации.", "Документ вступил в силу."]
            ),
            (
                "Доклад сделал профессор А.Т. Мамытов. Затем выступили студенты.",
                ["Доклад сделал профессор А.Т. Мамытов.", "Затем выступили студенты."]
            ),
            (
                "Форумду ректор А. Мамытов ачты. Андан кийин студенттер сүйлөдү.",
                ["Форумду ректор А. Мамытов ачты.", "Андан кийин студенттер сүйлөдү."]
            ),
            (
                "Жыйын Бишкек ш., Манас пр., 40 дарегинде өтөт.",
                ["Жыйын Бишкек ш., Манас пр., 40 дарегинде өтөт."]
            ),
        ])
    func abbreviationsInside(text: String, expected: [String]) throws {
        #expect(try sentences(text) == expected)
    }

    @Test(
        "abbreviations that do end a sentence",
        arguments: [
            (
                "Проект стартовал в 2022 г. Конференция подвела его итоги.",
                ["Проект стартовал в 2022 г.", "Конференция подвела его итоги."]
            ),
            (
                "Программа рассчитана на 2024-2026 гг. Ее бюджет утвержден.",
                ["Программа рассчитана на 2024-2026 гг.", "Ее бюджет утвержден."]
            ),
            (
                "Об этом сообщает пресс-служба Минздрава КР. Вакцинация продлится до конца месяца.",
                ["Об этом сообщает пресс-служба Минздрава КР.", "Вакцинация продлится до конца месяца."]
            ),
            (
                "Көргөзмөгө китептер, сүрөттөр т.б. Бардыгы акысыз.",
                ["Көргөзмөгө китептер, сүрөттөр т.б.", "Бардыгы акысыз."]
            ),
        ])
    func abbreviationsEnding(text: String, expected: [String]) throws {
        #expect(try sentences(text) == expected)
    }

    @Test("sentences end at line breaks and keep no surrounding spaces")
    func lines() throws {
        let text =
            "Маалымат\nБүгүн Ош шаарында жаңы мектеп ачылды!  Ага 300 окуучу барат.\n\nКайрылуу үчүн: info@osh.kg"
        #expect(
            try sentences(text) == [
                "Маалымат", "Бүгүн Ош шаарында жаңы мектеп ачылды!", "Ага 300 окуучу барат.",
                "Кайрылуу үчүн: info@osh.kg",
            ])
    }

    @Test("a text ending in an abbreviation keeps its last sentence")
    func endsWithAbbreviation() throws {
        #expect(try sentences("Семинар пройдет в г. Ош, ул. Ленина, д.") == ["Семинар пройдет в г. Ош, ул. Ленина, д."])
    }
}

@Suite("Tokenize: one token stream")
struct TokenTests {
    @Test("words, numbers and each punctuation scalar; spans in the normalized text")
    func tokens() throws {
        let doc = try segmented("Бишкекте 2025-жылы 120 адам катышты, «Ала-Тоо» аянтында.")
        #expect(
            doc.tokens.map { doc.text[$0.span] } == [
                "Бишкекте", "2025", "-", "жылы", "120", "адам", "катышты", ",", "«", "Ала", "-", "Тоо", "»", "аянтында",
                ".",
            ])
        #expect(
            doc.tokens.map(\.kind) == [
                .word, .number, .dash, .word, .number, .word, .word, .comma, .other, .word, .dash, .word, .other, .word,
                .dot,
            ])
        #expect(doc.tokens[1].number == 2025 && doc.tokens[1].digits == 4)
        #expect(
            doc.tokens.map(\.spaceBefore) == [
                true, true, false, false, true, true, true, false, true, false, false, false, false, true, false,
            ])
    }

    @Test("a word's text is interned once, in lower case with ё as е")
    func lexicon() throws {
        let doc = try segmented("Пётр ПЕТР петр — Бишкек, бишкек.")
        let words = doc.tokens.filter { $0.kind == .word }
        #expect(words.map { doc.lexicon[$0.word] } == ["петр", "петр", "петр", "бишкек", "бишкек"])
        #expect(Set(words.map(\.word)).count == 2)
        #expect(words.map(\.isCapitalized) == [true, true, false, true, false])
    }

    @Test("a token keeps its text as written too: the same ID wherever it recurs, the lower case folded once")
    func surfaceText() throws {
        let doc = try segmented("Ысык-Көлдө ЫСЫК-КӨЛДӨ ысык-көлдө. Ысык-Көлдө")
        let words = doc.tokens.filter { $0.kind == .word }
        #expect(
            words.map { doc.lexicon[$0.surface] } == [
                "Ысык", "Көлдө", "ЫСЫК", "КӨЛДӨ", "ысык", "көлдө", "Ысык", "Көлдө",
            ])
        #expect(words[0].surface == words[6].surface && words[1].surface == words[7].surface)
        #expect(
            words[0].surface != words[2].surface && words[0].word == words[2].word && words[0].word == words[4].word)
        // An all-lower-case word is its own lower case.
        #expect(words[4].surface == words[4].word)
        let punctuation = doc.tokens.filter { $0.kind != .word }
        #expect(punctuation.allSatisfy { $0.surface == $0.word })
    }

    @Test("the lexicon finds every text again by its scalars after its table has grown many times")
    func lexiconGrows() {
        var lexicon = Lexicon()
        let words = (0..<5_000).map { "сөз\($0)Ө" }
        let ids = words.map { lexicon.intern(scalars: Array($0.unicodeScalars)[...]) }
        #expect(Set(ids).count == words.count)
        #expect(words.map { lexicon.intern($0) } == ids)
        #expect(ids.map { lexicon[$0] } == words)
        #expect(lexicon.count == words.count)
        let lower = lexicon.lowercase(ids[42])
        #expect(lexicon[lower] == "сөз42ө" && lexicon.lowercase(ids[42]) == lower && lexicon.count == words.count + 1)
    }

    @Test("per-token structures stay small: a 16 MB document has two million tokens")
    func tokenSizes() {
        #expect(MemoryLayout<Span>.stride == 8)
        #expect(MemoryLayout<Token>.stride <= 24)
        #expect(MemoryLayout<NameToken>.stride <= 56)
    }

    @Test("token spans are in Unicode scalars even after an emoji")
    func scalarOffsets() throws {
        let doc = try segmented("📣 Жаңылык: Ош")
        let words = doc.tokens.filter { $0.kind == .word }
        #expect(words.map { doc.text[$0.span] } == ["Жаңылык", "Ош"])
        #expect(words.map(\.span) == [Span(2, 9), Span(11, 13)])
    }

    @Test("the name recognizers' words join inner hyphens and apostrophes back; a spaced dash stays apart")
    func nameWords() throws {
        var doc = try segmented("Ысык-Көл облусунда — Кара-Балтада, Д’Артаньян; 2023-жылы")
        try Analyze().run(&doc)
        #expect(
            doc.words.map(\.text) == [
                "Ысык-Көл", "облусунда", "—", "Кара-Балтада", ",", "Д’Артаньян", ";", "2023", "-", "жылы",
            ])
        #expect(doc.words[0].lower == "ысык-көл" && doc.words[0].isCapitalized)
        #expect(doc.words[3].forms.contains("кара-балта"))
    }

    @Test("the lexicon gives each distinct text one ID, found again from its scalars, however long the text")
    func interning() {
        var lexicon = Lexicon()
        // Kyrgyz and Russian words, their case variants, words one scalar apart, and texts longer than
        // the keyed hash reads (64 scalars), which go to Swift's hasher.
        let long = String(repeating: "Кыргызстан", count: 8)
        var words = ["жана", "Жана", "жаңы", "жана ", "и", "й", "ё", "е", "Ысык-Көл", long, long + "а", ""]
        words += (0..<2_000).map { "сөз\($0)" }
        let ids = words.map { lexicon.intern($0) }
        #expect(Set(ids).count == words.count)
        #expect(words.map { lexicon.intern($0) } == ids)
        #expect(ids.map { lexicon[$0] } == words)
        let scalars = Array("Бишкекте жана Бишкекте".unicodeScalars)
        #expect(lexicon.intern(scalars: scalars[0..<8]) == lexicon.intern(scalars: scalars[14..<22]))
        #expect(lexicon[lexicon.intern(scalars: scalars[0..<8])] == "Бишкекте")
        #expect(lexicon.count == words.count + 1)
    }

    @Test("a worker's lexicon carries from one document to the next without changing a record")
    func sharedLexicon() throws {
        let texts = [
            "Бишкекте 12-майда форум өтөт.", "В Бишкеке 12 мая пройдет форум.", "Бишкекте форум 12-майда өттү.",
        ]
        var lexicon = Lexicon()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (n, text) in texts.enumerated() {
            let path = dir.appendingPathComponent("\(n).txt").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let shared = Processor.forTests.process(.file(path), lexicon: &lexicon).0
            let alone = Processor.forTests.process(.file(path)).0
            #expect(try JSONLinesEncoder().line(shared) == JSONLinesEncoder().line(alone))
        }
        #expect(lexicon.count > 10)
    }
}

@Suite("Segment: words as Unicode's word boundaries see them (language identification)")
struct TextWordsTests {
    @Test(
        "letters and digits side by side, inner full stops and apostrophes, inner commas between digits",
        arguments: [
            ("саат 10:00дө", ["саат", "10", "00дө"]),
            ("www.kabar.kg жана 24.kg", ["www.kabar.kg", "жана", "24", "kg"]),
            ("don't, 1,5 млн; 15.08.2025", ["don't", "1,5", "млн", "15.08.2025"]),
            ("Кара-Балта: 5G", ["Кара", "Балта", "5G"]),
        ])
    func words(text: String, expected: [String]) throws {
        let doc = try segmented(text)
        let words = TextWords(tokens: doc.tokens, text: doc.text.scalars)
        #expect((0..<words.count).map { doc.text[words[$0].span] } == expected)
    }
}

@Suite("Segment: language")
struct LanguageTests {
    @Test(
        "one paragraph's language",
        arguments: [
            (Paragraphs.kyrgyz, "ky"), (Paragraphs.russian, "ru"), (Paragraphs.english, "en"),
        ])
    func paragraph(text: String, language: String) throws {
        let doc = try segmented(text)
        #expect(doc.segmentation.blocks.map(\.language) == [language])
        #expect(doc.language == language)
    }

    @Test("a bilingual release: Kyrgyz blocks, Russian blocks, document ky+ru")
    func bilingual() throws {
        let text = "Мугалимдер үчүн семинар\n\(Paragraphs.kyrgyz)\n\nСеминар для учителей\n\(Paragraphs.russian)\n"
        let doc = try segmented(text)
        #expect(doc.segmentation.blocks.map(\.language) == ["ky", "ky", "ru", "ru"])
        #expect(doc.language == "ky+ru")
    }

    @Test("a mostly Kyrgyz release with one Russian line is ky")
    func dominant() throws {
        let text = "\(Paragraphs.kyrgyz)\n\(Paragraphs.kyrgyz)\nСправки по телефону в Бишкеке."
        let doc = try segmented(text)
        #expect(doc.segmentation.blocks.map(\.language) == ["ky", "ky", "ru"])
        #expect(doc.language == "ky")
    }

    @Test(
        "a short title line takes the language of the next block",
        arguments: [
            ("Семинар\n\(Paragraphs.kyrgyz)", "ky"),
            ("Семинар\n\(Paragraphs.russian)", "ru"),
            ("АНОНС\n\nUNDP\n\(Paragraphs.english)", "en"),
        ])
    func titleInherits(text: String, language: String) throws {
        let doc = try segmented(text)
        #expect(doc.segmentation.blocks.allSatisfy { $0.language == language })
        #expect(doc.language == language)
    }

    @Test("a word's vote kept in the worker's lexicon gives the languages its letters give, asked again")
    func votesRemembered() throws {
        var doc = try segmented("\(Paragraphs.kyrgyz)\n\(Paragraphs.russian)\n\(Paragraphs.kyrgyz)")
        let alone = doc.segmentation.blocks.map(\.language)
        #expect(alone == ["ky", "ru", "ky"])
        // Identified again with the memo the document's own run filled (every word a hit), and with an
        // empty one (every word worked out): the same languages.
        for fresh in [false, true] {
            var seg = Segmentation()
            seg.blocks = Segment.lines(doc.text).map { Block(span: $0, language: "und") }
            var memo = WordMemo<LanguageVote>()
            if !fresh { swap(&memo, &doc.lexicon.languages) }
            LanguageIdentifier.identify(&seg, text: doc.text, tokens: doc.tokens, memo: &memo)
            if !fresh { swap(&memo, &doc.lexicon.languages) }
            #expect(seg.blocks.map(\.language) == alone)
        }
        // A word's vote: ө is Kyrgyz, ё and щ Russian, `жана` a Kyrgyz function word, `и` a Russian one.
        func vote(_ word: String) -> (Int32, Int32, Int32) {
            let v = LanguageVote(Array(word.unicodeScalars)[...])
            return (v.ky, v.ru, v.en)
        }
        #expect(vote("көчө") == (2, 0, 0))
        #expect(vote("өтөт") == (3, 0, 0))
        #expect(vote("жана") == (1, 0, 0))
        #expect(vote("ещё") == (0, 2, 0))
        #expect(vote("и") == (0, 1, 0))
        #expect(vote("the") == (0, 0, 2))
        #expect(vote("UNDP") == (0, 0, 1))
    }

    @Test("a closing line without evidence takes the language of the block before")
    func trailerInherits() throws {
        let doc = try segmented("\(Paragraphs.russian)\n+996 312 62 15 19")
        #expect(doc.segmentation.blocks.map(\.language) == ["ru", "ru"])
    }
}
