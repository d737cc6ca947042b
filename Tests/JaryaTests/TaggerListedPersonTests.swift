@testable import Jarya
import Testing

/// Persons listed by the surname beside a person the tagger found (`Ковальчук (Прошкин,
/// Радулов)`), and surnames after a role and the body it is of (`мэр Москвы Лужков`): texts
/// where each applies and texts where it must not.
/// The person entities of Russian `text`, by surface, under their names, with the rules and a
/// tagger that knows only `words`.
func taggerPersons(_ text: String, _ words: [String: NameLabel]) throws -> [String: String] {
    var out: [String: String] = [:]
    for e in try TaggerTests().merged(text, words, languages: ["ru"]) where e.kind == .person {
        if case .person(let name, _) = e.value { out[e.text] = name }
    }
    return out
}

@Suite("Name tagger: persons listed beside a person, surnames after a role's body")
struct TaggerListedPersonTests {
    func persons(_ text: String, _ words: [String: NameLabel] = [:]) throws -> [String: String] {
        try taggerPersons(text, words)
    }

    @Test(
        "words listed beside a one-word person are persons, whatever their ending",
        arguments: [
            (
                "Сборная выиграла финал чемпионата мира в овертайме, и болельщики праздновали всю ночь. Решающую шайбу забросил Сёмин (Ковальчук, Грин) на последней минуте.",
                ["семин"], ["Сёмин", "Ковальчук", "Грин"]
            ),
            (
                "Судьи подвели итоги матча, который продолжался больше трех часов из-за овертайма. Вратари: Уорд — Набоков, оба провели отличную игру.",
                ["набоков"], ["Уорд", "Набоков"]
            ),
            (
                "Организаторы объявили даты турнира, который пройдет в столице Калмыкии в этом году. В сентябре в Элисте состоится матч Топалов — Крамник.",
                ["топалов"], ["Топалов", "Крамник"]
            ),
            (
                "Голы забили Грин, Бернс и Сёмин, а Овечкин отдал две передачи. Команда вышла в полуфинал, где встретится с победителем группы.",
                ["семин"], ["Грин", "Бернс", "Сёмин"]
            ),
        ] as [(String, [String], [String])])
    func listed(_ text: String, _ tagged: [String], _ expected: [String]) throws {
        let words = Dictionary(uniqueKeysWithValues: tagged.map { ($0, NameLabel.beginPerson) })
        let found = try persons(text, words)
        #expect(Set(expected).isSubset(of: Set(found.keys)), "\(found)")
    }

    @Test("each later mention of a listed surname joins, with its own list")
    func laterMentions() throws {
        let text = """
            Матч закончился победой гостей, которые проиграли два предыдущих матча в этом сезоне. Первую шайбу забросил Ковальчук (Федоров, Овечкин). \
            Вторую тоже забросил Ковальчук (Прошкин, Радулов).
            """
        let found = try persons(text, ["федоров": .beginPerson])
        #expect(Set(found.keys) == ["Ковальчук", "Федоров", "Овечкин", "Прошкин", "Радулов"], "\(found)")
    }

    @Test(
        "no person from a list where the word is a place, a body, a given name, a common word or a clause",
        arguments: [
            // The comma closes a clause: `Синода` is not listed with `Зорькин`.
            "Во время посещения зданий Сената и Синода, Зорькин сказал, что переезд займет год. Суд переедет весной.",
            // A place the glossary knows.
            "Делегацию встретили Иванов и Бишкек в аэропорту. Визит продлится два дня.",
            // Written in lower case elsewhere: a common word.
            "Статью написали Иванов и Мир, а редактор ее одобрил. Весь мир обсуждает статью.",
            // A given name alone is no person.
            "На сцену вышли Иванов и Марат под аплодисменты. Концерт длился два часа.",
        ])
    func notListed(_ text: String) throws {
        let found = try persons(text, ["иванов": .beginPerson, "зорькин": .beginPerson])
        #expect(Set(found.keys).isSubset(of: ["Иванов", "Зорькин"]), "\(found)")
    }

    @Test(
        "a surname after a role and the body or place the role is of",
        arguments: [
            ("Сегодня в Москве прошло совещание. Об итогах рассказал глава МИД Грибов журналистам.", "Грибов"),
            ("Бюджет на год приняли в среду. Его представил министр финансов Силуанов депутатам.", "Силуанов"),
        ])
    func surnameAfterRoleAndBody(_ text: String, _ surname: String) throws {
        let found = try persons(text)
        #expect(found[surname] == surname, "\(found)")
    }

    @Test(
        "no surname after a role's body across a heading, or after a settlement's noun",
        arguments: [
            "Марин Ле Пен стала кандидатом на пост главы Франции\n\nДочь основателя партии имеет все шансы на победу.",
            "Об этом активистам сообщили жители поселка Петро-Славянка. Сброс повторился ночью.",
        ])
    func noSurnameAfterRoleAndBody(_ text: String) throws {
        let found = try persons(text)
        #expect(found["Дочь"] == nil && found["Петро-Славянка"] == nil, "\(found)")
    }
}

