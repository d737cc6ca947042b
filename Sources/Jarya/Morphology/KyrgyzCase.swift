/// The Kyrgyz cases that names take, with their surface endings: vowel harmony gives each ending
/// four vowels, and assimilation gives the д/т/н and г/к alternants after different consonants.
/// The one list of Kyrgyz case endings: the stemmer (`KyrgyzMorphology`) and every rule that
/// reads a word's case from its end (dates, organizations, places) take them from here.
public enum KyrgyzCase: CaseIterable, Sendable {
    /// -DAgI: `Бишкектеги`, `Оштогу`.
    case attributive
    /// -DAn: `Бишкектен`, `Таластан`.
    case ablative
    /// -NIn: `Бишкектин`, `Нарындын`.
    case genitive
    /// -DA: `Бишкекте`, `Ошто`.
    case locative
    /// -GA: `Бишкекке`, `Ошко`.
    case dative
    /// -NI: `Бишкекти`, `Нарынды`.
    case accusative

    /// The endings after a bare stem or a plural.
    public var endings: [String] {
        switch self {
        case .attributive: ["дагы", "деги", "догу", "дөгү", "тагы", "теги", "тогу", "төгү"]
        case .ablative: ["дан", "ден", "дон", "дөн", "тан", "тен", "тон", "төн"]
        case .genitive: ["нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн"]
        case .locative: ["да", "де", "до", "дө", "та", "те", "то", "тө"]
        case .dative: ["га", "ге", "го", "гө", "ка", "ке", "ко", "кө"]
        case .accusative: ["ны", "ни", "ну", "нү", "ды", "ди", "ду", "дү", "ты", "ти", "ту", "тү"]
        }
    }

    /// The endings after a 3rd-person possessive, which take н: `облусунда`, `мартына`, `июлунан`.
    public var endingsAfterPossessive: [String] {
        switch self {
        case .attributive: ["ндагы", "ндеги", "ндогу", "ндөгү"]
        case .ablative: ["нан", "нен", "нон", "нөн"]
        case .genitive: ["нын", "нин", "нун", "нүн"]
        case .locative: ["нда", "нде", "ндо", "ндө"]
        case .dative: ["на", "не", "но", "нө"]
        case .accusative: ["н"]
        }
    }

    /// The accusative after a consonant, -ДI after a voiced one and -ТI after a voiceless one
    /// (`Форумду`, `саясатты`), as told from a possessive (`саясаты`).
    public static let accusativeAfterConsonant = ["ды", "ди", "ду", "дү", "ты", "ти", "ту", "тү"]

    /// Whether a word ends with one of the case's endings after a bare stem.
    public func ends(_ word: String) -> Bool { endings.contains { word.endsWith($0) } }
}
