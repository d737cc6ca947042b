import Foundation
import Testing

/// Small releases written for these tests: a Kyrgyz and a Russian version of each event, from
/// a few sentence templates with the town, the event, the dates, the size and the contacts varied.
enum GeneratedReleases {
    // (Kyrgyz nominative, Kyrgyz locative, Russian prepositional, area code)
    static let towns = [
        ("Бишкек", "Бишкекте", "Бишкеке", "312"), ("Ош", "Ошто", "Оше", "3222"),
        ("Нарын", "Нарында", "Нарыне", "3522"), ("Талас", "Таласта", "Таласе", "3422"),
        ("Каракол", "Караколдо", "Караколе", "3922"),
    ]
    // (Kyrgyz, Russian nominative)
    static let events = [
        ("жаштар форуму", "молодежный форум"), ("китеп көргөзмөсү", "книжная выставка"),
        ("илимий конференция", "научная конференция"), ("спорт мелдеши", "спортивный турнир"),
        ("кол өнөрчүлөр жарманкеси", "ярмарка ремесленников"),
    ]
    // (Kyrgyz genitive-locative after a day, Russian genitive, month number)
    static let months = [
        ("мартында", "марта", 3), ("апрелинде", "апреля", 4), ("майында", "мая", 5),
        ("июнунда", "июня", 6), ("октябрында", "октября", 10), ("декабрында", "декабря", 12),
    ]

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// The Kyrgyz and Russian release of event `n`.
    static func pair(_ n: Int) -> (ky: String, ru: String) {
        let (town, townLoc, townPrep, code) = towns[n % towns.count]
        let (eventKy, eventRu) = events[(n / 5) % events.count]
        let (monthKy, monthRu, month) = months[(n / 3) % months.count]
        let published = 1 + n % 9, first = 10 + n % 15, last = 11 + n % 15
        let people = 20 + (n * 37) % 400
        let phone = "\(2 + n % 7)-\(two(10 + n % 90))-\(two(n * 7 % 100))"
        let mail = "press\(n)@example.kg"
        let ky = """
            \(townLoc) \(eventKy) өтөт
            \(town), \(two(published)).\(two(month)).25. /Кабар/. 2025-жылдын \(first)-\(last)-\(monthKy) \(town) шаарында \(eventKy) өтөт.
            Иш-чараны \(town) шаардык мэриясы уюштурат. Катышуучулардын саны: \(people).
            Кошумча маалымат: +996 (\(code)) \(phone), \(mail).

            """
        let ru = """
            В \(townPrep) пройдет \(eventRu)
            \(town), \(published) \(monthRu) 2025 года. \(first)-\(last) \(monthRu) 2025 года в \(townPrep) пройдет \(eventRu).
            Мероприятие организует мэрия города \(town). Ожидается \(people) участников.
            Дополнительная информация: +996 (\(code)) \(phone), \(mail).

            """
        return (ky, ru)
    }

    /// Writes `count` releases (half Kyrgyz, half Russian) into `folder/in/ky` and `folder/in/ru`.
    static func write(_ count: Int, into folder: Folder) throws {
        for n in 0..<(count / 2) {
            let (ky, ru) = pair(n)
            let name = "r\(String(format: "%03d", n))"
            try folder.write("in/ky/\(name).txt", ky)
            try folder.write("in/ru/\(name).txt", ru)
        }
    }
}

/// A `jarya` process running in the background, its output going to files.
final class Background {
    let process = Process()
    let stdoutURL: URL, stderrURL: URL

    init(_ arguments: [String], in directory: URL) throws {
        let exe = try #require(Jarya.executable)
        stdoutURL = directory.appendingPathComponent("bg-\(UUID().uuidString).out")
        stderrURL = directory.appendingPathComponent("bg-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = exe
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits until `condition` holds or the process ends; true if the condition held while it ran.
    func wait(until condition: () -> Bool, timeout: TimeInterval = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return process.isRunning }
            if !process.isRunning { return false }
            usleep(2_000)
        }
        return false
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    var err: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }
}

