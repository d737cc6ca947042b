internal import CICU

/// An ICU call failed. `name` is ICU's own error name (`U_ILLEGAL_ARGUMENT_ERROR`),
/// `operation` the wrapper that called it, so a message points at the cause.
public struct ICUError: Error, CustomStringConvertible, Equatable, Sendable {
    public let code: Int32
    public let name: String
    public let operation: String

    init(_ status: UErrorCode, _ operation: String) {
        self.code = status.rawValue
        self.name = String(cString: jr_errorName(status))
        self.operation = operation
    }

    public var description: String { "ICU \(operation) failed: \(name)" }
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
