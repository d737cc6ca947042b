import Jarya
import Testing

/// Organization shapes met on real pages: heads that name a body only beside a quoted name,
/// eponyms after a Russian head in lower case, a quoted name after a Russian chain, and where a
/// Kyrgyz chain must stop (a clause's comma, a participle, a genitive before a bare head).
/// Each rule has examples that find a name and examples that must not.
@Suite("Organizations: shapes from real pages")
struct OrganizationShapesTests {
    /// The marked span is the only organization found, under `name`.
    func expectOneOrganization(_ marked: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let m = MarkedText(marked)
        let found = try organizations(in: m.text)
        #expect(found.map(\.text) == m.marked, sourceLocation: sourceLocation)
        #expect(found.map(\.name) == [name], sourceLocation: sourceLocation)
    }

    @Test(
        "a Kyrgyz noun heads a name after a quoted name",
        arguments: [
            ("Кече ⟦«Жаштык» маданият үйүндө⟧ өтөт.", "«Жаштык» маданият үйү"),
            ("Сахнага ⟦«Улуу көч» фольклордук ансамбли⟧ чыкты.", "«Улуу көч» фольклордук ансамбли"),
            ("Концертте ⟦«Аура» тобунун⟧ ырчылары ырдашты.", "«Аура» тобу"),
            ("Жыйынга ⟦«Ата-Журт» кыймылынын⟧ мүчөлөрү катышты.", "«Ата-Журт» кыймылы"),
            ("Макала ⟦\"Байчечекей\" балдар журналында⟧ басылды.", "«Байчечекей» балдар журналы"),
        ])
    func kyrgyzQuotedHead(_ marked: String, _ name: String) throws {
        try expectOneOrganization(marked, named: name)
    }

    @Test(
        "the same Kyrgyz nouns alone are common nouns",
        arguments: [
            "Мугалим маданият үйүндө жашайт.",
            "Балдар журналын окушту.",
            "Студенттер эки топко бөлүнүштү.",
            "Жаштар кыймылы күч алды. Движение молодежи набирает силу.",
        ])
    func kyrgyzQuotedHeadAlone(_ text: String) throws {
        #expect(try organizations(in: text).isEmpty)
    }

    @Test(
        "a Russian head in lower case names a body before a quoted name or its genitive and a quoted name",
        arguments: [
            ("В 16:00 в ⟦доме культуры «Диалог»⟧ состоится концерт.", "Дом культуры «Диалог»"),
            ("Выступит ⟦ансамбль «Сувенир»⟧ из Токмока.", "Ансамбль «Сувенир»"),
            ("Выступил координатор ⟦движения «Левый фронт»⟧ на митинге.", "Движение «Левый фронт»"),
            (
                "Эстафету примет ⟦радиостанция «Кыргызстан обондору»⟧ вечером.",
                "Радиостанция «Кыргызстан обондору»"
            ),
        ])
    func russianHeadBeforeQuote(_ marked: String, _ name: String) throws {
        try expectOneOrganization(marked, named: name)
    }

    @Test(
        "a national team in lower case is a body before its country",
        arguments: [
            ("Тренер ⟦сборной России⟧ объявил состав.", "Сборная России"),
            ("Болельщики поддержали ⟦сборную Кыргызстана⟧ на стадионе.", "Сборная Кыргызстана"),
        ])
    func nationalTeam(_ marked: String, _ name: String) throws {
        try expectOneOrganization(marked, named: name)
    }

    @Test(
        "national teams in the plural, or a team with no country after it, are no body of their own",
        arguments: [
            "Матч между сборными Кыргызстана и Макао пройдет в Бишкеке.",
            "Вся сборная вышла на поле.",
        ])
    func noNationalTeam(_ text: String) throws {
        #expect(try organizations(in: text).isEmpty)
    }

    @Test(
        "a name with a number glued on, or after a vehicle's noun, is a vehicle's or a mission's, not a body",
        arguments: [
            "Корабль «Союз ТМА-13» стартовал с Байконура в среду утром.",
            "Шаттл STS-124 вернулся на Землю после двух недель полета.",
            "Экипаж корабля «Союз» благополучно вернулся на Землю.",
            "Завод начнет собирать автомобили «Газель» весной.",
        ])
    func numberCode(_ text: String) throws {
        #expect(try organizations(in: text).isEmpty)
    }

    @Test("the same name with the number apart stays a body")
    func numberApart() throws {
        try expectOneOrganization(
            "Инспекторы ⟦STS⟧ - 12 человек - проверили рынок.",
            named: "Государственная налоговая служба при Министерстве финансов Кыргызской Республики")
    }

