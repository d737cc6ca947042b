@testable import Jarya
import Testing

/// Persons named by the surname alone in Russian text: after a role word, after the full name,
/// by given name and patronymic, and the tagger's persons cut at brackets. Each rule with texts
/// where it applies and texts where it must not.
@Suite("Name tagger: persons named by the surname alone")
struct TaggerSurnameMentionTests {
    /// The entities of `text` with the rules and a tagger that knows only `words`.
    func entities(_ text: String, _ words: [String: NameLabel] = [:], languages: Set<String> = ["ru"]) throws
        -> [Entity]
    {
        try TaggerTests().merged(text, words, languages: languages)
    }

    func persons(_ entities: [Entity]) -> [String: String] {
        var out: [String: String] = [:]
        for e in entities where e.kind == .person {
            if case .person(let name, _) = e.value { out[e.text] = name }
        }
        return out
    }

    @Test(
        "a capitalized word right after a role word is a person, in the nominative",
        arguments: [
            // Surnames `known-persons.tsv` does not list: the role rule alone names them.
            ("Премьер-министр Фантоцци заявил журналистам, что выборы пройдут в срок.", "Фантоцци", "Фантоцци"),
            ("Реформа здравоохранения, начатая президентом Мбамой, вызвала споры в Конгрессе.", "Мбамой", "Мбама"),
            ("Вчера мэр Жумалиев открыл новый сквер в центре города.", "Жумалиев", "Жумалиев"),
        ])
    func surnameAfterRole(_ text: String, _ surface: String, _ name: String) throws {
        let found = persons(try entities(text))
        #expect(found[surface] == name, "\(found)")
    }

    @Test(
        "no person after a role word where the word is the body, a place, an adjective or a given name",
        arguments: [
            "Указ подписал президент Республики в пятницу.",
            "Об этом сообщил мэр Бишкека на брифинге.",
            "Доклад представил министр Иностранных дел в парламенте.",
            "На встречу пришел глава Марат со своими коллегами.",
        ])
    func noSurnameAfterRole(_ text: String) throws {
        let found = try entities(text).filter { $0.kind == .person }
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test("in Kyrgyz text the rule stays off: the tagger's passes read Russian only")
    func kyrgyzUntouched() throws {
        let found = try entities("Президент Жапаров Нарын облусуна барды.", languages: ["ru"])
        #expect(!found.contains { $0.origin == .model }, "\(found.map(\.text))")
    }

    @Test("a surname alone in another case, after or before the full name, is that person")
    func surnameMentions() throws {
        let text = """
            Жолдошбекову вручили почетную грамоту. Марат Жолдошбеков руководит школой двадцать лет. \
            Ученики подарили Жолдошбекову картину, а Жолдошбеков поблагодарил их.
            """
        let all = try entities(text)
        let mentions = all.filter { $0.kind == .person && $0.text.hasPrefix("Жолдошбеков") }
        // The three mentions by the surname alone, the first one before the full name.
        #expect(mentions.map(\.text) == ["Жолдошбекову", "Жолдошбекову", "Жолдошбеков"], "\(all.map(\.text))")
        #expect(mentions.allSatisfy { $0.value == .person(name: "Марат Жолдошбеков", role: nil) })
    }

    @Test("a surname two persons of the text share is left alone")
    func sharedSurname() throws {
        let text = "Марат Асанов и Бакыт Асанов открыли выставку. Гостей встретил Асанов у входа."
        let found = try entities(text).filter { $0.kind == .person }
        #expect(found.count == 2, "\(found.map(\.text))")
        // The rules keep each brother's own name: a surname met before is not a person met before.
        #expect(persons(found) == ["Марат Асанов": "Марат Асанов", "Бакыт Асанов": "Бакыт Асанов"])
    }

    @Test("a word that merely starts like the surname is not a mention of it")
    func notAForm() throws {
        let text = "Марат Ким выступил на форуме. Кимберли приехала позже."
        #expect(!persons(try entities(text)).keys.contains("Кимберли"))
    }

    @Test("given name and patronymic alone take the full name given elsewhere in the text")
    func givenNameAndPatronymic() throws {
        let text = "Памятник Борису Николаевичу Ельцину открыли в Екатеринбурге. Борис Николаевич любил этот город."
        // The rules read `Борису Николаевичу`; the tagger adds the surname after it.
        let words: [String: NameLabel] = [
            "борису": .beginPerson, "николаевичу": .insidePerson, "ельцину": .insidePerson,
        ]
        let found = persons(try entities(text, words))
        #expect(found["Борис Николаевич"] == "Борис Николаевич Ельцин", "\(found)")
    }

    @Test("the tagger's `Барака Обамы` beside its `Барак Обама` is named `Барак Обама`")
    func fullNameForms() throws {
        let text = "Барак Обама выступил в Конгрессе. Конгресс поддержал планы Барака Обамы."
        let words: [String: NameLabel] = [
            "барак": .beginPerson, "обама": .insidePerson, "барака": .beginPerson, "обамы": .insidePerson,
        ]
        let found = persons(try entities(text, words))
        #expect(found["Барака Обамы"] == "Барак Обама", "\(found)")
    }

    @Test("a rule's `Наото Кана` beside `Наото Кан` is his; a different given name stays another person")
    func ruleNameForms() throws {
        let text =
            "Премьер Наото Кан посетил Москву в среду. Высказывания Наото Кана вызвали споры. Позже выступила Юко Кана."
        let found = persons(try entities(text))
        #expect(found["Наото Кана"] == "Наото Кан", "\(found)")
        #expect(found["Юко Кана"] != "Наото Кан", "\(found)")
    }

    @Test("a person the tagger reads across a bracket is one person per piece")
    func bracketsSplitPersons() throws {
        let text = "Счет открыл Сёмин (Овечкин) на третьей минуте."
        let words: [String: NameLabel] = ["сёмин": .beginPerson, "(": .insidePerson, "овечкин": .insidePerson]
        let found = try entities(text, words).filter { $0.kind == .person }
        #expect(Set(found.map(\.text)) == ["Сёмин", "Овечкин"], "\(found.map(\.text))")
    }

    @Test(
        "the Russian case forms of a surname",
        arguments: [
            ("обамой", "обама", true), ("обамы", "обама", true), ("лужковым", "лужков", true),
            ("жириновского", "жириновский", true), ("путину", "путин", true), ("райс", "райс", true),
            ("обаманов", "обама", false), ("кимберли", "ким", false), ("путинизм", "путин", false),
        ])
    func forms(_ word: String, _ surname: String, _ form: Bool) {
        #expect(ModelRecognizer.isForm(word, of: surname) == form)
    }
}
