import Jarya
import Testing

/// Lists of officials as pages print them: surname first, a dash, the role.
@Suite("Persons: list entries")
struct PersonListTests {
    func people(_ text: String) throws -> [(String, String, String?)] {
        try entities(.person, in: text).compactMap {
            guard case .person(let name, let role) = $0.value else { return nil }
            return ($0.text, name, role)
        }
    }

    @Test("Russian: surname first, a dash or the role word, then the role to the entry's end")
    func russian() throws {
        let found = try people(
            "Участники:\nАсанов Марат - заместитель главы администрации района;\nСыдыкова Айнура – главный специалист отдела образования;\nИманкулов Азамат директор профессионального лицея № 18;"
        )
        #expect(found.map(\.0) == ["Асанов Марат", "Сыдыкова Айнура", "Иманкулов Азамат"])
        #expect(found.map(\.1) == ["Марат Асанов", "Айнура Сыдыкова", "Азамат Иманкулов"])
        #expect(
            found.map(\.2) == [
                "заместитель главы администрации района", "главный специалист отдела образования",
                "директор профессионального лицея № 18",
            ])
    }

    @Test("Kyrgyz: the role ends in its head word before the entry's end")
    func kyrgyz() throws {
        let found = try people(
            "Катышуучулар:\nАсанов Марат - район акимиятынын башчысынын орун басары;\nСыдыкова Айнура - мектептин директору."
        )
        #expect(found.map(\.1) == ["Марат Асанов", "Айнура Сыдыкова"])
        #expect(found.map(\.2) == ["район акимиятынын башчысынын орун басары", "мектептин директору"])
    }

    @Test(
        "surname and given name without a list or a role are not read as a person",
        arguments: [
            "Асанов Марат отметил, что работы завершатся в мае.",
            "Асанов Марат - жакшы спортчу жана досубуз.",
        ])
    func noListEntry(_ text: String) throws {
        // The rules' reading; the trained tagger may still see a person in running Russian text.
        #expect(try entities(.person, in: text).filter { $0.origin != .model }.isEmpty)
    }

    @Test(
        "a photo credit glued to the caption after it ends at the surname",
        arguments: [
            ("Сүрөт: ⟦Султан Досалиев⟧Кыргызстандын курама командасы жеңишке жетти.", "Султан Досалиев"),
            ("Фото: ⟦Табылды Кадырбеков⟧Товарищеский матч прошел в Бишкеке.", "Табылды Кадырбеков"),
        ])
    func gluedCredit(_ marked: String, _ name: String) throws {
        let m = MarkedText(marked)
        let found = try entities(.person, in: m.text)
        #expect(found.map(\.span) == m.spans)
        #expect(try people(m.text).map(\.1) == [name])
    }

    @Test(
        "a capital inside a name that is no glued word stays",
        arguments: ["Доклад сделал Азамат МакКлейн из Оша.", "Долбоорду Айбек МакДоналд жетектейт."])
    func innerCapital(_ text: String) throws {
        let found = try people(text).map(\.0)
        #expect(
            found.count == 1 && found.allSatisfy { $0.hasPrefix("Азамат Мак") || $0.hasPrefix("Айбек Мак") }
                && found.allSatisfy { $0.unicodeScalars.count > 12 }, "found \(found)")
    }
}
