import Jarya
import Testing

/// An expected organization: its name (nominative, in the text's language) and acronym.
struct ExpectedOrganization: Equatable, CustomStringConvertible {
    let name: String
    let acronym: String?

    init(_ name: String, _ acronym: String? = nil) {
        self.name = name
        self.acronym = acronym
    }

    var description: String { acronym.map { "\(name) (\($0))" } ?? name }
}

/// Checks the organizations of a marked sentence against their expected values.
func expectOrganizations(
    _ marked: String, _ expected: [ExpectedOrganization], sourceLocation: SourceLocation = #_sourceLocation
) throws {
    try expectEntities(
        .organization, marked, expected,
        value: { v in
            guard case .organization(let name, let acronym) = v else { return nil }
            return ExpectedOrganization(name, acronym)
        }, sourceLocation: sourceLocation)
}

/// The organizations found in a text, as (text, name, acronym).
func organizations(in text: String) throws -> [(text: String, name: String, acronym: String?)] {
    try recognize(text, with: Recognizers.standard(.forTests)).entities.compactMap {
        guard case .organization(let name, let acronym) = $0.value else { return nil }
        return ($0.text, name, acronym)
    }
}

@Suite("Organizations")
struct OrganizationRecognizerTests {
    @Test(
        "Kyrgyz: glossary names and acronyms in case forms, head-final names, quoted names with a legal form",
        arguments: [
            ("Мыйзам долбоору ⟦Жогорку Кеңеште⟧ талкууланды.", [ExpectedOrganization("Жогорку Кеңеш", "ЖК")]),
            ("Долбоор ⟦ЮНИСЕФтин⟧ колдоосу менен ишке ашат.", [ExpectedOrganization("БУУнун Балдар фонду", "ЮНИСЕФ")]),
            (
                "Долбоорду ⟦ПРООН⟧ жана ⟦ЕККУ⟧ колдоду.",
                [
                    ExpectedOrganization("БУУнун Өнүктүрүү программасы", "ПРООН"),
                    ExpectedOrganization("Европадагы коопсуздук жана кызматташтык уюму", "ЕККУ"),
                ]
            ),
            (
                "Кат ⟦Кыргыз Республикасынын Ички иштер министрлигине⟧ жөнөтүлдү.",
                [ExpectedOrganization("Кыргыз Республикасынын Ички иштер министрлиги", "ИИМ")]
            ),
            (
                "Эрежелер ⟦Кыргыз Республикасынын Өкмөтү⟧ тарабынан бекитилди.",
                [ExpectedOrganization("Кыргыз Республикасынын Өкмөтү")]
            ),
            (
                "Иш-чараны ⟦Жаштар саясаты боюнча мамлекеттик агенттиги⟧ уюштурду.",
                [ExpectedOrganization("Жаштар саясаты боюнча мамлекеттик агенттиги")]
            ),
            ("Долбоорду ⟦Нарын облустук тарых музейи⟧ колдоду.", [ExpectedOrganization("Нарын облустук тарых музейи")]),
            (
                "Жыйынга ⟦Бишкек шаарынын мэриясынын⟧ өкүлдөрү катышты.",
                [ExpectedOrganization("Бишкек шаарынын мэриясы")]
            ),
            (
                "Тренинг ⟦“Жашыл келечек” коомдук бирикмесинин⟧ демилгеси менен өттү.",
                [ExpectedOrganization("«Жашыл келечек» коомдук бирикмеси")]
            ),
            ("Жарманкени ⟦ОО «Ден соолук»⟧ уюштурду.", [ExpectedOrganization("ОО «Ден соолук»")]),
        ])
    func kyrgyz(_ marked: String, _ expected: [ExpectedOrganization]) throws {
        try expectOrganizations(marked, expected)
    }

