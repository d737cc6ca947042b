import ArgumentParser
import Foundation
import Jarya

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
