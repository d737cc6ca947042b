@testable import Jarya
import Testing

/// The shortcuts the organization and place recognizers take answer as the long way did.
@Suite("Organization and place shortcuts")
struct OrganizationPlaceShortcutTests {
    static let texts = [
        "Ош, Жалал-Абад жана Баткен облустарынын өкүлдөрү Бишкек шаарында Ысык-Көл облусунун мэриясы менен жолугушту.",
        "В Иссык-Кульской области и в г. Бишкек Министерство иностранных дел Казахстана провело встречу.",
    ]

    @Test("the rules answer with the memo of words as without it, asked once or twice, on Kyrgyz and Russian")
    func wordMemoAnswersAsRules() {
        let g = Glossaries.forTests
        for text in Self.texts {
            let tokens = Analyze.words(of: text)
            let plain = OrganizationRules(tokens: tokens, glossary: g.organizations, people: g.people, places: g.places)
            let remembering = OrganizationRules(
                tokens: tokens, glossary: g.organizations, people: g.people, places: g.places,
                words: OrganizationWords())
            for round in 0..<2 {
                for k in tokens.indices {
                    let at = "\(text) at \(k), round \(round)"
                    #expect(remembering.mayStartGlossaryName(k) == plain.startsGlossaryName(k), "\(at)")
                    #expect(remembering.kyrgyzHead(k) == plain.kyrgyzHeadOfWord(k), "\(at)")
                    #expect(remembering.russianHead(k) == plain.russianHeadOfWord(k), "\(at)")
                }
            }
            #expect(tokens.indices.contains { remembering.kyrgyzHead($0) != nil || remembering.russianHead($0) != nil })
        }
    }

    @Test("a name of letters, spaces and inner hyphens is cut at its spaces, as the tokenizer would cut it")
    func plainNames() {
        for name in ["Жалал-Абад облусу", "Ысык-Көл", "Кок-Жар-Ата айылы", "Бишкек  шаары", "Чуйская область"] {
            #expect(NameWords.isPlainName(name), "\(name)")
            #expect(NameWords.lowercaseWords(of: name) == NameWords.wordTokens(of: name).map(\.lower), "\(name)")
        }
        for name in ["Кара--Балта", "-Абад", "Жалал- Абад", "Жалал -Абад", "Ош-", "Ош, Баткен", "24.kg"] {
            #expect(!NameWords.isPlainName(name), "\(name)")
        }
    }

    @Test("one word is looked up exactly as the words of a name are")
    func exactOneWord() {
        let index = Glossaries.forTests.places.index
        for word in ["бишкек", "ош", "кыргызстан", "москва", "столица", ""] {
            // With a space after it, the word is cut out of the name the long way.
            #expect(index.exact(word) == index.exact(word + " "), "\(word)")
        }
        #expect(!index.exact("бишкек").isEmpty)
    }

    @Test("the byte tables of endings answer as the lists they are made from")
    func endingTables() {
        let kept = ["ом", "ем", "ей", "им", "ему", "яя", "юю", "ее"]
        let surname = SurnameEnding.endings(.marksSurname).map(\.ending).filter {
            $0.startsWith("ов") || $0.startsWith("ев")
        }
        for word in ["кеминского", "чуйской", "пригородном", "ананьево", "токтогулов", "манасовой", "бишкек", "жолу"] {
            let adjective = RussianMorphology.adjectiveEndings.contains { word.endsWith($0) && !kept.contains($0) }
            #expect(PlaceRecognizer.isAdjectiveNotSettlement(word) == adjective, "\(word)")
            #expect(PlaceRecognizer.surnameEndings.matches(word) == surname.contains { word.endsWith($0) }, "\(word)")
        }
    }
}
