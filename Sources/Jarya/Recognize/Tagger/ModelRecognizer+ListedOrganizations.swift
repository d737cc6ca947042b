extension ModelRecognizer {
    /// An acronym no glossary knows, listed beside an organization, is an organization too:
    /// `представители ЦТП, посольства США в КР, Министерства образования КР` lists bodies, and
    /// the list, not the glossary, says what `ЦТП` is. Its other mentions in the text join.
    ///
    /// The acronym is a word of two to six capitals that no glossary or rule marks, next to an
    /// organization's first or last word across a comma or `и` (a comma before the organization
    /// only when the list goes on after it, as for persons), and not one of the abbreviations of
    /// things news writes in capitals (`СМИ`, `ВВП`, `ДТП`).
    func addListedOrganizations(_ tokens: [TaggerToken], in document: inout Document) {
        let organizations = document.entities.filter { $0.kind == .organization }
        guard !organizations.isEmpty else { return }
        var claimed: SpanIndex?  // made at the first acronym beside an organization: most texts have none
        var acronyms: Set<String> = []
        for o in organizations {
            guard let first = Self.token(startingAt: o.span.start, tokens) else { continue }
            var last = first
            while last + 1 < tokens.count, tokens[last + 1].span.end <= o.span.end { last += 1 }
            guard tokens[last].span.end == o.span.end else { continue }
            var candidates: [Int] = []
            // `X, ORG` / `X и ORG`: the comma joins when the list goes on or ends after ORG.
            if first >= 2, joinsOrganizations(tokens[first - 1]) {
                let next = last + 1 < tokens.count ? tokens[last + 1] : nil
                if tokens[first - 1].text != ","
                    || next.map({ joinsOrganizations($0) || Self.listEnds.contains($0.text) })
                        ?? true
                {
                    candidates.append(first - 2)
                }
            }
            if last + 2 < tokens.count, joinsOrganizations(tokens[last + 1]) { candidates.append(last + 2) }
            for j in candidates where unknownAcronym(tokens[j]) {
                if claimed == nil { claimed = SpanIndex(document.entities.map(\.span)) }
                if claimed?.overlaps(tokens[j].span) == false { acronyms.insert(tokens[j].text) }
            }
        }
        guard let claimed, !acronyms.isEmpty else { return }
        for t in tokens where t.kind == .word && t.isAllCaps && acronyms.contains(t.text) && !claimed.overlaps(t.span) {
            document.entities.append(
                Entity(
                    kind: .organization, span: t.span, text: t.text, value: .organization(name: t.text, acronym: nil),
                    origin: .model))
        }
    }

    func joinsOrganizations(_ t: TaggerToken) -> Bool { t.kind == .word ? t.lower == "и" : t.text == "," }

    /// Two to six capital letters that nothing marks, and not an abbreviation of a thing.
    func unknownAcronym(_ t: TaggerToken) -> Bool {
        let letters = t.text.unicodeScalars
        let known: TaggerToken.Marks = [
            .place, .organization, .givenName, .role, .rulePerson, .rulePlace, .ruleOrganization, .ruleOther,
        ]
        return t.kind == .word && t.isAllCaps && (2...6).contains(letters.count)
            && letters.allSatisfy { $0.properties.isUppercase } && t.marks.isDisjoint(with: known)
            && !Self.thingAcronyms.contains(t.text)
    }

    /// Abbreviations of things, not bodies, that Russian and Kyrgyz news write in capitals.
    static let thingAcronyms: Set<String> = [
        "СМИ", "ВВП", "НДС", "ДТП", "ЧС", "ЖКХ", "ИТ", "IT", "ВИЧ", "СПИД", "ОРВИ", "ЕГЭ", "ОРТ", "ГЭС", "АЭС",
        "ТЭЦ", "ЛЭП", "КПП", "ПДД", "МСП", "НПА", "ИП", "ФИО", "ПК", "МРТ", "ЭКГ", "ЦУР", "ЦРТ", "ИКТ", "ЧП", "ОДБ",
        "НКО", "ЖЧК", "ОАО", "ЗАО", "ООО", "ПАО", "ЧСП", "КНС", "ЖМ", "БШК",
    ]

    /// The token that starts at text offset `offset`, found by halving (tokens are in text order).
    static func token(startingAt offset: Int, _ tokens: [TaggerToken]) -> Int? {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].span.start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < tokens.count && tokens[lo].span.start == offset ? lo : nil
    }
}
