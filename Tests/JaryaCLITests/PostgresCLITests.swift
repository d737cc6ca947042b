import Foundation
import Testing

/// The test server (`JARYA_TEST_POSTGRES`, set by .ci/run); without it the tests that need one
/// are skipped, and say so.
enum CLIPostgres {
    static let url: String? = ProcessInfo.processInfo.environment["JARYA_TEST_POSTGRES"].flatMap {
        $0.isEmpty ? nil : $0
    }
    static let skipped: Comment =
        "JARYA_TEST_POSTGRES is not set, so the PostgreSQL CLI tests are skipped: set it to postgres://USER@HOST:PORT/DB of a server where USER may create databases (.ci/run starts one)"

    /// `url` with another database (and user, when given).
    static func url(database: String, user: String? = nil) throws -> String {
        let base = try #require(url)
        var parts = try #require(URLComponents(string: base))
        parts.path = "/" + database
        if let user { parts.user = user }
        return try #require(parts.string)
    }

    /// A new empty database; its URL.
    static func freshDatabase(owner: String? = nil) throws -> String {
        let name = "jarya_c_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let base = try #require(url)
        process.arguments = [
            "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", base, "-c",
            "CREATE DATABASE \(name)" + (owner.map { " OWNER \($0)" } ?? ""),
        ]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return try url(database: name, user: owner)
    }
}

@Suite("jarya index, search, export, archive with --db postgres://")
struct PostgresCLITests {
    @Test("A refused connection: exit 69, one line naming host, port and database, never the password")
    func refused() throws {
        // Port 1 on the loopback: nothing listens there.
        let url = "postgres://archivist:тоо-сыры-2024@127.0.0.1:1/press"
        for args in [
            ["search", "Бишкек", "--db", url], ["index", "corpus/ky", "--db", url], ["export", "--csv", "--db", url],
            ["archive", "migrate", "--db", url],
        ] {
            let r = try Jarya.run(args)
            #expect(r.status == 69, "\(args): \(r.err)")
            ArchiveExitCodeTests.expectOneLine(r.err, naming: "127.0.0.1:1")
            #expect(r.err.contains("press") && r.err.contains("refused"), "\(r.err)")
            #expect(!r.err.contains("тоо-сыры"), "\(r.err)")
            #expect(r.out.isEmpty)
        }
        // No lock file named after a URL is left behind.
        #expect(!FileManager.default.fileExists(atPath: Jarya.packageRoot.appendingPathComponent("postgres:").path))
    }

    @Test("A URL that cannot be read: exit 69 and how to write one")
    func badURL() throws {
        let r = try Jarya.run(["search", "Ош", "--db", "postgres://archivist:жашыруун@db.example.kg:порт/press"])
        #expect(r.status == 69, "\(r.err)")
        ArchiveExitCodeTests.expectOneLine(r.err, naming: "postgres://USER@HOST:PORT/DATABASE")
        #expect(!r.err.contains("жашыруун"), "\(r.err)")
    }

    @Test(
        "No such database: 69; no such user: 77; each one line with host and database",
        .enabled(if: CLIPostgres.url != nil, CLIPostgres.skipped))
    func missingDatabaseAndUser() throws {
        let noDB = try Jarya.run(["search", "Бишкек", "--db", try CLIPostgres.url(database: "jarya_no_such_archive")])
        #expect(noDB.status == 69, "\(noDB.err)")
        ArchiveExitCodeTests.expectOneLine(noDB.err, naming: "jarya_no_such_archive")
        #expect(noDB.err.contains("createdb"), "\(noDB.err)")

        let noUser = try Jarya.run(
            ["index", "corpus/ky", "--db", try CLIPostgres.url(database: "jarya", user: "no_such_archivist")],
            environment: ["PGPASSWORD": "пароль-123"])
        #expect(noUser.status == 77, "\(noUser.err)")
        ArchiveExitCodeTests.expectOneLine(noUser.err, naming: "no_such_archivist")
        #expect(noUser.err.contains("jarya") && !noUser.err.contains("пароль-123"), "\(noUser.err)")
    }

