/// A list of word endings of at most 8 UTF-8 bytes, each packed in an integer, so that "does the
/// word end in one of them" is a few integer comparisons on its last bytes. `endsWith` called per
/// ending cost about 60 instructions each, and the rules try lists of 8 to 40 endings on every
/// word of a name. Both sides are NFC (see `FastText`), so a byte suffix is a suffix.
struct ByteEndings: Sendable {
    /// The endings as written, for a string without contiguous UTF-8 (none in practice).
    let endings: [String]
    /// Each ending's bytes, the last byte lowest, and the mask of its length.
    private let values: [UInt64]
    private let masks: [UInt64]
    private let lengths: [Int]

    init(_ endings: [String]) {
        precondition(endings.allSatisfy { $0.utf8.count <= 8 }, "an ending longer than 8 bytes")
        self.endings = endings
        values = endings.map { $0.utf8.reduce(0) { $0 << 8 | UInt64($1) } }
        lengths = endings.map(\.utf8.count)
        masks = lengths.map { $0 == 8 ? ~0 : (1 << UInt64(8 * $0)) - 1 }
    }

    /// Whether `word` ends with one of the endings (`endings.contains { word.endsWith($0) }`).
    func matches(_ word: String) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { b in
            let n = b.count
            // The last (up to) 8 bytes, the last byte lowest.
            var last: UInt64 = 0
            var i = n > 8 ? n - 8 : 0
            while i < n {
                last = last << 8 | UInt64(b[i])
                i += 1
            }
            for k in values.indices where lengths[k] <= n && last & masks[k] == values[k] { return true }
            return false
        } ?? endings.contains { word.endsWith($0) }
    }
}

/// A bit table of words by their byte length and first and last two bytes (for Cyrillic, the
/// first and last letters): a word it does not hold is in no set it was made from, answered
/// without hashing the word. Most words of a text are no head noun nor acronym.
struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 128)  // 8,192 bits

    init() {}
    init<S: Sequence>(_ words: S) where S.Element == String { for w in words { insert(w) } }

    mutating func insert(_ word: String) {
        let b = Self.bit(Array(word.utf8))
        bits[b >> 6] |= 1 << UInt64(b & 63)
    }

    /// False when `word` is surely none of the words inserted.
    @inline(__always)
    func mayContain(_ word: String) -> Bool {
        guard let b = word.utf8.withContiguousStorageIfAvailable({ Self.bit($0) }) else { return true }
        return bits[b >> 6] & (1 << UInt64(b & 63)) != 0
    }

    @inline(__always)
    private static func bit<C: RandomAccessCollection>(_ b: C) -> Int where C.Element == UInt8, C.Index == Int {
        let n = b.count
        guard n >= 2 else { return n == 0 ? 0 : Int(b[b.startIndex]) }
        let s = b.startIndex
        let key =
            UInt64(n) | UInt64(b[s]) << 8 | UInt64(b[s + 1]) << 16 | UInt64(b[s + n - 2]) << 24
            | UInt64(b[s + n - 1]) << 32
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 51)  // the top 13 bits
    }
}

/// A list of word beginnings, for "does the word start with one of them": each is compared only
/// when its first two bytes (for Cyrillic, its first letter) are the word's.
struct BytePrefixes: Sendable {
    private let prefixes: [[UInt8]]

    init(_ prefixes: [String]) {
        precondition(prefixes.allSatisfy { $0.utf8.count >= 2 }, "a prefix shorter than 2 bytes")
        self.prefixes = prefixes.map { Array($0.utf8) }
    }

    /// Whether `word` starts with one of the prefixes (`prefixes.contains { word.startsWith($0) }`).
    func matches(_ word: String) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { b in
            prefixes.contains { p in
                p.count <= b.count && p[0] == b[0] && p[1] == b[1] && p.indices.allSatisfy { p[$0] == b[$0] }
            }
        } ?? prefixes.contains { word.utf8.starts(with: $0) }
    }
}
