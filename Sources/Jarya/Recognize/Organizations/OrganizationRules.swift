/// The ways an organization's name is found, each returning a candidate span at a token.
struct OrganizationRules {
    typealias Candidate = OrganizationRecognizer.Candidate
    let tokens: [NameToken]
    let glossary: OrganizationGlossary
    let people: PersonGlossary

    static let maximumLength = 24
    /// Words that never stand inside a Kyrgyz name, though not case-marked.
    static let kyrgyzStopWords: WordSet = [
        "ошондой", "эле", "ал", "бул", "алар", "ошол", "ушул", "бардык", "ар", "мындан", "тарабынан", "менен", "үчүн",
        "деп", "дейт", "деди", "болуп", "жөнүндө", "тууралуу", "аркылуу", "кийин", "мурун", "быйыл", "былтыр",
        "бүгүн", "эртең", "кечээ", "саат", "жылы", "жыл", "айында", "күнү", "дагы", "да", "де", "же", "иш-чараны",
        "алардын", "анын", "биздин", "сиздин", "өзүнүн", "алардын", "бизде",
    ]
    /// Lowercase words a Kyrgyz name may hold before its head.
    static let kyrgyzLinks: WordSet = ["жана", "боюнча", "караштуу", "алдындагы", "тиешелүү", "өз", "алдынча"]

    // MARK: Glossary

    func glossaryName(_ i: Int) -> Candidate? {
        let t = tokens[i]
        guard t.kind != .punctuation, let (refs, end) = glossary.index.longestMatch(tokens, at: i), let ref = refs.first else { return nil }
        // A match must hold a proper name (`мэрия г. Бишкек` does; `кабар` the common noun does not).
        guard (i..<end).contains(where: { tokens[$0].isCapitalized || tokens[$0].isAllCaps || tokens[$0].kind == .number }) else { return nil }
        if !(t.isCapitalized || t.isAllCaps || t.kind == .number) && end - i < 2 { return nil }
        let lang = ref.organization.names.first { $0.value.contains(ref.name) }?.key ?? "ru"
        // The cell may list variants (`Минцифры|ГКИТС`): the first is the usual one.
        let acronym = ref.organization.acronyms[lang]?.split(separator: "|").first.map(String.init)
        return Candidate(first: i, last: end, name: ref.name, acronym: acronym,
                         organizationID: .glossary(ref.organization.id), priority: .glossary)
    }

    func acronym(_ i: Int, language: String) -> Candidate? {
        let t = tokens[i]
        guard t.kind == .word, t.isCapitalized || t.isAllCaps else { return nil }
        // Two-word acronyms first: `АКШнын ЭӨА`.
        if i + 1 < tokens.count, tokens[i + 1].kind == .word, tokens[i + 1].isAllCaps || KyrgyzMorphology.acronym(of: tokens[i + 1].text) != nil,
           let (acr2, m2) = glossary.acronym(t.text + " " + tokens[i + 1].text) ?? glossary.acronym(t.text + " " + (KyrgyzMorphology.acronym(of: tokens[i + 1].text) ?? "")) {
            let lang = language == "ky" || language == "ru" ? language : "ru"
            let m = m2.first { $0.language == lang } ?? m2[0]
            if let name = m.organization.name(in: lang) {
                return Candidate(first: i, last: i + 2, name: name, acronym: acr2, organizationID: .glossary(m.organization.id), priority: .glossary)
            }
        }
        guard let (acr, matches) = glossary.acronym(t.text) else { return nil }
        let lang = language == "ky" || language == "ru" ? language : "ru"
        let m = matches.first { $0.language == lang } ?? matches[0]
        guard let name = m.organization.name(in: lang) else { return nil }
        return Candidate(first: i, last: i + 1, name: name, acronym: acr, organizationID: .glossary(m.organization.id), priority: .glossary)
    }

    // MARK: Kyrgyz: head-final

