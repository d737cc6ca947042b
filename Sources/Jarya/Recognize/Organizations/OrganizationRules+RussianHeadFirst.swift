/// Russian names start with their head noun (`Министерство …`, `Мэрия г. …`), or put adjectives
/// before it (`Всемирный банк`): found by walking right.
extension OrganizationRules {
    /// The dictionary form of Russian head noun `k` (`Министерством` → `министерство`).
    /// Takes the token's index: copying a `NameToken` out of the array retains three objects.
    func russianHeadOfWord(_ k: Int) -> String? {
        guard tokens[k].kind == .word else { return nil }
        let stem = tokens[k].stem.isEmpty ? RussianMorphology.stem(tokens[k].lower) : tokens[k].stem
        // The filter answers most stems without hashing them.
        if glossary.russianHeadFilter.mayContain(stem), let head = glossary.russianHeads[stem] { return head }
        // Both halves of a compound inflect: `Доме-музее` is `дом-музей`. A word whose first half
        // does not start with a compound head's first stem is none (`compoundHeadStarts`).
        guard glossary.compoundHeadStarts.contains(where: { tokens[k].lower.startsWith($0) }),
            tokens[k].lower.includes("-")
        else { return nil }
        return glossary.russianHeads[RussianMorphology.compoundStem(tokens[k].lower)]
    }

    /// The end of an eponym at `k`: `имени`/`им.`, initials and up to three capitalized words
    /// (`имени Гапара Айтиева`, `им. М. В. Фрунзе`); with `bare`, the name alone in the genitive
    /// (`фонда Ханса Зайделя`). Nil when no eponym starts at `k`.
    func russianEponymEnd(_ k: Int, bare: Bool = false) -> Int? {
        var e = k
        if e < tokens.count, tokens[e].lower.sameBytes("имени") {
            e += 1
        } else if e + 1 < tokens.count, tokens[e].lower.sameBytes("им"), tokens[e + 1].is(".") {
            e += 2
        } else if !bare {
            return nil
        }
        while e + 1 < tokens.count, tokens[e].isCapitalized, tokens[e].text.unicodeScalars.count == 1,
            tokens[e + 1].is(".")
        {
            e += 2
        }
        var words = 0
        while e < tokens.count, words < 3, tokens[e].kind == .word, tokens[e].isCapitalized, !tokens[e].newlineBefore,
            !bare || Self.isGenitive(tokens[e].lower) && places.index.longestMatch(tokens, at: e) == nil
        {
            e += 1; words += 1
        }
        return words > 0 && (!bare || words >= 2) ? e : nil
    }

    static let adjectiveEndings = RussianMorphology.adjectiveEndings
    /// The same, compared on bytes: most words end in none of them.
    static let adjectiveByteEndings = ByteEndings(adjectiveEndings)
    static func isAdjective(_ w: String) -> Bool {
        // Five scalars take five bytes or more: the byte count (kept by the string) answers first.
        w.utf8.count > 4 && adjectiveByteEndings.matches(w) && w.unicodeScalars.count > 4
    }

    /// The singular forms of `сборная` (a national team).
    static let teamSingular: WordSet = ["сборная", "сборной", "сборную", "сборною"]

