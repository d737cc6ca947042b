/// A half-open range `[start, end)` of Unicode-scalar offsets into a document's normalized text.
/// Scalars, not UTF-16 units or graphemes, because that is what the record contract promises.
public struct Span: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Stored in 32 bits: a span sits in every token and entity, and a document is far below
    // 2^31 scalars (`--max-bytes`), so a token is 8 bytes smaller.
    private var storedStart: Int32
    private var storedEnd: Int32

    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = Int32(newValue) }
    }
    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = Int32(newValue) }
    }

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "span start \(start) after end \(end)")
        self.storedStart = Int32(start)
        self.storedEnd = Int32(end)
    }

    public var count: Int { end - start }
    public var isEmpty: Bool { start == end }
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }
    public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
    public var description: String { "[\(start), \(end))" }
}

/// Where a document came from, as the record reports it.
public struct Source: Equatable, Sendable {
    /// The path as the user gave it (or `-` for standard input).
    public var path: String
    /// SHA-256 of the raw bytes, lowercase hex.
    public var sha256: String
    public var bytes: Int
    /// `txt`, `md`, … (see `DocumentFormat`).
    public var format: String
    /// The charset the bytes were decoded from (`UTF-8`, `UTF-16LE`, …).
    public var encoding: String
    /// The page's address when the user gave it (`--url`, a `.jsonl` line's `url`): a date in
    /// its path is the published date of a page whose text states none.
    public var url: String?

    public init(
        path: String, sha256: String = "", bytes: Int = 0, format: String = "txt", encoding: String = "UTF-8",
        url: String? = nil
    ) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.format = format
        self.encoding = encoding
        self.url = url
    }
}

/// The value that flows through the pipeline. Each stage fills in its part; later stages
/// read what earlier ones wrote.
public struct Document: Sendable {
    public var source: Source
    /// The raw bytes as read (Ingest).
    public var bytes: [UInt8]
    /// Plain text extracted and decoded from the bytes (Ingest).
    public var extracted: String = ""
    /// The normalized text with its map back to `extracted` (Normalize).
    public var text: NormalizedText = NormalizedText()
    /// The text's tokens (Tokenize): what every later stage reads.
    public var tokens: [Token] = []
    /// The tokens' interned texts and the words' analyses (Tokenize, Analyze). A worker hands
    /// its lexicon from one document to the next (`Processor`).
    public var lexicon = Lexicon()
    /// Paragraph blocks and sentences (Segment).
    public var segmentation: Segmentation = Segmentation()
    /// Words and punctuation for the name recognizers, with their morphological forms (Analyze).
    public var words: [NameToken] = []
    /// `ky`, `ru`, `en`, `ky+ru` (Segment).
    public var language: String = "und"
    /// Entities in text order (Recognize).
    public var entities: [Entity] = []
    /// The release's own date, from its dateline (Recognize).
    public var published: PartialDate?
    /// Where the dateline's date is, if the text has one (Recognize).
    public var datelineSpan: Span?
    /// The event the release announces or reports (Assemble).
    public var event: Event?
    /// The first sentence of the lead (Assemble).
    public var summary: String?
    /// The headline (Assemble).
    public var title: String?
    /// Things the user should know about this document: repairs, guesses, substitutions.
    public var warnings: [String] = []
    /// A later part of a long document (`LongDocument`): its published date is the first part's,
    /// and its first line is no dateline.
    public var continues = false

    public init(source: Source, bytes: [UInt8]) {
        self.source = source
        self.bytes = bytes
    }

    /// A document made from text already in memory (tests, `jarya normalize`).
    public init(text: String, path: String = "-") {
        self.source = Source(path: path, bytes: text.utf8.count)
        self.bytes = Array(text.utf8)
    }
}
