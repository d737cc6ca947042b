/// Organizations: glossary names and acronyms in any case form (`ЮНИСЕФтин`, `Минздрава`,
/// `Жогорку Кеңеште`); Kyrgyz names that end in a head noun (`… министрлиги`, `… агенттиги`,
/// `… академиясы`), found by walking left over the genitive chain; Russian names that start
/// with one (`Министерство …`, `Мэрия г. …`, `Всемирный банк`), walking right; quoted names
/// with a legal form (`ОсОО «Альфа»`, `“…” коомдук бирикмеси`); and acronyms defined in the
/// text (`Институт политики развития (ИПР)`). `name` is the nominative in the text's language;
/// every mention of one organization gets the same `name`.
public struct OrganizationRecognizer: Recognizer {
    public let name = "organization"
    let glossary: OrganizationGlossary
    let people: PersonGlossary
    let places: PlaceGlossary

    public init(glossaries: Glossaries) {
        self.glossary = glossaries.organizations
        self.people = glossaries.people
        self.places = glossaries.places
    }

    /// The «…» part of a name, in lower case.
    static func quotedPart(_ name: String) -> String? {
        // On bytes (« is C2 AB, » C2 BB; C2 only ever leads), in place: searching the scalars
        // decoded every one of them.
        func part(_ u: UnsafeBufferPointer<UInt8>) -> String? {
            var a = 0
            while a + 1 < u.count && !(u[a] == 0xC2 && u[a + 1] == 0xAB) { a += 1 }
            var b = a + 2
            while b + 1 < u.count && !(u[b] == 0xC2 && u[b + 1] == 0xBB) { b += 1 }
            return b + 1 < u.count
                ? String(decoding: UnsafeBufferPointer(rebasing: u[a...(b + 1)]), as: UTF8.self) : nil
        }
        let found = name.utf8.withContiguousStorageIfAvailable(part) ?? Array(name.utf8).withUnsafeBufferPointer(part)
        return found?.fastLowercased()
    }

    /// Which organization a candidate is, when that is known: every mention of one gets the
    /// first mention's name.
    enum OrganizationID: Hashable {
        /// A glossary entry, by its id.
        case glossary(String)
        /// An acronym the text defines (`Институт политики развития (ИПР)`).
        case defined(acronym: String)
        /// Another country's body of a glossary body's kind (`МИД России` beside the glossary's `МИД`).
        case foreign(body: String, country: String)

        /// The glossary entry's id, or nil for an acronym the text defines.
        var glossaryID: String? {
            if case .glossary(let id) = self { return id }
            return nil
        }
    }

    struct Candidate {
        /// Breaks ties between spans of one length: quoted > glossary > rule.
        enum Priority: Int, Comparable {
            case rule = 1, glossary, quoted
            static func < (a: Priority, b: Priority) -> Bool { a.rawValue < b.rawValue }
        }

        var first: Int
        var last: Int
        var name: String
        var acronym: String?
        var organizationID: OrganizationID?
        var priority: Priority
        var length: Int { last - first }
    }

