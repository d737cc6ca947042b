import ArgumentParser
import Foundation
import Jarya

@main
struct JaryaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jarya",
        abstract: "Turn Kyrgyz and Russian press releases into structured JSON event records.",
        discussion: """
            Reads press releases from .txt, .md, .html, .htm and .docx files (folders
            recursively) or standard input; writes one JSON record per release.

            Examples:
              jarya process corpus/ --out records.jsonl   a folder, records to a file
              jarya process release.txt                   one release, to standard output
              cat release.txt | jarya process             standard input
              jarya normalize release.txt                 the text that spans point into
              jarya index corpus/ --db archive.sqlite     a searchable archive
              jarya serve                                 the web page, on http://127.0.0.1:8080/

            Glossaries are read from $JARYA_GLOSSARIES when it is set, else from
            glossaries/ beside the executable, else from ../share/jarya/glossaries
            relative to it (where scripts/install puts them). The name tagger's model is
            $JARYA_MODEL when it is set (none: the rules alone), else models/names.model
            beside the glossaries, beside the executable or in ../share/jarya/models; with
            no model found, the rules run alone and a note says so on standard error.

            \(ExitStatusHelp.section([0, 64, 65, 66, 69, 73, 74, 75, 77]))

            Failed documents still get a record with an "error" field; the exit status
            is the most serious failure. Each command's --help lists its own codes.
            """,
        subcommands: [
            Process.self, Normalize.self, Glossary.self, Schema.self, IndexCommand.self, SearchCommand.self,
            ExportCommand.self, ArchiveCommand.self, ServeCommand.self,
        ],
        defaultSubcommand: nil
    )

    @Flag(help: "Print the version and the fingerprint of the glossaries in use.")
    var version = false

    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        print("jarya \(JaryaVersion.current)")
        let search = GlossaryDirectory.search
        guard let folder = search.found else { throw glossariesNotFound() }
        print("glossaries \(GlossaryDirectory.fingerprint(of: folder)) \(folder)")
    }

    /// Parses the command line and runs the command, after checking that a command that reads
    /// the glossaries can find them: otherwise one line on standard error and exit 74, not a
    /// crash in the middle of a batch.
    static func main() {
        do {
            var command = try parseAsRoot()
            if let user = command as? UsesGlossaries, user.needsGlossaries, GlossaryDirectory.path == nil {
                throw glossariesNotFound()
            }
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

/// Prints why the glossaries were not found and returns exit status 74.
func glossariesNotFound() -> ExitCode {
    FileHandle.standardError.write(Data("jarya: \(GlossaryDirectory.search.notFoundMessage)\n".utf8))
    return ExitCode(ExitStatus.ioError.rawValue)
}

/// A command that reads the glossaries; `main` checks they can be found before running it.
protocol UsesGlossaries {
    var needsGlossaries: Bool { get }
}

extension UsesGlossaries {
    var needsGlossaries: Bool { true }

    /// The glossaries, loaded once before any document: a broken file is one line from `stop`
    /// naming file and line, and exit 74.
    func loadGlossaries(or stop: (String, Int32) -> ExitCode) throws -> Glossaries {
        do {
            try Jarya.Normalize.checkData()
        } catch {
            throw stop("\(error)", ExitStatus.ioError.rawValue)
        }
        do {
            let glossaries = try Glossaries.requireStandard()
            if let note = glossaries.modelNote { FileHandle.standardError.write(Data("jarya: note: \(note)\n".utf8)) }
            return glossaries
        } catch let error as ModelError {
            throw stop("cannot load the name model: \(error)", ExitStatus.ioError.rawValue)
        } catch {
            throw stop("cannot load the glossaries: \(error)", ExitStatus.ioError.rawValue)
        }
    }
}

extension Process: UsesGlossaries {}
extension IndexCommand: UsesGlossaries {}
extension SearchCommand: UsesGlossaries {
    /// Only `--place` looks names up in the places glossary.
    var needsGlossaries: Bool { place != nil }
}
extension Glossary.Check: UsesGlossaries {
    /// `--dir` names the folder to check: the installed glossaries are not needed.
    var needsGlossaries: Bool { dir == nil }
}

/// The "Exit status" section of the help texts, from one table of meanings.
enum ExitStatusHelp {
    static let meanings: [Int32: String] = [
        0: "success: every document was processed",
        64: "usage error: an unknown option, a bad value or charset name",
        65: "a document was not usable: binary, empty, too large, damaged, a PDF",
        66: "an input path does not exist, or the paths hold no document",
        69: "index/search/export: the PostgreSQL server cannot be reached",
        73: "an output file or its lock file cannot be created or written",
        74: "a file cannot be read, or the glossaries cannot be found",
        75: "another run holds the lock of this --state or --out: retry later",
        77: "index/search/export: PostgreSQL refused the user or password",
    ]

    /// `codes` with their meanings; `special` replaces the meaning of a code for one command.
    static func section(_ codes: [Int32], _ special: [Int32: String] = [:]) -> String {
        "Exit status:\n"
            + codes.map { code in
                "  " + "\(code)".padding(toLength: 4, withPad: " ", startingAt: 0)
                    + (special[code] ?? meanings[code] ?? "")
            }.joined(separator: "\n")
    }
}
