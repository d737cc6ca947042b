import Foundation
import GRDB
import Jarya

/// The searchable archive: records in plain SQLite tables that any SQLite tool opens
/// (Datasette, DB Browser), and an FTS5 index over folded copies of the title and text.
///
/// Tables: `documents` (one row per record, the whole record JSON in `record`), `events`
/// (its event; `first_day`/`last_day` are the day span the event dates cover, for range
/// queries), `event_places`, `event_organizations` (role organizer/funder/partner),
/// `entities`, and `documents_fts` (title, text and the words' dictionary forms, folded,
/// rowid = the document's rowid).
public final class ArchiveIndex: Archive, Sendable {
    /// The connection: it writes for `jarya index`, and only reads for `search` and `export`.
    public let database: DatabaseQueue
    /// The archive's path, for messages.
    public let path: String
    /// The archive's path, for messages.
    public var location: String { path }

    /// Opens (creating if needed) the archive at `path` for writing and brings its schema up
    /// to date. The archive is switched to WAL mode, so that `search` and `export` read it
    /// while an index run writes.
    ///
    /// Throws an `ArchiveError` naming the file and what to do: `.notArchive` for anything at
    /// `path` that is not a Jarya archive (a folder, another kind of file, a damaged or foreign
    /// SQLite database: nothing is written to it), `.cannotWrite` when it cannot be created or
    /// written.
    public init(path: String) throws {
        self.path = path
        try ArchiveFile.check(path, writing: true)
        do {
            database = try DatabaseQueue(path: path, configuration: Self.configuration(readonly: false))
            try ArchiveFile.checkSchema(database, path: path, writing: true)
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            try Self.migrator.migrate(database)
        } catch {
            throw ArchiveFile.failure(error, path: path, writing: true)
        }
    }

    /// Opens an existing archive for reading (`search`, `export`): never creates it and never
    /// writes to it, and reads go on while another process indexes (WAL: readers do not wait
    /// for the writer). Throws `.missing` when there is no archive at `path`.
    ///
    /// The connection is opened read-only only when the file or its folder cannot be written:
    /// a read-write connection (that only reads) removes WAL mode's `-wal` and `-shm` files
    /// when it closes, as SQLite's own tools do, instead of leaving them beside the archive.
    public init(readingAt path: String) throws {
        self.path = path
        try ArchiveFile.check(path, writing: false)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let readonly = access(path, W_OK) != 0 || access(folder, W_OK) != 0
        do {
            database = try DatabaseQueue(path: path, configuration: Self.configuration(readonly: readonly))
            try ArchiveFile.checkSchema(database, path: path, writing: false)
        } catch {
            throw ArchiveFile.failure(error, path: path, writing: false)
        }
    }

