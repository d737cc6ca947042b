import ArgumentParser
import Foundation
import Jarya

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of the records.",
        discussion: """
            Example, validating records with Python's jsonschema:
              jarya schema > record.schema.json

            \(ExitStatusHelp.section([0, 64], [0: "success: the schema was printed"]))
            """
    )

    func run() throws {
        print(RecordSchema.json)
    }
}
