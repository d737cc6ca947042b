/// Kyrgyz names end in their head noun (`… министрлиги`, `… агенттиги`): found by walking left
/// from the head over the genitive chain.
extension OrganizationRules {
    /// The head form of Kyrgyz word `k` (`министрлигине` → `министрлиги`), if it is a head noun.
    /// Takes the token's index: copying a `NameToken` out of the array retains three objects.
    func kyrgyzHeadOfWord(_ k: Int) -> String? {
        guard tokens[k].kind == .word else { return nil }
        let forms = tokens[k].forms.isEmpty ? KyrgyzMorphology.stems(of: tokens[k].lower) : tokens[k].forms
        // The longest form that is a head (the first of equals). The filter answers most forms
        // without hashing them.
        var head: String? = nil
        for f in forms
        where glossary.kyrgyzHeadFilter.mayContain(f) && glossary.kyrgyzHeads.contains(f)
            && f.unicodeScalars.count > (head?.unicodeScalars.count ?? -1)
        {
            head = f
        }
        return head
    }

    /// Whether a Kyrgyz word carries a case other than the genitive (or a verb ending):
    /// it ends a name to its left (`Иш-чараны`, `Форумду`, `уюштурду`).
    static func isKyrgyzBoundary(_ w: String) -> Bool {
        if boundaryEndings.matches(w) && w.unicodeScalars.count > 3 { return true }
        return KyrgyzMorphology.isAccusativeAfterPossessive(w)
    }

    /// Any case but the genitive (which links a name's words), and the participle -ГAн: made
    /// once (joining the lists at every call cost some 8,000 instructions a word).
    static let boundaryEndings: ByteEndings = {
        let cases: [KyrgyzCase] = [.accusative, .dative, .locative, .ablative]
        return ByteEndings(cases.flatMap(\.endings) + ["нан", "нен", "ган", "ген", "гон", "гөн"])
    }()

    /// Whether the word at `k` ends the name to its left. An accusative object of a gerund
    /// stays inside (`Айлана-чөйрөнү коргоо …`), and `-ды/-ты` after a vowel is a possessive
    /// (`саясаты`), not an accusative (`саясатты`).
    func endsKyrgyzName(_ k: Int) -> Bool {
        let w = tokens[k].lower
        // A plural possessive (`көчөлөрү`, `тургундары`) heads a phrase of its own: `Бишкектин
        // борбордук көчөлөрү Ички иштер министрлигинин …` is two phrases.
        if !tokens[k].isCapitalized, Self.pluralPossessives.matches(w), w.unicodeScalars.count > 6 {
            return true
        }
        guard Self.isKyrgyzBoundary(w) else { return false }
        // A proper name in the nominative that only looks case-marked (`Нарын`).
        if tokens[k].isCapitalized, !places.index.exact(w).isEmpty || people.givenNames[w] != nil { return false }
        // The accusative is -ТI after a voiceless consonant (`саясатты`) and -ДI after a voiced one
        // (`Форумду`); otherwise the ending is a possessive (`саясаты`, `Регламенти`).
        // Only a word ending in one of those bytes has them as its last two characters, so the
        // characters are read (from the end) for those words alone.
        if Self.accusativeAfterConsonant.matches(w) {
            let s = Array(w.reversed().prefix(3))
            if s.count > 2, KyrgyzCase.accusativeAfterConsonant.contains(String([s[1], s[0]])) {
                let before = s[2]
                // A letter of one scalar is compared as a scalar (`String.contains` of a character
                // breaks the string into characters); these letters have no other spelling.
                let one = before.unicodeScalars.count == 1 ? before.unicodeScalars.first : nil
                let voiceless = one.map { "кпстфхчшщ".unicodeScalars.contains($0) } ?? "кпстфхчшщ".contains(before)
                let vowel = one.map { KyrgyzMorphology.isVowel($0) } ?? KyrgyzMorphology.isVowel(before)
                let accusative = s[1] == "т" ? voiceless : (!voiceless && !vowel)
                if !accusative { return false }
            }
        }
        if k + 1 < tokens.count, tokens[k + 1].kind == .word, !tokens[k + 1].isCapitalized,
            Self.gerundEndings.matches(tokens[k + 1].lower)
        {
            return false
        }
        return true
    }

