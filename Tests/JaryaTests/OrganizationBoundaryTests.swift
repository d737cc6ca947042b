import Jarya
import Testing

/// Where an organization's name starts and ends on real pages: straight quotes, media acronyms
/// in quotes, and Russian names that ran on over the next clause.
@Suite("Organizations: boundaries")
struct OrganizationBoundaryTests {
    @Test(
        "Russian names end before a proper name's comma, a relative word or an adverb",
        arguments: [
            (
                "Концерт прошел в ⟦Кыргызской государственной филармонии⟧, куда пришли сотни зрителей.",
                ["Кыргызской государственной филармонии"]
            ),
            (
                "По данным ⟦Министерства образования Кыргызстана⟧, выпускники сдадут тест в мае.",
                ["Министерства образования Кыргызстана"]
            ),
            ("Делегация ⟦Посольства Российской Федерации⟧ посетила Ош.", ["Посольства Российской Федерации"]),
            (
                "Заседание ⟦Министерства труда, социального обеспечения и миграции⟧ прошло в среду.",
                ["Министерства труда, социального обеспечения и миграции"]
            ),
        ])
    func russianEnds(_ marked: String, _ texts: [String]) throws {
        let m = MarkedText(marked)
        #expect(try organizations(in: m.text).map(\.text) == texts)
    }

    @Test(
        "a Kyrgyz plural possessive ends the name on its left",
        arguments: [
            (
                "Бишкек шаарынын борбордук көчөлөрү ⟦Кыргызстандын Ички иштер министрлигинин⟧ буйругу менен жабылды.",
                ["Кыргызстандын Ички иштер министрлигинин"]
            ),
            (
                "Айыл тургундары ⟦Эмгек жана социалдык өнүктүрүү министрлигине⟧ кайрылышты.",
                ["Эмгек жана социалдык өнүктүрүү министрлигине"]
            ),
        ])
    func kyrgyzPlural(_ marked: String, _ texts: [String]) throws {
        #expect(try organizations(in: MarkedText(marked).text).map(\.text) == texts)
    }

    @Test(
        "a Kyrgyz name starts after the person before it, and no glossary name runs across a sentence's dot",
        arguments: [
            (
                "Бул тууралуу Айдай Асангулова ⟦Sputnik Кыргызстан радиосунун⟧ эфиринде билдирди.",
                ["Sputnik Кыргызстан радиосунун"]
            ),
            (
                "Анда төрага Адылбек Касымалиев ⟦Япониянын Кыргызстандагы элчилигине⟧ барды.",
                ["Япониянын Кыргызстандагы элчилигине"]
            ),
            (
                "БИШКЕК, 12-сен. — ⟦Sputnik⟧. Кыргызстандын борбордук көчөлөрүндө тазалоо иштери жүрдү.",
                ["Sputnik"]
            ),
            // A place's genitive opening the sentence is part of the body's name.
            (
                "БИШКЕК, 12-сен. — ⟦Sputnik⟧. ⟦Кыргызстандын Улуттук китепканасынын⟧ тегерегинде ишембилик өттү.",
                ["Sputnik", "Кыргызстандын Улуттук китепканасынын"]
            ),
        ])
    func kyrgyzStartsAfterPerson(_ marked: String, _ texts: [String]) throws {
        #expect(try organizations(in: MarkedText(marked).text).map(\.text) == texts)
    }

