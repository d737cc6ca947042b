import Jarya
import Testing

/// An expected place: canonical English name, kind, ISO country.
struct ExpectedPlace: Equatable, CustomStringConvertible {
    let name: String
    let kind: String
    let country: String?

    init(_ name: String, _ kind: String, _ country: String? = "KG") {
        self.name = name
        self.kind = kind
        self.country = country
    }

    var description: String { "\(name) (\(kind), \(country ?? "-"))" }
}

/// Checks the places of a marked sentence against their expected values.
func expectPlaces(_ marked: String, _ expected: [ExpectedPlace], sourceLocation: SourceLocation = #_sourceLocation)
    throws
{
    try expectEntities(
        .place, marked, expected,
        value: { v in
            guard case .place(let name, let kind, let country) = v else { return nil }
            return ExpectedPlace(name, kind, country)
        }, sourceLocation: sourceLocation)
}

/// The places found in a text, for negative cases.
func places(in text: String) throws -> [String] {
    try recognize(text, with: Recognizers.standard(.forTests)).entities.filter { $0.kind == .place }.map(\.text)
}

@Suite("Places")
struct PlaceRecognizerTests {
    @Test(
        "Kyrgyz: glossary names with case suffixes and type words",
        arguments: [
            ("Эл аралык форум 12-мартта ⟦Бишкекте⟧ өтөт.", [ExpectedPlace("Bishkek", "city")]),
            // A place name right before a surname is a person's given name (the village Барпы, the poet).
            ("Айтыш Барпы Алыкуловдун 140 жылдыгына арналды.", []),
            ("Жаштар форуму ⟦Ош шаарында⟧ экинчи жолу уюштурулду.", [ExpectedPlace("Osh", "city")]),
            (
                "Катышуучулар ⟦Оштон⟧ жана ⟦Баткенден⟧ келишти.",
                [ExpectedPlace("Osh", "city"), ExpectedPlace("Batken", "city")]
            ),
            (
                "Жыйынга ⟦Казакстандын⟧ жана ⟦Өзбекстандын⟧ өкүлдөрү катышты.",
                [ExpectedPlace("Kazakhstan", "country", "KZ"), ExpectedPlace("Uzbekistan", "country", "UZ")]
            ),
            ("Семинар ⟦Ысык-Көл облусунда⟧ үч күн бою өтөт.", [ExpectedPlace("Issyk-Kul Region", "region")]),
            ("⟦Чүй облусунун⟧ мектептеринде жаңы окуу жылы башталды.", [ExpectedPlace("Chuy Region", "region")]),
            ("Долбоор ⟦Кочкор районундагы⟧ 12 мектепте ишке ашат.", [ExpectedPlace("Kochkor District", "district")]),
            ("Жолугушуу ⟦Кочкор айылында⟧ жергиликтүү тургундар менен өттү.", [ExpectedPlace("Kochkor", "village")]),
            ("Тренинг ⟦Покровка айылында⟧ жаштар үчүн уюштурулат.", [ExpectedPlace("Pokrovka", "village")]),
            (
                "Студенттер ⟦Москвадан⟧ жана ⟦Түркиядан⟧ келишти.",
                [ExpectedPlace("Moscow", "city", "RU"), ExpectedPlace("Turkey", "country", "TR")]
            ),
            ("Маданий көргөзмө ⟦Токиодо⟧ ачылат жана бир ай бою иштейт.", [ExpectedPlace("Tokyo", "city", "JP")]),
            ("Жайкы лагерь ⟦Ысык-Көлдө⟧ ачылды.", [ExpectedPlace("Issyk-Kul Region", "region")]),
            ("⟦Таластагы⟧ окуучулар олимпиадада жеңишке жетишти.", [ExpectedPlace("Talas", "city")]),
            ("Иш-чара ⟦Каракол шаарында⟧ өтөт.", [ExpectedPlace("Karakol", "city")]),
            (
                "Семинар ⟦Кара-Балтада⟧ өттү жана катышуучулар ⟦Чолпон-Атага⟧ барышты.",
                [ExpectedPlace("Kara-Balta", "city"), ExpectedPlace("Cholpon-Ata", "city")]
            ),
            ("Делегация ⟦Кыргызстандын⟧ түштүгүнө барды.", [ExpectedPlace("Kyrgyzstan", "country")]),
        ])
    func kyrgyz(_ marked: String, _ expected: [ExpectedPlace]) throws {
        try expectPlaces(marked, expected)
    }

    @Test(
        "Kyrgyz: coordinated names take the kind of the shared plural type word",
        arguments: [
            (
                "Катышуучулар ⟦Ош⟧, ⟦Жалал-Абад⟧ жана ⟦Баткен облустарынан⟧ келишти.",
                [
                    ExpectedPlace("Osh Region", "region"), ExpectedPlace("Jalal-Abad Region", "region"),
                    ExpectedPlace("Batken Region", "region"),
                ]
            ),
            (
                "Уюштуруучулар ⟦Жайыл⟧, ⟦Сокулук⟧ жана ⟦Аламүдүн райондорунан⟧ келген аялдарды окутушту.",
                [
                    ExpectedPlace("Jayil District", "district"), ExpectedPlace("Sokuluk District", "district"),
                    ExpectedPlace("Alamudun District", "district"),
                ]
            ),
        ])
    func kyrgyzCoordinated(_ marked: String, _ expected: [ExpectedPlace]) throws {
        try expectPlaces(marked, expected)
    }

    @Test(
        "Russian: declined names, adjectival regions, type words before the name",
        arguments: [
            ("Конференция пройдет в ⟦Оше⟧ 12 мая.", [ExpectedPlace("Osh", "city")]),
            (
                "Делегация из ⟦Бишкека⟧ прибыла в ⟦Каракол⟧ на три дня.",
                [ExpectedPlace("Bishkek", "city"), ExpectedPlace("Karakol", "city")]
            ),
            (
                "Проект реализуется в ⟦Иссык-Кульской области⟧ с 2023 года.",
                [ExpectedPlace("Issyk-Kul Region", "region")]
            ),
            (
                "Семинар состоится в ⟦Чуйской области⟧ и в ⟦Ошской области⟧.",
                [ExpectedPlace("Chuy Region", "region"), ExpectedPlace("Osh Region", "region")]
            ),
            ("В ⟦Джалал-Абадской области⟧ открылся новый центр.", [ExpectedPlace("Jalal-Abad Region", "region")]),
            (
                "Проект реализуется в ⟦Сокулукском районе⟧ при поддержке партнеров.",
                [ExpectedPlace("Sokuluk District", "district")]
            ),
            ("Встреча с фермерами прошла в ⟦с. Ананьево⟧ в пятницу.", [ExpectedPlace("Ananyevo", "village")]),
            ("Ярмарка откроется в ⟦г. Токмок⟧ в субботу.", [ExpectedPlace("Tokmok", "city")]),
            ("В ⟦селе Нариман⟧ открыли новую школу на 300 мест.", [ExpectedPlace("Nariman", "village")]),
            ("Фестиваль пройдет в ⟦Чолпон-Ате⟧ в июле.", [ExpectedPlace("Cholpon-Ata", "city")]),
            (
                "Участники приехали из ⟦Казахстана⟧, ⟦Узбекистана⟧ и ⟦России⟧.",
                [
                    ExpectedPlace("Kazakhstan", "country", "KZ"), ExpectedPlace("Uzbekistan", "country", "UZ"),
                    ExpectedPlace("Russia", "country", "RU"),
                ]
            ),
            (
                "Эксперты из ⟦Германии⟧ и ⟦Японии⟧ поделились опытом.",
                [ExpectedPlace("Germany", "country", "DE"), ExpectedPlace("Japan", "country", "JP")]
            ),
            // The genitive of a noun in -ай is no adjective in -ая.
            ("Давление со стороны ⟦Китая⟧ усилилось.", [ExpectedPlace("China", "country", "CN")]),
            // A former name gets today's canonical name.
            ("Он родился в ⟦г. Фрунзе⟧ в 1975 году.", [ExpectedPlace("Bishkek", "city")]),
            // BGN's separating dot (`Kut·suu`) is no part of a name.
            (
                "Встреча прошла в ⟦селе Кутсуу⟧ ⟦Таласского района⟧.",
                [ExpectedPlace("Kutsuu", "village"), ExpectedPlace("Talas District", "district")]
            ),
            // A place name before a surname is a given name, except after a type word.
            ("Семинар откроет вице-мэр ⟦г. Джалал-Абад⟧ Турсунов Бекжан.", [ExpectedPlace("Jalal-Abad", "city")]),
            // A type word that ends a sentence names nothing after it.
            ("Велопробег пройдет по улицам города. Завершится он концертом в 18:00.", []),
        ])
    func russian(_ marked: String, _ expected: [ExpectedPlace]) throws {
        try expectPlaces(marked, expected)
    }

    @Test(
        "an abbreviation is written in capitals: `Крым`, whose stem is `кр`, is not `КР`",
        arguments: ["Туристы снова едут в Крым на лето.", "Делегация Крым жана Одесса шаарларына барды."])
    func abbreviationNeedsCapitals(_ text: String) throws {
        let names = try recognize(text, with: Recognizers.standard(.forTests)).entities.compactMap { e -> String? in
            guard case .place(let name, _, _) = e.value else { return nil }
            return name
        }
        #expect(!names.contains("Kyrgyzstan"), "found \(names)")
    }

    @Test("an abbreviation with a Kyrgyz suffix is still the place: `КРдын`")
    func abbreviationWithSuffix() throws {
        try expectPlaces("Мыйзам ⟦КРдын⟧ аймагында колдонулат.", [ExpectedPlace("Kyrgyzstan", "country")])
    }

    @Test("Russian: coordinated district adjectives share `районов`")
    func russianCoordinated() throws {
        try expectPlaces(
            "Проект охватит жителей ⟦Кеминского⟧ и ⟦Сокулукского районов⟧.",
            [ExpectedPlace("Kemin District", "district"), ExpectedPlace("Sokuluk District", "district")])
    }

    @Test("the attributive of a type word stays in the span: `Ош шаарындагы`")
    func attributiveTypeWord() throws {
        do {
            try expectPlaces("⟦Ош шаарындагы⟧ мектептерде сабак башталды.", [ExpectedPlace("Osh", "city")])
        }
    }

    @Test("a region's centre is not an organization: `Нарын облусунун борборунда`")
    func regionCentre() throws {
        do {
            try expectPlaces("Жыйын ⟦Нарын облусунун⟧ борборунда өттү.", [ExpectedPlace("Naryn Region", "region")])
        }
    }

    @Test("a reflexive verb after a head noun does not make an organization that hides the place")
    func reflexiveVerb() throws {
        do {
            try expectPlaces(
                "Новый центр открылся в ⟦Джалал-Абадской области⟧.", [ExpectedPlace("Jalal-Abad Region", "region")])
        }
    }

    // Streets are places of kind `other` now: LandmarkRecognizerTests.
    @Test(
        "not places: currencies, quoted titles, eponyms, role phrases, rivers, surnames",
        arguments: [
            "Грант 5 миң АКШ долларын түзөт.",
            "«Бишкек – 2030» программасы кабыл алынды.",
            "Сынак Токтогул Сатылганов атындагы мектепте өттү.",
            "ПРООНдун Кыргызстандагы өкүлү сөз сүйлөдү.",
            "Об этом сообщил представитель JICA в Кыргызстане.",
            "Уровень воды реки Нарын снизился за неделю.",
            "Иш-чараны Азамат ТОКТОГУЛОВ ачты.",
        ])
    func negatives(_ text: String) throws {
        let found = try places(in: text)
        #expect(found.isEmpty, "found \(found)")
    }

    @Test("a place inside an organization's name is part of the organization")
    func insideOrganization() throws {
        let doc = try recognize(
            "Жыйынга Бишкек шаарынын мэриясынын өкүлдөрү катышты.", with: Recognizers.standard(.forTests))
        #expect(doc.entities.filter { $0.kind == .place }.isEmpty)
        #expect(doc.entities.filter { $0.kind == .organization }.map(\.text) == ["Бишкек шаарынын мэриясынын"])
    }

    @Test("a small glossary of its own: an unknown name with a type word gets a transliterated name")
    func ownGlossary() throws {
        let table = try TSVTable(
            name: "mini.tsv",
            text: """
                id\tcanonical\tkind\tcountry\tparent\tky\tru\ten
                kyrgyzstan\tKyrgyzstan\tcountry\tKG\t\tКыргызстан\tКыргызстан\t
                osh\tOsh\tcity\tKG\tkyrgyzstan\tОш\tОш\t
                """, required: PlaceGlossary.columns)
        let recognizer = PlaceRecognizer(glossary: try PlaceGlossary(table: table))
        let m = MarkedText("Жаштар ⟦Оштон⟧ жана ⟦Кызыл-Жар айылынан⟧ келишти.")
        let doc = try recognize(m.text, with: [recognizer])
        #expect(doc.entities.map(\.span) == m.spans)
        #expect(
            doc.entities.map(\.value) == [
                .place(name: "Osh", kind: "city", country: "KG"),
                .place(name: "Kyzyl-Jar", kind: "village", country: "KG"),
            ])
    }

    @Test(
        "a page header's clock names no place",
        arguments: [
            "7-Октябрь, 2025-жыл, шейшемби, Бишкек убактысы 10:41",
            "Түз эфир Бишкек убактысынча саат 15:00дө башталат.",
        ])
    func timeZone(_ text: String) throws {
        #expect(try places(in: text).isEmpty)
    }

    @Test(
        "the world gazetteer: Russia's subjects, foreign cities, macro-regions and the Soviet Union",
        arguments: [
            (
                "Делегация из ⟦Калининграда⟧ и ⟦Калмыкии⟧ прибыла в ⟦Бишкек⟧.",
                [
                    ExpectedPlace("Kaliningrad", "city", "RU"), ExpectedPlace("Kalmykia", "region", "RU"),
                    ExpectedPlace("Bishkek", "city"),
                ]
            ),
            (
                "Выставка прошла в ⟦Неаполе⟧, а затем в ⟦Гаване⟧.",
                [ExpectedPlace("Naples", "city", "IT"), ExpectedPlace("Havana", "city", "CU")]
            ),
            (
                "Форум соберёт гостей из ⟦Приморья⟧ и ⟦Подмосковья⟧.",
                [ExpectedPlace("Primorsky Krai", "region", "RU"), ExpectedPlace("Moscow Region", "region", "RU")]
            ),
            (
                "Делегация ⟦Нижегородской области⟧ посетила ⟦Камчатский край⟧.",
                [
                    ExpectedPlace("Nizhny Novgorod Region", "region", "RU"),
                    ExpectedPlace("Kamchatka Krai", "region", "RU"),
                ]
            ),
            (
                "Учёные из ⟦Восточной Сибири⟧ приехали на конференцию.",
                [ExpectedPlace("Eastern Siberia", "other", "RU")]
            ),
            ("В годы ⟦СССР⟧ здесь работал завод.", [ExpectedPlace("Soviet Union", "country", "SU")]),
            (
                "Форум прошёл в ⟦Химках⟧, а затем в ⟦Нидерландах⟧.",
                [ExpectedPlace("Khimki", "city", "RU"), ExpectedPlace("Netherlands", "country", "NL")]
            ),
            (
                "Делегация ⟦Калининграддан⟧ жана ⟦Екатеринбургдан⟧ келди.",
                [ExpectedPlace("Kaliningrad", "city", "RU"), ExpectedPlace("Yekaterinburg", "city", "RU")]
            ),
            (
                "Студенттер ⟦Пхеньянга⟧ жана ⟦Гаванага⟧ барышты.",
                [ExpectedPlace("Pyongyang", "city", "KP"), ExpectedPlace("Havana", "city", "CU")]
            ),
            (
                "Жыйынга ⟦Европа⟧ жана ⟦Борбордук Азия⟧ өлкөлөрүнөн өкүлдөр катышты.",
                [ExpectedPlace("Europe", "other", nil), ExpectedPlace("Central Asia", "other", nil)]
            ),
            (
                "Алар ⟦Свердловск облусунда⟧ жана ⟦Татарстан Республикасында⟧ болушту.",
                [ExpectedPlace("Sverdlovsk Region", "region", "RU"), ExpectedPlace("Tatarstan", "region", "RU")]
            ),
            ("⟦Советтер Союзунун⟧ убагында бул жерде завод иштеген.", [ExpectedPlace("Soviet Union", "country", "SU")]),
        ])
    func world(_ marked: String, _ expected: [ExpectedPlace]) throws {
        try expectPlaces(marked, expected)
    }

    @Test(
        "words that look like places left out of the glossary are not places",
        arguments: [
            "Тартуу катары ага китептер жана компьютерлер берилди.",  // Тарту (Tartu) is left out
            "Кызыл туу аянтта көтөрүлдү.",  // Кызыл (Kyzyl, Tuva) is left out
            "Семей с детьми в этом году стало больше.",  // Семей (Semey) is listed as Семипалатинск only
            "При этом сроки проекта не изменились.",  // Прая (Praia) is left out: its stem is `пр`
            "Александр покажет детям несложные опыты.",  // Александрия is left out: its stem is `александр`
        ])
    func lookAlikes(_ text: String) throws {
        #expect(try places(in: text).isEmpty)
    }
}
