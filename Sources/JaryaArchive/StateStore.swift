import Foundation
import GRDB
import Jarya

/// The state of incremental runs (`jarya process --state FILE`): one SQLite file (WAL mode)
/// with a row per input file — its path, the SHA-256 and size of the bytes its record was
/// made from, the record as a JSON line and when it was stored — and the fingerprint of the
/// settings the records were made under.
///
/// Each record is committed in its own transaction as soon as it is made, so a run killed at
/// any moment loses at most the documents in flight; the next run reuses every committed row
/// and makes the rest.
///
///     CREATE TABLE files (path TEXT PRIMARY KEY, sha256 TEXT, bytes INTEGER, record TEXT, updated TEXT)
///     CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)
public final class StateStore: RecordCache {
    public let path: String
    private let pool: DatabasePool

    /// Opens (or creates) the state file. When `fingerprint` differs from the one the stored
    /// records were made under (another jarya, other glossaries or options), they are dropped.
    public init(path: String, fingerprint: String) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(10)
        // WAL with synchronous=NORMAL: a commit survives the process being killed (it is in the
        // WAL when COMMIT returns); only a power loss may lose the last few, never corrupt.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try Self.migrator.migrate(pool)
        } catch {
            throw Self.openFailure(error, path: path)
        }
        try pool.write { db in
            let stored = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'fingerprint'")
            if stored != fingerprint {
                try db.execute(sql: "DELETE FROM files")
                try db.execute(
                    sql: "INSERT OR REPLACE INTO settings (key, value) VALUES ('fingerprint', ?)",
                    arguments: [fingerprint])
            }
        }
    }

    /// Why the state file cannot be opened, in one line with what to do: 74 for a file that is
    /// not a state (damaged, not SQLite), 73 for one that cannot be created or written.
    static func openFailure(_ error: any Error, path: String) -> ArchiveError {
        let advice = "Remove it to start afresh (the next run processes every file), or give another --state."
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                return ArchiveError(
                    "the state file \(path) is damaged or is not a Jarya state file. \(advice)", kind: .notArchive)
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return ArchiveError(
                    "the state file \(path) is busy: another program is writing it. Try again later.", kind: .busy)
            default:
                let reason = error.message ?? "SQLite error \(error.resultCode.rawValue)"
                return ArchiveError(
                    "cannot open the state file \(path): \(reason). Check that the file and its folder are writable.",
                    kind: .cannotWrite)
            }
        }
        return ArchiveError(
            "cannot open the state file \(path). Check that the file and its folder are writable.", kind: .cannotWrite)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "files") { t in
                t.primaryKey("path", .text)
                t.column("sha256", .text).notNull()
                t.column("bytes", .integer).notNull()
                t.column("record", .text).notNull()
                t.column("updated", .text).notNull()
            }
            try db.create(table: "settings") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        return migrator
    }

    // MARK: RecordCache

    public func line(path: String, sha256: String) throws -> Data? {
        try pool.read { db in
            try String.fetchOne(
                db, sql: "SELECT record FROM files WHERE path = ? AND sha256 = ?", arguments: [path, sha256])
        }.map { Data($0.utf8) }
    }

    public func store(path: String, sha256: String, bytes: Int, line: Data) throws {
        let record = String(decoding: line, as: UTF8.self)
        let now = ISO8601DateFormatter().string(from: Date())
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO files (path, sha256, bytes, record, updated) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, bytes = excluded.bytes,
                        record = excluded.record, updated = excluded.updated
                    """, arguments: [path, sha256, bytes, record, now])
        }
    }

    public func retain(paths: Set<String>) throws {
        try pool.write { db in
            let stored = try String.fetchAll(db, sql: "SELECT path FROM files")
            for gone in stored where !paths.contains(gone) {
                try db.execute(sql: "DELETE FROM files WHERE path = ?", arguments: [gone])
            }
        }
    }

    // MARK: Inspection

    /// One stored file.
    public struct Row: Equatable, Sendable {
        public var path: String
        public var sha256: String
        public var bytes: Int
        public var record: String
        public var updated: String
    }

    /// Every stored file, by path.
    public func rows() throws -> [Row] {
        try pool.read { db in
            try GRDB.Row.fetchAll(db, sql: "SELECT path, sha256, bytes, record, updated FROM files ORDER BY path").map {
                Row(
                    path: $0["path"], sha256: $0["sha256"], bytes: $0["bytes"], record: $0["record"],
                    updated: $0["updated"])
            }
        }
    }

    /// Forgets every stored record (`--force` does not need this: it overwrites them).
    public func clear() throws {
        try pool.write { db in try db.execute(sql: "DELETE FROM files") }
    }
}
