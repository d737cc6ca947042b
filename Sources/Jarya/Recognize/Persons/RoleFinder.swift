/// The role phrase next to a person's name.
struct RoleFinder {
    let tokens: [NameToken]
    let people: PersonGlossary
    let organizations: SpanIndex
    /// Tokens inside a person's name: another person's name ends a role phrase.
    let inPerson: [Bool]
    let text: NormalizedText
    /// Kyrgyz word-boundary rules, shared with the organization recognizer.
    let kyrgyz: OrganizationRules

    static let maximumLength = 14
    static let stopWords: WordSet = [
        "менен", "деди", "дейт", "деп", "белгиледи", "сказал", "отметил", "отметила", "а", "что", "словам", "с",
        "участием", "участии", "руководством",
        // Kyrgyz adverbs of time: `форуму алгач залкар жазуучу NAME`.
        "алгач", "мурда", "азыр", "ошондо", "кийин",
    ]

    func isRole(_ k: Int) -> Bool {
        k >= 0 && k < tokens.count && people.isRoleWord(tokens[k])
    }

    func inOrganization(_ k: Int) -> Bool { organizations.contains(tokens[k].span) }

    /// `вице-мэрлер`, `кызматкерлери`: a Kyrgyz role word in the plural names several people.
    /// The plural suffix's range in the token's text, after the role word's dictionary form.
    func kyrgyzPlural(_ k: Int) -> Range<String.Index>? {
        guard let head = people.roleWord(tokens[k]) else { return nil }
        let word = tokens[k].lower
        let stems = [head, String(head.dropLast())]
        // Most role words are singular: unless a plural's bytes follow a stem's, no Characters are
        // compared below (that cost some 45,000 instructions a word; the text is NFC, so
        // Characters that match match as bytes).
        guard stems.contains(where: { Self.pluralFollows($0, in: word) }) else { return nil }
        // The dictionary form, without a possessive ending (`кызматкери` → `кызматкер`).
        for stem in stems where stem.count > 1 && word.hasPrefix(stem) {
            let rest = word.dropFirst(stem.count)
            if let plural = KyrgyzMorphology.plurals.first(where: { rest.hasPrefix($0) }) {
                let text = tokens[k].text
                let start = text.index(text.startIndex, offsetBy: stem.count)
                return start..<text.index(start, offsetBy: plural.count)
            }
        }
        return nil
    }

    /// Whether `word`'s bytes start with `stem`'s and a plural suffix's bytes follow them (true
    /// when the bytes cannot be read in place: the Characters then decide).
    static func pluralFollows(_ stem: String, in word: String) -> Bool {
        word.utf8Compare(stem) { w, s in
            s.count <= w.count && bytesEqual(w, 0, s)
                && pluralBytes.contains { p in
                    s.count + p.count <= w.count && p.withUnsafeBufferPointer { bytesEqual(w, s.count, $0) }
                }
        } ?? true
    }

    static let pluralBytes = KyrgyzMorphology.plurals.map { Array($0.utf8) }

    /// `шаар башчысы Кубанычбек Кулматов, вице-мэрлер Бакыт Дүйшөмбиев, Айгүл Рыскулова`: a name
    /// after a comma or `жана` in a list under a plural role takes that role, in the singular.
    func sharedPluralRole(before first: Int) -> String? {
        var k = first - 1
        while k >= 1, tokens[k].is(",") || tokens[k].lower == "жана", endsFullName(k - 1) {
            // Back over the previous name: its two words.
            k -= 3
            guard k >= 0 else { return nil }
            if let plural = kyrgyzPlural(k), k + 1 < tokens.count, tokens[k + 1].isCapitalized {
                var role = tokens[k].text
                role.removeSubrange(plural)
                // The words before the plural role word that belong to it (`мурдагы мэрлер`).
                if k > 0, tokens[k - 1].kind == .word, Self.roleModifiers.contains(tokens[k - 1].lower) {
                    role = tokens[k - 1].text + " " + role
                }
                return role
            }
        }
        return nil
    }

