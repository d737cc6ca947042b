internal import CICU

/// A charset guess from ICU's detector: name as ICU spells it (`windows-1251`, `KOI8-R`,
/// `UTF-16LE`), confidence 0–100, and the language ICU associates with it, if any.
public struct CharsetMatch: Equatable, Sendable {
    public let name: String
    public let confidence: Int
    public let language: String?
}

/// Charset detection (`ucsdet`). Statistical: treat a low confidence as "unknown".
public enum CharsetDetector {
    /// The candidates for `bytes`, best first. ICU looks at most at the first 64 KiB that matter.
    public static func detect(_ bytes: UnsafeRawBufferPointer) throws -> [CharsetMatch] {
        var status = U_ZERO_ERROR
        guard let detector = jr_ucsdet_open(&status), !status.isFailure else { throw ICUError(status, "ucsdet_open") }
        defer { jr_ucsdet_close(detector) }
        let sample = UnsafeRawBufferPointer(rebasing: bytes.prefix(1 << 16))
        jr_ucsdet_setText(
            detector, sample.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(sample.count), &status)
        var found: Int32 = 0
        guard let matches = jr_ucsdet_detectAll(detector, &found, &status), !status.isFailure else {
            if status == U_INVALID_CHAR_FOUND { return [] }
            throw ICUError(status, "ucsdet_detectAll")
        }
        var result: [CharsetMatch] = []
        for i in 0..<Int(found) {
            guard let m = matches[i] else { continue }
            let name = String(cString: jr_ucsdet_getName(m, &status))
            let confidence = Int(jr_ucsdet_getConfidence(m, &status))
            let lang = jr_ucsdet_getLanguage(m, &status).map { String(cString: $0) }
            if status.isFailure { throw ICUError(status, "ucsdet_getName") }
            result.append(
                CharsetMatch(name: name, confidence: confidence, language: lang?.isEmpty == true ? nil : lang))
        }
        return result
    }

    public static func detect(_ bytes: [UInt8]) throws -> [CharsetMatch] {
        try bytes.withUnsafeBytes { try detect($0) }
    }
}

/// Charset conversion (`ucnv`) to UTF-16, and UTF-8 decoding that substitutes U+FFFD.
public enum CharsetConverter {
    /// Converts bytes in `charset` (any name or alias ICU knows: `windows-1251`, `cp1251`,
    /// `KOI8-R`, `IBM866`, `ISO-8859-5`, `UTF-16LE`) to UTF-16 code units.
    public static func toUTF16(_ bytes: UnsafeRawBufferPointer, charset: String) throws -> [UInt16] {
        var status = U_ZERO_ERROR
        guard let conv = jr_ucnv_open(charset, &status), !status.isFailure else {
            throw ICUError(status, "ucnv_open(\(charset))")
        }
        defer { jr_ucnv_close(conv) }
        let src = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        return try withGrowingBuffer(initialCapacity: bytes.count + 1, operation: "ucnv_toUChars(\(charset))") {
            dest, cap, status in
            jr_ucnv_toUChars(conv, dest, cap, src, Int32(bytes.count), &status)
        }
    }

    /// Converts UTF-16 code units to bytes in `charset` (`ucnv_fromUChars`). A character the
    /// charset cannot encode is an error (`U_INVALID_CHAR_FOUND`) unless `substitute` is true,
    /// when the charset's substitution character takes its place.
    public static func fromUTF16(_ units: [UInt16], charset: String, substitute: Bool = false) throws -> [UInt8] {
        var status = U_ZERO_ERROR
        guard let conv = jr_ucnv_open(charset, &status), !status.isFailure else {
            throw ICUError(status, "ucnv_open(\(charset))")
        }
        defer { jr_ucnv_close(conv) }
        if !substitute {
            jr_ucnv_setFromUCallBackStop(conv, &status)
            if status.isFailure { throw ICUError(status, "ucnv_setFromUCallBack(\(charset))") }
        }
        var capacity = max(units.count * 4 + 4, 16)
        while true {
            status = U_ZERO_ERROR
            var needed: Int32 = 0
            let result = units.withUnsafeBufferPointer { src in
                [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                    needed = buffer.withMemoryRebound(to: CChar.self) { dest in
                        jr_ucnv_fromUChars(
                            conv, dest.baseAddress, Int32(capacity), src.baseAddress, Int32(src.count), &status)
                    }
                    count = status.isFailure ? 0 : Int(needed)
                }
            }
            if status == U_BUFFER_OVERFLOW_ERROR {
                capacity = Int(needed) + 1
                jr_ucnv_reset(conv)
                continue
            }
            if status.isFailure { throw ICUError(status, "ucnv_fromUChars(\(charset))") }
            return result
        }
    }

    /// The standard (MIME, else IANA) name of a charset alias (`cp1251` → `windows-1251`), or nil if ICU does not know it.
    public static func canonicalName(_ charset: String) -> String? {
        var status = U_ZERO_ERROR
        guard let conv = jr_ucnv_open(charset, &status), !status.isFailure else { return nil }
        defer { jr_ucnv_close(conv) }
        guard let icuName = jr_ucnv_getName(conv, &status), !status.isFailure else { return nil }
        // ucnv_getName gives ICU's internal name (`ibm-5347_P100-1998`); the MIME/IANA name is the one people know.
        let standard =
            jr_ucnv_getStandardName(icuName, "MIME", &status) ?? jr_ucnv_getStandardName(icuName, "IANA", &status)
        return String(cString: standard ?? icuName)
    }

    /// Decodes UTF-8, replacing each malformed sequence with U+FFFD. Returns the UTF-16
    /// code units and how many substitutions were made.
    public static func decodeUTF8(_ bytes: UnsafeRawBufferPointer) throws -> (utf16: [UInt16], substitutions: Int) {
        var subs: Int32 = 0
        let src = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        let units = try withGrowingBuffer(initialCapacity: bytes.count + 1, operation: "u_strFromUTF8WithSub") {
            dest, cap, status in
            var length: Int32 = 0
            _ = jr_strFromUTF8WithSub(dest, cap, &length, src, Int32(bytes.count), 0xFFFD, &subs, &status)
            return length
        }
        return (units, Int(subs))
    }
}
