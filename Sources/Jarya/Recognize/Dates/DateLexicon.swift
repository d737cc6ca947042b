/// The words of dates, loaded once from `glossaries/date-words.tsv`.
struct DateLexicon: Sendable {
    enum Role: String, Sendable, CaseIterable {
        case month, monthAbbreviation = "month_abbreviation", traditionalMonth = "traditional_month", relativeDay =
            "relative_day", relativeYear = "relative_year"
        case yearWord = "year_word", dayWord = "day_word", monthWord = "month_word", rangeFrom = "range_from"
        case rangeTo = "range_to", deadline, since, preposition, hourWord = "hour_word", currentYear = "current_year"
        case notYear = "not_year"

        /// The role's bit in a word's set of roles (`DateGrammar.Word.roles`).
        var bit: UInt32 {
            switch self {
            case .month: return 1 << 0
            case .monthAbbreviation: return 1 << 1
            case .traditionalMonth: return 1 << 2
            case .relativeDay: return 1 << 3
            case .relativeYear: return 1 << 4
            case .yearWord: return 1 << 5
            case .dayWord: return 1 << 6
            case .monthWord: return 1 << 7
            case .rangeFrom: return 1 << 8
            case .rangeTo: return 1 << 9
            case .deadline: return 1 << 10
            case .since: return 1 << 11
            case .preposition: return 1 << 12
            case .hourWord: return 1 << 13
            case .currentYear: return 1 << 14
            case .notYear: return 1 << 15
            }
        }
    }

    struct Entry: Sendable {
        let words: [String]
        let prefix: Bool
        let role: Role
        let value: Int
        let lang: String
    }

    /// Single-word entries by exact form, and prefix entries by length (longest first).
    private var exact = WordMap<[Entry]>()
    private var prefixes: [Entry] = []
    /// The prefix entries by their first letter, longest first.
    private var prefixesByInitial: [Unicode.Scalar: [Entry]] = [:]
    /// Entries of several words, tried at a token before single words.
    private(set) var phrases: [Entry] = []
    /// The first words of the phrases (the first word of a phrase is matched exactly).
    private(set) var phraseInitials: WordSet = []

    init(table: TSVTable) throws {
        for row in table.rows {
            guard let role = Role(rawValue: row["role"]) else {
                throw GlossaryError(
                    file: table.name, line: row.line,
                    message:
                        "unknown role `\(row["role"])` (one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            let match = row["match"]
            guard match == "exact" || match == "prefix" else {
                throw GlossaryError(
                    file: table.name, line: row.line, message: "match must be exact or prefix, not `\(match)`")
            }
            let value = Int(row["value"]) ?? 0
            if [.month, .monthAbbreviation, .traditionalMonth, .relativeDay, .relativeYear].contains(role)
                && Int(row["value"]) == nil
            {
                throw GlossaryError(
                    file: table.name, line: row.line, message: "role \(role.rawValue) needs a number in `value`")
            }
            let words = row["form"].lowercased().split(separator: " ").map(String.init)
            guard !words.isEmpty else { throw GlossaryError(file: table.name, line: row.line, message: "empty form") }
            let entry = Entry(words: words, prefix: match == "prefix", role: role, value: value, lang: row["lang"])
            if words.count > 1 {
                phrases.append(entry)
            } else if entry.prefix {
                prefixes.append(entry)
            } else {
                exact[words[0], default: []].append(entry)
            }
        }
        prefixes.sort { $0.words[0].count > $1.words[0].count }
        for p in prefixes { if let f = p.words[0].unicodeScalars.first { prefixesByInitial[f, default: []].append(p) } }
        phrases.sort { $0.words.count > $1.words.count }
        phraseInitials = WordSet(phrases.map { $0.words[0] })
    }

    /// The entries a single lowercased word matches: exact forms first, then the longest stem.
    /// A `not_year` stem (`жылдык`) hides the shorter `year_word` stem (`жыл`).
    func lookup(_ word: String) -> [Entry] {
        if let e = exact[word] { return e }
        guard let first = word.unicodeScalars.first, let candidates = prefixesByInitial[first] else { return [] }
        for p in candidates where word.startsWith(p.words[0]) {
            return p.role == .notYear ? [] : [p]
        }
        return []
    }

    /// Whether `word` matches one word of a phrase entry.
    /// The indices in `phrases` of the phrases whose first word is `word`, in order.
    func phrases(startingWith word: String) -> [Int32] {
        guard phraseInitials.contains(word) else { return [] }
        return phrases.indices.filter { phrases[$0].words[0].sameBytes(word) }.map { Int32($0) }
    }

    static func matches(_ word: String, _ form: String, prefix: Bool) -> Bool {
        prefix ? word.startsWith(form) : word.sameBytes(form)
    }
}
