import ArgumentParser
import Foundation
import Jarya

struct Glossary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the glossaries (glossaries/*.tsv).",
        discussion: """
            The glossaries in use are those `jarya --version` names: $JARYA_GLOSSARIES
            when it is set, else glossaries/ beside the executable, else
            ../share/jarya/glossaries relative to it.

            \(Check.exitStatus)
            """,
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let exitStatus = ExitStatusHelp.section(
            [0, 64, 65, 66, 74],
            [
                0: "success: every glossary is valid",
                65: "a glossary has an error (its file and line are printed)",
                66: "the folder given with --dir does not exist",
                74: "the glossaries cannot be found",
            ])

        static let configuration = CommandConfiguration(
            abstract: "Validate every glossary file; errors name the file and line.",
            discussion: """
                Checks the header, the number of cells in each row, kinds, ids (unique;
                parents that exist), roles and values.

                Examples:
                  jarya glossary check
                  jarya glossary check --dir my-glossaries/

                \(Check.exitStatus)
                """
        )

        @Option(help: "The folder to check (default: the glossaries jarya uses).")
        var dir: String?

        func run() throws {
            var isFolder: ObjCBool = false
            if let dir, !(FileManager.default.fileExists(atPath: dir, isDirectory: &isFolder) && isFolder.boolValue) {
                FileHandle.standardError.write(
                    Data(
                        "jarya: no glossaries folder at \(dir): give the folder that holds the glossaries/*.tsv files.\n"
                            .utf8))
                throw ExitCode(ExitStatus.noInput.rawValue)
            }
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