    static func configuration(readonly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.foreignKeysEnabled = true
        // A checkpoint or a reader starting up can hold a lock for a moment: wait for it
        // rather than fail. A whole index run is kept out by `jarya index`'s run lock.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // Case- and lookalike-insensitive comparisons of names (--org, --person).
            db.add(
                function: DatabaseFunction("jarya_fold", argumentCount: 1, pure: true) { values in
                    guard let s = String.fromDatabaseValue(values[0]) else { return nil }
                    return Folding.fold(s)
                })
        }
        return config
    }

    /// A read of the archive; SQLite's failures become `ArchiveError`s that say what to do.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try database.read(body) } catch { throw ArchiveFile.failure(error, path: path, writing: false) }
    }

    /// A write transaction; SQLite's failures become `ArchiveError`s that say what to do.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try database.write(body) } catch { throw ArchiveFile.failure(error, path: path, writing: true) }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE documents (
                        id TEXT PRIMARY KEY NOT NULL,
                        path TEXT NOT NULL,
                        sha256 TEXT,
                        language TEXT,
                        title TEXT,
                        summary TEXT,
                        published TEXT,
                        text TEXT,
                        record TEXT NOT NULL
                    );
                    CREATE INDEX documents_path ON documents(path);
                    CREATE TABLE events (
                        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        kind TEXT,
                        title TEXT,
                        start TEXT,
                        "end" TEXT,
                        time TEXT,
                        first_day TEXT,
                        last_day TEXT
                    );
                    CREATE INDEX events_document ON events(document_id);
                    CREATE TABLE event_places (
                        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        place TEXT NOT NULL
                    );
                    CREATE INDEX event_places_document ON event_places(document_id);
                    CREATE INDEX event_places_place ON event_places(place);
                    CREATE TABLE event_organizations (
                        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        role TEXT NOT NULL,
                        name TEXT NOT NULL
                    );
                    CREATE INDEX event_organizations_document ON event_organizations(document_id);
                    CREATE TABLE entities (
                        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        type TEXT NOT NULL,
                        text TEXT,
                        start TEXT,
                        "end" TEXT,
                        name TEXT,
                        kind TEXT,
                        country TEXT,
                        acronym TEXT,
                        role TEXT,
                        value TEXT,
                        span_start INTEGER,
                        span_end INTEGER
                    );
                    CREATE INDEX entities_document ON entities(document_id);
                    CREATE INDEX entities_type_name ON entities(type, name);
                    CREATE VIRTUAL TABLE documents_fts USING fts5(
                        title, text, forms, tokenize = 'unicode61 remove_diacritics 2'
                    );
                    """)
        }
        return m
    }

    /// Stores records, replacing the rows of a document indexed before (same id, or same
    /// path with other contents). Error records are skipped: the count is returned.
    @discardableResult
    public func upsert(_ lines: [RecordLine]) throws -> (stored: Int, skipped: Int) {
        // Folding and morphology outside the write transaction.
        let prepared = lines.compactMap { line -> (Jarya.Record, String, String, String)? in
            guard let r = line.record else { return nil }
            let title = Folding.fold(r.title ?? r.event?.title ?? "")
            let text = Folding.fold(r.text)
            let forms = Folding.forms(ofFolded: title + "\n" + text).joined(separator: " ")
            return (r, title, text, forms)
        }
        try write { db in
            for (r, title, text, forms) in prepared {
                try Self.delete(db, id: r.id, path: r.source.path)
                let json = String(decoding: r.jsonBytes(), as: UTF8.self)
                try db.execute(
                    sql: """
                        INSERT INTO documents (id, path, sha256, language, title, summary, published, text, record)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        r.id, r.source.path, r.source.sha256, r.language.rawValue, r.title, r.summary, r.published,
                        r.text, json,
                    ])
                let rowid = db.lastInsertedRowID
                try db.execute(
                    sql: "INSERT INTO documents_fts (rowid, title, text, forms) VALUES (?, ?, ?, ?)",
                    arguments: [rowid, title, text, forms])
                if let e = r.event {
                    let span = DaySpan.of(start: e.start, end: e.end)
                    try db.execute(
                        sql: """
                            INSERT INTO events (document_id, kind, title, start, "end", time, first_day, last_day)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [r.id, e.kind.rawValue, e.title, e.start, e.end, e.time, span?.first, span?.last])
                    for p in e.places {
                        try db.execute(
                            sql: "INSERT INTO event_places (document_id, place) VALUES (?, ?)", arguments: [r.id, p])
                    }
                    for (role, names) in [("organizer", e.organizers), ("funder", e.funders), ("partner", e.partners)] {
                        for n in names {
                            try db.execute(
                                sql: "INSERT INTO event_organizations (document_id, role, name) VALUES (?, ?, ?)",
                                arguments: [r.id, role, n])
                        }
                    }
                }
                for x in r.entities {
                    let c = EntityColumns(x)
                    try db.execute(
                        sql: """
                            INSERT INTO entities (document_id, type, text, start, "end", name, kind, country, acronym, role, value, span_start, span_end)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            r.id, x.type.rawValue, x.text, c.start, c.end, c.name, c.kind, c.country, c.acronym, c.role,
                            c.value,
                            x.span.start, x.span.end,
                        ])
                }
            }
        }
        return (prepared.count, lines.count - prepared.count)
    }

    static func delete(_ db: Database, id: String, path: String) throws {
        let rowids = try Int64.fetchAll(
            db, sql: "SELECT rowid FROM documents WHERE id = ? OR path = ?", arguments: [id, path])
        for rowid in rowids {
            try db.execute(sql: "DELETE FROM documents_fts WHERE rowid = ?", arguments: [rowid])
        }
        let ids = try String.fetchAll(
            db, sql: "SELECT id FROM documents WHERE id = ? OR path = ?", arguments: [id, path])
        for old in ids {
            for table in ["events", "event_places", "event_organizations", "entities"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE document_id = ?", arguments: [old])
            }
            try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [old])
        }
    }

    /// Every stored record, in path order.
    public func records() throws -> [Jarya.Record] {
        try read { db in try String.fetchAll(db, sql: "SELECT record FROM documents ORDER BY path, id") }.map(
            decodeStored)
    }

    public func records(ids: [String]) throws -> [Jarya.Record] {
        guard !ids.isEmpty else { return [] }
        return try read { db in
            // At most 500 ids per statement, under SQLite's limit on parameters.
            var rows: [(String, String, String)] = []
            for start in stride(from: 0, to: ids.count, by: 500) {
                let part = Array(ids[start..<min(ids.count, start + 500)])
                let marks = Array(repeating: "?", count: part.count).joined(separator: ",")
                rows += try Row.fetchAll(
                    db, sql: "SELECT path, id, record FROM documents WHERE id IN (\(marks))",
                    arguments: StatementArguments(part)
                ).map { ($0[0], $0[1], $0[2]) }
            }
            return rows.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        }.map(decodeStored)
    }

    /// A record as stored in `documents.record`; one that another tool damaged is an
    /// `ArchiveError` (74) that says how to repair the archive.
    func decodeStored(_ json: String) throws -> Jarya.Record {
        do {
            return try JSONDecoder().decode(Jarya.Record.self, from: Data(json.utf8))
        } catch {
            throw ArchiveError(
                "the archive \(path) holds a record that is not valid (\(ArchiveFile.reason(error))): "
                    + "index its releases again into a new archive.", kind: .notArchive)
        }
    }

    /// How many documents the archive holds.
    public func count() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0 }
    }

    /// Records of a JSON Lines file (`jarya process --out`), blank lines skipped.
    ///
    /// Throws `ArchiveError` `.missing` (no such file), `.notArchive` (a folder, no permission)
    /// or `.badRecords` (a line that is not a record: the message names file and line).
    public static func records(jsonLines url: URL) throws -> [RecordLine] {
        var reader = try JSONLinesReader(path: url.path)
        defer { reader.close() }
        var result: [RecordLine] = []
        while case let part = try reader.next(4096), !part.isEmpty { result += part }
        return result
    }

    static func process(_ inputs: [Input], processor: Processor, jobs: Int) -> [(RecordLine, ExitStatus)] {
        let box = ResultBox(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, inputs.count))) { worker in
            var k = worker
            var lexicon = Lexicon()
            while k < inputs.count {
                box.set(k, processor.process(inputs[k], lexicon: &lexicon))
                k += max(1, min(jobs, inputs.count))
            }
        }
        return box.results.map { $0! }
    }
}

