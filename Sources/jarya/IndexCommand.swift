import ArgumentParser
import Foundation
import Jarya
import JaryaArchive

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Store records in a searchable SQLite archive (created if needed).",
        discussion: """
        Files and folders are processed as `jarya process` reads them; a path ending in .jsonl
        is read as records (`jarya process --out`). Re-indexing a document replaces its rows.
        The archive is plain SQLite: tables documents, events, event_places,
        event_organizations, entities, and the FTS5 table documents_fts.

        Examples:
          jarya index corpus/ --db archive.sqlite
          jarya index records.jsonl --db archive.sqlite
        """
    )

    @Argument(help: "Files, folders, or .jsonl files of records.")
    var paths: [String]

    @Option(help: "The archive file.")
    var db: String = "archive.sqlite"

    @Option(help: "Refuse files larger than this many bytes.")
    var maxBytes: Int = Processor.defaultMaxBytes

    @Option(name: .shortAndLong, help: "Documents processed in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .shortAndLong, help: "Print nothing on standard error but errors.")
    var quiet = false

    func run() throws {
        let summary: IndexSummary
        let archive: ArchiveIndex
        do {
            archive = try ArchiveIndex(path: db)
        } catch {
            FileHandle.standardError.write(Data("jarya: cannot open the archive \(db): \(error)\n".utf8))
            throw ExitCode(ExitStatus.cannotCreate.rawValue)
        }
        do {
            summary = try archive.index(paths: paths, processor: Processor(maxBytes: maxBytes), jobs: max(1, jobs))
        } catch {
            FileHandle.standardError.write(Data("jarya: \(error)\n".utf8))
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
        for failure in summary.failures {
            FileHandle.standardError.write(Data("jarya: not indexed: \(failure)\n".utf8))
        }
        if !quiet {
            let total = (try? archive.count()) ?? 0
            FileHandle.standardError.write(Data("jarya: indexed \(summary.stored) documents into \(db) (\(total) in all)\n".utf8))
        }
        if summary.status != .ok { throw ExitCode(summary.status.rawValue) }
    }
}