/// An unknown acronym listed beside an organization (`ЦТП, посольства США`), and the tagger's
/// names that are no persons or places (a role phrase, a legal act, a compound with a common noun).
@Suite("Name tagger: acronyms listed beside an organization, and readings the filters drop")
struct TaggerListedOrganizationTests {
    func entities(_ text: String, _ words: [String: NameLabel] = [:]) throws -> [Entity] {
        try TaggerTests().merged(text, words, languages: ["ru"])
    }

    @Test("an acronym listed with organizations is one, at each of its mentions")
    func listedAcronym() throws {
        let text = """
            Завтра в селе Пригородном откроют детский сад, отремонтированный на средства ЦТП. \
            На открытии будут представители ЦТП, посольства США в КР и Министерства образования КР.
            """
        let found = try entities(text).filter { $0.kind == .organization && $0.text == "ЦТП" }
        #expect(found.count == 2, "\(found.map(\.text))")
    }

    @Test(
        "no organization from an abbreviation of a thing, an acronym with no organization beside it, or across a clause",
        arguments: [
            "На открытии были представители СМИ, посольства США в КР и Министерства образования КР.",
            "Средства ЦТП пошли на ремонт детского сада в селе Пригородном, где учатся сорок детей.",
            "По данным ЦТП, Министерство образования КР выделило еще два миллиона сомов на ремонт школ.",
        ])
    func notListed(_ text: String) throws {
        let found = try entities(text).filter { $0.kind == .organization && $0.origin == .model }
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test(
        "the tagger's role phrase is no person, a legal act or a compound with a common noun no place, an adjective no body",
        arguments: [
            (
                "Вчера Чрезвычайный и Полномочный Посол вручил верительные грамоты президенту республики.",
                ["полномочный": NameLabel.beginPerson, "посол": .insidePerson]
            ),
            (
                "Депутаты внесли поправки в Закон о местном самоуправлении на прошлой неделе.",
                ["закон": .beginPlace]
            ),
            (
                "Новость опубликовали в Telegram-канале министерства поздно вечером в пятницу.",
                ["telegram-канале": .beginPlace]
            ),
            (
                "В библиотеке представили книгу Фронтовые дороги народных депутатов, изданную в прошлом году.",
                ["фронтовые": .beginOrganization]
            ),
        ])
    func filtered(_ text: String, _ words: [String: NameLabel]) throws {
        let found = try entities(text, words).filter { $0.origin == .model }
        #expect(found.isEmpty, "\(found.map(\.text))")
    }
}

/// Well-known persons named by the surname alone take the full name `known-persons.tsv` gives.
@Suite("Name tagger: well-known persons by the surname alone")
struct TaggerKnownPersonTests {
    func persons(_ text: String, _ words: [String: NameLabel] = [:]) throws -> [String: String] {
        try taggerPersons(text, words)
    }

    @Test(
        "a known surname alone, in any case, is the known person, also where the tagger found the word",
        arguments: [
            ("Торжества пройдут в Софии в понедельник. Путин также подпишет договоры о строительстве.", "Путин", [:]),
            (
                "Эти выборы вспоминают до сих пор. При Рейгане экономика США росла быстрее, чем при его предшественнике.",
                "Рейгане", [:]
            ),
            (
                "Торжества пройдут в Софии в понедельник. Путин также подпишет договоры о строительстве.", "Путин",
                ["путин": NameLabel.beginPerson]
            ),
            // A heading of the surname alone: the next line's capital is no part of the name.
            (
                "Итоги выборов в Италии подвели в понедельник.\n\nВсё-таки Проди\nПравительство сформируют левые партии.",
                "Проди", [:]
            ),
        ] as [(String, String, [String: NameLabel])])
    func known(_ text: String, _ surface: String, _ words: [String: NameLabel]) throws {
        let found = try persons(text, words)
        let expected = ["Путин": "Владимир Путин", "Рейгане": "Рональд Рейган", "Проди": "Романо Проди"]
        #expect(found[surface] == expected[surface], "\(found)")
    }

    @Test(
        "no known person after a given name or an initial, in an address or a square's name, or where the text names another of that surname",
        arguments: [
            "Вчера Иван Путин, фермер из Рязани, собрал рекордный урожай пшеницы на своем поле.",
            "Вчера И. Путин, фермер из Рязани, собрал рекордный урожай пшеницы на своем поле.",
            "Митинг прошел на площади Ленина, а вечером движение перекрыли на улице Пушкина.",
            "Вчера Мишель Обама выступила в школе Чикаго. Обама рассказала детям о книгах, которые любит.",
        ])
    func notKnown(_ text: String) throws {
        let found = try persons(text)
        #expect(
            !found.values.contains {
                ["Владимир Путин", "Владимир Ленин", "Александр Пушкин", "Барак Обама"].contains($0)
            },
            "\(found)")
    }
}
