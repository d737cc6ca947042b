/// Why HTML or XML could not be turned into text.
public struct HTMLTextError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// The document declares entities or a DTD (possible external entity attack): refused.
        case entityDeclaration
        /// Not well-formed XML, or not the structure expected (no `w:document`).
        case malformed
        /// Larger than the parser accepts.
        case tooLarge
        /// libxml2 itself failed (out of memory).
        case parser
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
