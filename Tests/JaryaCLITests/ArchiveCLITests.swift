import Foundation
import Testing

@Suite("jarya index, search, export")
struct ArchiveCLITests {
    @Test("jarya index corpus then search --place Bishkek --from 2022-01-01 --format json")
    func indexThenSearch() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jarya-archive-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("archive.sqlite").path

        let index = try Jarya.run(["index", "corpus", "--db", db])
        #expect(index.status == 0, "\(index.err)")
        #expect(FileManager.default.fileExists(atPath: db))

        let search = try Jarya.run([
            "search", "--place", "Bishkek", "--from", "2022-01-01", "--format", "json", "--db", db,
        ])
        #expect(search.status == 0, "\(search.err)")
        let names = try search.lines.map { line -> String in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let path = try #require(object["path"] as? String)
            return URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        }
        #expect(
            Set(names) == [
                "ky07_bishkek_energy_round_table", "kyru01_bishkek_green_youth_forum",
                "ru01_bishkek_glacier_atlas", "ru05_bishkek_nooruz_food_festival",
                "ru07_bishkek_energy_round_table", "names-ky01_bishkek_city_day_streets",
                "names-ru01_ticker_autumn_fair", "real-ru04_bishkek_capital_parks",
            ])
        #expect(names.count == 8)

        // The Kyrgyz and Russian versions of the energy round table, linked at indexing, show each other.
        let objects = try search.lines.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        func version(_ name: String) throws -> [String: Any] {
            try #require(objects.first { ($0["path"] as? String)?.contains(name) == true })
        }
        let ky = try version("ky07_bishkek_energy_round_table"), ru = try version("ru07_bishkek_energy_round_table")
        #expect((ky["translation"] as? [String: Any])?["id"] as? String == ru["id"] as? String)
        #expect((ru["translation"] as? [String: Any])?["language"] as? String == "ky")
        #expect((ru["translation"] as? [String: Any])?["title"] as? String == ky["title"] as? String)
        let energy = try Jarya.run(["search", "энергоэффективности", "--db", db])
        #expect(energy.lines.first?.contains("TRANSLATION") == true)
        #expect(
            energy.lines.contains {
                $0.hasPrefix(ru["id"] as? String ?? "-") && $0.contains("ky \(ky["id"] as? String ?? "-")")
            },
            "\(energy.out)")

        // The Kyrgyz locative gives the same table.
        let english = try Jarya.run(["search", "--place", "Bishkek", "--from", "2022-01-01", "--db", db])
        let kyrgyz = try Jarya.run(["search", "--place", "Бишкекте", "--from", "2022-01-01", "--db", db])
        #expect(english.out == kyrgyz.out && english.lines.count == 9)

        // Exports from the archive.
        let ics = dir.appendingPathComponent("events.ics").path
        let export = try Jarya.run(["export", "--ics", "--db", db, "--out", ics])
        #expect(export.status == 0, "\(export.err)")
        let calendar = try String(contentsOfFile: ics, encoding: .utf8)
        #expect(calendar.hasPrefix("BEGIN:VCALENDAR\r\n"))
        let csv = try Jarya.run(["export", "--csv", "--db", db])
        #expect(csv.out.hasPrefix("id,path,language,kind,title,start,end,time,places,organizers,funders,published\r\n"))

        // No archive: exit 66, nothing created.
        let missing = dir.appendingPathComponent("none.sqlite").path
        #expect(try Jarya.run(["search", "--db", missing]).status == 66)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}

@Suite("jarya index, search, export: hostile input and exit codes", .serialized)
struct ArchiveExitCodeTests {
    /// An archive of the corpus, made once.
    static let archive: Result<String, any Error> = Result {
        let folder = try Folder()
        let db = folder.file("archive.sqlite")
        let run = try Jarya.run(["index", "corpus", "--db", db, "--quiet"])
        guard run.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        return db
    }

    /// Runs jarya with standard output on `/dev/full`: every write fails with ENOSPC.
    static func runToFullDevice(_ arguments: [String]) throws -> (status: Int32, err: String) {
        let exe = try #require(Jarya.executable)
        let process = Process()
        process.executableURL = exe
        process.arguments = arguments
        process.currentDirectoryURL = Jarya.packageRoot
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = full
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try err.close()
        return (process.terminationStatus, try String(contentsOf: errURL, encoding: .utf8))
    }

