extension ModelRecognizer {
    /// One name, one entity: the tagger's mentions that are forms of a name the rules know
    /// (`Крыму` beside the rules' `Крым`: each word's first five letters alike) take the rules'
    /// kind and value; the tagger's other mentions of one name take the kind most of them have
    /// (organization or place) and, as places, the shortest form's name (the nominative, as a
    /// rule), so that a record lists one `Манчестер`, not one per case form.
    static func harmonize(_ entities: inout [Entity]) {
        // Read scalar by scalar: splitting into Characters and joining Strings cost more than
        // the rest of the step.
        func key(_ text: String) -> String {
            var out = String.UnicodeScalarView(), inWord = 0
            for u in text.fastLowercased().unicodeScalars {
                if u == " " || u == "-" {
                    inWord = 0
                    continue
                }
                if inWord == 0, !out.isEmpty { out.append(" ") }
                if inWord < 5 { out.append(u) }
                inWord += 1
            }
            return String(out)
        }
        // A person under each word of its key, the first person to have the word keeping it.
        func register(_ e: Entity, byWordsOf k: String, in words: inout [String: Entity]) {
            for w in k.split(separator: " ") where words[String(w)] == nil { words[String(w)] = e }
        }
        // Each entity's key once: both passes below read it.
        let keys = entities.map { e in
            e.kind == .place || e.kind == .organization || e.kind == .person ? key(e.text) : ""
        }
        var known: [String: Entity] = [:]
        // A rule person's surname alone, later in the text (`Асанбеков` after `Асанбеков Марат`).
        var knownWords: [String: Entity] = [:]
        var modelWords: [String: Entity] = [:]
        var votes: [String: (organization: Int, place: Int)] = [:]
        var shortest: [String: String] = [:]
        for (e, k) in zip(entities, keys) where e.kind == .place || e.kind == .organization || e.kind == .person {
            guard e.origin == .model else {
                if known[k] == nil { known[k] = e }
                if e.kind == .person { register(e, byWordsOf: k, in: &knownWords) }
                continue
            }
            // The tagger's full name, for its one-word mentions (`Лонгин` after `Лонгин Клинский`).
            if e.kind == .person, k.contains(" ") { register(e, byWordsOf: k, in: &modelWords) }
            if e.kind == .organization { votes[k, default: (0, 0)].organization += 1 }
            if e.kind == .place { votes[k, default: (0, 0)].place += 1 }
            if let s = shortest[k], s.unicodeScalars.count <= e.text.unicodeScalars.count { continue }
            shortest[k] = e.text
        }
        for i in entities.indices where entities[i].origin == .model {
            let k = keys[i]
            let oneWordPerson = entities[i].kind == .person && !k.contains(" ")
            if let rule = known[k] ?? (oneWordPerson ? knownWords[k] ?? modelWords[k] : nil) {
                entities[i].kind = rule.kind
                if case .person(let name, _) = rule.value {
                    entities[i].value = .person(name: name, role: nil)
                } else {
                    entities[i].value = rule.value
                }
                continue
            }
            guard entities[i].kind != .person, let v = votes[k] else { continue }
            if v.organization > v.place {
                entities[i].kind = .organization
                entities[i].value = .organization(name: entities[i].text, acronym: nil)
            } else {
                entities[i].kind = .place
                entities[i].value = .place(name: shortest[k] ?? entities[i].text, kind: "other", country: nil)
            }
        }
    }
}
