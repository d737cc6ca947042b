import Foundation
import GRDB

/// The words of folded text exactly as the SQLite archive's FTS5 table cuts them (its
/// `unicode61 remove_diacritics 2` tokenizer, asked through an in-memory FTS5 table and its
/// `fts5vocab` view), so that the PostgreSQL archive's `tsvector` holds the same words at the
/// same positions and both archives find the same documents: no second tokenizer to keep in
/// step with SQLite's.
public enum FTSTokens {
    /// In-memory databases with the FTS5 table, one per thread at work (index batches are
    /// prepared on every core); each is used by one caller at a time.
    private static let pool = ScratchPool()

    final class ScratchPool: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [DatabaseQueue] = []

        func take() -> DatabaseQueue? {
            lock.lock()
            if let queue = idle.popLast() { lock.unlock(); return queue }
            lock.unlock()
            guard let queue = try? DatabaseQueue() else { return nil }
            do {
                try queue.write { db in
                    try db.execute(
                        sql: """
                            CREATE VIRTUAL TABLE cut USING fts5(title, text, forms, content = '', tokenize = 'unicode61 remove_diacritics 2');
                            CREATE VIRTUAL TABLE cut_words USING fts5vocab(cut, 'instance');
                            """)
                }
            } catch { return nil }
            return queue
        }

        func give(_ queue: DatabaseQueue) { lock.lock(); idle.append(queue); lock.unlock() }
    }

    /// The words of each column, in order: `columns[c]` is the list for the column `c` (title,
    /// text, forms).
    public static func words(title: String, text: String, forms: String) -> [[String]] {
        guard let scratch = pool.take() else { return [[], [], []] }
        defer { pool.give(scratch) }
        return
            (try? scratch.write { db -> [[String]] in
                try db.execute(
                    sql: "INSERT INTO cut (rowid, title, text, forms) VALUES (1, ?, ?, ?)",
                    arguments: [title, text, forms])
                // Contentless: emptied at once, without cutting the text a second time as a DELETE would.
                defer { try? db.execute(sql: "INSERT INTO cut (cut) VALUES ('delete-all')") }
                var columns: [[String]] = [[], [], []]
                let rows = try Row.fetchAll(
                    db, sql: "SELECT term, col, \"offset\" FROM cut_words ORDER BY col, \"offset\"")
                let names = ["title": 0, "text": 1, "forms": 2]
                for row in rows {
                    guard let c = names[row["col"] as String? ?? ""] else { continue }
                    columns[c].append(row["term"])
                }
                return columns
            }) ?? [[], [], []]
    }

    /// The words of one folded query phrase.
    public static func tokens(of phrase: String) -> [String] {
        words(title: phrase, text: "", forms: "")[0]
    }

    /// PostgreSQL keeps positions 1…16383 and at most 256 positions per word.
    static let maxPosition = 16383
    static let maxPositionsPerWord = 256

    /// A `tsvector` literal of the three columns: each word with its positions, the columns one
    /// position apart so that a phrase never spans two of them (as in FTS5). Positions past
    /// PostgreSQL's limit are clamped to it, as PostgreSQL itself does.
    public static func tsvector(title: String, text: String, forms: String) -> String {
        Lexemes(columns: words(title: title, text: text, forms: forms).map { $0.map { Array($0.utf8) } }).literal
    }

    /// The same `tsvector` in PostgreSQL's binary format (`Lexemes.binary`), the words cut by
    /// `cutter` (or by SQLite when the cutter cannot).
    static func tsvector(title: String, text: String, forms: String, cutter: inout WordCutter) -> [UInt8] {
        let columns =
            cutter.words([title, text, forms])
            ?? words(title: title, text: text, forms: forms).map { $0.map { Array($0.utf8) } }
        return Lexemes(columns: columns).binary
    }

    /// A word quoted for `tsvector` and `tsquery` literals.
    public static func lexeme(_ word: String) -> String {
        // Most words need no escaping; Foundation's replacing is slow on Linux.
        guard word.utf8.contains(where: { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\\") }) else {
            return "'" + word + "'"
        }
        return "'" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }
}

/// A document's distinct words with their positions (1-based, across the columns one position
/// apart), as a `tsvector` holds them: at most 256 positions per word, none past 16,383.
struct Lexemes {
    /// PostgreSQL's limits on a `tsvector`: bytes per word, bytes of all its words.
    static let longestWord = 2047
    static let mostBytes = (1 << 20) - 1
    private(set) var words: [[UInt8]] = []
    private(set) var positions: [[UInt16]] = []

    init(columns: [[[UInt8]]]) {
        // Keyed by bytes, as FTS5 compares words: no Unicode-aware string hashing.
        var slot: [ByteKey: Int] = [:]
        slot.reserveCapacity(columns.reduce(0) { $0 + $1.count } / 2)
        var base = 0
        for column in columns {
            for (k, word) in column.enumerated() {
                let position = UInt16(min(FTSTokens.maxPosition, base + k + 1))
                let n: Int
                let key = ByteKey(word)
                if let known = slot[key] {
                    n = known
                } else {
                    // A word PostgreSQL refuses would fail the whole batch: one over 2,047 bytes
                    // is left out, as `to_tsvector` leaves it.
                    guard word.count <= Self.longestWord else { continue }
                    n = words.count
                    slot[key] = n
                    words.append(word)
                    positions.append([])
                }
                if positions[n].count < FTSTokens.maxPositionsPerWord, positions[n].last != position {
                    positions[n].append(position)
                }
            }
            base += column.count + 1
        }
        // And the words past 1 MiB (with their positions) in all, in a huge release.
        var bytes = 0
        for n in words.indices {
            bytes += words[n].count + 1 + 2 * (positions[n].count + 1)
            if bytes > Self.mostBytes {
                words.removeSubrange(n...)
                positions.removeSubrange(n...)
                break
            }
        }
    }

    /// The text form: `'word':1,5 'other':2`, words in the order met.
    var literal: String {
        var literal = ""
        for (n, word) in words.enumerated() {
            if n > 0 { literal += " " }
            literal += FTSTokens.lexeme(String(decoding: word, as: UTF8.self))
            literal += ":"
            literal += positions[n].map(String.init).joined(separator: ",")
        }
        return literal
    }

    /// PostgreSQL's binary `tsvector` (what `tsvectorrecv` reads): the count, then each word in
    /// byte order, NUL-terminated, with its position count and positions (weight D, 0). Sorted
    /// and distinct, so the server neither parses text nor sorts.
    var binary: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(words.indices.reduce(4) { $0 + words[$1].count + 3 + 2 * positions[$1].count })
        func put16(_ v: UInt16) {
            out.append(UInt8(truncatingIfNeeded: v >> 8))
            out.append(UInt8(truncatingIfNeeded: v))
        }
        let count = UInt32(words.count)
        put16(UInt16(truncatingIfNeeded: count >> 16))
        put16(UInt16(truncatingIfNeeded: count))
        // Each word's first 8 bytes as a big-endian number (zeros past its end) order most pairs
        // as the bytes do without a `memcmp`; words that share them are compared in full.
        let prefixes = words.map { word in
            (0..<8).reduce(UInt64(0)) { p, k in p << 8 | (k < word.count ? UInt64(word[k]) : 0) }
        }
        let order = words.indices.sorted { a, b in
            prefixes[a] != prefixes[b] ? prefixes[a] < prefixes[b] : ByteKey.precedes(words[a], words[b])
        }
        for n in order {
            out.append(contentsOf: words[n])
            out.append(0)
            put16(UInt16(positions[n].count))
            for p in positions[n] { put16(p) }
        }
        return out
    }
}
