import Foundation
import Testing

/// Runs the `jarya` executable built beside this test bundle, as a user or cron would.
enum Jarya {
    /// The package root, from this file's path: Tests/JaryaCLITests/CLITests.swift.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `jarya` binary in the build folder of the running tests (whatever --scratch-path
    /// was), found next to the test runner: on Linux `JaryaPackageTests.xctest` is an
    /// executable in the products folder, on macOS a bundle in it.
    static let executable: URL? = {
        var folders: [URL] = []
        if let exe = Bundle.main.executableURL { folders.append(exe.deletingLastPathComponent()) }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        if let first = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        return folders.map { $0.appendingPathComponent("jarya") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var out: String { String(decoding: stdout, as: UTF8.self) }
        var err: String { String(decoding: stderr, as: UTF8.self) }
        var lines: [Substring] { out.split(separator: "\n") }
    }

    /// Runs `jarya arguments…` with `input` on standard input (empty if nil) in `directory`,
    /// with `environment` added to the tests' own.
    static func run(
        _ arguments: [String], input: Data? = nil, in directory: URL? = nil,
        environment: [String: String] = [:], limit: TimeInterval = 60
    ) throws -> Result {
        let exe = try #require(executable, "no jarya binary next to the test bundle \(Bundle.main.bundleURL.path)")
        return try launch(
            exe, arguments, input: input, in: directory ?? packageRoot,
            environment: environment.isEmpty ? nil : ProcessInfo.processInfo.environment.merging(environment) { $1 },
            limit: limit)
    }

    /// Runs `executable arguments…` in `directory` with exactly `environment` (nil: the tests'
    /// own), its output captured in files; a run over `limit` seconds is stopped and fails the
    /// test (a hang, not a speed measurement: speed is measured by the benchmarks).
    static func launch(
        _ executable: URL, _ arguments: [String], input: Data?, in directory: URL,
        environment: [String: String]?, limit: TimeInterval = 60
    ) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        FileManager.default.createFile(atPath: inURL.path, contents: input ?? Data())

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let stdout = try FileHandle(forWritingTo: outURL), stderr = try FileHandle(forWritingTo: errURL)
        let stdin = try FileHandle(forReadingFrom: inURL)
        defer { try? stdout.close(); try? stderr.close(); try? stdin.close() }
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        // A hung run fails the test instead of hanging the suite.
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
            Issue.record(
                "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) did not finish in \(Int(limit)) s")
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: try Data(contentsOf: outURL), stderr: try Data(contentsOf: errURL))
    }
}

/// A temporary folder for inputs and outputs, removed by `remove()`.
struct Folder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }
    func file(_ name: String) -> String { url.appendingPathComponent(name).path }
    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

enum Releases {
    static let kyrgyz = """
        Бишкекте китеп көргөзмөсү ачылат
        Бишкек шаардык мэриясы 10-декабрда Ала-Тоо аянтында китеп көргөзмөсүн өткөрөт. Көргөзмөгө 40тан ашык басма катышат.
        Маалымат: www.bishkek.gov.kg/ky/news, тел.: +996 312 66 05 10.

        """
    static let russian = """
        # Выставка книг в Бишкеке

        Мэрия **Бишкека** 10 декабря проводит на площади Ала-Тоо выставку книг. Участие примут более 40 издательств.
        Справки: [пресс-служба](https://bishkek.gov.kg/ru/press), press@bishkek.gov.kg.

        """
}

/// Reads JSON Lines into dictionaries.
func records(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}

@Suite("jarya command line", .serialized)
struct CLITests {
    @Test("the binary is found next to the test bundle")
    func binary() throws {
        let exe = try #require(Jarya.executable)
        #expect(exe.lastPathComponent == "jarya")
    }

