import ArgumentParser
import Foundation
import Jarya

@main
struct JaryaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jarya",
        abstract: "Turn Kyrgyz and Russian press releases into structured JSON event records.",
        discussion: """
        Examples:
          jarya process corpus/ --out records.jsonl   every .txt and .md below corpus/, one record per line
          jarya process release.txt                   one release, record to standard output
          cat release.txt | jarya process             standard input
          jarya normalize release.txt                 the normalized text the spans point into

        Exit status: 0 all documents processed; 65 a document was not usable text (binary,
        empty); 66 an input path does not exist; 73 the output cannot be created; 74 a file
        cannot be read. Failed documents still get a record with an "error" field.
        """,
        subcommands: [Process.self, Normalize.self, Glossary.self, Schema.self],
        defaultSubcommand: nil
    )
}

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

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the normalized text of a release: the text that record spans point into.",
        discussion: """
        Repairs (lookalike letters, Kyrgyz letter substitutes) are listed on standard error.

        Example:
          jarya normalize release.txt > release.normalized.txt
        """
    )

    @Argument(help: "The file to normalize; - for standard input.")
    var path: String = "-"

    func run() throws {
        let input = InputCollector.collect([path]).first ?? .standardInput
        let processor = Processor(pipeline: Pipeline(stages: [Ingest(), Jarya.Normalize()]))
        let (record, status) = processor.processDocument(input)
        switch record {
        case .success(let doc):
            FileHandle.standardOutput.write(Data(doc.text.string.utf8))
            if !doc.text.string.hasSuffix("\n") { FileHandle.standardOutput.write(Data("\n".utf8)) }
            for w in doc.warnings { FileHandle.standardError.write(Data("jarya: \(w)\n".utf8)) }
        case .failure(let error):
            FileHandle.standardError.write(Data("jarya: \(error.message)\n".utf8))
            throw ExitCode(status.rawValue)
        }
    }
}

struct Glossary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the glossaries (glossaries/*.tsv).",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate every glossary file; errors name the file and line.",
            discussion: """
            Checks the header, the number of cells in each row, kinds, ids (unique; parents that
            exist), roles and values. Exit status 0 when all are valid, 65 otherwise.

            Examples:
              jarya glossary check
              jarya glossary check --dir my-glossaries/
            """
        )

        @Option(help: "The folder to check (default: the glossaries jarya uses).")
        var dir: String?

        func run() throws {
            var failed = false
            for (file, result) in GlossaryCheck.run(directory: dir) {
                switch result {
                case .success(let rows): print("ok     \(file): \(rows) rows")
                case .failure(let error): print("error  \(error)"); failed = true
                }
            }
            if failed { throw ExitCode(ExitStatus.dataError.rawValue) }
        }
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of the records.",
        discussion: """
        Example, validating records with Python's jsonschema:
          jarya schema > record.schema.json
        """
    )

    func run() throws {
        print(RecordSchema.json)
    }
}