    @Test(
        "Russian: head-first names, adjective and head, glossary names and acronyms, quoted names with a legal form",
        arguments: [
            (
                "Хакатон организован ⟦Министерством цифрового развития КР⟧.",
                [ExpectedOrganization("Министерство цифрового развития КР", "Минцифры")]
            ),
            ("Проект финансируется при поддержке ⟦Всемирного банка⟧.", [ExpectedOrganization("Всемирный банк")]),
            (
                "Конференция пройдет в ⟦Ошском государственном университете⟧.",
                [ExpectedOrganization("Ошский государственный университет", "ОшГУ")]
            ),
            (
                "Семинар прошел в ⟦Кыргызском национальном университете⟧.",
                [ExpectedOrganization("Кыргызский национальный университет", "КНУ")]
            ),
            ("Проект поддержан ⟦Азиатским банком развития⟧.", [ExpectedOrganization("Азиатский банк развития", "АБР")]),
            (
                "Грант выделило ⟦Агентство США по международному развитию⟧.",
                [ExpectedOrganization("Агентство США по международному развитию", "USAID")]
            ),
            (
                "В мероприятии участвовали представители ⟦ОБСЕ⟧ и ⟦USAID⟧.",
                [
                    ExpectedOrganization("Организация по безопасности и сотрудничеству в Европе", "ОБСЕ"),
                    ExpectedOrganization("Агентство США по международному развитию", "USAID"),
                ]
            ),
            ("Поставщиком выступило ⟦ОсОО «Ала-Тоо Сервис»⟧.", [ExpectedOrganization("ОсОО «Ала-Тоо Сервис»")]),
            (
                "Акцию провели волонтеры ⟦общественного фонда «Мээрим»⟧.",
                [ExpectedOrganization("Общественный фонд «Мээрим»")]
            ),
        ])
    func russian(_ marked: String, _ expected: [ExpectedOrganization]) throws {
        try expectOrganizations(marked, expected)
    }

    @Test("one body, one acronym: a mention without it takes the one another mention of the name has")
    func acronymAtEveryMention() throws {
        let found = try organizations(
            in: "Международная федерация футбола ФИФА провела конгресс. Решения ФИФА вступят в силу в июне.")
        #expect(found.count == 2, "\(found)")
        #expect(found.allSatisfy { $0.acronym == "ФИФА" }, "\(found)")
        // Two bodies keep their own: the acronym of one is not the other's.
        let two = try organizations(
            in: "Представители ЮНИСЕФ и Министерства культуры обсудили проект. ЮНИСЕФ выделит средства.")
        #expect(!two.contains { $0.name.hasPrefix("Министерств") && $0.acronym == "ЮНИСЕФ" }, "\(two)")
    }

    @Test("a one-word name in -ство declines (`Россотрудничества`); one in -о such as a city's does not")
    func neuterNameDeclines() throws {
        let found = try organizations(in: "Грамоты вручили представители Россотрудничества и мэрии.")
        #expect(found.map(\.name).contains("Россотрудничество"), "\(found)")
        var index = NameIndex<Int>()
        index.add("Токио", 1)
        let oblique = Analyze.words(of: "Токиа")
        #expect(index.longestMatch(oblique, at: 0) == nil)
        #expect(index.longestMatch(Analyze.words(of: "Токио"), at: 0)?.values == [1])
    }

    @Test("a name two languages' columns share reads in the text's language first, in a fixed order after it")
    func sharedNameLanguage() throws {
        // `New York Times` is in the Russian and the English names; only English lists `NYT`.
        // The language was picked in hash order, so the acronym came and went between runs.
        let found = try organizations(in: "Об этом пишет газета New York Times со ссылкой на источники в Пентагоне.")
        let nyt = try #require(found.first { $0.text == "New York Times" })
        #expect(nyt.acronym == nil, "\(found)")
        let organizations = try #require(Glossaries.forTests.organizations.index.lookup("New York Times").first)
        #expect(organizations.organization.language(of: "New York Times", preferring: "ru") == "ru")
        #expect(organizations.organization.language(of: "New York Times", preferring: "en") == "en")
        #expect(organizations.organization.language(of: "New York Times", preferring: "ky") == "ru")
        #expect(organizations.organization.language(of: "Нью-Йорк Таймс", preferring: "en") == "ru")
        #expect(organizations.organization.language(of: "Такого названия нет", preferring: "ru") == nil)
    }