    public func recognize(_ document: inout Document) {
        let tokens = document.words
        let claimed = SpanIndex(document.entities.lazy.map(\.span))
        // The worker's memo of word facts, lent to the rules while the document is read.
        let words = OrganizationWords()
        swap(&words.memo, &document.lexicon.organizations)
        defer { swap(&words.memo, &document.lexicon.organizations) }
        let rules = OrganizationRules(tokens: tokens, glossary: glossary, people: people, places: places, words: words)
        var candidates: [Candidate] = []
        // The block of the last token: the next token is most often in it, and not searched for.
        var block: Block? = nil
        for i in tokens.indices where !claimed.overlaps(tokens[i].span) {
            let start = tokens[i].span.start
            if block.map({ !($0.span.start <= start && start < $0.span.end) }) ?? true {
                block = document.segmentation.block(at: start)
            }
            let language = block?.language ?? document.language
            if let c = rules.quoted(i) { candidates.append(c) }
            if let c = rules.glossaryName(i, language: language) { candidates.append(c) }
            if let c = rules.acronym(i, language: language) { candidates.append(c) }
            // Kyrgyz names end in their head, Russian ones start with it.
            if language != "ru", let c = rules.kyrgyzHeadFinal(i) { candidates.append(c) }
            if language != "ky", let c = rules.russianHeadFirst(i) { candidates.append(c) }
        }
        // Another country's body named with a known one's name (`МИД России`) replaces a rule's
        // reading of the same words.
        let counterparts = candidates.compactMap { rules.foreignCounterpart(of: $0) }
        let counterpartRanges = Set(counterparts.map { TokenRange($0.first, $0.last) })
        candidates.removeAll { $0.organizationID == nil && counterpartRanges.contains(TokenRange($0.first, $0.last)) }
        candidates += counterparts
        candidates.removeAll { c in claimed.overlaps(Span(tokens[c.first].span.start, tokens[c.last - 1].span.end)) }
        // A name with a number glued on is a vehicle's or a mission's (`Союз ТМА-13`, `STS-124`),
        // as is a name right after a vehicle's noun (`корабля «Союз»`).
        candidates.removeAll { tokens.numberCodeFollows($0.last) || Self.vehicleNamed(tokens, $0.first) }
        // A rule span that is all a place's name (`Орусия Федерациясы`) or its last words (the
        // `Федерации` of `Российской Федерации`, the `Союза` of `Советского Союза`) is that place.
        candidates.removeAll { c in
            c.organizationID == nil && c.priority == .rule
                && rules.placeName(startingIn: max(0, c.first - 3)..<c.first + 1, endsAt: c.last)
        }
        // A rule span that only adds a sentence-opening word to a glossary name (`Долбоор Азия
        // өнүктүрүү банкы`) gives way to the glossary name, but for a place's genitive, which is
        // part of the name (`Кыргызстандын Улуттук китепканасы`).
        let known = Set(candidates.filter { $0.organizationID != nil }.map { TokenRange($0.first, $0.last) })
        candidates.removeAll { c in
            c.organizationID == nil && c.priority == .rule && known.contains(TokenRange(c.first + 1, c.last))
                && rules.startsSentence(c.first) && places.index.longestMatch(tokens, at: c.first) == nil
        }
        // Longest first; a span never overlaps one already chosen.
        candidates.sort { ($0.length, $0.priority, -$0.first) > ($1.length, $1.priority, -$1.first) }
        var chosen: [Candidate] = []
        // Tokens inside a chosen span: a candidate is checked over its own tokens only.
        var taken = [Bool](repeating: false, count: tokens.count)
        for c in candidates {
            if c.first < c.last {
                guard !taken[c.first..<c.last].contains(true) else { continue }
            } else if chosen.contains(where: { $0.first < c.last && c.first < $0.last }) {
                continue
            }
            chosen.append(c)
            for k in c.first..<max(c.first, c.last) { taken[k] = true }
        }
        // A longer span that holds a glossary name ending where it ends is that organization
        // (`“Өнүктүрүү саясат институту” коомдук бирикмеси` → its acronym ӨСИ).
        // The first glossary candidate of each token range, in the order of `candidates`.
        var firstKnown: [TokenRange: Int] = [:]
        for (n, c) in candidates.enumerated()
        where c.organizationID != nil && firstKnown[TokenRange(c.first, c.last)] == nil {
            firstKnown[TokenRange(c.first, c.last)] = n
        }
        for n in chosen.indices where chosen[n].organizationID == nil {
            let same = firstKnown[TokenRange(chosen[n].first, chosen[n].last)],
                inner = firstKnown[TokenRange(chosen[n].first + 1, chosen[n].last)]
            if let k = [same, inner].compactMap({ $0 }).min() {
                let known = candidates[k]
                chosen[n].organizationID = known.organizationID
                chosen[n].acronym = chosen[n].acronym ?? known.acronym
            } else if let k = rules.knownBeforeOwnCountry(chosen[n], firstKnown: firstKnown, candidates: candidates) {
                // `Министерство иностранных дел Кыргызстана`: the known body and its own country.
                chosen[n].organizationID = candidates[k].organizationID
                chosen[n].acronym = chosen[n].acronym ?? candidates[k].acronym
            }
        }
        chosen.sort { $0.first < $1.first }
        let segmentation = document.segmentation, documentLanguage = document.language
        let languageAt = { (k: Int) in segmentation.block(at: tokens[k].span.start)?.language ?? documentLanguage }
        for n in chosen.indices where chosen[n].organizationID == nil {
            if let hall = rules.cityHall(first: chosen[n].first, last: chosen[n].last) {
                chosen[n].organizationID = .glossary(hall.id)
                chosen[n].name = hall.name(in: languageAt(chosen[n].first) == "ky" ? "ky" : "ru") ?? chosen[n].name
            }
        }
        chosen = rules.withDefinedAcronyms(chosen)
        chosen = (chosen + rules.quotedListMates(of: chosen, taken: taken, claimed: claimed)).sorted {
            $0.first < $1.first
        }
        chosen =
            (chosen + rules.anaphoricCityHalls(taken: taken, claimed: claimed, named: chosen, language: languageAt))
            .sorted { $0.first < $1.first }

        // One name per organization in a document: the first mention's. A later short form of an
        // earlier name (`Национальной библиотеки` after `Национальная библиотека … им. …`) is that one.
        var nameOf: [OrganizationID: (String, String?)] = [:]
        // Earlier names, indexed by what a later mention may match: the words a name starts or
        // ends with (its lower case cut at a space) and its quoted part; the first name wins.
        var earlier = OrganizationNames()
        var mentions: [(candidate: Candidate, name: String, acronym: String?)] = []
        // Each mention's name by its index in `earlier`.
        var nameIndex: [Int] = []
        for c in chosen {
            var name = c.name, acronym = c.acronym
            // The lower case of `name` when it is still the candidate's.
            var nameLower: String? = nil
            if let id = c.organizationID, let first = nameOf[id] {
                name = first.0; acronym = acronym ?? first.1
            } else {
                let lower = earlier.lower(of: name) ?? name.fastLowercased()
                if let full = earlier.longer(lower) {
                    name = full  // a later short form: `Национальная библиотека`, `Туризм департаменти`
                } else if case let quoted = Self.quotedPart(name) ?? "«\(lower)»", let same = earlier.quoted(quoted) {
                    // `ОО «Жаш Муун»` after `«Жаш Муун» коомдук бирикмеси`; `Өнүктүрүү саясат институту`
                    // after `«Өнүктүрүү саясат институту» коомдук бирикмеси`.
                    name = same
                } else {
                    nameLower = lower
                }
            }
            if let id = c.organizationID, nameOf[id] == nil { nameOf[id] = (name, acronym) }
            nameIndex.append(earlier.append(name, lower: nameLower))
            mentions.append((c, name, acronym))
        }
        // A short form the text uses before the full name, or one that leaves out words between
        // the first and the head (`Маданият министрлиги` for `Маданият, маалымат жана туризм
        // министрлиги`), takes the full name too: one body, one name. Asked once per name.
        let all = earlier
        var fullNames = [String?](repeating: nil, count: all.count), asked = [Bool](repeating: false, count: all.count)
        for n in mentions.indices {
            let k = nameIndex[n]
            if !asked[k] { fullNames[k] = all.fullName(of: k); asked[k] = true }
            if let full = fullNames[k] { mentions[n].name = full }
        }
        // One body, one acronym: a mention without one (`Международная федерация футбола ФИФА`,
        // the acronym in apposition) takes the one a later mention of the same name has (`ФИФА`).
        // Names are keyed by their bytes: a `String` key normalizes Cyrillic text at every look-up.
        // (The mentions are read by index: a loop over them copied each one.)
        var acronymOf: [WordKey: String] = [:]
        for n in mentions.indices {
            if let a = mentions[n].acronym, acronymOf[WordKey(mentions[n].name)] == nil {
                acronymOf[WordKey(mentions[n].name)] = a
            }
        }
        for n in mentions.indices where mentions[n].acronym == nil {
            mentions[n].acronym = acronymOf[WordKey(mentions[n].name)]
        }
        for n in mentions.indices {
            let (first, last) = (mentions[n].candidate.first, mentions[n].candidate.last)
            document.add(
                .organization, Span(tokens[first].span.start, tokens[last - 1].span.end),
                .organization(name: mentions[n].name, acronym: mentions[n].acronym))
        }
    }
}

