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

        // What `PersonName.nominativeSurname` reads: the nominative of a surname when the given
        // name beside it tells its case and sex.
        /// One reading in every case and for either sex (`Кузнецовой`, `Лавровского`).
        public static let caseFree = Use(rawValue: 1 << 7)
        /// A man's surname in the genitive (`Сыдыкова`), dative (`Сыдыкову`), instrumental
        /// (`Лавровским`) or prepositional (`Сыдыкове`).
        public static let masculineGenitive = Use(rawValue: 1 << 8)
        public static let masculineDative = Use(rawValue: 1 << 9)
        public static let masculineInstrumental = Use(rawValue: 1 << 10)
        public static let masculinePrepositional = Use(rawValue: 1 << 11)
        /// A woman's surname in an oblique case (`Сыдыковой` is `caseFree`; `Сыдыкову`, `Лавровской`).
        public static let feminineOblique = Use(rawValue: 1 << 12)
        /// Read so even when the case is unknown, given the sex (`Громову`: a man's dative, a woman's accusative).
        public static let withoutCase = Use(rawValue: 1 << 13)
        /// A surname that does not decline (`Шевченко`, `Черных`, `Живаго`).
        public static let indeclinable = Use(rawValue: 1 << 14)

        /// The use for a man's surname in `grammaticalCase`; nil for the nominative and the
        /// accusative, which the table does not read.
        public static func masculine(_ grammaticalCase: PersonName.Case) -> Use? {
            switch grammaticalCase {
            case .genitive: .masculineGenitive
            case .dative: .masculineDative
            case .instrumental: .masculineInstrumental
            case .prepositional: .masculinePrepositional
            case .nominative, .accusative: nil
            }
        }
    }

    public let ending: String
    /// The nominative ending it is a form of (`овой` → `ова`), nil when not restored.
    public let nominative: String?
    public let uses: Use

    /// The table. Within one use, no ending is the end of another with a different nominative,
    /// so the order does not matter. An ending has two rows where a man's and a woman's readings
    /// differ (`ову`: `Громову` → `Громов`, `Петрову` → `Петрова`).
    public static let all: [SurnameEnding] = [
        .init("ов", "ов", [.marksSurname, .nominative, .afterUnknownGiven, .restorable]),
        .init("ев", "ев", [.marksSurname, .nominative, .afterUnknownGiven, .restorable]),
        .init("ин", "ин", [.marksSurname, .nominative, .restorable]),
        .init("ын", nil, [.marksSurname, .nominative]),
        .init(
            "ова", "ов",
            [.marksSurname, .oblique, .nominative, .afterUnknownGiven, .genitive, .restorable, .masculineGenitive]),
        .init(
            "ева", "ев",
            [.marksSurname, .oblique, .nominative, .afterUnknownGiven, .genitive, .restorable, .masculineGenitive]),
        .init(
            "ина", "ин", [.marksSurname, .nominative, .afterUnknownGiven, .genitive, .restorable, .masculineGenitive]),
        .init("ына", "ын", [.marksSurname, .nominative, .masculineGenitive]),
        .init(
            "ову", "ов",
            [.marksSurname, .oblique, .unambiguousOblique, .restorable, .masculineDative, .withoutCase]),
        .init(
            "еву", "ев",
            [.marksSurname, .oblique, .unambiguousOblique, .restorable, .masculineDative, .withoutCase]),
        .init("ину", "ин", [.restorable, .masculineDative]),
        .init("ыну", "ын", [.masculineDative]),
        .init("ову", "ова", [.feminineOblique, .withoutCase]),
        .init("еву", "ева", [.feminineOblique, .withoutCase]),
        .init("ину", "ина", [.feminineOblique]),
        .init("ове", "ов", [.genitive, .restorable, .masculinePrepositional]),
        .init("еве", "ев", [.genitive, .restorable, .masculinePrepositional]),
        .init("ине", "ин", [.restorable, .masculinePrepositional]),
        .init("овой", "ова", [.marksSurname, .unambiguousOblique, .restorable, .caseFree]),
        .init("евой", "ева", [.marksSurname, .unambiguousOblique, .restorable, .caseFree]),
        .init("иной", "ина", [.marksSurname, .unambiguousOblique, .restorable, .caseFree]),
        .init("овым", "ов", [.marksSurname, .unambiguousOblique, .restorable, .caseFree]),
        .init("евым", "ев", [.marksSurname, .unambiguousOblique, .restorable, .caseFree]),
        .init("иным", "ин", [.marksSurname, .unambiguousOblique, .restorable, .caseFree]),
        .init("ым", nil, [.marksSurname, .oblique]),
        .init("ой", nil, [.oblique]),
        .init("ому", nil, [.oblique]),
        .init("ский", "ский", [.marksSurname, .restorable]),
        .init("ская", "ская", [.marksSurname, .restorable]),
        .init("ского", "ский", [.restorable, .caseFree]),
        .init("скому", "ский", [.restorable, .caseFree]),
        .init("ским", "ский", [.restorable, .masculineInstrumental]),
        .init("ском", "ский", [.masculinePrepositional]),
        .init("ской", "ская", [.restorable, .feminineOblique]),
        .init("скую", "ская", [.feminineOblique]),
        .init("цкий", nil, [.marksSurname]),
        .init("цкая", nil, [.marksSurname]),
        .init("цкого", "цкий", [.caseFree]),
        .init("цкому", "цкий", [.caseFree]),
        .init("цким", "цкий", [.masculineInstrumental]),
        .init("цком", "цкий", [.masculinePrepositional]),
        .init("цкой", "цкая", [.feminineOblique]),
        .init("цкую", "цкая", [.feminineOblique]),
        .init("ко", nil, [.indeclinable]),
        .init("их", nil, [.indeclinable]),
        .init("ых", nil, [.indeclinable]),
        .init("аго", nil, [.indeclinable]),
        .init("яго", nil, [.indeclinable]),
        .init("о", nil, [.indeclinable]),
    ]

    private init(_ ending: String, _ nominative: String?, _ uses: Use) {
        (self.ending, self.nominative, self.uses) = (ending, nominative, uses)
    }

    /// The endings marked for `use` (every flag of it), made once for each single flag.
    public static func endings(_ use: Use) -> [SurnameEnding] {
        byFlag[use.rawValue] ?? all.filter { $0.uses.isSuperset(of: use) }
    }

    private static let byFlag: [UInt16: [SurnameEnding]] = Dictionary(
        uniqueKeysWithValues: (0..<16).map { bit in
            let flag = Use(rawValue: 1 << bit)
            return (flag.rawValue, all.filter { $0.uses.contains(flag) })
        })

    /// Whether the lower-case `word` ends with one of the endings marked for `use`.
    public static func matches(_ word: String, _ use: Use) -> Bool { firstMatch(word, use) != nil }

    /// The ending marked for `use` that the lower-case `word` ends with.
    public static func ending(of word: String, _ use: Use) -> SurnameEnding? { firstMatch(word, use).map { all[$0] } }

    /// The index in `all` of the first ending marked for `use` that `word` ends with. For one flag
    /// the endings are compared as bytes from a table made once: asking the dictionary of lists
    /// and retaining each ending's strings cost some 3,500 instructions a word.
    private static func firstMatch(_ word: String, _ use: Use) -> Int? {
        guard use.rawValue.nonzeroBitCount == 1,
            let found = word.utf8.withContiguousStorageIfAvailable({ w in
                bytesByFlag[use.rawValue.trailingZeroBitCount].first { e in
                    e.bytes.count <= w.count
                        && e.bytes.indices.allSatisfy { e.bytes[$0] == w[w.count - e.bytes.count + $0] }
                }.map { $0.index } ?? -1
            })
        else { return all.firstIndex { $0.uses.isSuperset(of: use) && word.endsWith($0.ending) } }
        return found < 0 ? nil : found
    }

    /// For each flag, the UTF-8 bytes of its endings and their places in `all`, in table order.
    private static let bytesByFlag: [[(bytes: [UInt8], index: Int)]] = (0..<16).map { bit in
        all.indices.filter { all[$0].uses.contains(Use(rawValue: 1 << bit)) }.map { (Array(all[$0].ending.utf8), $0) }
    }
}