    func russianHeadFirst(_ i: Int) -> Candidate? {
        // Neither a head nor an adjective is punctuation or a number.
        guard tokens[i].kind == .word else { return nil }
        var first = i
        var h = i
        // Adjectives before the head: `Всемирного банка`, `Кыргызским национальным университетом`.
        var adjectives: [Int] = []
        // Each word's head is looked up once (it was twice: as an adjective's test, then as the head).
        var found = h < tokens.count ? russianHead(h) : nil
        while h < tokens.count, tokens[h].kind == .word, found == nil, Self.isAdjective(tokens[h].lower),
            adjectives.count < 3
        {
            adjectives.append(h); h += 1
            found = h < tokens.count ? russianHead(h) : nil
        }
        guard h < tokens.count, let head = found else { return nil }
        // `мэра`, `мэром` are the mayor, not `мэрия`, though they share a stem.
        // (Words are compared by their bytes: `==` normalizes Cyrillic text at every call.)
        if head.sameBytes("мэрия"), !tokens[h].lower.startsWith("мэри") { return nil }
        // `судья`, `судьи` are a judge, not `суд`.
        if head.sameBytes("суд"), tokens[h].lower.startsWith("судь") { return nil }
        if !adjectives.isEmpty { guard tokens[adjectives[0]].isCapitalized else { return nil } }
        first = adjectives.first ?? h
        // A head that ends a place's name (`Советского Союза`, `Российской Федерации`) heads no body.
        if placeName(startingIn: max(0, h - 3)..<h, endsAt: h + 1) { return nil }
        // The genitive chain to the right.
        var last = h + 1
        var k = h + 1
        var sawCapital = false
        let allowsIn = Self.headsAllowingIn.contains(head)
        // Named after someone (`музей имени Гапара Айтиева`, `фонда Ханса Зайделя`): a name even
        // with its head in lower case.
        var eponym = false
        let bareEponym = head.sameBytes("фонд")
        // The loop reads `tokens[k]` in place: a copy of the token retains three objects.
        while k < tokens.count && k - first < Self.maximumLength && !tokens[k].newlineBefore {
            if let end = russianEponymEnd(k, bare: bareEponym && k == h + 1) {
                eponym = true; sawCapital = true; last = end; k = end
                continue
            }
            if tokens[k].kind == .word {
                let lower = tokens[k].lower
                // A head after a capitalized adjective belongs to the name: `Посольства Российской Федерации`.
                let afterProperAdjective = tokens[k - 1].isCapitalized && Self.isAdjective(tokens[k - 1].lower)
                if let other = russianHead(k), tokens[k].isCapitalized || Self.lowercaseRussianHeads.contains(other),
                    !afterProperAdjective
                {
                    break
                }
                if Self.russianStopWords.contains(lower) { break }
                if isPersonWord(k) { break }
                if tokens[k].isCapitalized || tokens[k].isAllCaps { sawCapital = true; last = k + 1; k += 1; continue }
                // `и` before a capital joins another body: `Мэрия г. Каракол и JICA`.
                if lower.sameBytes("и"), k + 1 < tokens.count, tokens[k + 1].isCapitalized || tokens[k + 1].isAllCaps {
                    break
                }
                // `Агентство по развитию горных территорий`: `по` and the noun it governs.
                if lower.sameBytes("по"), k + 1 < tokens.count, tokens[k + 1].kind == .word,
                    !tokens[k + 1].isCapitalized
                {
                    last = k + 2; k += 2; continue
                }
                if lower.sameBytes("и") || lower.sameBytes("по") || lower.sameBytes("при") { k += 1; continue }
                if lower.sameBytes("в") && allowsIn, k + 1 < tokens.count, tokens[k + 1].isCapitalized {
                    k += 1; continue
                }
                if (lower.sameBytes("г") || lower.sameBytes("им")) && k + 1 < tokens.count && tokens[k + 1].is(".") {
                    k += 2; continue
                }
                if Self.isGenitive(lower) { last = k + 1; k += 1; continue }
                // A genitive plural without ending after its adjective: `водных проблем`.
                if Self.genitivePluralAdjective.matches(tokens[k - 1].lower) {
                    last = k + 1; k += 1; continue
                }
                break
            } else if tokens[k].is("."), k > 0, tokens[k - 1].text.unicodeScalars.count == 1,
                tokens[k - 1].isCapitalized
            {
                k += 1  // an initial: им. И. Раззакова
            } else if tokens[k].is(","), k + 1 < tokens.count, tokens[k + 1].kind == .word,
                !tokens[k + 1].isCapitalized,
                Self.isGenitive(tokens[k + 1].lower),
                !tokens[k - 1].isCapitalized, !tokens[k - 1].isAllCaps,
                !Self.russianStopWords.contains(tokens[k + 1].lower)
            {
                // Министерство труда, социального обеспечения и миграции; not `Министерства образования
                // Кыргызстана, выпускники` nor `филармонии, куда`: a proper name or a clause word ends it.
                k += 1
            } else {
                break
            }
        }
        // A quoted name right after the chain is the body's own (`Центр человеческого развития
        // "Древо жизни"`, `доме культуры «Диалог»`), unless the head is one that names no body then.
        // Not across `и`: `мэрии и фонда «…»`, `форума творческих союзов и научной интеллигенции «…»`.
        var quotedName: (open: Int, close: Int)? = nil
        if last < tokens.count, let close = closingQuote(last),
            !Self.weakRussianHeads.contains(head) || Self.quotedWeakHeads.contains(head),
            !(h + 1..<last).contains(where: { tokens[$0].lower.sameBytes("и") })
        {
            quotedName = (last, close); sawCapital = true; last = close + 1
        }
        let quoted = quotedName != nil
        // A sub-unit named inside a role phrase (`начальник Службы патрульной милиции`) is not reported;
        // an institution is (`директор Института коммуникаций и высоких технологий`).
        if first > 0, people.isRoleWord(tokens[first - 1]), !Self.russianInstitutionHeads.contains(head) { return nil }
        let headToken = tokens[h]
        // A lowercase head (`министерство сообщило`) is a common noun, but for `мэрия г. Токмок`.
        if adjectives.isEmpty && !headToken.isCapitalized && !(Self.lowercaseRussianHeads.contains(head) && sawCapital)
            && !eponym && !quoted
        {
            return nil
        }
        // A national team is one team: `сборными Кыргызстана и Макао` names two.
        if head.sameBytes("сборная"), !Self.teamSingular.contains(headToken.lower) { return nil }
        // A weak head needs a capital after it, a capitalized adjective before it that does not just
        // open the sentence (`Межведомственная комиссия`), or an acronym defined after it
        // (`Центр исследований водных ресурсов (ЦИВР)`).
        // A head alone that opens a sentence (`Офис находится …`) is a common noun.
        if adjectives.isEmpty && last == h + 1 && startsSentence(h) { return nil }
        let defined =
            last + 2 < tokens.count && tokens[last].is("(") && tokens[last + 1].isAllCaps && tokens[last + 2].is(")")
        // A capitalized weak head inside a sentence with two words after it is a name too
        // (`Центром информационного права`), but for a project's or a programme's.
        let properWeak =
            headToken.isCapitalized && !startsSentence(h) && last >= h + 3 && !Self.projectHeads.contains(head)
        if Self.weakRussianHeads.contains(head) && !sawCapital && !defined && !properWeak
            && (adjectives.isEmpty || startsSentence(first))
        {
            return nil
        }
        let gender = Self.gender(head)
        var parts: [String] = adjectives.enumerated().map { n, k in
            Self.nominativeAdjective(tokens[k].text, gender: gender, capitalize: n == 0)
        }
        parts.append(adjectives.isEmpty ? head.prefix(1).uppercased() + head.dropFirst() : head)
        // A quoted name is written in «», whatever quotes the text used.
        let chainEnd = quotedName?.open ?? last
        var name = parts.joined(separator: " ") + (chainEnd > h + 1 ? " " + joined(h + 1, chainEnd) : "")
        if let (open, close) = quotedName { name += " «" + joined(open + 1, close) + "»" }
        return Candidate(first: first, last: last, name: name, acronym: nil, organizationID: nil, priority: .rule)
    }

