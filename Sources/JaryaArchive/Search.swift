import Foundation
import GRDB
import Jarya

/// What `jarya search` asks of the archive. Every field is optional; given fields must all hold.
public struct SearchQuery: Sendable {
    /// A full-text query over the folded title and text, as a user types it: words (all must
    /// match), "phrases", prefix*, AND/OR/NOT, parentheses (see `FTSQuery`); a bare word also
    /// matches the other case forms of the word. One that cannot be read is an `ArchiveError`
    /// of kind `.query` saying how to write it.
    public var text: String?
    /// A place in any language or case form (`Бишкекте`, `в Бишкеке`, `Bishkek`).
    public var place: String?
    /// The glossary that resolves `place` to canonical names; without one, `place` stands for itself.
    public var places: PlaceGlossary?
    /// A substring of an organization's name, text or acronym (case-insensitive).
    public var organization: String?
    /// A substring of a person's name or text (case-insensitive).
    public var person: String?
    /// ISO dates of any precision (`2022`, `2022-03`, `2022-03-01`): the event must overlap.
    public var from: String?
    public var to: String?
    /// `ky`, `ru` (each also matching bilingual `ky+ru` releases) or `ky+ru`.
    public var language: String?

    public init(text: String? = nil, place: String? = nil, places: PlaceGlossary? = nil, organization: String? = nil,
                person: String? = nil, from: String? = nil, to: String? = nil, language: String? = nil) {
        self.text = text
        self.place = place
        self.places = places
        self.organization = organization
        self.person = person
        self.from = from
        self.to = to
        self.language = language
    }
}

extension ArchiveIndex {
    /// The records that match, sorted by event start (documents without a dated event last),
    /// then path.
    ///
    /// A place matches a document whose event takes place there; a document whose event names
    /// no place (or that has no event) matches when the place is among its place entities.
    public func search(_ q: SearchQuery) throws -> [Jarya.Record] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []

