import Foundation
import ICUText

/// Places: glossary names in any case form (Бишкекте, Оштон, Казакстандын, в Оше, из
/// Бишкека, Иссык-Кульской области, Ысык-Көл облусунда), with the type word beside them
/// (`Покровка айылында`, `селе Нариман`), unknown settlements by their type words
/// (`X айылы`, `с. X`, `г. X`), and coordinated names sharing one plural type word
/// (`Ош, Жалал-Абад жана Баткен облустарынын`; `Кеминского и Сокулукского районов`).
///
/// Not places: names inside quoted titles, street names (`ул. Фрунзе`, `Фрунзе көчөсү`),
/// currencies (`АКШ доллары`), and spans already claimed by earlier recognizers.
public struct PlaceRecognizer: Recognizer {
    public let name = "place"
    let glossary: PlaceGlossary

    public init(glossary: PlaceGlossary) {
        self.glossary = glossary
    }

    public init(glossaries: Glossaries) {
        self.init(glossary: glossaries.places)
    }

    /// Type words by the kind they give, as stems that their case forms start with.
    static let typeWordsAfter: [(stem: String, kind: String)] = [
        ("шаар", "city"), ("айыл", "village"), ("район", "district"), ("облус", "region"), ("област", "region"),
        ("кыштак", "village"),
    ]
    /// (A `WordMap`: a `String` key hashes Cyrillic text through normalization.)
    static let typeWordsBefore: WordMap<String> = {
        var map = WordMap<String>()
        let kinds = [
            "г": "city", "город": "city", "городе": "city", "города": "city", "городом": "city",
            "с": "village", "село": "village", "селе": "village", "села": "village", "селом": "village",
            "селах": "village", "селами": "village", "сел": "village", "пгт": "village", "поселке": "village",
            "поселок": "village",
        ]
        for (word, kind) in kinds { map[word] = kind }
        return map
    }()
    /// A type noun after a name (`шаарында`, `облусунун`), not its adjective (`облустук`, `райондук`).
    static func isTypeWord(_ w: String) -> Bool {
        typeWordsAfter.contains { w.startsWith($0.stem) }
            && !["тук", "дук", "лык", "лук", "дык", "тык"].contains { w.endsWith($0) }
    }

    static let streetWords = [
        "көчө", "проспект", "бульвар", "улиц", "переул", "микрорайон", "кичирайон", "аянт", "площад",
    ]
    static let streetAbbreviations: WordSet = ["ул", "пр", "просп", "бул", "пер", "мкр", "им", "көч"]
    static let currencyWords = ["доллар", "евро", "рубл", "теңге", "тенге", "юан", "сом"]

