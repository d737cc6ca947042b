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
    /// The endings' last bytes, one bit each: a word whose last byte is none of them (most words,
    /// for most lists) is answered by one test.
    private let lastBytes: (UInt64, UInt64, UInt64, UInt64)

    init(_ endings: [String]) {
        precondition(endings.allSatisfy { $0.utf8.count <= 8 }, "an ending longer than 8 bytes")
        self.endings = endings
        values = endings.map { $0.utf8.reduce(0) { $0 << 8 | UInt64($1) } }
        lengths = endings.map(\.utf8.count)
        masks = lengths.map { $0 == 8 ? ~0 : (1 << UInt64(8 * $0)) - 1 }
        var last: [UInt64] = [0, 0, 0, 0]
        for e in endings { if let b = e.utf8.last { last[Int(b >> 6)] |= 1 << UInt64(b & 63) } }
        lastBytes = (last[0], last[1], last[2], last[3])
    }

    @inline(__always)
    private func mayEnd(with byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = lastBytes.0
        case 1: word = lastBytes.1
        case 2: word = lastBytes.2
        default: word = lastBytes.3
        }
        return word & (1 << UInt64(byte & 63)) != 0
    }

    /// Whether `word` ends with one of the endings (`endings.contains { word.endsWith($0) }`).
    func matches(_ word: String) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { b in
            let n = b.count
            guard n > 0, mayEnd(with: b[n - 1]) else { return false }
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

/// A bit table of words by their byte length and first and last four bytes (for Cyrillic, the
/// first and last two letters): a word it does not hold is in no set it was made from, answered
/// without hashing the whole word. Most words of a text are no head noun, acronym nor a
/// glossary name's first word.
struct WordFilter: Sendable {
    private var bits: [UInt64]
    /// How many bits the table has, as a power of two.
    private let shift: UInt64

    /// A table of `2^log2Bits` bits: about 20 times the number of words keeps it sparse.
    init(log2Bits: Int = 13) {
        bits = [UInt64](repeating: 0, count: 1 << (log2Bits - 6))
        shift = UInt64(64 - log2Bits)
    }
    init<S: Sequence>(_ words: S, log2Bits: Int = 13) where S.Element == String {
        self.init(log2Bits: log2Bits)
        for w in words { insert(w) }
    }

    mutating func insert(_ word: String) {
        let b = Array(word.utf8).withUnsafeBufferPointer { bit($0) }
        bits[b >> 6] |= 1 << UInt64(b & 63)
    }

    /// False when `word` is surely none of the words inserted.
    @inline(__always)
    func mayContain(_ word: String) -> Bool {
        guard let b = word.utf8.withContiguousStorageIfAvailable({ bit($0) }) else { return true }
        return bits[b >> 6] & (1 << UInt64(b & 63)) != 0
    }

    /// The word's bit: its length and its first and last four bytes (two loads), mixed.
    @inline(__always)
    private func bit(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = b.count
        var key = UInt64(n)
        if n >= 4 {
            let raw = UnsafeRawBufferPointer(b)
            let head = raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)
            let tail = raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            key = (key << 32 | UInt64(head)) &* 0x100_0000_01B3 ^ UInt64(tail)
        } else {
            for x in b { key = key << 8 | UInt64(x) }
        }
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)  // the top bits
    }
}

/// A list of word beginnings, for "does the word start with one of them": each is compared only
/// when its first two bytes (for Cyrillic, its first letter) are the word's.
struct BytePrefixes: Sendable {
    private let prefixes: [[UInt8]]
    /// The prefixes' first two bytes, each once: most words start otherwise and are answered here.
    private let starts: [(UInt8, UInt8)]

    init(_ prefixes: [String]) {
        precondition(prefixes.allSatisfy { $0.utf8.count >= 2 }, "a prefix shorter than 2 bytes")
        self.prefixes = prefixes.map { Array($0.utf8) }
        var starts: [(UInt8, UInt8)] = []
        for p in self.prefixes where !starts.contains(where: { $0 == (p[0], p[1]) }) { starts.append((p[0], p[1])) }
        self.starts = starts
    }

    /// Whether `word` starts with one of the prefixes (`prefixes.contains { word.startsWith($0) }`).
    func matches(_ word: String) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { b in
            guard b.count >= 2, starts.contains(where: { $0 == (b[0], b[1]) }) else { return false }
            return prefixes.contains { p in
                p.count <= b.count && p[0] == b[0] && p[1] == b[1] && p.indices.allSatisfy { p[$0] == b[$0] }
            }
        } ?? prefixes.contains { word.utf8.starts(with: $0) }
    }
}