    static let pluralPossessives = ByteEndings([
        "лары", "лери", "лору", "лөрү", "дары", "дери", "дору", "дөрү", "тары", "тери", "тору", "төрү",
    ])
    static let accusativeAfterConsonant = ByteEndings(KyrgyzCase.accusativeAfterConsonant)
    /// A gerund's ending (`коргоо`), after which an accusative stays inside a name.
    static let gerundEndings = ByteEndings(["уу", "үү", "оо", "өө"])
    static let kyrgyzGenitiveEndings = ByteEndings(KyrgyzMorphology.genitiveEndings)
    static let possessiveEndings = ByteEndings(KyrgyzMorphology.possessives)

    static func isGenitive(kyrgyz w: String) -> Bool {
        w.utf8.count > 4 && kyrgyzGenitiveEndings.matches(w) && w.unicodeScalars.count > 4
    }

    /// Heads that also name generic things (a service, a department, a hospital): a name
    /// needs them in the possessive (`Лейлек райондук ооруканасы`, not `облустук ооруканага`).
    static let weakKyrgyzHeads = BytePrefixes([
        "кызмат", "бөлүм", "уюм", "оорукана", "мектеп", "ишкана", "аппарат", "федерация", "борбор",
        "башкармалык", "фонд", "ассоциация", "бирикме", "топ", "комиссия", "кеңеш", "тармак", "коом", "мэрия",
    ])
    /// Heads of institutions whose own head's role names them (`университетинин ректору`).
    static let kyrgyzInstitutionHeads = BytePrefixes([
        "университет", "институт", "академия", "колледж", "лицей", "гимназия", "консерватория", "китепкана",
        "музей", "театр", "филармония",
    ])
    /// The words after a parent body's name (`министрлигине караштуу`).
    static let parentLinks: WordSet = ["караштуу", "алдындагы"]
    /// The words after a name that governs the name before it (`… караштуу`, `… тиешелүү`).
    static let governingLinks: WordSet = ["караштуу", "алдындагы", "тиешелүү"]

    /// The same institutions' Russian heads (`ректор Кыргызского национального университета`).
    static let russianInstitutionHeads: WordSet = [
        "университет", "институт", "академия", "колледж", "лицей", "гимназия", "консерватория", "библиотека",
        "музей", "театр", "филармония",
    ]
    /// Russian heads that may start a name in lower case (`мэрия г. Токмок`).
    static let lowercaseRussianHeads: WordSet = [
        "мэрия", "администрация", "прокуратура", "посольство", "аппарат", "правительство", "парламент", "консульство",
        "сборная",
    ]
    static let weakRussianHeads: WordSet = [
        "программа", "проект", "предприятие", "управление", "отдел", "служба", "центр",
        "совет", "комиссия", "группа", "сеть", "платформа", "фонд", "объединение", "дом",
    ]
    /// Weak heads that name undertakings, not bodies, even capitalized inside a sentence.
    static let projectHeads: WordSet = ["программа", "проект", "платформа", "сеть", "группа"]

    /// Whether token `k` begins a sentence or a line.
    func startsSentence(_ k: Int) -> Bool {
        k == 0 || tokens[k].newlineBefore || tokens[k - 1].is(".") || tokens[k - 1].is("!") || tokens[k - 1].is("?")
    }

    /// A person's given name followed by a capitalized word (`Назгүл Орозалиева`) ends a name
    /// walk; `Нарын облустук …` (a name that is also a place) does not.
    func isPersonWord(_ k: Int) -> Bool {
        guard tokens[k].isCapitalized || tokens[k].isAllCaps, people.givenName(tokens[k].lower) != nil else {
            return false
        }
        return k + 1 < tokens.count && tokens[k + 1].kind == .word
            && (tokens[k + 1].isCapitalized || tokens[k + 1].isAllCaps)
    }

    /// A surname in the nominative after a capitalized word (`Айдай Асангулова Sputnik Кыргызстан
    /// радиосунун`, `Адылбек Касымалиев Япониянын … элчилигине`): the end of the person who speaks
    /// or goes there, not the first word of the body's name.
    func endsPersonName(_ k: Int) -> Bool {
        guard k > 0, tokens[k].isCapitalized, !tokens[k].isAllCaps, tokens[k - 1].kind == .word,
            tokens[k - 1].isCapitalized, !tokens[k - 1].isAllCaps
        else { return false }
        // The endings clear enough to make a surname without a known given name (`-ов`, `-ева`),
        // with no Kyrgyz case suffix after them.
        return SurnameEnding.matches(tokens[k].lower, .afterUnknownGiven) && places.index.exact(tokens[k].lower).isEmpty
    }

