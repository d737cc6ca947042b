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
        if Self.actStems.contains(first.stem) { return true }
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

    /// The Russian stems of the words that open a legal act's title: закон, кодекс, указ,
    /// постановление, распоряжение, приказ, конституция (`Законодательного собрания` is a body).
    static let actStems: Set<String> = [
        RussianMorphology.stem("закон"), RussianMorphology.stem("кодекс"), RussianMorphology.stem("указ"),
        RussianMorphology.stem("постановление"), RussianMorphology.stem("распоряжение"),
        RussianMorphology.stem("приказ"), RussianMorphology.stem("конституция"),
    ]

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
