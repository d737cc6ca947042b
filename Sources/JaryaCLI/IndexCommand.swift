import ArgumentParser
import Foundation
import Jarya
import JaryaArchive

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Store records in a searchable archive: an SQLite file or a PostgreSQL database.",
        discussion: """
            Files and folders are processed as `jarya process` reads them; a path
            ending in .jsonl is read as records (`jarya process --out`). Re-indexing a
            document replaces its rows. The archive is plain SQLite in WAL mode: tables
            documents, events, event_places, event_organizations, entities, and the
            FTS5 table documents_fts. `jarya search` and `jarya export` can read it
            while an index run writes. One index run at a time: a run holds
            ARCHIVE.lock while it writes.

            --db postgres://USER@HOST:PORT/DB (or postgresql://…) indexes into a
            PostgreSQL database shared by several hosts instead: the tables are
            created or upgraded first (`jarya archive migrate`), several index runs
            may write at once (each document is stored exactly once, the last one
            written wins), and the PG* environment variables, PGPASSWORD and
            ~/.pgpass are honoured; TLS is used when the server offers it.

            Examples:
              jarya index corpus/ --db archive.sqlite
              jarya index records.jsonl --db archive.sqlite
              jarya index corpus/ --db postgres://jarya@db.example.org:5432/jarya

            Exit status:
              0   every document was indexed
              64  a usage error (an unknown option, --jobs or --max-bytes below 1)
              65  a document was not usable (binary, empty, too large, malformed),
                  or a .jsonl line is not a record; the other documents are indexed
              66  an input path does not exist
              69  the PostgreSQL server cannot be reached, or has no such database
              73  the archive cannot be created or written (no such folder,
                  read-only, disk full)
              74  --db is not a Jarya archive (a folder, another kind of file, a
                  damaged or foreign SQLite database: nothing is written to it),
                  or an input cannot be read; or the archive was made by a newer jarya
              75  another index run holds the archive: try again later
              77  the PostgreSQL server refused the user or the password
            """
    )

    @Argument(help: "Files, folders, or .jsonl files of records.")
    var paths: [String]

    @Option(help: "The archive: an SQLite file, or postgres://USER@HOST:PORT/DB.")
    var db: String = "archive.sqlite"

    @Option(help: "Refuse files larger than this many bytes.")
    var maxBytes: Int = Processor.defaultMaxBytes

    @Option(name: .shortAndLong, help: "Documents processed in parallel (default: the number of cores).")
    var jobs: Int?  // nil: the cores of the machine it runs on (not of the one that built the help)

    @Flag(name: .shortAndLong, help: "Print nothing on standard error but errors.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if maxBytes < 1 { throw ValidationError("--max-bytes must be at least 1.") }
    }

    func run() throws {
        func stop(_ message: String, _ status: Int32) -> ExitCode {
            FileHandle.standardError.write(Data("jarya: \(message)\n".utf8))
            return ExitCode(status)
        }
        let glossaries = try loadGlossaries(or: stop)
        // One index run at a time per SQLite archive, as `process` does per state file. A
        // PostgreSQL archive takes concurrent writers: it locks per document.
        var lock: RunLock?
        if !Archives.isPostgres(db) {
            do {
                lock = try RunLock(for: db)
            } catch let failure as RunLock.Failure {
                if case .busy = failure {
                    throw stop("the archive \(db) is being indexed: \(failure). Try again later.", RunLock.busyStatus)
                }
                throw stop("\(failure)", ExitStatus.cannotCreate.rawValue)
            }
        }
        defer { lock?.release() }

        let summary: IndexSummary
        let archive: any Archive
        do {
            archive = try Archives.openForWriting(db)
            // At most one worker per core and per chunk of documents.
            summary = try archive.index(
                paths: paths, processor: Processor(glossaries: glossaries, maxBytes: maxBytes),
                jobs: min(
                    jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                    4 * ProcessInfo.processInfo.activeProcessorCount))
        } catch let error as ArchiveError {
            throw stop("\(error)", error.exitCode)
        } catch {
            throw stop("cannot index into \(PostgresTarget.redacted(db)): \(error)", ExitStatus.cannotCreate.rawValue)
        }
        for failure in summary.failures {
            FileHandle.standardError.write(Data("jarya: not indexed: \(failure)\n".utf8))
        }
        if !quiet {
            let total = (try? archive.count()) ?? 0
            FileHandle.standardError.write(
                Data("jarya: indexed \(summary.stored) documents into \(archive.location) (\(total) in all)\n".utf8))
        }
        if summary.status != .ok { throw ExitCode(summary.status.rawValue) }
    }
}