    /// The head form of a Kyrgyz word (`министрлигине` → `министрлиги`), if it is a head noun.
    func kyrgyzHead(_ t: NameToken) -> String? {
        guard t.kind == .word else { return nil }
        let forms = t.forms.isEmpty ? KyrgyzMorphology.stems(of: t.lower) : t.forms
        // The longest form that is a head (the first of equals).
        var head: String? = nil
        for f in forms where glossary.kyrgyzHeads.contains(f) && f.unicodeScalars.count > (head?.unicodeScalars.count ?? -1) { head = f }
        return head
    }

    /// Whether a Kyrgyz word carries a case other than the genitive (or a verb ending):
    /// it ends a name to its left (`Иш-чараны`, `Форумду`, `уюштурду`).
    static func isKyrgyzBoundary(_ w: String) -> Bool {
        let endings = ["ны", "ни", "ну", "нү", "ды", "ди", "ду", "дү", "ты", "ти", "ту", "тү",
                       "га", "ге", "го", "гө", "ка", "ке", "ко", "кө", "да", "де", "до", "дө", "та", "те", "то", "тө",
                       "дан", "ден", "дон", "дөн", "тан", "тен", "тон", "төн", "нан", "нен", "ган", "ген"]
        if w.unicodeScalars.count > 3 && endings.contains(where: { w.endsWith($0) }) { return true }
        return KyrgyzMorphology.isAccusativeAfterPossessive(w)
    }

    /// Whether the word at `k` ends the name to its left. An accusative object of a gerund
    /// stays inside (`Айлана-чөйрөнү коргоо …`), and `-ды/-ты` after a vowel is a possessive
    /// (`саясаты`), not an accusative (`саясатты`).
    func endsKyrgyzName(_ k: Int) -> Bool {
        let w = tokens[k].lower
        guard Self.isKyrgyzBoundary(w) else { return false }
        // A proper name in the nominative that only looks case-marked (`Нарын`).
        if tokens[k].isCapitalized, !PlaceGlossary.shared.index.exact(w).isEmpty || people.givenNames[w] != nil { return false }
        // The accusative is -ТI after a voiceless consonant (`саясатты`) and -ДI after a voiced one
        // (`Форумду`); otherwise the ending is a possessive (`саясаты`, `Регламенти`).
        let s = Array(w)
        if s.count > 2, ["ды", "ди", "ду", "дү", "ты", "ти", "ту", "тү"].contains(String(s.suffix(2))) {
            let before = s[s.count - 3]
            let voiceless = "кпстфхчшщ".contains(before)
            let accusative = s[s.count - 2] == "т" ? voiceless : (!voiceless && !KyrgyzMorphology.isVowel(before))
            if !accusative { return false }
        }
        if k + 1 < tokens.count, tokens[k + 1].kind == .word, !tokens[k + 1].isCapitalized,
           ["уу", "үү", "оо", "өө"].contains(where: { tokens[k + 1].lower.endsWith($0) }) {
            return false
        }
        return true
    }

    static func isGenitive(kyrgyz w: String) -> Bool {
        w.unicodeScalars.count > 4 && KyrgyzMorphology.genitiveEndings.contains { w.endsWith($0) }
    }

    /// Heads that also name generic things (a service, a department, a hospital): a name
    /// needs them in the possessive (`Лейлек райондук ооруканасы`, not `облустук ооруканага`).
    static let weakKyrgyzHeads = ["кызмат", "бөлүм", "уюм", "оорукана", "мектеп", "ишкана", "аппарат", "федерация", "борбор",
                                  "башкармалык", "фонд", "ассоциация", "бирикме", "топ", "комиссия", "кеңеш", "тармак", "коом", "мэрия"]
    /// Russian heads that may start a name in lower case (`мэрия г. Токмок`).
    static let lowercaseRussianHeads: WordSet = ["мэрия", "администрация", "прокуратура", "посольство", "аппарат"]
    static let weakRussianHeads: WordSet = ["программа", "проект", "предприятие", "управление", "отдел", "служба", "центр",
                                                "совет", "комиссия", "группа", "сеть", "платформа", "фонд", "объединение"]