/// What `index(paths:)` did.
public struct IndexSummary: Sendable {
    public var stored = 0
    public var skipped = 0
    public var failures: [String] = []
    public var status: ExitStatus = .ok
}

extension ExitStatus {
    /// The more serious of two statuses, ranked as `jarya process` ranks them.
    static func worse(_ a: ExitStatus, _ b: ExitStatus) -> ExitStatus {
        let rank: [ExitStatus: Int] = [.ok: 0, .dataError: 1, .ioError: 2, .noInput: 3, .cannotCreate: 4]
        return (rank[b] ?? 0) > (rank[a] ?? 0) ? b : a
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var results: [(RecordLine, ExitStatus)?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ r: (RecordLine, ExitStatus)) { lock.lock(); results[k] = r; lock.unlock() }
}

/// The days an ISO date of any precision covers: `2022` → 2022-01-01…2022-12-31,
/// `2022-02` → 2022-02-01…2022-02-28. Dates without a year (`--03-03`) cover nothing.
public enum DaySpan {
    public static func first(of date: String) -> String? {
        let p = date.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard !date.hasPrefix("-"), let y = Int(p[0]), p[0].count == 4 else { return nil }
        switch p.count {
        case 1: return String(format: "%04d-01-01", y)
        case 2:
            guard let m = Int(p[1]), (1...12).contains(m) else { return nil };
            return String(format: "%04d-%02d-01", y, m)
        case 3:
            guard let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m), (1...31).contains(d) else { return nil }
            return String(format: "%04d-%02d-%02d", y, m, d)
        default: return nil
        }
    }

    public static func last(of date: String) -> String? {
        let p = date.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard !date.hasPrefix("-"), let y = Int(p[0]), p[0].count == 4 else { return nil }
        switch p.count {
        case 1: return String(format: "%04d-12-31", y)
        case 2:
            guard let m = Int(p[1]), (1...12).contains(m) else { return nil }
            return String(format: "%04d-%02d-%02d", y, m, daysIn(month: m, year: y))
        default: return first(of: date)
        }
    }

    static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The span of an event: from the first day of `start` to the last day of `end`; an open
    /// end (`since 2019`) runs on (9999-12-31). Nil when the start has no known year.
    public static func of(start: String?, end: String?) -> (first: String, last: String)? {
        guard let s = start, let first = first(of: s) else { return nil }
        guard let e = end else { return (first, "9999-12-31") }
        guard let last = last(of: e) else { return (first, last(of: s) ?? first) }
        return (first, max(first, last))
    }
}
