internal import CICU

/// An ICU transliterator: a built-in one by ID (`Cyrillic-Latin`, `Any-Latin; Latin-ASCII`)
/// or a custom rule set. Not thread-safe: give each thread its own.
public final class Transliterator {
    private let handle: UnsafeMutablePointer<UTransliterator?>

    /// Opens a built-in transliterator, or a compound ID such as `Any-Latin; Latin-ASCII`.
    public init(id: String) throws {
        var status = U_ZERO_ERROR
        let idUnits = Array(id.utf16)
        let h = idUnits.withUnsafeBufferPointer {
            jr_utrans_openU($0.baseAddress, Int32($0.count), UTRANS_FORWARD, nil, 0, nil, &status)
        }
        guard let h, !status.isFailure else { throw ICUError(status, "utrans_openU(\(id))") }
        handle = h
    }

    /// Compiles custom rules (ICU transform rule syntax, e.g. `ɵ > ө ;`).
    public init(rules: String, id: String = "Jarya-Custom") throws {
        var status = U_ZERO_ERROR
        var parseError = UParseError()
        let idUnits = Array(id.utf16), ruleUnits = Array(rules.utf16)
        let h = idUnits.withUnsafeBufferPointer { idp in
            ruleUnits.withUnsafeBufferPointer { rp in
                jr_utrans_openU(
                    idp.baseAddress, Int32(idp.count), UTRANS_FORWARD,
                    rp.baseAddress, Int32(rp.count), &parseError, &status)
            }
        }
        guard let h, !status.isFailure else {
            throw ICUError(status, "utrans_openU(rules, line \(parseError.line) offset \(parseError.offset))")
        }
        handle = h
    }

    deinit { jr_utrans_close(handle) }

    /// Transliterates a whole string.
    public func transliterate(_ text: String) throws -> String {
        let units = Array(text.utf16)
        var capacity = units.count * 2 + 16
        while true {
            var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
            var length = Int32(units.count)
            var limit = length
            var status = U_ZERO_ERROR
            buffer.withUnsafeMutableBufferPointer { b in
                jr_utrans_transUChars(handle, b.baseAddress, &length, Int32(capacity), 0, &limit, &status)
            }
            if status == U_BUFFER_OVERFLOW_ERROR { capacity = Int(length) + 16; continue }
            if status.isFailure { throw ICUError(status, "utrans_transUChars") }
            return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
        }
    }
}