    /// One line on standard error, naming `name`, with no SQLite or Foundation dump.
    static func expectOneLine(_ err: String, naming name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = err.split(separator: "\n")
        #expect(lines.count == 1, "\(err)", sourceLocation: sourceLocation)
        #expect(err.hasPrefix("jarya: ") && err.contains(name), "\(err)", sourceLocation: sourceLocation)
        for dump in ["SQLite error", "SELECT", "Error Domain", "NSCocoaErrorDomain", "Fatal error", "fts5: syntax"] {
            #expect(!err.contains(dump), "\(err)", sourceLocation: sourceLocation)
        }
    }

    @Test("search with several bare words, Kyrgyz and Russian, as separate arguments or one")
    func multiWordSearch() throws {
        let db = try Self.archive.get()
        let separate = try Jarya.run(["search", "конференция", "Бишкек", "--db", db, "--format", "csv"])
        #expect(separate.status == 0, "\(separate.err)")
        #expect(separate.out.contains("corpus/ky/ky01_bishkek_climate_conference.txt"))
        let one = try Jarya.run(["search", "конференция Бишкек", "--db", db, "--format", "csv"])
        #expect(one.status == 0 && one.out == separate.out, "\(one.err)")
        let russian = try Jarya.run(["search", "круглый", "стол", "в", "Бишкеке", "--db", db, "--format", "csv"])
        #expect(russian.status == 0 && russian.out.contains("ru07_bishkek_energy_round_table"), "\(russian.err)")
        let kyrgyz = try Jarya.run(["search", "«Жашыл шаар»", "форуму", "--db", db, "--format", "csv"])
        #expect(kyrgyz.status == 0 && kyrgyz.out.contains("kyru01_bishkek_green_youth_forum"), "\(kyrgyz.err)")
        // A query that cannot be read: 64 and one line saying how to write it.
        for query in ["конференция AND", "(Бишкек OR", "NOT семинар", "\"\" ; ,"] {
            let bad = try Jarya.run(["search", query, "--db", db])
            #expect(bad.status == 64, "\(query): \(bad.err)")
            Self.expectOneLine(bad.err, naming: "Write words")
            #expect(bad.out.isEmpty)
        }
    }

