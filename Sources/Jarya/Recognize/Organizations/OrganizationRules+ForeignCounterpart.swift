/// A known body's name with another country's name beside it (`МИД России`, `Министерства
/// иностранных дел Японии`, `Түркиянын Тышкы иштер министрлиги`) is that country's body, not the
/// glossary's Kyrgyz one: without this rule the glossary name inside wins and the record links the
/// Kyrgyz ministry. The body's own country beside it is the known body (`knownBeforeOwnCountry`).
extension OrganizationRules {
    /// The kinds of body every country has one of.
    static let nationalKinds: Set<String> = [
        "ministry", "state_body", "parliament", "agency", "court", "prosecutor",
    ]

    /// The counterpart around a glossary candidate: the country after it in Russian, before it
    /// in Kyrgyz; nil when no other country is named there.
    func foreignCounterpart(of known: Candidate) -> Candidate? {
        guard let id = known.organizationID?.glossaryID, let org = glossary.byID[id], !org.country.isEmpty,
            Self.nationalKinds.contains(org.kind)
        else { return nil }
        // Russian: `МИД России`, `Министерством юстиции Казахстана`.
        if known.last < tokens.count, let (values, end) = places.index.longestMatch(tokens, at: known.last),
            let country = foreignCountry(values, of: org),
            tokens[known.last].isCapitalized || tokens[known.last].isAllCaps,
            !tokens[known.last].newlineBefore
        {
            return Candidate(
                first: known.first, last: end, name: russianName(known.first, end), acronym: nil,
                organizationID: .foreign(body: id, country: country), priority: .rule)
        }
        // Kyrgyz: `Түркиянын Тышкы иштер министрлиги`, `Россия өкмөтү`.
        for start in max(0, known.first - 3)..<known.first {
            guard let (values, end) = places.index.longestMatch(tokens, at: start), end == known.first,
                tokens[start].isCapitalized || tokens[start].isAllCaps,
                let country = foreignCountry(values, of: org), let head = kyrgyzHead(known.last - 1)
            else { continue }
            let name = joined(start, known.last - 1) + " " + kyrgyzHeadText(head, at: known.last - 1)
            return Candidate(
                first: start, last: known.last, name: name, acronym: nil,
                organizationID: .foreign(body: id, country: country), priority: .rule)
        }
        return nil
    }

    /// The ISO code of the country `values` name, when it is not the body's own.
    private func foreignCountry(_ values: [PlaceGlossary.Place], of org: OrganizationGlossary.Organization) -> String? {
        guard let place = values.first(where: { $0.kind == "country" }), !place.country.isEmpty,
            place.country != org.country
        else { return nil }
        return place.country
    }

    /// The Russian name in the nominative: the head noun that opens it (`Министерства` →
    /// `Министерство`), the rest as written.
    private func russianName(_ first: Int, _ end: Int) -> String {
        guard let head = russianHead(first), !tokens[first].isAllCaps else { return joined(first, end) }
        return head.prefix(1).uppercased() + head.dropFirst() + " " + joined(first + 1, end)
    }
}
