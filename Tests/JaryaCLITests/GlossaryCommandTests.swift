import Foundation
import Testing

/// `jarya glossary check [--dir DIR]`, run as a user would.
@Suite("jarya glossary check")
struct GlossaryCommandTests {
    static let files = [
        "date-words.tsv", "places.tsv", "organizations.tsv", "org-heads.tsv", "event-words.tsv", "given-names.tsv",
        "roles.tsv", "known-persons.tsv",
    ]

    /// A copy of the shipped glossaries in a temporary folder.
    func copyOfGlossaries() throws -> Folder {
        let folder = try Folder()
        let source = Jarya.packageRoot.appendingPathComponent("glossaries")
        for file in Self.files {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(file), to: folder.url.appendingPathComponent(file))
        }
        return folder
    }

    @Test("the shipped glossaries pass: exit 0, every file listed with its row count, nothing on stderr")
    func shipped() throws {
        let r = try Jarya.run(["glossary", "check"])
        #expect(r.status == 0, "stdout: \(r.out) stderr: \(r.err)")
        for file in Self.files {
            #expect(r.out.contains(file), "\(file) not listed in: \(r.out)")
        }
        #expect(r.lines.count == 5)
        #expect(r.lines.allSatisfy { $0.hasPrefix("ok") && $0.hasSuffix(" rows") }, "\(r.out)")
        #expect(r.err.isEmpty)
    }

    @Test("a copy of the shipped glossaries passes with --dir")
    func copyPasses() throws {
        let folder = try copyOfGlossaries()
        defer { folder.remove() }
        let r = try Jarya.run(["glossary", "check", "--dir", folder.path])
        #expect(r.status == 0, "stdout: \(r.out) stderr: \(r.err)")
    }

    enum Breakage: String, CaseIterable, Sendable {
        case wrongColumnCount, unknownKind, duplicateId
    }

    @Test(
        "a broken places.tsv row exits 65 and names the file and line; the other files still pass",
        arguments: Breakage.allCases)
    func brokenRow(_ breakage: Breakage) throws {
        let folder = try copyOfGlossaries()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("places.tsv")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let k = try #require(lines.firstIndex { $0.hasPrefix("osh\t") }, "no `osh` row in places.tsv")
        let badLine: Int
        let message: String
        switch breakage {
        case .wrongColumnCount:
            lines[k] = lines[k].components(separatedBy: "\t").dropLast().joined(separator: "\t")
            badLine = k + 1
            message = "cells"
        case .unknownKind:
            lines[k] = lines[k].replacingOccurrences(of: "\tcity\t", with: "\ttown\t")
            badLine = k + 1
            message = "town"
        case .duplicateId:
            lines.insert(lines[k], at: k + 1)
            badLine = k + 2
            message = "duplicate id"
        }
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)

        let r = try Jarya.run(["glossary", "check", "--dir", folder.path])
        #expect(r.status == 65, "stdout: \(r.out) stderr: \(r.err)")
        let errors = r.lines.filter { $0.hasPrefix("error") }
        #expect(errors.count == 1, "\(r.out)")
        #expect(errors.first?.contains("places.tsv:\(badLine):") == true, "\(r.out)")
        #expect(errors.first?.contains(message) == true, "\(r.out)")
        #expect(r.lines.filter { $0.hasPrefix("ok") }.count == 4, "\(r.out)")
    }
}
