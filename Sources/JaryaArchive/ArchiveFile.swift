import Foundation
import GRDB

/// Why an archive command cannot go on, in one line that names the file and says what to do,
/// and the exit status (sysexits(3)) that tells a script which kind of trouble it is.
public struct ArchiveError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// A query or an option the user can write another way (EX_USAGE).
        case query
        /// A file of records (`.jsonl`) with a line that is not a record (EX_DATAERR).
        case badRecords
        /// No archive (or records file) at the path given (EX_NOINPUT).
        case missing
        /// Something is at the path but cannot be read as an archive: a folder, another kind
        /// of file, a damaged or foreign SQLite database, no permission (EX_IOERR).
        case notArchive
        /// The archive cannot be created or written: no such folder, read-only, disk full
        /// (EX_CANTCREAT).
        case cannotWrite
        /// Another program holds the archive (EX_TEMPFAIL: try again later).
        case busy
        /// The database server cannot be reached: a wrong URL, a refused connection, no such
        /// database (EX_UNAVAILABLE).
        case unavailable
        /// The database server refused the user: a wrong password, no such role, no rights
        /// (EX_NOPERM).
        case noPermission
    }

    public var kind: Kind
    public var description: String

    public init(_ description: String, kind: Kind = .query) {
        self.kind = kind
        self.description = description
    }

    /// The exit status of a command that stops on this error.
    public var exitCode: Int32 {
        switch kind {
        case .query: return 64
        case .badRecords: return 65
        case .missing: return 66
        case .notArchive: return 74
        case .cannotWrite: return 73
        case .busy: return 75
        case .unavailable: return 69
        case .noPermission: return 77
        }
    }
}

/// Checks of the file behind `--db`, made before SQLite touches it, and SQLite's failures
/// turned into `ArchiveError`s: a user never sees an SQLite error code or statement.
enum ArchiveFile {
    /// What to do about a file that is not an archive.
    static let notArchiveAdvice =
        "Give another --db (a new file makes a new archive), or restore the archive from a backup."

