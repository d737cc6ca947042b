@testable import Jarya
import Testing

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
