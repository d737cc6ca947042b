/// String operations the recognizers run millions of times, done on UTF-8 bytes.
///
/// Swift's `String` is Unicode-correct by canonical equivalence: `==`, `hasPrefix`, `hasSuffix`
/// and hashing normalize non-ASCII text on the fly, and `lowercased()` goes through the full
/// Unicode case tables. Jarya's text is NFC by the Normalize stage and glossary cells are made
/// NFC as they are read (`TSVTable.nfc`), so comparing bytes gives the same answers at a
/// fraction of the cost. The profile showed these calls as a third of the pipeline's instructions.
extension StringProtocol {
    /// `hasPrefix` on UTF-8 bytes (both sides NFC).
    @inlinable
    func startsWith(_ prefix: some StringProtocol) -> Bool {
        utf8Compare(prefix) { a, b in a.count >= b.count && bytesEqual(a, 0, b) } ?? utf8.starts(with: prefix.utf8)
    }

    /// `hasSuffix` on UTF-8 bytes (both sides NFC).
    @inlinable
    func endsWith(_ suffix: some StringProtocol) -> Bool {
        utf8Compare(suffix) { a, b in a.count >= b.count && bytesEqual(a, a.count - b.count, b) }
            ?? (utf8.count >= suffix.utf8.count && utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8))
    }

    /// `==` on UTF-8 bytes (both sides NFC).
    @inlinable
    func sameBytes(_ other: some StringProtocol) -> Bool {
        utf8Compare(other) { a, b in a.count == b.count && bytesEqual(a, 0, b) } ?? utf8.elementsEqual(other.utf8)
    }

    /// Whether `part` occurs in the string, on UTF-8 bytes (Foundation's `contains` on a string
    /// goes through `range(of:)` with locale-aware comparison).
    func includes(_ part: some StringProtocol) -> Bool {
        func search(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
            guard b.count <= a.count else { return false }
            if b.isEmpty { return true }
            for offset in 0...(a.count - b.count) where a[offset] == b[0] && bytesEqual(a, offset, b) { return true }
            return false
        }
        return utf8Compare(part, search)
            ?? Array(utf8).withUnsafeBufferPointer { a in Array(part.utf8).withUnsafeBufferPointer { b in search(a, b) }
            }
    }

    /// Both strings' UTF-8 buffers, when both are contiguous (native strings always are).
    @inlinable
    func utf8Compare(
        _ other: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool? {
        utf8.withContiguousStorageIfAvailable { a in other.utf8.withContiguousStorageIfAvailable { b in body(a, b) } }
            ?? nil
    }
}

/// Whether `a[offset...]` starts with all of `b`.
@inlinable @inline(__always)
func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ offset: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < b.count {
        if a[offset + i] != b[i] { return false }
        i += 1
    }
    return true
}

