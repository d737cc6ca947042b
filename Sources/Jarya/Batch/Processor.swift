import Foundation

/// Exit statuses of `jarya process`, from sysexits(3), so cron and scripts can tell a bad
/// document from a missing one from a full disk.
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    /// A document was not usable text (binary, empty, malformed).
    case dataError = 65
    /// An input path does not exist.
    case noInput = 66
    /// The output file cannot be created.
    case cannotCreate = 73
    /// A file exists but cannot be read.
    case ioError = 74

    /// When documents fail in different ways, the run reports the most serious: a missing
    /// input before an unreadable one before bad data.
    var severity: Int { [.ok: 0, .dataError: 1, .ioError: 2, .noInput: 3, .cannotCreate: 4][self]! }

    /// The more serious of two statuses: what a run of several documents exits with.
    public static func worse(_ a: ExitStatus, _ b: ExitStatus) -> ExitStatus { b.severity > a.severity ? b : a }

    static func of(_ code: InputError.Code) -> ExitStatus {
        switch code {
        case .missing: return .noInput
        case .unreadable: return .ioError
        case .binary, .empty, .tooLarge, .malformed, .unsupported: return .dataError
        }
    }
}

/// Reads an input and runs the pipeline on it, turning every failure into an error record:
/// one bad file never stops a batch.
public struct Processor: Sendable {
    public var pipeline: Pipeline
    /// Files larger than this are refused with `too_large` rather than read into memory.
    public var maxBytes: Int
    /// A charset that overrides detection for every document (`--encoding`); nil detects.
    public var encoding: String?
    /// The page's address of a single input (`--url`); a `.jsonl` line carries its own.
    public var url: String?

    public init(
        pipeline: Pipeline, maxBytes: Int = Processor.defaultMaxBytes, encoding: String? = nil, url: String? = nil
    ) {
        self.pipeline = pipeline
        self.maxBytes = min(maxBytes, Processor.largestMaxBytes)
        self.encoding = encoding
        self.url = url
    }

    /// The processor of `jarya process`: the standard pipeline over `glossaries`.
    public init(
        glossaries: Glossaries, maxBytes: Int = Processor.defaultMaxBytes, encoding: String? = nil, url: String? = nil
    ) {
        self.init(pipeline: .standard(glossaries), maxBytes: maxBytes, encoding: encoding, url: url)
    }

    /// The record for one input and the exit status it calls for.
    public func process(_ input: Input) -> (RecordLine, ExitStatus) {
        var lexicon = Lexicon()
        return process(input, lexicon: &lexicon)
    }

    /// The record for one input, with the lexicon of the worker that processes it: words met
    /// in its earlier documents are not folded nor analyzed again.
    public func process(_ input: Input, lexicon: inout Lexicon) -> (RecordLine, ExitStatus) {
        Self.line(processDocument(input, lexicon: &lexicon))
    }

    /// The record of a document that arrives as bytes in memory (an upload to `jarya serve`)
    /// named `path`: what `process(.file(path))` gives for a file holding `bytes`, with the same
    /// limits, error codes and messages.
    public func process(bytes: [UInt8], path: String) -> (RecordLine, ExitStatus) {
        var lexicon = Lexicon()
        var source = Source(path: path, format: DocumentFormat(path: path).rawValue, encoding: "")
        let limit = limit(for: DocumentFormat(path: path))
        guard bytes.count <= limit else {
            let e = InputError(
                .tooLarge,
                "the file has \(bytes.count) bytes, more than the limit of \(limit). Split it, or raise --max-bytes.")
            return Self.line(
                (
                    .failure(Failure(source: source, code: e.code.rawValue, message: "\(path): \(e.message)")),
                    ExitStatus.of(e.code)
                ))
        }
        return Self.line(run(bytes, source: &source, lexicon: &lexicon))
    }

    /// The record of a processed document (its tokens and input let go first, so that a large
    /// document does not hold both at its peak), or the error record of a failure.
    static func line(_ processed: consuming (Result<Document, Failure>, ExitStatus)) -> (RecordLine, ExitStatus) {
        let status = processed.1
        // Taken out of the tuple, so that the document below is the only owner of its text and
        // letting its scalars go frees them.
        var result: Result<Document, Failure> = .failure(Failure(source: Source(path: ""), code: "", message: ""))
        swap(&result, &processed.0)
        switch consume result {
        case .success(var doc):
            doc.words = []
            doc.tokens = []
            doc.lexicon = Lexicon()  // the worker's again, not shared with this document
            // The record keeps the text as a string; the scalars and their map go before it is made.
            let text = doc.text.string
            doc.text = NormalizedText()
            // The id is the digest of the text: the source's own when normalizing left the bytes as
            // they were (most plain-text releases), which spares hashing them a second time.
            let id = RecordID.sameBytes(text, doc.bytes) ? RecordID.of(digest: doc.source.sha256) : nil
            doc.bytes = []
            doc.extracted = ""
            return (.record(Record(doc, text: text, id: id)), status)
        case .failure(let e):
            return (.error(ErrorRecord(source: e.source, error: .init(code: e.code, message: e.message))), status)
        }
    }

    /// A document that could not be processed: its source as far as it was read, and why.
    public struct Failure: Error {
        public var source: Source
        public var code: String
        public var message: String
    }

    /// The processed document, or why it failed, with the exit status it calls for.
    public func processDocument(_ input: Input) -> (Result<Document, Failure>, ExitStatus) {
        var lexicon = Lexicon()
        return processDocument(input, lexicon: &lexicon)
    }

