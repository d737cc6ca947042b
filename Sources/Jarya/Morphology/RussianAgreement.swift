/// Whether a word in -ский/-цкий is an adjective before its noun (`Химкинского леса`,
/// `Женевской конвенции`, `по Московскому времени`) rather than a surname (`Жуковского назначили`):
/// an adjective agrees with the lower-case noun after it in gender, number and case, so the
/// noun's ending answers to the adjective's.
public enum RussianAgreement {
    /// The endings after -ск-/-цк- and the endings of the words that agree with each. A past-tense
    /// verb in `-л`/`-ла`, a present one in `-т` and a reflexive one are left out: they follow a
    /// surname as its predicate (`Вишневский сказал`, `Вишневская пела`).
    static let table: [(ending: String, agreeing: [String])] = [
        ("кого", ["а", "я", "ого", "его"]),
        ("кому", ["у", "ю", "ому", "ему", "ени"]),
        ("ким", ["ом", "ем", "ём", "ым", "им"]),
        ("ком", ["е", "ом", "ем"]),
        ("кой", ["и", "ы", "е", "ой", "ей"]),
        ("кая", ["а", "я", "ь", "ая", "яя"]),
        ("кую", ["у", "ю", "ую", "юю"]),
        ("кое", ["о", "е", "ое", "ее"]),
        ("кий", ["б", "в", "г", "д", "ж", "з", "к", "м", "н", "п", "р", "с", "ф", "х", "ц", "ч", "ш", "щ", "й"]),
    ]

    /// Whether `word` (lower case) is an -ский/-цкий adjective that `next` (lower case) agrees with.
    public static func adjectiveAgrees(_ word: String, with next: String) -> Bool {
        guard next.unicodeScalars.count >= 4, !next.endsWith("ся"), !next.endsWith("сь"), !next.endsWith("ла") else {
            return false
        }
        for (ending, agreeing) in table where word.endsWith("с" + ending) || word.endsWith("ц" + ending) {
            return agreeing.contains { next.endsWith($0) }
        }
        return false
    }
}