    public func recognize(_ document: inout Document) {
        let tokens = document.words
        let claimed = SpanIndex(document.entities.lazy.map(\.span))
        let organizations = SpanIndex(document.entities.lazy.filter { $0.kind == .organization }.map(\.span))
        let quoted = SpanIndex(QuotedSpans.find(tokens))
        var found: [(span: Span, place: PlaceGlossary.Place, first: Int, last: Int)] = []
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            guard t.kind == .word, t.isCapitalized || t.isAllCaps,
                !claimed.overlaps(t.span), !quoted.contains(t.span)
            else { i += 1; continue }
            if let (values, end) = glossary.index.longestMatch(tokens, at: i), !isStreetOrCurrency(tokens, i, end),
                !looksLikeSurname(tokens[i], values), !isInsideRolePhrase(tokens, i, end, organizations: organizations),
                !isRiver(tokens, i), !isGivenName(tokens, i, end), !isTimeZone(tokens, end)
            {
                let place = choose(values, tokens, end)
                var first = i, last = end
                if last < tokens.count, tokens[last].kind == .word, Self.isTypeWord(tokens[last].lower),
                    !Self.typeWordsAfter.contains(where: { tokens[last - 1].lower.startsWith($0.stem) })
                {
                    last += 1
                }
                if let (k, _) = typeWordBefore(tokens, i) { first = k }
                found.append((Span(tokens[first].span.start, tokens[last - 1].span.end), place, first, last))
                i = end
                continue
            }
            if let unknown = unknownSettlement(tokens, i, claimed: claimed) {
                found.append(unknown)
                i = unknown.last
                continue
            }
            i += 1
        }
        // A conjunct's kind from the plural type word replaces what the name alone said.
        let conjuncts = coordinated(tokens, found.map { ($0.place, $0.first, $0.last) })
        let conjunctSpans = SpanIndex(conjuncts.map(\.span))
        found.removeAll { f in conjunctSpans.overlaps(f.span) }
        found += conjuncts
        found.sort { $0.span < $1.span }
        var lastEnd = -1
        for f in found where f.span.start >= lastEnd {
            document.add(
                .place, f.span,
                .place(
                    name: f.place.canonical, kind: f.place.kind,
                    country: f.place.country.isEmpty ? nil : f.place.country))
            lastEnd = f.span.end
        }
    }

    /// A place that locates an organization's office or a person's post is part of that phrase,
    /// not a place the release is about: `АӨБдүн Кыргызстандагы туруктуу өкүлү`, `ТИКАнын
    /// Бишкектеги координатору`, `представитель JICA в Кыргызстане`, `министра здравоохранения КР`.
    func isInsideRolePhrase(_ tokens: [NameToken], _ i: Int, _ end: Int, organizations: SpanIndex) -> Bool {
        guard i > 0 else { return false }
        let last = tokens[end - 1].lower
        let attributive = KyrgyzCase.attributive.ends(last)
        if attributive,
            organizations.overlaps(tokens[i - 1].span) || KyrgyzMorphology.acronym(of: tokens[i - 1].text) != nil
        {
            return true
        }
        // (Compared as bytes: `==` on strings normalizes Cyrillic text, some 500 instructions a call.)
        if tokens[i - 1].lower.sameBytes("в"), i > 1, organizations.overlaps(tokens[i - 2].span) { return true }
        if tokens[i].text.sameBytes("КР"), tokens[i - 1].kind == .word, !tokens[i - 1].isCapitalized { return true }
        return false
    }

    /// `Бишкек убактысы 10:41`, `по бишкекскому времени`: a page header's clock, not a place the
    /// release is about.
    func isTimeZone(_ tokens: [NameToken], _ end: Int) -> Bool {
        end < tokens.count && Self.timeWords.contains(tokens[end].lower)
    }
    static let timeWords: WordSet = ["убактысы", "убактысынча", "убакыты", "времени", "time"]

    /// `реки Нарын`, `Нарын дарыясы`: a river, not the town.
    func isRiver(_ tokens: [NameToken], _ i: Int) -> Bool {
        if i > 0, Self.waterBefore.contains(tokens[i - 1].lower) { return true }
        if i + 1 < tokens.count, Self.waterAfter.contains(tokens[i + 1].lower) { return true }
        return false
    }
    static let waterBefore: WordSet = ["река", "реки", "реке", "рекой", "озеро", "озера", "озере"]
    static let waterAfter: WordSet = ["дарыя", "дарыясы", "дарыясынын", "дарыясында", "көлү", "көлүнүн"]

    /// `Барпы Алыкуловдун`, `Токтогул Сатылганов атындагы`: a place name as written, right before
    /// a surname (in any case), is a person's given name.
    func isGivenName(_ tokens: [NameToken], _ i: Int, _ end: Int) -> Bool {
        // After a type word it is the place (`вице-мэр г. Джалал-Абад Турсунов Бекжан`).
        guard end == i + 1, end < tokens.count, !glossary.index.exact(tokens[i].lower).isEmpty,
            typeWordBefore(tokens, i) == nil
        else { return false }
        let next = tokens[end]
        guard next.kind == .word, next.isCapitalized, !next.newlineBefore else { return false }
        return SurnameEnding.matches(next.lower, .marksSurname)
            || KyrgyzMorphology.stems(of: next.lower).contains { SurnameEnding.matches($0, .nominative) }
    }

    /// `ТОКТОГУЛОВ`, `Манасова`: a surname made from a place name.
    func looksLikeSurname(_ t: NameToken, _ values: [PlaceGlossary.Place]) -> Bool {
        Self.surnameEndings.matches(t.lower) && glossary.index.exact(t.lower).isEmpty
    }

    /// The surname endings in `-ов` and `-ев`, compared on bytes: reading the list of endings at
    /// every place name cost some 2,700 instructions a name.
    static let surnameEndings = ByteEndings(
        SurnameEnding.endings(.marksSurname).map(\.ending).filter { $0.startsWith("ов") || $0.startsWith("ев") })

    /// Of homonyms (Талас the city and the river, Чүй the region and the avenue), the one whose
    /// kind the next word names, else the most specific settlement, else the first.
    func choose(_ values: [PlaceGlossary.Place], _ tokens: [NameToken], _ end: Int) -> PlaceGlossary.Place {
        if values.count > 1, end < tokens.count,
            let kind = Self.typeWordsAfter.first(where: { tokens[end].lower.startsWith($0.stem) })?.kind,
            let v = values.first(where: { $0.kind == kind })
        {
            return v
        }
        let order = ["country", "city", "region", "district", "village", "other"]
        return values.min { (order.firstIndex(of: $0.kind) ?? 9) < (order.firstIndex(of: $1.kind) ?? 9) }!
    }

    /// A Russian type word right before a name: `г. Токмок`, `селе Нариман`, `с. Ананьево`.
    func typeWordBefore(_ tokens: [NameToken], _ i: Int) -> (Int, String)? {
        var k = i - 1
        if k >= 0, tokens[k].is(".") { k -= 1 }
        guard k >= 0, tokens[k].kind == .word, !tokens[k].isCapitalized, !tokens[i].newlineBefore,
            let kind = Self.typeWordsBefore[tokens[k].lower]
        else { return nil }
        // Only an abbreviation takes a dot: after a whole word it ends the sentence (`… города. Завершится`).
        if tokens[k + 1].is("."), tokens[k].lower.unicodeScalars.count > 3 { return nil }
        // `г.` and `с.` need their dot; a bare `с` is the preposition; `2024 г.` is a year, `с.г.` this year.
        if tokens[k].lower.unicodeScalars.count == 1
            && (!tokens[k + 1].is(".") || (k > 0 && (tokens[k - 1].kind == .number || tokens[k - 1].is("."))))
        {
            return nil
        }
        return (k, kind)
    }

    func isStreetOrCurrency(_ tokens: [NameToken], _ i: Int, _ end: Int) -> Bool {
        if end < tokens.count, tokens[end].kind == .word,
            Self.streetWords.contains(where: { tokens[end].lower.startsWith($0) })
                || Self.currencyWords.contains(where: { tokens[end].lower.startsWith($0) })
        {
            return true
        }
        var k = i - 1
        if k >= 0, tokens[k].is(".") { k -= 1 }
        if k >= 0, tokens[k].kind == .word,
            Self.streetAbbreviations.contains(tokens[k].lower)
                || Self.streetWords.contains(where: { tokens[k].lower.startsWith($0) })
        {
            // `центральной площади Бишкека`: the square is the city's, the name is the city.
            let modified =
                k > 0 && tokens[k - 1].kind == .word && !tokens[k - 1].isCapitalized
                && OrganizationRules.isAdjective(tokens[k - 1].lower)
            return !modified
        }
        // An initial before the name: `пр. Ч. Айтматова`, `им. И. Раззакова`.
        return false
    }

    /// A settlement the glossary does not know, named by its type word: `Кок-Жар айылында`,
    /// `с. Ананьево`, `г. Кочкор-Ата`. Its canonical name is the BGN transliteration.
    static let notNames: WordSet = [
        "ал", "бул", "ошол", "ушул", "тигил", "ар", "бир", "биздин", "алардын", "анын", "өз", "мындай", "ошондой",
        "жергиликтүү", "башка", "ошол", "акыркы", "жаңы", "чоң", "кичи", "борбордук", "ушундай", "бардык", "эки", "үч",
    ]

    /// A Russian adjective that is not an unknown settlement's name (`Кеминского`, `Чуйской`).
    /// Settlements named by an adjective keep their -ом/-ем/-ей forms (`селе Пригородном`).
    static func isAdjectiveNotSettlement(_ lower: String) -> Bool {
        notSettlementEndings.matches(lower)
    }

    /// The adjective endings but those a settlement's name keeps, compared on bytes: filtering the
    /// list at every capitalized word cost some 2,400 instructions a word.
    static let notSettlementEndings = ByteEndings(
        RussianMorphology.adjectiveEndings.filter { !["ом", "ем", "ей", "им", "ему", "яя", "юю", "ее"].contains($0) })

    func unknownSettlement(_ tokens: [NameToken], _ i: Int, claimed: SpanIndex) -> (
        span: Span, place: PlaceGlossary.Place, first: Int, last: Int
    )? {
        let t = tokens[i]
        guard t.isCapitalized, !t.isAllCaps, t.lower.unicodeScalars.count >= 3, !Self.notNames.contains(t.lower),
            !Self.isAdjectiveNotSettlement(t.lower)
        else { return nil }
        // The type word in the possessive (`айылы`, `шаарында`) names a settlement; `шаарды` is any town.
        if i + 1 < tokens.count, tokens[i + 1].kind == .word,
            let kind = [("айылы", "village"), ("шаары", "city"), ("кыштагы", "village")].first(where: {
                tokens[i + 1].lower.startsWith($0.0)
            })?.1,
            !(i > 0 && tokens[i - 1].kind == .word && tokens[i - 1].isCapitalized && !tokens[i - 1].newlineBefore)
        {
            let place = PlaceGlossary.Place(
                id: "", canonical: Self.latin(t.text, kyrgyz: true), kind: kind, country: "KG", parent: "")
            return (Span(t.span.start, tokens[i + 1].span.end), place, i, i + 2)
        }
        if let (k, kind) = typeWordBefore(tokens, i), kind == "village" || kind == "city" {
            let place = PlaceGlossary.Place(
                id: "", canonical: Self.latin(t.text, kyrgyz: false), kind: kind, country: "KG", parent: "")
            return (Span(tokens[k].span.start, t.span.end), place, k, i + 1)
        }
        return nil
    }

    /// Conjuncts before a name with a plural type word take its kind:
    /// `Ош, Жалал-Абад жана Баткен облустарынын` → three regions.
    func coordinated(_ tokens: [NameToken], _ matches: [(place: PlaceGlossary.Place, first: Int, last: Int)]) -> [(
        span: Span, place: PlaceGlossary.Place, first: Int, last: Int
    )] {
        var result: [(span: Span, place: PlaceGlossary.Place, first: Int, last: Int)] = []
        let typeNouns: [String: (ky: String, ru: String)] = [
            "region": ("облусу", "область"), "district": ("району", "район"),
        ]
        for m in matches {
            // The span's length first: most matches are one word, and the kind's look-up hashes a string.
            guard m.last - m.first >= 2, let nouns = typeNouns[m.place.kind] else { continue }
            let typeWord = tokens[m.last - 1].lower
            let plural =
                KyrgyzMorphology.plurals.contains(where: { typeWord.includes($0) })
                || Self.russianPluralTypeWords.contains(typeWord)
            guard plural else { continue }
            var k = m.first - 1
            while k >= 1 {
                let sep = tokens[k]
                guard sep.is(",") || Self.conjunctions.contains(sep.lower) else { break }
                let w = tokens[k - 1]
                guard w.kind == .word, w.isCapitalized || w.isAllCaps else { break }
                // The names are looked up in turn until one is a place of the kind: the first
                // answers most Kyrgyz lists, and a look-up costs some 5,000 instructions.
                let names = [
                    { w.text + " " + nouns.ky }, { w.text + " " + nouns.ru },
                    { RussianAdjective.feminine(w.lower) + " " + nouns.ru },
                    { RussianAdjective.masculine(w.lower) + " " + nouns.ru },
                ]
                let found = names.lazy.compactMap { name in
                    glossary.index.lookup(name()).first(where: { $0.kind == m.place.kind })
                }
                guard let place = found.first else { break }
                result.append((w.span, place, k - 1, k))
                k -= 2
            }
        }
        return result
    }

    /// The plural type words of districts and regions, and the words that join conjuncts (sets of
    /// bytes: `==` on strings normalizes Cyrillic text).
    static let russianPluralTypeWords: WordSet = [
        "районов", "районах", "районам", "районами", "областей", "областях", "областям", "областями",
    ]
    static let conjunctions: WordSet = ["жана", "и", "менен"]

    static func latin(_ name: String, kyrgyz: Bool) -> String {
        let raw = LatinTransliteration.latin(name, kyrgyz: kyrgyz) ?? name
        // BGN's `·` keeps letters apart that would read as one (`т·с`, `Завершит·ся`): not in a name.
        return raw.replacing("'", with: "").replacing("\"", with: "").replacing("·", with: "")
    }
}

