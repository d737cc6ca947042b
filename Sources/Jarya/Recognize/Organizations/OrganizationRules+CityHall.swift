/// A city hall named by its role alone: `мэрия`, `в мэрии`, `столичного муниципалитета`,
/// `шаардык мэрия`, `калаа мэриясы`. The text makes the city clear: `столичный` / `борбордук`
/// is Bishkek; otherwise the city hall the text named in full before (`Бишкек шаарынын мэриясы …
/// мэрияда`), else the first city the text names whose city hall the glossary knows (the title's
/// or the dateline's city). With no such city the mention is no organization.
extension OrganizationRules {
    /// Words for a city hall, by the stem their forms start with.
    /// (`мэри` alone is the Kyrgyz "its mayor": `Бишкектин мэри`.)
    static let cityHallWords = ["мэрия", "мэрии", "мэрию", "мэрией", "муниципалитет"]
    /// The same, compared on bytes: every word of a text is asked.
    static let cityHallPrefixes = BytePrefixes(cityHallWords)
    /// Words before it that belong to the name: `столичного`, `шаардык`, `калаа`.
    static let cityHallModifiers = ["столичн", "городск", "шаардык", "калаа", "борбордук"]
    static let capitalModifiers = ["столичн", "борбордук"]

    func anaphoricCityHalls(taken: [Bool], claimed: SpanIndex, named: [Candidate], language: (Int) -> String)
        -> [Candidate]
    {
        let prefixes = Self.cityHallPrefixes
        let mentions = tokens.indices.filter { k in
            tokens[k].kind == .word && !taken[k] && prefixes.matches(tokens[k].lower)
                && !claimed.overlaps(tokens[k].span)
        }
        guard !mentions.isEmpty else { return [] }
        // The city hall of the first city with a known one, read from the text when first needed
        // (most mentions take their city from elsewhere).
        var firstCityHall: String?? = nil
        func cityHallOfFirstCity() -> String? {
            if let known = firstCityHall { return known }
            var found: String? = nil
            for k in tokens.indices where tokens[k].isCapitalized {
                if let (values, _) = places.index.longestMatch(tokens, at: k),
                    let city = values.first(where: { $0.kind == "city" && glossary.byID[$0.id + "-city-hall"] != nil })
                {
                    found = city.id + "-city-hall"
                    break
                }
            }
            firstCityHall = .some(found)
            return found
        }
        // Which earlier names are a city hall's, asked once, not for every mention.
        let hallNames = named.map {
            $0.organizationID?.glossaryID?.hasSuffix("-city-hall") == true || Self.startsWithCityHall($0.name)
        }
        var result: [Candidate] = []
        for m in mentions {
            var first = m, last = m + 1
            if m > 0, !taken[m - 1], Self.cityHallModifiers.contains(where: { tokens[m - 1].lower.startsWith($0) }) {
                first = m - 1
            }
            // `мэрии столицы`: the capital's.
            if last < tokens.count, !taken[last], tokens[last].lower == "столицы" { last += 1 }
            // `Бишкек шаардык мэриясында`: the city before the modifier names it.
            if first == m - 1, first > 0, !taken[first - 1], tokens[first - 1].isCapitalized,
                let hall = cityHall(first: first - 1, last: last),
                let name = hall.name(in: language(m) == "ru" ? "ru" : "ky")
            {
                result.append(
                    Candidate(
                        first: first - 1, last: last, name: name, acronym: nil, organizationID: .glossary(hall.id),
                        priority: .rule))
                continue
            }
            let capital =
                last > m + 1 || (first < m && Self.capitalModifiers.contains { tokens[first].lower.startsWith($0) })
            // A city hall named in full before: the same body, under the same name.
            let earlier = named.indices.last { named[$0].first < m && hallNames[$0] }.map { named[$0] }
            if !capital, let e = earlier, e.organizationID == nil {
                result.append(
                    Candidate(
                        first: first, last: last, name: e.name, acronym: nil, organizationID: nil, priority: .rule))
                continue
            }
            // An earlier name the text defined itself has no city hall entry: nothing to link.
            let earlierID = earlier?.organizationID.map { $0.glossaryID ?? "" }
            guard let hallID = capital ? "bishkek-city-hall" : earlierID ?? cityHallOfFirstCity(),
                let hall = glossary.byID[hallID]
            else { continue }
            let lang = language(m) == "ky" || language(m) == "ru" ? language(m) : "ru"
            guard let name = hall.name(in: lang) else { continue }
            result.append(
                Candidate(
                    first: first, last: last, name: name, acronym: nil, organizationID: .glossary(hall.id),
                    priority: .rule))
        }
        return result
    }

    /// Whether `name` in lower case starts with `мэрия `, read from its first six scalars: lower-casing
    /// a whole name cost some 4,000 instructions. Each must be a letter `lowercaseByRange` maps (as
    /// `fastLowercased` does; the Unicode tables agree on them).
    static func startsWithCityHall(_ name: String) -> Bool {
        var scalars = name.unicodeScalars.makeIterator()
        for expected in "мэрия ".unicodeScalars {
            guard let s = scalars.next(), s.lowercaseByRange() == expected else { return false }
        }
        return true
    }

    /// The city hall a rule's name is, when it is a city hall word and one city with a city hall in
    /// the glossary (`Мэрия Бишкека`, `мэрии г. Ош`, `Бишкектин мэриясы`): every way of writing it
    /// is then that one body, under the glossary's name.
    func cityHall(first: Int, last: Int) -> OrganizationGlossary.Organization? {
        let isHall = { (k: Int) in Self.cityHallPrefixes.matches(self.tokens[k].lower) }
        let hall: Int
        if isHall(first) {
            hall = first
        } else if isHall(last - 1) {
            hall = last - 1
        } else {
            return nil
        }
        var k = hall == first ? first + 1 : first
        let end = hall == first ? last : last - 1
        var city: String? = nil
        while k < end {
            if ["г", ".", "города", "шаарынын", "шаардык"].contains(tokens[k].lower) {
                k += 1
            } else if city == nil, let (values, e) = places.index.longestMatch(tokens, at: k), e <= end,
                let c = values.first(where: { $0.kind == "city" })
            {
                city = c.id; k = e
            } else {
                return nil
            }
        }
        return city.flatMap { glossary.byID[$0 + "-city-hall"] }
    }
}
