/// Russian surnames back in the nominative, as archivists search them: `Бандеры` → `Бандера`,
/// `Громовым` → `Громов`, `Лавровской` → `Лавровская`, `Шевченко` and `Черных` as they are.
///
/// Endings such as `-а`, `-у` or `-е` read one way after `Степана` and another after `Анны`, so
/// the case comes from the given name beside the surname when the glossary knows it
/// (`caseOf`); without one, only endings with a single reading change. The endings are
/// `SurnameEnding`'s, each marked with the case and sex it is read in.
public enum PersonName {
    public enum Case: Sendable, Equatable { case nominative, genitive, dative, accusative, instrumental, prepositional }

    /// The case of a given name written `surface` whose nominative is `nominative`, or nil
    /// when the ending does not tell: `Степана` genitive, `Анне` dative, `Марией` instrumental.
    public static func caseOf(given surface: String, nominative: String, female: Bool) -> Case? {
        let s = Array(surface.lowercased().unicodeScalars), n = Array(nominative.lowercased().unicodeScalars)
        if s == n { return .nominative }
        var common = 0
        while common < min(s.count, n.count) && s[common] == n[common] { common += 1 }
        switch String(String.UnicodeScalarView(s[common...])) {
        case "ом", "ем", "ём", "ой", "ей", "ою": return .instrumental
        case "у", "ю": return female ? .accusative : .dative
        case "а", "я": return female ? nil : .genitive
        case "ы": return .genitive
        case "и": return female ? .genitive : .prepositional
        case "е": return female ? .dative : .prepositional
        default: return nil
        }
    }

    static let vowels = Set("аеёиоуыэюя")

    /// `word` (a surname, capitalized as wanted) in the nominative, given the case of the name
    /// beside it (nil: unknown) and the person's sex (nil: unknown).
    /// A Russian patronymic in the nominative (`Сергеевне` → `Сергеевна`, `Петровичу` →
    /// `Петрович`, `Ильиничной` → `Ильинична`), or nil when the word is no patronymic's case form.
    public static func nominativePatronymic(_ word: String) -> String? {
        let lower = word.fastLowercased()
        // The bytes first: most words are no patronymic, and `hasSuffix` compares Characters,
        // some 1,400 instructions an ending. (NFC: a Character suffix is a byte suffix.)
        for (endings, nominative) in patronymicCases {
            for e in endings where lower.endsWith(e) && lower.hasSuffix(e) && lower.count > e.count + 2 {
                return String(word.dropLast(e.count)) + nominative
            }
        }
        return nil
    }

    /// The oblique endings of patronymics, by the nominative ending they replace.
    static let patronymicCases: [([String], String)] = [
        (["вны", "вне", "вну", "вной", "вною"], "вна"), (["ичны", "ичне", "ичну", "ичной"], "ична"),
        (["вича", "вичу", "вичем", "виче"], "вич"), (["ича", "ичу", "ичем"], "ич"),
    ]

    public static func nominativeSurname(_ word: String, case grammaticalCase: Case?, female: Bool?) -> String {
        let lower = word.lowercased()
        func replacing(_ ending: String, _ with: String) -> String { String(word.dropLast(ending.count)) + with }
        guard lower.count > 3, grammaticalCase != .nominative else { return word }
        func nominative(_ use: SurnameEnding.Use) -> String? {
            SurnameEnding.ending(of: lower, use).map { String(word.dropLast($0.ending.count)) + $0.nominative! }
        }
        if let n = nominative(.caseFree) { return n }
        guard !SurnameEnding.matches(lower, .indeclinable) else { return word }
        guard let female else { return word }
        guard let c = grammaticalCase else {
            // The case unknown: the masculine -ову of `Громову`, the feminine -ову of `Петрову` (accusative).
            return nominative(female ? [.feminineOblique, .withoutCase] : [.masculineDative, .withoutCase]) ?? word
        }
        if female { return nominative(.feminineOblique) ?? word }
        if let use = SurnameEnding.Use.masculine(c), let n = nominative(use) { return n }
        let last = lower.last!, beforeLast = lower.dropLast().last!
        switch c {
        case .genitive, .accusative:
            // `Бандеры` → `Бандера`, `Дудки` → `Дудка`, `Лиона` → `Лион`, `Гайдая` → `Гайдай`.
            if last == "ы" || last == "и" && "кгхжшчщ".contains(beforeLast) { return replacing("ы", "а") }
            if last == "а", !vowels.contains(beforeLast) { return String(word.dropLast()) }
            if last == "я", vowels.contains(beforeLast) { return replacing("я", "й") }
        case .dative:
            // `Бандере` → `Бандера`, `Шевчуку` → `Шевчук`, `Гайдаю` → `Гайдай`.
            if last == "е", !vowels.contains(beforeLast) { return replacing("е", "а") }
            if last == "у", !vowels.contains(beforeLast) { return String(word.dropLast()) }
            if last == "ю", vowels.contains(beforeLast) { return replacing("ю", "й") }
        case .instrumental:
            // `Бандерой` → `Бандера`, `Шевчуком` → `Шевчук`.
            if lower.hasSuffix("ой") { return replacing("ой", "а") }
            if lower.hasSuffix("ом"), !vowels.contains(lower.dropLast(2).last ?? "а") {
                return String(word.dropLast(2))
            }
        default:
            break  // `-е` of the prepositional is `Бандере` or `Шевчуке`: left as written.
        }
        return word
    }
}
