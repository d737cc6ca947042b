import Jarya
import Testing

/// Persons and roles as Kyrgyz university and city-hall pages write them: an unknown given name
/// before a surname with a case suffix, role phrases that must stop at the list's previous person
/// or at the sentence's subject, and a role given at a later mention.
@Suite("Persons: names and role boundaries from real pages")
struct PersonRoleBoundaryTests {
    @Test(
        "an unknown given name before a surname with a Kyrgyz case suffix is a person",
        arguments: [
            (
                "Куттуктоону ректор, профессор ⟦Чаткалбай Райымбаевдин⟧ сөзү ачты.",
                [ExpectedPerson("Чаткалбай Райымбаев", "ректор, профессор")]
            ),
            (
                "Конференцияга университеттин ректору ⟦Абдилбает Мамасыдыковдун⟧ катышуусу менен башталды.",
                [ExpectedPerson("Абдилбает Мамасыдыков", "университеттин ректору")]
            ),
        ])
    func unknownGivenName(_ marked: String, _ expected: [ExpectedPerson]) throws {
        try expectPersons(marked, expected)
    }

    @Test("a place in the genitive before a word is no person")
    func placeIsNoPerson() throws {
        let found = try entities(.person, in: "Нарын облусунун Кочкор районундагы мектептер жабылды.")
        #expect(found.isEmpty, "found \(found.map(\.text))")
    }

    @Test(
        "a Kyrgyz role stops at the previous person of a list, at `эле`, and at the sentence's subject",
        arguments: [
            (
                "Конференция КӨЭАУнун ректору, профессор ⟦Абдилбает Мамасыдыковдун⟧, КРдин ТҮРКСОЙдогу өкүлү ⟦Канат Мамбеталиевдин⟧ куттуктоосу менен ачылды.",
                [
                    ExpectedPerson("Абдилбает Мамасыдыков", "КӨЭАУнун ректору, профессор"),
                    ExpectedPerson("Канат Мамбеталиев", "КРдин ТҮРКСОЙдогу өкүлү"),
                ]
            ),
            (
                "Ага улай эле университеттин ректору ⟦Чаткалбай Райымбаевдин⟧ сөзү угулду.",
                [ExpectedPerson("Чаткалбай Райымбаев", "университеттин ректору")]
            ),
        ])
    func roleStops(_ marked: String, _ expected: [ExpectedPerson]) throws {
        try expectPersons(marked, expected)
    }

    @Test(
        "a Russian role word before a verb in the past is the sentence's subject, not the named person's role",
        arguments: [
            ("Президент позвонил ⟦Рамзану Кадырову⟧ во вторник вечером.", [ExpectedPerson("Рамзан Кадыров")]),
            ("Министр рассказал ⟦Алмазу Асанову⟧ о планах на год.", [ExpectedPerson("Алмаз Асанов")]),
            // A genitive noun in `-ела`/`-ала` is no verb: the role runs over it.
            (
                "Обвинение поддержит старший прокурор отдела по надзору ⟦Жумалиев Нурлан Асанович⟧.",
                [ExpectedPerson("Нурлан Жумалиев", "старший прокурор отдела по надзору")]
            ),
        ])
    func roleBeforeVerb(_ marked: String, _ expected: [ExpectedPerson]) throws {
        try expectPersons(marked, expected)
    }

    @Test("a role given at a later mention is the person's at every mention")
    func roleAtLaterMention() throws {
        try expectPersons(
            "«Жети күн», ⟦Кубат Чекиров⟧: шаардагы жаңылыктар. Маекке журналист, борбордун директору ⟦Кубат Чекиров⟧ катышты.",
            [
                ExpectedPerson("Кубат Чекиров", "журналист, борбордун директору"),
                ExpectedPerson("Кубат Чекиров", "журналист, борбордун директору"),
            ])
    }

    @Test("two persons keep their own roles; a person without any role keeps none")
    func rolesStayTheirs() throws {
        try expectPersons(
            "Жыйынды мэр ⟦Айбек Жунушалиев⟧ ачты. Анда ⟦Нурлан Асанов⟧ сөз сүйлөдү.",
            [ExpectedPerson("Айбек Жунушалиев", "мэр"), ExpectedPerson("Нурлан Асанов")])
    }

    @Test(
        "Russian list entries: artists' roles, and a genitive in -ти is no verb",
        arguments: [
            (
                "Участники:\n- ⟦НИКОНОВА Вера Михайловна⟧ — оперная певица, меццо-сопрано (Москва);",
                [ExpectedPerson("Вера Никонова", "оперная певица")]
            ),
            (
                "Участники:\n- ⟦ДАЙЫРБЕКОВ Таалайбек Эсенбекович⟧ — координатор национальной части Молодежного совета ШОС;",
                [ExpectedPerson("Таалайбек Дайырбеков", "координатор национальной части Молодежного совета ШОС")]
            ),
        ])
    func russianListEntries(_ marked: String, _ expected: [ExpectedPerson]) throws {
        try expectPersons(marked, expected)
    }

    @Test("a model's organization that ends in a role word is the next person's role")
    func modelRoleIsNoOrganization() throws {
        let text = "Пришли вице-мэр Медер Абакиров, Постоянный координатор ООН Антье Граве и жители района."
        let found = try entities(.organization, in: text)
        #expect(!found.contains { $0.text.contains("координатор") }, "found \(found.map(\.text))")
    }

    @Test("persons named with уулу or кызы are told apart by the father's name, whatever the spelling")
    func patronymNames() throws {
        try expectPersons(
            "Баш байге — ⟦Мамбеттокто Мамбеторозо уулу⟧;\n2-орун — ⟦Акматбек Султан уулу⟧;",
            [ExpectedPerson("Мамбеттокто Мамбеторозо уулу"), ExpectedPerson("Акматбек Султан уулу")])
        let names = try entities(
            .person,
            in: "Борбордун директору Жамила Өмүрбек кызы сөз сүйлөдү. Директор Жамила Омурбек кызы отметила успехи."
        ).compactMap { e -> String? in
            guard case .person(let name, _) = e.value else { return nil }
            return name
        }
        #expect(names == ["Жамила Өмүрбек кызы", "Жамила Өмүрбек кызы"])
    }

    @Test("a Kyrgyz adverb of time ends a role; a public figure's role")
    func roleAdverbAndFigure() throws {
        try expectPersons(
            "Форум алгач залкар жазуучу ⟦Чыңгыз Айтматовдун⟧ демилгеси менен өткөн.",
            [ExpectedPerson("Чыңгыз Айтматов", "залкар жазуучу")])
        try expectPersons(
            "Жыйын мамлекеттик ишмер ⟦Жусуп Абдрахмановдун⟧ 120 жылдыгына арналды.",
            [ExpectedPerson("Жусуп Абдрахманов", "мамлекеттик ишмер")])
    }
}
