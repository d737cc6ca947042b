import Jarya
import Testing

/// Word lists for the two analyzers. The Kyrgyz analyzer proposes stems and a glossary decides
/// which one is a name, so each case only asks that the linguistically right stem be *among*
/// the proposals; the Russian one gives one stem per word, so the forms of a word must agree.

@Suite("Kyrgyz morphology: stems")
struct KyrgyzStemTests {
    /// Checks that every expected stem is proposed.
    func expectStems(_ word: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let stems = KyrgyzMorphology.stems(of: word)
        for stem in expected {
            #expect(stems.contains(stem), "\(word): \(stem) not in \(stems)", sourceLocation: sourceLocation)
        }
    }

    @Test(
        "the word itself, in lower case, comes first",
        arguments: ["Бишкекте", "ЖӨБдүн", "облусундагы", "Ысык-Көлдө", "Ош"])
    func wordFirst(_ word: String) {
        #expect(KyrgyzMorphology.stems(of: word).first == word.lowercased())
    }

    @Test(
        "a suffix's vowel follows the stem's last vowel; a foreign name's own letters do not",
        arguments: [
            ("Жапаровдун", 7, true), ("Койчиевди", 7, true), ("Асановага", 7, true), ("Бишкекте", 6, true),
            ("Өмүрбековго", 9, true), ("Клинтон", 4, false), ("Хэмилтон", 5, false), ("Бишкекто", 6, false),
        ])
    func suffixHarmony(_ word: String, _ stemLength: Int, _ harmonizes: Bool) {
        #expect(KyrgyzMorphology.suffixHarmonizes(word, stemLength: stemLength) == harmonizes)
    }

    @Test("a word without a suffix proposes nothing shorter", arguments: ["Ош", "Бишкек", "Талас", "Москва"])
    func bareWord(_ word: String) {
        // Nothing to take off: `Талас` does not lose `-с`, `Москва` keeps its `-а`.
        #expect(KyrgyzMorphology.stems(of: word) == [word.lowercased()])
    }

    @Test(
        "locative -DA: да/де/до/дө after voiced sounds, та/те/то/тө after voiceless",
        arguments: [
            ("Бишкекте", "бишкек"), ("Ошто", "ош"), ("Таласта", "талас"), ("Токмокто", "токмок"), ("Түптө", "түп"),
            ("Нарында", "нарын"), ("Кеминде", "кемин"), ("Караколдо", "каракол"), ("Ысык-Көлдө", "ысык-көл"),
            ("Өзгөндө", "өзгөн"), ("Түркияда", "түркия"),
        ])
    func locative(_ word: String, _ stem: String) { expectStems(word, [stem]) }

    @Test(
        "ablative -DAn",
        arguments: [
            ("Оштон", "ош"), ("Бишкектен", "бишкек"), ("Таластан", "талас"), ("Түптөн", "түп"),
            ("Москвадан", "москва"), ("Түркиядан", "түркия"), ("Кеминден", "кемин"), ("Токиодон", "токио"),
            ("Өзгөндөн", "өзгөн"), ("Ысык-Көлдөн", "ысык-көл"),
        ])
    func ablative(_ word: String, _ stem: String) { expectStems(word, [stem]) }

    @Test(
        "genitive -NIn: нын/нин/нун/нүн after vowels, дын… after voiced consonants, тын… after voiceless",
        arguments: [
            ("Москванын", "москва"), ("Германиянын", "германия"), ("Душанбенин", "душанбе"), ("Токионун", "токио"),
            ("Гүлчөнүн", "гүлчө"), ("Чолпон-Атанын", "чолпон-ата"),
            ("Казакстандын", "казакстан"), ("Өзбекстандын", "өзбекстан"), ("Кеминдин", "кемин"),
            ("Караколдун", "каракол"),
            ("Чүйдүн", "чүй"), ("Жети-Өгүздүн", "жети-өгүз"), ("Кытайдын", "кытай"),
            ("Бишкектин", "бишкек"), ("Оштун", "ош"), ("Ноокаттын", "ноокат"), ("Түптүн", "түп"),
        ])
    func genitive(_ word: String, _ stem: String) { expectStems(word, [stem]) }

    @Test(
        "dative -GA: га/ге/го/гө after voiced sounds, ка/ке/ко/кө after voiceless",
        arguments: [
            ("Москвага", "москва"), ("Покровкага", "покровка"), ("Кеминге", "кемин"), ("Токиого", "токио"),
            ("Өзгөнгө", "өзгөн"), ("Чүйгө", "чүй"),
            ("Таласка", "талас"), ("Бишкекке", "бишкек"), ("Ошко", "ош"), ("Түпкө", "түп"),
        ])
    func dative(_ word: String, _ stem: String) { expectStems(word, [stem]) }

