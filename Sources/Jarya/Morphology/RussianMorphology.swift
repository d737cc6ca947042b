/// Russian endings of nouns and adjectives: a word's stem is the word less its longest
/// inflectional ending, so that the forms of a name share one stem (Бишкек, Бишкека,
/// Бишкеке → бишкек; Иссык-Кульская, Иссык-Кульской → иссык-кульск; область, области →
/// област). Glossary names are indexed by the same stems.
public enum RussianMorphology {
    static let endings: [String] = [
        "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "иям", "иях",
        "ой", "ей", "ая", "яя", "ую", "юю", "ое", "ее", "ые", "ие", "ых", "их", "ым", "им", "ом", "ем",
        "ах", "ях", "ов", "ев", "ий", "ый", "ия", "ию", "ии", "ье", "ья",
        "ью", "ам", "ям", "ь", "а", "я", "о", "е", "у", "ю", "ы", "и", "й",
    ].sorted { $0.count > $1.count }

    /// Adjective endings (`Всемирного`, `Иссык-Кульской`, `Кеминского`): a word with one is not a
    /// settlement's name, and may stand before an organization's head noun.
    public static let adjectiveEndings = [
        "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ой", "ей", "ая", "яя", "ую", "юю", "ое", "ее", "ий", "ый",
        "ых", "их",
    ]

    private static let endingScalars = endings.map { Array($0.unicodeScalars) }

    /// The stem, never shorter than two letters.
    public static func stem(_ word: String) -> String {
        var s = Array(word.fastLowercased().unicodeScalars)
        for k in s.indices where s[k] == "ё" { s[k] = "е" }
        for e in endingScalars where s.count - e.count >= 2 && s[(s.count - e.count)...].elementsEqual(e) {
            return String(scalars: s[..<(s.count - e.count)])
        }
        return String(scalars: s)
    }

    /// The stem of a hyphenated compound whose halves both inflect, half by half
    /// (`доме-музее` and `дом-музей` → `дом-муз`).
    public static func compoundStem(_ word: String) -> String {
        // Most words have no hyphen: splitting by Characters cost some 10,000 instructions a word.
        guard word.utf8.contains(UInt8(ascii: "-")) else { return stem(word) }
        let halves = word.split(byte: "-", omittingEmptySubsequences: false)
        return halves.map { stem(String($0)) }.joined(separator: "-")
    }

    /// A surname in an oblique case back in the nominative: Алайчиевым → Алайчиев,
    /// Кузнецовой → Кузнецова, Мамытову → Мамытов. Returns nil when the word has no
    /// surname ending.
    public static func nominativeSurname(_ word: String) -> String? {
        let lower = word.fastLowercased()
        guard let e = SurnameEnding.ending(of: lower, .restorable), let to = e.nominative,
            lower.unicodeScalars.count > e.ending.count + 1
        else { return nil }
        return String(word.dropLast(e.ending.count)) + to
    }
}
