import GRDB
import Jarya

/// SQLite stores of records: the incremental state of batch runs (`--state`) and the
/// searchable archive (`jarya index`, `jarya search`, `jarya export`).
public enum JaryaArchive {
    /// The SQLite library version GRDB links, for diagnostics.
    public static func sqliteVersion() throws -> String {
        try DatabaseQueue().read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "" }
    }
}
