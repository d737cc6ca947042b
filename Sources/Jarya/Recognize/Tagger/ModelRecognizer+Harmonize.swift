extension ModelRecognizer {
    /// One name, one entity: the tagger's mentions that are forms of a name the rules know
    /// (`Крыму` beside the rules' `Крым`: each word's first five letters alike) take the rules'
    /// kind and value; the tagger's other mentions of one name take the kind most of them have
    /// (organization or place) and, as places, the shortest form's name (the nominative, as a
    /// rule), so that a record lists one `Манчестер`, not one per case form.
    static func harmonize(_ entities: inout [Entity]) {
        // Each word's first five scalars, lower-cased scalar by scalar into the key's bytes:
        // lower-casing the whole text first made a string per entity. Any letter outside the
        // ranges `lowercaseByRange` maps takes the whole-text way (`lowercased()` may change a
        // scalar count). Keys are compared and hashed as bytes (`WordKey`): the text is NFC, so
        // equal bytes are equal strings, and String hashing would check normalization.
        func key(_ text: String) -> WordKey {
            var inRange = true
            let fast = String(unsafeUninitializedCapacity: text.utf8.count) { out in
                var k = 0, inWord = 0
                for u in text.unicodeScalars {
                    if u == " " || u == "-" {
                        inWord = 0
                        continue
                    }
                    guard let l = u.lowercaseByRange() else {
                        inRange = false
                        return 0
                    }
                    if inWord == 0, k > 0 {
                        out[k] = 0x20
                        k += 1
                    }
                    inWord += 1
                    if inWord <= 5 { k += UTF8Bytes.write(l.value, into: out, at: k) }
                }
                return k
            }
            return WordKey(inRange ? fast : wholeTextKey(text))
        }
        // The same key from the whole text lower-cased, read on its UTF-8 bytes (a scalar starts
        // at each byte that is not a continuation byte).
        func wholeTextKey(_ text: String) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count)
            var inWord = 0
            for b in text.fastLowercased().utf8 {
                if b == 0x20 || b == 0x2D {  // space, hyphen
                    inWord = 0
                    continue
                }
                if b & 0xC0 != 0x80 {
                    if inWord == 0, !out.isEmpty { out.append(0x20) }
                    inWord += 1
                }
                if inWord <= 5 { out.append(b) }
            }
            return String(decoding: out, as: UTF8.self)
        }
        func hasSpace(_ k: WordKey) -> Bool { k.string.utf8.contains(0x20) }
        // A person under each word of its key, the first person to have the word keeping it.
        func register<V>(_ value: V, byWordsOf k: WordKey, in words: inout [WordKey: V]) {
            for w in Self.words(k.string) {
                let word = WordKey(String(w))
                if words[word] == nil { words[word] = value }
            }
        }
        // Each entity's key once: both passes below read it.
        let keys = entities.map { e in
            e.kind == .place || e.kind == .organization || e.kind == .person ? key(e.text) : WordKey("")
        }
        // Entities by index, not by value (copying an entity retained its strings): the rules'
        // entities are not changed below. The tagger's persons are, so their names are kept.
        var known: [WordKey: Int] = [:]
        // A rule person's surname alone, later in the text (`Асанбеков` after `Асанбеков Марат`).
        var knownWords: [WordKey: Int] = [:]
        var modelWords: [WordKey: String] = [:]
        var votes: [WordKey: (organization: Int, place: Int)] = [:]
        var shortest: [WordKey: Int] = [:]
        for i in entities.indices {
            let kind = entities[i].kind
            guard kind == .place || kind == .organization || kind == .person else { continue }
            let k = keys[i]
            guard entities[i].origin == .model else {
                if known[k] == nil { known[k] = i }
                if kind == .person { register(i, byWordsOf: k, in: &knownWords) }
                continue
            }
            // The tagger's full name, for its one-word mentions (`Лонгин` after `Лонгин Клинский`).
            if kind == .person, hasSpace(k), case .person(let name, _) = entities[i].value {
                register(name, byWordsOf: k, in: &modelWords)
            }
            if kind == .organization { votes[k, default: (0, 0)].organization += 1 }
            if kind == .place { votes[k, default: (0, 0)].place += 1 }
            if let s = shortest[k], entities[s].text.unicodeScalars.count <= entities[i].text.unicodeScalars.count {
                continue
            }
            shortest[k] = i
        }
        for i in entities.indices where entities[i].origin == .model {
            let k = keys[i]
            let oneWordPerson = entities[i].kind == .person && !hasSpace(k)
            if let rule = known[k] ?? (oneWordPerson ? knownWords[k] : nil) {
                entities[i].kind = entities[rule].kind
                if case .person(let name, _) = entities[rule].value {
                    entities[i].value = .person(name: name, role: nil)
                } else {
                    entities[i].value = entities[rule].value
                }
                continue
            }
            if oneWordPerson, let name = modelWords[k] {
                entities[i].kind = .person
                entities[i].value = .person(name: name, role: nil)
                continue
            }
            guard entities[i].kind != .person, let v = votes[k] else { continue }
            if v.organization > v.place {
                entities[i].kind = .organization
                entities[i].value = .organization(name: entities[i].text, acronym: nil)
            } else {
                entities[i].kind = .place
                entities[i].value = .place(
                    name: shortest[k].map { entities[$0].text } ?? entities[i].text, kind: "other", country: nil)
            }
        }
    }
}