/// ICU's BGN Cyrillic-to-Latin transliterators for the canonical names of places found by
/// their type word. Opened once per process, not per name: opening one cost about two million
/// instructions (10 % of all the pipeline's work in a callgrind profile). ICU's transliterators
/// are not thread-safe, so each is used under a lock; a name takes microseconds.
enum LatinTransliteration {
    private final class Locked: @unchecked Sendable {
        let lock = NSLock()
        let transliterator: Transliterator?
        init(_ id: String) { transliterator = try? Transliterator(id: id) }
    }

    private static let kyrgyz = Locked("Kirghiz-Latin/BGN; Latin-ASCII")
    private static let russian = Locked("Russian-Latin/BGN; Latin-ASCII")

    /// The name in Latin letters, or nil when ICU cannot transliterate it.
    static func latin(_ name: String, kyrgyz: Bool) -> String? {
        let t = kyrgyz ? Self.kyrgyz : Self.russian
        t.lock.lock()
        defer { t.lock.unlock() }
        return try? t.transliterator?.transliterate(name)
    }
}

/// Russian adjective forms for coordinated district and region names (`Кеминского` → `кеминский`).
enum RussianAdjective {
    static func masculine(_ w: String) -> String {
        let stem = RussianMorphology.stem(w)
        return stem.endsWith("к") || stem.endsWith("н") ? stem + "ий" : stem + "ый"
    }
    static func feminine(_ w: String) -> String { RussianMorphology.stem(w) + "ая" }
}

