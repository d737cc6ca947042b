import Jarya
import Testing

/// An expected person: "Given Surname" in the nominative, and the role phrase or nil.
struct ExpectedPerson: Equatable, CustomStringConvertible {
    let name: String
    let role: String?

    init(_ name: String, _ role: String? = nil) {
        self.name = name
        self.role = role
    }

    var description: String { role.map { "\(name) / \($0)" } ?? name }
}

/// Checks the persons of a marked sentence against their expected values.
func expectPersons(_ marked: String, _ expected: [ExpectedPerson], sourceLocation: SourceLocation = #_sourceLocation)
    throws
{
    try expectEntities(
        .person, marked, expected,
        value: { v in
            guard case .person(let name, let role) = v else { return nil }
            return ExpectedPerson(name, role)
        }, sourceLocation: sourceLocation)
}

@Suite("Persons")
struct PersonRecognizerTests {
    @Test(
        "Kyrgyz: given name and surname, a surname in capitals, уулу/кызы; the role before the name",
        arguments: [
            (
                "Долбоордун жетекчиси ⟦Бекболот БЕКИЕВ⟧ маалымат берди.",
                [ExpectedPerson("Бекболот Бекиев", "Долбоордун жетекчиси")]
            ),
            (
                "Жыйынды министрдин орун басары ⟦Нурлан Асанов⟧ ачты.",
                [ExpectedPerson("Нурлан Асанов", "министрдин орун басары")]
            ),
            ("Эксперт ⟦Гүлнара Асанова⟧ тренинг өткөрдү.", [ExpectedPerson("Гүлнара Асанова", "Эксперт")]),
            ("Тренингди ⟦Айгерим Талант кызы⟧ өткөрдү.", [ExpectedPerson("Айгерим Талант кызы")]),
            (
                "Сынакты ⟦Эрмек Сапар уулу⟧ жана ⟦Азамат ТОКТОГУЛОВ⟧ ачышты.",
                [ExpectedPerson("Эрмек Сапар уулу"), ExpectedPerson("Азамат Токтогулов")]
            ),
        ])
    func kyrgyz(_ marked: String, _ expected: [ExpectedPerson]) throws {
        try expectPersons(marked, expected)
    }

    @Test(
        "Russian: given name and surname in any case, initials, surname first; the role before or after",
        arguments: [
            (
                "Как отметила руководитель проекта ⟦Марина Кузнецова⟧, работа продолжится.",
                [ExpectedPerson("Марина Кузнецова", "руководитель проекта")]
            ),
            (
                "По словам руководителя проекта ⟦Марины Кузнецовой⟧, работа продолжится.",
                [ExpectedPerson("Марина Кузнецова", "руководитель проекта")]
            ),
            (
                "⟦Асанов Талант Маратович⟧, председатель правления, открыл собрание и представил отчет.",
                [ExpectedPerson("Талант Асанов", "председатель правления")]
            ),
            (
                "⟦Жумалиев Нурлан Асанович⟧, заместитель мэра, выступил на встрече.",
                [ExpectedPerson("Нурлан Жумалиев", "заместитель мэра")]
            ),
            ("Приказ о назначении подписал ректор ⟦А.Т. Мамытов⟧.", [ExpectedPerson("А.Т. Мамытов", "ректор")]),
            ("С докладом на заседании выступил ⟦К. Джумагулов⟧.", [ExpectedPerson("К. Джумагулов")]),
            ("Отчет о работе за год представила ⟦С.Н.Жапарова⟧.", [ExpectedPerson("С.Н. Жапарова")]),
            (
                "Дело рассмотрел судья ⟦Турдубаев К.Б.⟧ в открытом заседании.",
                [ExpectedPerson("К.Б. Турдубаев", "судья")]
            ),
            (
                "Глава района встретился с ⟦Бактыбеком Алайчиевым⟧ и обсудил планы.",
                [ExpectedPerson("Бактыбек Алайчиев")]
            ),
        ])
    func russian(_ marked: String, _ expected: [ExpectedPerson]) throws {
        try expectPersons(marked, expected)
    }

    @Test("Russian: an inflected surname first, then the given name: `с Алайчиевым Бактыбеком`")
    func inflectedSurnameFirst() throws {
        do {
            try expectPersons(
                "Глава района встретился с ⟦Алайчиевым Бактыбеком⟧ и обсудил планы.",
                [ExpectedPerson("Бактыбек Алайчиев")])
        }
    }

    @Test("Kyrgyz: the role after the name, between commas: `NAME, долбоордун координатору,`")
    func kyrgyzRoleAfter() throws {
        do {
            try expectPersons(
                "⟦Бермет ТАШТАНБЕКОВА⟧, долбоордун координатору, маалымат берди.",
                [ExpectedPerson("Бермет Таштанбекова", "долбоордун координатору")])
        }
    }

    @Test(
        "not persons: eponyms, streets, a given name alone",
        arguments: [
            "Сынак Токтогул атындагы мектепте өттү.",
            "Сынак Токтогул Сатылганов атындагы мектепте өттү.",
            "Стипендия имени Суюмбаева вручена лучшим студентам.",
            "Семинар прошел в КГТУ им. И. Раззакова.",
            "Наш офис расположен по адресу: ул. Фрунзе, 12.",
            "Конференция пройдет по адресу пр. Ч. Айтматова, 66.",
            "Жыйынга Бактыгүл да катышты.",
            "Айгерим жана Нурлан сынакта жеңишке жетишти.",
            "Победителем конкурса стала Алина из Токмока.",
            // A unit after a number, not an initial: `10 G.` before the next sentence.
            "Перегрузки достигали 10 G. Из-за ошибки капсула отклонилась от курса.",
        ])
    func negatives(_ text: String) throws {
        let found = try recognize(text, with: Recognizers.standard(.forTests)).entities.filter { $0.kind == .person }
        #expect(found.isEmpty, "found \(found.map(\.text))")
    }
}