    /// Whether token `k` begins a sentence or a line.
    func startsSentence(_ k: Int) -> Bool {
        k == 0 || tokens[k].newlineBefore || tokens[k - 1].is(".") || tokens[k - 1].is("!") || tokens[k - 1].is("?")
    }

    /// A person's given name followed by a capitalized word (`Назгүл Орозалиева`) ends a name
    /// walk; `Нарын облустук …` (a name that is also a place) does not.
    func isPersonWord(_ k: Int) -> Bool {
        let t = tokens[k]
        guard t.isCapitalized || t.isAllCaps, people.givenName(t.lower) != nil else { return false }
        return k + 1 < tokens.count && tokens[k + 1].kind == .word && (tokens[k + 1].isCapitalized || tokens[k + 1].isAllCaps)
    }

    func kyrgyzHeadFinal(_ i: Int) -> Candidate? {
        guard let head = kyrgyzHead(tokens[i]) else { return nil }
        // A plural head (`комиссияларынын`) names a kind of body, not one.
        let base = head.endsWith("ы") || head.endsWith("и") || head.endsWith("у") || head.endsWith("ү") ? String(head.dropLast()) : head
        let rest = tokens[i].lower.dropFirst(base.count)
        if KyrgyzMorphology.plurals.contains(where: { rest.startsWith($0) }) { return nil }
        let weak = Self.weakKyrgyzHeads.contains { head.startsWith($0) }
        // `Нарын облусунун борбору`: a region's centre is a town, not a body.
        if head.startsWith("борбор"), i > 0, tokens[i - 1].lower.startsWith("облус") || tokens[i - 1].lower.startsWith("район") { return nil }
        // (`Токтогул Сатылганов атындагы орто мектепте` is a name by its eponym.)
        let eponym = (max(0, i - 8)..<i).contains { tokens[$0].lower == "атындагы" }
        let possessive = KyrgyzMorphology.possessives.contains { head.endsWith($0) }
        if weak && !eponym && !possessive { return nil }
        // A head without the possessive follows its adjective (`мамлекеттик агенттик`), not a name.
        if !possessive && !eponym, i > 0, tokens[i - 1].isCapitalized || tokens[i - 1].isAllCaps { return nil }
        // A sub-unit named inside a role phrase (`… кызматынын башчысы`) is not reported.
        if i + 1 < tokens.count, people.isRoleWord(tokens[i + 1]) { return nil }
        var first = i
        var k = i - 1
        while k >= 0 && i - k < Self.maximumLength && !tokens[k + 1].newlineBefore {
            let t = tokens[k]
            if t.kind == .word {
                // A head inside the chain: a parent body (`министрлигине караштуу`) or a genitive
                // modifier (`Жогорку Кеңештин Регламенти`). In the nominative it ends another name.
                let parent = (k + 1 < tokens.count && ["караштуу", "алдындагы"].contains(tokens[k + 1].lower)) || Self.isGenitive(kyrgyz: t.lower)
                let named = eponym && (k..<i).contains { tokens[$0].lower == "атындагы" }  // Токтогул Сатылганов атындагы …
                if Self.kyrgyzStopWords.contains(t.lower) || (kyrgyzHead(t) != nil && !parent) || (isPersonWord(k) && !named) { break }
                let governs = k + 1 < tokens.count && ["караштуу", "алдындагы", "тиешелүү"].contains(tokens[k + 1].lower)
                if endsKyrgyzName(k) && !governs && !Self.kyrgyzLinks.contains(t.lower) && KyrgyzMorphology.acronym(of: t.text) == nil { break }
                if !t.isCapitalized && people.isRoleWord(t) { break }
                first = k
            } else if t.is(","), k > 0, tokens[k - 1].kind == .word, !tokens[k + 1].isCapitalized {
                // `Маданият, маалымат, спорт жана …`: a list inside the name.
            } else {
                break
            }
            k -= 1
        }
        // The name starts at its first capital; a name after an eponym starts with the eponym
        // (`Сынак Токтогул атындагы мектепте` → `Токтогул атындагы мектеп`).
        while first < i && !(tokens[first].isCapitalized || tokens[first].isAllCaps) { first += 1 }
        if eponym, let at = (first..<i).first(where: { tokens[$0].lower == "атындагы" }), at > first {
            // The eponym: a surname or a given name, after a given name or initials.
            var e = at - 1
            while e > first, tokens[e - 1].is(".") || (tokens[e - 1].text.unicodeScalars.count == 1 && tokens[e - 1].isCapitalized)
                    || people.givenName(tokens[e - 1].lower) != nil && tokens[e - 1].isCapitalized && !startsSentence(e - 1) {
                e -= 1
            }
            first = e
        }
        guard tokens[first].isCapitalized || tokens[first].isAllCaps else { return nil }
        // The head in its nominative (possessive) form; the rest as written.
        var words: [String] = []
        for k in first..<i { words.append(tokens[k].text) }
        let headText = tokens[i].isCapitalized ? head.prefix(1).uppercased() + head.dropFirst() : head
        let name = joined(first, i) + (first < i ? " " : "") + headText
        // The head alone (`Министрликтин`) refers back to a body named before.
        guard first < i else { return nil }
        // `ЮНИСЕФтин Кыргызстандагы өкүлчүлүгү`: a known body's office in a place is that body.
        if KyrgyzMorphology.acronym(of: tokens[first].text).flatMap({ glossary.acronyms[$0] }) != nil,
           !(first + 1..<i).contains(where: { (tokens[$0].isCapitalized || tokens[$0].isAllCaps) && PlaceGlossary.shared.index.longestMatch(tokens, at: $0) == nil }) {
            return nil
        }
        // A weak head whose only capital opens the sentence (`Чемпионаттын … федерациясы`).
        if weak, startsSentence(first), !(first + 1..<i).contains(where: { tokens[$0].isCapitalized || tokens[$0].isAllCaps }) { return nil }
        return Candidate(first: first, last: i + 1, name: name, acronym: nil, organizationID: nil, priority: .rule)
    }

