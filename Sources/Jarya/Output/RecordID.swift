import Crypto

/// Stable identifiers and digests.
public enum RecordID {
    /// A record's id: the first 16 hex digits of the SHA-256 of its normalized text, so the
    /// same release gets the same id whatever file, encoding or format it came in.
    public static func of(text: String) -> String {
        String(sha256Hex(Array(text.utf8)).prefix(16))
    }

    /// SHA-256, lowercase hex.
    public static func sha256Hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        let digest = SHA256.hash(data: Array(bytes))
        return digest.map { b in
            let h = String(b, radix: 16)
            return b < 16 ? "0" + h : h
        }.joined()
    }
}
