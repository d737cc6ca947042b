import ArgumentParser
import Foundation
import Jarya

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the normalized text of a release: the text that record spans point into.",
        discussion: """
        Repairs (lookalike letters, Kyrgyz letter substitutes) are listed on
        standard error.

        Example:
          jarya normalize release.txt > release.normalized.txt

        \(ExitStatusHelp.section([0, 64, 65, 66, 74], [
            0: "success: the text was printed",
            65: "the document was not usable: binary, empty, too large, malformed",
            74: "the file exists but cannot be read",
        ]))
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
