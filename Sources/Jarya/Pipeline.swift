/// One named step of the pipeline. A stage has one job and changes the document in place.
public protocol Stage: Sendable {
    /// Shown in errors, so a failure says where it happened.
    var name: String { get }
    /// How much of a long document the stage must see at once (`Pipeline.partLength`).
    var reach: StageReach { get }
    func run(_ document: inout Document) throws
}

/// How much of a long document a stage reads at once. A stage whose memory grows with the tokens
/// it reads runs on one part at a time, so that one huge document costs the memory of its text,
/// its entities and one part, not of all its tokens at once.
public enum StageReach: Sendable {
    /// The whole document at once: reading and normalizing the input.
    case document
    /// One part at a time: tokens, sentences, word forms and entities, which stay local to a part.
    case part
    /// The first part only: the headline, lead and event of a release are at its start.
    case firstPart
}

extension Stage {
    public var reach: StageReach { .document }
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
    /// A normalized text longer than this many scalars (about 500 KB of Cyrillic) runs its token
    /// stages part by part (`LongDocument`); releases, a few dozen KB, run whole.
    public var partLength: Int

    public init(stages: [any Stage], partLength: Int = 1 << 18) {
        self.stages = stages
        self.partLength = partLength
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
    ///
    /// A text longer than `partLength` goes through the stages that read it in parts: see `LongDocument`.
    public func run(_ document: inout Document) throws {
        let split = stages.firstIndex { $0.reach != .document } ?? stages.count
        for stage in stages[..<split] { try Self.run(stage, on: &document) }
        let rest = stages[split...]
        if document.text.count <= partLength {
            for stage in rest { try Self.run(stage, on: &document) }
        } else {
            try LongDocument(stages: Array(rest), partLength: partLength).run(&document)
        }
    }

    /// One stage, its errors tagged with its name.
    static func run(_ stage: any Stage, on document: inout Document) throws {
        do {
            try stage.run(&document)
        } catch let error as InputError {
            throw error
        } catch {
            throw StageError(stage: stage.name, underlying: error)
        }
    }

    public func process(_ document: Document) throws -> Document {
        var doc = document
        try run(&doc)
        return doc
    }
}