    /// Words that belong to the role after them: `мурдагы мэр`, `биринчи вице-мэр`.
    static let roleModifiers: WordSet = ["мурдагы", "биринчи", "экинчи", "жаңы", "башкы", "бывший", "первый"]

    /// A role word at `k`, or after up to two adjectives (`главный специалист`, `старший прокурор`).
    func startsRole(_ k: Int) -> Bool {
        var head = k
        while head < k + 2, head < tokens.count, tokens[head].kind == .word, !isRole(head),
            OrganizationRules.isAdjective(tokens[head].lower)
        { head += 1 }
        return isRole(head)
    }

    /// Kyrgyz `… министринин орун басары NAME` (role word last), Russian `руководитель проекта NAME`
    /// (role word first): the phrase right before the name.
    func role(before first: Int, language: String) -> String? {
        let k = first - 1
        guard k >= 0,
            tokens[k].kind == .word || inOrganization(k) || tokens[k].is("»") || tokens[k].is("”") || tokens[k].is(".")
        else { return nil }
        // Kyrgyz: the token just before the name is the role's head; the phrase runs left over
        // the genitive chain (`Транспорт жана коммуникациялар министринин орун басары`).
        // A line too short to tell its language goes by its role word (`орун басары` is Kyrgyz).
        let kyrgyzOrder =
            language == "ky"
            || (language == "und"
                && people.roleWord(tokens[k]).map {
                    people.kyrgyzRoleHeads.contains($0) && !people.russianRoleHeads.contains($0)
                } == true)
        if kyrgyzOrder && isRole(k) && !tokens[k].isAllCaps {
            var start = k
            var j = k - 1
            while j >= 0 && k - j < Self.maximumLength && !tokens[j + 1].newlineBefore {
                let t = tokens[j]
                if inOrganization(j) || t.is("«") || t.is("»") || t.is("“") || t.is("”") { start = j; j -= 1; continue }
                guard t.kind == .word || t.is(","), !Self.stopWords.contains(t.lower),
                    !OrganizationRules.kyrgyzStopWords.contains(t.lower), !inPerson[j]
                else { break }
                // The sentence's subject before the body that opens the role (`Конференция КӨЭАУнун
                // ректору …`): a nominative common noun, neither a place nor a body's first word.
                if t.kind == .word, t.isCapitalized, kyrgyz.startsSentence(j), !inOrganization(j), !isRole(j),
                    !OrganizationRules.isGenitive(kyrgyz: t.lower),
                    tokens[j + 1].isCapitalized || tokens[j + 1].isAllCaps,
                    kyrgyz.places.index.longestMatch(tokens, at: j) == nil
                {
                    break
                }
                // `шаар башчысы Кубанычбек Кулматов, вице-мэрлер NAME`, `… Бакыт Дүйшөмбиев жана район акими NAME`:
                // the list's previous person ends the role.
                if t.is(",") || t.lower == "жана", endsFullName(j - 1) { break }
                if t.kind == .word, kyrgyz.endsKyrgyzName(j), !OrganizationRules.isGenitive(kyrgyz: t.lower), !isRole(j)
                {
                    break
                }
                start = j
                j -= 1
            }
            while start < k, tokens[start].is(",") || tokens[start].lower == "жана" { start += 1 }
            // `вице-мэрлер Бакыт Дүйшөмбиев`: each of them is a вице-мэр.
            guard let role = phrase(start, k + 1), let plural = kyrgyzPlural(k) else { return phrase(start, k + 1) }
            var word = tokens[k].text
            word.removeSubrange(plural)
            return String(role.dropLast(tokens[k].text.count)) + word
        }
        // A Kyrgyz role stands right before the name; the Russian reading below would take one from
        // across the list (`мэрлер Албек Ибраимов жана NAME`).
        if language == "ky" { return nil }
        // Russian: the role word heads the phrase (`директор ОсОО «…» Г. Исакова`,
        // `заместитель министра здравоохранения КР`); adjectives before it belong to it
        // (`Чрезвычайный и Полномочный Посол`, `старший прокурор`).
        var j = k
        var head: Int? = nil
        var crossedComma = false
        while j >= 0 && first - j <= Self.maximumLength && !tokens[j + 1].newlineBefore {
            let t = tokens[j]
            if isRole(j) && !inOrganization(j) && !t.isAllCaps { head = j } else if head != nil { break }
            // `министр природных ресурсов, экологии и технического надзора NAME`: a comma inside the
            // role's complement, between lower-case words, not after the list's previous person.
            if t.is(","), head == nil, j > 0, tokens[j - 1].kind == .word, !tokens[j - 1].isCapitalized,
                !endsFullName(j - 1)
            {
                crossedComma = true; j -= 1; continue
            }
            if crossedComma, head == nil, t.kind == .word, Self.isVerb(t.lower), !isRole(j) { break }
            // A verb in the past between the role word and the name: the role word is the
            // sentence's subject, another person (`Президент позвонил Рамзану Кадырову`).
            if head == nil, t.kind == .word, !isRole(j), Self.isPastTense(t.lower) { break }
            if !(t.kind == .word || inOrganization(j) || t.is(".") || t.is("«") || t.is("»")) || inPerson[j] { break }
            if t.kind == .word, Self.stopWords.contains(t.lower) { break }
            j -= 1
        }
        guard var start = head else { return nil }
        // Not the noun that governs the role (`под руководством мэра`, `с участием мэра`).
        while start > 0, tokens[start - 1].kind == .word, !Self.stopWords.contains(tokens[start - 1].lower),
            OrganizationRules.isAdjective(tokens[start - 1].lower)
                || (tokens[start - 1].lower == "и" && start > 1
                    && OrganizationRules.isAdjective(tokens[start - 2].lower))
        {
            start -= 1
        }
        // The head in the nominative: `вице-мэра` → `вице-мэр`.
        guard var role = phrase(start, first) else { return nil }
        if start == head!, let nominative = people.roleWord(tokens[start]), tokens[start].lower != nominative,
            RussianMorphology.stem(nominative) == RussianMorphology.stem(tokens[start].lower)
        {
            let rest = first - start > 1 ? String(role.dropFirst(tokens[start].text.unicodeScalars.count)) : ""
            role =
                (tokens[start].isCapitalized ? nominative.prefix(1).uppercased() + nominative.dropFirst() : nominative)
                + rest
        }
        return role
    }

