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

    public init(glossary: OrganizationGlossary = .shared, people: PersonGlossary = .shared) {
        self.glossary = glossary
        self.people = people
    }

    /// The «…» part of a name, in lower case.
    static func quotedPart(_ name: String) -> String? {
        let u = name.unicodeScalars
        guard let a = u.firstIndex(of: "«"), let b = u[a...].firstIndex(of: "»") else { return nil }
        return String(u[a...b]).fastLowercased()
    }

    struct Candidate {
        var first: Int
        var last: Int
        var name: String
        var acronym: String?
        var organizationID: String?
        /// Breaks ties between spans of one length: quoted > glossary > rule.
        var priority: Int
        var length: Int { last - first }
    }

    public func recognize(_ document: inout Document) {
        let tokens = document.words
        let claimed = document.entities.map(\.span)
        let rules = OrganizationRules(tokens: tokens, glossary: glossary, people: people)
        var candidates: [Candidate] = []
        for i in tokens.indices where !claimed.contains(where: { $0.overlaps(tokens[i].span) }) {
            let language = document.segmentation.block(at: tokens[i].span.start)?.language ?? document.language
            if let c = rules.quoted(i) { candidates.append(c) }
            if let c = rules.glossaryName(i) { candidates.append(c) }
            if let c = rules.acronym(i, language: language) { candidates.append(c) }
            // Kyrgyz names end in their head, Russian ones start with it.
            if language != "ru", let c = rules.kyrgyzHeadFinal(i) { candidates.append(c) }
            if language != "ky", let c = rules.russianHeadFirst(i) { candidates.append(c) }
        }
        candidates.removeAll { c in claimed.contains { $0.overlaps(Span(tokens[c.first].span.start, tokens[c.last - 1].span.end)) } }
        // A rule span that is all a place's name (`Орусия Федерациясы`) is that place.
        candidates.removeAll { c in
            c.organizationID == nil && c.priority == 1 && PlaceGlossary.shared.index.longestMatch(tokens, at: c.first)?.end == c.last
        }
        // A rule span that only adds a sentence-opening word to a glossary name (`Долбоор Азия
        // өнүктүрүү банкы`) gives way to the glossary name.
        let known = candidates.filter { $0.organizationID != nil }
        candidates.removeAll { c in
            c.organizationID == nil && c.priority == 1 && known.contains { k in
                k.last == c.last && k.first == c.first + 1 && rules.startsSentence(c.first)
            }
        }
        // Longest first; a span never overlaps one already chosen.
        candidates.sort { ($0.length, $0.priority, -$0.first) > ($1.length, $1.priority, -$1.first) }
        var chosen: [Candidate] = []
        for c in candidates where !chosen.contains(where: { $0.first < c.last && c.first < $0.last }) {
            chosen.append(c)
        }
        // A longer span that holds a glossary name ending where it ends is that organization
        // (`“Өнүктүрүү саясат институту” коомдук бирикмеси` → its acronym ӨСИ).
        for n in chosen.indices where chosen[n].organizationID == nil {
            if let known = candidates.first(where: { $0.organizationID != nil && $0.last == chosen[n].last && $0.first <= chosen[n].first + 1 && $0.first >= chosen[n].first }) {
                chosen[n].organizationID = known.organizationID
                chosen[n].acronym = chosen[n].acronym ?? known.acronym
            }
        }
        chosen.sort { $0.first < $1.first }
        chosen = rules.withDefinedAcronyms(chosen)

        // One name per organization in a document: the first mention's. A later short form of an
        // earlier name (`Национальной библиотеки` after `Национальная библиотека … им. …`) is that one.
        var nameOf: [String: (String, String?)] = [:]
        // Earlier names with their lower case and quoted part, computed once each.
        var earlier: [(name: String, lower: String, quoted: String?)] = []
        for c in chosen {
            var name = c.name, acronym = c.acronym
            let lower = name.fastLowercased()
            if let id = c.organizationID, let first = nameOf[id] {
                name = first.0; acronym = acronym ?? first.1
            } else if let full = earlier.first(where: { e in
                e.lower.utf8.count > lower.utf8.count && (e.lower.startsWith(lower + " ") || e.lower.endsWith(" " + lower))
            }) {
                name = full.name  // a later short form: `Национальная библиотека`, `Туризм департаменти`
            } else if case let quoted = Self.quotedPart(name) ?? "«\(lower)»", let same = earlier.first(where: { $0.quoted == quoted }) {
                // `ОО «Жаш Муун»` after `«Жаш Муун» коомдук бирикмеси`; `Өнүктүрүү саясат институту`
                // after `«Өнүктүрүү саясат институту» коомдук бирикмеси`.
                name = same.name
            }
            if let id = c.organizationID, nameOf[id] == nil { nameOf[id] = (name, acronym) }
            earlier.append((name, name.fastLowercased(), Self.quotedPart(name)))
            document.add(.organization, Span(tokens[c.first].span.start, tokens[c.last - 1].span.end), .organization(name: name, acronym: acronym))
        }
    }
}
