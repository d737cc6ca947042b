import Foundation
import Jarya

/// The searchable archive behind `jarya index`, `search` and `export`, whichever database holds
/// it: an SQLite file (`ArchiveIndex`, the embedded default) or a PostgreSQL database shared by
/// several hosts (`PostgresArchive`). Both answer every query with the same records in the same
/// order, so commands and tests do not care which one they have.
public protocol Archive: AnyObject, Sendable {
    /// Where the archive is, for messages: a path, or `USER@HOST:PORT/DB` (never a password).
    var location: String { get }
    /// Stores records, replacing a document indexed before (same id, or same path with other
    /// contents), all of them or none. Error records are skipped and counted.
    @discardableResult
    func upsert(_ lines: [RecordLine]) throws -> (stored: Int, skipped: Int)
    /// Does the work on a batch that needs no database (folding, words, stems): `index` does it
    /// for the next batch while the server writes this one, so that both cores work.
    func prepare(_ lines: [RecordLine]) -> PreparedBatch
    /// `prepare(_:)` of lines read from a JSON Lines file, with the JSON of each line as read
    /// (`json[k]` of `lines[k]`; nil when it must be written again): an archive that stores the
    /// record's JSON may store that text instead of writing the record out again.
    func prepare(_ lines: [RecordLine], json: [Data?]) -> PreparedBatch
    /// Stores a prepared batch as `upsert(_:)` stores its lines.
    @discardableResult
    func upsert(_ batch: PreparedBatch) throws -> (stored: Int, skipped: Int)
    /// The records that match, sorted by event start (undated last), then path.
    func search(_ q: SearchQuery) throws -> [Jarya.Record]
    /// Every stored record, in path order.
    func records() throws -> [Jarya.Record]
    /// The stored records with these ids (those that are there), in path order: a search
    /// result's translations, a record asked for by id.
    func records(ids: [String]) throws -> [Jarya.Record]
    /// How many documents the archive holds.
    func count() throws -> Int
}

/// Opens the archive a `--db` value names.
public enum Archives {
    /// Whether `db` names a PostgreSQL database (`postgres://…` or `postgresql://…`) rather than
    /// an SQLite file.
    public static func isPostgres(_ db: String) -> Bool {
        let lower = db.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// The archive at `db` for `jarya index`: an SQLite file is created if needed, a PostgreSQL
    /// database gets its tables; either is brought to the current schema version.
    public static func openForWriting(_ db: String) throws -> any Archive {
        isPostgres(db) ? try PostgresArchive(url: db, writing: true) : try ArchiveIndex(path: db)
    }

    /// An existing archive for `search` and `export`: never created, never written.
    public static func openForReading(_ db: String) throws -> any Archive {
        isPostgres(db) ? try PostgresArchive(url: db, writing: false) : try ArchiveIndex(readingAt: db)
    }
}

/// A batch of lines and what an archive made of them before writing (`Archive.prepare`).
public struct PreparedBatch: @unchecked Sendable {
    public let lines: [RecordLine]
    /// The archive's own work on the lines; nil when it has none.
    let work: Any?
}

extension Archive {
    /// Nothing to do before the database: the lines as they are.
    public func prepare(_ lines: [RecordLine]) -> PreparedBatch { PreparedBatch(lines: lines, work: nil) }

    /// The JSON as read is not needed: the lines are prepared as `prepare(_:)` prepares them.
    public func prepare(_ lines: [RecordLine], json: [Data?]) -> PreparedBatch { prepare(lines) }

    @discardableResult
    public func upsert(_ batch: PreparedBatch) throws -> (stored: Int, skipped: Int) { try upsert(batch.lines) }

    /// Stores processed records (see `upsert(_:)` for lines that may be error records).
    @discardableResult
    public func upsert(_ records: [Jarya.Record]) throws -> (stored: Int, skipped: Int) {
        try upsert(records.map(RecordLine.record))
    }

    /// Processes files and folders (as `jarya process` reads them; `.jsonl` files are read as
    /// records) and stores them, `chunk` documents per transaction. Returns the stored count
    /// and the failed inputs (error records, unreadable JSON Lines) with the worst exit status.
    ///
    /// Translations among the processed files are linked as `jarya process` links them
    /// (`related`), once every record of the run is stored: the linked records are read back,
    /// given their links and stored again. Records read from `.jsonl` keep the links they have.
    public func index(
        paths: [String], processor: Processor, jobs: Int = 1, chunk: Int = 256,
        onRecord: (RecordLine) -> Void = { _ in }
    ) throws -> IndexSummary {
        var summary = IndexSummary()
        var files: [Input] = []
        for path in paths {
            if path.lowercased().hasSuffix(".jsonl") {
                // Read and stored `chunk` records at a time, as processed files are: a bad line
                // stops this file only, after the batches before it were stored.
                func fail(_ error: ArchiveError) {
                    // One bad file of records does not stop the others.
                    summary.failures.append(error.description)
                    summary.status = .worse(
                        summary.status,
                        error.kind == .missing
                            ? .noInput
                            : error.kind == .badRecords ? .dataError : .ioError)
                }
                let reader: ReadAhead
                do { reader = ReadAhead(try JSONLinesReader(path: path), archive: self, chunk: chunk) } catch let error
                    as ArchiveError
                {
                    fail(error); continue
                }
                defer { reader.close() }
                while true {
                    // The next batch is read and prepared while this one is written.
                    let batch: PreparedBatch
                    do { batch = try reader.next() } catch let error as ArchiveError { fail(error); break }
                    if batch.lines.isEmpty { break }
                    batch.lines.forEach(onRecord)
                    let (stored, skipped) = try upsert(batch)
                    summary.stored += stored
                    summary.skipped += skipped
                }
            } else {
                files += InputCollector.collect([path])
            }
        }
        var linker = TranslationLinker()
        var ids: [String?] = []
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(files.count, start + chunk)])
            start += batch.count
            let results = ArchiveIndex.process(batch, processor: processor, jobs: jobs)
            for (record, status) in results {
                onRecord(record)
                linker.add(record)
                ids.append(record.record?.id)
                if let e = record.error {
                    summary.failures.append(
                        e.message.hasPrefix(record.source.path) ? e.message : "\(record.source.path): \(e.message)")
                    summary.status = .worse(summary.status, status)
                }
            }
            let (stored, skipped) = try upsert(results.map(\.0))
            summary.stored += stored
            summary.skipped += skipped
        }
        var links: [String: [Jarya.Record.Related]] = [:]
        for (position, related) in linker.links() {
            if let id = ids[position] { links[id] = related }
        }
        try link(links, chunk: chunk)
        return summary
    }

    /// Sets `related` on the stored records with these ids and stores them again, `chunk` per
    /// transaction.
    func link(_ links: [String: [Jarya.Record.Related]], chunk: Int) throws {
        let ids = links.keys.sorted()
        var start = 0
        while start < ids.count {
            let part = Array(ids[start..<min(ids.count, start + chunk)])
            start += part.count
            let linked = try records(ids: part).map { record in
                var record = record
                record.related = links[record.id] ?? record.related
                return record
            }
            try upsert(linked)
        }
    }

    /// The stored records that `records` name as their translations, by id: what search
    /// results show as a release's other-language version.
    public func translations(of records: [Jarya.Record]) throws -> [String: Jarya.Record] {
        let ids = Set(records.flatMap { $0.related.filter { $0.relation == "translation" }.map(\.id) })
        return Dictionary(try self.records(ids: ids.sorted()).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

}
