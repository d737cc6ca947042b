internal import CICU

/// An ICU call failed. `name` is ICU's own error name (`U_ILLEGAL_ARGUMENT_ERROR`),
/// `operation` the wrapper that called it, so a message points at the cause.
public struct ICUError: Error, CustomStringConvertible, Equatable, Sendable {
    public let code: Int32
    public let name: String
    public let operation: String

    /// Whether ICU could not open its own data (a normalizer's tables), as opposed to failing
    /// on one input: nothing can be processed until libicu is installed.
    public let isMissingData: Bool

    init(_ status: UErrorCode, _ operation: String) {
        self.code = status.rawValue
        self.name = String(cString: jr_errorName(status))
        self.operation = operation
        self.isMissingData = false
    }

    /// An error from its parts (for tests and for wrappers that report ICU failures themselves).
    public init(code: Int32, name: String, operation: String, isMissingData: Bool) {
        (self.code, self.name, self.operation, self.isMissingData) = (code, name, operation, isMissingData)
    }

    /// The error for ICU data that could not be opened, from the failing call's error.
    public static func missingData(_ cause: ICUError) -> ICUError {
        ICUError(code: cause.code, name: cause.name, operation: cause.operation, isMissingData: true)
    }

    public var description: String {
        isMissingData
            ? "ICU data is missing (\(operation): \(name)): install libicu (Debian: apt-get install libicu-dev)"
            : "ICU \(operation) failed: \(name)"
    }
}

/// ICU's data, checked before any document is read.
public enum ICUData {
    /// Throws `ICUError` (`isMissingData`) when the normalization data cannot be opened, so a
    /// command can stop with one line (exit 74) before it reads any input.
    public static func check() throws {
        _ = try Normalizer.nfc
        _ = try Normalizer.nfkcCasefold
    }
}

extension UErrorCode {
    /// ICU reports warnings with negative codes and errors with positive ones.
    var isFailure: Bool { rawValue > U_ZERO_ERROR.rawValue }
}

/// Runs an ICU "preflight" call twice when the first guess of capacity was too small.
/// `body` gets a destination buffer and returns the needed length.
func withGrowingBuffer(
    initialCapacity: Int, operation: String,
    _ body: (UnsafeMutablePointer<UChar>, Int32, inout UErrorCode) -> Int32
) throws -> [UInt16] {
    var capacity = max(initialCapacity, 16)
    while true {
        var status = U_ZERO_ERROR
        var needed: Int32 = 0
        let result = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
            needed = body(buffer.baseAddress!, Int32(capacity), &status)
            count = status.isFailure ? 0 : Int(needed)
        }
        if status == U_BUFFER_OVERFLOW_ERROR {
            capacity = Int(needed) + 1
            continue
        }
        if status.isFailure { throw ICUError(status, operation) }
        return result
    }
}