extension String {
    /// A string made from scalars, encoded to UTF-8 in one pass. (`String.UnicodeScalarView`'s
    /// `append(contentsOf:)` appends one scalar at a time through generic code.)
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var length = 0
        for s in scalars { length += UTF8.width(s) }
        if length == 0 { self = ""; return }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            var k = 0
            for s in scalars { k += UTF8Bytes.write(s.value, into: buffer, at: k) }
            return k
        }
    }

    /// The same as `lowercased()`, with ASCII and Cyrillic (U+0400–U+04FF) mapped by range and
    /// the string itself returned when it has no capital. Any other letter falls back to
    /// `lowercased()`.
    func fastLowercased() -> String { lowered(foldingYo: false) }

    /// Lower case with ё as е, as the glossaries spell words.
    func foldedLowercase() -> String { lowered(foldingYo: true) }

    private func lowered(foldingYo: Bool) -> String {
        // Every scalar the ranges handle keeps its UTF-8 length in lower case, so the work is
        // done on the bytes: one pass to see whether anything changes, one to write.
        if let unchanged = utf8.withContiguousStorageIfAvailable({
            Self.isLowerASCIIOrBasicCyrillic($0, foldingYo: foldingYo)
        }),
            unchanged
        {
            return self
        }
        var text = self
        let result: String?? = text.withUTF8 { bytes in
            var changes = false
            var i = 0
            while i < bytes.count {
                guard let (s, width) = Self.scalar(in: bytes, at: i), let l = s.lowercaseByRange(foldingYo: foldingYo)
                else { return nil }
                if l != s { changes = true }
                i += width
            }
            guard changes else { return .some(nil) }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var i = 0
                while i < bytes.count {
                    let (s, _) = Self.scalar(in: bytes, at: i)!
                    // The lower case has the same UTF-8 width (see `lowercaseByRange`).
                    i += UTF8Bytes.write(s.lowercaseByRange(foldingYo: foldingYo)!.value, into: out, at: i)
                }
                return bytes.count
            }
        }
        switch result {
        case nil: return foldingYo ? Self.foldYo(lowercased()) : lowercased()  // a letter outside the ranges
        case .some(nil): return self  // nothing to change
        case .some(let lowered?): return lowered
        }
    }

    /// Whether the bytes are lower-case ASCII and basic Cyrillic only (U+0430–U+047F less Ѡ…,
    /// and less ё when folding), the usual word: decided on the bytes without decoding, so that
    /// a word with nothing to change costs a glance.
    @inline(__always)
    private static func isLowerASCIIOrBasicCyrillic(_ b: UnsafeBufferPointer<UInt8>, foldingYo: Bool) -> Bool {
        var i = 0
        while i < b.count {
            let b0 = b[i]
            if b0 < 0x80 {
                if b0 >= 0x41 && b0 <= 0x5A { return false }
                i += 1
                continue
            }
            guard i + 1 < b.count else { return false }
            let b1 = b[i + 1]
            switch b0 {
            case 0xD0 where b1 >= 0xB0: break  // а…п
            case 0xD1 where b1 <= 0x9F && !(foldingYo && b1 == 0x91): break  // р…я, ѐ…џ
            default: return false
            }
            i += 2
        }
        return true
    }

    /// The scalar of one-, two- or three-byte UTF-8 at `i` and its width (four-byte scalars are
    /// outside the ranges handled here).
    @inline(__always)
    private static func scalar(in b: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        let b0 = UInt32(b[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 { return Unicode.Scalar(((b0 & 0x1F) << 6) | (UInt32(b[i + 1]) & 0x3F)).map { ($0, 2) } }
        if b0 < 0xF0 {
            return Unicode.Scalar(((b0 & 0x0F) << 12) | ((UInt32(b[i + 1]) & 0x3F) << 6) | (UInt32(b[i + 2]) & 0x3F))
                .map { ($0, 3) }
        }
        return nil
    }

    private static func foldYo(_ s: String) -> String {
        guard s.unicodeScalars.contains("ё") else { return s }
        return String(scalars: s.unicodeScalars.lazy.map { $0 == "ё" ? "е" : $0 })
    }

}

extension Unicode.Scalar {
    /// The lower case by range for ASCII, Latin-1 signs, Cyrillic (U+0400–U+04FF) and general
    /// punctuation, with ё as е when `foldingYo`; nil outside those ranges (ask the Unicode
    /// tables). Every answer has the scalar's own UTF-8 width, which `lowered` relies on.
    @inline(__always)
    func lowercaseByRange(foldingYo: Bool = false) -> Unicode.Scalar? {
        let v = value
        var l: UInt32
        switch v {
        case 0x41...0x5A: l = v + 0x20
        case 0...0x7F, 0xA0...0xBF, 0x2000...0x20FF: return self
        case 0x410...0x42F: l = v + 0x20
        case 0x400...0x40F: l = v + 0x50
        case 0x430...0x45F: l = v
        // Kyrgyz and other Cyrillic letters come in pairs: capital (even), then small (ң after Ң) ...
        case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x4FF: l = v | 1
        case 0x482...0x489, 0x4CF: l = v
        case 0x4C0: l = 0x4CF
        // ... but for Ӂ…ӎ the capital is the odd one.
        case 0x4C1...0x4CE: l = v % 2 == 1 ? v + 1 : v
        default: return nil
        }
        if foldingYo && l == 0x451 { l = 0x435 }
        return Unicode.Scalar(l)
    }
}

/// UTF-8 encoding of one scalar into a buffer.
enum UTF8Bytes {
    /// Writes scalar value `v` at `k` and returns the number of bytes written.
    @inline(__always)
    static func write(_ v: UInt32, into buffer: UnsafeMutableBufferPointer<UInt8>, at k: Int) -> Int {
        switch v {
        case 0..<0x80:
            buffer[k] = UInt8(v)
            return 1
        case 0x80..<0x800:
            buffer[k] = UInt8(0xC0 | (v >> 6)); buffer[k + 1] = UInt8(0x80 | (v & 0x3F))
            return 2
        case 0x800..<0x10000:
            buffer[k] = UInt8(0xE0 | (v >> 12)); buffer[k + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            buffer[k + 2] = UInt8(0x80 | (v & 0x3F))
            return 3
        default:
            buffer[k] = UInt8(0xF0 | (v >> 18)); buffer[k + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
            buffer[k + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); buffer[k + 3] = UInt8(0x80 | (v & 0x3F))
            return 4
        }
    }
}

/// FNV-1a, 64-bit: a hash that is the same in every run (Swift's `Hasher` is seeded per
/// process), for the translation linker's signatures and the function-word lists.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf29ce484222325

    @inline(__always)
    mutating func add(_ n: UInt64) { value = (value ^ n) &* 0x100000001b3 }

    static func hash(utf8 text: String) -> UInt64 {
        var h = FNV1a()
        for b in text.utf8 { h.add(UInt64(b)) }
        return h.value
    }
}

extension String {
    /// `split(separator:omittingEmptySubsequences:)` for an ASCII separator, cut on the UTF-8
    /// bytes: splitting on Characters finds grapheme boundaries first, some hundred instructions a
    /// character. The parts are the same wherever no combining mark follows a separator.
    func split(byte separator: Unicode.Scalar, omittingEmptySubsequences: Bool = true) -> [Substring] {
        precondition(separator.isASCII, "an ASCII separator")
        return utf8.split(separator: UInt8(separator.value), omittingEmptySubsequences: omittingEmptySubsequences)
            .map { Substring($0) }
    }
}

/// A dictionary key that hashes and compares a string's UTF-8 bytes (see above: both sides NFC).
public struct WordKey: Hashable, Sendable {
    public let string: String
    public init(_ string: String) { self.string = string }

    public static func == (a: WordKey, b: WordKey) -> Bool { a.string.sameBytes(b.string) }

    public func hash(into hasher: inout Hasher) { hasher.combine(_rawHashValue(seed: 0)) }

    /// What `Set` and `Dictionary` ask for: a hash of the bytes eight at a time, with the table's
    /// seed. SipHash (`Hasher`) took about 300 instructions a look-up, 6 % of the pipeline's.
    public func _rawHashValue(seed: Int) -> Int {
        Int(truncatingIfNeeded: Self.hash(string, seed: UInt64(truncatingIfNeeded: seed)))
    }

    static func hash(_ string: String, seed: UInt64) -> UInt64 {
        string.utf8.withContiguousStorageIfAvailable { hash(UnsafeRawBufferPointer($0), seed: seed) }
            ?? Array(string.utf8).withUnsafeBytes { hash($0, seed: seed) }
    }

    /// The hash of a block of bytes with a table's seed: for other byte keys (the archive's words),
    /// so that they hash as cheaply as a `WordKey`.
    @inline(__always)
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let n = bytes.count
        var h = (seed ^ 0x243F_6A88_85A3_08D3) &+ UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 8 <= n {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        if i < n {
            withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[i..<n])) }
        }
        // splitmix64's finalizer: every input bit moves every output bit (the table uses the low ones).
        var z = h ^ tail
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A set of words that hashes and compares UTF-8 bytes (see `WordKey`): the function-word,
/// stop-word and head lists every token is checked against.
public struct WordSet: ExpressibleByArrayLiteral, Sendable {
    private var keys: Set<WordKey> = []
    /// The length of the longest word, in UTF-8 bytes: a longer word need not be looked up.
    public private(set) var longest = 0

    public init(arrayLiteral words: String...) { self.init(words) }
    public init<S: Sequence>(_ words: S) where S.Element == String { for w in words { insert(w) } }

    public func contains(_ word: String) -> Bool { word.utf8.count <= longest && keys.contains(WordKey(word)) }
    public mutating func insert(_ word: String) {
        keys.insert(WordKey(word))
        longest = max(longest, word.utf8.count)
    }
    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }
}

