extension ModelRecognizer {
    /// A rule person that stops short of the surname the tagger reads after it (`Франк Де` of
    /// `Франк Де Блекере`, `Борису Николаевичу` of `Борису Николаевичу Ельцину`) is extended to
    /// the tagger's span: the record's person is then named by its surname, not by a particle or
    /// a patronymic. Only when the rule person starts with a known given name, at the tagger's
    /// first word, and the words added are one or two capitalized words, none a patronymic (so a
    /// surname-first `Асанов Бакыт` never gets a patronymic for a surname). True when it extended one.
    func extendRulePerson(_ range: Range<Int>, _ tokens: [TaggerToken], rule: Entity, in document: inout Document)
        -> Bool
    {
        guard rule.kind == .person, case .person(let name, let role) = rule.value,
            rule.span.start == tokens[range.lowerBound].span.start,
            glossaries.people.givenName(tokens[range.lowerBound].lower) != nil,
            let index = document.entities.firstIndex(where: { $0.span == rule.span && $0.kind == .person })
        else { return false }
        let added = tokens[range].filter { $0.span.start >= rule.span.end }
        guard (1...2).contains(added.count), rule.span.end <= added[0].span.start,
            added.allSatisfy({ $0.kind == .word && $0.isCapitalized && !$0.isAllCaps && !Self.isPatronymic($0.lower) })
        else { return false }
        let span = Span(rule.span.start, tokens[range.upperBound - 1].span.end)
        document.entities[index].span = span
        document.entities[index].text = document.text[span]
        // The rule's name keeps its nominative given name and patronymic; the surname comes back
        // in the nominative read from the given name's case.
        let surname = nominativePerson(tokens[range]).split(separator: " ").suffix(added.count).joined(separator: " ")
        document.entities[index].value = .person(name: name + " " + surname, role: role)
        return true
    }

    static func isPatronymic(_ lower: String) -> Bool {
        let w = lower.unicodeScalars.map(\.value)  // once, not once per ending
        return NameEndings.patronymics.contains { e in w.count > e.count && w[(w.count - e.count)...].elementsEqual(e) }
    }
}
