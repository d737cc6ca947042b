/// Acronyms defined in the text: `Институт политики развития (ИПР)`.
extension OrganizationRules {
    /// `Институт политики развития (ИПР)`: the acronym joins the name before it, and later
    /// bare mentions of it (`ИПРдин`) are that organization.
    func withDefinedAcronyms(_ chosen: [Candidate]) -> [Candidate] {
        var result = chosen
        var defined = WordMap<Int>()
        for (n, c) in result.enumerated() {
            let p = c.last
            guard p + 2 < tokens.count, tokens[p].is("("), tokens[p + 2].is(")"), tokens[p + 1].kind == .word,
                tokens[p + 1].isAllCaps
                    || (tokens[p + 1].isCapitalized && tokens[p + 1].text.unicodeScalars.count <= 12)
            else { continue }
            let acr = tokens[p + 1].text
            if result[n].acronym == nil { result[n].acronym = acr }
            defined[acr] = n
        }
        guard !defined.isEmpty else { return result }
        var extra: [Candidate] = []
        var inName = [Bool](repeating: false, count: tokens.count)
        for c in result { for k in c.first..<max(c.first, c.last) { inName[k] = true } }
        // By index: enumerating the tokens copied each one.
        for k in tokens.indices where tokens[k].kind == .word && (tokens[k].isAllCaps || tokens[k].isCapitalized) {
            let text = tokens[k].text
            let acr = defined[text] != nil ? text : KyrgyzMorphology.acronym(of: text)
            guard let a = acr, let n = defined[a], !inName[k] else { continue }
            // Not the definition itself.
            if k > 0, tokens[k - 1].is("("), k == result[n].last + 1 { continue }
            extra.append(
                Candidate(
                    first: k, last: k + 1, name: result[n].name, acronym: a,
                    organizationID: result[n].organizationID ?? .defined(acronym: a), priority: .glossary))
        }
        result = (result + extra).sorted { $0.first < $1.first }
        return result
    }
}