    /// The processed document with a worker's lexicon (see `process(_:lexicon:)`).
    public func processDocument(_ input: Input, lexicon: inout Lexicon) -> (Result<Document, Failure>, ExitStatus) {
        var source = Source(path: input.path, format: DocumentFormat(path: input.path).rawValue, encoding: "", url: url)
        if case .line(let line) = input, let u = line.url { source.url = u }
        do {
            return run(try read(input), source: &source, lexicon: &lexicon)
        } catch let e as InputError {
            return (
                .failure(Failure(source: source, code: e.code.rawValue, message: "\(input.path): \(e.message)")),
                ExitStatus.of(e.code)
            )
        } catch {
            return (.failure(Failure(source: source, code: "internal", message: "\(input.path): \(error)")), .dataError)
        }
    }

    /// The pipeline over bytes already read and within the limit.
    private func run(_ bytes: [UInt8], source: inout Source, lexicon: inout Lexicon) -> (
        Result<Document, Failure>, ExitStatus
    ) {
        source.bytes = bytes.count
        source.sha256 = RecordID.sha256Hex(bytes)
        do {
            var document = Document(source: source, bytes: bytes)
            // Handed over, not copied: the document owns the lexicon while the pipeline runs.
            lexicon.trim()
            swap(&document.lexicon, &lexicon)
            defer { swap(&document.lexicon, &lexicon) }
            try pipeline.decoding(encoding).run(&document)
            return (.success(document), .ok)
        } catch let e as InputError {
            return (
                .failure(Failure(source: source, code: e.code.rawValue, message: "\(source.path): \(e.message)")),
                ExitStatus.of(e.code)
            )
        } catch {
            return (
                .failure(Failure(source: source, code: "internal", message: "\(source.path): \(error)")), .dataError
            )
        }
    }

    /// The `too_large` error record of a document named `path` that was not read to its end.
    public func tooLarge(path: String) -> RecordLine {
        let text =
            "the input has more than \(limit(for: DocumentFormat(path: path))) bytes, the limit. Split it, or raise --max-bytes."
        return .error(
            ErrorRecord(
                source: Source(path: path, format: DocumentFormat(path: path).rawValue, encoding: ""),
                error: .init(code: InputError.Code.tooLarge.rawValue, message: "\(path): \(text)")))
    }

    /// The most bytes a document named `path` may have (a `.docx` may be 4 times `maxBytes`).
    public func byteLimit(forPath path: String) -> Int { limit(for: DocumentFormat(path: path)) }

    /// The default `--max-bytes`: a release is rarely over 1 MB, and a document of this size
    /// still takes seconds, not minutes (see the README's size benchmark).
    public static let defaultMaxBytes = 4 << 20

    /// The largest `maxBytes` honoured (1 GiB): spans are stored in 32 bits (`Span`), so a
    /// document must stay below 2^31 scalars.
    public static let largestMaxBytes = 1 << 30

    /// The most bytes read for a document of `format`: a .docx is mostly pictures, and only its
    /// `word/document.xml` is extracted (with limits of its own), so its file may be larger.
    func limit(for format: DocumentFormat) -> Int {
        guard format == .docx else { return maxBytes }
        let (product, overflow) = maxBytes.multipliedReportingOverflow(by: 4)
        return overflow ? Int.max : product
    }

    func read(_ input: Input) throws -> [UInt8] {
        let limit = limit(for: DocumentFormat(path: input.path))
        switch input {
        case .missing:
            throw InputError(.missing, "no such file or folder. Check the path.")
        case .standardInput:
            return try Self.readBounded(STDIN_FILENO, limit: limit)
        case .line(let line):
            guard let text = line.text else { throw InputError(.malformed, line.problem ?? "the line has no text.") }
            guard text.utf8.count <= limit else {
                throw InputError(
                    .tooLarge,
                    "the text has \(text.utf8.count) bytes, more than the limit of \(limit). Split it, or raise --max-bytes."
                )
            }
            return Array(text.utf8)
        case .file(let p):
            var info = stat()
            guard stat(p, &info) == 0 else { throw InputError(.missing, "no such file. Check the path.") }
            if info.st_mode & S_IFMT == S_IFDIR {
                throw InputError(.unreadable, "this is a folder, and it was named where a file was expected.")
            }
            if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > limit {
                throw InputError(
                    .tooLarge,
                    "the file has \(info.st_size) bytes, more than the limit of \(limit). Split it, or raise --max-bytes."
                )
            }
            let fd = open(p, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                throw InputError(
                    .unreadable,
                    "the file cannot be opened for reading (\(String(cString: strerror(errno)))). Check its permissions."
                )
            }
            defer { close(fd) }
            // A device or a FIFO (`/dev/zero`, a pipe) has no size: stop reading at the limit.
            return try Self.readBounded(fd, limit: limit, expected: Int(info.st_size))
        }
    }

    /// Everything `fd` gives, or `too_large` as soon as it gives more than `limit` bytes.
    /// `expected` (a regular file's size) is room made at once.
    static func readBounded(_ fd: Int32, limit: Int, expected: Int = 0) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(limit, max(0, expected)))
        // Left uninitialized: filling 64 KiB with zeros for each file cost more than reading a release.
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let n = Foundation.read(fd, chunk.baseAddress!, chunk.count)
            if n == 0 { return bytes }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(.unreadable, "reading failed: \(String(cString: strerror(errno))).")
            }
            if bytes.count + n > limit {
                throw InputError(
                    .tooLarge, "the input has more than \(limit) bytes, the limit. Split it, or raise --max-bytes.")
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[..<n]))
        }
    }
}
