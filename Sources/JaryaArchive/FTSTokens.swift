import Foundation
import GRDB
import Jarya

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
    /// `cutter` (or by SQLite when the cutter cannot) into `words`, a worker's buffer.
    /// `forms` are the forms column's words, cut as if joined with spaces.
    static func tsvector(
        title: String, text: String, forms: [String], cutter: inout WordCutter, words: inout CutWords
    ) -> [UInt8] {
        if !cutter.cut([[title], [text], forms], into: &words) {
            let joined = forms.joined(separator: " ")
            words = CutWords(
                columns: self.words(title: title, text: text, forms: joined).map { $0.map { Array($0.utf8) } })
        }
        return Lexemes(words).binary
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
/// apart), as a `tsvector` holds them: at most 256 positions per word, none past 16,383. The
/// words stay in the `CutWords` buffer they were cut into, found again through an open-addressing
/// table of their bytes: no array or dictionary entry per word.
struct Lexemes {
    /// PostgreSQL's limits on a `tsvector`: bytes per word, bytes of all its words.
    static let longestWord = 2047
    static let mostBytes = (1 << 20) - 1
    /// The seed of the table's hash, drawn once per run: no text can be written to collide.
    static let seed = UInt64.random(in: 0...UInt64.max)
    private let cut: CutWords
    /// Each distinct word's bytes in `cut.bytes`, in the order met.
    private var starts: [Int32] = []
    private var ends: [Int32] = []
    /// Word `n`'s positions are `flat[positionStarts[n]..<positionStarts[n + 1]]`.
    private var flat: [UInt16] = []
    private var positionStarts: [Int32] = [0]

    /// The words of `columns` (tests).
    init(columns: [[[UInt8]]]) { self.init(CutWords(columns: columns)) }

    init(_ cut: CutWords) {
        self.cut = cut
        let total = cut.ends.count
        var capacity = 16
        while capacity < 2 * total { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        var hashes: [UInt64] = []
        var counts: [Int32] = []
        var last: [UInt16] = []
        // For each word met: its distinct word, or -1 when it is left out or its position is not
        // kept (a word's 257th, or a position it already has past the last one PostgreSQL keeps).
        var kept = [Int32](repeating: -1, count: total)
        var positionOf = [UInt16](repeating: 0, count: total)
        hashes.reserveCapacity(total / 2)
        starts.reserveCapacity(total / 2)
        ends.reserveCapacity(total / 2)
        cut.bytes.withUnsafeBytes { raw in
            var base = 0
            var first = 0
            for columnEnd in cut.columnEnds {
                for k in first..<columnEnd {
                    let position = UInt16(min(FTSTokens.maxPosition, base + k - first + 1))
                    let start = cut.start(k), end = Int(cut.ends[k])
                    let word = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                    let hash = WordKey.hash(word, seed: Self.seed)
                    var i = Int(truncatingIfNeeded: hash) & mask
                    var n = -1
                    while slots[i] >= 0 {
                        let m = Int(slots[i])
                        if hashes[m] == hash, Int(ends[m] - starts[m]) == word.count,
                            word.count == 0
                                || memcmp(raw.baseAddress! + Int(starts[m]), word.baseAddress!, word.count) == 0
                        {
                            n = m
                            break
                        }
                        i = (i + 1) & mask
                    }
                    if n < 0 {
                        // A word PostgreSQL refuses would fail the whole batch: one over 2,047 bytes
                        // is left out, as `to_tsvector` leaves it.
                        guard word.count <= Self.longestWord else { continue }
                        n = starts.count
                        slots[i] = Int32(n)
                        hashes.append(hash)
                        starts.append(Int32(start))
                        ends.append(Int32(end))
                        counts.append(0)
                        last.append(0)
                    }
                    if counts[n] < FTSTokens.maxPositionsPerWord, last[n] != position {
                        counts[n] += 1
                        last[n] = position
                        kept[k] = Int32(n)
                        positionOf[k] = position
                    }
                }
                base += columnEnd - first + 1
                first = columnEnd
            }
        }
        // And the words past 1 MiB (with their positions) in all, in a huge release.
        var distinct = starts.count
        var bytes = 0
        for n in 0..<distinct {
            bytes += Int(ends[n] - starts[n]) + 1 + 2 * (Int(counts[n]) + 1)
            if bytes > Self.mostBytes {
                distinct = n
                starts.removeSubrange(n...)
                ends.removeSubrange(n...)
                break
            }
        }
        positionStarts.reserveCapacity(distinct + 1)
        var sum: Int32 = 0
        for n in 0..<distinct {
            sum += counts[n]
            positionStarts.append(sum)
        }
        // Each word's positions in the order met, which is ascending.
        var next = Array(positionStarts.dropLast())
        flat = [UInt16](repeating: 0, count: Int(sum))
        for k in 0..<total {
            let n = Int(kept[k])
            guard n >= 0, n < distinct else { continue }
            flat[Int(next[n])] = positionOf[k]
            next[n] += 1
        }
    }

    /// The distinct words, in the order met.
    var words: [[UInt8]] { starts.indices.map { Array(cut.bytes[Int(starts[$0])..<Int(ends[$0])]) } }

    /// Each word's positions.
    var positions: [[UInt16]] {
        starts.indices.map { Array(flat[Int(positionStarts[$0])..<Int(positionStarts[$0 + 1])]) }
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
        let distinct = starts.count
        var size = 4
        for n in 0..<distinct {
            size += Int(ends[n] - starts[n]) + 3 + 2 * Int(positionStarts[n + 1] - positionStarts[n])
        }
        return cut.bytes.withUnsafeBytes { raw in
            // Each word's first 8 bytes as a big-endian number (zeros past its end) order most pairs
            // as the bytes do without a `memcmp`; words that share them are compared in full.
            let prefixes = (0..<distinct).map { n -> UInt64 in
                let start = Int(starts[n]), count = Int(ends[n]) - start
                var p: UInt64 = 0
                for k in 0..<8 { p = p << 8 | (k < count ? UInt64(raw[start + k]) : 0) }
                return p
            }
            let order = (0..<distinct).sorted { a, b in
                if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] }
                let x = Int(ends[a] - starts[a]), y = Int(ends[b] - starts[b])
                let common = min(x, y)
                let c =
                    common == 0
                    ? 0 : memcmp(raw.baseAddress! + Int(starts[a]), raw.baseAddress! + Int(starts[b]), common)
                return c != 0 ? c < 0 : x < y
            }
            return [UInt8](unsafeUninitializedCapacity: size) { out, written in
                var w = 0
                func put16(_ v: UInt16) {
                    out[w] = UInt8(truncatingIfNeeded: v >> 8)
                    out[w + 1] = UInt8(truncatingIfNeeded: v)
                    w += 2
                }
                let count = UInt32(distinct)
                put16(UInt16(truncatingIfNeeded: count >> 16))
                put16(UInt16(truncatingIfNeeded: count))
                for n in order {
                    let start = Int(starts[n]), length = Int(ends[n]) - start
                    if length > 0 {
                        UnsafeMutableRawPointer(out.baseAddress! + w).copyMemory(
                            from: raw.baseAddress! + start, byteCount: length)
                    }
                    w += length
                    out[w] = 0
                    w += 1
                    let p0 = Int(positionStarts[n]), p1 = Int(positionStarts[n + 1])
                    put16(UInt16(p1 - p0))
                    for p in p0..<p1 { put16(flat[p]) }
                }
                written = w
            }
        }
    }
}