    /// Tokens `[a, b)` as text, with commas attached and quotes made «».
    func joined(_ a: Int, _ b: Int) -> String {
        var s = ""
        for k in a..<b {
            let t = tokens[k]
            if !s.isEmpty && !(t.is(",") || t.is(".") || t.is("»") || t.is("”")) && !(tokens[k - 1].is("«") || tokens[k - 1].is("“")) { s += " " }
            s += t.is("“") ? "«" : t.is("”") ? "»" : t.text
        }
        return s
    }

    // MARK: Russian: head-first, and adjectives before a head

    /// The dictionary form of a Russian head noun (`Министерством` → `министерство`).
    func russianHead(_ t: NameToken) -> String? {
        guard t.kind == .word else { return nil }
        return glossary.russianHeads[t.stem.isEmpty ? RussianMorphology.stem(t.lower) : t.stem]
    }

    static let adjectiveEndings = ["ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ой", "ей", "ая", "яя", "ую", "юю", "ое", "ее", "ий", "ый", "ых", "их"]
    static func isAdjective(_ w: String) -> Bool { w.unicodeScalars.count > 4 && adjectiveEndings.contains { w.endsWith($0) } }

    func russianHeadFirst(_ i: Int) -> Candidate? {
        var first = i
        var h = i
        // Adjectives before the head: `Всемирного банка`, `Кыргызским национальным университетом`.
        var adjectives: [Int] = []
        while h < tokens.count, tokens[h].kind == .word, russianHead(tokens[h]) == nil, Self.isAdjective(tokens[h].lower), adjectives.count < 3 {
            adjectives.append(h); h += 1
        }
        guard h < tokens.count, let head = russianHead(tokens[h]) else { return nil }
        if !adjectives.isEmpty { guard tokens[adjectives[0]].isCapitalized else { return nil } }
        first = adjectives.first ?? h
        // The genitive chain to the right.
        var last = h + 1
        var k = h + 1
        var sawCapital = false
        let allowsIn = ["посольство", "представительство", "офис", "миссия"].contains(head)
        while k < tokens.count && k - first < Self.maximumLength && !tokens[k].newlineBefore {
            let t = tokens[k]
            if t.kind == .word {
                if let other = russianHead(t), t.isCapitalized || Self.lowercaseRussianHeads.contains(other) { break }
                if isPersonWord(k) { break }
                if t.isCapitalized || t.isAllCaps { sawCapital = true; last = k + 1; k += 1; continue }
                // `и` before a capital joins another body: `Мэрия г. Каракол и JICA`.
                if t.lower == "и", k + 1 < tokens.count, tokens[k + 1].isCapitalized || tokens[k + 1].isAllCaps { break }
                // `Агентство по развитию горных территорий`: `по` and the noun it governs.
                if t.lower == "по", k + 1 < tokens.count, tokens[k + 1].kind == .word, !tokens[k + 1].isCapitalized {
                    last = k + 2; k += 2; continue
                }
                if ["и", "по", "при"].contains(t.lower) { k += 1; continue }
                if t.lower == "в" && allowsIn, k + 1 < tokens.count, tokens[k + 1].isCapitalized { k += 1; continue }
                if (t.lower == "г" || t.lower == "им") && k + 1 < tokens.count && tokens[k + 1].is(".") { k += 2; continue }
                if Self.isGenitive(t.lower) { last = k + 1; k += 1; continue }
                // A genitive plural without ending after its adjective: `водных проблем`.
                if ["ых", "их"].contains(where: { tokens[k - 1].lower.endsWith($0) }) { last = k + 1; k += 1; continue }
                break
            } else if t.is("."), k > 0, tokens[k - 1].text.unicodeScalars.count == 1, tokens[k - 1].isCapitalized {
                k += 1  // an initial: им. И. Раззакова
            } else if t.is(","), k + 1 < tokens.count, tokens[k + 1].kind == .word, !tokens[k + 1].isCapitalized, Self.isGenitive(tokens[k + 1].lower) {
                k += 1  // Министерство труда, социального обеспечения и миграции
            } else {
                break
            }
        }
        // A sub-unit named inside a role phrase (`начальник Службы патрульной милиции`) is not reported.
        if first > 0, people.isRoleWord(tokens[first - 1]) { return nil }
        let headToken = tokens[h]
        // A lowercase head (`министерство сообщило`) is a common noun, but for `мэрия г. Токмок`.
        if adjectives.isEmpty && !headToken.isCapitalized && !(Self.lowercaseRussianHeads.contains(head) && sawCapital) { return nil }
        // A weak head needs a capital after it, a capitalized adjective before it that does not just
        // open the sentence (`Межведомственная комиссия`), or an acronym defined after it
        // (`Центр исследований водных ресурсов (ЦИВР)`).
        // A head alone that opens a sentence (`Офис находится …`) is a common noun.
        if adjectives.isEmpty && last == h + 1 && startsSentence(h) { return nil }
        let defined = last + 2 < tokens.count && tokens[last].is("(") && tokens[last + 1].isAllCaps && tokens[last + 2].is(")")
        if Self.weakRussianHeads.contains(head) && !sawCapital && !defined && (adjectives.isEmpty || startsSentence(first)) { return nil }
        let gender = Self.gender(head)
        var parts: [String] = adjectives.enumerated().map { n, k in Self.nominativeAdjective(tokens[k].text, gender: gender, capitalize: n == 0) }
        parts.append(adjectives.isEmpty ? head.prefix(1).uppercased() + head.dropFirst() : head)
        let name = parts.joined(separator: " ") + (last > h + 1 ? " " + joined(h + 1, last) : "")
        return Candidate(first: first, last: last, name: name, acronym: nil, organizationID: nil, priority: .rule)
    }

