import ArgumentParser
import Foundation
import Jarya

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train the name tagger on gold in the shared format and write the model file.",
        discussion: """
            Every NAME.json or NAME.gold.json below the folders given is paired with the NAME.txt
            (or .md, .html) below them. The rule recognizers run first, as in `jarya process`, and
            each gold name's surface is aligned to the tokens. The same folders, epochs and seed
            write the same bytes.

            Example:
              jarya-bench train ../shared/ext/factru-dev corpus --out models/names.model
            """
    )

    @Argument(help: "Folders holding texts and their gold files.") var folders: [String]
    @Option(help: "The model file to write.") var out = "models/names.model"
    @Option(help: "Passes over the training sentences.") var epochs = 10
    @Option(help: "The seed of the sentence order.") var seed: UInt64 = 1

    func run() throws {
        let started = Date()
        // Without the model: training makes it, and a broken one must not stop it.
        let glossaries = try Glossaries.load(nameModel: false)
        let pairs = TaggerCorpus.pairs(in: folders)
        guard !pairs.isEmpty else {
            throw ValidationError("no gold file with its text below \(folders.joined(separator: ", "))")
        }
        var examples: [TaggerTraining.Example] = []
        var goldNames = 0, matched = 0
        for pair in pairs {
            guard let json = FileManager.default.contents(atPath: pair.gold),
                let text = FileManager.default.contents(atPath: pair.text).flatMap({ String(data: $0, encoding: .utf8) }
                )
            else { throw ValidationError("cannot read \(pair.gold) or \(pair.text)") }
            let gold = try TaggerCorpus.goldNames(json: json, file: pair.gold)
            let doc = try TaggerCorpus.examples(text: text, path: pair.text, gold: gold, glossaries: glossaries)
            examples += doc.examples
            goldNames += doc.names
            matched += doc.matched
        }
        let prepared = Date()
        let model = TaggerTraining.train(examples, epochs: epochs, seed: seed)
        let bytes = model.fileBytes()
        let folder = (out as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
        let tokens = examples.reduce(0) { $0 + $1.labels.count }
        FileHandle.standardError.write(
            Data(
                """
                \(pairs.count) documents, \(examples.count) sentences, \(tokens) tokens; \(goldNames) gold names, \(matched) mentions aligned
                \(model.keys.count) features, \(bytes.count) bytes → \(out)
                features \(String(format: "%.1f", prepared.timeIntervalSince(started))) s, training \(String(format: "%.1f", Date().timeIntervalSince(prepared))) s

                """.utf8))
    }
}
