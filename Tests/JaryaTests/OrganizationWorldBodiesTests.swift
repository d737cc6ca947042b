import Jarya
import Testing

/// Bodies that world and Russian news name all the time (the UN's organs, NATO, the IAEA, Russia's
/// parliament and ministries, the news agencies), in Russian and Kyrgyz, and the ordinary words
/// and products that look like them.
@Suite("Organizations: world and Russian bodies")
struct OrganizationWorldBodiesTests {
    @Test(
        "Russian: world bodies, Russia's parliament and ministries, news agencies, in their case forms",
        arguments: [
            ("Законопроект внесен в ⟦Госдуму⟧ в пятницу.", [ExpectedOrganization("Госдума", "Госдума")]),
            (
                "Позицию ⟦МИД России⟧ озвучил официальный представитель ведомства.",
                [ExpectedOrganization("МИД России", "МИД РФ")]
            ),
            (
                "Эксперты ⟦МАГАТЭ⟧ посетят станцию, сообщает ⟦Рейтер⟧.",
                [
                    ExpectedOrganization("Международное агентство по атомной энергии", "МАГАТЭ"),
                    ExpectedOrganization("Рейтер"),
                ]
            ),
            (
                "Генсек ⟦НАТО⟧ выступил на заседании ⟦Совета Безопасности ООН⟧.",
                [
                    ExpectedOrganization("Организация Североатлантического договора", "НАТО"),
                    ExpectedOrganization("Совет Безопасности ООН", "СБ ООН"),
                ]
            ),
            ("Решение одобрили сенаторы ⟦Совета Федерации⟧.", [ExpectedOrganization("Совет Федерации", "Совфед")]),
            ("Отчет опубликовала ⟦Еврокомиссия⟧.", [ExpectedOrganization("Еврокомиссия", "Еврокомиссия")]),
            ("Санкции продлил ⟦Евросоюз⟧ до лета.", [ExpectedOrganization("Евросоюз", "ЕС")]),
            (
                "Об этом сообщает ⟦РБК⟧ со ссылкой на источник.",
                [ExpectedOrganization("РосБизнесКонсалтинг", "РБК")]
            ),
            (
                "Вчера ⟦Ювентус⟧ обыграл ⟦Реал Мадрид⟧ в Турине.",
                [ExpectedOrganization("Ювентус"), ExpectedOrganization("Реал Мадрид")]
            ),
        ])
    func russian(_ marked: String, _ expected: [ExpectedOrganization]) throws {
        try expectOrganizations(marked, expected)
    }

    @Test(
        "Kyrgyz: the UN's organs, NATO and Russia's bodies with Kyrgyz case suffixes",
        arguments: [
            (
                "⟦БУУнун Коопсуздук Кеңешинин⟧ жыйыны Нью-Йоркто өттү.",
                [ExpectedOrganization("БУУнун Коопсуздук Кеңеши")]
            ),
            (
                "⟦НАТОнун⟧ өкүлдөрү Бишкекке келишти.",
                [ExpectedOrganization("Түндүк Атлантика келишиминин уюму", "НАТО")]
            ),
            (
                "⟦Россиянын Тышкы иштер министрлиги⟧ билдирүү таратты.",
                [ExpectedOrganization("Россиянын Тышкы иштер министрлиги")]
            ),
            ("Бул тууралуу ⟦Госдуманын⟧ депутаты билдирди.", [ExpectedOrganization("Госдума", "Госдума")]),
        ])
    func kyrgyz(_ marked: String, _ expected: [ExpectedOrganization]) throws {
        try expectOrganizations(marked, expected)
    }

    @Test("a bare short form is the Kyrgyz body; with its country it is that country's")
    func bareShortFormIsKyrgyz() throws {
        let found = try organizations(in: "Ранее Минфин России и Минфин подписали протокол.")
        #expect(found.map(\.text) == ["Минфин России", "Минфин"])
        #expect(found.map(\.acronym) == ["Минфин РФ", "Минфин"])
        #expect(found.last?.name == "Министерство финансов Кыргызской Республики")
        let mfa = try organizations(in: "В МИД сообщили, что нота вручена послу.")
        #expect(mfa.map(\.name) == ["Министерство иностранных дел Кыргызской Республики"])
    }

    @Test(
        "an ordinary word or a product that looks like a listed name is not an organization",
        arguments: [
            // `мегафон` is a loudhailer; the operator is written `МегаФон`.
            (
                "Мегафон в руках у полицейского, а ⟦МегаФон⟧ снизил тарифы.",
                [ExpectedOrganization("ПАО «МегаФон»", "МегаФон")]
            ),
            // `коммерсант` is a businessman; the newspaper is `Коммерсантъ`.
            ("Коммерсант из Оша открыл магазин, пишет ⟦Коммерсантъ⟧.", [ExpectedOrganization("Коммерсантъ")]),
            ("Яблоко упало на землю.", []),
            // `спутник` is a satellite; the agency is `Sputnik`, `ИА «Спутник»`.
            ("Спутник связи выведен на орбиту.", []),
            ("Кырсыкка Хундай Соната жана Toyota Camry унаалары кабылды.", []),
        ])
    func lookAlikes(_ marked: String, _ expected: [ExpectedOrganization]) throws {
        try expectOrganizations(marked, expected)
    }
}