/// A dictionary keyed by words that hashes and compares UTF-8 bytes (see `WordKey`).
public struct WordMap<Value: Sendable>: Sendable {
    private var storage: [WordKey: Value] = [:]

    public init() {}

    public subscript(word: String) -> Value? {
        get { storage[WordKey(word)] }
        set { storage[WordKey(word)] = newValue }
    }

    public subscript(word: String, default value: @autoclosure () -> Value) -> Value {
        get { storage[WordKey(word), default: value()] }
        _modify { yield &storage[WordKey(word), default: value()] }
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }
    public var keys: [String] { storage.keys.map(\.string) }
    public var values: Dictionary<WordKey, Value>.Values { storage.values }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars of `text`, decoded from its UTF-8 in two tight passes (count, then decode):
    /// `Array(text.unicodeScalars)` counted and copied through generic code, about 60
    /// instructions a scalar. A `String` holds valid UTF-8, so every sequence is whole. For long
    /// texts (a document, a glossary name): on a short word the array's allocation dominates
    /// and callgrind showed no gain, so words keep `Array(_:)`.
    init(scalarsOf text: String) {
        var text = text
        self = text.withUTF8 { b in
            var count = 0
            for byte in b where byte & 0xC0 != 0x80 { count += 1 }
            // Made uninitialized: every element is written below.
            return [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, made in
                var i = 0, k = 0
                while i < b.count {
                    let b0 = UInt32(b[i])
                    let v: UInt32
                    if b0 < 0x80 {
                        v = b0
                        i += 1
                    } else if b0 < 0xE0 {
                        v = (b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                        i += 2
                    } else if b0 < 0xF0 {
                        v = (b0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                        i += 3
                    } else {
                        v =
                            (b0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                            | UInt32(b[i + 3] & 0x3F)
                        i += 4
                    }
                    (out.baseAddress! + k).initialize(to: Unicode.Scalar(v).unsafelyUnwrapped)
                    k += 1
                }
                made = k
            }
        }
    }
}
