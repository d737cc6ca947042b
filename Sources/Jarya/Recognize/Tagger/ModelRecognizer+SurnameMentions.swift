extension ModelRecognizer {
    /// A capitalized word right after a role word is a person named by the surname alone
    /// (`премьер-министр Берлускони`, `президентом Обамой`, `мэр Лужков`), a reading Russian news
    /// uses for people its readers know. Only a word no entity holds, that no glossary or rule
    /// marks as a place or organization, that is neither a given name, an organization's head
    /// noun nor an adjective, and that no capitalized word or adjective follows (`президент Барак
    /// Обама` is the tagger's, `участники Форума общенациональной поддержки` a body's name). The
    /// surname comes back in the nominative in the role word's case (`президента Обамы` → `Обама`).
    func addSurnamesAfterRoles(_ tokens: [TaggerToken], in document: inout Document) {
        var claimed: SpanIndex?  // made at the first candidate: most texts have none
        let notNames: TaggerToken.Marks = [.place, .organization, .givenName, .organizationHead, .rulePlace]
        for i in tokens.indices.dropFirst() {
            // The role mark first: `roleWord(before:)` finds none without it, and most words have none.
            guard tokens[i - 1].marks.contains(.role) || i >= 2 && tokens[i - 2].marks.contains(.role),
                let roleIndex = Self.roleWord(before: i, tokens), Self.couldBeSurname(tokens, i),
                tokens[i].marks.isDisjoint(with: notNames),
                i + 1 == tokens.count || tokens[i + 1].kind != .word
                    || !(tokens[i + 1].isCapitalized || Self.endsLikeAdjective(tokens[(i + 1)...(i + 1)]))
            else { continue }
            let t = tokens[i], role = tokens[roleIndex].lower
            guard !Self.isPatronymicForm(t.lower), !Self.commonNounEndings.contains(where: { t.lower.endsWith($0) }),
                t.text.unicodeScalars.contains(where: { $0.value >= 0x400 && $0.value < 0x530 })
            else { continue }
            if claimed == nil { claimed = SpanIndex(document.entities.map(\.span)) }
            guard claimed?.overlaps(t.span) == false else { continue }
            let grammaticalCase = glossaries.people.roleWord(role).flatMap {
                PersonName.caseOf(given: role, nominative: $0, female: false)
            }
            // An adjective's ending is a name's only in the instrumental (`президентом Обамой`):
            // elsewhere the word opens the body's name (`министр Иностранных дел`).
            let instrumentalName =
                grammaticalCase == .instrumental && (t.lower.endsWith("ой") || t.lower.endsWith("ей"))
            guard instrumentalName || !Self.endsLikeAdjective(tokens[i...i]) else { continue }
            let name = PersonName.nominativeSurname(t.text, case: grammaticalCase, female: false)
            document.entities.append(
                Entity(kind: .person, span: t.span, text: t.text, value: .person(name: name, role: nil), origin: .model)
            )
        }
    }

    /// The role word a surname at `i` stands after: right before it (`мэр Лужков`), or before the
    /// body or place the role is of (`мэр Москвы Лужков`, `мэр города Лужков`, `глава МИД
    /// Лавров`): a name the glossaries or rules know, or a lower-case noun in the genitive.
    static func roleWord(before i: Int, _ tokens: [TaggerToken]) -> Int? {
        if tokens[i - 1].kind == .word, tokens[i - 1].marks.contains(.role) { return i - 1 }
        guard i >= 2, tokens[i - 2].kind == .word, tokens[i - 2].marks.contains(.role) else { return nil }
        // All in one sentence: `на пост главы Франции` ends a headline before `Дочь основателя`.
        let of = tokens[i - 1]
        let known: TaggerToken.Marks = [.place, .organization, .rulePlace, .ruleOrganization]
        guard of.kind == .word, !of.marks.contains(.role), !tokens[i].sentenceStart, !tokens[i].newlineBefore,
            !of.sentenceStart, !of.newlineBefore
        else { return nil }
        if !of.marks.isDisjoint(with: known) { return i - 2 }
        let lower = of.lower
        // On bytes: `hasSuffix` and `hasPrefix` compare Characters.
        guard !of.isCapitalized, lower.unicodeScalars.count >= 4,
            genitiveEndings.contains(where: { lower.endsWith($0) }),
            !verbEndings.contains(where: { lower.endsWith($0) }),
            !settlementNouns.contains(where: { lower.startsWith($0) })
        else { return nil }
        return i - 2
    }

    /// The endings of nouns in the genitive (`компании`, `области`, `финансов`; `дел` is too
    /// short to tell), and the past-tense endings that share their last letter (`заявила`).
    static let genitiveEndings = ["а", "я", "ы", "и", "ов", "ев", "ей"]
    static let verbEndings = ["ла", "ли", "ся", "сь"]
    /// A settlement's noun names the place that follows (`жители поселка Петро-Славянка`).
    static let settlementNouns = [
        "город", "посел", "пос", "сел", "деревн", "аул", "станиц", "хутор", "район", "област",
    ]

    /// A person named in full once (`Барак Обама`, `Владимир Путин`) and later by the surname
    /// alone in another case (`Обамой`, `Путин также подпишет`): each such word becomes a
    /// mention of that person, under the full name, and a one-word person of the tagger or of
    /// `addSurnamesAfterRoles` that is such a form takes the full name. A surname two persons of
    /// the text share (`Барак Обама`, `Мишель Обама`) is left alone: the word may be either.
    func addSurnameMentions(_ tokens: [TaggerToken], in document: inout Document) {
        let antecedents = fullNames(document.entities)
        guard !antecedents.isEmpty else { return }
        func antecedent(where matches: (FullName) -> Bool) -> String? { antecedents.first(where: matches)?.name }
        for i in document.entities.indices where document.entities[i].kind == .person {
            guard case .person(let name, let role) = document.entities[i].value else { continue }
            let words = Self.words(name.fastLowercased()).map(String.init)
            let full: String?
            if words.count == 1 {
                // The tagger's or a role's one-word person: `Обамой` → `Барак Обама`.
                full =
                    document.entities[i].origin == .model ? antecedent { Self.isForm(words[0], of: $0.surname) } : nil
            } else if words.count == 2, Self.isPatronymicForm(words[1]) {
                // `Борис Николаевич` beside `Борис Николаевич Ельцин`: the given name and
                // patronymic alone, the polite Russian way to name a person named in full.
                full = antecedent { $0.words.count == 3 && Array($0.words.prefix(2)) == words }
            } else {
                // The tagger's `Барака Обамы` beside `Барак Обама`: every word a form of the
                // other's (the given name unknown, only the nominative mention shows it). A rule's
                // name whose given name does not decline (`Наото Кана`) keeps the surname's case:
                // beside `Наото Кан` with the same given name, it is his.
                let model = document.entities[i].origin == .model
                full = antecedent { other in
                    other.name != name && other.words.count == words.count
                        && (model || words.dropLast() == other.words.dropLast())
                        && zip(words, other.words).allSatisfy { Self.isForm($0, of: $1) }
                }
            }
            if let full { document.entities[i].value = .person(name: full, role: role) }
        }
        let claimed = SpanIndex(document.entities.map(\.span))
        // A surname's form starts with its first three letters: a word is compared with the
        // surnames only when it does (most capitalized words start no surname of the text).
        let openings = Set(antecedents.map { TaggerInput.openingHash($0.surname, letters: 3) })
        for i in tokens.indices where Self.couldBeSurname(tokens, i) {
            // Not right after a given name or an initial: that is another person (`Мишель Обама`).
            if i > 0, tokens[i - 1].marks.contains(.givenName) || tokens[i - 1].text == "." { continue }
            let t = tokens[i]
            guard openings.contains(TaggerInput.openingHash(t.lower, letters: 3)), !claimed.overlaps(t.span),
                let e = antecedents.first(where: { Self.isForm(t.lower, of: $0.surname) })
            else { continue }
            document.entities.append(
                Entity(
                    kind: .person, span: t.span, text: t.text, value: .person(name: e.name, role: nil),
                    origin: e.origin))
        }
    }

    /// A person named in full: the name, its words in lower case (split once, read by every
    /// comparison), the surname (the last of them) and where the person came from.
    struct FullName {
        var name: String
        var words: [String]
        var surname: String { words[words.count - 1] }
        var origin: Entity.Origin?
    }

    /// The persons named by two words or more whose surname no person of another given name
    /// has, in text order: the antecedents of the one-word mentions.
    func fullNames(_ entities: [Entity]) -> [FullName] {
        var out: [FullName] = []
        var shared: Set<String> = []
        let persons = entities.indices.filter { entities[$0].kind == .person }
        for e in persons.sorted(by: { entities[$0].span < entities[$1].span }).map({ entities[$0] }) {
            guard case .person(let name, _) = e.value else { continue }
            let words = Self.words(name)
            guard words.count > 1, let last = words.last, last.unicodeScalars.count >= 3,
                last.first?.isUppercase == true
            else { continue }
            let lowered = Self.words(name.fastLowercased()).map(String.init)
            let surname = lowered[lowered.count - 1]
            guard !Self.isPatronymicForm(surname), glossaries.people.givenName(surname) == nil else { continue }
            if let known = out.firstIndex(where: { $0.surname == surname }) {
                // `Борис Ельцин` and `Борис Николаевич Ельцин` are one person, named by the
                // longer name; `Барак Обама` and `Мишель Обама` are two.
                if Self.words(out[known].name).first != words.first {
                    shared.insert(surname)
                } else if name.count > out[known].name.count {
                    out[known] = FullName(name: name, words: lowered, origin: out[known].origin)
                }
                continue
            }
            out.append(FullName(name: name, words: lowered, origin: e.origin))
        }
        return out.filter { !shared.contains($0.surname) }
    }

    /// Endings of abstract and collective nouns (`Республики`, `Федерации`, `Думы` is left to the
    /// glossary): a word after a role word that ends so is the body the role belongs to.
    static let commonNounEndings = ["ика", "ики", "ия", "ии", "ость", "ости", "ство", "ства", "ции", "ция"]

    /// A patronymic in any case (`Иосифовне` as well as `Иосифовна`).
    static func isPatronymicForm(_ lower: String) -> Bool {
        // On bytes: `hasSuffix` compares Characters.
        isPatronymic(lower) || ["овне", "евне", "овну", "евну", "ичом"].contains { lower.endsWith($0) }
    }

    /// The words of a name, split at its spaces on the UTF-8 bytes: splitting by Character
    /// broke the name into graphemes first.
    static func words(_ name: String) -> [Substring] {
        name.utf8.split(separator: 0x20).map { Substring($0) }
    }

    /// A capitalized word of three letters or more, not in capitals alone.
    @inline(__always)
    static func couldBeSurname(_ t: TaggerToken) -> Bool {
        t.kind == .word && t.isCapitalized && !t.isAllCaps && t.lower.unicodeScalars.count >= 3
    }

    /// `couldBeSurname` of `tokens[i]`, reading its fields in place: passing the token copied it,
    /// retaining its four strings, for each token of the text. The letters are counted up to three.
    @inline(__always)
    static func couldBeSurname(_ tokens: [TaggerToken], _ i: Int) -> Bool {
        guard tokens[i].kind == .word, tokens[i].isCapitalized, !tokens[i].isAllCaps else { return false }
        var letters = 0
        for _ in tokens[i].lower.unicodeScalars {
            letters += 1
            if letters == 3 { return true }
        }
        return false
    }

    /// Whether `word` is `surname` in one of the Russian cases: the surname less a final vowel or
    /// `-й` (two for `-ий`, `-ая`), then a case ending of nouns or adjectives (`Обама` → `Обамой`,
    /// `Лужков` → `Лужковым`, `Жириновский` → `Жириновского`).
    public static func isForm(_ word: String, of surname: String) -> Bool {
        if word == surname { return true }
        let w = Array(word.unicodeScalars), s = Array(surname.unicodeScalars)
        for cut in 0...2 where s.count - cut >= 3 {
            if cut > 0, !stemVowels.contains(s[s.count - cut]) { break }
            let stem = s[..<(s.count - cut)]
            guard w.count > stem.count, w.starts(with: stem) else { continue }
            if caseEndings.contains(String(String.UnicodeScalarView(w[stem.count...]))) { return true }
        }
        return false
    }

    static let stemVowels: Set<Unicode.Scalar> = ["а", "я", "о", "е", "ы", "и", "й", "ь"]
    static let caseEndings: Set<String> = [
        "а", "я", "у", "ю", "ом", "ем", "ым", "им", "ой", "ей", "е", "ы", "и", "ою", "ею", "ого", "его", "ому", "ему",
        "ую", "ая",
    ]
}
