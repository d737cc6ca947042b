import Foundation
import Testing

/// The name model's load errors as a user meets them: one line naming the file, exit 74.
@Suite("name model file")
struct ModelCLITests {
    @Test(
        "a missing, truncated, foreign or newer model file is one line naming it and exit 74, no record written",
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
        case "newer":
            try Data(good.prefix(8) + [9, 0, 0, 0] + good.dropFirst(12)).write(to: URL(fileURLWithPath: model))
        default: break
        }
        let r = try Jarya.run(
            ["process", folder.file("in"), "--out", folder.file("r.jsonl")], environment: ["JARYA_MODEL": model])
        #expect(r.status == 74, "stderr: \(r.err)")
        #expect(r.err.hasPrefix("jarya: cannot load the name model: \(model): "), "\(r.err)")
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
        let says = [
            "missing": "no name model here", "truncated": "truncated", "foreign": "not a Jarya name model",
            "newer": "version 9",
        ]
        #expect(r.err.contains(says[damage]!), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("r.jsonl")))
    }

    /// An installed layout (`bin/jarya`, `share/jarya/glossaries`, with or without
    /// `share/jarya/models`), and a copy of the glossaries elsewhere for `$JARYA_GLOSSARIES`, as
    /// `jarya serve`'s working copies and users' own folders are: no `models/` beside it.
    static func installed(model: Bool) throws -> (prefix: Folder, glossaries: String) {
        let prefix = try InstallCLITests.install(glossaries: true)
        if !model { try FileManager.default.removeItem(atPath: prefix.file("share/jarya/models")) }
        let copy = prefix.file("elsewhere/glossaries")
        try FileManager.default.createDirectory(atPath: prefix.file("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: prefix.file("share/jarya/glossaries"), toPath: copy)
        try prefix.write("in/a.txt", Releases.russian)
        return (prefix, copy)
    }

    @Test(
        "glossaries with no models/ beside them still get the installed model: the same records as the checkout's, no note"
    )
    func modelApartFromGlossaries() throws {
        let (prefix, copy) = try Self.installed(model: true)
        defer { prefix.remove() }
        let env = InstallCLITests.environment(["JARYA_GLOSSARIES": copy])
        let r = try InstallCLITests.run(
            URL(fileURLWithPath: prefix.file("bin/jarya")),
            ["process", prefix.file("in"), "--out", prefix.file("r.jsonl")],
            environment: env, in: URL(fileURLWithPath: prefix.path))
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.err.isEmpty, "\(r.err)")
        let checkout = try Jarya.run(["process", prefix.file("in"), "--out", prefix.file("c.jsonl")])
        #expect(checkout.status == 0, "stderr: \(checkout.err)")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: prefix.file("r.jsonl")))
                == Data(contentsOf: URL(fileURLWithPath: prefix.file("c.jsonl"))))
    }

    @Test(
        "no model anywhere: the rules run alone (exit 0, records written, none from the model) with one note on standard error"
    )
    func noModelRulesAlone() throws {
        let (prefix, copy) = try Self.installed(model: false)
        defer { prefix.remove() }
        let exe = URL(fileURLWithPath: prefix.file("bin/jarya")), here = URL(fileURLWithPath: prefix.path)
        let r = try InstallCLITests.run(
            exe, ["process", prefix.file("in"), "--out", prefix.file("r.jsonl")],
            environment: InstallCLITests.environment(["JARYA_GLOSSARIES": copy]), in: here)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
        #expect(r.err.hasPrefix("jarya: note: no name model found"), "\(r.err)")
        #expect(r.err.contains("JARYA_MODEL"), "\(r.err)")
        let records = try String(contentsOfFile: prefix.file("r.jsonl"), encoding: .utf8)
        #expect(records.contains("\"type\":\"place\""), "\(records)")
        #expect(!records.contains("\"source\":\"model\""))
        // JARYA_MODEL=none asks for the rules alone: no note.
        let off = try InstallCLITests.run(
            exe, ["process", prefix.file("in"), "--out", prefix.file("o.jsonl")],
            environment: InstallCLITests.environment(["JARYA_GLOSSARIES": copy, "JARYA_MODEL": "none"]), in: here)
        #expect(off.status == 0 && off.err.isEmpty, "\(off.err)")
    }
}
