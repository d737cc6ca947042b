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

    static func of(_ code: InputError.Code) -> ExitStatus {
        switch code {
        case .missing: return .noInput
        case .unreadable: return .ioError
        case .binary, .empty, .tooLarge, .malformed: return .dataError
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

    public init(pipeline: Pipeline = .standard(), maxBytes: Int = 64 << 20, encoding: String? = nil) {
        self.pipeline = pipeline
        self.maxBytes = maxBytes
        self.encoding = encoding
    }

    /// The record for one input and the exit status it calls for.
    public func process(_ input: Input) -> (Record, ExitStatus) {
        let (result, status) = processDocument(input)
        switch consume result {
        case .success(var doc):
            // The record needs no tokens nor the input as read: let them go before it is built,
            // so a large document does not hold both at its peak.
            doc.words = []
            doc.segmentation.tokens = []
            doc.bytes = []
            doc.extracted = ""
            return (Record(doc), status)
        case .failure(let e): return (Record(source: e.source, error: .init(code: e.code, message: e.message)), status)
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
        var source = Source(path: input.path, format: DocumentFormat(path: input.path).rawValue, encoding: "")
        do {
            let bytes = try read(input)
            source.bytes = bytes.count
            source.sha256 = RecordID.sha256Hex(bytes)
            return (.success(try pipeline.decoding(encoding).process(Document(source: source, bytes: bytes))), .ok)
        } catch let e as InputError {
            return (.failure(Failure(source: source, code: e.code.rawValue, message: "\(input.path): \(e.message)")), ExitStatus.of(e.code))
        } catch {
            return (.failure(Failure(source: source, code: "internal", message: "\(input.path): \(error)")), .dataError)
        }
    }

    func read(_ input: Input) throws -> [UInt8] {
        switch input {
        case .missing:
            throw InputError(.missing, "no such file or folder. Check the path.")
        case .standardInput:
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        case .file(let p):
            guard let attrs = try? FileManager.default.attributesOfItem(atPath: p) else {
                throw InputError(.missing, "no such file. Check the path.")
            }
            if let size = attrs[.size] as? Int, size > maxBytes {
                throw InputError(.tooLarge, "the file has \(size) bytes, more than the limit of \(maxBytes). Split it, or raise --max-bytes.")
            }
            guard let handle = FileHandle(forReadingAtPath: p) else {
                throw InputError(.unreadable, "the file cannot be opened for reading. Check its permissions.")
            }
            defer { try? handle.close() }
            do {
                return Array(try handle.readToEnd() ?? Data())
            } catch {
                throw InputError(.unreadable, "reading failed: \(error)")
            }
        }
    }
}
