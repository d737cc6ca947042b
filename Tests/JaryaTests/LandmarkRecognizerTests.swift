import Jarya
import Testing

/// Streets, avenues, squares, parks, monuments and stadiums: places of kind `other`.
@Suite("Places: landmarks")
struct LandmarkRecognizerTests {
    @Test(
        "Kyrgyz: a name before its type word, in any case form",
        arguments: [
            (
                "Жол ⟦Абдырахманов көчөсүнөн⟧ ⟦Тоголок Молдо көчөсүнө⟧ чейин жабылат.",
                [ExpectedPlace("Abdrakhmanov Street", "other"), ExpectedPlace("Togolok Moldo Street", "other")]
            ),
            ("Кече ⟦Боконбаев көчөсүндө⟧ өтөт.", [ExpectedPlace("Bokonbaev Street", "other")]),
            ("Майрамдык концерт ⟦Ала-Тоо аянтында⟧ саат 19:00дө башталат.", [ExpectedPlace("Ala-Too Square", "other")]),
            ("Шахмат мелдеши ⟦Эмен багында⟧ өтөт.", [ExpectedPlace("Oak Park", "other")]),
            (
                "Гүлдөр ⟦«Курманжан Датканын» эстелигинин⟧ жанына коюлат.",
                [ExpectedPlace("Kurmanjan Datka Monument", "other")]
            ),
            ("Финал ⟦«Спартак» стадионунда⟧ ойнолот.", [ExpectedPlace("Spartak Stadium", "other")]),
            ("Концерт ⟦3-микрорайон⟧ аймагында болот.", [ExpectedPlace("3rd Microdistrict", "other")]),
            ("Бала бакча ⟦Киргизия-1 конушунда⟧ курулууда.", [ExpectedPlace("Kirgiziya-1", "other")]),
            ("Кеңсе ⟦Фрунзе көчөсүндө⟧ жайгашкан.", [ExpectedPlace("Frunze Street", "other")]),
        ])
    func kyrgyz(_ marked: String, _ expected: [ExpectedPlace]) throws {
        try expectPlaces(marked, expected)
    }

    @Test(
        "Russian: a type word before the name, abbreviated, with имени, quoted, or in the glossary",
        arguments: [
            ("Движение по ⟦проспекту Чуй⟧ ограничат до вечера.", [ExpectedPlace("Chuy Avenue", "other")]),
            (
                "Акимиат находится по адресу: ⟦улица Байтик Баатыра⟧, 17.",
                [ExpectedPlace("Baitik Baatyr Street", "other")]
            ),
            ("Наш офис расположен по адресу: ⟦ул. Фрунзе⟧, 12.", [ExpectedPlace("Frunze Street", "other")]),
            (
                "Митинг прошел на ⟦площади имени Турдакуна Усубалиева⟧.",
                [ExpectedPlace("Turdakun Usubaliyev Square", "other")]
            ),
            ("Матч пройдет на ⟦стадионе «Спартак»⟧ в субботу.", [ExpectedPlace("Spartak Stadium", "other")]),
            ("Ярмарка откроется на ⟦Старой площади⟧ утром.", [ExpectedPlace("Old Square", "other")]),
            ("Концерт пройдет в ⟦парке Панфилова⟧.", [ExpectedPlace("Panfilov Park", "other")]),
            ("В ⟦жилмассиве «Ак-Орго»⟧ высадили деревья.", [ExpectedPlace("Ak-Orgo", "other")]),
        ])
    func russian(_ marked: String, _ expected: [ExpectedPlace]) throws {
        try expectPlaces(marked, expected)
    }

    @Test("streets listed before a shared Kyrgyz type word are streets each")
    func kyrgyzConjuncts() throws {
        try expectPlaces(
            "Ал эми ⟦Тыныстанов⟧, ⟦Орозбеков⟧ жана ⟦Эркиндик бульвары⟧ жабылат.",
            [
                ExpectedPlace("Tynystanov Street", "other"), ExpectedPlace("Orozbekov Street", "other"),
                ExpectedPlace("Erkindik Boulevard", "other"),
            ])
    }

    @Test(
        "a landmark is not its namesake region, person or city",
        arguments: [
            ("Жүрүш ⟦Чүй проспектиси⟧ боюнча өтөт.", [ExpectedPlace("Chuy Avenue", "other")]),
            (
                "Участники собрались на ⟦площади Ала-Тоо⟧ ⟦Бишкека⟧.",
                [ExpectedPlace("Ala-Too Square", "other"), ExpectedPlace("Bishkek", "city")]
            ),
        ])
    func namesakes(_ marked: String, _ expected: [ExpectedPlace]) throws {
        try expectPlaces(marked, expected)
        #expect(try entities(.person, in: MarkedText(marked).text).isEmpty)
    }

    @Test(
        "a type word with no name is no place",
        arguments: [
            "Майрам борбордук аянтта өтөт.",
            "Праздник пройдет на центральной площади города.",
            "Жаңы көчөлөргө жарык орнотулду.",
            "Работы на улице продлятся до пятницы.",
            "Студенты посетили парк и стадион.",
        ])
    func unnamed(_ text: String) throws {
        let found = try places(in: text)
        #expect(found.isEmpty, "found \(found)")
    }

    @Test("a person standing on a square is the person, not the square's name")
    func personBeforeTypeWord() throws {
        let text = "Шаар башчы Бакытбек Жетигенов аянтта калаа тургундарын куттуктады."
        #expect(try places(in: text).isEmpty)
        #expect(try entities(.person, in: text).map(\.text) == ["Бакытбек Жетигенов"])
    }

    @Test("the person a park is named after is no person of the release")
    func parkEponym() throws {
        let found = try entities(.person, in: "Конокторго Алымбек Датка этнографиялык багындагы көргөзмө көрсөтүлдү.")
        #expect(found.isEmpty, "found \(found.map(\.text))")
    }
}
