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

    public init(pipeline: Pipeline = .standard(), maxBytes: Int = 64 << 20) {
        self.pipeline = pipeline
        self.maxBytes = maxBytes
    }

    /// The record for one input and the exit status it calls for.
    public func process(_ input: Input) -> (Record, ExitStatus) {
        let (result, status) = processDocument(input)
        switch result {
        case .success(let doc): return (Record(doc), status)
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
            return (.success(try pipeline.process(Document(source: source, bytes: bytes))), .ok)
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

/// Processes inputs in order and writes their records; the run's exit status is the most
/// serious of its documents'.
public struct Batch {
    public var processor: Processor
    /// Documents processed at once, each on its own thread; output order stays the input order.
    public var jobs: Int

    public init(processor: Processor = Processor(), jobs: Int = 1) {
        self.processor = processor
        self.jobs = max(1, jobs)
    }

    public struct Summary: Sendable {
        public var documents = 0
        public var errors = 0
        public var status: ExitStatus = .ok
    }

    /// Processes every input, then writes the records in input order. Records go to a spool
    /// file first, so memory does not grow with the batch, and come back out with the links
    /// between translations, which are known only once every record is.
    public func run(_ inputs: [Input], to output: RecordOutput) throws -> Summary {
        var summary = Summary()
        let encoder = JSONLinesEncoder()
        let spool = try Spool()
        var linker = TranslationLinker()
        // Inputs go in windows of a few documents per job: each window is processed in
        // parallel, then written in order, so memory holds one window at a time.
        let window = jobs == 1 ? 1 : jobs * 16
        var start = 0
        while start < inputs.count {
            let slice = Array(inputs[start..<min(inputs.count, start + window)])
            for (record, status) in processWindow(slice) {
                try spool.write(try encoder.line(record))
                linker.add(record)
                summary.documents += 1
                if record.error != nil { summary.errors += 1 }
                if status.severity > summary.status.severity { summary.status = status }
            }
            start += window
        }
        let links = linker.links()
        var n = 0
        try spool.forEachLine { line in
            if let related = links[n] {
                var record = try JSONDecoder().decode(Record.self, from: line)
                record.related = related
                try output.write(try encoder.line(record))
            } else {
                try output.write(line + Data([0x0A]))
            }
            n += 1
        }
        return summary
    }

    /// The records of a window of inputs, in order, computed on `jobs` threads.
    func processWindow(_ inputs: [Input]) -> [(Record, ExitStatus)] {
        if jobs == 1 || inputs.count == 1 { return inputs.map(processor.process) }
        let results = ResultSlots<(Record, ExitStatus)>(count: inputs.count)
        let processor = self.processor
        DispatchQueue.concurrentPerform(iterations: inputs.count) { n in
            results[n] = processor.process(inputs[n])
        }
        return results.values
    }
}

/// Slots written by concurrent workers, each slot by exactly one of them.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(n: Int) -> T? {
        get { lock.lock(); defer { lock.unlock() }; return slots[n] }
        set { lock.lock(); slots[n] = newValue; lock.unlock() }
    }

    var values: [T] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}
