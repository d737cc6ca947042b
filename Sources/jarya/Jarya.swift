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
        subcommands: [Process.self, Normalize.self, Glossary.self, Schema.self, IndexCommand.self, SearchCommand.self, ExportCommand.self],
        defaultSubcommand: nil
    )
}