    static func isGenitive(_ w: String) -> Bool {
        // Past-tense and reflexive verbs (`рассмотрела`, `открылся`) and the instrumental plural
        // (`партнерами`) end in the same letters.
        if ["ла", "ло", "ли", "ся", "сь", "ами", "ями"].contains(where: { w.endsWith($0) }) { return false }
        if w.endsWith("ий") && w.unicodeScalars.count > 6 { return true }  // the plural of -ие nouns: исследований, мероприятий
        return ["а", "я", "ы", "и", "ов", "ев", "ей", "ой", "ых", "их", "ого", "его", "ии", "ия"].contains { w.endsWith($0) } && w.unicodeScalars.count > 2
    }

    enum Gender { case masculine, feminine, neuter }

    static func gender(_ noun: String) -> Gender {
        if noun.endsWith("а") || noun.endsWith("я") || noun.endsWith("ь") && noun.endsWith("сть") { return .feminine }
        if noun.endsWith("о") || noun.endsWith("е") { return .neuter }
        return .masculine
    }

    /// `Всемирного` → `Всемирный`, `Национальной` → `Национальная`, `Ошском` → `Ошский`.
    static func nominativeAdjective(_ word: String, gender: Gender, capitalize: Bool) -> String {
        let lower = word.fastLowercased()
        guard let ending = adjectiveEndings.first(where: { lower.endsWith($0) }) else { return word }
        let stem = String(word.dropLast(ending.count))
        let soft = ["к", "г", "х", "ж", "ш", "ч", "щ"].contains { stem.fastLowercased().endsWith($0) }
        let result: String
        switch gender {
        case .masculine: result = stem + (soft ? "ий" : "ый")
        case .feminine: result = stem + "ая"
        case .neuter: result = stem + "ое"
        }
        return capitalize ? result.prefix(1).uppercased() + result.dropFirst() : result
    }