    func kyrgyzHeadFinal(_ i: Int) -> Candidate? {
        guard let head = kyrgyzHead(i) else { return nil }
        return kyrgyzHeadFinal(i, head: head)
    }

    /// The rest of `kyrgyzHeadFinal` once a head is found, kept apart: most words are no head,
    /// and their call no longer sets up this long body.
    @inline(never)
    private func kyrgyzHeadFinal(_ i: Int, head: String) -> Candidate? {
        // A press service (`… мэриясынын басма сөз кызматы`) speaks for its body: the body is the name.
        // (Words are compared by their bytes: `==` normalizes Cyrillic text at every call.)
        if head.startsWith("кызмат"),
            i >= 1 && tokens[i - 1].lower.sameBytes("маалымат")
                || i >= 2 && tokens[i - 2].lower.sameBytes("басма") && tokens[i - 1].lower.sameBytes("сөз")
        {
            return nil
        }
        // A plural head (`комиссияларынын`) names a kind of body, not one.
        if KyrgyzMorphology.isPlural(tokens[i].lower, after: head) { return nil }
        let weak = Self.weakKyrgyzHeads.matches(head)
        // `Нарын облусунун борбору`: a region's centre is a town, not a body.
        if head.startsWith("борбор"), i > 0,
            tokens[i - 1].lower.startsWith("облус") || tokens[i - 1].lower.startsWith("район")
        {
            return nil
        }
        // (`Токтогул Сатылганов атындагы орто мектепте` is a name by its eponym.)
        let eponym = (max(0, i - 8)..<i).contains { tokens[$0].lower.sameBytes("атындагы") }
        let possessive = Self.possessiveEndings.matches(head)
        if weak && !eponym && !possessive { return nil }
        // A head without the possessive follows its adjective (`мамлекеттик агенттик`), not a name.
        if !possessive && !eponym, i > 0, tokens[i - 1].isCapitalized || tokens[i - 1].isAllCaps { return nil }
        // A sub-unit named inside a role phrase (`… кызматынын башчысы`) is not reported; a school,
        // a university or a library is (`Андижан мамлекеттик педагогикалык институтунун ректору`),
        // and so is a body named by its staff (`… башкармалыгынын мугалимдеринин`).
        if i + 1 < tokens.count, let role = people.roleWord(tokens[i + 1]),
            !KyrgyzMorphology.isPlural(tokens[i + 1].lower, after: role),
            !Self.kyrgyzInstitutionHeads.matches(head)
        {
            return nil
        }
        var first = i
        var k = i - 1
        // The loop reads `tokens[k]` in place: a copy of the token retains three objects.
        while k >= 0 && i - k < Self.maximumLength && !tokens[k + 1].newlineBefore {
            if tokens[k].kind == .word {
                let lower = tokens[k].lower
                // A head inside the chain: a parent body (`министрлигине караштуу`) or a genitive
                // modifier (`Жогорку Кеңештин Регламенти`). In the nominative it ends another name.
                let parent =
                    (k + 1 < tokens.count && Self.parentLinks.contains(tokens[k + 1].lower))
                    || Self.isGenitive(kyrgyz: lower)
                // Named after someone: Токтогул Сатылганов атындагы …
                let named = eponym && (k..<i).contains { tokens[$0].lower.sameBytes("атындагы") }
                if Self.kyrgyzStopWords.contains(lower) || (kyrgyzHead(k) != nil && !parent)
                    || (isPersonWord(k) && !named) || (endsPersonName(k) && !named)
                {
                    break
                }
                // A head without the possessive takes no genitive (`Билим берүү министрлиги`, but
                // `… чыгармалар жыйнагы министрлик тарабынан`: the ministry is another phrase).
                if !possessive && !eponym && Self.isGenitive(kyrgyz: lower) { break }
                let governs = k + 1 < tokens.count && Self.governingLinks.contains(tokens[k + 1].lower)
                if endsKyrgyzName(k) && !governs && !Self.kyrgyzLinks.contains(lower)
                    && KyrgyzMorphology.acronym(of: tokens[k].text) == nil
                {
                    break
                }
                if !tokens[k].isCapitalized && people.isRoleWord(tokens[k]) { break }
                first = k
            } else if tokens[k].is(","), k > 0, tokens[k - 1].kind == .word, !tokens[k + 1].isCapitalized,
                (k + 1..<i).contains(where: { tokens[$0].lower.sameBytes("жана") })
                    || tokens[k - 1].isCapitalized
                        && SurnameEnding.ending(of: tokens[k - 1].lower, .marksSurname) == nil
            {
                // `Маданият, маалымат, спорт жана …`: a list inside the name, closed by `жана` or
                // after a capital (`Философия, укук …`); otherwise the comma ends a clause (`Ага
                // ылайык, жаңы мекеме`) or a person (`Кубатбек Боронов, өкмөттүн …`).
            } else {
                break
            }
            k -= 1
        }
        // The name starts at its first capital; a name after an eponym starts with the eponym
        // (`Сынак Токтогул атындагы мектепте` → `Токтогул атындагы мектеп`).
        while first < i && !(tokens[first].isCapitalized || tokens[first].isAllCaps) { first += 1 }
        if eponym, let at = (first..<i).first(where: { tokens[$0].lower.sameBytes("атындагы") }), at > first {
            // The eponym: a surname or a given name, after a given name or initials.
            // Its initials may stand before where the chain stopped (`Б.Сыдыков атындагы`).
            var e = at - 1
            while e > 0, isInitial(e - 1) || e > first && givenNameOfEponym(e - 1) { e -= 1 }
            first = e
        }
        guard tokens[first].isCapitalized || tokens[first].isAllCaps else { return nil }
        // The head in its nominative (possessive) form; the rest as written.
        let name = joined(first, i) + (first < i ? " " : "") + kyrgyzHeadText(head, at: i)
        // The head alone (`Министрликтин`) refers back to a body named before.
        guard first < i else { return nil }
        // `ЮНИСЕФтин Кыргызстандагы өкүлчүлүгү`: a known body's office in a place is that body.
        if KyrgyzMorphology.acronym(of: tokens[first].text).flatMap({ glossary.acronyms[$0] }) != nil,
            !(first + 1..<i).contains(where: {
                (tokens[$0].isCapitalized || tokens[$0].isAllCaps) && places.index.longestMatch(tokens, at: $0) == nil
            })
        {
            return nil
        }
        // A weak head whose only capital opens the sentence (`Чемпионаттын … федерациясы`).
        if weak, startsSentence(first),
            !(first + 1..<i).contains(where: { tokens[$0].isCapitalized || tokens[$0].isAllCaps })
        {
            return nil
        }
        return Candidate(first: first, last: i + 1, name: name, acronym: nil, organizationID: nil, priority: .rule)
    }