        if let text = q.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            let match = try FTSQuery.required(text).fts
            conditions.append("d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            arguments.append(match)
        }
        if let place = q.place?.trimmingCharacters(in: .whitespaces), !place.isEmpty {
            let names = PlaceResolver.canonicalNames(place, in: q.places).map { $0.lowercased() }
            let marks = Array(repeating: "?", count: names.count).joined(separator: ", ")
            conditions.append("""
                (d.id IN (SELECT document_id FROM event_places WHERE lower(place) IN (\(marks)))
                 OR (NOT EXISTS (SELECT 1 FROM event_places p WHERE p.document_id = d.id)
                     AND d.id IN (SELECT document_id FROM entities WHERE type = 'place' AND lower(name) IN (\(marks)))))
                """)
            arguments += names + names
        }
        if let org = q.organization, !org.isEmpty {
            conditions.append("""
                d.id IN (SELECT document_id FROM entities WHERE type = 'organization'
                           AND (instr(jarya_fold(coalesce(name, '')), ?) OR instr(jarya_fold(text), ?) OR instr(jarya_fold(coalesce(acronym, '')), ?))
                         UNION SELECT document_id FROM event_organizations WHERE instr(jarya_fold(name), ?))
                """)
            let folded = Folding.fold(org)
            arguments += [folded, folded, folded, folded]
        }
        if let person = q.person, !person.isEmpty {
            conditions.append("""
                d.id IN (SELECT document_id FROM entities WHERE type = 'person'
                           AND (instr(jarya_fold(coalesce(name, '')), ?) OR instr(jarya_fold(text), ?)))
                """)
            let folded = Folding.fold(person)
            arguments += [folded, folded]
        }
        if let from = q.from {
            guard let day = DaySpan.first(of: from) else { throw ArchiveError("search: --from `\(from)` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
            conditions.append("e.last_day >= ?")
            arguments.append(day)
        }
        if let to = q.to {
            guard let day = DaySpan.last(of: to) else { throw ArchiveError("search: --to `\(to)` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
            conditions.append("e.first_day <= ?")
            arguments.append(day)
        }
        if let lang = q.language {
            switch lang {
            case "ky", "ru": conditions.append("(d.language = ? OR d.language = 'ky+ru')"); arguments.append(lang)
            case "ky+ru": conditions.append("d.language = 'ky+ru'")
            default: throw ArchiveError("search: --lang is ky, ru or ky+ru, not `\(lang)`")
            }
        }
        let sql = """
            SELECT d.record FROM documents d LEFT JOIN events e ON e.document_id = d.id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: "\n  AND "))
            ORDER BY e.first_day IS NULL, e.first_day, e.start, d.path, d.id
            """
        let rows: [String]
        do {
            rows = try database.read { db in try String.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) }
        } catch let error as DatabaseError where error.message?.hasPrefix("fts5") == true {
            // What FTSQuery makes is valid FTS5; only a query too complex for FTS5's parser ends here.
            throw ArchiveError("search: cannot read the query `\(q.text ?? "")`: it is too complex (FTS5: \(error.message ?? "")). "
                               + FTSQuery.howTo)
        } catch {
            throw ArchiveFile.failure(error, path: path, writing: false)
        }
        return try rows.map(decodeStored)
    }
}

/// A user's full-text query → an FTS5 query over the folded columns.
///
/// Whatever a user types either becomes a valid FTS5 query or is refused with one line that
/// says how to write it (`FTSQuery.Failure`); SQLite never sees a query it cannot parse.
/// Words and phrases are folded like the text and quoted (so hyphens, dots, colons and stars
/// inside them are not FTS syntax); a bare word becomes "any of its forms" (`Бишкекте` →
/// `("бишкекте" OR "бишкек")`); a trailing `*` asks for a prefix. `"…"`, `«…»`, `“…”` and
/// `„…“` are phrases (an unclosed one runs to the end). `AND`, `OR`, `NOT` (upper case) and
/// parentheses keep their FTS5 meaning, and words side by side must all match: the FTS5 query
/// always spells out its `AND`s and parentheses, since FTS5 itself refuses `(a OR b) c`.
/// `AND NOT` means `NOT`. Punctuation that is not part of a word is ignored.
public enum FTSQuery {
    /// How to write a query, for messages.
    public static let howTo = "Write words (all must match), \"a phrase\", a prefix*, and AND, OR, NOT and parentheses, as in: бишкек NOT (семинар OR тренинг)"

    /// Why a query cannot be read: one line, in the user's terms.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// At most this many words and phrases, and this many nested parentheses: FTS5 refuses
    /// expression trees deeper than 256.
    public static let maxTerms = 100
    public static let maxDepth = 8

    /// The FTS5 query, or nil when the query has no words at all; throws `Failure`.
    public static func translate(_ query: String) throws -> String? {
        try parse(query)?.fts
    }

    /// The same query for PostgreSQL's full-text search: a `tsquery` over the lexemes that
    /// `FTSTokens` stores, or nil when the query has no words; throws `Failure` as `translate`.
    public static func tsquery(_ query: String) throws -> String? {
        try parse(query)?.tsquery
    }

    /// The parsed query of a search, for either backend; an unreadable query, or one with no
    /// words, is an `ArchiveError` that says how to write it (exit 64).
    static func required(_ text: String) throws -> Node {
        do {
            guard let node = try parse(text) else { throw Failure(description: "it has no words") }
            return node
        } catch let failure as Failure {
            throw ArchiveError("search: cannot read the query `\(text.replacingOccurrences(of: "\n", with: " "))`: \(failure). "
                               + howTo)
        }
    }

    static func parse(_ query: String) throws -> Node? {
        let tokens = tokenize(query)
        guard tokens.contains(where: { if case .term = $0 { return true } else { return false } }) else {
            if tokens.isEmpty { return nil }
            throw Failure(description: "it has no words, only operators or parentheses")
        }
        guard tokens.filter({ if case .term = $0 { return true } else { return false } }).count <= maxTerms else {
            throw Failure(description: "it has more than \(maxTerms) words")
        }
        var parser = Parser(tokens: tokens)
        let tree = try parser.parseOr(depth: 0)
        if parser.k < tokens.count {
            // parseOr stops only at `)` or at the end.
            throw Failure(description: "a `)` has no `(` before it")
        }
        return tree
    }

    /// A word or phrase of the query: one or more folded phrases (a word's forms), any of which
    /// may match, or one phrase whose last word is a prefix.
    struct Term: Equatable {
        var alternatives: [String]
        var prefix = false

        /// FTS5: quoted phrases, grouped with OR.
        var fts: String {
            let phrases = alternatives.map { FTSQuery.quoted($0) + (prefix ? "*" : "") }
            return phrases.count == 1 ? phrases[0] : "(" + phrases.joined(separator: " OR ") + ")"
        }

        /// PostgreSQL `tsquery`: each phrase's words, as FTS5's tokenizer cuts them, joined by
        /// `<->` (adjacent), the phrases grouped with `|`.
        var tsquery: String {
            let phrases = alternatives.map { phrase -> String in
                var words = FTSTokens.tokens(of: phrase).map(FTSTokens.lexeme)
                if words.isEmpty { words = [FTSTokens.lexeme(phrase)] }
                if prefix { words[words.count - 1] += ":*" }
                return words.count == 1 ? words[0] : "(" + words.joined(separator: " <-> ") + ")"
            }
            return phrases.count == 1 ? phrases[0] : "(" + phrases.joined(separator: " | ") + ")"
        }
    }

    enum Token: Equatable {
        case term(Term)
        case and, or, not, open, close
    }

    indirect enum Node {
        case term(Term)
        case all([Node]), any([Node])
        /// The first without any of the others: `(a NOT b NOT c)`, flat, as FTS5's parser
        /// has a small stack.
        case except(Node, [Node])

        var fts: String {
            switch self {
            case .term(let t): return t.fts
            case .all(let nodes): return nodes.count == 1 ? nodes[0].fts : "(" + nodes.map(\.fts).joined(separator: " AND ") + ")"
            case .any(let nodes): return nodes.count == 1 ? nodes[0].fts : "(" + nodes.map(\.fts).joined(separator: " OR ") + ")"
            case .except(let a, let bs): return "(" + ([a] + bs).map(\.fts).joined(separator: " NOT ") + ")"
            }
        }

        /// The same query as a PostgreSQL `tsquery` (`&`, `|`, `!`, `<->`, `:*`).
        var tsquery: String {
            switch self {
            case .term(let t): return t.tsquery
            case .all(let nodes): return nodes.count == 1 ? nodes[0].tsquery : "(" + nodes.map(\.tsquery).joined(separator: " & ") + ")"
            case .any(let nodes): return nodes.count == 1 ? nodes[0].tsquery : "(" + nodes.map(\.tsquery).joined(separator: " | ") + ")"
            case .except(let a, let bs): return "(" + ([a.tsquery] + bs.map { "!" + $0.tsquery }).joined(separator: " & ") + ")"
            }
        }
    }

    /// Characters that open or close a phrase, in the styles Kyrgyz and Russian text uses.
    static let quotes: Set<Character> = ["\"", "«", "»", "“", "”", "„"]

    static func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    static func hasWord(_ s: String) -> Bool { s.unicodeScalars.contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) } }
    static let edges = CharacterSet.punctuationCharacters.union(.symbols)

