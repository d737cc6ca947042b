/// The endings of Russian-type surnames (`Мамытов`, `Жумабаева`, `Кузнецовой`, `Бекиевым`),
/// written once: each with the nominative ending it is a form of, and what the recognizers may
/// read from it. Every rule that asks "does this look like a surname?" or "what is its
/// nominative?" asks this table (docs/ARCHITECTURE.md, "Morphology").
public struct SurnameEnding: Sendable {
    /// What an ending tells a rule. The uses differ on purpose: each was tuned on the corpus,
    /// the dev set and the real pages, so a rule reads only the endings marked for it.
    public struct Use: OptionSet, Sendable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }

        /// A capitalized word with this ending looks like a surname (persons, and a place's
        /// name that is a surname, when the ending is `ов`/`ев`).
        public static let marksSurname = Use(rawValue: 1 << 0)
        /// The ending of an inflected surname after an inflected given name (`Алайчиевым`).
        public static let oblique = Use(rawValue: 1 << 1)
        /// A surname in the nominative, masculine or feminine (`Жапаров`, `Асанова`): what a
        /// Kyrgyz case suffix is stripped back to (`Жапаровдун`).
        public static let nominative = Use(rawValue: 1 << 2)
        /// Clear enough to make a surname of the word after an unknown given name (`Гүлбарчын Сатиева`).
        public static let afterUnknownGiven = Use(rawValue: 1 << 3)
        /// A case form that is no nominative (`Кузнецовой`, `Мамытову`): put back in the nominative.
        public static let unambiguousOblique = Use(rawValue: 1 << 4)
        /// A man's genitive or prepositional, or a woman's nominative (`Сыдыкова`, `Сыдыкове`).
        public static let genitive = Use(rawValue: 1 << 5)
        /// Read by `RussianMorphology.nominativeSurname`.
        public static let restorable = Use(rawValue: 1 << 6)
    }

    public let ending: String
    /// The nominative ending it is a form of (`овой` → `ова`), nil when not restored.
    public let nominative: String?
    public let uses: Use

    /// The table. No ending is the end of another with a different nominative, so the order
    /// does not matter.
    public static let all: [SurnameEnding] = [
        .init("ов", "ов", [.marksSurname, .nominative, .afterUnknownGiven, .restorable]),
        .init("ев", "ев", [.marksSurname, .nominative, .afterUnknownGiven, .restorable]),
        .init("ин", "ин", [.marksSurname, .nominative, .restorable]),
        .init("ын", nil, [.marksSurname, .nominative]),
        .init("ова", "ов", [.marksSurname, .oblique, .nominative, .afterUnknownGiven, .genitive, .restorable]),
        .init("ева", "ев", [.marksSurname, .oblique, .nominative, .afterUnknownGiven, .genitive, .restorable]),
        .init("ина", "ин", [.marksSurname, .nominative, .afterUnknownGiven, .genitive, .restorable]),
        .init("ына", nil, [.marksSurname, .nominative]),
        .init("ову", "ов", [.marksSurname, .oblique, .unambiguousOblique, .restorable]),
        .init("еву", "ев", [.marksSurname, .oblique, .unambiguousOblique, .restorable]),
        .init("ину", "ин", [.restorable]),
        .init("ове", "ов", [.genitive, .restorable]),
        .init("еве", "ев", [.genitive, .restorable]),
        .init("ине", "ин", [.restorable]),
        .init("овой", "ова", [.marksSurname, .unambiguousOblique, .restorable]),
        .init("евой", "ева", [.marksSurname, .unambiguousOblique, .restorable]),
        .init("иной", "ина", [.marksSurname, .unambiguousOblique, .restorable]),
        .init("овым", "ов", [.marksSurname, .unambiguousOblique, .restorable]),
        .init("евым", "ев", [.marksSurname, .unambiguousOblique, .restorable]),
        .init("иным", "ин", [.marksSurname, .unambiguousOblique, .restorable]),
        .init("ым", nil, [.marksSurname, .oblique]),
        .init("ой", nil, [.oblique]),
        .init("ому", nil, [.oblique]),
        .init("ский", "ский", [.marksSurname, .restorable]),
        .init("ская", "ская", [.marksSurname, .restorable]),
        .init("ского", "ский", [.restorable]),
        .init("скому", "ский", [.restorable]),
        .init("ским", "ский", [.restorable]),
        .init("ской", "ская", [.restorable]),
        .init("цкий", nil, [.marksSurname]),
        .init("цкая", nil, [.marksSurname]),
    ]

    private init(_ ending: String, _ nominative: String?, _ uses: Use) {
        (self.ending, self.nominative, self.uses) = (ending, nominative, uses)
    }

    /// The endings marked for `use`, made once per use.
    public static func endings(_ use: Use) -> [SurnameEnding] {
        switch use {
        case .marksSurname: marking
        case .oblique: oblique
        case .nominative: nominatives
        case .afterUnknownGiven: afterUnknownGiven
        case .unambiguousOblique: unambiguousOblique
        case .genitive: genitive
        case .restorable: restorable
        default: all.filter { $0.uses.isSuperset(of: use) }
        }
    }

    private static let marking = all.filter { $0.uses.contains(.marksSurname) }
    private static let oblique = all.filter { $0.uses.contains(.oblique) }
    private static let nominatives = all.filter { $0.uses.contains(.nominative) }
    private static let afterUnknownGiven = all.filter { $0.uses.contains(.afterUnknownGiven) }
    private static let unambiguousOblique = all.filter { $0.uses.contains(.unambiguousOblique) }
    private static let genitive = all.filter { $0.uses.contains(.genitive) }
    private static let restorable = all.filter { $0.uses.contains(.restorable) }

    /// Whether the lower-case `word` ends with one of the endings marked for `use`.
    public static func matches(_ word: String, _ use: Use) -> Bool {
        endings(use).contains { word.endsWith($0.ending) }
    }

    /// The ending marked for `use` that the lower-case `word` ends with.
    public static func ending(of word: String, _ use: Use) -> SurnameEnding? {
        endings(use).first { word.endsWith($0.ending) }
    }
}