    @Test("an inflected bare acronym gets the glossary's full name in the text's language")
    func inflectedAcronym() throws {
        let found = try organizations(in: "По данным Минздрава, число случаев в этом году снизилось.")
        #expect(found.map(\.text) == ["Минздрава"])
        #expect(found.first?.acronym == "Минздрав")
        #expect(
            ["Министерство здравоохранения Кыргызской Республики", "Министерство здравоохранения КР"].contains(
                found.first?.name ?? ""))
    }

    @Test(
        "an acronym defined in the text names later mentions of the same organization",
        arguments: [
            // In the glossary, with ИПР as its Russian acronym.
            (
                "Исследование провел Институт политики развития (ИПР). Эксперты ИПР представили выводы.",
                "Институт политики развития", "ИПР"
            ),
            // Not in the glossary.
            (
                "В исследовании участвовал Институт водных проблем и гидроэнергетики (ИВПГ). По данным ИВПГ, уровень воды снизился.",
                "Институт водных проблем и гидроэнергетики", "ИВПГ"
            ),
            (
                "Долбоорду Суу ресурстарын изилдөө борбору (СРИБ) ишке ашырат. СРИБдин эксперттери жыйынтыктарды жарыялашат.",
                "Суу ресурстарын изилдөө борбору", "СРИБ"
            ),
        ])
    func definedAcronym(_ text: String, _ name: String, _ acronym: String) throws {
        let found = try organizations(in: text)
        #expect(found.first?.text == name)
        // The later mention, with or without a suffix, is found.
        #expect(found.last.map { $0.text.hasPrefix(acronym) } == true, "found \(found.map(\.text))")
        #expect(found.count >= 2)
        for f in found {
            #expect(f.name == name, "\(f.text)")
            #expect(f.acronym == acronym, "\(f.text)")
        }
    }

    @Test("an acronym defined in the text after a name with a weak head: `Центр исследований … (ЦИВР)`")
    func definedAcronymWeakHead() throws {
        do {
            let found = try organizations(
                in:
                    "Исследование провел Центр исследований водных ресурсов (ЦИВР). По данным ЦИВР, уровень воды снизился."
            )
            #expect(found.first?.name == "Центр исследований водных ресурсов")
            #expect(found.map(\.acronym) == ["ЦИВР", "ЦИВР"])
        }
    }

    @Test(
        "one organization mentioned twice gets one name",
        arguments: [
            (
                "⟦Министерство цифрового развития КР⟧ объявило конкурс. Заявки принимает ⟦Министерство цифрового развития⟧ до 1 июня.",
                [
                    ExpectedOrganization("Министерство цифрового развития КР", "Минцифры"),
                    ExpectedOrganization("Министерство цифрового развития КР", "Минцифры"),
                ]
            ),
            (
                "⟦Саламаттык сактоо министрлиги⟧ жаңы эрежелерди бекитти. ⟦ССМдин⟧ маалыматы боюнча, эрежелер июлда күчүнө кирет.",
                [
                    ExpectedOrganization("Саламаттык сактоо министрлиги", "ССМ"),
                    ExpectedOrganization("Саламаттык сактоо министрлиги", "ССМ"),
                ]
            ),
            (
                "Доклад подготовил ⟦Институт водных проблем⟧. По оценке ⟦Института водных проблем⟧, уровень воды снизился.",
                [ExpectedOrganization("Институт водных проблем"), ExpectedOrganization("Институт водных проблем")]
            ),
            (
                "Жыйынга ⟦Саламаттык сактоо министрлигинин⟧ өкүлдөрү катышты. ⟦Саламаттык сактоо министрлиги⟧ маалымат таратты.",
                [
                    ExpectedOrganization("Саламаттык сактоо министрлиги", "ССМ"),
                    ExpectedOrganization("Саламаттык сактоо министрлиги", "ССМ"),
                ]
            ),
        ])
    func twice(_ marked: String, _ expected: [ExpectedOrganization]) throws {
        try expectOrganizations(marked, expected)
    }

    @Test(
        "not organizations: generic bodies, a common noun, a weak head without a name, platforms",
        arguments: [
            "Иш-чарага облустук администрация жана аймактык шайлоо комиссиялары катышты.",
            "Как сообщило министерство, работы завершены в срок.",
            "Программа недели включает семинары и тренинги.",
            "Вопрос рассмотрела межведомственная комиссия на заседании.",
            "Заявления принимают центры обслуживания населения.",
            "Маалымат Facebook жана Telegram баракчаларында жарыяланат.",
        ])
    func negatives(_ text: String) throws {
        let found = try organizations(in: text)
        #expect(found.isEmpty, "found \(found.map(\.text))")
    }

    @Test("a sub-unit named inside a role phrase is not reported; its parent body is")
    func subUnitInRole() throws {
        let found = try organizations(in: "Жолугушууга ИИМдин Патрулдук милиция кызматынын башчысы катышты.")
        #expect(found.map(\.text) == ["ИИМдин"])
        #expect(found.first?.acronym == "ИИМ")
    }

    // MARK: Known issues

    @Test("a Russian head-first name stops before `и` and a lowercase word")
    func headFirstStopsAtConjunction() throws {
        do {
            try expectOrganizations(
                "Хакатон организован ⟦Министерством цифрового развития КР⟧ и партнерами.",
                [ExpectedOrganization("Министерство цифрового развития КР", "Минцифры")])
        }
    }

    @Test("a Russian head-first name takes `по` with a dative: `Агентство по развитию …`")
    func headFirstWithPo() throws {
        do {
            try expectOrganizations(
                "Грант выделило ⟦Агентство по развитию горных территорий⟧.",
                [ExpectedOrganization("Агентство по развитию горных территорий")])
        }
    }

    @Test("a capitalized word opening the sentence is not part of an eponymous name")
    func eponymAfterSentenceStart() throws {
        do {
            try expectOrganizations(
                "Сынак ⟦Токтогул атындагы мектепте⟧ өттү.", [ExpectedOrganization("Токтогул атындагы мектеп")])
        }
    }

    @Test(
        "an eponym's initials belong to the name, written as they are",
        arguments: [
            (
                "Бүгүн, ⟦Б.Сыдыков атындагы Кыргыз-Өзбек Эл аралык университетинде⟧ конференция өттү.",
                "Б.Сыдыков атындагы Кыргыз-Өзбек Эл аралык университети"
            ),
            (
                "Концертке ⟦П. И. Чайковский атындагы искусство мектебинин⟧ окуучулары катышты.",
                "П. И. Чайковский атындагы искусство мектеби"
            ),
        ])
    func eponymInitials(_ marked: String, _ name: String) throws {
        try expectOrganizations(marked, [ExpectedOrganization(name)])
    }

    @Test(
        "glossary names with «» match as a whole and keep their acronym",
        arguments: [
            (
                "Форумду ⟦«Өнүктүрүү саясат институту» коомдук бирикмеси⟧ уюштурду.",
                ExpectedOrganization("«Өнүктүрүү саясат институту» коомдук бирикмеси", "ӨСИ")
            ),
            (
                "Форумга ⟦Кыргыз-Түрк «Манас» университетинин⟧ студенттери катышты.",
                ExpectedOrganization("Кыргыз-Түрк «Манас» университети", "КТМУ")
            ),
        ])
    func quotedGlossaryNames(_ marked: String, _ expected: ExpectedOrganization) throws {
        do {
            try expectOrganizations(marked, [expected])
        }
    }

    @Test(
        "a reflexive verb after a head noun is not part of a name",
        arguments: [
            "Офис находится в центре города.",
            "Межведомственная комиссия рассмотрела обращения граждан.",
        ])
    func verbAfterHead(_ text: String) throws {
        do {
            let found = try organizations(in: text)
            #expect(found.isEmpty, "found \(found.map(\.text))")
        }
    }
}