extension OrganizationRecognizer {
    /// Whether the name starting at token `first` follows a vehicle's noun, past its opening
    /// quotes (`корабля «Союз»`): the vehicle's name, not an organization's.
    static func vehicleNamed(_ tokens: [NameToken], _ first: Int) -> Bool {
        var k = first - 1
        // A punctuation token is one scalar: compared as one (`==` on strings normalizes them).
        while k >= 0, tokens[k].is("«") || tokens[k].is("“") || tokens[k].is("„") || tokens[k].is("\"") { k -= 1 }
        guard k >= 0, tokens[k].kind == .word, !tokens[k].isCapitalized else { return false }
        // The Analyze stage's stem where it made one: this runs for every candidate.
        let stem = tokens[k].stem.isEmpty ? RussianMorphology.stem(tokens[k].lower) : tokens[k].stem
        return vehicleStems.contains(stem)
    }

    /// The Russian stems of vehicles' nouns, whose quoted names are no organizations.
    /// (A `WordSet`: hashing a Cyrillic `String` normalizes it.)
    static let vehicleStems = WordSet(
        [
            "корабль", "кораблей", "самолет", "самолёт", "судно", "шаттл", "ракета", "спутник", "лайнер", "крейсер",
            "ледокол", "танкер", "паром", "вертолет", "вертолёт", "поезд", "автомобиль",
        ].map { RussianMorphology.stem($0) })

}

/// A candidate's tokens `[first, last)`, as a key.
struct TokenRange: Hashable {
    let first: Int
    let last: Int
    init(_ first: Int, _ last: Int) {
        self.first = first
        self.last = last
    }
}
