import Foundation

/// A cursor over the bytes of one JSON text; every read returns nil (or false) on anything
/// it does not take, leaving the line to `JSONDecoder`.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: Members

    /// Stores a required member's value; false when it is missing, wrong, or given twice.
    static func set<T>(_ slot: inout T?, _ value: T?) -> Bool {
        guard slot == nil, let value else { return false }
        slot = value
        return true
    }

    /// Stores an optional member (`null` is nil); false when it is wrong or given twice.
    mutating func setOptional<T>(_ slot: inout Member<T>, _ read: (inout JSONScanner) -> T?) -> Bool {
        guard !slot.isSet else { return false }
        if null() { slot = Member(isSet: true, value: nil); return true }
        guard let value = read(&self) else { return false }
        slot = Member(isSet: true, value: value)
        return true
    }

    /// `{ "key": value, … }`, `body` reading each value; false on anything else, on a key with
    /// an escape, or when `body` is.
    mutating func object(_ body: (StaticKey, inout JSONScanner) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = key(), take(UInt8(ascii: ":")), body(key, &self) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    /// `[ element, … ]`; nil on anything else or when an element is.
    mutating func array<T>(_ element: (inout JSONScanner) -> T?) -> [T]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var result: [T] = []
        if take(UInt8(ascii: "]")) { return result }
        repeat {
            guard let value = element(&self) else { return nil }
            result.append(value)
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? result : nil
    }

    // MARK: Values

    /// A member's key, without escapes, valid UTF-8 (the line may be stored as it is).
    mutating func key() -> StaticKey? {
        skipSpace()
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
        let start = at + 1
        var end = start
        var ascii = true
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
            if bytes[end] == UInt8(ascii: "\\") || bytes[end] < 0x20 { return nil }
            if bytes[end] >= 0x80 { ascii = false }
            end += 1
        }
        guard end < bytes.count else { return nil }
        at = end + 1
        let key = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard ascii || Self.utf8(key) != nil else { return nil }
        return StaticKey(bytes: key)
    }

    /// A string: runs without escapes copied whole, the escapes JSON has decoded; nil for a
    /// control character, half a surrogate pair, or bytes that are not UTF-8.
    mutating func string() -> String? {
        skipSpace()
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
        at += 1
        let start = at
        while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\"), bytes[at] >= 0x20 {
            at += 1
        }
        guard at < bytes.count else { return nil }
        if bytes[at] == UInt8(ascii: "\"") {
            at += 1
            return Self.utf8(UnsafeBufferPointer(rebasing: bytes[start..<at - 1]))
        }
        var out = Array(bytes[start..<at])
        while at < bytes.count {
            let b = bytes[at]
            at += 1
            switch b {
            case UInt8(ascii: "\""):
                return out.withUnsafeBufferPointer(Self.utf8)
            case UInt8(ascii: "\\"):
                guard at < bytes.count else { return nil }
                let e = bytes[at]
                at += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xDC00...0xDFFF).contains(scalar) { return nil }
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard take(UInt8(ascii: "\\"), skippingSpace: false),
                            take(UInt8(ascii: "u"), skippingSpace: false),
                            let low = hex4(), (0xDC00...0xDFFF).contains(low)
                        else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let s = Unicode.Scalar(scalar) else { return nil }
                    UTF8.encode(s) { out.append($0) }
                default: return nil
                }
            default:
                guard b >= 0x20 else { return nil }
                out.append(b)
            }
        }
        return nil
    }

    /// The bytes as a string; nil unless they are valid UTF-8 (decoding repairs what is not:
    /// then the string's bytes differ).
    static func utf8(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var s = String(decoding: b, as: UTF8.self)
        let same = s.withUTF8 {
            $0.count == b.count && (b.isEmpty || memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0)
        }
        return same ? s : nil
    }

    mutating func hex4() -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[at]
            at += 1
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// An integer written as one (`-`, digits, no leading zero), at most 18 digits.
    mutating func int() -> Int? {
        skipSpace()
        let negative = take(UInt8(ascii: "-"), skippingSpace: false)
        let start = at
        var value = 0
        while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) {
            value = value * 10 + Int(bytes[at] - UInt8(ascii: "0"))
            at += 1
        }
        let digits = at - start
        guard digits > 0, digits <= 18, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        if at < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[at]) {
            return nil
        }
        return negative ? -value : value
    }

    /// `null`, taken when it is next.
    mutating func null() -> Bool {
        skipSpace()
        guard at + 4 <= bytes.count, bytes[at] == UInt8(ascii: "n"), bytes[at + 1] == UInt8(ascii: "u"),
            bytes[at + 2] == UInt8(ascii: "l"), bytes[at + 3] == UInt8(ascii: "l")
        else { return false }
        at += 4
        return true
    }

    /// Any JSON value, checked and passed over (a member the record does not have, `schema`).
    mutating func skipValue() -> Bool {
        skipSpace()
        guard at < bytes.count else { return false }
        switch bytes[at] {
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "{"): return object { _, s in s.skipValue() }
        case UInt8(ascii: "["): return array { $0.skipValue() ? true : nil } != nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return int() != nil
        default: return null() || literal("true") || literal("false")
        }
    }

    mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard at + n <= bytes.count, memcmp(bytes.baseAddress! + at, word.utf8Start, n) == 0 else { return false }
        at += n
        return true
    }

    /// Takes `byte` when it comes next (after white space, unless told not to).
    mutating func take(_ byte: UInt8, skippingSpace: Bool = true) -> Bool {
        if skippingSpace { skipSpace() }
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    mutating func skipSpace() {
        while at < bytes.count,
            bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09
        {
            at += 1
        }
    }

    /// Nothing but white space left.
    mutating func atEnd() -> Bool {
        skipSpace()
        return at == bytes.count
    }
}

/// An optional member of an object: whether it was given (`null` or a value), and its value.
struct Member<T> {
    var isSet = false
    var value: T?
}

/// A member's key, compared with the record's keys (string literals) without making a String.
struct StaticKey: ExpressibleByStringLiteral, Equatable {
    let bytes: UnsafeBufferPointer<UInt8>

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    init(stringLiteral value: StaticString) {
        bytes = UnsafeBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount)
    }

    static func == (a: StaticKey, b: StaticKey) -> Bool {
        a.bytes.count == b.bytes.count
            && (a.bytes.isEmpty || memcmp(a.bytes.baseAddress!, b.bytes.baseAddress!, a.bytes.count) == 0)
    }

    /// `switch` matches a key against each literal with `~=`.
    static func ~= (pattern: StaticKey, value: StaticKey) -> Bool { pattern == value }
}