    @Test(
        "An archive made by a newer jarya: index, search and export refuse it with one line (74) and leave it as it was",
        .enabled(if: CLIPostgres.url != nil, CLIPostgres.skipped))
    func newerArchive() throws {
        let url = try CLIPostgres.freshDatabase()
        #expect(try Jarya.run(["archive", "migrate", "--db", url]).status == 0)
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        psql.arguments = [
            "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c",
            "INSERT INTO jarya_schema (version) VALUES (1000)",
        ]
        try psql.run()
        psql.waitUntilExit()
        try #require(psql.terminationStatus == 0)
        for args in [
            ["index", "corpus/ky", "--db", url], ["search", "Бишкек", "--db", url], ["export", "--csv", "--db", url],
            ["archive", "migrate", "--db", url],
        ] {
            let r = try Jarya.run(args)
            #expect(r.status == 74, "\(args): \(r.err)")
            ArchiveExitCodeTests.expectOneLine(r.err, naming: "newer jarya")
        }
    }

    /// Whether the test server has scripts/test-postgres's role that logs in with a password.
    static let passwordRole: Bool = {
        guard let url = CLIPostgres.url else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "psql", "-X", "-tA", "-d", url, "-c", "SELECT 1 FROM pg_roles WHERE rolname = 'jarya_password'",
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }()