    /// `NAME, председатель …,` / `NAME, заместитель мэра г. Токмок, пояснил`: the phrase after a comma;
    /// in a list of officials, after a dash to the line's end (`Асанов Марат - заместитель главы …;`).
    func role(after last: Int, listEntry: Bool = false, language: String = "und") -> String? {
        let isDash = last + 1 < tokens.count && ["-", "–", "—"].contains(tokens[last].text)
        // Kyrgyz, head last, to the entry's end: `Сыдыкова Айнура - мектептин директору;`.
        if isDash,
            let stop = (last + 1..<min(tokens.count, last + 12)).first(where: {
                tokens[$0].is(";") || tokens[$0].is(".") || tokens[$0].newlineBefore
            }) ?? (last + 12 <= tokens.count ? nil : tokens.count),
            stop > last + 1, isRole(stop - 1), !isRole(last + 1)
        {
            return phrase(last + 1, stop)
        }
        let dash = isDash && startsRole(last + 1)
        let bare = listEntry && last < tokens.count && isRole(last) && !tokens[last].isCapitalized
        guard last + 1 < tokens.count, tokens[last].is(",") || dash || bare else { return nil }
        // The phrase starts after the comma or dash, or at the role word of a bare list entry.
        let s = bare ? last : last + 1
        // Kyrgyz, head last: `Бермет ТАШТАНБЕКОВА, долбоордун координатору, маалымат берди.`
        if let comma = (last + 1..<min(tokens.count, last + 9)).first(where: {
            tokens[$0].is(",") || tokens[$0].is(".")
        }),
            tokens[last].is(","), comma > last + 1, tokens[comma].is(","), isRole(comma - 1),
            kyrgyzPlural(comma - 1) == nil,
            !isRole(last + 1) || comma - 1 == last + 1
        {
            return phrase(last + 1, comma)
        }
        // Up to two adjectives before the role word: `старший прокурор`, `национальный координатор`.
        var head = s
        while head < s + 2, head < tokens.count, tokens[head].kind == .word, !isRole(head),
            OrganizationRules.isAdjective(tokens[head].lower)
        { head += 1 }
        guard isRole(head) else { return nil }
        var end = head + 1
        while end < tokens.count && end - last < Self.maximumLength && !tokens[end].newlineBefore {
            let t = tokens[end]
            if t.is(",") || t.is(";") || t.is(":") || t.is("(") || t.is("–") || t.is("—") { break }
            // The next person's name ends the phrase.
            if t.kind == .word, t.isCapitalized, people.givenName(t.lower) != nil, !inOrganization(end) { break }
            if t.is("."), !(end > 0 && tokens[end - 1].text.unicodeScalars.count == 1) { break }
            if t.kind == .word, Self.isVerb(t.lower, kyrgyz: language == "ky"), !inOrganization(end) { break }
            end += 1
        }
        return phrase(s, end)
    }

