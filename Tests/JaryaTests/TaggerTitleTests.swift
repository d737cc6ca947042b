@testable import Jarya
import Testing

/// What the tagger reads as a name but the records leave out: titles of acts and contests, a
/// place's abbreviation, a village before its district, a place inside a quoted title. Each
/// filter with a text it drops and a text it keeps; and what the rest of the document tells the
/// tagger about a word (`TaggerToken.Elsewhere`).
@Suite("Name tagger: titles and place chains are no names")
struct TaggerTitleTests {
    func modelNames(_ text: String, _ words: [String: NameLabel]) throws -> [Entity] {
        try TaggerTests().merged(text, words, languages: ["ru"]).filter { $0.origin == .model }
    }

    @Test(
        "a legal act's title, a place's abbreviation, a lower-case phrase without a head, a quoted adjective title, a plural head, a vehicle's quoted name: no organization",
        arguments: [
            (
                "Депутаты обсудили Закон О СМИ на заседании.",
                ["закон": NameLabel.beginOrganization, "о": .insideOrganization, "сми": .insideOrganization]
            ),
            (
                "Цель акции - уважение к государственным символам КР и истории.",
                ["государственным": .beginOrganization, "символам": .insideOrganization, "кр": .insideOrganization]
            ),
            (
                "Победители в номинации \"Лучший открытый урок\" получили призы.",
                ["лучший": .beginOrganization, "открытый": .insideOrganization, "урок": .insideOrganization]
            ),
            ("Вчера представители КР подписали соглашение.", ["кр": .beginOrganization]),
            (
                "Матч между сборными Кыргызстана и Макао пройдет в Бишкеке в субботу вечером.",
                ["сборными": .beginOrganization, "кыргызстана": .insideOrganization]
            ),
            (
                "НАСА запустит новый пилотируемый корабль «Орион» через два года. Первый полет будет беспилотным.",
                ["орион": .beginOrganization]
            ),
            (
                "На заводе будут собирать автомобили «Шкода Октавия» с весны. Потом начнут выпуск других моделей.",
                ["шкода": .beginOrganization, "октавия": .insideOrganization]
            ),
        ])
    func titlesDropped(_ text: String, _ words: [String: NameLabel]) throws {
        let found = try modelNames(text, words).filter { $0.kind == .organization }
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test(
        "bodies with a head word, a quoted name, an unknown capitalized body stay organizations",
        arguments: [
            (
                "Вчера члены Законодательного собрания Приморского края проголосовали за новый бюджет, который рассматривался две недели.",
                ["законодательного": NameLabel.beginOrganization, "собрания": .insideOrganization],
                "Законодательного собрания"
            ),
            (
                "Посол Олег Панкратов поддержал идею о возобновлении работы московско-кыргызской комиссии по деловому сотрудничеству.",
                [
                    "московско-кыргызской": .beginOrganization, "комиссии": .insideOrganization,
                    "по": .insideOrganization, "деловому": .insideOrganization, "сотрудничеству": .insideOrganization,
                ], "московско-кыргызской комиссии по деловому сотрудничеству"
            ),
            (
                "В прошлом году этот проект в нашем городе поддержала компания Зорбекс Групп, которая работает на рынке уже десять лет.",
                ["зорбекс": .beginOrganization, "групп": .insideOrganization], "Зорбекс Групп"
            ),
        ])
    func bodiesKept(_ text: String, _ words: [String: NameLabel], _ name: String) throws {
        // The rules may read the body first; either way it is an organization of the record.
        let found = try TaggerTests().merged(text, words, languages: ["ru"]).filter { $0.kind == .organization }
        #expect(found.contains { $0.text.hasPrefix(name) }, "\(found.map(\.text))")
    }

    @Test("a village before its district is a chain of places; a body before a country stays")
    func placeChain() throws {
        let village = try modelNames(
            "Школы отремонтируют в селах Лебединовка и Васильевка Аламудунского района.",
            ["васильевка": .beginOrganization, "аламудунского": .insideOrganization, "района": .insideOrganization])
        #expect(!village.contains { $0.kind == .organization }, "\(village.map(\.text))")
        let body = try TaggerTests().merged(
            "Заявление сделало правительство США в понедельник.",
            ["правительство": .beginOrganization, "сша": .insideOrganization], languages: ["ru"])
        #expect(body.contains { $0.kind == .organization && $0.text == "правительство США" }, "\(body.map(\.text))")
    }

    @Test("a place inside a quoted title is left out; after a preposition outside quotes it stays")
    func placeInsideQuotes() throws {
        let quoted = try modelNames(
            "Итоги конкурса \"Русский язык в Зорбексе – новые горизонты\" подвели вчера.", ["зорбексе": .beginPlace])
        #expect(!quoted.contains { $0.kind == .place }, "\(quoted.map(\.text))")
        let plain = try modelNames("Делегация прибыла в Зорбекс вчера вечером.", ["зорбекс": .beginPlace])
        #expect(plain.contains { $0.kind == .place && $0.text == "Зорбекс" })
    }

    @Test("what the rest of the document says: the word written in lower case, or capitalized inside a sentence")
    func elsewhere() throws {
        let text = "Беспокойство растет. Жители выразили беспокойство. Асанбеков прибыл. Встретил Асанбекова мэр."
        let doc = try Pipeline.standard(.forTests).process(Document(text: text))
        let (tokens, _) = TaggerInput.tokens(doc, glossaries: .forTests)
        let first = try #require(tokens.first { $0.text == "Беспокойство" })
        #expect(first.elsewhere.contains(.lowerCase) && !first.elsewhere.contains(.capitalizedInside))
        let surname = try #require(tokens.first { $0.text == "Асанбеков" })
        #expect(surname.elsewhere == [.capitalizedInside])
    }
}
