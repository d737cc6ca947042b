/// The trained tagger's names that no rule or glossary found. Runs after the rule
/// recognizers: a tagger name overlapping any entity already found is dropped, since the
/// rules carry canonical names and links. What is left becomes an entity with its surface as
/// name (a person's in the nominative where the morphology can tell) and `source: model`.
public struct ModelRecognizer: Recognizer {
    public let name = "model"
    let model: NameModel
    let glossaries: Glossaries
    /// The document languages the tagger runs on.
    let languages: Set<String>

    /// Russian text only (Russian documents, and the Russian paragraphs of bilingual ones): the
    /// model is trained on Russian news, and on Kyrgyz releases it takes sentence-initial
    /// common words (`Транспорт`, `Каттоо`) for places.
    public init(model: NameModel, glossaries: Glossaries, languages: Set<String> = ["ru"]) {
        self.model = model
        self.glossaries = glossaries
        self.languages = languages
    }

    public func recognize(_ document: inout Document) {
        let bilingual = document.language == "ky+ru"
        guard languages.contains(document.language) || bilingual else { return }
        // The worker's memo, taken out of the lexicon while it grows so that it is not copied.
        var memo = TaggerMemo()
        swap(&memo, &document.lexicon.tagger)
        let (tokens, sentences) = TaggerInput.tokens(document, glossaries: glossaries, namesOnly: true, memo: &memo)
        let names = NameTagger.names(tokens, sentences: sentences, model: model, memo: &memo)
        let rules = document.entities.sorted { $0.span < $1.span }
        let claimed = rules.map(\.span)
        var extendedTo = 0  // the end of the last organization joined across a Latin connector
        var russianBlocks: [Span: Bool] = [:]  // `readsAsRussian` of the blocks asked about
        for found in names.flatMap({
            Self.pieces($0, tokens)
        }) {
            guard var range = Self.trimmed(found.tokens, tokens), range.lowerBound >= extendedTo else { continue }
            if found.kind == .organization, let joined = Self.joinedLatinName(range, tokens) {
                range = joined
                extendedTo = joined.upperBound
            }
            guard !Self.inTitleOrAddress(range, tokens),
                found.kind != .place
                    || (!Self.endsLikeAdjective(tokens[range]) && !Self.notAPlaceName(tokens[range])
                        && Self.afterPlacePreposition(range, tokens) && !Self.insideQuotes(range, tokens)),
                found.kind != .person
                    || looksLikePerson(
                        tokens[range], after: range.lowerBound > 0 ? tokens[range.lowerBound - 1] : nil,
                        before: range.upperBound < tokens.count ? tokens[range.upperBound] : nil),
                found.kind != .organization
                    || (!Self.afterRoleWord(range, tokens) && !Self.endsLikeAdjective(tokens[range])
                        && !endsWithRoleWord(tokens[range], memo: &memo)
                        && !startsWithRoleWord(tokens[range], memo: &memo)
                        && !Self.isHeadline(tokens[range]) && !isTitleNotBody(range, tokens)),
                !Self.cutFromLatinName(range, tokens)
            else { continue }
            let span = Span(tokens[range.lowerBound].span.start, tokens[range.upperBound - 1].span.end)
            if bilingual, let block = document.segmentation.block(at: span.start), !languages.contains(block.language) {
                // Each block read once: making its text cost about 12,000 instructions a name.
                var russian = false
                if languages.contains("ru") {
                    if let known = russianBlocks[block.span] {
                        russian = known
                    } else {
                        russian = Self.readsAsRussian(document.text[block.span])
                        russianBlocks[block.span] = russian
                    }
                }
                if !russian { continue }
            }
            let inside = Self.overlapping(span, claimed)
            if !inside.isEmpty {
                if found.kind == .person, inside.count == 1,
                    extendRulePerson(range, tokens, rule: rules[inside[0]], in: &document)
                {
                    continue
                }
                // An organization's name around places the rules found (`правительства США`): the
                // organization is listed too, and the places stay (they may be the text's only
                // mention of a country).
                guard found.kind == .organization,
                    inside.allSatisfy({
                        rules[$0].kind == .place && span.contains(rules[$0].span) && span != rules[$0].span
                    }),
                    !Self.placeChain(range, tokens, endsWith: rules[inside[inside.count - 1]].span)
                else { continue }
            }
            let text = document.text[span]
            let value: Entity.Value
            switch found.kind {
            case .person: value = .person(name: nominativePerson(tokens[range]), role: nil)
            case .organization: value = .organization(name: text, acronym: nil)
            default: value = .place(name: text, kind: "other", country: nil)
            }
            document.entities.append(Entity(kind: found.kind, span: span, text: text, value: value, origin: .model))
        }
        swap(&memo, &document.lexicon.tagger)
        Self.harmonize(&document.entities)
        addSurnamesAfterRoles(tokens, in: &document)
        addSurnameMentions(tokens, in: &document)
        addListedPersons(tokens, in: &document)
        addKnownPersons(tokens, in: &document)
        addListedOrganizations(tokens, in: &document)
        addRoles(&document)
    }

