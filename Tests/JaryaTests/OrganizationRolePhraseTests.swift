import Jarya
import Testing

/// A body named inside a role phrase: a sub-unit whose head speaks (`начальник Службы …`) is
/// not reported, an institution (`директор Института …`) and a body named by its staff
/// (`… башкармалыгынын мугалимдери`) are.
@Suite("Organizations: inside role phrases")
struct OrganizationRolePhraseTests {
    @Test(
        "an institution after its head's role is a name",
        arguments: [
            (
                "Директор ⟦Института коммуникаций и высоких технологий⟧ Виталий Коваленко рассказал о связи.",
                "Институт коммуникаций и высоких технологий"
            ),
            (
                "Ректор ⟦Кыргызского национального университета⟧ выступил на открытии конференции.",
                "Кыргызский национальный университет"
            ),
        ])
    func russianInstitution(_ marked: String, _ name: String) throws {
        let m = MarkedText(marked)
        let found = try organizations(in: m.text)
        #expect(found.map(\.text) == m.marked)
        #expect(found.map(\.name) == [name])
    }

    @Test("a sub-unit after its head's role is not reported")
    func russianSubUnit() throws {
        #expect(try organizations(in: "Начальник Службы патрульной милиции Бакыт Асанов выступил.").isEmpty)
        #expect(try organizations(in: "Руководитель Отдела культуры Айгуль Токтосунова открыла выставку.").isEmpty)
    }

    @Test(
        "a Kyrgyz body named by its staff in the plural is a name",
        arguments: [
            (
                "Кечеде ⟦Ош шаардык билим берүү башкармалыгынын⟧ мугалимдеринин концерти болот.",
                "Ош шаардык билим берүү башкармалыгы"
            ),
            (
                "Сынакка ⟦Талас облустук саламаттыкты сактоо башкармалыгынын⟧ кызматкерлери катышты.",
                "Талас облустук саламаттыкты сактоо башкармалыгы"
            ),
        ])
    func kyrgyzStaff(_ marked: String, _ name: String) throws {
        let m = MarkedText(marked)
        let found = try organizations(in: m.text)
        #expect(found.map(\.text) == m.marked)
        #expect(found.map(\.name) == [name])
    }

    @Test("a Kyrgyz sub-unit before its head's role in the singular is not reported")
    func kyrgyzSubUnit() throws {
        #expect(try organizations(in: "Ош шаардык билим берүү башкармалыгынын башчысы Азамат Усенов сүйлөдү.").isEmpty)
    }

    @Test("an accusative before `жана` ends a Kyrgyz name: the parliament alone, not the president with it")
    func accusativeBeforeAnd() throws {
        let text = "Шайлоочулар Кыргыз Республикасынын Президентин жана Жогорку Кеңешинин депутаттарын шайлашат."
        let found = try organizations(in: text)
        #expect(found.map(\.name) == ["Жогорку Кеңеш"])
        #expect(found.map(\.text) == ["Жогорку Кеңешинин"])
    }

    @Test(
        "the national guard and a city's police department (`ГУВД`) by their names",
        arguments: [
            (
                "Соревнования прошли в части ⟦Национальной Гвардии Вооруженных Сил⟧ в Бишкеке.",
                "Национальная гвардия Вооруженных Сил"
            ),
            (
                "Горожан просят обращаться в ⟦ГУВД⟧ столицы при малейшем подозрении.",
                "Главное управление внутренних дел"
            ),
        ])
    func glossaryBodies(_ marked: String, _ name: String) throws {
        let m = MarkedText(marked)
        let found = try organizations(in: m.text)
        #expect(found.map(\.text) == m.marked)
        #expect(found.map(\.name) == [name])
    }
}
