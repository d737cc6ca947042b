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

    @Test("the same slot of a repeated pattern as two persons holds persons: a goal list's scorers after the time")
    func repeatedSlot() throws {
        let text = """
            Сборная выиграла финал и стала чемпионом мира. Болельщики праздновали всю ночь.

            • 0:1 — 01:23 Сёмин (Овечкин) • 1:1 — 03:54 Бернс (Рой, Грин) • 2:1 — 09:17 Терещенко (Тютин) • 3:1 — 14:51 Хитли (Гецлаф)
            """
        let found = try persons(text, ["семин": .beginPerson, "терещенко": .beginPerson])
        #expect(
            Set(["Бернс", "Рой", "Грин", "Хитли", "Гецлаф"]).isSubset(of: Set(found.keys)), "\(found)")
    }

    @Test(
        "no person from a slot that holds one person only, or from a place in it",
        arguments: [
            // One person in the slot: `Бернс` is not read from `Сёмин` alone.
            "Итоги сезона подвели в клубе. Болельщики ждут новых побед.\n\n• 01:23 Сёмин (Овечкин) • 03:54 Бернс (Рой)",
            // Two persons in the slot, but the other words there are places.
            "Итоги турнира подвели в клубе. Болельщики ждут новых побед.\n\n• 2 Сёмин (Москва) • 3 Терещенко (Омск) • 4 Бишкек (Ош)",
        ])
    func notRepeatedSlot(_ text: String) throws {
        let found = try persons(text, ["семин": .beginPerson, "терещенко": .beginPerson])
        #expect(Set(found.keys).isSubset(of: ["Сёмин", "Терещенко", "Овечкин", "Рой"]), "\(found)")
        #expect(found["Бернс"] == nil && found["Бишкек"] == nil, "\(found)")
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