    /// A person the tagger read across a bracket or a comma (`Сёмин (Овечкин` of a list of
    /// scorers) is several persons: one name per piece between them. Other names stay whole.
    static func pieces(_ name: NameTagger.Name, _ tokens: [TaggerToken]) -> [NameTagger.Name] {
        guard name.kind == .person else { return [name] }
        var out: [NameTagger.Name] = [], start = name.tokens.lowerBound
        for k in name.tokens where tokens[k].kind == .punctuation && separators.contains(tokens[k].text) {
            if k > start { out.append(NameTagger.Name(kind: .person, tokens: start..<k)) }
            start = k + 1
        }
        if start < name.tokens.upperBound {
            out.append(NameTagger.Name(kind: .person, tokens: start..<name.tokens.upperBound))
        }
        return out
    }

    static let separators: Set<String> = ["(", ")", ",", ";", ":", "[", "]", "/", "•", "—", "–"]

    /// An "organization" that is capitalized words inside a sentence before a place the rules
    /// found, none of which heads a body (`Васильевка Аламудунского района`: a village and its
    /// district), is a chain of places. `Верховного народного собрания КНДР` and `сборной США`,
    /// with lower-case words, stay.
    static func placeChain(_ range: Range<Int>, _ tokens: [TaggerToken], endsWith place: Span) -> Bool {
        guard tokens[range.upperBound - 1].span.end == place.end else { return false }
        let before = tokens[range].filter { $0.span.end <= place.start }
        return !before.isEmpty
            && before.allSatisfy {
                $0.kind == .word && $0.isCapitalized && !$0.sentenceStart
                    && $0.marks.isDisjoint(with: [.organizationHead, .organization])
            }
    }

    /// Words after which a name is part of a title or an address (`им. И. Раззакова`,
    /// `ул. Фрунзе`), which the rules leave out on purpose.
    static let titleWords: Set<String> = [
        "им", "имени", "ул", "улица", "улице", "улицы", "улицу", "пр", "проспект", "проспекте", "пер",
        "переулок", "бул", "бульвар", "бульваре", "мкр", "көчөсү", "көчөсүндө",
    ]

    /// Whether the name follows a title word, with initials between (`им. Ж. Баласагына`).
    static func inTitleOrAddress(_ range: Range<Int>, _ tokens: [TaggerToken]) -> Bool {
        var k = range.lowerBound - 1
        // Back over the initials before the name (`г-н А. Б.`): three at most, so that a page of
        // initials costs each span a few steps, not the rest of the page.
        var initials = 0
        while initials < 3, k >= 1, tokens[k].text.sameBytes("."), tokens[k - 1].isCapitalized,
            tokens[k - 1].text.unicodeScalars.count == 1
        { k -= 2; initials += 1 }
        if k >= 0, tokens[k].text.sameBytes(".") { k -= 1 }
        return k >= 0 && titleWordKeys.contains(WordKey(tokens[k].lower))
    }

    /// `titleWords` as byte keys: hashing a Cyrillic String checks its normalization.
    static let titleWordKeys = Set(titleWords.map(WordKey.init))

