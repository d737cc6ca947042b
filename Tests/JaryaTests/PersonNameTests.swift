@testable import Jarya
import Testing

/// Names in the nominative, as archivists search them (issue 15): surnames read in the case of
/// the given name beside them, indeclinable surnames left alone, organization adjectives kept.
@Suite("Names in the nominative")
struct PersonNameTests {
    @Test(
        "a given name's ending tells its case",
        arguments: [
            ("Степана", "степан", false, PersonName.Case.genitive), ("Степану", "степан", false, .dative),
            ("Степаном", "степан", false, .instrumental), ("Андрею", "андрей", false, .dative),
            ("Сергеем", "сергей", false, .instrumental),
            ("Анны", "анна", true, .genitive), ("Анной", "анна", true, .instrumental),
            ("Анну", "анна", true, .accusative),
            ("Марией", "мария", true, .instrumental), ("Ольга", "ольга", true, .nominative),
        ])
    func caseOfGivenName(_ surface: String, _ nominative: String, _ female: Bool, _ expected: PersonName.Case) {
        #expect(PersonName.caseOf(given: surface, nominative: nominative, female: female) == expected)
    }

    @Test(
        "Russian surnames back in the nominative, by the given name's case and sex",
        arguments: [
            // -а/-ы/-ой: `Бандера`.
            ("Бандеры", PersonName.Case.genitive, false, "Бандера"), ("Бандере", .dative, false, "Бандера"),
            ("Бандерой", .instrumental, false, "Бандера"),
            // -ов/-ова/-ову/-овым.
            ("Громова", .genitive, false, "Громов"), ("Громову", .dative, false, "Громов"),
            ("Громовым", .instrumental, false, "Громов"),
            ("Громове", .prepositional, false, "Громов"), ("Петровой", .genitive, true, "Петрова"),
            ("Петрову", .accusative, true, "Петрова"),
            // -ский/-ского.
            ("Лавровского", .genitive, false, "Лавровский"), ("Лавровскому", .dative, false, "Лавровский"),
            ("Лавровским", .instrumental, false, "Лавровский"),
            ("Лавровской", .genitive, true, "Лавровская"), ("Лавровскую", .accusative, true, "Лавровская"),
            // -цкий/-цкая; -ину and -ыну by sex: `Ильину` is his dative or her accusative.
            ("Высоцкого", .genitive, false, "Высоцкий"), ("Высоцком", .prepositional, false, "Высоцкий"),
            ("Высоцкую", .accusative, true, "Высоцкая"), ("Ильину", .dative, false, "Ильин"),
            ("Ильину", .accusative, true, "Ильина"), ("Кадыраалыну", .dative, false, "Кадыраалын"),
            // A consonant stem: `Шевчука` → `Шевчук`; -ай: `Гайдая` → `Гайдай`.
            ("Шевчука", .genitive, false, "Шевчук"), ("Шевчуку", .dative, false, "Шевчук"),
            ("Шевчуком", .instrumental, false, "Шевчук"),
            ("Гайдая", .genitive, false, "Гайдай"),
            // Indeclinable: -ко, -их, -ых; and a woman's consonant-final surname.
            ("Шевченко", .genitive, false, "Шевченко"), ("Черных", .dative, false, "Черных"),
            ("Долгих", .instrumental, true, "Долгих"),
            ("Шевчук", .genitive, true, "Шевчук"),
            // The prepositional -е is `Бандере` or `Шевчуке`: left as written.
            ("Шевчуке", .prepositional, false, "Шевчуке"),
        ])
    func surname(_ oblique: String, _ grammaticalCase: PersonName.Case, _ female: Bool, _ nominative: String) {
        #expect(PersonName.nominativeSurname(oblique, case: grammaticalCase, female: female) == nominative)
    }

    @Test(
        "with no given name to tell the case, only endings of one reading change",
        arguments: [
            ("Громовым", "Громов"), ("Лавровского", "Лавровский"), ("Кузнецовой", "Кузнецова"), ("Бандеры", "Бандеры"),
            ("Громова", "Громова"),
        ])
    func surnameAlone(_ oblique: String, _ expected: String) {
        #expect(PersonName.nominativeSurname(oblique, case: nil, female: nil) == expected)
    }

    @Test(
        "with the sex known but not the case, -ову and -еву are a man's dative or a woman's accusative",
        arguments: [
            ("Громову", false, "Громов"), ("Громову", true, "Громова"), ("Токаеву", false, "Токаев"),
            ("Исаеву", true, "Исаева"), ("Ильину", false, "Ильину"), ("Шевченко", true, "Шевченко"),
        ])
    func surnameBySex(_ oblique: String, _ female: Bool, _ expected: String) {
        #expect(PersonName.nominativeSurname(oblique, case: nil, female: female) == expected)
    }