    /// Words that look genitive but end a name: adverbs, relative and demonstrative words.
    static let russianStopWords: WordSet = [
        "куда", "где", "когда", "сегодня", "завтра", "вчера", "также", "тоже", "теперь", "здесь", "там", "сейчас",
        "уже",
        "еще", "ещё", "который", "которая", "которое", "которые", "которых", "которой", "которым", "его", "ее", "её",
        "их",
        "это", "этого", "этой", "этих", "всего", "всех", "года", "году", "лет", "является", "являются", "была", "были",
        // `при содействии`, `при поддержке`: who helped, not a body's name.
        "содействии", "поддержке", "участии", "помощи",
    ]

    static func isGenitive(_ w: String) -> Bool {
        // Past-tense and reflexive verbs (`рассмотрела`, `открылся`) and the instrumental plural
        // (`партнерами`) end in the same letters.
        if verbLikeEndings.matches(w) {
            return genitivesLikeVerbs.contains(w)
        }
        // The genitive plural of -ие nouns: исследований, мероприятий.
        if w.endsWith("ий") && w.unicodeScalars.count > 6 { return true }
        return russianGenitiveEndings.matches(w) && w.unicodeScalars.count > 2
    }

    /// The endings `isGenitive` reads, compared on bytes (it runs on most words of a Russian name).
    static let verbLikeEndings = ByteEndings(["ла", "ло", "ли", "ся", "сь", "ами", "ями"])
    static let russianGenitiveEndings = ByteEndings([
        "а", "я", "ы", "и", "ов", "ев", "ей", "ой", "ых", "их", "ого", "его", "ии", "ия",
    ])
    static let genitivePluralAdjective = ByteEndings(["ых", "их"])
    /// Heads of bodies abroad, whose name may say where (`Посольство … в Японии`).
    static let headsAllowingIn: WordSet = ["посольство", "представительство", "офис", "миссия"]

