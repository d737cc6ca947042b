/// The words of events, loaded once from `glossaries/event-words.tsv`: kinds, the cues that
/// say who organizes, funds or partners, and the words of participant counts.
struct EventLexicon: Sendable {
    enum Role: String, Sendable, CaseIterable {
        case kind, organizerBefore = "organizer_before", organizerAfter = "organizer_after"
        case funderBefore = "funder_before", funderAfter = "funder_after", partnerBefore = "partner_before"
        case partnerAfter = "partner_after", participation, participantNoun = "participant_noun", qualifier, application
        case underWay = "under_way", stage
        case announcerBefore = "announcer_before", announcerAfter = "announcer_after"
        case announcerOffice = "announcer_office", media, notKind = "not_kind"
    }

    /// The record's event kinds (`EventKind`): a row with another kind does not load.
    static let kinds = Set(EventKind.allCases.map(\.rawValue))
    static let qualifiers: Set<String> = ["more_than", "about", "at_least", "up_to"]

    struct Entry: Sendable {
        let words: [String]
        let prefix: Bool
        let role: Role
        let value: String
    }

    private(set) var entries: [Entry] = []
    /// Entries by their first word's first letter, to try few at each token.
    private var byInitial: [Unicode.Scalar: [Int]] = [:]

    static let columns = ["lang", "form", "match", "role", "value"]

    init(table: TSVTable) throws {
        for row in table.rows {
            guard let role = Role(rawValue: row["role"]) else {
                throw GlossaryError(
                    file: table.name, line: row.line,
                    message:
                        "unknown role `\(row["role"])` (one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            guard row["match"] == "exact" || row["match"] == "prefix" else {
                throw GlossaryError(
                    file: table.name, line: row.line, message: "match must be exact or prefix, not `\(row["match"])`")
            }
            let value = row["value"]
            if role == .kind && !Self.kinds.contains(value) {
                throw GlossaryError(
                    file: table.name, line: row.line,
                    message: "unknown kind `\(value)` (one of: \(Self.kinds.sorted().joined(separator: ", ")))")
            }
            if role == .qualifier && !Self.qualifiers.contains(value) {
                throw GlossaryError(
                    file: table.name, line: row.line,
                    message:
                        "unknown qualifier `\(value)` (one of: \(Self.qualifiers.sorted().joined(separator: ", ")))")
            }
            let words = row["form"].lowercased().split(separator: " ").map(String.init)
            guard let initial = words.first?.unicodeScalars.first else {
                throw GlossaryError(file: table.name, line: row.line, message: "empty form")
            }
            byInitial[initial, default: []].append(entries.count)
            entries.append(Entry(words: words, prefix: row["match"] == "prefix", role: role, value: value))
        }
        // Longer phrases first, so `круглый стол` wins over a one-word entry.
        for (k, list) in byInitial { byInitial[k] = list.sorted { entries[$0].words.count > entries[$1].words.count } }
        // The same lists cut by the second letter: a word tries the entries that begin with its
        // first two letters, and those whose first word is one letter, in the same order.
        for (initial, list) in byInitial {
            let short = list.filter { entries[$0].words[0].unicodeScalars.count == 1 }
            if !short.isEmpty { byOneLetter[initial.value] = short }
            for n in list {
                let w = Array(entries[n].words[0].unicodeScalars)
                guard w.count > 1, byTwoLetters[Self.pair(initial, w[1])] == nil else { continue }
                byTwoLetters[Self.pair(initial, w[1])] = list.filter {
                    let s = Array(entries[$0].words[0].unicodeScalars.prefix(2))
                    return s.count == 1 || s[1] == w[1]
                }
            }
        }
    }

    /// Entries by the first two letters of their first word (`pair`).
    private var byTwoLetters: [UInt64: [Int]] = [:]
    /// Entries whose first word is one letter, by that letter.
    private var byOneLetter: [UInt32: [Int]] = [:]

    private static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 32 | UInt64(b.value)
    }

    /// The entries that may match a word: those whose first word begins with its first two letters
    /// or is its first letter, longest phrases first.
    private func candidates(_ word: String) -> [Int]? {
        var scalars = word.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return nil }
        if let second = scalars.next(), let list = byTwoLetters[Self.pair(first, second)] { return list }
        return byOneLetter[first.value]
    }

    /// Whether the lower-case `word` names a kind of news outlet (`газета`, `телеканалы`): a
    /// `media` row, matched as the row says.
    func isMediaWord(_ word: String) -> Bool {
        guard let initial = word.unicodeScalars.first, let candidates = byInitial[initial] else { return false }
        return candidates.contains { n in
            let e = entries[n]
            return e.role == .media && e.words.count == 1
                && (e.prefix ? word.hasPrefix(e.words[0]) : word == e.words[0])
        }
    }

    /// Every entry matching the words at token `i`, longest first, with the index after each.
    func allMatches(_ tokens: [NameToken], at i: Int) -> [(Entry, Int)] {
        guard tokens[i].kind == .word else { return [] }
        return allMatches(tokens, at: i, starting: entries(startingWith: tokens[i].lower))
    }

    /// `allMatches`, given the entries whose first word is token `i`'s (`entries(startingWith:)`).
    func allMatches(_ tokens: [NameToken], at i: Int, starting: [Int]) -> [(Entry, Int)] {
        var result: [(Entry, Int)] = []
        for n in starting where matches(entries[n], tokens, at: i, from: 1) {
            result.append((entries[n], i + entries[n].words.count))
        }
        return result
    }

    /// The entries, longest first, whose first word is the lower-case `word` (or starts it, for a
    /// one-word entry matched as a prefix): they depend on the word alone, so a worker finds them
    /// once per word (`Lexicon.events`), and a token needs only its next words compared.
    func entries(startingWith word: String) -> [Int] {
        guard let candidates = candidates(word) else { return [] }
        return candidates.filter { n in
            let e = entries[n]
            return e.words.count == 1 && e.prefix ? word.startsWith(e.words[0]) : word.sameBytes(e.words[0])
        }
    }

    /// The entry matching the words at token `i` (only the last word may be a prefix match), and
    /// the index after it.
    func match(_ tokens: [NameToken], at i: Int, roles: [Role]) -> (Entry, Int)? {
        guard tokens[i].kind == .word, let candidates = candidates(tokens[i].lower) else { return nil }
        for n in candidates where roles.contains(entries[n].role) && matches(entries[n], tokens, at: i) {
            return (entries[n], i + entries[n].words.count)
        }
        return nil
    }

    /// Whether the words of `e` from its word `from` on are at token `i + from` (only the last
    /// word may be a prefix match).
    private func matches(_ e: Entry, _ tokens: [NameToken], at i: Int, from: Int = 0) -> Bool {
        guard i + e.words.count <= tokens.count else { return false }
        for k in stride(from: from, to: e.words.count, by: 1) {
            let w = e.words[k]
            let last = k == e.words.count - 1
            if tokens[i + k].kind != .word
                || !(last && e.prefix ? tokens[i + k].lower.startsWith(w) : tokens[i + k].lower.sameBytes(w))
            {
                return false
            }
        }
        return true
    }
}
