@testable import Jarya
import Testing

/// Spans the tagger reads as persons that are adjectives before their noun, bodies named by an
/// acronym, or a sentence adverb joined to a name; and a given name alone that stands for the
/// tagger's own full name earlier in the text.
@Suite("Name tagger: what a person's span looks like")
struct TaggerPersonShapeTests {
    @Test(
        "an -ский adjective agrees with the noun after it; a surname's verb does not",
        arguments: [
            ("химкинского", "леса", true), ("женевской", "конвенции", true), ("московскому", "времени", true),
            ("боденским", "озером", true), ("исторический", "государственный", true), ("кузнецкая", "улица", true),
            ("жуковского", "назначили", false), ("вишневский", "сказал", false), ("вишневская", "пела", false),
            ("ковальской", "удалось", false), ("достоевского", "роман", false), ("вишневский", "и", false),
            ("петров", "леса", false),
        ])
    func agreement(_ word: String, _ next: String, _ agrees: Bool) {
        #expect(RussianAgreement.adjectiveAgrees(word, with: next) == agrees)
    }

    @Test(
        "a lone -ский word before its noun is no person, though the tagger reads it as one",
        arguments: [
            ("Движение в защиту Химкинского леса провело митинг в субботу. Активисты собрали подписи.", "химкинского"),
            (
                "Пленные находятся под защитой Женевской конвенции, сказал юрист. Суд рассмотрит дело в мае.",
                "женевской"
            ),
            ("Самолет упал над Боденским озером в 2002 году. Погибли все пассажиры и экипаж.", "боденским"),
        ])
    func adjective(_ text: String, _ word: String) throws {
        let found = try taggerPersons(text, [word: .beginPerson])
        #expect(found.isEmpty, "\(found)")
    }

    @Test(
        "a lone -ский surname before its verb or a capital stays a person",
        arguments: [
            ("На заседании выступил Вишневский. Вишневский сказал, что решение примут в мае.", "вишневский"),
            ("Приказом министра Жуковского назначили директором музея. Он приступит к работе в мае.", "жуковского"),
        ])
    func surname(_ text: String, _ word: String) throws {
        let found = try taggerPersons(text, [word: .beginPerson])
        #expect(!found.isEmpty, "\(found)")
    }

    @Test(
        "a name with an acronym of two or three capitals, a sentence adverb or `День` in it is no person",
        arguments: [
            (
                "Президент подпишет договоры о строительстве АЭЦ Белене в Болгарии. Сделку обсуждали три года.",
                ["аэц": NameLabel.beginPerson, "белене": .insidePerson]
            ),
            (
                "Ранее СМИ сообщали о переговорах в Москве. Стороны пока не подтвердили сделку.",
                ["ранее": NameLabel.beginPerson, "сми": .insidePerson]
            ),
            (
                "Ко Дню Победы в городе отремонтируют памятники. Работы закончат в начале мая.",
                ["дню": NameLabel.beginPerson, "победы": .insidePerson]
            ),
        ] as [(String, [String: NameLabel])])
    func acronymOrAdverb(_ text: String, _ words: [String: NameLabel]) throws {
        let found = try taggerPersons(text, words)
        #expect(found.isEmpty, "\(found)")
    }

    @Test("initials and a surname in capitals stay a person")
    func initialsInCapitals() throws {
        let text = "Отчет подписал КОВАЛЕНКО Виталий в пятницу. Документ направлен в министерство и мэрию."
        let found = try taggerPersons(text, ["коваленко": .beginPerson, "виталий": .insidePerson])
        #expect(!found.isEmpty, "\(found)")
    }

    @Test("a one-word mention takes the tagger's full name found earlier in the text")
    func fullNameEarlier() throws {
        let text =
            "Выставку открыл художник Лонгин Клинский в галерее на Тверской. Гостям Лонгин показал двадцать новых картин."
        let found = try taggerPersons(text, ["лонгин": .beginPerson, "клинский": .insidePerson])
        #expect(found["Лонгин"] == "Лонгин Клинский", "\(found)")
    }
}
