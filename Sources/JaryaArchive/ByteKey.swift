import Foundation
import Jarya

/// A word's UTF-8 bytes as a dictionary or set key, hashed as one block of bytes the way the
/// pipeline's `WordKey` is: `[UInt8]`'s own hashing feeds the hasher byte by byte, which cost
/// more than the rest of keeping a document's distinct words. Equal when the bytes are equal, as
/// FTS5 compares words.
struct ByteKey: Hashable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) { hasher.combine(_rawHashValue(seed: 0)) }

    /// What `Set` and `Dictionary` ask for: `WordKey`'s hash of the bytes, with the table's seed.
    func _rawHashValue(seed: Int) -> Int {
        Int(truncatingIfNeeded: bytes.withUnsafeBytes { WordKey.hash($0, seed: UInt64(truncatingIfNeeded: seed)) })
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool { a.bytes == b.bytes }

    /// Byte order (`memcmp`'s, then the shorter first), the order of a `tsvector`'s words.
    static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let common = min(a.count, b.count)
        let order = a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common) }
        }
        return order != 0 ? order < 0 : a.count < b.count
    }
}
