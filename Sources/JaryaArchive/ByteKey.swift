import Foundation

/// A word's UTF-8 bytes as a dictionary or set key, hashed as one block of bytes: `[UInt8]`'s
/// own hashing feeds the hasher byte by byte, which cost more than the rest of keeping a
/// document's distinct words. Equal when the bytes are equal, as FTS5 compares words.
struct ByteKey: Hashable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
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
