import Foundation
@testable import Jarya
import Testing

/// The name tagger: decoding, training, the model file, and how its names merge with the rules'.
@Suite("Name tagger")
struct TaggerTests {
    // MARK: - Decoding

    @Test("Viterbi never starts a sentence, or follows another kind, with an inside label")
    func bioConstraint() {
        // Token 0 prefers inside-person, token 1 inside-place: neither may stand there after
        // the best first label, so the best allowed sequence is a two-token person.
        var e = [[Double]](repeating: [Double](repeating: 0, count: NameLabel.count), count: 2)
        e[0][NameLabel.insidePerson.rawValue] = 9
        e[0][NameLabel.beginPerson.rawValue] = 1
        e[1][NameLabel.insidePlace.rawValue] = 7
        e[1][NameLabel.insidePerson.rawValue] = 6
        let labels = NameTagger.viterbi(e) { _, _ in 0 }
        #expect(labels == [.beginPerson, .insidePerson])
        #expect(NameTagger.names(labels) == [NameTagger.Name(kind: .person, tokens: 0..<2)])
    }

    @Test("names from labels: a begin starts a name, insides of the same kind extend it")
    func namesFromLabels() {
        let labels: [NameLabel] = [
            .outside, .beginPerson, .insidePerson, .beginPerson, .outside, .beginPlace, .beginOrganization,
            .insideOrganization,
        ]
        #expect(
            NameTagger.names(labels) == [
                .init(kind: .person, tokens: 1..<3), .init(kind: .person, tokens: 3..<4),
                .init(kind: .place, tokens: 5..<6), .init(kind: .organization, tokens: 6..<8),
            ])
    }

    // MARK: - Training

    /// Short Russian news sentences written for this test, with their names.
    static let training: [(String, [TaggerCorpus.GoldName])] = [
        (
            "Вчера директор компании «Алтын Булак» Иван Петров приехал в Казань на встречу с инвесторами.",
            [
                .init(kind: .organization, text: "Алтын Булак"), .init(kind: .person, text: "Иван Петров"),
                .init(kind: .place, text: "Казань"),
            ]
        ),
        (
            "Вчера директор компании «Северный Путь» Олег Смирнов приехал в Воронеж на встречу с инвесторами.",
            [
                .init(kind: .organization, text: "Северный Путь"), .init(kind: .person, text: "Олег Смирнов"),
                .init(kind: .place, text: "Воронеж"),
            ]
        ),
        (
            "Вчера директор компании «Красная Звезда» Павел Морозов приехал в Пермь на встречу с инвесторами.",
            [
                .init(kind: .organization, text: "Красная Звезда"), .init(kind: .person, text: "Павел Морозов"),
                .init(kind: .place, text: "Пермь"),
            ]
        ),
        (
            "Вчера директор компании «Тихий Дон» Андрей Лебедев приехал в Самару на встречу с инвесторами.",
            [
                .init(kind: .organization, text: "Тихий Дон"), .init(kind: .person, text: "Андрей Лебедев"),
                .init(kind: .place, text: "Самару"),
            ]
        ),
        (
            "Вчера директор компании «Синяя Птица» Роман Козлов приехал в Тверь на встречу с инвесторами.",
            [
                .init(kind: .organization, text: "Синяя Птица"), .init(kind: .person, text: "Роман Козлов"),
                .init(kind: .place, text: "Тверь"),
            ]
        ),
        (
            "Вчера директор компании «Белый Парус» Денис Волков приехал в Тулу на встречу с инвесторами.",
            [
                .init(kind: .organization, text: "Белый Парус"), .init(kind: .person, text: "Денис Волков"),
                .init(kind: .place, text: "Тулу"),
            ]
        ),
    ]

    static func examples(_ docs: [(String, [TaggerCorpus.GoldName])]) throws -> [TaggerTraining.Example] {
        let glossaries = Glossaries.forTests
        return try docs.enumerated().flatMap { n, doc in
            try TaggerCorpus.examples(text: doc.0, path: "t\(n).txt", gold: doc.1, glossaries: glossaries).examples
        }
    }

    @Test("gold surfaces are aligned to tokens, inflected forms and a person's surname alone included")
    func alignment() throws {
        let glossaries = Glossaries.forTests
        let text = "Министр Бакыт Асанов посетил Таласскую область. Позже Асанова встретили в мэрии Таласа."
        let doc = try Pipeline(stages: [Ingest(), Normalize(), Tokenize(), Segment(), Analyze()]).process(
            Document(text: text))
        let (tokens, _) = TaggerInput.tokens(doc, glossaries: glossaries)
        let gold: [TaggerCorpus.GoldName] = [
            .init(kind: .person, text: "Бакыт Асанов"), .init(kind: .organization, text: "мэрии Таласа"),
        ]
        let (labels, matched) = TaggerCorpus.labels(tokens, gold: gold)
        let marked = zip(tokens, labels).filter { $0.1 != .outside }.map { "\($0.0.text)/\($0.1)" }
        #expect(
            marked == [
                "Бакыт/beginPerson", "Асанов/insidePerson", "Асанова/beginPerson", "мэрии/beginOrganization",
                "Таласа/insideOrganization",
            ])
        #expect(matched == 3)
    }

    @Test("each training sentence with a name comes again with the glossaries' place and organization marks hidden")
    func knowledgeHidden() throws {
        let text = "Делегация ЮНИСЕФ прибыла в Бишкек. Погода была теплой."
        let gold: [TaggerCorpus.GoldName] = [
            .init(kind: .organization, text: "ЮНИСЕФ"), .init(kind: .place, text: "Бишкек"),
        ]
        let examples = try Self.examples([(text, gold)])
        // Two sentences, one with names: it is the one that comes twice, with the same labels.
        #expect(examples.count == 3)
        #expect(examples[2].labels == examples[0].labels)
        #expect(examples[2].features != examples[0].features)
        // Only the marks' features differ: the word, shape and neighbour features stay.
        let shared = Set(examples[0].features.flatMap { $0 }).intersection(examples[2].features.flatMap { $0 })
        #expect(shared.count > examples[0].features.flatMap { $0 }.count / 2)
    }

    @Test("training is deterministic: the same sentences and seed give the same model bytes")
    func deterministic() throws {
        let examples = try Self.examples(Self.training)
        let a = TaggerTraining.train(examples, epochs: 5, seed: 3).fileBytes()
        let b = TaggerTraining.train(examples, epochs: 5, seed: 3).fileBytes()
        #expect(a == b)
        #expect(a.count > 100)
    }

    @Test("a model trained on a few sentences finds unseen names in the same context")
    func learnsContext() throws {
        let glossaries = Glossaries.forTests
        let model = TaggerTraining.train(try Self.examples(Self.training), epochs: 8, seed: 1)
        let text = "Вчера директор компании «Зелёный Луч» Глеб Сорокин приехал в Рязань на встречу с инвесторами."
        let doc = try Pipeline(stages: [
            Ingest(), Normalize(), Tokenize(), Segment(), Analyze(),
            Recognize(recognizers: Recognizers.standard(.forTests).filter { !($0 is ModelRecognizer) }),
        ])
        .process(Document(text: text))
        let (tokens, sentences) = TaggerInput.tokens(doc, glossaries: glossaries)
        let found = NameTagger.names(tokens, sentences: sentences, model: model).map { name in
            "\(name.kind):" + tokens[name.tokens].map(\.text).joined(separator: " ")
        }
        #expect(found.contains("person:Глеб Сорокин"), "\(found)")
        #expect(found.contains("organization:Зелёный Луч"), "\(found)")
        #expect(found.contains("place:Рязань"), "\(found)")
        #expect(found.count == 3, "\(found)")
    }

    // MARK: - The model file

    @Test("a model written to bytes reads back the same and scores the same")
    func roundTrip() throws {
        let model = TaggerTraining.train(try Self.examples(Self.training), epochs: 3, seed: 2)
        let back = try NameModel(bytes: model.fileBytes(), file: "m.model")
        #expect(
            back.keys == model.keys && back.weights == model.weights && back.scale == model.scale
                && back.transitions == model.transitions)
        let features = try #require(model.keys.first).self
        #expect(back.scores([features, 42]) == model.scores([features, 42]))
    }

    @Test("the fingerprint that --state keeps changes with the weights")
    func fingerprint() throws {
        let examples = try Self.examples(Self.training)
        let a = TaggerTraining.train(examples, epochs: 3, seed: 1),
            b = TaggerTraining.train(examples, epochs: 4, seed: 1)
        #expect(a.fingerprint == TaggerTraining.train(examples, epochs: 3, seed: 1).fingerprint)
        #expect(a.fingerprint != b.fingerprint)
    }

    @Test("load errors name the file: missing, not a model, another version, truncated")
    func loadErrors() throws {
        let bytes = TaggerTraining.train(try Self.examples(Array(Self.training.prefix(2))), epochs: 2, seed: 1)
            .fileBytes()
        func message(_ b: [UInt8]) -> String {
            do { _ = try NameModel(bytes: b, file: "x/names.model"); return "" } catch { return "\(error)" }
        }
        #expect(message(Array("kyrgyz\tрусский\n".utf8)).hasPrefix("x/names.model: not a Jarya name model"))
        #expect(
            message(Array(bytes.prefix(8)) + [7, 0, 0, 0] + bytes.dropFirst(12)).contains(
                "version 7, this jarya reads version \(NameModel.formatVersion)"))
        #expect(message(Array(bytes.dropLast(3))).contains("truncated"))
        #expect(message(bytes) == "")
        #expect(throws: ModelError.self) { try NameModel.load(path: "/nonexistent/names.model") }
    }

    // MARK: - Merging with the rules

    /// A model that marks the given lower-case words with the given labels, whatever the context.
    static func model(_ words: [String: NameLabel]) -> NameModel {
        var rows: [(UInt64, [Int16])] = []
        for (word, label) in words {
            var q = [Int16](repeating: 0, count: NameLabel.count)
            q[label.rawValue] = 1000
            rows.append((TaggerFeatures.wordKey(word), q))
        }
        rows.sort { $0.0 < $1.0 }
        return NameModel(
            keys: rows.map(\.0), weights: rows.flatMap(\.1), scale: 1,
            transitions: [Float](repeating: 0, count: (NameLabel.count + 1) * NameLabel.count))
    }

    func merged(_ text: String, _ words: [String: NameLabel], languages: Set<String> = ["ru", "ky"]) throws -> [Entity]
    {
        let rules = Recognizers.standard(.forTests).filter { !($0 is ModelRecognizer) }
        var doc = try Pipeline.standard(.forTests, recognizers: rules).process(Document(text: text))
        ModelRecognizer(model: Self.model(words), glossaries: .forTests, languages: languages).recognize(&doc)
        return doc.entities
    }

    @Test("by default the tagger runs on Russian documents only")
    func russianOnly() throws {
        let text = "Нарында Зорбекс жаңы мектеп курду."
        #expect(try merged(text, ["зорбекс": .beginOrganization]).contains { $0.origin == .model })
        #expect(try !merged(text, ["зорбекс": .beginOrganization], languages: ["ru"]).contains { $0.origin == .model })
    }

    @Test("in a bilingual release the tagger reads the Russian paragraphs only")
    func bilingual() throws {
        let text = """
            Нарын шаарында Зорбекс жаңы мектеп курду. Мектепке жакынкы айылдардан 300 окуучу барат. Ачылыш аземине айыл тургундары, ата-энелер жана мугалимдер катышты. Мектепте спорт залы, китепкана жана ашкана бар, окуучулар эки сменада окушат.

            В городе Нарын новую школу построил Зорбекс. В школе будут учиться 300 детей из соседних сел. На торжественном открытии были жители села, родители и учителя. В школе есть спортивный зал, библиотека и столовая, занятия пройдут в две смены.
            """
        let all = try merged(text, ["зорбекс": .beginOrganization], languages: ["ru"])
        let found = all.filter { $0.origin == .model }
        #expect(found.map(\.text) == ["Зорбекс"], "\(found.map(\.text))")
        let russianHalf = text.unicodeScalars.count / 2
        #expect(found.allSatisfy { $0.span.start > russianHalf })
    }

    @Test(
        "a block of a bilingual release that the language guess leaves out is read as Russian when it has no Kyrgyz letter",
        arguments: [
            ("• Тору Камикава (Япония) • Кирос Вассарас (Греция)", true),
            ("Азию представляют два арбитра:", true),
            ("Ачылышка Зорбекс компаниясы көмөк көрсөттү.", false),
            ("Мектептин жаңы имараты", false),
            ("• Toru Kamikawa (Japan)", false),
        ])
    func blockReadsAsRussian(_ line: String, _ russian: Bool) {
        #expect(ModelRecognizer.readsAsRussian(line) == russian)
    }

    @Test(
        "names in a title, an address or a quoted title, one-word persons without a name's look, and names cut after an adjective, are left out",
        arguments: [
            ("Хакатон прошел в КГТУ им. И. Раззакова в понедельник.", ["раззакова": NameLabel.beginPerson]),
            ("Выставка открылась на ул. Фрунзе в центре города.", ["фрунзе": .beginPlace]),
            ("Ярмарка “Алтын күз” пройдет в Токмоке.", ["алтын": .beginPerson]),
            ("Посольство проводит Неделю японской культуры.", ["неделю": .beginPerson]),
            ("Жители Южных кварталов пришли на праздник.", ["южных": .beginPlace]),
            ("Депутаты обсудили Закон О статусе столицы.", ["закон": .beginPlace, "о": .insidePlace]),
            ("Студенты готовят проект GovTech Challenge к маю.", ["challenge": .beginOrganization]),
            ("Концерт пройдет в Русском доме в субботу.", ["русском": .beginPlace, "доме": .insidePlace]),
            ("Ждем Вас на празднике в Оше.", ["ждем": .beginPerson, "вас": .insidePerson]),
            ("Ветераны Вооруженных Сил собрались в парке.", ["вооруженных": .beginPerson, "сил": .insidePerson]),
            ("Конкурс прошел в КР и Казахстане.", ["кр": .beginPlace]),
            ("Делегация Международного прибыла в Бишкек во вторник.", ["международного": .beginOrganization]),
            (
                "Участники Форума общенациональной поддержки собрались в Оше.",
                ["форума": .beginOrganization, "общенациональной": .insideOrganization]
            ),
            (
                "Начальник Управления дорожной полиции Бакыт Асанов рассказал о планах.",
                ["управления": .beginOrganization, "дорожной": .insideOrganization, "полиции": .insideOrganization]
            ),
            (
                "В ТОКМОКЕ ПРОЙДЕТ СЕЛЬСКОХОЗЯЙСТВЕННАЯ ЯРМАРКА “АЛТЫН КҮЗ”",
                [
                    "пройдет": .beginPerson, "сельскохозяйственная": .insidePerson,
                    "ярмарка": .insidePerson, "“": .insidePerson, "алтын": .insidePerson,
                ]
            ),
        ])
    func leftOut(_ text: String, _ words: [String: NameLabel]) throws {
        #expect(try !merged(text, words).contains { $0.origin == .model })
    }

    @Test("a headline's run of capitals and a role phrase are no organization")
    func organizationsLeftOut() throws {
        let headline: [String: NameLabel] = [
            "пройдет": .beginOrganization, "сельскохозяйственная": .insideOrganization, "ярмарка": .insideOrganization,
        ]
        #expect(
            try !merged("Завтра ПРОЙДЕТ СЕЛЬСКОХОЗЯЙСТВЕННАЯ ЯРМАРКА в парке.", headline).contains {
                $0.origin == .model
            })
        let role: [String: NameLabel] = [
            "начальник": .beginOrganization, "службы": .insideOrganization, "патрульной": .insideOrganization,
            "милиции": .insideOrganization,
        ]
        let text = "Начальник Службы патрульной милиции Бакыт Асанов выступил."
        #expect(try !merged(text, role).contains { $0.origin == .model && $0.kind == .organization })
    }

    @Test(
        "an organization after a role word is kept unless a sub-unit's head noun starts it (then it is part of the role)",
        arguments: [
            (
                "Вчера глава Зорбекскосмоса Юрий Иванов посетил Бишкек.",
                ["зорбекскосмоса": NameLabel.beginOrganization], "Зорбекскосмоса"
            ),
            (
                "Об этом заявил председатель Зорбекс-Холдинга Талант Мамытов.",
                ["зорбекс-холдинга": .beginOrganization], "Зорбекс-Холдинга"
            ),
        ])
    func organizationAfterRoleWord(_ text: String, _ words: [String: NameLabel], _ name: String) throws {
        let entities = try merged(text, words)
        #expect(
            entities.contains { $0.origin == .model && $0.kind == .organization && $0.text == name },
            "\(entities.map(\.text))")
    }

    @Test(
        "a rule person that stops before the surname the tagger reads is extended to it; a surname-first name is not given a patronymic"
    )
    func rulePersonExtended() throws {
        let extended = try merged(
            "Вчера в Бишкек прибыл Борис Николаевич Ельцин с супругой.",
            ["борис": .beginPerson, "николаевич": .insidePerson, "ельцин": .insidePerson])
        let person = try #require(extended.first { $0.kind == .person })
        #expect(person.text == "Борис Николаевич Ельцин")
        #expect(person.value == .person(name: "Борис Николаевич Ельцин", role: nil))
        #expect(person.origin != .model)
        let inflected = try merged(
            "Памятник Борису Николаевичу Ельцину открыли в субботу.",
            ["борису": .beginPerson, "николаевичу": .insidePerson, "ельцину": .insidePerson])
        #expect(
            inflected.contains { $0.kind == .person && $0.text == "Борису Николаевичу Ельцину" },
            "\(inflected.map(\.text))")
        let surnameFirst = try merged(
            "Слово взял Асанов Бакыт Маратович из Оша.",
            ["асанов": .beginPerson, "бакыт": .insidePerson, "маратович": .insidePerson])
        #expect(
            !surnameFirst.contains {
                $0.kind == .person && $0.text.hasSuffix("Маратович") && $0.text.hasPrefix("Бакыт")
            })
    }

    @Test(
        "a sentence with no capital after its first word is not tagged (no name the tagger would add), one with a capital is"
    )
    func onlySentencesWithCapitals() throws {
        let words: [String: NameLabel] = ["зорбекс": .beginOrganization]
        #expect(try !merged("Зорбекс построил новую школу для детей.", words).contains { $0.origin == .model })
        #expect(
            try merged("Новую школу для детей построил Зорбекс.", words).contains {
                $0.origin == .model && $0.text == "Зорбекс"
            })
    }

    @Test("a tagger's person gets the role phrase before it, as the rules' persons do")
    func personRole() throws {
        let entities = try merged(
            "Руководитель проекта Юкиэ Мокуо рассказала о планах.", ["юкиэ": .beginPerson, "мокуо": .insidePerson])
        let person = try #require(entities.first { $0.origin == .model && $0.kind == .person })
        guard case .person(let name, let role) = person.value else { Issue.record("not a person"); return }
        #expect(name == "Юкиэ Мокуо")
        #expect(role?.lowercased() == "руководитель проекта", "\(String(describing: role))")
    }

    @Test("a one-word surname with a surname ending is kept", arguments: ["Асанбеков", "Лермонтова"])
    func oneWordPerson(_ surname: String) throws {
        let entities = try merged(
            "Книгу представил \(surname) на встрече с читателями.", [surname.lowercased(): .beginPerson])
        #expect(
            entities.contains { $0.origin == .model && $0.kind == .person && $0.text == surname },
            "\(entities.map(\.text))")
    }

    @Test("a place the rules do not know is kept after a preposition of place, and left out elsewhere")
    func placeAfterPreposition() throws {
        let kept = try merged("Делегация из Зорбекса прибыла вчера.", ["зорбекса": .beginPlace])
        #expect(kept.contains { $0.origin == .model && $0.kind == .place && $0.text == "Зорбекса" })
        let dropped = try merged("Зорбекс объявил конкурс.", ["зорбекс": .beginPlace])
        #expect(!dropped.contains { $0.origin == .model })
    }

    @Test("a surname alone after the rules' full name takes the rules' person value")
    func surnameAfterFullName() {
        let full = Entity(
            kind: .person, span: Span(12, 37), text: "Асанбеков Марат Кадырович",
            value: .person(name: "Марат Асанбеков", role: "автор книги"))
        var entities = [
            full,
            Entity(
                kind: .person, span: Span(64, 73), text: "Асанбеков", value: .person(name: "Асанбеков", role: nil),
                origin: .model),
        ]
        ModelRecognizer.harmonize(&entities)
        #expect(entities[1].value == .person(name: "Марат Асанбеков", role: nil))
        #expect(entities[1].origin == .model)
    }

    @Test("Russian: rule names win where they overlap; a tagger-only person comes back in the nominative, marked model")
    func mergeRussian() throws {
        let entities = try merged(
            "В Бишкеке прошла встреча Бориса Громовского с представителями фонда Зорбекс.",
            [
                "бишкеке": .beginPlace, "бориса": .beginPerson, "громовского": .insidePerson,
                "зорбекс": .beginOrganization,
            ])
        let bishkek = try #require(entities.first { $0.text == "Бишкеке" })
        #expect(bishkek.origin == nil)
        guard case .place(let name, _, _) = bishkek.value else { Issue.record("not a place"); return }
        #expect(name == "Bishkek")
        #expect(entities.filter { $0.origin == .model && $0.span.overlaps(bishkek.span) }.isEmpty)
        let person = try #require(entities.first { $0.kind == .person && $0.text.contains("Громовского") })
        if person.origin == .model { #expect(person.value == .person(name: "Борис Громовский", role: nil)) }
        let org = try #require(entities.first { $0.text == "Зорбекс" })
        #expect(
            org.origin == .model && org.kind == .organization
                && org.value == .organization(name: "Зорбекс", acronym: nil))
    }

    @Test("Kyrgyz: a glossary place in a case form stays the rules'; an unknown company becomes a model organization")
    func mergeKyrgyz() throws {
        let entities = try merged(
            "Нарында Зорбекс жаңы мектеп курду. Тоскент компаниясы да катышты.",
            ["нарында": .beginPlace, "зорбекс": .beginOrganization, "тоскент": .beginOrganization])
        let naryn = try #require(entities.first { $0.text == "Нарында" })
        #expect(naryn.origin == nil && naryn.kind == .place)
        #expect(entities.filter { $0.origin == .model }.allSatisfy { !$0.span.overlaps(naryn.span) })
        let company = try #require(entities.first { $0.text == "Зорбекс" })
        #expect(company.origin == .model && company.kind == .organization)
        // The rules' `Тоскент компаниясы` wins over the tagger's `Тоскент`.
        let rule = try #require(entities.first { $0.text.hasPrefix("Тоскент") })
        #expect(rule.origin == nil && rule.text == "Тоскент компаниясы")
    }

    @Test("a record writes source: model for a tagger's name and no source key otherwise")
    func recordSource() throws {
        var doc = Document(text: "x")
        doc.entities = [
            Entity(
                kind: .organization, span: Span(0, 7), text: "Зорбекс",
                value: .organization(name: "Зорбекс", acronym: nil), origin: .model),
            Entity(
                kind: .place, span: Span(8, 15), text: "Бишкеке",
                value: .place(name: "Bishkek", kind: "city", country: "KG")),
        ]
        let line = String(decoding: Record(doc).jsonBytes(), as: UTF8.self)
        #expect(line.contains(#""acronym":null,"source":"model"}"#), "\(line)")
        #expect(line.components(separatedBy: #""source":"model""#).count == 2, "\(line)")
    }
}