    /// Whether token `k` ends a full name: two capitalized words, the first a given name or the
    /// second with a surname's ending (`Кубанычбек Кулматов`, `Узарбек Жылкыбаев`), outside any
    /// organization's name and not a Kyrgyz genitive (`Кыргыз Республикасынын`).
    func endsFullName(_ k: Int) -> Bool {
        guard k >= 1, tokens[k].kind == .word, tokens[k].isCapitalized, !inOrganization(k),
            tokens[k - 1].kind == .word, tokens[k - 1].isCapitalized,
            !OrganizationRules.isGenitive(kyrgyz: tokens[k].lower)
        else { return false }
        return people.givenName(tokens[k - 1].lower) != nil || SurnameEnding.matches(tokens[k].lower, .marksSurname)
    }

    /// Kyrgyz words that end a clause or carry a case no role phrase has on its left.
    static func isClauseEnd(_ w: String) -> Bool {
        OrganizationRules.isKyrgyzBoundary(w) && !OrganizationRules.isGenitive(kyrgyz: w)
    }

    /// A verb's ending, or in Kyrgyz an accusative's (`-ты`, `-ти`): either ends a role phrase.
    /// Russian genitives end in `-ти` too (`части`, `области`), so Russian text is read without it.
    static func isVerb(_ w: String, kyrgyz: Bool = true) -> Bool {
        guard w.unicodeScalars.count > 4 else { return false }
        return ["ил", "ила", "или", "ал", "ала", "али", "ет", "ит", "ют", "ат", "ят"].contains { w.endsWith($0) }
            || kyrgyz && KyrgyzCase.accusativeAfterConsonant.contains { w.endsWith($0) }
    }

    /// A Russian verb in the past tense (`позвонил`, `сообщила`, `встретились`). Feminine forms in
    /// `-ала`/`-ела` are left out, since genitive nouns end so (`отдела`, `канала`), and short words
    /// are not asked (`канал`).
    static func isPastTense(_ w: String) -> Bool {
        guard w.unicodeScalars.count > 5 else { return false }
        return pastTenseEndings.contains { w.endsWith($0) }
    }

    static let pastTenseEndings = [
        "ил", "ал", "ял", "ел", "ила", "или", "али", "яли", "ели", "лся", "лась", "лись",
    ]

    /// The text of tokens `[a, b)`, role word first letter kept as written.
    func phrase(_ a: Int, _ b: Int) -> String? {
        guard a < b else { return nil }
        return text[Span(tokens[a].span.start, tokens[b - 1].span.end)]
    }
}
