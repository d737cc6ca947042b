@testable import Jarya
import Testing

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