/// Quoted titles (« », “ ”, „ “, " ") of laws, books, events and organizations, inside which
/// places are not reported. A quotation of speech is not a title: it is longer or has a
/// sentence inside (`.`, `!`, `?`).
enum QuotedSpans {
    static let maximumTitleWords = 12

    static func find(_ tokens: [NameToken]) -> [Span] {
        var result: [Span] = []
        var open: Int? = nil
        // The tokens are read in place: a copy of a token retains three objects.
        for k in tokens.indices {
            if tokens[k].newlineBefore { open = nil }
            // Punctuation tokens are one scalar: switch on it, not on a string.
            guard tokens[k].kind == .punctuation, let mark = tokens[k].text.unicodeScalars.first else { continue }
            switch mark {
            case "«", "“", "„":
                if open == nil { open = k }
            case "»", "”":
                if let o = open {
                    if isTitle(tokens, o, k) { result.append(Span(tokens[o].span.start, tokens[k].span.end)) }
                    open = nil
                }
            case "\"":
                if let o = open, tokens[o].is("\"") {
                    if isTitle(tokens, o, k) { result.append(Span(tokens[o].span.start, tokens[k].span.end)) }
                    open = nil
                } else if open == nil {
                    open = k
                }
            default: break
            }
        }
        return result
    }

    /// Whether the quote from token `open` to `close` is a title rather than speech. Speech is
    /// attributed (`», – деди ал`, `», — отметил он`), introduced by a colon, or a whole sentence.
    static func isTitle(_ tokens: [NameToken], _ open: Int, _ close: Int) -> Bool {
        // Read by index: filtering the slice copied its tokens.
        let inside = (open + 1)..<close
        if inside.reduce(0, { tokens[$1].kind == .word ? $0 + 1 : $0 }) > maximumTitleWords { return false }
        if inside.contains(where: { tokens[$0].is(".") || tokens[$0].is("!") || tokens[$0].is("?") }) { return false }
        var k = close + 1
        if k < tokens.count, tokens[k].is(",") { k += 1 }
        if k < tokens.count, tokens[k].is("–") || tokens[k].is("—") || tokens[k].is("-") { return false }
        if open > 0, tokens[open - 1].is(":") { return false }
        return true
    }
}