    /// A person must look like one: no role word inside (`Полномочный Посол`), not the start of
    /// a quoted title (`“Алтын күз”`), and when
    /// of one word, a surname ending (`-ов`, `-ский`, `-енко`), not a given name alone (which
    /// the rules leave out too).
    func looksLikePerson(_ words: ArraySlice<TaggerToken>, after previous: TaggerToken?, before next: TaggerToken?)
        -> Bool
    {
        // Quotes compared on bytes: `==` on a non-ASCII String checks normalization.
        if let previous, ["«", "“", "\"", "„"].contains(where: { previous.text.sameBytes($0) }) { return false }
        let named = words.filter { $0.kind == .word }
        // A name has at most four words and one of three letters or more (not a page of initials).
        // Asked first: the checks below read every word against every other.
        if named.count > 4 || !named.contains(where: { $0.lower.unicodeScalars.count >= 3 }) { return false }
        // A quote inside, or a headline's run of capitals (`ПРОЙДЕТ ЯРМАРКА “АЛТЫН`), is no person.
        if words.contains(where: { w in ["«", "»", "“", "”", "\"", "„"].contains { w.text.sameBytes($0) } }) {
            return false
        }
        if named.count > 2, words.allSatisfy({ $0.kind != .word || $0.isAllCaps }) { return false }
        if Self.hasAcronymOrAdverb(named) { return false }
        if words.contains(where: {
            Self.notInNames.contains($0.lower) || Self.adjectiveInName($0.lower, words)
                || $0.marks.contains(.role) && glossaries.people.givenName($0.lower) == nil
        }) {
            return false
        }
        guard named.count == 1, let w = named.first else { return true }
        // A given name alone (`стала Алина из Токмока`) is no person, as the rules read it.
        if glossaries.people.givenName(w.lower) != nil { return false }
        if let next, Self.adjectiveBeforeNoun(w, next) { return false }
        return RussianMorphology.nominativeSurname(w.lower) != nil
            || NameEndings.foreignSurnameEndings.contains { w.lower.endsWith($0) }  // bytes, not Characters
    }

    /// A block of a bilingual document that the language guess did not call Russian but that has
    /// no Kyrgyz letter (ң, ө, ү) but lower-case Cyrillic ones is read as Russian: short lines of a list
    /// such as `• Тору Камикава (Япония)` are mostly names, which the tagger is there to find.
    static func readsAsRussian(_ text: String) -> Bool {
        // Scalar values, not a Set<Unicode.Scalar>: hashing each scalar of the block cost more.
        !text.unicodeScalars.contains { kyrgyzLetterValues.contains($0.value) }
            && text.unicodeScalars.contains { $0.value >= 0x430 && $0.value <= 0x44F }
    }

    static let kyrgyzLetters: Set<Unicode.Scalar> = ["ң", "ө", "ү", "Ң", "Ө", "Ү"]
    static let kyrgyzLetterValues: [UInt32] = kyrgyzLetters.map(\.value)

    /// A sub-unit named inside a role phrase (`Начальник Службы патрульной милиции МВД`) is part
    /// of the person's role, as the rules read it, not an organization of its own. Other
    /// organizations after a role word are their own (`глава Роскосмоса`, `председатель Госдумы
    /// России`): dropping them too cost FactRuEval three points of organization F1, and the dev
    /// set and real pages nothing.
    static func afterRoleWord(_ range: Range<Int>, _ tokens: [TaggerToken]) -> Bool {
        range.lowerBound > 0 && tokens[range.lowerBound - 1].marks.contains(.role)
            && subUnitHeads.contains { tokens[range.lowerBound].lower.startsWith($0) }  // bytes, not Characters
    }

    /// The stems of the nouns that head a sub-unit's name (службы, управления, департамента,
    /// отдела, сектора, дирекции, главного управления).
    static let subUnitHeads = ["служб", "управлен", "департамент", "отдел", "сектор", "дирекц", "главн"]

    /// A Latin-letter name right after another capitalized Latin word (`GovTech Challenge`) is
    /// the tail of a longer name the tagger cut, not a name of its own.
    static func cutFromLatinName(_ range: Range<Int>, _ tokens: [TaggerToken]) -> Bool {
        func latin(_ t: TaggerToken) -> Bool { t.kind == .word && t.text.unicodeScalars.allSatisfy { $0.isASCII } }
        guard range.lowerBound > 0, latin(tokens[range.lowerBound]) else { return false }
        let previous = tokens[range.lowerBound - 1]
        return latin(previous) && (previous.isCapitalized || previous.isAllCaps)
            && previous.marks.isDisjoint(with: [.rulePerson, .ruleOrganization, .rulePlace, .ruleOther])
    }

