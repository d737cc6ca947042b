extension ModelRecognizer {
    /// A well-known person named by the surname alone (`Путин также подпишет`, `при Рейгане`)
    /// is that person, under the full name `known-persons.tsv` gives: an archivist searches for
    /// `Владимир Путин`, and the text may never write it. Only a capitalized word that nothing
    /// else claims, not after a given name or an initial (`Мишель Обама` is someone else), not
    /// in an address or a title (`улица Пушкина`, `имени Станиславского`), and not followed by
    /// another capitalized word (a longer name).
    func addKnownPersons(_ tokens: [TaggerToken], in document: inout Document) {
        guard !glossaries.people.knownPersons.isEmpty else { return }
        // The tagger's one-word persons take the full name too, unless the text names someone
        // else of that surname in full (`Мишель Обама`: her `Обама` is hers).
        let fullSurnames = document.entities.compactMap { e -> String? in
            // `utf8.contains`: a String's `contains` went through Foundation's `range(of:)`.
            guard e.kind == .person, case .person(let name, _) = e.value, name.utf8.contains(0x20) else { return nil }
            return Self.words(name).last.map { String($0).foldedLowercase() }
        }
        for k in document.entities.indices where document.entities[k].kind == .person {
            guard case .person(let name, let role) = document.entities[k].value, !name.utf8.contains(0x20),
                let person = glossaries.people.knownPerson(name.foldedLowercase(), isForm: Self.isForm),
                !fullSurnames.contains(where: { Self.isForm($0, of: person.surname) })
            else { continue }
            document.entities[k].value = .person(name: person.ru, role: role)
        }
        var claimed: SpanIndex?  // made at the first candidate: most texts have none
        for i in tokens.indices where Self.couldBeSurname(tokens, i) {
            let t = tokens[i]
            guard t.marks.isDisjoint(with: [.givenName, .place, .organization, .role]),
                let person = glossaries.people.knownPerson(t.lower, isForm: Self.isForm),
                !fullSurnames.contains(where: { Self.isForm($0, of: person.surname) })
            else { continue }
            if i > 0, tokens[i - 1].marks.contains(.givenName) { continue }
            // An initial (`В. Путин` is the rules'; `И. Путин` someone else), not a sentence's end.
            if i > 1, tokens[i - 1].text == ".", tokens[i - 2].isCapitalized,
                tokens[i - 2].text.unicodeScalars.count == 1
            {
                continue
            }
            if i + 1 < tokens.count, tokens[i + 1].kind == .word, tokens[i + 1].isCapitalized,
                !tokens[i + 1].newlineBefore
            {
                continue
            }
            if Self.inTitleOrAddress(i..<i + 1, tokens) || i > 0 && Self.squareWords.contains(tokens[i - 1].lower) {
                continue
            }
            if claimed == nil { claimed = SpanIndex(document.entities.map(\.span)) }
            guard claimed?.overlaps(t.span) == false else { continue }
            document.entities.append(
                Entity(
                    kind: .person, span: t.span, text: t.text, value: .person(name: person.ru, role: nil),
                    origin: .model))
        }
    }

    /// Nouns of squares, parks and monuments named after a person (`площадь Ленина`).
    static let squareWords: Set<String> = [
        "площадь", "площади", "площадью", "сквер", "сквере", "парк", "парке", "памятник", "памятника",
        "памятнику", "проспекта", "бульвара", "переулка",
    ]
}