    @Test(
        "accusative -NI",
        arguments: [
            ("Москваны", "москва"), ("Душанбени", "душанбе"), ("Гүлчөнү", "гүлчө"),
            ("Казакстанды", "казакстан"), ("Кеминди", "кемин"), ("Караколду", "каракол"), ("Өзгөндү", "өзгөн"),
            ("Таласты", "талас"), ("Бишкекти", "бишкек"), ("Ошту", "ош"), ("Түптү", "түп"),
        ])
    func accusative(_ word: String, _ stem: String) { expectStems(word, [stem]) }

    @Test(
        "plural -LAr: лар/лер/лор/лөр after vowels and r, дар… after voiced consonants, тар… after voiceless",
        arguments: [
            ("шаарлар", "шаар"), ("окуучулар", "окуучу"), ("тоолор", "тоо"), ("өлкөлөр", "өлкө"),
            ("айылдар", "айыл"), ("элдер", "эл"), ("райондор", "район"), ("өкүлдөр", "өкүл"),
            ("облустар", "облус"), ("мектептер", "мектеп"), ("конокторго", "конок"), ("иштер", "иш"),
        ])
    func plural(_ word: String, _ stem: String) { expectStems(word, [stem]) }

    @Test(
        "plural and a case",
        arguments: [
            ("шаарларда", "шаар"), ("өлкөлөрдөн", "өлкө"), ("райондордо", "район"), ("мектептерге", "мектеп"),
            ("айылдардын", "айыл"), ("облустарга", "облус"),
        ])
    func pluralAndCase(_ word: String, _ stem: String) { expectStems(word, [stem]) }

    @Test(
        "3rd-person possessive: -сы/-си/-су/-сү after vowels, -ы/-и/-у/-ү after consonants",
        arguments: [
            ("облусу", "облус"), ("району", "район"), ("шаары", "шаар"), ("айылы", "айыл"), ("Кеңеши", "кеңеш"),
            ("өкүлү", "өкүл"), ("өлкөсү", "өлкө"), ("башчысы", "башчы"), ("мэриясы", "мэрия"), ("жетекчиси", "жетекчи"),
            ("тоосу", "тоо"), ("төрагасы", "төрага"),
        ])
    func possessive(_ word: String, _ stem: String) { expectStems(word, [stem]) }

    @Test(
        "possessive and a case take н: -нда, -нан, -на, -нын, -н",
        arguments: [
            ("облусунда", ["облусу", "облус"]), ("районунда", ["району", "район"]), ("шаарында", ["шаары", "шаар"]),
            ("айылында", ["айыл"]), ("облусунун", ["облус"]), ("районуна", ["район"]), ("шаарынан", ["шаар"]),
            ("айылынын", ["айыл"]), ("Кеңешинде", ["кеңеш"]), ("өлкөсүнүн", ["өлкө"]), ("өлкөсүнө", ["өлкө"]),
            ("тоосунда", ["тоо"]), ("төрагасынын", ["төрага"]), ("өкүлүнө", ["өкүл"]), ("шаарын", ["шаар"]),
            // Month names: март+ы+на, феврал(ь)+ы+нан, июл(ь)+у+нда.
            ("мартына", ["март"]), ("февралынан", ["феврал"]), ("июлунда", ["июл"]), ("майында", ["май"]),
            ("апрелинде", ["апрел"]), ("августунда", ["август"]),
        ])
    func possessiveAndCase(_ word: String, _ stems: [String]) { expectStems(word, stems) }

    @Test(
        "plural, possessive and a case",
        arguments: [
            ("шаарларында", "шаар"), ("райондорунан", "район"), ("облустарынан", "облус"), ("облустарынын", "облус"),
            ("өлкөлөрүнүн", "өлкө"), ("райондорунда", "район"), ("өкүлдөрү", "өкүл"),
        ])
    func pluralPossessiveAndCase(_ word: String, _ stem: String) { expectStems(word, [stem]) }