    /// The polite `Вы` forms, capitalized in letters and notices (`Ждем Вас`, `Ваших`), and `День`: no name.
    static let notInNames: Set<String> = [
        "вы", "вас", "вам", "вами", "ваш", "ваша", "ваше", "ваши", "вашего", "вашей", "ваших", "вашим", "вашему",
        // A day's name (`Дня Победы`, `День города`) is a holiday's.
        "день", "дня", "дню", "днем", "днём", "дне",
    ]

    /// An adjective in a multi-word name (`Вооруженных Сил`, `Дню Государственного`) makes it a
    /// title, not a person: -ого/-его but for surnames in -ского/-цкого, and -ых/-их before another word.
    static func adjectiveInName(_ lower: String, _ words: ArraySlice<TaggerToken>) -> Bool {
        guard words.filter({ $0.kind == .word }).count > 1, lower.unicodeScalars.count > 5 else { return false }
        // On bytes: `hasSuffix` compares Characters.
        if (lower.endsWith("ого") || lower.endsWith("его")) && !lower.endsWith("ского") && !lower.endsWith("цкого") {
            return true
        }
        return (lower.endsWith("ых") || lower.endsWith("их"))
            && words.last(where: { $0.kind == .word })?.lower != lower
    }

    /// Prepositions of place and direction (`в Оше`, `из Казахстана`, `на Кипре`).
    static let placePrepositions: Set<String> = [
        "в", "во", "из", "на", "до", "по", "под", "над", "через", "около", "у", "к", "ко", "между", "вокруг",
    ]

    /// On real pages most of the tagger's places with no preposition before them are parts of
    /// titles and headings (`Старой`, `Восток`): a place the rules do not know must follow one.
    static func afterPlacePreposition(_ range: Range<Int>, _ tokens: [TaggerToken]) -> Bool {
        range.lowerBound > 0 && placePrepositions.contains(tokens[range.lowerBound - 1].lower)
    }

    /// A place or organization whose last word is an adjective (`Южных`, `Фронтовые`, `Кара-Сууском районном`,
    /// `Международного`, `Форум общенациональной`) or a lone letter (`Закон О`) is a phrase the
    /// tagger cut short, not a name: on FactRuEval-dev, dropping such organizations raised their
    /// precision from .695 to .739 for one name lost.
    static func endsLikeAdjective(_ words: ArraySlice<TaggerToken>) -> Bool {
        // The word's index, not a copy of it (a copy retained the token's strings).
        guard let last = words.indices.last(where: { words[$0].kind == .word }) else { return false }
        let lower = words[last].lower
        let letters = lower.unicodeScalars.count
        // On bytes: `hasSuffix` compares Characters, about 1,400 instructions an ending.
        return letters < 2
            || (letters > 4
                && (RussianMorphology.adjectiveEndings.contains { lower.endsWith($0) } || lower.endsWith("ые")))
    }

    /// An "organization" that ends in a role word is a role (`Постоянный координатор ООН`): the
    /// rules read it as the next person's.
    func endsWithRoleWord(_ words: ArraySlice<TaggerToken>, memo: inout TaggerMemo) -> Bool {
        guard let last = words.indices.last(where: { words[$0].kind == .word }) else { return false }
        return memo.isRoleWord(words[last].lower, glossaries: glossaries)
    }

    /// An "organization" that opens with a role word is a role phrase (`Начальник Службы
    /// патрульной милиции`), which the rules read as a person's role.
    func startsWithRoleWord(_ words: ArraySlice<TaggerToken>, memo: inout TaggerMemo) -> Bool {
        guard let first = words.indices.first(where: { words[$0].kind == .word }) else { return false }
        return memo.isRoleWord(words[first].lower, glossaries: glossaries)
    }

    /// Three words or more, all in capitals, that no glossary knows are a headline
    /// (`ТОКМОКЕ ПРОЙДЕТ СЕЛЬСКОХОЗЯЙСТВЕННАЯ ЯРМАРКА`), not a name.
    static func isHeadline(_ words: ArraySlice<TaggerToken>) -> Bool {
        // Counted in place: a filtered array copied each token.
        var named = 0
        for k in words.indices where words[k].kind == .word {
            if !words[k].isAllCaps { return false }
            named += 1
        }
        return named > 2
    }