    // MARK: Quoted names with a legal form

    func quoted(_ q: Int) -> Candidate? {
        guard tokens[q].is("«") || tokens[q].is("“") || tokens[q].is("\"") else { return nil }
        var c = q + 1
        while c < tokens.count && c - q <= 10 && !(tokens[c].is("»") || tokens[c].is("”") || tokens[c].is("\"")) && !tokens[c].newlineBefore { c += 1 }
        guard c < tokens.count, c - q <= 10, c > q + 1, tokens[c].kind == .punctuation, !tokens[c].newlineBefore else { return nil }
        let inner = "«" + joined(q + 1, c) + "»"
        // Legal form before: ОсОО «…», ОО «…», общественного фонда «…».
        if q > 0, let form = legalFormEnding(at: q) {
            return Candidate(first: form.first, last: c + 1, name: form.name + " " + inner, acronym: nil, organizationID: nil, priority: .quoted)
        }
        // A Russian head before: пансионат «Голубой Иссык-Куль», театр «…».
        if q > 0, let head = russianHead(tokens[q - 1]), !Self.weakRussianHeads.contains(head) {
            return Candidate(first: q - 1, last: c + 1, name: head.prefix(1).uppercased() + head.dropFirst() + " " + inner, acronym: nil, organizationID: nil, priority: .quoted)
        }
        // Legal form or head after: «…» КБ, “…” коомдук бирикмеси, “…” улуттук федерациясы КБ.
        var k = c + 1
        var lastHead: Int? = nil
        while k < tokens.count && k - c <= 4 && tokens[k].kind == .word && !tokens[k].newlineBefore {
            if glossary.legalForms[tokens[k].text] != nil || kyrgyzHead(tokens[k]) != nil { lastHead = k }
            else if let (_, end) = legalFormPhrase(at: k) { lastHead = end - 1; k = end - 1 }
            k += 1
        }
        guard let end = lastHead else { return nil }
        var words: [String] = []
        for n in (c + 1)...end {
            let t = tokens[n]
            if n == end, glossary.legalForms[t.text] == nil, let head = kyrgyzHead(t) { words.append(head) } else { words.append(t.text) }
        }
        if let (phrase, pEnd) = legalFormPhrase(at: end - 1), pEnd == end + 1 {
            words.removeLast(2); words.append(phrase)
        }
        return Candidate(first: q, last: end + 1, name: inner + " " + words.joined(separator: " "), acronym: nil, organizationID: nil, priority: .quoted)
    }