    /// `Б.` of `Б.Сыдыков`: a capital letter and its dot, either token.
    func isInitial(_ k: Int) -> Bool {
        func letter(_ j: Int) -> Bool {
            j >= 0 && j < tokens.count && tokens[j].text.unicodeScalars.count == 1 && tokens[j].isCapitalized
        }
        return tokens[k].is(".") ? letter(k - 1) : letter(k) && k + 1 < tokens.count && tokens[k + 1].is(".")
    }

    /// `Токтогул` of `Токтогул Сатылганов атындагы`, not a sentence's first word.
    func givenNameOfEponym(_ k: Int) -> Bool {
        people.givenName(tokens[k].lower) != nil && tokens[k].isCapitalized && !startsSentence(k)
    }

    /// Tokens `[a, b)` as text, with commas attached and quotes made «».
    func joined(_ a: Int, _ b: Int) -> String {
        var s = ""
        for k in a..<b {
            let t = tokens[k]
            // An initial's dot keeps the spacing it was written with (`Б.Сыдыков`, `А. А. Алтмышбаев`).
            let afterInitial = k > a && tokens[k - 1].is(".") && isInitial(k - 1)
            if !s.isEmpty && !(t.is(",") || t.is(".") || t.is("»") || t.is("”"))
                && !(tokens[k - 1].is("«") || tokens[k - 1].is("“"))
                && !(afterInitial && t.span.start == tokens[k - 1].span.end)
            {
                s += " "
            }
            s += t.is("“") ? "«" : t.is("”") ? "»" : t.text
        }
        return s
    }
}
