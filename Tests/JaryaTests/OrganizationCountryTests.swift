import Jarya
import Testing

/// A known body's name beside another country's name is that country's body (`МИД России`,
/// `Түркиянын Тышкы иштер министрлиги`), not the glossary's Kyrgyz one; beside its own country it
/// stays the known body. A government, parliament or consulate in lower case before a country's
/// name is a body too (`правительство Казахстана`).
@Suite("Organizations: bodies of other countries")
struct OrganizationCountryTests {
    /// The organizations of a text: what is written and the name given.
    func linked(_ text: String) throws -> [(text: String, name: String)] {
        try organizations(in: text).map { ($0.text, $0.name) }
    }

    /// The marked span is the only organization found, under `name`.
    func expectOnly(_ marked: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let m = MarkedText(marked)
        let found = try linked(m.text)
        #expect(found.map(\.text) == m.marked, sourceLocation: sourceLocation)
        #expect(found.map(\.name) == [name], sourceLocation: sourceLocation)
    }

    @Test(
        "a known body's name with another country's is that country's body",
        arguments: [
            ("Министр встретился с главой ⟦МИД России⟧ в Москве.", "МИД России"),
            (
                "Заявление сделал представитель ⟦Министерства иностранных дел Японии⟧ вчера.",
                "Министерство иностранных дел Японии"
            ),
            ("⟦Түркиянын Тышкы иштер министрлиги⟧ билдирүү таратты.", "Түркиянын Тышкы иштер министрлиги"),
            ("Жыйынга ⟦Казакстандын Ички иштер министрлигинин⟧ өкүлү келди.", "Казакстандын Ички иштер министрлиги"),
        ])
    func foreignCounterpart(_ marked: String, _ name: String) throws {
        try expectOnly(marked, named: name)
    }

    @Test(
        "beside its own country, or alone, it is the glossary's body",
        arguments: [
            "Министерство иностранных дел Кыргызстана сообщило о визите.",
            "Об этом сообщили в МИД Кыргызской Республики.",
            "Тышкы иштер министрлиги билдирүү таратты.",
        ])
    func ownCountry(_ text: String) throws {
        let found = try linked(text)
        #expect(found.count == 1)
        #expect(!found.contains { $0.text.contains("Росси") || $0.text.contains("Түркия") })
        #expect(try places(in: text).allSatisfy { $0.hasPrefix("Кыргыз") })
    }

    @Test(
        "a government or parliament in lower case before a country's name",
        arguments: [
            ("Проект поддерживает ⟦правительство Казахстана⟧ с 2020 года.", "Правительство Казахстана"),
            ("Об этом заявили в ⟦парламенте Грузии⟧ во вторник.", "Парламент Грузии"),
        ])
    func lowercaseHeadBeforeCountry(_ marked: String, _ name: String) throws {
        try expectOnly(marked, named: name)
    }

    @Test(
        "the same words with no country's name are common nouns",
        arguments: [
            "Правительство приняло решение, а министерство его поддержало.",
            "В парламенте прошли слушания по бюджету.",
        ])
    func noCountry(_ text: String) throws {
        #expect(try linked(text).isEmpty)
    }

    @Test(
        "the last word of a country's name is no body of its own",
        arguments: [
            "Президент Российской Федерации подписал указ.",
            "После распада Советского Союза карта изменилась.",
        ])
    func countryNameHead(_ text: String) throws {
        #expect(try linked(text).isEmpty)
        #expect(try places(in: text).count == 1)
    }
}
