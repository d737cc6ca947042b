import ArgumentParser
import Foundation
import Jarya
import JaryaArchive

/// `jarya archive`: the archive's own upkeep, apart from indexing and searching.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Upkeep of an archive: bring its schema up to date, copy it to another database.",
        subcommands: [Migrate.self, Copy.self]
    )

    static let exitStatus = """
        Exit status:
          0   done
          64  a usage error
          66  there is no archive at the source
          69  the PostgreSQL server cannot be reached, or has no such database
          73  the archive cannot be created or written
          74  --db is not a Jarya archive, or was made by a newer jarya
          75  another index run holds the SQLite archive: try again later
          77  the PostgreSQL server refused the user or the password
        """

    /// One line on standard error and the archive error's exit status.
    static func fail(_ error: ArchiveError) -> ExitCode {
        FileHandle.standardError.write(Data("jarya: \(error)\n".utf8))
        return ExitCode(error.exitCode)
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the archive's tables or bring them to this jarya's schema version.",
            discussion: """
                `jarya index` does this itself before it writes; run it alone to prepare
                a new PostgreSQL database, or to upgrade a shared archive at a chosen
                time. An archive made by a newer jarya is refused and left unchanged.

                Examples:
                  jarya archive migrate --db postgres://jarya@db.example.org:5432/jarya
                  jarya archive migrate --db archive.sqlite

                \(ArchiveCommand.exitStatus)
                """
        )

        @Option(help: "The archive: an SQLite file, or postgres://USER@HOST:PORT/DB.")
        var db: String

        func run() throws {
            do {
                let archive = try Archives.openForWriting(db)
                FileHandle.standardError.write(Data("jarya: the archive \(archive.location) is up to date\n".utf8))
            } catch let error as ArchiveError {
                throw ArchiveCommand.fail(error)
            }
        }
    }

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every record of one archive into another (SQLite ↔ PostgreSQL).",
            discussion: """
                The records of --from are upserted into --to (created or migrated if
                needed), in batches of --batch documents, each batch all or nothing: a
                copy that stops can be run again. Search results on --to are then the
                same as on --from.

                Examples:
                  jarya archive copy --from archive.sqlite --to postgres://jarya@db.example.org/jarya
                  jarya archive copy --from postgres://jarya@db.example.org/jarya --to backup.sqlite

                \(ArchiveCommand.exitStatus)
                """
        )

        @Option(help: "The archive to read.")
        var from: String

        @Option(help: "The archive to write.")
        var to: String

        @Option(help: "Documents per transaction.")
        var batch: Int = 500

        func validate() throws {
            if batch < 1 { throw ValidationError("--batch must be at least 1.") }
        }

        func run() throws {
            var lock: RunLock?
            if !Archives.isPostgres(to) {
                do {
                    lock = try RunLock(for: to)
                } catch let failure as RunLock.Failure {
                    if case .busy = failure {
                        throw ArchiveCommand.fail(
                            ArchiveError(
                                "the archive \(to) is being indexed: \(failure). Try again later.", kind: .busy))
                    }
                    throw ArchiveCommand.fail(ArchiveError("\(failure)", kind: .cannotWrite))
                }
            }
            defer { lock?.release() }
            do {
                let source = try Archives.openForReading(from)
                let target = try Archives.openForWriting(to)
                let records = try source.records()
                var start = 0
                while start < records.count {
                    let end = min(records.count, start + batch)
                    try target.upsert(Array(records[start..<end]))
                    start = end
                }
                FileHandle.standardError.write(
                    Data(
                        "jarya: copied \(records.count) documents from \(source.location) to \(target.location) (\(try target.count()) in all)\n"
                            .utf8))
            } catch let error as ArchiveError {
                throw ArchiveCommand.fail(error)
            }
        }
    }
}
