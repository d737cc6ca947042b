internal import CICU

/// A Unicode normalization form from ICU (`unorm2`). Instances are ICU singletons:
/// cheap to get, never freed, safe to share between threads.
public struct Normalizer: @unchecked Sendable {
    let handle: OpaquePointer

    /// Canonical composition: what every text in the pipeline is put in.
    public static let nfc: Normalizer = Normalizer(getter: jr_nfc, "unorm2_getNFCInstance")
    /// Canonical decomposition, compatibility composition and decomposition: the other three forms,
    /// for checking ICU against Unicode's NormalizationTest.txt and for callers that need them.
    public static let nfd: Normalizer = Normalizer(getter: jr_nfd, "unorm2_getNFDInstance")
    public static let nfkc: Normalizer = Normalizer(getter: jr_nfkc, "unorm2_getNFKCInstance")
    public static let nfkd: Normalizer = Normalizer(getter: jr_nfkd, "unorm2_getNFKDInstance")
    /// NFKC with case folding: for comparing and indexing words regardless of case and compatibility forms.
    public static let nfkcCasefold: Normalizer = Normalizer(getter: jr_nfkcCasefold, "unorm2_getNFKCCasefoldInstance")

    private init(getter: (UnsafeMutablePointer<UErrorCode>) -> OpaquePointer?, _ name: String) {
        var status = U_ZERO_ERROR
        guard let handle = getter(&status), !status.isFailure else {
            fatalError("ICU data is missing: \(ICUError(status, name)). Install libicu (Debian: libicu-dev).")
        }
        self.handle = handle
    }

    /// Normalizes UTF-16 code units.
    public func normalize(_ utf16: [UInt16]) throws -> [UInt16] {
        try utf16.withUnsafeBufferPointer { src in
            try withGrowingBuffer(initialCapacity: src.count + src.count / 4, operation: "unorm2_normalize") { dest, cap, status in
                jr_normalize(handle, src.baseAddress, Int32(src.count), dest, cap, &status)
            }
        }
    }

    /// Normalizes a string.
    public func normalize(_ text: String) throws -> String {
        String(decoding: try normalize(Array(text.utf16)), as: UTF16.self)
    }

    /// The length of the prefix that is certainly already normalized; the rest may or may not be.
    public func normalizedPrefixLength(_ utf16: UnsafeBufferPointer<UInt16>) throws -> Int {
        var status = U_ZERO_ERROR
        let n = jr_spanQuickCheckYes(handle, utf16.baseAddress, Int32(utf16.count), &status)
        if status.isFailure { throw ICUError(status, "unorm2_spanQuickCheckYes") }
        return Int(n)
    }

    /// Whether normalization never combines `scalar` with what comes before it, so text can be
    /// split before it and each piece normalized alone.
    public func hasBoundary(before scalar: Unicode.Scalar) -> Bool {
        jr_hasBoundaryBefore(handle, UChar32(scalar.value)) != 0
    }
}
