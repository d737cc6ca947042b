@testable import Jarya
import Testing

/// A Latin-letter organization the tagger cut at a lower-case connector runs on over it.
@Suite("Name tagger: Latin names across `of`, `und`, `and`")
struct TaggerLatinNameTests {
    func organizations(_ text: String, _ words: [String: NameLabel]) throws -> [String] {
        try TaggerTests().merged(text, words, languages: ["ru"]).filter { $0.kind == .organization }.map(\.text)
    }

    @Test(
        "the name runs on over the connector and the capitalized words after it",
        arguments: [
            (
                "Банк купил долю в американском отделении Bank of East Asia в прошлом году. Сделку одобрили регуляторы.",
                ["bank": NameLabel.beginOrganization], "Bank of East Asia"
            ),
            (
                "Диоксин нашли в продукции компании Harles und Jentzsch, которая делает корма. Завод закрыли на проверку.",
                ["harles": NameLabel.beginOrganization, "jentzsch": .beginOrganization], "Harles und Jentzsch"
            ),
        ] as [(String, [String: NameLabel], String)])
    func joined(_ text: String, _ words: [String: NameLabel], _ name: String) throws {
        #expect(try organizations(text, words) == [name])
    }

    @Test(
        "no join before a lower-case or Cyrillic word, or across a line",
        arguments: [
            "Компания Oracle and partners провела конференцию в Москве. Участники обсудили облачные сервисы.",
            "Компания Oracle и Сбербанк провели конференцию в Москве. Участники обсудили облачные сервисы.",
            "Компания Oracle of\nBoston провела конференцию в Москве. Участники обсудили облачные сервисы.",
        ])
    func notJoined(_ text: String) throws {
        let found = try organizations(text, ["oracle": .beginOrganization])
        #expect(found.contains("Oracle"), "\(found)")
        #expect(!found.contains { $0.contains(" ") && $0.hasPrefix("Oracle") }, "\(found)")
    }
}