    /// Words, phrases, operators and parentheses; terms without a letter or digit are dropped.
    static func tokenize(_ query: String) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(query)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c == "(" { tokens.append(.open); i += 1; continue }
            if c == ")" { tokens.append(.close); i += 1; continue }
            if quotes.contains(c) {
                var j = i + 1
                while j < chars.count, !quotes.contains(chars[j]) { j += 1 }
                let phrase = Folding.fold(String(chars[(i + 1)..<j]))
                i = j + 1
                var prefix = false
                while i < chars.count, chars[i] == "*" { prefix = true; i += 1 }
                if hasWord(phrase) { tokens.append(.term(Term(alternatives: [phrase], prefix: prefix))) }
                continue
            }
            var j = i
            while j < chars.count, !chars[j].isWhitespace, chars[j] != "(", chars[j] != ")", !quotes.contains(chars[j]) { j += 1 }
            let word = String(chars[i..<j])
            i = j
            switch word {
            case "AND": tokens.append(.and); continue
            case "OR": tokens.append(.or); continue
            case "NOT": tokens.append(.not); continue
            default: break
            }
            var stem = Substring(word)
            var prefix = false
            while stem.hasSuffix("*") { stem = stem.dropLast(); prefix = true }
            let folded = Folding.fold(String(stem)).trimmingCharacters(in: edges)
            guard hasWord(folded) else { continue }
            // Enough to refuse the query: no need to analyse the rest of a huge one.
            if tokens.count > 4 * maxTerms { break }
            if prefix {
                tokens.append(.term(Term(alternatives: [folded], prefix: true)))
                continue
            }
            let forms = folded.contains(where: { !$0.isLetter && !$0.isNumber }) ? [folded] : Folding.forms(ofWord: folded)
            tokens.append(.term(Term(alternatives: forms)))
        }
        return tokens
    }

    /// Recursive descent, loosest first: OR, then AND (written or implied by words side by
    /// side), then NOT, as FTS5 ranks them.
    struct Parser {
        let tokens: [Token]
        var k = 0

        var peek: Token? { k < tokens.count ? tokens[k] : nil }

        var startsOperand: Bool {
            switch peek { case .term, .open: return true; default: return false }
        }

        mutating func parseOr(depth: Int) throws -> Node {
            var nodes = [try parseAnd(depth: depth)]
            while peek == .or {
                k += 1
                try expectOperand(after: "OR")
                nodes.append(try parseAnd(depth: depth))
            }
            return .any(nodes)
        }

        mutating func parseAnd(depth: Int) throws -> Node {
            var nodes = [try parseNot(depth: depth)]
            while true {
                if peek == .and {
                    k += 1
                    if peek == .not {
                        // `a AND NOT b` is `a NOT b`.
                        k += 1
                        try expectOperand(after: "NOT")
                        let excluded = try parsePrimary(depth: depth)
                        if nodes.count == 1, case .except(let base, let others) = nodes[0] {
                            nodes = [.except(base, others + [excluded])]
                        } else {
                            nodes = [.except(.all(nodes), [excluded])]
                        }
                        continue
                    }
                    try expectOperand(after: "AND")
                    nodes.append(try parseNot(depth: depth))
                } else if startsOperand {
                    nodes.append(try parseNot(depth: depth))
                } else {
                    break
                }
            }
            return .all(nodes)
        }

        mutating func parseNot(depth: Int) throws -> Node {
            let node = try parsePrimary(depth: depth)
            var excluded: [Node] = []
            while peek == .not {
                k += 1
                try expectOperand(after: "NOT")
                excluded.append(try parsePrimary(depth: depth))
            }
            return excluded.isEmpty ? node : .except(node, excluded)
        }

        mutating func parsePrimary(depth: Int) throws -> Node {
            switch peek {
            case .term(let t)?:
                k += 1
                return .term(t)
            case .open?:
                guard depth < FTSQuery.maxDepth else {
                    throw Failure(description: "it nests parentheses more than \(FTSQuery.maxDepth) deep")
                }
                k += 1
                if peek == .close { throw Failure(description: "`()` holds no words") }
                let inner = try parseOr(depth: depth + 1)
                guard peek == .close else { throw Failure(description: "a `(` is not closed") }
                k += 1
                return inner
            case .not?:
                throw Failure(description: "NOT leaves out what follows it from what comes before it, so it needs words before it")
            case .and?, .or?:
                throw Failure(description: "\(peek == .and ? "AND" : "OR") needs words on both sides")
            case .close?:
                throw Failure(description: "a `)` has no `(` before it")
            case nil:
                throw Failure(description: "it ends too early")
            }
        }

        mutating func expectOperand(after op: String) throws {
            guard startsOperand else {
                if peek == nil { throw Failure(description: "\(op) at the end needs words after it") }
                if peek == .not { throw Failure(description: "NOT cannot follow \(op)") }
                throw Failure(description: "\(op) needs words after it")
            }
        }
    }
}

