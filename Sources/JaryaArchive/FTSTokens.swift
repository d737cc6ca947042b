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
        let columns = words(title: title, text: text, forms: forms)
        var slot: [String: Int] = [:]
        var order: [String] = []
        var positions: [[Int]] = []
        var base = 0
        for words in columns {
            for (k, word) in words.enumerated() {
                let position = min(maxPosition, base + k + 1)
                let n: Int
                if let known = slot[word] {
                    n = known
                } else {
                    n = order.count
                    slot[word] = n
                    order.append(word)
                    positions.append([])
                }
                if positions[n].count < maxPositionsPerWord, positions[n].last != position {
                    positions[n].append(position)
                }
            }
            base += words.count + 1
        }
        var literal = ""
        for (n, word) in order.enumerated() {
            if n > 0 { literal += " " }
            literal += lexeme(word)
            literal += ":"
            literal += positions[n].map(String.init).joined(separator: ",")
        }
        return literal
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
