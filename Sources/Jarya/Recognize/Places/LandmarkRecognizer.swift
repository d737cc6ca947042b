/// Streets, avenues, squares, parks, monuments, stadiums and residential areas: places of
/// kind `other`, which users look for as venues and addresses. Found by their type word,
/// before the name in Russian (`ул. Фрунзе`, `проспект Жибек Жолу`, `площади имени Турдакуна
/// Усубалиева`, `стадион «Спартак»`) and after it in Kyrgyz (`Фрунзе көчөсүндө`, `Чүй
/// проспектиси`, `«Тоголок Молдо» гүлзарында`, `3-микрорайон`), and by name from the glossary
/// (`Ала-Тоо аянты`, `Старой площади`, `Дубовый парк`), whose canonical name wins.
///
/// Runs before organizations and persons so that `«Курманжан Датканын» эстелиги` is a monument,
/// not a person, and before the place recognizer so that `Чүй проспектиси` is not Chuy Region.
/// A generic `борбордук аянт` / `центральная площадь` has no name and is not found.
public struct LandmarkRecognizer: Recognizer {
    public let name = "landmark"
    let glossary: PlaceGlossary
    let people: PersonGlossary

    public init(glossaries: Glossaries) {
        self.glossary = glossaries.places
        self.people = glossaries.people
    }

    /// Type words by the stem their case forms start with, and the English word for the canonical
    /// name (empty: the name alone, as for `Ак-Орго` the residential area).
    static let typeWords: [(stem: String, english: String, language: Language)] = [
        ("көчө", "Street", .kyrgyz), ("улиц", "Street", .russian), ("проспект", "Avenue", .both),
        ("бульвар", "Boulevard", .both),
        ("аянт", "Square", .kyrgyz), ("площад", "Square", .russian), ("парк", "Park", .both), ("сквер", "Park", .both),
        ("гүлзар", "Park", .kyrgyz), ("багы", "Park", .kyrgyz), ("багын", "Park", .kyrgyz), ("аллея", "Alley", .both),
        ("аллее", "Alley", .russian), ("аллеи", "Alley", .russian), ("токою", "Grove", .kyrgyz),
        ("стадион", "Stadium", .both),
        ("эстелиг", "Monument", .kyrgyz), ("эстелик", "Monument", .kyrgyz), ("памятник", "Monument", .russian),
        ("микрорайон", "Microdistrict", .both), ("кичирайон", "Microdistrict", .kyrgyz), ("переул", "Lane", .russian),
        ("конуш", "", .kyrgyz), ("жилмассив", "", .russian),
    ]
    enum Language { case kyrgyz, russian, both }
    /// What follows a shared stem in Russian (`проспекте`, `парка`, `стадионом`); anything else
    /// is a Kyrgyz possessive or case form (`проспектиси`, `паркында`, `стадионунда`).
    static let russianRemainders: Set<String> = ["", "а", "е", "ом", "ов", "ах", "ами", "ам"]
    /// Russian abbreviations written with a dot before the name.
    static let abbreviations: [String: String] = [
        "ул": "Street", "пр": "Avenue", "просп": "Avenue", "бул": "Boulevard", "пл": "Square", "мкр": "Microdistrict",
        "пер": "Lane", "көч": "Street", "ж/м": "",
    ]
    /// Type words of streets, whose Kyrgyz conjuncts are streets too: `Тыныстанов, Орозбеков
    /// жана Эркиндик бульвары`.
    static let streetLike: Set<String> = ["Street", "Avenue", "Boulevard"]
    /// A quote mark: `«`, `»`, `“`, `”`, `„` or `"` (read by scalar: a set of strings would hash each
    /// punctuation token).
    static func isQuote(_ t: NameToken) -> Bool {
        guard t.kind == .punctuation else { return false }
        var scalars = t.text.unicodeScalars.makeIterator()
        guard let c = scalars.next(), scalars.next() == nil else { return false }
        return ["«", "»", "“", "”", "„", "\""].contains(c)
    }
    /// Words that only look like names after a type word: `на площади Ала-Тоо Бишкека`.
    static let maximumNameWords = 3

    typealias Found = (span: Span, place: PlaceGlossary.Place)

