import Crypto

/// Stable identifiers and digests.
public enum RecordID {
    /// A record's id: the first 16 hex digits of the SHA-256 of its normalized text, so the
    /// same release gets the same id whatever file, encoding or format it came in.
    public static func of(text: String) -> String {
        of(digest: sha256Hex(Array(text.utf8)))
    }

    /// The id of a text whose SHA-256 (`sha256Hex`) is `digest`.
    static func of(digest: String) -> String { String(digest.prefix(16)) }

    /// Whether `text` is exactly `bytes` in UTF-8: then its id is the bytes' digest's.
    static func sameBytes(_ text: String, _ bytes: [UInt8]) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        return text.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(bytes) } ?? text.utf8.elementsEqual(bytes)
    }

    /// SHA-256, lowercase hex.
    public static func sha256Hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        let digest = SHA256.hash(data: Array(bytes))
        // Two digits a byte written straight into the string: a string per byte, joined, cost
        // some 30,000 instructions a digest.
        return String(unsafeUninitializedCapacity: 2 * SHA256.byteCount) { out in
            var k = 0
            for b in digest {
                out[k] = hexDigit(b >> 4)
                out[k + 1] = hexDigit(b & 15)
                k += 2
            }
            return k
        }
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }
}