    @Test(
        "attributive -DAgI: дагы/деги/догу/дөгү, тагы/теги/тогу/төгү, and нда- after a possessive",
        arguments: [
            ("Бишкектеги", ["бишкек"]), ("Кыргызстандагы", ["кыргызстан"]), ("Оштогу", ["ош"]),
            ("Өзгөндөгү", ["өзгөн"]),
            ("Москвадагы", ["москва"]), ("Кеминдеги", ["кемин"]), ("Караколдогу", ["каракол"]),
            ("Таластагы", ["талас"]),
            ("Түптөгү", ["түп"]), ("Ысык-Көлдөгү", ["ысык-көл"]),
            ("облусундагы", ["облусу", "облус"]), ("районундагы", ["району", "район"]), ("шаарындагы", ["шаар"]),
        ])
    func attributive(_ word: String, _ stems: [String]) { expectStems(word, stems) }

    @Test(
        "a Russian loanword loses its soft sign before a suffix",
        arguments: [
            ("февралдын", "феврал"), ("июлдан", "июл"), ("сентябрда", "сентябр"),
        ])
    func softSign(_ word: String, _ stem: String) { expectStems(word, [stem]) }

    @Test(
        "a stem-final к/п voices before a vowel: министрлигине → министрлик, мектебинде → мектеп",
        arguments: [
            ("министрлигине", "министрлик"), ("мектебинде", "мектеп"), ("агенттигинин", "агенттик"),
        ])
    func finalVoicing(_ word: String, _ stem: String) {
        // The analyzer proposes the possessive form (министрлиги), and glossaries list that form
        // beside the dictionary one; the dictionary form itself is not reached.
        do {
            expectStems(word, [stem])
        }
        expectStems(word, [String(stem.dropLast()) + (stem.hasSuffix("к") ? "ги" : "би")])
    }
}

@Suite("Kyrgyz morphology: acronyms with suffixes")
struct KyrgyzAcronymTests {
    @Test(
        "an acronym with a Kyrgyz suffix gives the acronym",
        arguments: [
            ("ЮНИСЕФтин", "ЮНИСЕФ"), ("ПРООНдун", "ПРООН"), ("АКШнын", "АКШ"), ("ЖӨБдүн", "ЖӨБ"), ("БУУнун", "БУУ"),
            ("ЕККУга", "ЕККУ"), ("ИИМдин", "ИИМ"), ("АКШда", "АКШ"), ("ЮНЕСКОнун", "ЮНЕСКО"), ("ТИКАнын", "ТИКА"),
            ("ЮНИСЕФтен", "ЮНИСЕФ"), ("ПРООНго", "ПРООН"), ("БШКга", "БШК"), ("АӨБдүн", "АӨБ"), ("БУУдагы", "БУУ"),
            ("ЕБге", "ЕБ"), ("USAIDдин", "USAID"),
        ])
    func withSuffix(_ word: String, _ acronym: String) {
        #expect(KyrgyzMorphology.acronym(of: word) == acronym)
    }

    @Test(
        "no acronym: a capitalized word, an acronym with nothing after it, an all-caps word",
        arguments: [
            "Бишкек", "Бишкекте", "Казакстандын", "ЮНИСЕФ", "ПРООН", "ТОКТОГУЛОВ", "А", "",
        ])
    func none(_ word: String) {
        #expect(KyrgyzMorphology.acronym(of: word) == nil)
    }
}

@Suite("Russian morphology")
struct RussianMorphologyTests {
    @Test(
        "the forms of a noun or adjective share one stem",
        arguments: [
            (["Бишкек", "Бишкека", "Бишкеке", "Бишкеком", "Бишкеку"], "бишкек"),
            (["Ош", "Оша", "Оше", "Ошем"], "ош"),
            (["Москва", "Москвы", "Москве", "Москвой", "Москву"], "москв"),
            (["Кыргызстан", "Кыргызстана", "Кыргызстане", "Кыргызстаном"], "кыргызстан"),
            (["Каракол", "Каракола", "Караколе"], "каракол"),
            (["Иссык-Кульская", "Иссык-Кульской", "Иссык-Кульскую"], "иссык-кульск"),
            (["Ошская", "Ошской", "Ошскую"], "ошск"),
            (["Чуйская", "Чуйской", "Чуйскую"], "чуйск"),
            (["Кеминский", "Кеминского", "Кеминском", "Кеминскому"], "кеминск"),
            (["область", "области", "областях", "областей"], "област"),
            (["район", "района", "районе", "районом", "районов"], "район"),
            (["село", "селе", "села", "селом"], "сел"),
            (["министерство", "министерства", "министерством", "министерстве"], "министерств"),
            (["Объединённых", "Объединенных"], "объединенн"),
        ])
    func sharedStem(_ forms: [String], _ stem: String) {
        for form in forms {
            #expect(RussianMorphology.stem(form) == stem, "\(form)")
        }
    }