    /// A legal form ending right before token `q`: an abbreviation (`ОсОО`) or a phrase in any
    /// case (`общественного фонда` → `Общественный фонд`).
    func legalFormEnding(at q: Int) -> (first: Int, name: String)? {
        if q >= 1, tokens[q - 1].kind == .word, glossary.legalForms[tokens[q - 1].text] != nil, tokens[q - 1].isAllCaps || tokens[q - 1].text.unicodeScalars.count <= 5 {
            return (q - 1, tokens[q - 1].text)
        }
        for len in [3, 2] where q - len >= 0 {
            if let (phrase, end) = legalFormPhrase(at: q - len), end == q {
                return (q - len, phrase.prefix(1).uppercased() + phrase.dropFirst())
            }
        }
        return nil
    }

    /// A multi-word legal form starting at `k`, matched by stems (`общественного фонда`,
    /// `коомдук бирикмесинин`), as its dictionary form and the index after it.
    func legalFormPhrase(at k: Int) -> (String, Int)? {
        guard k < tokens.count, tokens[k].kind == .word else { return nil }
        // Longest first, so `коомдук бирикмеси` wins over `коомдук бирикме`.
        for (form, words, stems) in glossary.legalFormPhrases where k + words.count <= tokens.count {
            var ok = true
            for n in words.indices {
                guard tokens[k + n].kind == .word else { ok = false; break }
                let lower = tokens[k + n].lower, stem = tokens[k + n].stem.isEmpty ? RussianMorphology.stem(lower) : tokens[k + n].stem
                let same = lower.sameBytes(words[n]) || stem.sameBytes(stems[n])
                    || (n == words.count - 1 && tokens[k + n].forms.contains { $0.sameBytes(words[n]) })
                if !same { ok = false; break }
            }
            if ok { return (form, k + words.count) }
        }
        return nil
    }

    // MARK: Acronyms defined in the text

    /// `Институт политики развития (ИПР)`: the acronym joins the name before it, and later
    /// bare mentions of it (`ИПРдин`) are that organization.
    func withDefinedAcronyms(_ chosen: [Candidate]) -> [Candidate] {
        var result = chosen
        var defined: [String: Int] = [:]
        for (n, c) in result.enumerated() {
            let p = c.last
            guard p + 2 < tokens.count, tokens[p].is("("), tokens[p + 2].is(")"), tokens[p + 1].kind == .word,
                  tokens[p + 1].isAllCaps || (tokens[p + 1].isCapitalized && tokens[p + 1].text.unicodeScalars.count <= 12) else { continue }
            let acr = tokens[p + 1].text
            if result[n].acronym == nil { result[n].acronym = acr }
            defined[acr] = n
        }
        guard !defined.isEmpty else { return result }
        var extra: [Candidate] = []
        var inName = [Bool](repeating: false, count: tokens.count)
        for c in result { for k in c.first..<max(c.first, c.last) { inName[k] = true } }
        for (k, t) in tokens.enumerated() where t.kind == .word && (t.isAllCaps || t.isCapitalized) {
            let acr = defined[t.text] != nil ? t.text : KyrgyzMorphology.acronym(of: t.text)
            guard let a = acr, let n = defined[a], !inName[k] else { continue }
            // Not the definition itself.
            if k > 0, tokens[k - 1].is("("), k == result[n].last + 1 { continue }
            extra.append(Candidate(first: k, last: k + 1, name: result[n].name, acronym: a, organizationID: result[n].organizationID ?? .defined(acronym: a), priority: .glossary))
        }
        result = (result + extra).sorted { $0.first < $1.first }
        return result
    }
}