    @Test("a surname before `атындагы` is the body's eponym, inside its name")
    func kyrgyzEponym() throws {
        let text = "Концерт Токтогул Сатылганов атындагы Кыргыз улуттук филармониясынын залында өттү."
        #expect(
            try organizations(in: text).map(\.text) == ["Токтогул Сатылганов атындагы Кыргыз улуттук филармониясынын"])
    }

    @Test("the mayor is not the city hall")
    func mayor() throws {
        #expect(try organizations(in: "Встреча прошла с участием мэра столицы и депутатов.").isEmpty)
        #expect(try organizations(in: "Жолугушууга Бишкектин мэри катышты.").isEmpty)
    }

    @Test(
        "names in straight quotes pair the right quotes",
        arguments: [
            (
                "Проект реализует фонд \"Евразия Центральной Азии\" в трех областях.",
                "фонд \"Евразия Центральной Азии\"", "Фонд «Евразия Центральной Азии»"
            ),
            (
                "Долбоорду \"Жаш Муун\" коомдук бирикмеси ишке ашырат.", "\"Жаш Муун\" коомдук бирикмеси",
                "«Жаш Муун» коомдук бирикмеси"
            ),
        ])
    func straightQuotes(_ text: String, _ span: String, _ name: String) throws {
        let found = try organizations(in: text)
        #expect(found.map(\.text) == [span])
        #expect(found.map(\.name) == [name])
    }

    @Test("a closing straight quote opens no name")
    func closingQuote() throws {
        let found = try organizations(in: "Тренинг провел центр \"Древо жизни\" в партнерстве с местными школами.")
        #expect(!found.contains { $0.text.contains("партнерстве") }, "found \(found.map(\.text))")
    }

    @Test(
        "media known by an acronym in quotes",
        arguments: [
            ("Об этом сообщает ⟦«ТАСС»⟧ со ссылкой на источник.", ["«ТАСС»"]),
            ("Сюжет показал ⟦ТК «МИР»⟧ в вечерних новостях.", ["ТК «МИР»"]),
            ("Бул маалыматты ⟦«НТВ»⟧ жана ⟦«ТАСС»⟧ таратышты.", ["«НТВ»", "«ТАСС»"]),
        ])
    func media(_ marked: String, _ names: [String]) throws {
        let m = MarkedText(marked)
        #expect(try organizations(in: m.text).map(\.name) == names)
    }

    @Test(
        "a verb or a role word after a quoted acronym ends it",
        arguments: [
            ("Как сообщил ⟦\"ВБ\"⟧ директор предприятия, работы идут.", ["«ВБ»"]),
            ("Бул тууралуу ⟦«КТРК»⟧ директор Азамат Жумабаев билдирди.", ["«КТРК»"]),
        ])
    func acronymThenVerb(_ marked: String, _ names: [String]) throws {
        #expect(try organizations(in: MarkedText(marked).text).map(\.name) == names)
    }

    @Test(
        "mixed-case acronyms with a Kyrgyz suffix, and set in capitals",
        arguments: [
            ("⟦ОшМУнун⟧ жана ⟦ОшМПУнун⟧ студенттери ⟦ОШТУда⟧ жолугушту.", ["ОшМУ", "ОшМПУ", "ОШТУ"]),
            ("Студенты ⟦ОшГУ⟧ и ⟦ОшТУ⟧ встретились на форуме.", ["ОшГУ", "ОшТУ"]),
        ])
    func kyrgyzAcronyms(_ marked: String, _ acronyms: [String]) throws {
        let m = MarkedText(marked)
        let found = try organizations(in: m.text)
        #expect(
            found.map(\.text)
                == m.spans.map { span in
                    String(String.UnicodeScalarView(Array(m.text.unicodeScalars)[span.start..<span.end]))
                })
        #expect(found.map(\.acronym) == acronyms)
    }

    @Test(
        "a lower-case ending after a capital is no acronym when it is no suffix",
        arguments: [
            "Долбоор ОшМУфорум деген ат менен өттү."
        ])
    func notAcronym(_ text: String) throws {
        #expect(try organizations(in: text).isEmpty)
    }

    @Test(
        "quoted words that are not acronyms are no organization",
        arguments: [
            "Акция «Таза шаар» өттү жана көп адам катышты.",
            "Фестиваль «Нооруз» пройдет в марте.",
        ])
    func notMedia(_ text: String) throws {
        let found = try organizations(in: text)
        #expect(found.isEmpty, "found \(found.map(\.text))")
    }
}