/// The master side of a new pseudo-terminal and the path of its slave side. glibc declares
/// posix_openpt, grantpt, unlockpt and ptsname only for _XOPEN_SOURCE, so they are looked up.
enum PseudoTerminal {
    static func open() -> (fd: Int32, slave: String)? {
        typealias OpenPT = @convention(c) (Int32) -> Int32
        typealias FDCall = @convention(c) (Int32) -> Int32
        typealias PTSName = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        let handle = dlopen(nil, RTLD_NOW)
        guard let o = dlsym(handle, "posix_openpt"), let g = dlsym(handle, "grantpt"),
            let u = dlsym(handle, "unlockpt"), let p = dlsym(handle, "ptsname")
        else { return nil }
        let fd = unsafeBitCast(o, to: OpenPT.self)(O_RDWR | O_NOCTTY)
        guard fd >= 0 else { return nil }
        guard unsafeBitCast(g, to: FDCall.self)(fd) == 0, unsafeBitCast(u, to: FDCall.self)(fd) == 0,
            let name = unsafeBitCast(p, to: PTSName.self)(fd)
        else { close(fd); return nil }
        return (fd, String(cString: name))
    }
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
}

/// The paths of the records of a JSON Lines file, relative to `folder`.
func recordPaths(_ file: String, in folder: Folder) throws -> [String] {
    try records(try String(contentsOfFile: file, encoding: .utf8)).map {
        let path = ($0["source"] as? [String: Any])?["path"] as? String ?? ""
        return path.hasPrefix(folder.path + "/") ? String(path.dropFirst(folder.path.count + 1)) : path
    }
}

