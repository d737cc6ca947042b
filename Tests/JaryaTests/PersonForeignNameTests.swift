import Jarya
import Testing

/// Persons by given names the glossary lists: Georgian, Chechen, Arabic and Western names the
/// tagger met in news, and a Kyrgyz one that is also a village's name; in the nominative, with a
/// capital kept after an apostrophe.
@Suite("Persons: foreign given names")
struct PersonForeignNameTests {
    @Test(
        "a listed foreign given name and a surname are a person, in the nominative",
        arguments: [
            (
                "Оппозицию на переговорах представлял ⟦Шалва Нателашвили⟧, сообщили в Тбилиси.",
                "Шалва Нателашвили"
            ),
            ("По мнению ⟦Акакия Нишнианидзе⟧, страна готова к реформе.", "Акакий Нишнианидзе"),
            ("Журналисты встретились с ⟦Рамзаном Кадыровым⟧ во вторник вечером.", "Рамзан Кадыров"),
            ("Переговоры от палестинцев вел ⟦Саеб Эрекат⟧ в Каире.", "Саеб Эрекат"),
            ("Телеведущий ⟦Фил О’Рейли⟧ раскритиковал решение суда.", "Фил О’Рейли"),
            ("Концерт открыло выступление ⟦Саяна Исина⟧ из Алматы.", "Саян Исин"),
        ])
    func foreign(_ marked: String, _ name: String) throws {
        try expectPersons(marked, [ExpectedPerson(name)])
    }

    @Test("a Kyrgyz given name that is also a village's name: the poet, not the village")
    func givenNameOfAPlace() throws {
        try expectPersons(
            "Айтыш ⟦Барпы Алыкуловдун⟧ 140 жылдыгына арналды.", [ExpectedPerson("Барпы Алыкулов")])
    }

    @Test("a given name that is also a common word stays a word: no person from `Фил` in lower case")
    func notAName() throws {
        try expectPersons("Биолог описал новый вид и подробный фил его ветви в статье.", [])
    }
}
