/// Russian surnames back in the nominative, as archivists search them: `Бандеры` → `Бандера`,
/// `Громовым` → `Громов`, `Лавровской` → `Лавровская`, `Шевченко` and `Черных` as they are.
///
/// Endings such as `-а`, `-у` or `-е` read one way after `Степана` and another after `Анны`, so
/// the case comes from the given name beside the surname when the glossary knows it
/// (`caseOf`); without one, only endings with a single reading change. The lists here are the
/// name-specific ones (the morphology's general endings are being consolidated elsewhere).
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

    /// Surnames that do not decline (`Шевченко`, `Франко`, `Черных`, `Долгих`).
    static let indeclinable = ["ко", "их", "ых", "аго", "яго", "о"]

    /// Endings with one reading whatever the case: (oblique, nominative).
    static let unambiguous: [(String, String)] = [
        ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("овым", "ов"), ("евым", "ев"), ("иным", "ин"),
        ("ского", "ский"), ("скому", "ский"), ("цкого", "цкий"), ("цкому", "цкий"),
    ]
    static let masculine: [Case: [(String, String)]] = [
        .genitive: [("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("ына", "ын")],
        .dative: [("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("ыну", "ын")],
        .instrumental: [("ским", "ский"), ("цким", "цкий")],
        .prepositional: [("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("ском", "ский"), ("цком", "цкий")],
    ]
    static let feminine: [(String, String)] = [
        ("ской", "ская"), ("цкой", "цкая"), ("ову", "ова"), ("еву", "ева"), ("ину", "ина"), ("скую", "ская"),
        ("цкую", "цкая"),
    ]
    static let vowels = Set("аеёиоуыэюя")

    /// `word` (a surname, capitalized as wanted) in the nominative, given the case of the name
    /// beside it (nil: unknown) and the person's sex (nil: unknown).
    public static func nominativeSurname(_ word: String, case grammaticalCase: Case?, female: Bool?) -> String {
        let lower = word.lowercased()
        func replacing(_ ending: String, _ with: String) -> String { String(word.dropLast(ending.count)) + with }
        guard lower.count > 3, grammaticalCase != .nominative else { return word }
        for (from, to) in unambiguous where lower.hasSuffix(from) { return replacing(from, to) }
        guard !indeclinable.contains(where: { lower.hasSuffix($0) }) else { return word }
        guard let c = grammaticalCase, let female else {
            // The case unknown: the masculine -ову of `Громову`, the feminine -ову of `Петрову` (accusative).
            if female == false, let e = ["ову", "еву"].first(where: { lower.hasSuffix($0) }) {
                return replacing(e, String(e.dropLast()))
            }
            if female == true, let e = ["ову", "еву"].first(where: { lower.hasSuffix($0) }) {
                return replacing(e, String(e.dropLast()) + "а")
            }
            return word
        }
        if female {
            for (from, to) in feminine where lower.hasSuffix(from) { return replacing(from, to) }
            return word
        }
        for (from, to) in masculine[c] ?? [] where lower.hasSuffix(from) { return replacing(from, to) }
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