@Suite("jarya process: batches and incremental runs", .serialized)
struct BatchCLITests {
    @Test("--include and --exclude globs match the relative path and the file name")
    func globs() throws {
        let folder = try Folder()
        defer { folder.remove() }
        for name in ["in/ky/a.txt", "in/ky/notes.md", "in/ru/b.txt", "in/ru/old/c.txt", "in/drafts/d.txt", "in/e.md"] {
            try folder.write(name, Releases.kyrgyz)
        }
        let out = folder.file("records.jsonl")
        func paths(_ options: [String]) throws -> [String] {
            let r = try Jarya.run(["process", folder.file("in"), "--out", out] + options)
            #expect(r.status == 0, "stderr: \(r.err)")
            return try recordPaths(out, in: folder)
        }
        #expect(
            try paths([]) == [
                "in/drafts/d.txt", "in/e.md", "in/ky/a.txt", "in/ky/notes.md", "in/ru/b.txt", "in/ru/old/c.txt",
            ])
        #expect(
            try paths(["--include", "*.txt"]) == ["in/drafts/d.txt", "in/ky/a.txt", "in/ru/b.txt", "in/ru/old/c.txt"])
        #expect(
            try paths(["--include", "*.txt", "--exclude", "drafts", "--exclude", "ru/old/*"]) == [
                "in/ky/a.txt", "in/ru/b.txt",
            ])
        #expect(
            try paths(["--include", "ru/*", "--include", "e.md"]) == ["in/e.md", "in/ru/b.txt", "in/ru/old/c.txt"])
        #expect(try paths(["--exclude", "*.md", "--exclude", "[cd].txt"]) == ["in/ky/a.txt", "in/ru/b.txt"])
        // A file named on the command line is read whatever the globs say.
        let r = try Jarya.run(["process", folder.file("in/e.md"), "--include", "*.txt"])
        #expect(try records(r.out).count == 1)
    }

    @Test("a link out of the tree is skipped; links inside are followed; a link loop ends")
    func symlinks() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.kyrgyz)
        try folder.write("in/sub/b.md", Releases.russian)
        try folder.write("outside/secret.txt", "Бул файл папкадан тышкары.\n")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: folder.file("in/secret.txt"), withDestinationPath: "../outside/secret.txt")
        try fm.createSymbolicLink(
            atPath: folder.file("in/absolute.txt"), withDestinationPath: folder.file("outside/secret.txt"))
        try fm.createSymbolicLink(atPath: folder.file("in/outdir"), withDestinationPath: "../outside")
        try fm.createSymbolicLink(atPath: folder.file("in/sub/loop"), withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: folder.file("in/self.txt"), withDestinationPath: "self.txt")
        try fm.createSymbolicLink(atPath: folder.file("in/inner.txt"), withDestinationPath: "a.txt")
        let out = folder.file("records.jsonl")
        let r = try Jarya.run(["process", folder.file("in"), "--out", out])
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(try recordPaths(out, in: folder) == ["in/a.txt", "in/inner.txt", "in/sub/b.md"])
        #expect(r.err.contains("in/secret.txt: skipped: the link points outside the folder"))
        #expect(r.err.contains("in/absolute.txt: skipped"))
        #expect(r.err.contains("in/outdir: skipped"))
        #expect(r.err.contains("in/sub/loop: skipped"))
        #expect(r.err.contains("in/self.txt: skipped"))
        #expect(!(try String(contentsOfFile: out, encoding: .utf8)).contains("тышкары"))
        let quiet = try Jarya.run(["process", folder.file("in"), "--out", out, "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty)
    }

    @Test("--quiet prints nothing on success, and only the exit status tells of failed documents")
    func quiet() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.kyrgyz)
        let ok = try Jarya.run([
            "process", folder.file("in"), "--out", folder.file("r.jsonl"), "--quiet", "--state", folder.file("s"),
        ])
        #expect(ok.status == 0)
        #expect(ok.stdout.isEmpty && ok.stderr.isEmpty)
        try folder.write("in/b.txt", [UInt8]())
        let failed = try Jarya.run(["process", folder.file("in"), "--quiet"])
        #expect(failed.status == 65)
        #expect(failed.stderr.isEmpty)
        #expect(try records(failed.out).count == 2)
        // Without --quiet, the failure and a summary are told.
        let told = try Jarya.run(["process", folder.file("in")])
        #expect(told.err.contains("b.txt"))
        #expect(told.err.contains("[empty]"))
        #expect(told.err.contains("2 documents, 1 errors, 0 skipped"))
        // An error that stops the run is printed even with --quiet.
        let stopped = try Jarya.run(["process", folder.file("in"), "--quiet", "--out", folder.file("no/such/r.jsonl")])
        #expect(stopped.status == 73)
        #expect(stopped.err.contains("cannot write"))
    }

    @Test("--log-format json: one object per line, document errors and a summary")
    func jsonLog() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.kyrgyz)
        try folder.write("in/b.md", Releases.russian)
        try folder.write("in/c.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D])
        let args = [
            "process", folder.file("in"), "--out", folder.file("r.jsonl"), "--state", folder.file("s.sqlite"),
            "--log-format", "json",
        ]
        let first = try Jarya.run(args)
        #expect(first.status == 65)
        let lines = try first.err.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "not JSON: \($0)")
        }
        #expect(lines.count == 2)
        #expect(lines.first?["event"] as? String == "document_error")
        #expect(lines.first?["path"] as? String == folder.file("in/c.txt"))
        #expect(lines.first?["code"] as? String == "binary")
        #expect((lines.first?["message"] as? String)?.isEmpty == false)
        let summary = try #require(lines.last)
        #expect(summary["event"] as? String == "summary")
        #expect(summary["documents"] as? Int == 3)
        #expect(summary["errors"] as? Int == 1)
        #expect(summary["skipped"] as? Int == 0)
        #expect(summary["seconds"] is Double || summary["seconds"] is Int)
        #expect(summary["mb_per_s"] != nil)

        // The rerun takes the two good records from the state.
        let second = try Jarya.run(args)
        let lastLine = try #require(second.err.split(separator: "\n").last)
        let last = try #require(try JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any])
        #expect(last["skipped"] as? Int == 2)
        #expect(last["documents"] as? Int == 3)
        // With --log-format text the summary is printed even on success.
        let text = try Jarya.run(["process", folder.file("in/a.txt"), "--log-format", "text"])
        #expect(text.status == 0)
        #expect(text.err.hasPrefix("jarya: 1 documents, 0 errors, 0 skipped, "))
        #expect(text.err.contains("MB/s"))
    }

    @Test("a progress line only when standard error is a terminal")
    func progressOnTerminal() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.kyrgyz)
        try folder.write("in/b.md", Releases.russian)
        // Standard error on a pseudo-terminal, read back from its master side.
        let master = try #require(PseudoTerminal.open(), "no pseudo-terminal")
        defer { close(master.fd) }
        let slavePath = master.slave
        let slave = try #require(FileHandle(forWritingAtPath: slavePath))
        let process = Process()
        process.executableURL = try #require(Jarya.executable)
        process.arguments = ["process", folder.file("in"), "--out", folder.file("r.jsonl")]
        process.standardError = slave
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try slave.close()
        var seen = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var poller = pollfd(fd: master.fd, events: Int16(POLLIN), revents: 0)
        while poll(&poller, 1, 200) > 0 {
            let n = read(master.fd, &buffer, buffer.count)
            if n <= 0 { break }
            seen.append(contentsOf: buffer[..<n])
        }
        let text = String(decoding: seen, as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(text.contains("2/2 documents"))
        #expect(text.contains("jarya: 2 documents, 0 errors, 0 skipped"))
        // Not on a file (the other tests), and not with --quiet.
        let quiet = try Jarya.run(["process", folder.file("in"), "--out", folder.file("r.jsonl"), "--quiet"])
        #expect(quiet.stderr.isEmpty)
    }

    @Test("a second run on a state that is in use exits 75 at once")
    func lockBusy() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.kyrgyz)
        let state = folder.file("state.sqlite")
        // Hold the lock as a running jarya would.
        let fd = open(state + ".lock", O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let busy = try Jarya.run(["process", folder.file("in"), "--state", state, "--out", folder.file("r.jsonl")])
        #expect(busy.status == 75)
        #expect(busy.err.contains("another jarya run"))
        #expect(busy.err.contains("state.sqlite.lock"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("r.jsonl")))
        flock(fd, LOCK_UN)
        close(fd)
        // Free again (a stale lock file left by a killed run does not block), and removed at the end.
        let ok = try Jarya.run(["process", folder.file("in"), "--state", state, "--out", folder.file("r.jsonl")])
        #expect(ok.status == 0, "stderr: \(ok.err)")
        #expect(!FileManager.default.fileExists(atPath: state + ".lock"))
        #expect(try records(try String(contentsOfFile: folder.file("r.jsonl"), encoding: .utf8)).count == 1)
    }

    @Test("killed with SIGKILL part-way, the rerun writes the same bytes as an uninterrupted run")
    func killedRun() throws {
        let killed = try Folder(), reference = try Folder()
        defer { killed.remove(); reference.remove() }
        try GeneratedReleases.write(300, into: killed)
        try GeneratedReleases.write(300, into: reference)
        // Both runs read the relative path `in`, so their records' paths are the same.
        let args = ["process", "in", "--state", "state.sqlite", "--out", "records.jsonl", "--jobs", "1"]

        let run = try Background(args, in: killed.url)
        // Wait until a few dozen records are committed (the WAL grows by a page or more per commit).
        let wal = killed.file("state.sqlite-wal")
        let partWay = run.wait(until: { fileSize(wal) > 40 * 4096 })
        #expect(partWay, "the run ended before it could be killed: \(run.err)")
        // Meanwhile a second run on the same state is refused.
        let second = try Jarya.run(args + ["--quiet"], in: killed.url)
        #expect(second.status == 75, "stderr: \(second.err)")
        #expect(second.err.contains("another jarya run"))
        run.kill()
        #expect(run.process.terminationReason == .uncaughtSignal)
        #expect(!FileManager.default.fileExists(atPath: killed.file("records.jsonl")))

        let uninterrupted = try Jarya.run(args, in: reference.url)
        #expect(uninterrupted.status == 0, "stderr: \(uninterrupted.err)")
        let rerun = try Jarya.run(args + ["--log-format", "json"], in: killed.url)
        #expect(rerun.status == 0, "stderr: \(rerun.err)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(rerun.err.utf8)) as? [String: Any])
        let skipped = try #require(summary["skipped"] as? Int)
        #expect(skipped > 0 && skipped < 300, "skipped \(skipped)")
        #expect(summary["documents"] as? Int == 300)

        let expected = try Data(contentsOf: URL(fileURLWithPath: reference.file("records.jsonl")))
        let got = try Data(contentsOf: URL(fileURLWithPath: killed.file("records.jsonl")))
        #expect(got == expected)
        let lines = String(decoding: got, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 300)
        #expect(lines.filter { $0.contains(#""relation":"translation""#) }.count > 100)
        // The killed run's temporary output and lock files are gone.
        #expect(
            try killed.contents().filter { !$0.hasPrefix("bg-") }
                == ["in", "records.jsonl", "state.sqlite"])
    }
}
