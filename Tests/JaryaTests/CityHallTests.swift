import Jarya
import Testing

/// A city hall named by its role alone takes the city the text makes clear.
@Suite("Organizations: city halls named by their role")
struct CityHallTests {
    @Test(
        "the nearest city named before, or the capital for `столичный` / `борбордук`",
        arguments: [
            (
                "В Бишкеке готовят праздник. В ⟦мэрии⟧ представили программу.",
                [ExpectedOrganization("Мэрия города Бишкек")]
            ),
            (
                "Об этом сообщает пресс-служба ⟦столичного муниципалитета⟧.",
                [ExpectedOrganization("Мэрия города Бишкек")]
            ),
            (
                "Ош шаарында Нооруз майрамы өтөт. Майрамга ⟦шаардык мэрия⟧ бир айдан бери даярданып жатат.",
                [ExpectedOrganization("Ош шаарынын мэриясы")]
            ),
            (
                "Бишкекте балатылар жарышы өтөт. Иш-чараны ⟦калаа мэриясы⟧ уюштурат.",
                [ExpectedOrganization("Бишкек шаарынын мэриясы")]
            ),
            ("⟦Мэрия⟧ сообщила, что в Оше откроют новую школу.", [ExpectedOrganization("Мэрия города Ош")]),
            (
                "⟦Бишкек шаардык мэриясында⟧ жыйын өттү.",
                [ExpectedOrganization("Бишкек шаарынын мэриясы")]
            ),
        ])
    func anaphoric(_ marked: String, _ expected: [ExpectedOrganization]) throws {
        try expectOrganizations(marked, expected)
    }

    @Test(
        "a city hall written with its city takes the glossary's name, and later bare mentions take it too; `мэрии столицы` is the capital's",
        arguments: [
            (
                "⟦Мэрия Бишкека⟧ объявила конкурс. В ⟦мэрии⟧ отметили, что заявки принимаются до мая.",
                [ExpectedOrganization("Мэрия города Бишкек"), ExpectedOrganization("Мэрия города Бишкек")]
            ),
            ("Об этом сообщили в ⟦мэрии столицы⟧.", [ExpectedOrganization("Мэрия города Бишкек")]),
            (
                "Иш-чараны ⟦Бишкек шаарынын мэриясы⟧ уюштурат. ⟦Мэриянын⟧ маалыматы боюнча, ага 300 жаш катышат.",
                [ExpectedOrganization("Бишкек шаарынын мэриясы"), ExpectedOrganization("Бишкек шаарынын мэриясы")]
            ),
        ])
    func sameName(_ marked: String, _ expected: [ExpectedOrganization]) throws {
        try expectOrganizations(marked, expected)
    }

    @Test(
        "no city in the text, or a mayor, is no city hall",
        arguments: [
            "В мэрии представили праздничную программу.",
            "Мэриянын өкүлдөрү жыйынга катышты.",
            "Вице-мэр Бишкека провел встречу с жителями.",
            "Бишкектин мэри жаңы мектепти ачты.",
        ])
    func negatives(_ text: String) throws {
        let found = try organizations(in: text)
        #expect(found.isEmpty, "found \(found.map(\.text))")
    }
}

/// Page furniture above the headline is not the title.
@Suite("Title: page furniture")
struct TitleFurnitureTests {
    @Test(
        "currency tickers, a site's name, a rubric breadcrumb and a teaser are skipped",
        arguments: [
            (
                "16:01\nUSD 88.57\nEUR 95.33\n\nВ Бишкеке открылась ярмарка\n\nВ Бишкеке открылась сельскохозяйственная ярмарка. Она продлится три дня.",
                "В Бишкеке открылась ярмарка"
            ),
            (
                "kabarlar.kg\n\nОшто жаштар форуму өтөт\n\nОш шаарында жаштар форуму өтөт. Ага 200 жаш катышат.",
                "Ошто жаштар форуму өтөт"
            ),
            (
                "Впервые выставка проводится в регионах.\nНовости - Общество\nВ Караколе пройдет выставка ремесел\nВ Караколе 5 мая пройдет выставка ремесел мастеров области.",
                "В Караколе пройдет выставка ремесел"
            ),
            (
                "Бишкек-24\n\nВ Бишкеке устроят световое шоу\n\nВ Бишкеке устроят световое шоу в честь Дня города.",
                "В Бишкеке устроят световое шоу"
            ),
            // A language switcher, a rubric.
            (
                "date 2025-09-01 08:14\nКыргызча\n\nТалас шаарында китеп жармаңкеси ачылды\n\nТалас шаарында китеп жармаңкеси ачылды.",
                "Талас шаарында китеп жармаңкеси ачылды"
            ),
            (
                "Общество\n\nВ Нарыне прошел фестиваль кочевников\n\nВ Нарыне прошел фестиваль кочевников.",
                "В Нарыне прошел фестиваль кочевников"
            ),
        ])
    func skipped(_ text: String, _ title: String) {
        #expect(processFile(text).0.record?.title == title)
    }

    @Test(
        "a headline that looks like furniture is kept",
        arguments: [
            (
                "Курс USD вырос до 88 сомов\n\nНацбанк сообщил о росте курса доллара за неделю.",
                "Курс USD вырос до 88 сомов"
            ),
            ("Саммит ШОС: итоги дня\n\nЛидеры стран подписали декларацию в Бишкеке.", "Саммит ШОС: итоги дня"),
            ("Жаштар форуму өттү.\n\nОш шаарында жаштар форуму өттү.\n\nАга 200 жаш катышты.", "Жаштар форуму өттү."),
        ])
    func kept(_ text: String, _ title: String) {
        #expect(processFile(text).0.record?.title == title)
    }
}
