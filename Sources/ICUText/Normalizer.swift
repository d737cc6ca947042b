internal import CICU

/// A Unicode normalization form from ICU (`unorm2`). Instances are ICU singletons:
/// cheap to get, never freed, safe to share between threads.
public struct Normalizer: @unchecked Sendable {
    let handle: OpaquePointer

    /// Canonical composition: what every text in the pipeline is put in.
    public static var nfc: Normalizer { get throws { try nfcInstance.get() } }
    /// Canonical decomposition, compatibility composition and decomposition: the other three forms,
    /// for checking ICU against Unicode's NormalizationTest.txt and for callers that need them.
    public static var nfd: Normalizer { get throws { try nfdInstance.get() } }
    public static var nfkc: Normalizer { get throws { try nfkcInstance.get() } }
    public static var nfkd: Normalizer { get throws { try nfkdInstance.get() } }
    /// NFKC with case folding: for comparing and indexing words regardless of case and compatibility forms.
    public static var nfkcCasefold: Normalizer { get throws { try nfkcCasefoldInstance.get() } }

    // Looked up once each. Without ICU's data the look-up fails, and every use throws
    // `ICUError.missingData` (a message naming the package to install), never a trap.
    private static let nfcInstance = Result { try Normalizer(getter: jr_nfc, "unorm2_getNFCInstance") }
    private static let nfdInstance = Result { try Normalizer(getter: jr_nfd, "unorm2_getNFDInstance") }
    private static let nfkcInstance = Result { try Normalizer(getter: jr_nfkc, "unorm2_getNFKCInstance") }
    private static let nfkdInstance = Result { try Normalizer(getter: jr_nfkd, "unorm2_getNFKDInstance") }
    private static let nfkcCasefoldInstance = Result {
        try Normalizer(getter: jr_nfkcCasefold, "unorm2_getNFKCCasefoldInstance")
    }

    private init(getter: (UnsafeMutablePointer<UErrorCode>) -> OpaquePointer?, _ name: String) throws(ICUError) {
        var status = U_ZERO_ERROR
        guard let handle = getter(&status), !status.isFailure else {
            throw ICUError.missingData(ICUError(status, name))
        }
        self.handle = handle
    }

    /// Normalizes UTF-16 code units.
    public func normalize(_ utf16: [UInt16]) throws -> [UInt16] {
        try utf16.withUnsafeBufferPointer { src in
            try withGrowingBuffer(initialCapacity: src.count + src.count / 4, operation: "unorm2_normalize") {
                dest, cap, status in
                jr_normalize(handle, src.baseAddress, Int32(src.count), dest, cap, &status)
            }
        }
    }

    /// Normalizes a string.
    public func normalize(_ text: String) throws -> String {
        UTF16Text.string(try normalize(UTF16Text.units(text)))
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
