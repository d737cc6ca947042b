import Jarya
import Testing

/// A body named inside a role phrase: a sub-unit whose head speaks (`начальник Службы …`) is
/// not reported, an institution (`директор Института …`) and a body named by its staff
/// (`… башкармалыгынын мугалимдери`) are.
@Suite("Organizations: inside role phrases")
struct OrganizationRolePhraseTests {
    @Test(
        "an institution after its head's role, a Kyrgyz body named by its staff in the plural, and the bodies the glossary lists",
        arguments: [
            // An institution after its head's role.
            (
                "Директор ⟦Института коммуникаций и высоких технологий⟧ Виталий Коваленко рассказал о связи.",
                "Институт коммуникаций и высоких технологий"
            ),
            (
                "Ректор ⟦Кыргызского национального университета⟧ выступил на открытии конференции.",
                "Кыргызский национальный университет"
            ),
            // A Kyrgyz body before its staff in the plural.
            (
                "Кечеде ⟦Ош шаардык билим берүү башкармалыгынын⟧ мугалимдеринин концерти болот.",
                "Ош шаардык билим берүү башкармалыгы"
            ),
            (
                "Сынакка ⟦Талас облустук саламаттыкты сактоо башкармалыгынын⟧ кызматкерлери катышты.",
                "Талас облустук саламаттыкты сактоо башкармалыгы"
            ),
            // The national guard and a city's police department (`ГУВД`) by their names.
            (
                "Соревнования прошли в части ⟦Национальной Гвардии Вооруженных Сил⟧ в Бишкеке.",
                "Национальная гвардия Вооруженных Сил"
            ),
            (
                "Горожан просят обращаться в ⟦ГУВД⟧ столицы при малейшем подозрении.",
                "Главное управление внутренних дел"
            ),
        ])
    func named(_ marked: String, _ name: String) throws {
        let m = MarkedText(marked)
        let found = try organizations(in: m.text)
        #expect(found.map(\.text) == m.marked)
        #expect(found.map(\.name) == [name])
    }

    @Test(
        "a sub-unit before or after its head's role in the singular is not reported",
        arguments: [
            "Начальник Службы патрульной милиции Бакыт Асанов выступил.",
            "Руководитель Отдела культуры Айгуль Токтосунова открыла выставку.",
            "Ош шаардык билим берүү башкармалыгынын башчысы Азамат Усенов сүйлөдү.",
        ])
    func subUnit(_ text: String) throws {
        #expect(try organizations(in: text).isEmpty)
    }

    @Test("an accusative before `жана` ends a Kyrgyz name: the parliament alone, not the president with it")
    func accusativeBeforeAnd() throws {
        let text = "Шайлоочулар Кыргыз Республикасынын Президентин жана Жогорку Кеңешинин депутаттарын шайлашат."
        let found = try organizations(in: text)
        #expect(found.map(\.name) == ["Жогорку Кеңеш"])
        #expect(found.map(\.text) == ["Жогорку Кеңешинин"])
    }
}