    @Test(
        "in text: Russian persons in oblique cases come back in the nominative",
        arguments: [
            ("Книгу ⟦Степана Бандеры⟧ переиздали во Львове.", "Степан Бандера"),
            ("Письмо передали ⟦Степану Бандере⟧ лично.", "Степан Бандера"),
            ("Встреча с ⟦Сергеем Лавровским⟧ прошла в Бишкеке.", "Сергей Лавровский"),
            ("Выставку ⟦Андрея Шевчука⟧ открыли в Оше.", "Андрей Шевчук"),
            ("Концерт ⟦Анны Долгих⟧ перенесли.", "Анна Долгих"),
            ("Слово дали ⟦Игорю Шевченко⟧ из Нарына.", "Игорь Шевченко"),
            ("Грамоту вручили ⟦Марии Лавровской⟧ в мэрии.", "Мария Лавровская"),
        ])
    func russianInText(_ marked: String, _ name: String) throws {
        try expectName(marked, name)
    }

    @Test(
        "in text: a woman's given name in -е is her -а name, and a foreign name's letters are no Kyrgyz suffix",
        arguments: [
            ("Премию вручили ⟦Марине Ивановой⟧ в Москве.", "Марина Иванова"),
            ("Цветы подарили ⟦Кристине Петровой⟧ после концерта.", "Кристина Петрова"),
            // `-тон` is a Kyrgyz ablative only after a back rounded vowel: `Клин` would take `-ден`.
            ("В Пекин прилетела ⟦Хиллари Клинтон⟧ вчера.", "Хиллари Клинтон"),
            ("С речью выступил ⟦Марин Клинтон⟧ вчера.", "Марин Клинтон"),
        ])
    func foreignAndFeminineInText(_ marked: String, _ name: String) throws {
        try expectName(marked, name)
    }

    @Test(
        "patronymics come back in the nominative; other words are no patronymic",
        arguments: [
            ("Сергеевне", "Сергеевна"), ("Марковны", "Марковна"), ("Ивановной", "Ивановна"),
            ("Ильиничной", "Ильинична"),
            ("Петровичу", "Петрович"), ("Николаевичем", "Николаевич"), ("Саввича", "Саввич"),
        ])
    func patronymic(_ oblique: String, _ nominative: String) {
        #expect(PersonName.nominativePatronymic(oblique) == nominative)
    }

    @Test(
        "a nominative patronymic, a surname, a given name: no patronymic form",
        arguments: ["Сергеевна", "Петрович", "Иванова", "Марина"])
    func notPatronymic(_ word: String) {
        #expect(PersonName.nominativePatronymic(word) == nil)
    }

    @Test(
        "in text: given name and patronymic in an oblique case come back in the nominative",
        arguments: [
            ("Грамоту вручили ⟦Анне Сергеевне⟧ в мэрии.", "Анна Сергеевна"),
            // `Вдова` is no surname: a woman's would be `Вдовой` before her genitive name.
            ("Вдова ⟦Людмилы Марковны⟧ приехала на открытие памятника.", "Людмила Марковна"),
        ])
    func givenAndPatronymic(_ marked: String, _ name: String) throws {
        try expectName(marked, name)
    }

    @Test(
        "in text: Kyrgyz case suffixes on a surname come off",
        arguments: [
            ("Жыйынды ⟦Азамат Жапаровдун⟧ сунушу менен өткөрүштү.", "Азамат Жапаров"),
            ("Сыйлыкты ⟦Гүлнара Асановага⟧ тапшырышты.", "Гүлнара Асанова"),
            ("Китепти ⟦Нурлан Токтогуловго⟧ беришти.", "Нурлан Токтогулов"),
            ("Маалыматты ⟦Марат Бекиевден⟧ алдык.", "Марат Бекиев"),
        ])
    func kyrgyzInText(_ marked: String, _ name: String) throws {
        try expectName(marked, name)
    }

    /// The one person of a marked sentence, found where marked and named `name`.
    func expectName(_ marked: String, _ name: String) throws {
        let m = MarkedText(marked)
        let doc = try Pipeline.standard(.forTests).process(Document(text: m.text))
        let persons = doc.entities.filter { $0.kind == .person }
        #expect(persons.map(\.span) == m.spans, "\(persons.map(\.text))")
        guard case .person(let found, _)? = persons.first?.value else { Issue.record("no person in \(m.text)"); return }
        #expect(found == name)
    }

    @Test(
        "organization adjectives: a stressed -ой stays, oblique forms come back",
        arguments: [
            ("областной", OrganizationRules.Gender.masculine, "областной"), ("областного", .masculine, "областной"),
            ("Львовский", .masculine, "Львовский"), ("Городского", .masculine, "Городской"),
            ("Ошского", .masculine, "Ошский"),
            ("Национальной", .feminine, "Национальная"), ("Всемирного", .masculine, "Всемирный"),
        ])
    func organizationAdjective(_ word: String, _ gender: OrganizationRules.Gender, _ expected: String) {
        #expect(OrganizationRules.nominativeAdjective(word, gender: gender, capitalize: false) == expected)
    }
}