    /// On real pages the tagger's other places were venues and regions the records leave out
    /// (`Русском доме`, `Центральной Азии`: an adjective first) and abbreviations (`КР`).
    static func notAPlaceName(_ words: ArraySlice<TaggerToken>) -> Bool {
        // The words' indexes, not copies of them (a copy retained each token's strings).
        let named = words.indices.filter { words[$0].kind == .word }
        guard let first = named.first else { return true }
        // A legal act (`в Закон`), or a compound with a common noun (`в Telegram-канале`).
        if named.contains(where: {
            actStemKeys.contains(WordKey(words[$0].stem)) || Self.commonNounCompound(words[$0].text)
        }) {
            return true
        }
        if named.count == 1 { return words[first].isAllCaps && words[first].text.unicodeScalars.count <= 3 }
        // On bytes: `hasSuffix` compares Characters.
        let lower = words[first].lower
        return lower.unicodeScalars.count > 4 && RussianMorphology.adjectiveEndings.contains { lower.endsWith($0) }
    }

    /// A hyphenated word with a part in lower case of four letters or more (`Telegram-канале`),
    /// where a place's parts are capitalized or short (`Ростов-на-Дону`, `Кара-Балта`).
    static func commonNounCompound(_ text: String) -> Bool {
        // Most words have no hyphen: a look at the bytes before splitting into Characters.
        guard text.utf8.contains(0x2D) else { return false }
        return text.split(separator: "-").dropFirst().contains {
            $0.unicodeScalars.count >= 4 && $0.first.map { $0.isLowercase } == true
        }
    }

    /// The name's tokens without punctuation at either end, except quotes that close one
    /// opened inside (`«Солидарность»`); nil when no word is left.
    static func trimmed(_ range: Range<Int>, _ tokens: [TaggerToken]) -> Range<Int>? {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, tokens[lo].kind == .punctuation, !["«", "\"", "“"].contains(tokens[lo].text) || hi - lo < 3 {
            lo += 1
        }
        while hi > lo, tokens[hi - 1].kind == .punctuation {
            let opened = tokens[lo..<hi - 1].contains { ["«", "\"", "“"].contains($0.text) }
            if opened && ["»", "\"", "”"].contains(tokens[hi - 1].text) { break }
            hi -= 1
        }
        while lo < hi, tokens[lo].kind == .punctuation,
            !tokens[lo..<hi].contains(where: { ["»", "\"", "”"].contains($0.text) })
        { lo += 1 }
        return tokens[lo..<hi].contains { $0.kind == .word } ? lo..<hi : nil
    }

    /// The indexes of the spans of `claimed` (sorted, not overlapping one another) that overlap `span`.
    static func overlapping(_ span: Span, _ claimed: [Span]) -> [Int] {
        var lo = 0, hi = claimed.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if claimed[mid].end <= span.start { lo = mid + 1 } else { hi = mid }
        }
        var out: [Int] = []
        while lo < claimed.count && claimed[lo].start < span.end { out.append(lo); lo += 1 }
        return out
    }

    /// A person's name in the nominative: a known given name in its dictionary form, the
    /// surname read in the given name's case (`Степана Бандеры` → `Степан Бандера`,
    /// `Бориса Громова` → `Борис Громов`), or alone by its unambiguous endings.
    func nominativePerson(_ words: ArraySlice<TaggerToken>) -> String {
        var female: Bool?
        var grammaticalCase: PersonName.Case?
        var out: [String] = []
        for (n, t) in words.enumerated() {
            guard t.kind == .word else { out.append(t.text); continue }
            if n < words.count - 1, let given = glossaries.people.givenName(t.lower) {
                female = given.sex == .f
                grammaticalCase = PersonName.caseOf(given: t.lower, nominative: given.name, female: given.sex == .f)
                out.append(given.inflected ? Self.capitalized(given.name) : t.text)
            } else if n == words.count - 1, words.count > 1, t.isCapitalized, !t.isAllCaps {
                out.append(PersonName.nominativeSurname(t.text, case: grammaticalCase, female: female))
            } else {
                out.append(t.text)
            }
        }
        return out.joined(separator: " ").replacingOccurrences(of: " .", with: ".")
    }

    static func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }
}
