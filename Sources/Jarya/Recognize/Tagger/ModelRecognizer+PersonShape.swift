/// Words that show a span the tagger read as a person is something else.
extension ModelRecognizer {
    /// An acronym of two or three capitals (`АЭЦ Белене`, `Ранее СМИ`) or a sentence adverb
    /// (`Ранее`, `Однако`) inside a name of several words: a body or a clause, not a person,
    /// whose initials are one letter and whose surname in capitals is longer.
    static func hasAcronymOrAdverb(_ named: [TaggerToken]) -> Bool {
        guard named.count > 1 else { return false }
        return named.contains {
            $0.isAllCaps && (2...3).contains($0.text.unicodeScalars.count) || sentenceAdverbs.contains($0.lower)
        }
    }

    /// Adverbs that open a Russian sentence, capitalized there, and that the tagger may join to
    /// the name after them.
    static let sentenceAdverbs: Set<String> = [
        "ранее", "позже", "затем", "теперь", "сейчас", "однако", "также", "тогда", "впрочем", "сегодня", "вчера",
        "завтра", "кроме", "вместе",
    ]

    /// A lone -ский/-цкий word before a lower-case word that agrees with it is an adjective
    /// before its noun (`Химкинского леса`, `Женевской конвенции`), not a surname.
    static func adjectiveBeforeNoun(_ word: TaggerToken, _ next: TaggerToken) -> Bool {
        next.kind == .word && !next.isCapitalized && !next.isAllCaps
            && RussianAgreement.adjectiveAgrees(word.lower, with: next.lower)
    }
}
