import Foundation
import Testing

/// The name model's load errors as a user meets them: one line naming the file, exit 74.
@Suite("name model file")
struct ModelCLITests {
    @Test("a missing, truncated, foreign or newer model file is one line naming it and exit 74, no record written",
          arguments: ["missing", "truncated", "foreign", "newer"])
    func loadErrors(_ damage: String) throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.russian)
        let model = folder.file("names.model")
        let good = Array(try Data(contentsOf: Jarya.packageRoot.appendingPathComponent("models/names.model")))
        switch damage {
        case "truncated": try Data(good.prefix(good.count / 2)).write(to: URL(fileURLWithPath: model))
        case "foreign": try Data("name\tkind\nБишкек\tcity\n".utf8).write(to: URL(fileURLWithPath: model))
        case "newer": try Data(good.prefix(8) + [9, 0, 0, 0] + good.dropFirst(12)).write(to: URL(fileURLWithPath: model))
        default: break
        }
        let r = try Jarya.run(["process", folder.file("in"), "--out", folder.file("r.jsonl")], environment: ["JARYA_MODEL": model])
        #expect(r.status == 74, "stderr: \(r.err)")
        #expect(r.err.hasPrefix("jarya: cannot load the name model: \(model): "), "\(r.err)")
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
        let says = ["missing": "no name model here", "truncated": "truncated", "foreign": "not a Jarya name model", "newer": "version 9"]
        #expect(r.err.contains(says[damage]!), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("r.jsonl")))
    }
}