    /// Refuses, before SQLite opens it, anything at `path` that cannot be an archive: a folder,
    /// a device, an unreadable file, a file that does not start like an SQLite database. A
    /// missing file is fine for writing (when its folder exists), `.missing` for reading.
    static func check(_ path: String, writing: Bool) throws {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let error = errno
            guard error == ENOENT else {
                throw ArchiveError(
                    "cannot read the archive \(path): \(String(cString: strerror(error))).", kind: .notArchive)
            }
            if !writing {
                throw ArchiveError(
                    "no archive at \(path): make one with `jarya index PATH --db \(path)`.", kind: .missing)
            }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw ArchiveError(
                    "cannot create the archive \(path): the folder \(folder) does not exist. Create it first.",
                    kind: .cannotWrite)
            }
            return
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            throw ArchiveError(
                "\(path) is a folder, not an archive file: give a file, as in --db \(path)/archive.sqlite.",
                kind: .notArchive)
        default:
            throw ArchiveError(
                "\(path) is not a regular file, so it cannot be an archive. \(notArchiveAdvice)", kind: .notArchive)
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw ArchiveError("cannot read the archive \(path): \(reason). Check its permissions.", kind: .notArchive)
        }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 100)
        let n = read(fd, &header, header.count)
        guard n >= 0 else {
            throw ArchiveError(
                "cannot read the archive \(path): \(String(cString: strerror(errno))).", kind: .notArchive)
        }
        // An empty file is an empty SQLite database (a new archive for `index`).
        if n == 0 { return }
        let magic = Array("SQLite format 3\u{0}".utf8)
        let start = Array(header[0..<min(n, 16)])
        guard start == Array(magic[0..<start.count]) else {
            throw ArchiveError(
                "\(path) is not a Jarya archive: it is not an SQLite file. \(notArchiveAdvice)", kind: .notArchive)
        }
        guard n == 100 else {
            throw ArchiveError("\(path) is a damaged archive: it is cut short. \(notArchiveAdvice)", kind: .notArchive)
        }
    }

    /// An archive has the `documents` and `documents_fts` tables. A database without tables is
    /// a new archive for writing and no archive for reading; one with other tables (a `--state`
    /// file, someone else's database) is refused, and nothing is written to it.
    static func checkSchema(_ database: DatabaseQueue, path: String, writing: Bool) throws {
        let tables = try database.read { db in
            Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"))
        }
        if tables.isEmpty {
            if writing { return }
            throw ArchiveError(
                "\(path) is an empty database: make the archive with `jarya index PATH --db \(path)`.", kind: .missing)
        }
        guard tables.contains("documents"), tables.contains("documents_fts") else {
            throw ArchiveError(
                "\(path) is an SQLite database but not a Jarya archive (it has no documents table). \(notArchiveAdvice)",
                kind: .notArchive)
        }
        if try database.read({ db in try ArchiveIndex.migrator.hasBeenSuperseded(db) }) {
            throw ArchiveError(
                "the archive \(path) was made by a newer jarya (its schema is newer than this jarya knows): "
                    + "use that jarya or a newer one; nothing was changed.", kind: .notArchive)
        }
    }

    /// SQLite's (or the file system's) failure on the archive at `path` → an `ArchiveError`.
    static func failure(_ error: any Error, path: String, writing: Bool) -> ArchiveError {
        if let error = error as? ArchiveError { return error }
        guard let error = error as? DatabaseError else {
            return ArchiveError(
                "\(writing ? "cannot write" : "cannot read") the archive \(path): \(reason(error)).",
                kind: writing ? .cannotWrite : .notArchive)
        }
        let sqlite = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return ArchiveError(
                "\(path) is damaged or is not an SQLite database (SQLite: \(sqlite)). \(notArchiveAdvice)",
                kind: .notArchive)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return ArchiveError(
                "the archive \(path) is busy: another program is writing it. Try again later.", kind: .busy)
        case .SQLITE_FULL:
            return ArchiveError(
                "cannot write the archive \(path): the disk is full. Free some space and run again.", kind: .cannotWrite
            )
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            if writing {
                return ArchiveError(
                    "cannot write the archive \(path) (SQLite: \(sqlite)). Check that the file and its folder are writable.",
                    kind: .cannotWrite)
            }
            return ArchiveError(
                "cannot read the archive \(path) (SQLite: \(sqlite)). Check that the file and its folder are readable.",
                kind: .notArchive)
        default:
            return ArchiveError(
                "\(writing ? "cannot write" : "cannot read") the archive \(path) (SQLite: \(sqlite)).",
                kind: writing ? .cannotWrite : .notArchive)
        }
    }

    /// The bytes of a regular file the user named (a `.jsonl` of records).
    /// `path` opened for reading; `.missing` when there is no such file, `.notArchive` for a
    /// folder or a file that cannot be read.
    static func openRegularFile(_ path: String) throws -> FileHandle {
        var st = stat()
        guard stat(path, &st) == 0 else {
            if errno == ENOENT { throw ArchiveError("\(path): no such file.", kind: .missing) }
            throw ArchiveError("cannot read \(path): \(String(cString: strerror(errno))).", kind: .notArchive)
        }
        guard st.st_mode & S_IFMT != S_IFDIR else {
            throw ArchiveError("\(path) is a folder, not a file of records.", kind: .notArchive)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ArchiveError(
                "cannot read \(path): \(String(cString: strerror(errno))). Check its permissions.", kind: .notArchive)
        }
        return handle
    }

    /// A Foundation or decoding error in a few words: the POSIX reason when there is one,
    /// never a dump of the error's domain and user info.
    static func reason(_ error: any Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case .dataCorrupted(let c):
                return c.codingPath.isEmpty
                    ? "not valid JSON" : "a wrong value at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
            case .keyNotFound(let key, _): return "no \"\(key.stringValue)\" field"
            case .typeMismatch(_, let c), .valueNotFound(_, let c):
                return "a wrong value at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
            @unknown default: return "not a record"
            }
        }
        let ns = error as NSError
        if let posix = (ns.userInfo[NSUnderlyingErrorKey] as? NSError) ?? (ns.domain == NSPOSIXErrorDomain ? ns : nil),
            posix.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(posix.code)))
        }
        return ns.localizedDescription
    }
}
