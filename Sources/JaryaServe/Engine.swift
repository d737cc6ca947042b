import Foundation
import Jarya

/// A document the page processed: its name, the bytes uploaded (to process it again after a
/// glossary change) and its line of output (a record, or an error record).
struct ProcessedDocument: Sendable {
    var name: String
    var bytes: [UInt8]
    var line: RecordLine

    /// The processed release, or nil when the document could not be processed.
    var record: Record? { line.record }
}

/// The documents of one paste or upload, kept in memory so the page can show, correct and
/// download them; `key` is random, so one user cannot guess another's.
struct Batch: Sendable {
    var key: String
    var documents: [ProcessedDocument]
}

/// The server's state: the glossaries and the processor made from them (replaced together
/// after a glossary change), and the recent batches (the oldest dropped past `maxBatches`).
/// Processing runs outside the lock, so requests are processed in parallel.
final class Engine: @unchecked Sendable {
    let configuration: ServeConfiguration
    let editor: GlossaryEditor
    static let maxBatches = 200
    static let maxStoredBytes = 256 << 20

    private let lock = NSLock()
    private var glossaries: Glossaries
    private var processor: Processor
    private var batches: [String: Batch] = [:]
    private var order: [String] = []
    private var storedBytes = 0

    init(configuration: ServeConfiguration) throws {
        self.configuration = configuration
        glossaries = try Glossaries.load(from: configuration.glossaries)
        if let note = glossaries.modelNote { FileHandle.standardError.write(Data("jarya: note: \(note)\n".utf8)) }
        processor = PipelineFactory.make(glossaries: glossaries, maxBytes: configuration.maxBytes)
        editor = GlossaryEditor(directory: configuration.glossaries)
    }

    var currentGlossaries: Glossaries { lock.withLock { glossaries } }
    var currentProcessor: Processor { lock.withLock { processor } }

    /// Loads the glossaries folder again and makes the processor of the next document from it.
    func reload() throws {
        let loaded = try Glossaries.load(from: configuration.glossaries)
        let made = PipelineFactory.make(glossaries: loaded, maxBytes: configuration.maxBytes)
        lock.withLock {
            glossaries = loaded
            processor = made
        }
    }

    /// Processes documents, links translations among them (as a `jarya process` run of the
    /// same files would) and keeps them as a new batch.
    func processBatch(_ inputs: [(name: String, bytes: [UInt8])]) -> Batch {
        let processor = currentProcessor
        let documents = inputs.map {
            ProcessedDocument(name: $0.name, bytes: $0.bytes, line: processor.process(bytes: $0.bytes, path: $0.name).0)
        }
        let batch = Batch(key: ServeConfiguration.randomToken(), documents: Self.linked(documents))
        store(batch)
        return batch
    }

    /// Processes a batch's documents again with the current glossaries, keeping its key.
    func reprocess(_ key: String) -> Batch? {
        guard let old = batch(key) else { return nil }
        let processor = currentProcessor
        let documents = old.documents.map {
            ProcessedDocument(name: $0.name, bytes: $0.bytes, line: processor.process(bytes: $0.bytes, path: $0.name).0)
        }
        let batch = Batch(key: key, documents: Self.linked(documents))
        store(batch)
        return batch
    }

    func batch(_ key: String) -> Batch? { lock.withLock { batches[key] } }

    /// Keeps `batch` as the most recent one; the least recent go when there are more than
    /// `maxBatches` or they hold more than `maxStoredBytes`.
    func store(_ batch: Batch) {
        lock.withLock {
            if let old = batches[batch.key] {
                storedBytes -= Self.cost(old)
                order.removeAll { $0 == batch.key }
            }
            order.append(batch.key)
            batches[batch.key] = batch
            storedBytes += Self.cost(batch)
            while order.count > 1, order.count > Self.maxBatches || storedBytes > Self.maxStoredBytes {
                if let dropped = batches.removeValue(forKey: order.removeFirst()) { storedBytes -= Self.cost(dropped) }
            }
        }
    }

    /// About the memory a batch holds: its bytes and its text (records hold it twice, as text and entities).
    static func cost(_ batch: Batch) -> Int {
        batch.documents.reduce(0) { $0 + $1.bytes.count + 2 * ($1.record?.text.utf8.count ?? 0) }
    }

    /// Sets `related` on records that are translations of each other.
    static func linked(_ documents: [ProcessedDocument]) -> [ProcessedDocument] {
        var linker = TranslationLinker()
        for d in documents { linker.add(d.line) }
        let links = linker.links()
        return documents.enumerated().map { n, d in
            var d = d
            if case .record(var r) = d.line {
                r.related = links[n] ?? []
                d.line = .record(r)
            }
            return d
        }
    }
}