    public func recognize(_ document: inout Document) {
        let tokens = document.words
        let claimed = SpanIndex(document.entities.lazy.map(\.span))
        var found: [Found] = []
        var typeish = [UInt8](repeating: 0, count: tokens.count)
        // The worker's memo of type words, taken out while the document is read.
        var memo = WordMemo<TypeWordFact>()
        swap(&memo, &document.lexicon.landmarks)
        defer { swap(&memo, &document.lexicon.landmarks) }
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind != .punctuation || Self.isQuote(tokens[i]), !claimed.overlaps(tokens[i].span) else {
                i += 1; continue
            }
            let type = tokens[i].kind == .word ? typeWord(tokens, i, &memo) : nil
            // The glossary is asked only where a landmark's name may start: at a type word, or a
            // capital or quote with a type word (or `дом`, `үй`, `резиденция`) among the next words.
            if type != nil
                || ((tokens[i].isCapitalized || Self.isQuote(tokens[i])) && typeWordAhead(tokens, i, &typeish, &memo)),
                let (values, matched) = glossary.index.longestMatch(tokens, at: i),
                let place = values.first(where: { $0.kind == "other" }),
                tokens[i..<matched].contains(where: { $0.isCapitalized })
            {
                var end = matched
                // The closing quote of `стадионе «Спартак»`.
                if end < tokens.count, Self.isQuote(tokens[end]), tokens[i..<end].contains(where: { Self.isQuote($0) })
                {
                    end += 1
                }
                found.append((Span(tokens[i].span.start, tokens[end - 1].span.end), place))
                // Streets listed before a Kyrgyz name that ends in its type word.
                if type == nil, let (english, russian) = typeWord(tokens, matched - 1, &memo), !russian,
                    Self.streetLike.contains(english)
                {
                    found += conjuncts(tokens, before: i)
                }
                i = end
                continue
            }
            if let (english, russian) = type {
                if russian, let (f, end) = nameAfter(tokens, i, english) { found.append(f); i = end; continue }
                if let list = nameBefore(tokens, i, english, russian: russian) { found += list }
            }
            i += 1
        }
        found.sort { $0.span < $1.span }
        var lastEnd = -1
        for f in found where f.span.start >= lastEnd && !claimed.overlaps(f.span) {
            document.add(.place, f.span, .place(name: f.place.canonical, kind: "other", country: "KG"))
            lastEnd = f.span.end
        }
    }

    /// The first four letters of every type word, to turn most tokens away with one lookup.
    static let typePrefixes: Set<String> = Set(
        typeWords.map { String(String.UnicodeScalarView($0.stem.unicodeScalars.prefix(4))) })
    /// The same prefixes as integers (see `prefixKey`): the test every lower-case word meets.
    static let typePrefixKeys = Set(typePrefixes.compactMap(prefixKey))

    /// Whether the word's first four letters (or all, if fewer) are those of a type word.
    static func hasTypePrefix(_ lower: String) -> Bool {
        if let key = prefixKey(lower) { return typePrefixKeys.contains(key) }
        return typePrefixes.contains(String(String.UnicodeScalarView(lower.unicodeScalars.prefix(4))))
    }

    /// The first four scalars (or all, if fewer) packed 16 bits each, so that a word's prefix is
    /// looked up with no string made; nil when one lies outside the Basic Multilingual Plane.
    /// The scalars are read with a plain loop: `unicodeScalars.prefix(4)` validated each index
    /// and cost about 950 instructions a word.
    static func prefixKey(_ word: String) -> UInt64? {
        var key: UInt64 = 0
        var n = 0
        for c in word.unicodeScalars {
            guard n < 4 else { break }
            guard c.value < 0x10000, c.value != 0 else { return nil }
            key = key << 16 | UInt64(c.value)
            n += 1
        }
        return key
    }
    /// Type words of glossary landmarks that have no rule of their own (`Белый дом`, `Ак үй`).
    static let glossaryTypeStems = ["дом", "үй", "резиденц", "мамлекеттик"]

    /// Whether a type word comes within three words after token `i`. Each token's answer is kept
    /// in `known` (0: not asked yet, 1: no, 2: yes), as the next capitals ask about the same words.
    func typeWordAhead(
        _ tokens: [NameToken], _ i: Int, _ known: inout [UInt8], _ memo: inout WordMemo<TypeWordFact>
    ) -> Bool {
        var k = i
        while k < tokens.count, k - i <= 4 {
            if known[k] == 0 {
                let yes =
                    tokens[k].kind == .word
                    && (typeWord(tokens, k, &memo) != nil || fact(tokens, k, &memo).isGlossaryType)
                known[k] = yes ? 2 : 1
            }
            if known[k] == 2 { return true }
            k += 1
        }
        return false
    }

    /// What a word's text says of it as a type word: which of `typeWords` it starts with, and
    /// whether the rest is a Russian ending.
    public struct TypeWordFact: Sendable {
        /// The index in `typeWords`, or -1.
        var typeWord: Int8
        /// A shared stem with a Russian ending after it (`проспекте`, not `проспектиси`).
        var russianRemainder: Bool
        /// It starts with one of `glossaryTypeStems` (`дом`, `үй`).
        var isGlossaryType: Bool
        /// The English type word when the word is one of `abbreviations` (`ул`, `пр`), or nil.
        var abbreviation: String?
    }

    /// Token `i`'s `TypeWordFact`, worked out once per worker for each word.
    func fact(_ tokens: [NameToken], _ i: Int, _ memo: inout WordMemo<TypeWordFact>) -> TypeWordFact {
        memo.value(tokens[i].surface) {
            let lower = tokens[i].lower
            var fact = TypeWordFact(
                typeWord: -1, russianRemainder: false,
                isGlossaryType: Self.glossaryTypeStems.contains(where: { lower.startsWith($0) }),
                abbreviation: Self.abbreviations[lower])
            if Self.hasTypePrefix(lower), let n = Self.typeWords.firstIndex(where: { lower.startsWith($0.stem) }) {
                fact.typeWord = Int8(n)
                fact.russianRemainder = Self.russianRemainders.contains(
                    String(lower.unicodeScalars.dropFirst(Self.typeWords[n].stem.unicodeScalars.count)))
            }
            return fact
        }
    }

    /// The English type word if token `i` is a lower-case type word or a dotted abbreviation, and
    /// whether it is written the Russian way, before its name.
    func typeWord(_ tokens: [NameToken], _ i: Int, _ memo: inout WordMemo<TypeWordFact>) -> (String, Bool)? {
        guard !tokens[i].isCapitalized else { return nil }
        let fact = fact(tokens, i, &memo)
        if i + 1 < tokens.count, tokens[i + 1].is("."), let e = fact.abbreviation {
            return (e, tokens[i].lower != "көч")
        }
        guard fact.typeWord >= 0 else { return nil }
        let w = Self.typeWords[Int(fact.typeWord)]
        switch w.language {
        case .kyrgyz: return (w.english, false)
        case .russian: return (w.english, true)
        case .both: return (w.english, fact.russianRemainder)
        }
    }

    /// A Russian name after its type word: `улица Байтик Баатыра`, `пр. Ч. Айтматова`,
    /// `площади имени Турдакуна Усубалиева`, `стадион «Спартак»`, `жилмассиве «Ак-Орго»`.
    func nameAfter(_ tokens: [NameToken], _ i: Int, _ english: String) -> (Found, Int)? {
        var k = i + 1
        if k < tokens.count, tokens[k].is(".") { k += 1 }
        if k < tokens.count, ["имени", "им"].contains(tokens[k].lower) {
            k += 1
            if k < tokens.count, tokens[k].is(".") { k += 1 }
        }
        guard k < tokens.count, !tokens[k].newlineBefore else { return nil }
        let words: [NameToken]
        var end: Int
        if Self.isQuote(tokens[k]) {
            guard let close = closingQuote(tokens, k) else { return nil }
            words = Array(tokens[(k + 1)..<close])
            end = close + 1
        } else {
            var j = k
            var taken: [NameToken] = []
            while j < tokens.count, taken.filter({ $0.kind == .word }).count < Self.maximumNameWords {
                let t = tokens[j]
                if t.kind == .word, t.isCapitalized, !t.newlineBefore || j == k {
                    // An initial: `Ч.` before the surname.
                    if t.text.unicodeScalars.count == 1, j + 1 < tokens.count, tokens[j + 1].is(".") {
                        taken += [t, tokens[j + 1]]; j += 2; continue
                    }
                    // A place after the name is the city it lies in: `площади Ала-Тоо Бишкека`.
                    if !taken.isEmpty, !glossary.index.lookup(t.lower).isEmpty { break }
                    taken.append(t); j += 1; continue
                }
                if t.is("-"), !taken.isEmpty, j + 1 < tokens.count,
                    tokens[j + 1].isCapitalized || tokens[j + 1].kind == .number
                {
                    taken.append(t); j += 1; continue
                }
                break
            }
            guard taken.contains(where: { $0.kind == .word && $0.text.unicodeScalars.count > 1 }) else { return nil }
            words = taken
            end = j
        }
        guard !words.isEmpty, words.first!.isCapitalized || words.first!.kind == .number else { return nil }
        // An adjective before the type word names it already, and the place after it is where it
        // lies: `центральной площади Бишкека` is the city's main square, not a square called Bishkek.
        if i > 0, tokens[i - 1].kind == .word, !tokens[i - 1].isCapitalized,
            OrganizationRules.isAdjective(tokens[i - 1].lower),
            glossary.index.longestMatch(tokens, at: k)?.end == end
        {
            return nil
        }
        let canonical = Self.canonical(words.map { Self.nominativeRussian($0.text) }, english, kyrgyz: false)
        return ((Span(tokens[i].span.start, tokens[end - 1].span.end), place(canonical)), end)
    }

    /// A Kyrgyz name before its type word at `k`: `Фрунзе көчөсүндө`, `Тоголок Молдо көчөсүнө`,
    /// `«Спартак» стадионунда`, `3-микрорайон`, `Киргизия-1 конушунда`; with the conjuncts of a
    /// street (`Тыныстанов, Орозбеков жана Эркиндик бульвары`), each a street of its own.
    func nameBefore(_ tokens: [NameToken], _ k: Int, _ english: String, russian: Bool) -> [Found]? {
        guard k > 0, !tokens[k].newlineBefore else { return nil }
        // Before a Russian type word only a numbered microdistrict: `3-микрорайон`.
        if russian, !(english == "Microdistrict" && k >= 2 && tokens[k - 1].is("-") && tokens[k - 2].kind == .number) {
            return nil
        }
        var first = k
        var words: [NameToken] = []
        if Self.isQuote(tokens[k - 1]), let open = openingQuote(tokens, k - 1) {
            words = Array(tokens[(open + 1)..<(k - 1)])
            first = open
        } else if english == "Microdistrict", k >= 2, tokens[k - 1].is("-"), tokens[k - 2].kind == .number {
            return [
                (
                    Span(tokens[k - 2].span.start, tokens[k].span.end),
                    place(Self.ordinal(tokens[k - 2].text) + " Microdistrict")
                )
            ]
        } else {
            var j = k - 1
            // `Киргизия-1`: a name with a number.
            if j >= 2, tokens[j].kind == .number, tokens[j - 1].is("-"), tokens[j - 2].isCapitalized {
                words = [tokens[j - 2], tokens[j - 1], tokens[j]]; j -= 3
            }
            while j >= 0, words.count < Self.maximumNameWords, tokens[j].kind == .word, tokens[j].isCapitalized {
                words.insert(tokens[j], at: 0)
                if tokens[j].newlineBefore { break }
                j -= 1
            }
            // A capitalized word opening the sentence before a name is not part of it.
            if words.count > 1, words[0].newlineBefore || (j >= 0 && (tokens[j].is(".") || tokens[j].is(":"))) {
                words.removeFirst()
            }
            guard let w = words.first else { return nil }
            first = tokens.firstIndex { $0.span == w.span }!
        }
        guard !words.isEmpty, words.contains(where: { $0.kind == .word && $0.isCapitalized }) else { return nil }
        // A person before a type word is who stood there (`Шаар башчы Бакытбек Жетигенов аянтта …`):
        // a square named after someone is `… атындагы аянт`.
        if first == k - 2, people.givenName(words[0].lower) != nil, SurnameEnding.matches(words[1].lower, .marksSurname)
        {
            return nil
        }
        var names = words.map(\.text)
        names[names.count - 1] = Self.nominativeKyrgyz(names[names.count - 1])
        var result: [Found] = [
            (Span(tokens[first].span.start, tokens[k].span.end), place(Self.canonical(names, english, kyrgyz: true)))
        ]
        guard Self.streetLike.contains(english) else { return result }
        // A plural type word after one word opening the sentence is no name: `Жаңы көчөлөргө`.
        if words.count == 1, first == 0 || tokens[first].newlineBefore || tokens[first - 1].is("."),
            Self.isPlural(tokens[k].lower)
        {
            return nil
        }
        return result + conjuncts(tokens, before: first)
    }

    /// The streets listed before a Kyrgyz street name that ends the list: `Тыныстанов, Орозбеков
    /// жана Эркиндик бульвары` (Tynystanov Street, Orozbekov Street).
    func conjuncts(_ tokens: [NameToken], before first: Int) -> [Found] {
        var result: [Found] = []
        var j = first - 1
        while j >= 1, tokens[j].is(",") || tokens[j].lower == "жана" {
            let w = tokens[j - 1]
            guard w.kind == .word, w.isCapitalized, !w.isAllCaps else { break }
            result.append((w.span, place(Self.canonical([w.text], "Street", kyrgyz: true))))
            j -= 2
        }
        return result
    }

    /// A Kyrgyz plural (`көчөлөргө`, `аянттары`).
    static func isPlural(_ w: String) -> Bool {
        KyrgyzMorphology.plurals.contains { w.includes($0) }
    }

    func closingQuote(_ tokens: [NameToken], _ open: Int) -> Int? {
        var j = open + 1
        while j < tokens.count, j - open <= 6, !tokens[j].newlineBefore {
            if Self.isQuote(tokens[j]) { return j > open + 1 ? j : nil }
            j += 1
        }
        return nil
    }

    func openingQuote(_ tokens: [NameToken], _ close: Int) -> Int? {
        var j = close - 1
        while j >= 0, close - j <= 6 {
            if Self.isQuote(tokens[j]) { return j < close - 1 ? j : nil }
            if tokens[j].newlineBefore { return nil }
            j -= 1
        }
        return nil
    }
}