    @Test("a project's or a forum's quoted name is not a body")
    func quotedProjectIsNoBody() throws {
        #expect(try organizations(in: "В рамках проекта «Чистый город» высадили деревья.").isEmpty)
        let forum = try organizations(
            in: "Встреча прошла в рамках форума творческих союзов и научной интеллигенции «Новые высоты».")
        #expect(forum.isEmpty, "found \(forum.map(\.text))")
    }

    @Test(
        "a Russian chain keeps the quoted name after it, written in «»",
        arguments: [
            (
                "Организатором является ⟦Центр человеческого развития \"Древо жизни\"⟧ в партнерстве с фондом.",
                "Центр человеческого развития «Древо жизни»"
            ),
            (
                "Грант выделил ⟦Фонд поддержки образования «Билим»⟧ в прошлом году.",
                "Фонд поддержки образования «Билим»"
            ),
        ])
    func russianChainThenQuote(_ marked: String, _ name: String) throws {
        try expectOneOrganization(marked, named: name)
    }

    @Test("a quoted name after `и` belongs to the second body, not the first head's chain")
    func quoteAfterAnd() throws {
        let found = try organizations(
            in: "Фестиваль поддержали Мэрия Бишкека и фонда «Сорос – Кыргызстан» в этом году.")
        #expect(
            !found.contains { $0.text.hasPrefix("Мэрия") && $0.text.contains("Сорос") }, "found \(found.map(\.text))")
    }

    @Test(
        "a Russian eponym makes a name of a head in lower case",
        arguments: [
            ("Выставка открылась в ⟦музее имени Гапара Айтиева⟧ в среду.", "Музей имени Гапара Айтиева"),
            (
                "Гости побывали в ⟦Кыргызском государственном Доме-музее имени М. В. Фрунзе⟧ утром.",
                "Кыргызский государственный дом-музей имени М. В. Фрунзе"
            ),
            ("При поддержке ⟦фонда Ханса Зайделя⟧ обучат 500 работников.", "Фонд Ханса Зайделя"),
        ])
    func russianEponym(_ marked: String, _ name: String) throws {
        try expectOneOrganization(marked, named: name)
    }

    @Test(
        "a head in lower case without an eponym stays a common noun",
        arguments: [
            "Дети посетили музей и парк в выходные.",
            "Средства поступят в фонд Кыргызстана до конца года.",
            "В фонде работают пять сотрудников.",
        ])
    func russianLowercaseHeadAlone(_ text: String) throws {
        let found = try organizations(in: text)
        #expect(found.isEmpty, "found \(found.map(\.text))")
    }

    @Test(
        "a Kyrgyz chain stops at a clause's comma, a participle, or a genitive before a bare head",
        arguments: [
            "Ага ылайык, жаңы мекеме түзүлөт.",
            "Иш-чарага вице-премьер-министр Кубатбек Боронов, өкмөттүн Ош облусундагы өкүлү катышты.",
            "Сынактын жеңүүчүлөрүнүн чыгармалар жыйнагы министрлик тарабынан жарыкка чыгат.",
            "Катышуучулар Рамазан айына мүнөздүү болгон өз ара колдоо жана биримдик рухун бөлүштү.",
        ])
    func kyrgyzChainStops(_ text: String) throws {
        let found = try organizations(in: text)
        #expect(found.isEmpty, "found \(found.map(\.text))")
    }

    @Test(
        "a Kyrgyz list inside a name is closed by `жана` or follows a capital",
        arguments: [
            "Жыйынды ⟦Маданият, маалымат, спорт жана жаштар саясаты министрлиги⟧ уюштурду.",
            "Былтыр ⟦Философия, укук жана социалдык-саясий изилдөөлөр институтунда⟧ окуу өттү.",
        ])
    func kyrgyzListInName(_ marked: String) throws {
        let m = MarkedText(marked)
        #expect(try organizations(in: m.text).map(\.text) == m.marked)
    }

    @Test("a university before its rector's role is named; a department before its head's role is not")
    func institutionBeforeRole() throws {
        let m = MarkedText(
            "Жыйынга ⟦Андижан мамлекеттик педагогикалык институтунун⟧ ректору Бахтиер Расулов катышты.")
        #expect(try organizations(in: m.text).map(\.text) == m.marked)
        let department = try organizations(
            in: "Жыйынга мэриянын Жаштар иштери боюнча башкармалыгынын башчысы Нурлан Алымбеков катышты.")
        #expect(!department.contains { $0.text.contains("башкармалыгынын") }, "found \(department.map(\.text))")
    }

    @Test(
        "one body gets one name: a short form before the full one, or without the words between",
        arguments: [
            (
                "Национальная библиотека открыла зал. Читателей ждет Национальная библиотека Кыргызской Республики им. А. Осмонова.",
                "Национальная библиотека Кыргызской Республики им. А. Осмонова"
            ),
            (
                "Маданият министрлиги сынак жарыялады. Сынакты Маданият, маалымат жана туризм министрлиги өткөрөт.",
                "Маданият, маалымат жана туризм министрлиги"
            ),
        ])
    func oneNamePerBody(_ text: String, _ name: String) throws {
        let found = try organizations(in: text)
        #expect(found.count == 2)
        #expect(Set(found.map(\.name)) == [name])
    }

    @Test("two bodies with the same head keep their own names")
    func twoBodiesTwoNames() throws {
        let found = try organizations(
            in: "Билим берүү министрлиги жана Саламаттыкты сактоо министрлиги келишим түзүштү.")
        #expect(Set(found.map(\.name)).count == 2, "found \(found.map(\.name))")
    }

    @Test(
        "a city hall written with its city is the glossary's city hall",
        arguments: [
            ("Мэрия Бишкека сообщила о ремонте дорог.", "Мэрия города Бишкек"),
            ("Ремонт оплатит мэрия Каракола.", "Мэрия города Каракол"),
        ])
    func cityHallWithCity(_ text: String, _ name: String) throws {
        #expect(try organizations(in: text).map(\.name) == [name])
    }

    @Test("a known body with its own country is that body; with another country it is not")
    func ownCountry() throws {
        let own = try organizations(in: "Об этом сообщило Министерство иностранных дел Кыргызстана в среду.")
        #expect(own.map(\.acronym) == ["МИД"])
        let other = try organizations(in: "Об этом сообщило Министерство иностранных дел Японии в среду.")
        #expect(other.map(\.acronym) == [nil])
        // Russia's ministry has a row of its own.
        let russia = try organizations(in: "Об этом сообщило Министерство иностранных дел России в среду.")
        #expect(russia.map(\.acronym) == ["МИД РФ"])
    }

    @Test("quoted names listed beside a known quoted body are bodies; a list of titles is not")
    func quotedList() throws {
        let m = MarkedText(
            "Среди гостей – представители ⟦«Первого канала»⟧, ⟦«России 1»⟧, ⟦«НТВ»⟧ и ⟦«Рен-ТВ»⟧.")
        #expect(try organizations(in: m.text).map(\.text) == m.marked)
        let songs = try organizations(in: "Хор исполнил песни «Ала-Тоо», «Мекеним» и «Жаз келди».")
        #expect(songs.isEmpty, "found \(songs.map(\.text))")
    }

    @Test(
        "Russian names: a weak head capitalized inside a sentence, `дом` after its adjective, genitives like verbs",
        arguments: [
            (
                "Доклад подготовлен ⟦Центром информационного права⟧ при содействии партнеров.",
                "Центр информационного права"
            ),
            ("Вечер прошел в ⟦Русском доме⟧ в пятницу.", "Русский дом"),
            ("Вчера ⟦Федерация футбола КР⟧ представила план.", "Федерация футбола КР"),
            (
                "Прием ведет ⟦Республиканский психоневрологический диспансер⟧ с утра.",
                "Республиканский психоневрологический диспансер"
            ),
        ])
    func russianNames(_ marked: String, _ name: String) throws {
        try expectOneOrganization(marked, named: name)
    }

    @Test(
        "a capitalized project or a head that opens the sentence stays no name; a verb ends a name",
        arguments: [
            ("Проект направлен на поддержку Программы развития местных сообществ.", [String]()),
            ("Центр информационного права открылся вчера.", []),
            ("Вчера Федерация бокса представила план.", ["Федерация бокса"]),
        ])
    func russianNotNames(_ text: String, _ texts: [String]) throws {
        #expect(try organizations(in: text).map(\.text) == texts)
    }

    @Test("two quoted bodies joined by `жана` are two, not a head and a genitive")
    func quotedBodiesJoined() throws {
        let m = MarkedText("Сахнага ⟦«Ак Шумкар» ансамбли⟧ жана ⟦«Жаңы толкун» тобу⟧ чыгат.")
        #expect(try organizations(in: m.text).map(\.text) == m.marked)
    }

    @Test("a judge is no court: `Судья` shares the stem of `суд`")
    func judgeIsNoCourt() throws {
        #expect(try organizations(in: "Судья Зорькин огласил решение в понедельник.").isEmpty)
        try expectOneOrganization(
            "Решение ⟦Конституционного суда⟧ вступило в силу.", named: "Конституционный суд")
    }
}
