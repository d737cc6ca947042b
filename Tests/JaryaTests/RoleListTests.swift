import Jarya
import Testing

/// Roles in lists of officials as real pages write them (issue 11): each role belongs to the
/// name after it, a role before a name stops at the list's previous person, a Russian role keeps
/// the commas of its complement, and the noun that governs a role (`с участием`, `под
/// руководством`) is not part of it. The sentences are written for these tests.
@Suite("Persons: roles in lists")
struct RoleListTests {
    func roles(_ text: String) throws -> [String: String?] {
        var found: [String: String?] = [:]
        for e in try entities(.person, in: text) {
            if case .person(let name, let role) = e.value { found[name] = role }
        }
        return found
    }

    @Test("Kyrgyz: a role before a name stops at the list's previous person")
    func kyrgyzList() throws {
        let found = try roles(
            "Иш-чарага шаар башчысы Кубанычбек Кулматов, вице-мэр Бакыт Дүйшөмбиев жана район акими Тилек Матраимов катышты."
        )
        #expect(found["Бакыт Дүйшөмбиев"] == "вице-мэр")
        #expect(found["Тилек Матраимов"] == "район акими")
    }

    @Test("Kyrgyz: a plural role before a list gives each name the singular; a plural after a name is no role")
    func kyrgyzPluralRole() throws {
        let found = try roles(
            """
            Ишембиликке шаар башчысы Кубанычбек Кулматов, вице-мэрлер Бакыт Дүйшөмбиев, Айгүл Рыскулова, аппарат \
            кызматкерлери катышты. Мурдагы мэрлер Албек Ибраимов жана Иса Өмүркулов да келишти.
            """)
        #expect(found["Кубанычбек Кулматов"] == "шаар башчысы")
        #expect(found["Бакыт Дүйшөмбиев"] == "вице-мэр")
        #expect(found["Айгүл Рыскулова"] == "вице-мэр")
        #expect(found.first { $0.key.hasPrefix("Албек") }?.value == "Мурдагы мэр")
        #expect(found.first { $0.key.hasPrefix("Иса") }?.value == "Мурдагы мэр")
    }

    @Test("Kyrgyz: a genitive chain with a comma before the role is kept")
    func kyrgyzChain() throws {
        let found = try roles(
            "Жыйынды Кыргыз Республикасынын Маданият, маалымат жана туризм министри Азамат Жаманкулов ачты.")
        #expect(found["Азамат Жаманкулов"]??.contains("маалымат жана туризм министри") == true)
    }

    @Test("Russian: each role before its name, commas of the complement included")
    func russianList() throws {
        let found = try roles(
            "В акции участвовали мэр Айбек Джунушалиев, министр природных ресурсов, экологии и технического надзора Медербек Машиев и депутаты."
        )
        #expect(found["Айбек Джунушалиев"] == "мэр")
        #expect(found["Медербек Машиев"] == "министр природных ресурсов, экологии и технического надзора")
    }

    @Test("Russian: an adjective of the complement is no role word; a role after a dash may start with one")
    func russianAdjectives() throws {
        let before = try roles(
            "Об этом сообщил министр по делам местного самоуправления и регионального развития Толобек Омуралиев.")
        #expect(before["Толобек Омуралиев"] == "министр по делам местного самоуправления и регионального развития")
        let after = try roles("Сыдыкова Айнура - главный специалист мэрии города Ош; тел. 0555 123 456")
        #expect(after.first { $0.key.contains("Сыдыкова") }?.value?.hasPrefix("главный специалист") == true)
    }

    @Test("Russian: a comma after a clause with a verb is not crossed")
    func russianClause() throws {
        let found = try roles("Министр поблагодарил участников, Асель Токтогулова отметила важность проекта.")
        #expect((found["Асель Токтогулова"] ?? nil) == nil)
    }

    @Test(
        "the noun governing the role is left out",
        arguments: [
            ("Субботник прошел под руководством мэра столицы Азиза Суракматова.", "Суракматов", "мэр столицы"),
            ("Встреча прошла с участием мэра Айбека Джунушалиева.", "Джунушалиев", "мэр"),
        ])
    func governingNoun(_ text: String, _ surname: String, _ role: String) throws {
        #expect(try roles(text).first { $0.key.contains(surname) }?.value == role)
    }

    @Test("Kyrgyz: a comma that follows no person's name is crossed")
    func kyrgyzNotCut() throws {
        let found = try roles("Жыйынга мэриянын өкүлү, мэрдин орун басары Бакыт Дүйшөмбиев катышты.")
        #expect(found["Бакыт Дүйшөмбиев"]??.hasSuffix("мэрдин орун басары") == true)
    }
}