    @Test("--help shows the examples and exit codes")
    func help() throws {
        let r = try Jarya.run(["--help"])
        #expect(r.status == 0)
        #expect(r.out.contains("Examples:"))
        #expect(r.out.contains("jarya process corpus/ --out records.jsonl"))
        #expect(r.out.contains("cat release.txt | jarya process"))
        #expect(r.out.contains("jarya normalize release.txt"))
        #expect(r.out.contains("65"))
        let sub = try Jarya.run(["process", "--help"])
        #expect(sub.status == 0)
        #expect(sub.out.contains("--out"))
        #expect(sub.out.contains("jarya process a.txt b.md - < c.txt"))
    }

    @Test("an unknown option is a usage error")
    func usage() throws {
        let r = try Jarya.run(["process", "--no-such-option"])
        #expect(r.status == 64)
        #expect(r.err.contains("--no-such-option"))
    }

    @Test("process a folder with --out: a file, nothing on stdout, exit 0")
    func processFolder() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/ky/books.txt", Releases.kyrgyz)
        try folder.write("in/ru/books.md", Releases.russian)
        let out = folder.file("records.jsonl")
        let r = try Jarya.run(["process", folder.file("in"), "--out", out])
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.isEmpty)
        #expect(try folder.contents() == ["in", "records.jsonl"])
        let recs = try records(try String(contentsOfFile: out, encoding: .utf8))
        #expect(recs.count == 2)
        #expect(
            recs.map { ($0["source"] as? [String: Any])?["path"] as? String } == [
                folder.file("in/ky/books.txt"), folder.file("in/ru/books.md"),
            ])
        #expect(recs.map { $0["language"] as? String } == ["ky", "ru"])
        #expect(recs.map { $0["title"] as? String } == ["Бишкекте китеп көргөзмөсү ачылат", "Выставка книг в Бишкеке"])
        #expect(recs.allSatisfy { $0["error"] == nil })
    }

    @Test("process reads standard input with no path and with -", arguments: [[], ["-"]])
    func standardInput(arguments: [String]) throws {
        let r = try Jarya.run(["process"] + arguments, input: Data(Releases.kyrgyz.utf8))
        #expect(r.status == 0, "stderr: \(r.err)")
        let recs = try records(r.out)
        #expect(recs.count == 1)
        let source = try #require(recs.first?["source"] as? [String: Any])
        #expect(source["path"] as? String == "-")
        #expect(source["bytes"] as? Int == Releases.kyrgyz.utf8.count)
        #expect(recs.first?["language"] as? String == "ky")
        let entities = try #require(recs.first?["entities"] as? [[String: Any]])
        #expect(entities.contains { $0["type"] as? String == "phone" && $0["value"] as? String == "+996312660510" })
    }

    @Test("the bad-input folder exits 65 and still writes all four records")
    func badInput() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.kyrgyz)
        try folder.write(
            "in/b.txt",
            Array("Талас облусунда жаңы көпүрө курулду. ".utf8) + [0xFF, 0xFE] + Array(" Курулушка 2 жыл кетти.\n".utf8)
        )
        try folder.write(
            "in/c.txt", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00])
        try folder.write("in/d.txt", [UInt8]())
        let out = folder.file("records.jsonl")
        let r = try Jarya.run(["process", folder.file("in"), "--out", out])
        #expect(r.status == 65)
        #expect(r.err.contains("2 of 4 documents failed"))
        let recs = try records(try String(contentsOfFile: out, encoding: .utf8))
        #expect(recs.count == 4)
        #expect(
            recs.map { ($0["source"] as? [String: Any])?["path"] as? String }
                == ["a", "b", "c", "d"].map { folder.file("in/\($0).txt") })
        #expect(recs.map { ($0["error"] as? [String: Any])?["code"] as? String } == [nil, nil, "binary", "empty"])
        let warnings = try #require(recs[1]["warnings"] as? [String])
        #expect(warnings.contains { $0.hasPrefix("invalid UTF-8") })
        #expect(try folder.contents() == ["in", "records.jsonl"])
    }

    @Test("a missing input exits 66 with an error record")
    func missing() throws {
        let r = try Jarya.run(["process", "no/such/release.txt"])
        #expect(r.status == 66)
        let recs = try records(r.out)
        #expect(recs.count == 1)
        #expect((recs.first?["error"] as? [String: Any])?["code"] as? String == "missing")
    }

    @Test("--out into a folder that does not exist exits 73 and leaves nothing")
    func cannotCreate() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.kyrgyz)
        let r = try Jarya.run(["process", folder.file("in"), "--out", folder.file("missing/records.jsonl")])
        #expect(r.status == 73)
        #expect(r.err.contains("cannot write"))
        #expect(r.stdout.isEmpty)
        #expect(try folder.contents() == ["in"])
    }

    @Test("normalize prints the normalized text and lists repairs on stderr")
    func normalize() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("noisy.txt", "Кɵлдɵ\u{00AD} жаштар\u{00A0}лагери\r\nБишкeк шаарындa и\u{0306}ыгын")
        let r = try Jarya.run(["normalize", folder.file("noisy.txt")])
        #expect(r.status == 0)
        #expect(Array(r.out.unicodeScalars) == Array("Көлдө жаштар лагери\nБишкек шаарында йыгын\n".unicodeScalars))
        #expect(r.err.contains("repaired Kyrgyz letters in 1 word: Кɵлдɵ → Көлдө"))
        #expect(r.err.contains("Бишкeк → Бишкек"))
        let stdin = try Jarya.run(["normalize"], input: Data("Ѳзгѳн\r\n".utf8))
        #expect(stdin.out == "Өзгөн\n")
        let empty = try Jarya.run(["normalize", "-"], input: Data())
        #expect(empty.status == 65)
    }

    // Golden test, in the manner of swift-argument-parser's: the expected record was written
    // by hand (id = first 16 hex of SHA-256 of the normalized text, sha256 of the raw bytes,
    // spans counted in Unicode scalars with a Python one-liner), not copied from jarya's output.
    //
    // Only `schema`, `id`, `source`, `language`, `title`, `text` and the url/email/phone
    // entities are compared, so that new recognizers (dates, places, organizations, persons)
    // and new warnings do not break it. When normalization, language or contact recognition
    // changes on purpose, update NAME.expected.jsonl deliberately, by hand, and say why.
    // The id is a pure function of `text`, so comparing it adds no fragility.
    struct Golden: Decodable, Equatable {
        struct Source: Decodable, Equatable {
            var path: String
            var sha256: String
            var bytes: Int
            var format: String
            var encoding: String?
        }
        struct Entity: Decodable, Equatable {
            var type: String
            var text: String
            var span: [Int]
            var value: String?
        }
        var schema: String
        var id: String
        var source: Source
        var language: String
        var title: String?
        var text: String
        var entities: [Entity]

        var contacts: [Entity] { entities.filter { ["url", "email", "phone"].contains($0.type) } }
    }

    @Test("golden records", arguments: ["osh_youth_forum"])
    func golden(name: String) throws {
        let relative = "Tests/JaryaCLITests/Fixtures/golden/\(name).txt"
        let expectedURL = Jarya.packageRoot.appendingPathComponent(
            "Tests/JaryaCLITests/Fixtures/golden/\(name).expected.jsonl")
        let r = try Jarya.run(["process", relative], in: Jarya.packageRoot)
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.lines.count == 1)
        let actual = try JSONDecoder().decode(Golden.self, from: Data(r.out.utf8))
        let expected = try JSONDecoder().decode(Golden.self, from: try Data(contentsOf: expectedURL))
        #expect(actual.schema == expected.schema)
        #expect(actual.source == expected.source)
        #expect(actual.language == expected.language)
        #expect(actual.title == expected.title)
        #expect(Array(actual.text.unicodeScalars) == Array(expected.text.unicodeScalars))
        #expect(actual.id == expected.id)
        #expect(actual.contacts == expected.contacts)
        // The hand-written spans slice the hand-written text: a check on the expected file itself.
        let scalars = Array(expected.text.unicodeScalars)
        for e in expected.contacts {
            #expect(String(String.UnicodeScalarView(scalars[e.span[0]..<e.span[1]])) == e.text)
        }
    }
}