    /// Genitives that end like a past-tense verb (`Федерация футбола КР`, `посольства и посла`).
    static let genitivesLikeVerbs: WordSet = [
        "футбола", "волейбола", "баскетбола", "гандбола", "бейсбола", "зала", "стола", "села", "посла", "числа",
    ]

    enum Gender { case masculine, feminine, neuter }

    static func gender(_ noun: String) -> Gender {
        if noun.endsWith("а") || noun.endsWith("я") || noun.endsWith("ь") && noun.endsWith("сть") { return .feminine }
        if noun.endsWith("о") || noun.endsWith("е") { return .neuter }
        return .masculine
    }

    /// Stems of adjectives stressed on the ending, whose masculine nominative ends in `-ой`
    /// (`областной совет`, `городской кенеш`), not `-ый`/`-ий`.
    static let stressedAdjectiveStems: Set<String> = [
        "областн", "городск", "окружн", "краев", "миров", "морск", "трудов", "делов", "молод", "земн", "полев",
        "передов", "сельск", "донск", "волостн", "рулев", "лесн", "торгов",
    ]

    /// `Всемирного` → `Всемирный`, `Национальной` → `Национальная`, `Ошском` → `Ошский`,
    /// `областного` → `областной`; a masculine `-ой` before a masculine head is already the
    /// nominative (`Львовский областной совет`).
    static func nominativeAdjective(_ word: String, gender: Gender, capitalize: Bool) -> String {
        let lower = word.fastLowercased()
        if gender == .masculine && lower.endsWith("ой") {
            return capitalize ? word.prefix(1).uppercased() + word.dropFirst() : word
        }
        guard let ending = adjectiveEndings.first(where: { lower.endsWith($0) }) else { return word }
        let stem = String(word.dropLast(ending.count))
        let soft = ["к", "г", "х", "ж", "ш", "ч", "щ"].contains { stem.fastLowercased().endsWith($0) }
        let result: String
        switch gender {
        case .masculine:
            result = stem + (Self.stressedAdjectiveStems.contains(stem.fastLowercased()) ? "ой" : soft ? "ий" : "ый")
        case .feminine: result = stem + "ая"
        case .neuter: result = stem + "ое"
        }
        return capitalize ? result.prefix(1).uppercased() + result.dropFirst() : result
    }
}
