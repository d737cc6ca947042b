/// One named step of the pipeline. A stage has one job and changes the document in place.
public protocol Stage: Sendable {
    /// Shown in errors, so a failure says where it happened.
    var name: String { get }
    func run(_ document: inout Document) throws
}

/// A stage failed on a document. Carries the stage's name, as Publish tags its step errors.
public struct StageError: Error, CustomStringConvertible {
    public let stage: String
    public let underlying: any Error

    public var description: String {
        "\(stage): \(underlying)"
    }
}

/// Errors about the input itself: the record gets an `error` instead of its fields.
public struct InputError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        /// Not text: NUL bytes or control characters, undetectable charset.
        case binary
        /// Zero bytes, or nothing but white space.
        case empty
        /// The path does not exist.
        case missing
        /// The file exists but cannot be read.
        case unreadable
        /// Larger than the configured limit.
        case tooLarge = "too_large"
        /// A format we cannot read (broken structure).
        case malformed
        /// A known format Jarya does not read (`.pdf`, `.doc`, pictures, spreadsheets).
        case unsupported
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

/// The stages in order. `Pipeline.standard` is what `jarya process` runs.
public struct Pipeline: Sendable {
    public var stages: [any Stage]

    public init(stages: [any Stage]) {
        self.stages = stages
    }

    /// Ingest → Normalize → Tokenize → Segment → Analyze → Recognize → Assemble, reading `glossaries`
    /// (load them once with `Glossaries.load(from:)` and hand the same value to every pipeline).
    public static func standard(_ glossaries: Glossaries, recognizers: [any Recognizer]? = nil) -> Pipeline {
        Pipeline(stages: [
            Ingest(),
            Normalize(),
            Tokenize(),
            Segment(),
            Analyze(),
            Recognize(recognizers: recognizers ?? Recognizers.standard(glossaries)),
            Assemble(glossaries: glossaries),
        ])
    }

    /// Runs every stage. An `InputError` passes through untouched (it describes the input,
    /// not a stage); any other error comes back tagged with the stage that threw it.
    public func run(_ document: inout Document) throws {
        for stage in stages {
            do {
                try stage.run(&document)
            } catch let error as InputError {
                throw error
            } catch {
                throw StageError(stage: stage.name, underlying: error)
            }
        }
    }

    public func process(_ document: Document) throws -> Document {
        var doc = document
        try run(&doc)
        return doc
    }
}
