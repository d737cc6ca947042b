extension ModelRecognizer {
    /// The role phrase beside each of the tagger's persons, read as the rules read their own
    /// persons' (`RoleFinder`: `руководитель проекта NAME`, `NAME, директор …`): a person found by
    /// the tagger without its role would leave the record's role empty where the text gives it.
    func addRoles(_ document: inout Document) {
        let words = document.words
        guard document.entities.contains(where: { $0.origin == .model && $0.kind == .person }) else { return }
        let organizations = SpanIndex(document.entities.lazy.filter { $0.kind == .organization }.map(\.span))
        let persons = SpanIndex(document.entities.lazy.filter { $0.kind == .person }.map(\.span))
        let roles = RoleFinder(
            tokens: words, people: glossaries.people, organizations: organizations,
            inPerson: words.map { persons.contains($0.span) }, text: document.text,
            kyrgyz: OrganizationRules(
                tokens: words, glossary: glossaries.organizations, people: glossaries.people, places: glossaries.places)
        )
        var starting: [Int: Int] = [:], ending: [Int: Int] = [:]
        for (k, w) in words.enumerated() { starting[w.span.start] = k; ending[w.span.end] = k }
        for i in document.entities.indices where document.entities[i].origin == .model {
            guard case .person(let name, nil) = document.entities[i].value,
                let first = starting[document.entities[i].span.start], let last = ending[document.entities[i].span.end]
            else { continue }
            let language = document.segmentation.block(at: words[first].span.start)?.language ?? document.language
            if let role = roles.role(before: first, language: language)
                ?? roles.role(after: last + 1, language: language)
            {
                document.entities[i].value = .person(name: name, role: role)
            }
        }
    }
}