    @Test(
        "A wrong or missing password: exit 77, the password never printed; PGPASSWORD and ~/.pgpass log in",
        .enabled(
            if: PostgresCLITests.passwordRole,
            "the test server has no role jarya_password (scripts/test-postgres makes it): skipped"))
    func passwords() throws {
        // A database of its own: PostgreSQL 15 lets only the owner create tables in `public`.
        let url = try CLIPostgres.freshDatabase(owner: "jarya_password")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-pg-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let noFile = ["HOME": home.path, "PGPASSWORD": ""]

        let wrong = try Jarya.run(
            ["archive", "migrate", "--db", url], environment: noFile.merging(["PGPASSWORD": "туура-эмес-сыр"]) { $1 })
        #expect(wrong.status == 77, "\(wrong.err)")
        ArchiveExitCodeTests.expectOneLine(wrong.err, naming: "jarya_password")
        #expect(wrong.err.contains("password") && !wrong.err.contains("туура-эмес-сыр"), "\(wrong.err)")
        // The password in the URL is not printed either.
        var inURL = try #require(URLComponents(string: url))
        inURL.password = "башка-сыр"
        let wrongInURL = try Jarya.run(["search", "--db", try #require(inURL.string)], environment: noFile)
        #expect(wrongInURL.status == 77 && !wrongInURL.err.contains("башка-сыр"), "\(wrongInURL.err)")

        let none = try Jarya.run(["search", "--db", url], environment: noFile)
        #expect(none.status == 77, "\(none.err)")
        #expect(none.err.contains("PGPASSWORD") && none.err.contains(".pgpass"), "\(none.err)")

        let right = try Jarya.run(
            ["archive", "migrate", "--db", url], environment: noFile.merging(["PGPASSWORD": "jarya-test-pass"]) { $1 })
        #expect(right.status == 0, "\(right.err)")
        // Logged in, but not allowed to create the tables in someone else's database: 77 too.
        let notOwner = try Jarya.run(
            ["index", "corpus/ky", "--db", try CLIPostgres.url(database: "jarya", user: "jarya_password")],
            environment: noFile.merging(["PGPASSWORD": "jarya-test-pass"]) { $1 })
        #expect(notOwner.status == 77, "\(notOwner.err)")
        ArchiveExitCodeTests.expectOneLine(notOwner.err, naming: "lacks the rights")
        // ~/.pgpass, mode 0600.
        let parts = try #require(URLComponents(string: url))
        let pgpass = home.appendingPathComponent(".pgpass").path
        try "\(parts.host ?? "*"):\(parts.port.map(String.init) ?? "*"):*:jarya_password:jarya-test-pass\n"
            .write(toFile: pgpass, atomically: true, encoding: .utf8)
        chmod(pgpass, 0o600)
        let fromFile = try Jarya.run(["search", "Бишкек", "--db", url], environment: noFile)
        #expect(fromFile.status == 0, "\(fromFile.err)")
    }

    @Test(
        "index, search, export on PostgreSQL print what they print on SQLite; archive copy both ways",
        .enabled(if: CLIPostgres.url != nil, CLIPostgres.skipped))
    func sameOutputAsSQLite() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-pg-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let sqlite = dir.appendingPathComponent("archive.sqlite").path
        let pg = try CLIPostgres.freshDatabase()

        let migrate = try Jarya.run(["archive", "migrate", "--db", pg])
        #expect(migrate.status == 0, "\(migrate.err)")
        for db in [sqlite, pg] {
            let index = try Jarya.run(["index", "corpus", "--db", db])
            #expect(index.status == 0, "\(index.err)")
        }
        let searches: [[String]] = [
            ["--place", "Bishkek", "--from", "2022-01-01", "--format", "json"], ["конференция", "Бишкек"],
            ["тегерек", "стол", "--lang", "ky"],
            ["--org", "ПРООН", "--to", "2023", "--format", "csv"], ["ледник*", "--format", "json"],
            ["--lang", "ru", "--format", "csv"],
            ["бишкек NOT (семинар OR тренинг)"],
        ]
        for args in searches {
            let a = try Jarya.run(["search"] + args + ["--db", sqlite]),
                b = try Jarya.run(["search"] + args + ["--db", pg])
            #expect(a.status == 0 && b.status == 0, "\(args): \(a.err) \(b.err)")
            #expect(a.out == b.out, "\(args)")
        }
        let csvA = try Jarya.run(["export", "--csv", "--db", sqlite]),
            csvB = try Jarya.run(["export", "--csv", "--db", pg])
        #expect(csvA.status == 0 && csvA.out == csvB.out && csvA.out.count > 200)

        // Copy PostgreSQL → a new SQLite file and SQLite → a new PostgreSQL database: the same results.
        let back = dir.appendingPathComponent("copy.sqlite").path
        let toSQLite = try Jarya.run(["archive", "copy", "--from", pg, "--to", back])
        #expect(toSQLite.status == 0, "\(toSQLite.err)")
        let pg2 = try CLIPostgres.freshDatabase()
        let toPG = try Jarya.run(["archive", "copy", "--from", sqlite, "--to", pg2, "--batch", "7"])
        #expect(toPG.status == 0, "\(toPG.err)")
        for args in searches {
            let a = try Jarya.run(["search"] + args + ["--db", sqlite])
            #expect(try Jarya.run(["search"] + args + ["--db", back]).out == a.out, "\(args)")
            #expect(try Jarya.run(["search"] + args + ["--db", pg2]).out == a.out, "\(args)")
        }
    }

    @Test(
        "Two jarya index runs at once over overlapping folders leave each document exactly once",
        .enabled(if: CLIPostgres.url != nil, CLIPostgres.skipped))
    func concurrentIndexRuns() throws {
        let pg = try CLIPostgres.freshDatabase()
        let exe = try #require(Jarya.executable)
        // corpus/ky and all of corpus: corpus/ky is indexed by both, at the same time.
        let runs = [
            ["index", "corpus/ky", "corpus/ru", "--db", pg, "-j", "1"],
            ["index", "corpus", "corpus/ky", "--db", pg, "-j", "1"],
        ]
        let processes = try runs.map { args -> Process in
            let p = Process()
            p.executableURL = exe
            p.arguments = args
            p.currentDirectoryURL = Jarya.packageRoot
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in processes { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        let count = try Jarya.run(["search", "--db", pg])
        let sqliteDir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jarya-pg-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: sqliteDir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: sqliteDir) }
        let sqlite = sqliteDir.appendingPathComponent("a.sqlite").path
        #expect(try Jarya.run(["index", "corpus", "--db", sqlite]).status == 0)
        let expected = try Jarya.run(["search", "--db", sqlite])
        #expect(count.out == expected.out)
        // A header line and one line per release of corpus/.
        let releases =
            FileManager.default.enumerator(atPath: Jarya.packageRoot.appendingPathComponent("corpus").path)?
            .compactMap { $0 as? String }.filter { path in
                [".txt", ".md", ".html", ".docx"].contains { path.hasSuffix($0) }
            }.count ?? 0
        #expect(count.lines.count == releases + 1, "\(count.out)")
    }

    @Test(
        "3,000 generated releases: two index runs at once over overlapping halves leave exactly 3,000 documents, and search equals SQLite's",
        .enabled(if: CLIPostgres.url != nil, CLIPostgres.skipped), .timeLimit(.minutes(20)))
    func threeThousandReleases() throws {
        let exe = try #require(Jarya.executable)
        let bench = exe.deletingLastPathComponent().appendingPathComponent("jarya-bench")
        try #require(FileManager.default.isExecutableFile(atPath: bench.path), "no jarya-bench beside \(exe.path)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-pg-3000-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func start(_ executable: URL, _ args: [String]) throws -> Process {
            let p = Process()
            p.executableURL = executable
            p.arguments = args
            p.currentDirectoryURL = Jarya.packageRoot
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        func wait(_ p: Process) { p.waitUntilExit(); #expect(p.terminationStatus == 0, "\(p.arguments ?? [])") }
        let releases = dir.appendingPathComponent("releases").path
        wait(try start(bench, ["generate", "--count", "3000", "--seed", "16", "--out", releases]))
        // Processed once; the two index runs read the records, so they spend their time writing.
        let records = dir.appendingPathComponent("all.jsonl").path
        wait(try start(exe, ["process", releases, "--out", records, "--quiet"]))
        let lines = try String(contentsOfFile: records, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3000)
        let first = dir.appendingPathComponent("first.jsonl").path,
            second = dir.appendingPathComponent("second.jsonl").path
        try (lines[0..<2000].joined(separator: "\n") + "\n").write(toFile: first, atomically: true, encoding: .utf8)
        // The overlap in the other order, so the runs meet on the same documents.
        try (lines[1000..<3000].reversed().joined(separator: "\n") + "\n").write(
            toFile: second, atomically: true, encoding: .utf8)

        let pg = try CLIPostgres.freshDatabase()
        #expect(try Jarya.run(["archive", "migrate", "--db", pg]).status == 0)
        let runs = try [start(exe, ["index", first, "--db", pg]), start(exe, ["index", second, "--db", pg])]
        runs.forEach(wait)
        let all = try Jarya.run(["search", "--format", "csv", "--db", pg])
        #expect(all.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 3001)

        let sqlite = dir.appendingPathComponent("a.sqlite").path
        // 3,000 records take minutes on a loaded two-core machine: this checks the result, not the speed.
        #expect(try Jarya.run(["index", records, "--db", sqlite, "--quiet"], limit: 900).status == 0)
        #expect(try Jarya.run(["search", "--format", "csv", "--db", sqlite]).out == all.out)
        for args in [
            ["--place", "Бишкек", "--from", "2020", "--to", "2021-06"], ["жаштар"],
            ["конференции", "--lang", "ru", "--from", "2022"],
            ["--org", "ПРООН"], ["\"тегерек стол\"", "--from", "2018"], ["энерг*", "NOT", "семинар"],
            ["--place", "Ош", "--lang", "ky"],
        ] {
            let a = try Jarya.run(["search"] + args + ["--format", "csv", "--db", sqlite])
            let b = try Jarya.run(["search"] + args + ["--format", "csv", "--db", pg])
            #expect(a.status == 0 && a.out == b.out, "\(args)")
            #expect(a.out.components(separatedBy: "\r\n").count > 3, "\(args) finds too little to compare")
        }
    }
}
