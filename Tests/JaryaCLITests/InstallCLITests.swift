import Foundation
import Testing

/// What an installed `jarya` needs: `--version`, help texts that list the exit codes, and
/// glossaries found relative to the real executable, or a one-line error with exit 74.
@Suite("jarya install, --version and help", .serialized)
struct InstallCLITests {
    /// Runs `executable arguments…` in `directory` with exactly `environment`, as cron or
    /// `env -i` would.
    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String],
        in directory: URL, input: String = ""
    ) throws -> Jarya.Result {
        try Jarya.launch(executable, arguments, input: Data(input.utf8), in: directory, environment: environment)
    }

    /// The environment of the tests without `JARYA_GLOSSARIES`, plus `extra`.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["JARYA_GLOSSARIES"] = nil
        return env.merging(extra) { $1 }
    }

    static let release = """
        Ош шаарында жаштар форуму өтөт
        Ош, 3-март 2026-ж. Ош шаардык мэриясы 12-мартта жаштар форумун өткөрөт. Форумга 200дөн ашык жаш катышат.
        Байланыш: forum@osh.kg, тел.: 0555 123 456.

        """

    /// An install layout in a temporary folder: `bin/jarya` (a hard link to, or a copy of,
    /// the built binary) and, when `glossaries` is true, `share/jarya/glossaries` and `share/jarya/models`.
    static func install(glossaries: Bool) throws -> Folder {
        let prefix = try Folder()
        let built = try #require(Jarya.executable)
        try FileManager.default.createDirectory(atPath: prefix.file("bin"), withIntermediateDirectories: true)
        if link(built.path, prefix.file("bin/jarya")) != 0 {
            try FileManager.default.copyItem(atPath: built.path, toPath: prefix.file("bin/jarya"))
        }
        if glossaries {
            try FileManager.default.createDirectory(
                atPath: prefix.file("share/jarya"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Jarya.packageRoot.appendingPathComponent("glossaries"),
                to: URL(fileURLWithPath: prefix.file("share/jarya/glossaries")))
            try FileManager.default.copyItem(
                at: Jarya.packageRoot.appendingPathComponent("models"),
                to: URL(fileURLWithPath: prefix.file("share/jarya/models")))
        }
        return prefix
    }

    // MARK: --version

    @Test("--version prints `jarya X.Y.Z` and `glossaries FINGERPRINT FOLDER`, the checkout's folder in a build")
    func version() throws {
        let r = try Jarya.run(["--version"])
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.lines.count == 2, "\(r.out)")
        let first = String(try #require(r.lines.first))
        #expect(first.wholeMatch(of: /jarya [0-9]+\.[0-9]+\.[0-9]+/) != nil, "\(first)")
        let second = String(r.lines.last ?? "")
        let match = try #require(second.wholeMatch(of: /glossaries ([0-9a-f]{12}) (.+)/), "\(second)")
        #expect(
            URL(fileURLWithPath: String(match.2)).resolvingSymlinksInPath()
                == Jarya.packageRoot.appendingPathComponent("glossaries").resolvingSymlinksInPath())
        #expect(r.err.isEmpty)
    }

    @Test("the fingerprint follows the glossaries' bytes: same for a copy, different after one added given name")
    func fingerprint() throws {
        func fingerprint(_ folder: String) throws -> String {
            let r = try Jarya.run(["--version"], environment: ["JARYA_GLOSSARIES": folder])
            #expect(r.status == 0, "stderr: \(r.err)")
            let line = String(r.lines.last ?? "")
            return String(try #require(line.wholeMatch(of: /glossaries ([0-9a-f]{12}) .+/)).1)
        }
        let shipped = try fingerprint(Jarya.packageRoot.appendingPathComponent("glossaries").path)
        let prefix = try Self.install(glossaries: true)
        defer { prefix.remove() }
        let copy = prefix.file("share/jarya/glossaries")
        #expect(try fingerprint(copy) == shipped)
        let names = URL(fileURLWithPath: copy + "/given-names.tsv")
        var text = try String(contentsOf: names, encoding: .utf8)
        if !text.hasSuffix("\n") { text += "\n" }
        try (text + "Айкөкүл\tf\tky\n").write(to: names, atomically: true, encoding: .utf8)
        #expect(try fingerprint(copy) != shipped)
    }

    // MARK: help

    static let topCodes: [Int32] = [0, 64, 65, 66, 69, 73, 74, 75, 77]

    /// The exit codes an "Exit status:" section of `text` lists, in order.
    static func listedCodes(_ text: String) -> [Int32] {
        guard let section = text.range(of: "Exit status:\n") else { return [] }
        var codes: [Int32] = []
        for line in text[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            guard let m = line.wholeMatch(of: #/ {2}([0-9]+) +\S.*/#), let code = Int32(m.1) else { break }
            codes.append(code)
        }
        return codes
    }

    @Test("the top help lists every subcommand, every exit code and every input format")
    func topHelp() throws {
        let r = try Jarya.run(["--help"])
        #expect(r.status == 0)
        #expect(Self.listedCodes(r.out) == Self.topCodes, "\(r.out)")
        for command in ["process", "normalize", "glossary", "schema", "index", "search", "export"] {
            #expect(r.out.contains("\n  \(command) "), "\(command) missing from: \(r.out)")
        }
        for format in [".txt", ".md", ".html", ".docx"] {
            #expect(r.out.contains(format), "\(format) missing from: \(r.out)")
        }
        #expect(!r.out.contains("every .txt and .md"))
        #expect(r.out.contains("--version"))
        #expect(r.out.contains("JARYA_GLOSSARIES"))
    }

    @Test(
        "each command's help lists the exit codes it can return",
        arguments: [
            (["process"], [0, 64, 65, 66, 73, 74, 75] as [Int32]),
            (["normalize"], [0, 64, 65, 66, 74]),
            (["glossary"], [0, 64, 65, 66, 74]),
            (["glossary", "check"], [0, 64, 65, 66, 74]),
            (["schema"], [0, 64]),
        ])
    func commandHelp(_ command: [String], _ codes: [Int32]) throws {
        let r = try Jarya.run(command + ["--help"])
        #expect(r.status == 0)
        #expect(Self.listedCodes(r.out) == codes, "\(r.out)")
    }

    @Test("the codes the help promises are the ones returned: 64 for usage, 66 for a missing --dir")
    func codesReturned() throws {
        let usage = try Jarya.run(["schema", "--pretty"])
        #expect(usage.status == 64)
        let missing = try Jarya.run(["glossary", "check", "--dir", "/nonexistent/глоссарий"])
        #expect(missing.status == 66)
        #expect(
            missing.err
                == "jarya: no glossaries folder at /nonexistent/глоссарий: give the folder that holds the glossaries/*.tsv files.\n"
        )
        #expect(missing.stdout.isEmpty)
    }

    // MARK: glossaries not found

    @Test(
        "JARYA_GLOSSARIES naming no glossaries: one line naming it, exit 74, no fall-back, no crash",
        arguments: [["process"], ["process", "-"], ["glossary", "check"], ["--version"]])
    func environmentNotFound(_ arguments: [String]) throws {
        let r = try Jarya.run(
            arguments, input: Data(Self.release.utf8), environment: ["JARYA_GLOSSARIES": "/nonexistent"])
        #expect(r.status == 74, "stderr: \(r.err)")
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
        #expect(r.err.hasPrefix("jarya: glossaries not found in JARYA_GLOSSARIES=/nonexistent"))
        #expect(r.err.contains("set JARYA_GLOSSARIES to a folder holding the glossaries"))
        #expect(!r.out.contains("\"schema\""))
    }

    @Test("normalize and schema need no glossaries")
    func withoutGlossaries() throws {
        let env = ["JARYA_GLOSSARIES": "/nonexistent"]
        let normalized = try Jarya.run(
            ["normalize"], input: Data("Бишкекте форум\u{00AD}у өтөт.\n".utf8), environment: env)
        #expect(normalized.status == 0, "stderr: \(normalized.err)")
        #expect(normalized.out == "Бишкекте форуму өтөт.\n")
        let schema = try Jarya.run(["schema"], environment: env)
        #expect(schema.status == 0)
    }

    @Test("a binary copied out of the checkout, glossaries nowhere: one line with where it looked, exit 74")
    func copiedBinary() throws {
        let prefix = try Self.install(glossaries: false)
        defer { prefix.remove() }
        let bin = URL(fileURLWithPath: prefix.file("bin/jarya"))
        let r = try Self.run(bin, ["process"], environment: Self.environment(), in: prefix.url, input: Self.release)
        #expect(r.status == 74, "stderr: \(r.err)")
        let lines = r.err.split(separator: "\n")
        #expect(lines.count == 1, "\(r.err)")
        let real = prefix.url.resolvingSymlinksInPath().path
        #expect(
            r.err == "jarya: glossaries not found (looked in \(real)/bin/glossaries, \(real)/share/jarya/glossaries): "
                + "set JARYA_GLOSSARIES to a folder holding the glossaries/*.tsv files, or install jarya with `scripts/install PREFIX`, "
                + "which puts them in PREFIX/share/jarya/glossaries.\n")
        #expect(r.stdout.isEmpty)
        // The checkout's glossaries are still there, but a binary outside it does not use them.
        #expect(
            FileManager.default.fileExists(
                atPath: Jarya.packageRoot.appendingPathComponent("glossaries/date-words.tsv").path))
    }

    @Test(
        "an installed binary finds PREFIX/share/jarya/glossaries: by path, through a symlink, and on PATH from another folder"
    )
    func installedBinary() throws {
        let prefix = try Self.install(glossaries: true)
        defer { prefix.remove() }
        let elsewhere = try Folder()
        defer { elsewhere.remove() }
        let bin = URL(fileURLWithPath: prefix.file("bin/jarya"))
        try FileManager.default.createDirectory(atPath: elsewhere.file("links"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: elsewhere.file("links/jarya"), withDestinationPath: bin.path)
        let expected = try Jarya.run(["process"], input: Data(Self.release.utf8))
        #expect(expected.status == 0)
        let real = prefix.url.resolvingSymlinksInPath().path + "/share/jarya/glossaries"

        let direct = try Self.run(
            bin, ["process"], environment: Self.environment(), in: elsewhere.url, input: Self.release)
        #expect(direct.status == 0, "stderr: \(direct.err)")
        #expect(direct.out == expected.out)

        let linked = try Self.run(
            URL(fileURLWithPath: elsewhere.file("links/jarya")), ["--version"],
            environment: Self.environment(), in: elsewhere.url)
        #expect(linked.status == 0, "stderr: \(linked.err)")
        #expect(linked.out.hasSuffix(" \(real)\n"), "\(linked.out)")

        // argv[0] is a bare `jarya` when the shell finds it on PATH.
        let onPath = try Self.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "jarya --version"],
            environment: ["PATH": prefix.file("bin") + ":/usr/bin:/bin"], in: elsewhere.url)
        #expect(onPath.status == 0, "stderr: \(onPath.err)")
        #expect(onPath.out.hasSuffix(" \(real)\n"), "\(onPath.out)")
    }

    @Test("glossaries/ beside the executable come before ../share/jarya/glossaries")
    func besideExecutable() throws {
        let prefix = try Self.install(glossaries: true)
        defer { prefix.remove() }
        try FileManager.default.copyItem(
            atPath: prefix.file("share/jarya/glossaries"), toPath: prefix.file("bin/glossaries"))
        let r = try Self.run(
            URL(fileURLWithPath: prefix.file("bin/jarya")), ["--version"], environment: Self.environment(),
            in: prefix.url)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.out.hasSuffix(" \(prefix.url.resolvingSymlinksInPath().path)/bin/glossaries\n"), "\(r.out)")
    }
}
