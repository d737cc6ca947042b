/// The ways an organization's name is found, each returning a candidate span at a token.
struct OrganizationRules {
    typealias Candidate = OrganizationRecognizer.Candidate
    let tokens: [NameToken]
    let glossary: OrganizationGlossary
    let people: PersonGlossary
    let places: PlaceGlossary
    /// The worker's memo of what each word is to the rules, when the recognizer lends it (the
    /// rules other recognizers make have none and work every word out as they ask).
    let words: OrganizationWords?

    init(
        tokens: [NameToken], glossary: OrganizationGlossary, people: PersonGlossary, places: PlaceGlossary,
        words: OrganizationWords? = nil
    ) {
        self.tokens = tokens
        self.glossary = glossary
        self.people = people
        self.places = places
        self.words = words
    }

    static let maximumLength = 24
    /// Words that never stand inside a Kyrgyz name, though not case-marked.
    static let kyrgyzStopWords: WordSet = [
        "ошондой", "эле", "ал", "бул", "алар", "ошол", "ушул", "бардык", "ар", "мындан", "тарабынан", "менен", "үчүн",
        "деп", "дейт", "деди", "болуп", "жөнүндө", "тууралуу", "аркылуу", "кийин", "мурун", "быйыл", "былтыр",
        "бүгүн", "эртең", "кечээ", "саат", "жылы", "жыл", "айында", "күнү", "дагы", "да", "де", "же", "иш-чараны",
        "алардын", "анын", "биздин", "сиздин", "өзүнүн", "алардын", "бизде",
    ]
    /// Lowercase words a Kyrgyz name may hold before its head.
    static let kyrgyzLinks: WordSet = ["жана", "боюнча", "караштуу", "алдындагы", "тиешелүү", "өз", "алдынча"]

    /// A Kyrgyz head in its nominative (possessive) form, capitalized as token `k` is written.
    func kyrgyzHeadText(_ head: String, at k: Int) -> String {
        tokens[k].isCapitalized ? head.prefix(1).uppercased() + head.dropFirst() : head
    }

    /// Whether a place's name that starts at one of `starts` ends right before token `end`.
    func placeName(startingIn starts: Range<Int>, endsAt end: Int) -> Bool {
        starts.contains { places.index.longestMatch(tokens, at: $0)?.end == end }
    }

    // MARK: Glossary

    func glossaryName(_ i: Int, language: String) -> Candidate? {
        // `tokens[i]` is read in place: a copy of the token retains three objects.
        guard tokens[i].kind != .punctuation, mayStartGlossaryName(i),
            let (refs, end) = glossary.index.longestMatch(tokens, at: i), let ref = refs.first
        else { return nil }
        // A match must hold a proper name (`мэрия г. Бишкек` does; `кабар` the common noun does not).
        guard
            (i..<end).contains(where: { tokens[$0].isCapitalized || tokens[$0].isAllCaps || tokens[$0].kind == .number }
            )
        else { return nil }
        if !(tokens[i].isCapitalized || tokens[i].isAllCaps || tokens[i].kind == .number) && end - i < 2 { return nil }
        let lang = ref.organization.language(of: ref.name, preferring: language) ?? "ru"
        // The cell may list variants (`Минцифры|ГКИТС`): the first is the usual one.
        let acronym = ref.organization.acronyms[lang]?.split(separator: "|").first.map(String.init)
        return Candidate(
            first: i, last: end, name: ref.name, acronym: acronym,
            organizationID: .glossary(ref.organization.id), priority: .glossary)
    }

    /// Whether a form of token `i` (those the index looks up: its forms, or its lower case) may
    /// start a glossary name. Most words start none, and the bit table answers them in a few
    /// dozen instructions, where the index's search took some 950.
    func startsGlossaryName(_ i: Int) -> Bool {
        let forms = tokens[i].forms
        if forms.isEmpty { return glossary.nameStartFilter.mayContain(tokens[i].lower) }
        return forms.contains { glossary.nameStartFilter.mayContain($0) }
    }

    func acronym(_ i: Int, language: String) -> Candidate? {
        // `tokens[i]` is read in place: a copy of the token retains three objects.
        guard tokens[i].kind == .word, tokens[i].isCapitalized || tokens[i].isAllCaps else { return nil }
        let text = tokens[i].text
        // Two-word acronyms first: `АКШнын ЭӨА`.
        if i + 1 < tokens.count, tokens[i + 1].kind == .word,
            tokens[i + 1].isAllCaps || KyrgyzMorphology.acronym(of: tokens[i + 1].text) != nil,
            let (acr2, m2) = glossary.acronym(text + " " + tokens[i + 1].text)
                ?? glossary.acronym(text + " " + (KyrgyzMorphology.acronym(of: tokens[i + 1].text) ?? ""))
        {
            let lang = language == "ky" || language == "ru" ? language : "ru"
            let m = m2.first { $0.language == lang } ?? m2[0]
            if let name = m.organization.name(in: lang) {
                return Candidate(
                    first: i, last: i + 2, name: name, acronym: acr2, organizationID: .glossary(m.organization.id),
                    priority: .glossary)
            }
        }
        guard let (acr, matches) = glossary.acronym(text) else { return nil }
        let lang = language == "ky" || language == "ru" ? language : "ru"
        let m = matches.first { $0.language == lang } ?? matches[0]
        guard let name = m.organization.name(in: lang) else { return nil }
        return Candidate(
            first: i, last: i + 1, name: name, acronym: acr, organizationID: .glossary(m.organization.id),
            priority: .glossary)
    }

    /// The glossary candidate a rule's span starts with when the rest is the name of that body's
    /// own country (`Министерство иностранных дел` + `Кыргызстана`); not another country's
    /// (`… дел России` is Russia's ministry).
    func knownBeforeOwnCountry(
        _ c: OrganizationRecognizer.Candidate, firstKnown: [TokenRange: Int],
        candidates: [OrganizationRecognizer.Candidate]
    ) -> Int? {
        for cut in 1...3 where c.last - cut > c.first {
            guard let k = firstKnown[TokenRange(c.first, c.last - cut)],
                let id = candidates[k].organizationID?.glossaryID, let org = glossary.byID[id], !org.country.isEmpty,
                let (values, end) = places.index.longestMatch(tokens, at: c.last - cut), end == c.last,
                values.contains(where: { $0.kind == "country" && $0.country == org.country })
            else { continue }
            return k
        }
        return nil
    }
}
