import ArgumentParser
import Foundation
import Jarya

struct Normalize: ParsableCommand {
    static let exitStatus = ExitStatusHelp.section(
        [0, 64, 65, 66, 74],
        [
            0: "success: every text was printed",
            65: "a document was not usable: binary, empty, too large, damaged",
            66: "a path does not exist, or a folder holds no document",
            74: "a file exists but cannot be read",
        ])

    static let configuration = CommandConfiguration(
        abstract: "Print the normalized text of releases: the text that record spans point into.",
        discussion: """
            Repairs (lookalike letters, Kyrgyz letter substitutes) are listed on
            standard error. Folders are read as `jarya process` reads them. With more
            than one document, each text is preceded by a line `==> PATH <==`, as
            head(1) does.

            Examples:
              jarya normalize release.txt > release.normalized.txt
              jarya normalize corpus/ky

            \(exitStatus)
            """
    )

    @Argument(help: "Files or folders to normalize; - or nothing for standard input.")
    var paths: [String] = []

    @Option(help: ArgumentHelp("Refuse documents larger than this many bytes.", valueName: "bytes"))
    var maxBytes: Int = Processor.defaultMaxBytes

    func run() throws {
        let collection = InputCollector.collect(paths, filter: PathFilter())
        guard !collection.inputs.isEmpty else {
            FileHandle.standardError.write(
                Data("jarya: no .txt, .md, .html or .docx files in \(paths.joined(separator: ", ")).\n".utf8))
            throw ExitCode(ExitStatus.noInput.rawValue)
        }
        let processor = Processor(pipeline: Pipeline(stages: [Ingest(), Jarya.Normalize()]), maxBytes: maxBytes)
        var worst = ExitStatus.ok
        let headers = collection.inputs.count > 1
        for (n, input) in collection.inputs.enumerated() {
            let (record, status) = processor.processDocument(input)
            worst = .worse(worst, status)
            switch record {
            case .success(let doc):
                var text = doc.text.string
                if !text.hasSuffix("\n") { text += "\n" }
                if headers { text = (n > 0 ? "\n" : "") + "==> \(input.path) <==\n" + text }
                FileHandle.standardOutput.write(Data(text.utf8))
                for w in doc.warnings {
                    FileHandle.standardError.write(Data("jarya: \(headers ? input.path + ": " : "")\(w)\n".utf8))
                }
            case .failure(let error):
                FileHandle.standardError.write(Data("jarya: \(error.message)\n".utf8))
            }
        }
        if worst != .ok { throw ExitCode(worst.rawValue) }
    }
}