    @Test("index into a file that is not an archive exits 74, names the file, and leaves it as it was")
    func corruptArchive() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let good = try Data(contentsOf: URL(fileURLWithPath: try Self.archive.get()))
        var bytes: [UInt8] = []
        var x: UInt32 = 2026
        for _ in 0..<6000 { x = x &* 1_664_525 &+ 1_013_904_223; bytes.append(UInt8(x >> 24)) }
        try folder.write("random.sqlite", bytes)
        try folder.write("truncated.sqlite", Array(good.prefix(good.count / 4)))
        try folder.write("notes.sqlite", "Бишкекте тегерек стол өтөт. Круглый стол в Бишкеке.\n")
        for name in ["random.sqlite", "truncated.sqlite", "notes.sqlite"] {
            let db = folder.file(name)
            let before = try Data(contentsOf: URL(fileURLWithPath: db))
            let index = try Jarya.run(["index", "corpus/ky", "--db", db])
            #expect(index.status == 74, "\(name): \(index.err)")
            Self.expectOneLine(index.err, naming: db)
            #expect(index.err.contains("Give another --db"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
            let search = try Jarya.run(["search", "Бишкек", "--db", db])
            #expect(search.status == 74, "\(name): \(search.err)")
            Self.expectOneLine(search.err, naming: db)
            let export = try Jarya.run(["export", "--ics", "--db", db])
            #expect(export.status == 74, "\(name): \(export.err)")
            Self.expectOneLine(export.err, naming: db)
        }
        // The lock of a refused run is gone.
        #expect(try folder.contents().filter { $0.hasSuffix(".lock") }.isEmpty)
    }

    @Test("--db a folder (74), a folder that does not exist (73), records that are a folder (74) or not records (65)")
    func badPaths() throws {
        let folder = try Folder()
        defer { folder.remove() }
        for command in [["index", "corpus/ky"], ["search", "Бишкек"], ["export", "--csv"]] {
            let run = try Jarya.run(command + ["--db", folder.path])
            #expect(run.status == 74, "\(command): \(run.err)")
            Self.expectOneLine(run.err, naming: "is a folder")
        }
        let missing = folder.file("no/such/folder/archive.sqlite")
        let index = try Jarya.run(["index", "corpus/ky", "--db", missing])
        #expect(index.status == 73, "\(index.err)")
        Self.expectOneLine(index.err, naming: "no/such/folder")
        let records = try Jarya.run(["export", "--ics", "--records", folder.path])
        #expect(records.status == 74, "\(records.err)")
        Self.expectOneLine(records.err, naming: folder.path)
        try folder.write("notes.jsonl", "Бишкекте тегерек стол өтөт.\n")
        let notRecords = try Jarya.run(["export", "--ics", "--records", folder.file("notes.jsonl")])
        #expect(notRecords.status == 65, "\(notRecords.err)")
        Self.expectOneLine(notRecords.err, naming: folder.file("notes.jsonl") + ":1")
        let out = try Jarya.run(["export", "--csv", "--db", try Self.archive.get(), "--out", missing])
        #expect(out.status == 73, "\(out.err)")
        Self.expectOneLine(out.err, naming: missing)
    }

    @Test("a second index on an archive that is being indexed exits 75 at once")
    func secondIndex() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let db = folder.file("archive.sqlite")
        // Hold the lock as a running index would.
        let fd = open(db + ".lock", O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let busy = try Jarya.run(["index", "corpus/ky", "--db", db])
        #expect(busy.status == 75, "\(busy.err)")
        Self.expectOneLine(busy.err, naming: db)
        #expect(busy.err.contains("Try again later"))
        #expect(!FileManager.default.fileExists(atPath: db))
        flock(fd, LOCK_UN)
        close(fd)
        let ok = try Jarya.run(["index", "corpus/ky", "--db", db, "--quiet"])
        #expect(ok.status == 0, "\(ok.err)")
        #expect(!FileManager.default.fileExists(atPath: db + ".lock"))
    }

    @Test("two index runs at once: the second exits 75 while the first runs, and search reads meanwhile")
    func concurrentIndex() throws {
        let folder = try Folder()
        defer { folder.remove() }
        // Enough releases that the first run takes a while: the corpus ten times over.
        let corpus = Jarya.packageRoot.appendingPathComponent("corpus")
        let texts = try FileManager.default.subpathsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
        for copy in 0..<10 {
            for name in texts {
                try folder.write("in/\(copy)/\(name)", Array(try Data(contentsOf: corpus.appendingPathComponent(name))))
            }
        }
        let db = folder.file("archive.sqlite")
        #expect(try Jarya.run(["index", "corpus/ru", "--db", db, "--quiet"]).status == 0)
        let first = Process()
        first.executableURL = try #require(Jarya.executable)
        first.arguments = ["index", folder.file("in"), "--db", db, "--jobs", "1", "--quiet"]
        first.currentDirectoryURL = Jarya.packageRoot
        try first.run()
        defer { first.waitUntilExit() }
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: db + ".lock") && first.isRunning && Date() < deadline {
            usleep(2_000)
        }
        try #require(first.isRunning, "the first run ended before the test saw it")
        let second = try Jarya.run(["index", "corpus/ky", "--db", db])
        let search = try Jarya.run(["search", "атлас", "ледников", "--db", db, "--format", "csv"])
        let stillRunning = first.isRunning
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        if stillRunning {
            #expect(second.status == 75, "\(second.err)")
            #expect(search.status == 0, "\(search.err)")
            #expect(search.out.contains("ru01_bishkek_glacier_atlas"))
        }
    }

    @Test("search and export to a full disk (/dev/full): 73 and one line, no crash")
    func fullDisk() throws {
        let db = try Self.archive.get()
        for arguments in [
            ["search", "Бишкек", "--db", db], ["export", "--csv", "--db", db], ["export", "--ics", "--db", db],
        ] {
            let run = try Self.runToFullDevice(arguments)
            #expect(run.status == 73, "\(arguments): \(run.err)")
            // `export --ics` first says which events it leaves out (an undated opening in corpus/ky).
            let failure = run.err.split(separator: "\n").filter { !$0.hasPrefix("jarya: not in the calendar") }
            Self.expectOneLine(failure.joined(separator: "\n"), naming: "standard output")
        }
    }

    @Test("every archive command's --help lists its exit codes")
    func helpExitCodes() throws {
        for (command, codes) in [
            ("index", ["0", "64", "65", "66", "69", "73", "74", "75", "77"]),
            ("search", ["0", "64", "66", "69", "73", "74", "75", "77"]),
            ("export", ["0", "64", "65", "66", "69", "73", "74", "75", "77"]),
            ("archive migrate", ["0", "64", "66", "69", "73", "74", "77"]),
            ("archive copy", ["0", "64", "66", "69", "73", "74", "75", "77"]),
        ] {
            let help = try Jarya.run(command.split(separator: " ").map(String.init) + ["--help"])
            #expect(help.status == 0)
            let section = try #require(help.out.components(separatedBy: "Exit status:").dropFirst().first, "\(command)")
            for code in codes {
                #expect(
                    section.contains("\n  \(code) ") || section.contains("\n  \(code)  "),
                    "\(command) --help lacks \(code)")
            }
        }
    }
}
