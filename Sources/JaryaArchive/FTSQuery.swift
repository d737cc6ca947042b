import Foundation

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
    public static let howTo =
        "Write words (all must match), \"a phrase\", a prefix*, and AND, OR, NOT and parentheses, as in: бишкек NOT (семинар OR тренинг)"

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
            throw ArchiveError(
                "search: cannot read the query `\(text.replacingOccurrences(of: "\n", with: " "))`: \(failure). "
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
            case .all(let nodes):
                return nodes.count == 1 ? nodes[0].fts : "(" + nodes.map(\.fts).joined(separator: " AND ") + ")"
            case .any(let nodes):
                return nodes.count == 1 ? nodes[0].fts : "(" + nodes.map(\.fts).joined(separator: " OR ") + ")"
            case .except(let a, let bs): return "(" + ([a] + bs).map(\.fts).joined(separator: " NOT ") + ")"
            }
        }

        /// The same query as a PostgreSQL `tsquery` (`&`, `|`, `!`, `<->`, `:*`).
        var tsquery: String {
            switch self {
            case .term(let t): return t.tsquery
            case .all(let nodes):
                return nodes.count == 1 ? nodes[0].tsquery : "(" + nodes.map(\.tsquery).joined(separator: " & ") + ")"
            case .any(let nodes):
                return nodes.count == 1 ? nodes[0].tsquery : "(" + nodes.map(\.tsquery).joined(separator: " | ") + ")"
            case .except(let a, let bs):
                return "(" + ([a.tsquery] + bs.map { "!" + $0.tsquery }).joined(separator: " & ") + ")"
            }
        }
    }

    /// Characters that open or close a phrase, in the styles Kyrgyz and Russian text uses.
    static let quotes: Set<Character> = ["\"", "«", "»", "“", "”", "„"]

    static func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    static func hasWord(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
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
            while j < chars.count, !chars[j].isWhitespace, chars[j] != "(", chars[j] != ")", !quotes.contains(chars[j])
            { j += 1 }
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
            let forms =
                folded.contains(where: { !$0.isLetter && !$0.isNumber }) ? [folded] : Folding.forms(ofWord: folded)
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
            switch peek {
            case .term, .open: return true;
            default: return false
            }
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
                throw Failure(
                    description: "NOT leaves out what follows it from what comes before it, so it needs words before it"
                )
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
