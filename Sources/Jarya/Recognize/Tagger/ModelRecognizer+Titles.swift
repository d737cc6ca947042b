extension ModelRecognizer {
    /// What the tagger reads as an organization but a title or a place is: a legal act's title
    /// (`Закон О СМИ`, `Указа Президента`) or a place's abbreviation the glossary knows (`КР`).
    ///
    /// Two more readings hold only where no word heads a body or is a known organization's:
    /// a phrase that opens in lower case (`уважения к государственным символам КР`), and an
    /// adjective-first phrase in quotes (`номинация "Лучший открытый урок"`), a title.
    func isTitleNotBody(_ range: Range<Int>, _ tokens: [TaggerToken]) -> Bool {
        let words = tokens[range]
        let named = words.filter { $0.kind == .word }
        guard let first = named.first else { return true }
        if Self.actStemKeys.contains(WordKey(first.stem)) || Self.titleOfWork(range, tokens) { return true }
        // A model or mission code (`ТМА-13`, `STS-124`), as the rules read it.
        if tokens.numberCodeFollows(range.upperBound) { return true }
        // A plural head in lower case names several bodies (`между сборными Кыргызстана и Макао`).
        if !first.isCapitalized, first.marks.contains(.organizationHead),
            Self.pluralEndings.contains(where: { first.lower.endsWith($0) })  // bytes, not Characters
        {
            return true
        }
        if named.count == 1 && first.isAllCaps && first.marks.contains(.place) && !first.marks.contains(.organization) {
            return true
        }
        guard !words.contains(where: { !$0.marks.isDisjoint(with: [.organizationHead, .organization]) }) else {
            return false
        }
        if !first.isCapitalized && !first.isAllCaps { return true }
        return Self.insideQuotes(range, tokens) && Self.endsLikeAdjective(words.prefix(1))
            && !words.contains {
                $0.isAllCaps || $0.text.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
            }
    }

    /// Endings only plural nouns and adjectives have (instrumental, prepositional; -ых/-их genitive).
    static let pluralEndings = ["ами", "ями", "ыми", "ими", "ах", "ях", "ых", "их"]

    /// The Russian stems of the words that open a legal act's title: закон, кодекс, указ,
    /// постановление, распоряжение, приказ, конституция (`Законодательного собрания` is a body).
    static let actStems: Set<String> = [
        RussianMorphology.stem("закон"), RussianMorphology.stem("кодекс"), RussianMorphology.stem("указ"),
        RussianMorphology.stem("постановление"), RussianMorphology.stem("распоряжение"),
        RussianMorphology.stem("приказ"), RussianMorphology.stem("конституция"),
    ]
    /// `actStems` as byte keys: hashing a Cyrillic String checks its normalization.
    static let actStemKeys = Set(actStems.map(WordKey.init))

    /// A quoted name right after the noun of a work, an event or a vehicle is its title (`песни
    /// «Ала-Тоо»`, `фильм «Курманжан датка»`, `корабль «Орион»`), however the tagger reads it.
    static func titleOfWork(_ range: Range<Int>, _ tokens: [TaggerToken]) -> Bool {
        guard var k = tokens[range].firstIndex(where: { $0.kind == .word }) else { return false }
        k -= 1
        guard k >= 0, ["«", "“", "\"", "„"].contains(tokens[k].text) else { return false }
        while k >= 0, tokens[k].kind == .punctuation { k -= 1 }
        guard k >= 0 && tokens[k].kind == .word && !tokens[k].isCapitalized else { return false }
        // A vehicle's quoted name is no body either (`корабль «Орион»`), as the rules read it.
        return workStems.contains(tokens[k].stem) || OrganizationRecognizer.vehicleStems.contains(tokens[k].stem)
    }

    /// The Russian stems of the nouns that name works and events by a quoted title.
    static let workStems: Set<String> = Set(
        [
            "песня", "книга", "фильм", "спектакль", "альбом", "роман", "стихотворение", "поэма", "картина", "сериал",
            "номинация", "конкурс", "акция", "фестиваль", "проект", "программа", "выставка", "концерт",
        ].map(RussianMorphology.stem))

    /// Whether the tokens of `range` sit inside a quotation opened earlier in their sentence
    /// (`конкурса "Русский язык в Кыргызстане"`): a place there is part of a title.
    static func insideQuotes(_ range: Range<Int>, _ tokens: [TaggerToken]) -> Bool {
        var k = range.lowerBound - 1, depth = 0, straight = 0
        while k >= 0 {
            let t = tokens[k]
            if t.kind == .punctuation {
                switch t.text {
                case "«", "“", "„": depth += 1
                case "»", "”": depth -= 1
                case "\"": straight += 1
                default: break
                }
            }
            if t.sentenceStart { break }
            k -= 1
        }
        return depth > 0 || straight % 2 == 1
    }
}
