/// UTF-8 (a `String`) to UTF-16 code units and back in one pass each, for ICU's UTF-16 APIs: the
/// standard library's generic transcoding (`Array(s.utf16)`, `String(decoding:as: UTF16.self)`)
/// took several times as long as the ICU call it fed.
public enum UTF16Text {
    /// The code units of `text`, as `Array(text.utf16)` gives them.
    public static func units(_ text: String) -> [UInt16] {
        var text = text
        return text.withUTF8 { bytes in
            // A string's UTF-8 is valid: one unit per 1 to 3 bytes, two per 4, never more units than bytes.
            [UInt16](unsafeUninitializedCapacity: bytes.count) { out, written in
                var i = 0
                var n = 0
                while i < bytes.count {
                    let b = UInt32(bytes[i])
                    if b < 0x80 {
                        out[n] = UInt16(b)
                        i += 1
                        n += 1
                    } else if b < 0xE0 {
                        out[n] = UInt16((b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))
                        i += 2
                        n += 1
                    } else if b < 0xF0 {
                        out[n] = UInt16(
                            truncatingIfNeeded: (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6
                                | UInt32(bytes[i + 2] & 0x3F))
                        i += 3
                        n += 1
                    } else {
                        let v =
                            ((b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                                | UInt32(bytes[i + 3] & 0x3F)) - 0x10000
                        out[n] = UInt16(0xD800 + (v >> 10))
                        out[n + 1] = UInt16(0xDC00 + (v & 0x3FF))
                        i += 4
                        n += 2
                    }
                }
                written = n
            }
        }
    }

    /// UTF-16 code units as the string `String(decoding:as: UTF16.self)` makes of them (a lone
    /// surrogate becomes U+FFFD).
    public static func string(_ units: [UInt16]) -> String {
        String(unsafeUninitializedCapacity: units.count * 3) { out in
            var n = 0
            var i = 0
            while i < units.count {
                var scalar = UInt32(units[i])
                i += 1
                if (0xD800..<0xE000).contains(scalar) {
                    if scalar < 0xDC00, i < units.count, (0xDC00..<0xE000).contains(units[i]) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
                        i += 1
                    } else {
                        scalar = 0xFFFD
                    }
                }
                switch scalar {
                case ..<0x80:
                    out[n] = UInt8(scalar)
                    n += 1
                case ..<0x800:
                    out[n] = UInt8(0xC0 | scalar >> 6)
                    out[n + 1] = UInt8(0x80 | scalar & 0x3F)
                    n += 2
                case ..<0x10000:
                    out[n] = UInt8(0xE0 | scalar >> 12)
                    out[n + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                    out[n + 2] = UInt8(0x80 | scalar & 0x3F)
                    n += 3
                default:
                    out[n] = UInt8(0xF0 | scalar >> 18)
                    out[n + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                    out[n + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
                    out[n + 3] = UInt8(0x80 | scalar & 0x3F)
                    n += 4
                }
            }
            return n
        }
    }
}