/// A place as a user types it → canonical names from the place glossary: any language, any
/// case form, with prepositions (`в Бишкеке`, `Бишкектеги`, `Bishkek`). A name the glossary
/// does not know stands for itself.
public enum PlaceResolver {
    public static func canonicalNames(_ place: String, in places: PlaceGlossary?) -> [String] {
        guard let glossary = places?.index else { return [place] }
        var names: [String] = []
        func add(_ values: [PlaceGlossary.Place]) { for v in values where !names.contains(v.canonical) { names.append(v.canonical) } }
        add(glossary.lookup(place))
        if names.isEmpty {
            let text = (try? Normalize.text(place).text.string) ?? place
            let words = Analyze.words(of: text)
            var k = 0
            while k < words.count {
                if let m = glossary.longestMatch(words, at: k) { add(m.values); k = m.end } else { k += 1 }
            }
        }
        return names.isEmpty ? [place] : names
    }
}

/// `jarya search` output.
public enum SearchOutput {
    /// Aligned plain text: id, date, place, title, with a header line.
    public static func table(_ records: [Jarya.Record]) -> String {
        var rows = [["ID", "DATE", "PLACE", "TITLE"]]
        for r in records {
            rows.append([r.id ?? "", dateText(r.event), (r.event?.places ?? []).joined(separator: ", "),
                         (r.title ?? r.event?.title ?? "").replacingOccurrences(of: "\n", with: " ")])
        }
        let widths = (0..<3).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            (0..<3).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) }.joined(separator: "  ")
                + "  " + row[3]
        }.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n") + "\n"
    }

    /// The key fields of each record, one JSON object per line.
    public static func jsonLines(_ records: [Jarya.Record]) throws -> String {
        let encoder = OrderedJSONEncoder()
        return try records.map { r in
            String(decoding: try encoder.encode(KeyFields(r)), as: UTF8.self) + "\n"
        }.joined()
    }

    /// A header and one row per record.
    public static func csv(_ records: [Jarya.Record]) -> String {
        var lines = [CSV.row(["id", "path", "language", "published", "kind", "start", "end", "time", "places", "title"])]
        for r in records {
            let e = r.event
            lines.append(CSV.row([r.id ?? "", r.source.path, r.language ?? "", r.published ?? "", e?.kind ?? "",
                                  e?.start ?? "", e?.end ?? "", e?.time ?? "", (e?.places ?? []).joined(separator: "; "),
                                  r.title ?? e?.title ?? ""]))
        }
        return lines.joined()
    }

    static func dateText(_ e: Jarya.Record.EventRecord?) -> String {
        guard let e, let s = e.start else { return "" }
        guard let end = e.end else { return s + "…" }
        return end == s ? s : s + "…" + end
    }

    /// The fields of a search hit in JSON output; the event as in the record.
    struct KeyFields: Encodable {
        var id: String?
        var path: String
        var language: String?
        var title: String?
        var summary: String?
        var published: String?
        var event: Jarya.Record.EventRecord?

        init(_ r: Jarya.Record) {
            id = r.id
            path = r.source.path
            language = r.language
            title = r.title
            summary = r.summary
            published = r.published
            event = r.event
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(path, forKey: .path)
            try c.encode(language, forKey: .language)
            try c.encode(title, forKey: .title)
            try c.encode(summary, forKey: .summary)
            try c.encode(published, forKey: .published)
            try c.encode(event, forKey: .event)
        }
        enum CodingKeys: String, CodingKey { case id, path, language, title, summary, published, event }
    }
}