    @Test("a stem keeps at least two letters", arguments: ["Ош", "ООН", "Оше", "ее"])
    func short(_ word: String) {
        #expect(RussianMorphology.stem(word).count >= 2)
    }

    @Test("the instrumental of a feminine noun in -ь: областью → област")
    func instrumentalOfSoftFeminine() {
        do {
            #expect(RussianMorphology.stem("областью") == "област")
        }
    }

    @Test(
        "the dative plural -ам/-ям: по районам, по областям",
        arguments: [("районам", "район"), ("областям", "област"), ("селам", "сел")])
    func dativePlural(_ word: String, _ stem: String) {
        do {
            #expect(RussianMorphology.stem(word) == stem)
        }
    }

    @Test(
        "a surname in an oblique case back in the nominative",
        arguments: [
            ("Алайчиевым", "Алайчиев"), ("Асановым", "Асанов"), ("Ильиным", "Ильин"),
            ("Кузнецовой", "Кузнецова"), ("Жапаровой", "Жапарова"), ("Исаевой", "Исаева"), ("Калининой", "Калинина"),
            ("Мамытову", "Мамытов"), ("Токаеву", "Токаев"), ("Осмоналиеве", "Осмоналиев"),
            ("Жуковского", "Жуковский"), ("Жуковским", "Жуковский"), ("Вишневской", "Вишневская"),
            ("Асанов", "Асанов"), ("Бекиев", "Бекиев"), ("Ильин", "Ильин"), ("Жуковский", "Жуковский"),
        ])
    func nominativeSurname(_ word: String, _ nominative: String) {
        #expect(RussianMorphology.nominativeSurname(word) == nominative)
    }

    @Test("no surname ending, no surname", arguments: ["Бекболот", "Бишкек", "Ким", "Ли", "Айгерим", "министр"])
    func notASurname(_ word: String) {
        #expect(RussianMorphology.nominativeSurname(word) == nil)
    }

    @Test("the surname table writes each reading once, and within a use no two endings collide")
    func surnameTableOnce() {
        // An ending has a second row only for a second nominative (`ову`: a man's `ов`, a woman's `ова`).
        let readings = SurnameEnding.all.map { "\($0.ending) → \($0.nominative ?? "-")" }
        #expect(Set(readings).count == readings.count)
        // Order must not matter: within one use, where one ending ends another, one of them is not restored.
        // `withoutCase` is read only beside a sex: `[.masculineDative, .withoutCase]`.
        let singles = (0..<16).map { SurnameEnding.Use(rawValue: 1 << $0) }.filter { $0 != .withoutCase }
        let uses = singles + [[.masculineDative, .withoutCase], [.feminineOblique, .withoutCase]]
        for use in uses {
            let bit = use.rawValue
            let rows = SurnameEnding.endings(use)
            for a in rows {
                for b in rows where a.ending != b.ending && a.ending.hasSuffix(b.ending) {
                    #expect(
                        a.nominative == nil || b.nominative == nil, "\(a.ending) ends with \(b.ending) in use \(bit)")
                }
                #expect(
                    !rows.contains { $0.ending == a.ending && $0.nominative != a.nominative },
                    "\(a.ending) twice in use \(bit)")
            }
        }
    }

    @Test(
        "what each rule reads from a surname's ending",
        arguments: [
            ("жапарова", SurnameEnding.Use.marksSurname, true), ("садыркулова", .afterUnknownGiven, true),
            ("алайчиевым", .oblique, true), ("кузнецовой", .unambiguousOblique, true), ("сыдыкове", .genitive, true),
            ("токтогулов", .nominative, true), ("бекболот", .marksSurname, false), ("сыдыкове", .marksSurname, false),
            ("ильину", .unambiguousOblique, false), ("мамытову", .nominative, false), ("асанулы", .oblique, false),
        ])
    func surnameUses(_ word: String, _ use: SurnameEnding.Use, _ expected: Bool) {
        #expect(SurnameEnding.matches(word, use) == expected)
    }

    @Test(
        "the accusative after a possessive, told from the genitive by its consonant",
        arguments: [
            ("шаарын", true), ("кеңешин", true), ("президентин", true), ("сотун", true), ("министрлигин", true),
            ("президенттин", false), ("кеңешинин", false), ("нарындын", false), ("бишкектин", false),
            ("шаарынын", false), ("кеңеш", false),
        ])
    func accusativeAfterPossessive(_ word: String, _ expected: Bool) {
        #expect(KyrgyzMorphology.isAccusativeAfterPossessive(word) == expected)
    }
}
