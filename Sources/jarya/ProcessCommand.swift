import ArgumentParser
import Foundation
import Jarya

struct Process: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract records from releases (files, folders, or standard input) as JSON Lines.",
        discussion: """
        Folders are read recursively for .txt and .md files, in sorted path order. With no
        PATH, or with -, the release is read from standard input.

        Examples:
          jarya process corpus/ --out records.jsonl
          jarya process a.txt b.md - < c.txt
        """
    )

    @Argument(help: "Files or folders to read; - or nothing for standard input.")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "Write the records to this file (created atomically) instead of standard output.")
    var out: String?

    @Option(help: "Refuse files larger than this many bytes.")
    var maxBytes: Int = 64 << 20

    @Option(name: .shortAndLong, help: "Documents processed in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .shortAndLong, help: "Print nothing on standard error, not even the summary of failures.")
    var quiet = false

    func run() throws {
        let inputs = InputCollector.collect(paths)
        let output: RecordOutput
        do {
            output = try out.map { try RecordOutput(path: $0) } ?? RecordOutput()
        } catch {
            FileHandle.standardError.write(Data("jarya: \(error)\n".utf8))
            throw ExitCode(ExitStatus.cannotCreate.rawValue)
        }
        let summary: Batch.Summary
        do {
            summary = try Batch(processor: Processor(maxBytes: maxBytes), jobs: jobs).run(inputs, to: output)
            try output.commit()
        } catch {
            output.abort()
            FileHandle.standardError.write(Data("jarya: \(error)\n".utf8))
            throw ExitCode(ExitStatus.cannotCreate.rawValue)
        }
        if summary.errors > 0 && !quiet {
            FileHandle.standardError.write(Data("jarya: \(summary.errors) of \(summary.documents) documents failed; see the \"error\" field of their records\n".utf8))
        }
        if summary.status != .ok { throw ExitCode(summary.status.rawValue) }
    }
}
