import Foundation

/// Records already made by an earlier run, so that a rerun processes only new or changed
/// files (`jarya process --state FILE`). Defined here, implemented by JaryaArchive's
/// `StateStore` over SQLite.
///
/// A cache is asked from the worker threads of a batch, several at once, so it must be safe
/// to call concurrently. `store` must have made the line durable when it returns: a run
/// killed right after loses nothing it stored.
public protocol RecordCache: Sendable {
    /// The record line (JSON, without its line break) stored for `path` when it was made from
    /// bytes with this SHA-256, or nil.
    func line(path: String, sha256: String) throws -> Data?
    /// Remembers the record line just made for `path` from `bytes` bytes with this SHA-256.
    func store(path: String, sha256: String, bytes: Int, line: Data) throws
    /// Called once at the end of a complete run with every input path: forgets the others.
    func retain(paths: Set<String>) throws
}

/// Processes inputs in order and writes their records; the run's exit status is the most
/// serious of its documents'.
public struct Batch {
    public var processor: Processor
    /// Documents processed at once, each on its own thread; output order stays the input order.
    public var jobs: Int
    /// Records of earlier runs: an unchanged file's record is taken from it instead of being
    /// made again, and every record made is stored in it as soon as it is made.
    public var cache: (any RecordCache)?
    /// Makes every record again (the cache is still told about them).
    public var force: Bool
    /// Called on the calling thread after each document, in output order: for progress
    /// lines and per-document error logs.
    public var observer: ((Progress) -> Void)?

    public init(processor: Processor, jobs: Int = 1, cache: (any RecordCache)? = nil, force: Bool = false) {
        self.processor = processor
        self.jobs = min(max(1, jobs), 256)  // more threads than this only cost memory
        self.cache = cache
        self.force = force
    }

    public struct Summary: Sendable {
        public var documents = 0
        public var errors = 0
        /// Documents whose record came from the cache unchanged.
        public var skipped = 0
        /// Bytes of all documents read (or, for skipped ones, recorded).
        public var bytes = 0
        /// Wall-clock time of the run.
        public var seconds = 0.0
        public var status: ExitStatus = .ok

        public init() {}

