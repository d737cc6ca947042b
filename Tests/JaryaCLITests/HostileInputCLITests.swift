import Foundation
import Testing

/// Inputs that used to crash, hang or pass silently: each gets a clear line and the right exit code.
@Suite("hostile and unusual input")
struct HostileInputCLITests {
    @Test("a missing or broken glossary folder is one clear line and exit 74, not a trap")
    func glossariesMissing() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.russian)
        let missing = try Jarya.run(
            ["process", folder.file("in")], environment: ["JARYA_GLOSSARIES": folder.file("nowhere")])
        #expect(missing.status == 74, "stderr: \(missing.err)")
        #expect(missing.err.contains("glossar"))
        #expect(missing.err.split(separator: "\n").count <= 2, "\(missing.err)")
        #expect(missing.out.isEmpty)

        // A copy of the glossaries with places.tsv in windows-1251: not UTF-8.
        let glossaries = Jarya.packageRoot.appendingPathComponent("glossaries")
        try FileManager.default.copyItem(atPath: glossaries.path, toPath: folder.file("g"))
        let places = folder.file("g/places.tsv")
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: places)))
        bytes.append(contentsOf: [0x0A, 0xC1, 0xE8, 0xF8, 0xEA, 0xE5, 0xEA, 0x09])
        try Data(bytes).write(to: URL(fileURLWithPath: places))
        let broken = try Jarya.run(["process", folder.file("in")], environment: ["JARYA_GLOSSARIES": folder.file("g")])
        #expect(broken.status == 74, "stderr: \(broken.err)")
        #expect(broken.err.contains("places.tsv") && broken.err.contains("UTF-8"), "\(broken.err)")
    }

    @Test("an empty folder, or globs that match nothing, say so and exit 66")
    func nothingToRead() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("empty"), withIntermediateDirectories: true)
        try folder.write("in/a.txt", Releases.kyrgyz)
        let empty = try Jarya.run(["process", folder.file("empty"), "--out", folder.file("r.jsonl")])
        #expect(empty.status == 66)
        #expect(empty.err.contains("no documents"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("r.jsonl")))
        let globs = try Jarya.run(["process", folder.file("in"), "--include", "*.md"])
        #expect(globs.status == 66)
        #expect(globs.err.contains("--include/--exclude"))
    }

    @Test("files of other formats in folders are counted in the summary; a named .pdf is refused, not read as text")
    func otherFormats() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.kyrgyz)
        // A PDF whose first bytes look like text: it must not be read as a release.
        try folder.write("in/scan.pdf", "%PDF-1.4\n" + Releases.russian)
        try folder.write("in/photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10])
        let run = try Jarya.run(["process", folder.file("in"), "--log-format", "text"])
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(run.lines.count == 1)
        #expect(
            run.err.contains("2 other files passed over") && run.err.contains(".pdf") && run.err.contains(".jpg"),
            "\(run.err)")

        let named = try Jarya.run(["process", folder.file("in/scan.pdf")])
        #expect(named.status == 65)
        #expect(named.out.contains(#""code":"unsupported""#))
        #expect(named.err.contains("PDF"))
    }

    @Test("UTF-32 with a BOM is read as UTF-32, not as UTF-16 full of NULs")
    func utf32() throws {
        let folder = try Folder()
        defer { folder.remove() }
        var little: [UInt8] = [0xFF, 0xFE, 0x00, 0x00], big: [UInt8] = [0x00, 0x00, 0xFE, 0xFF]
        for scalar in Releases.kyrgyz.unicodeScalars {
            let v = scalar.value
            little += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), 0]
            big += [0, UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
        }
        try folder.write("le.txt", little)
        try folder.write("be.txt", big)
        let reference = try Jarya.run(["process", "-"], input: Data(Releases.kyrgyz.utf8))
        let referenceID = try #require(reference.out.range(of: #""id":"[0-9a-f]+""#, options: .regularExpression))
        for (file, charset) in [("le.txt", "UTF-32LE"), ("be.txt", "UTF-32BE")] {
            let run = try Jarya.run(["process", folder.file(file)])
            #expect(run.status == 0, "\(file): \(run.err)")
            #expect(run.out.contains(#""encoding":"\#(charset)""#), "\(file): \(run.out.prefix(300))")
            #expect(!run.out.contains(#"\u0000"#))
            #expect(run.out.contains(reference.out[referenceID]), "\(file) has another id than the UTF-8 text")
        }
    }

    @Test("a page nested deeper than libxml2 reads keeps its text before that point, with a warning")
    func deepHTML() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let page =
            "<html><body><p>Бишкекте 5-декабрда жаштар форуму өтөт.</p>" + String(repeating: "<div>", count: 300)
            + "<p>Ичиндеги сап.</p>" + String(repeating: "</div>", count: 300) + "</body></html>"
        try folder.write("deep.html", page)
        let run = try Jarya.run(["process", folder.file("deep.html")])
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(run.out.contains("жаштар форуму"))
        #expect(run.out.contains("256 levels deep"), "\(run.out.suffix(400))")
        // Nothing but nesting: no text is left, so the page is refused, not passed as empty.
        try folder.write("only-deep.html", String(repeating: "<div>", count: 400) + "<p>Сап</p>")
        let refused = try Jarya.run(["process", folder.file("only-deep.html")])
        #expect(refused.status == 65)
        #expect(refused.out.contains(#""code":"malformed""#) || refused.out.contains(#""code":"empty""#))
    }

    @Test("normalize reads every document of a folder, each under a header line")
    func normalizeFolder() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.kyrgyz)
        try folder.write("in/b.txt", Releases.russian)
        let run = try Jarya.run(["normalize", folder.file("in")])
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(
            run.out.contains("==> \(folder.file("in/a.txt")) <==")
                && run.out.contains("==> \(folder.file("in/b.txt")) <=="))
        #expect(run.out.contains("көргөзмөсү") && run.out.contains(String(Releases.russian.prefix(20))))
        let one = try Jarya.run(["normalize", folder.file("in/a.txt")])
        #expect(!one.out.contains("==>"))
    }
}

@Suite("state files that are not states")
struct DamagedStateCLITests {
    @Test("a --state file that is not SQLite is refused in one line with exit 74, and left as it was")
    func notAState() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.kyrgyz)
        let garbage = Array("Бул SQLite эмес, жөн гана текст.\n".utf8) + [UInt8](repeating: 0x41, count: 4000)
        try folder.write("state.sqlite", garbage)
        let run = try Jarya.run(["process", folder.file("in"), "--state", folder.file("state.sqlite")])
        #expect(run.status == 74, "stderr: \(run.err)")
        #expect(run.err.contains("not a Jarya state file") && run.err.contains("Remove it"))
        #expect(!run.err.contains("SELECT"))
        #expect(run.err.split(separator: "\n").count == 1, "\(run.err)")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: folder.file("state.sqlite")))) == garbage)
    }
}