        /// Throughput in megabytes (10⁶ bytes) per second.
        public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }
    }

    /// Where a batch stands after one more document.
    public struct Progress {
        /// Documents done so far, this one included, and in all.
        public var done: Int
        public var total: Int
        /// Bytes read so far.
        public var bytes: Int
        /// The record of this document (before translation links are added).
        public var record: RecordLine
        /// True when the record came from the cache.
        public var reused: Bool
    }

    /// Processes every input, then writes the records in input order. Records go to a spool
    /// file first, so memory does not grow with the batch, and come back out with the links
    /// between translations, which are known only once every record is.
    public func run(_ inputs: [Input], to output: RecordOutput) throws -> Summary {
        let started = Date()
        var summary = Summary()
        let encoder = JSONLinesEncoder()
        let spool = try Spool()
        var linker = TranslationLinker()
        // Documents are made on `jobs` threads and come back here in input order as each is
        // ready; at most a few per job wait, so memory holds only those.
        let worker = sendable
        try OrderedWorkers<Lexicon, Result<Item, any Error>>.run(
            count: inputs.count, jobs: jobs, window: jobs * 8, makeState: { Lexicon() },
            work: { lexicon, n in Result { try worker.item(inputs[n], lexicon: &lexicon) } }
        ) { _, result in
            let item = try result.get()
            try spool.write(item.line)
            linker.add(item.record)
            summary.documents += 1
            summary.bytes += item.record.source.bytes
            if item.reused { summary.skipped += 1 }
            if item.record.error != nil { summary.errors += 1 }
            if item.status.severity > summary.status.severity { summary.status = item.status }
            observer?(
                Progress(
                    done: summary.documents, total: inputs.count, bytes: summary.bytes,
                    record: item.record, reused: item.reused))
        }
        try spool.finishWriting()
        let links = linker.links()
        let newline = Data([0x0A])
        var n = 0
        try spool.forEachLine { line in
            if let related = links[n] {
                try output.write(try Self.withRelated(related, line: line, encoder: encoder))
            } else {
                try output.write(line)
                try output.write(newline)
            }
            n += 1
        }
        if let cache {
            try cache.retain(
                paths: Set(inputs.compactMap { if case .file(let p) = $0 { return p } else { return nil } }))
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// A spooled record line with its translation links. Every record line ends in its
    /// (empty) `related` list, the last member in the record's key order, so the links are put
    /// into the line as it is; decoding and encoding the record costs a hundred times more.
    static func withRelated(_ related: [Record.Related], line: Data, encoder: JSONLinesEncoder) throws -> Data {
        let empty = Data(#""related":[]}"#.utf8)
        guard line.count > empty.count, line.suffix(empty.count).elementsEqual(empty) else {
            var record = try JSONDecoder().decode(Record.self, from: line)
            record.related = related
            return encoder.line(record)
        }
        var spliced = Data(line.dropLast(3))
        var list = JSONWriter(capacity: 64 * related.count)
        list.related(related)
        spliced.append(contentsOf: list.bytes)
        spliced.append(contentsOf: [UInt8(ascii: "}"), 0x0A])
        return spliced
    }

    /// One document's outcome: its record, as a line (with its line break) and as a value.
    struct Item {
        var line: [UInt8]
        var record: RecordLine
        var status: ExitStatus
        var reused: Bool
    }

    /// The record of one input: from the cache when the file is unchanged, else made (and
    /// then stored in the cache). Errors are the cache's; a document's failure is a record.
    func item(_ input: Input, lexicon: inout Lexicon) throws -> Item {
        let encoder = JSONLinesEncoder()
        guard let cache, case .file(let path) = input else {
            let (record, status) = processor.process(input, lexicon: &lexicon)
            return Item(line: encoder.lineBytes(record), record: record, status: status, reused: false)
        }
        if !force, let bytes = try? processor.read(input) {
            let sha256 = RecordID.sha256Hex(bytes)
            if let stored = try cache.line(path: path, sha256: sha256), !stored.contains(0x0A),
                let record = try? JSONDecoder().decode(Record.self, from: stored),
                record.source.path == path, record.source.sha256 == sha256
            {
                return Item(line: Array(stored) + [0x0A], record: .record(record), status: .ok, reused: true)
            }
        }
        // The file is read again: what it holds now is what the record (and the cache) says.
        let (record, status) = processor.process(input, lexicon: &lexicon)
        let line = encoder.lineBytes(record)
        // Failures are not stored: they are cheap to find again, and their exit status must be reported again.
        if record.error == nil {
            try cache.store(
                path: path, sha256: record.source.sha256, bytes: record.source.bytes, line: Data(line.dropLast()))
        }
        return Item(line: line, record: record, status: status, reused: false)
    }

    /// The part of the batch the worker threads need (the observer stays on the calling thread).
    private var sendable: Worker { Worker(processor: processor, cache: cache, force: force) }

    struct Worker: Sendable {
        let processor: Processor
        let cache: (any RecordCache)?
        let force: Bool
        func item(_ input: Input, lexicon: inout Lexicon) throws -> Item {
            var batch = Batch(processor: processor, jobs: 1, cache: cache, force: force)
            batch.observer = nil
            return try batch.item(input, lexicon: &lexicon)
        }
    }
}

extension Processor {
    /// What, besides a file's bytes, decides its record: the record schema, the processor's
    /// settings (limits, encoding override, stages), the glossaries' contents, the name model
    /// and the executable itself (its size and modification time). A cache made under another
    /// fingerprint is not reused.
    public var settingsFingerprint: String {
        var parts = ["schema=\(Record.schemaVersion)"]
        for child in Mirror(reflecting: self).children where child.label != "pipeline" {
            parts.append("\(child.label ?? "?")=\(child.value)")
        }
        parts.append("stages=" + pipeline.stages.map(\.name).joined(separator: ","))
        if let dir = GlossaryDirectory.path { parts += GlossaryDirectory.digests(in: dir) }
        for case let stage as Recognize in pipeline.stages {
            for case let tagger as ModelRecognizer in stage.recognizers {
                parts.append("model=\(tagger.model.fingerprint)")
            }
        }
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 || stat(CommandLine.arguments.first ?? "", &info) == 0 {
            #if os(Linux)
                let mtime = info.st_mtim
            #else
                let mtime = info.st_mtimespec
            #endif
            parts.append("exe=\(info.st_size)@\(mtime.tv_sec).\(mtime.tv_nsec)")
        }
        return RecordID.sha256Hex(Array(parts.joined(separator: "\n").utf8))
    }
}
