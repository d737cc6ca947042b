import Foundation
import Testing

/// `--out` never destroys what is not ours: devices and FIFOs are written in place, symbolic
/// links are followed, and an interrupted run leaves no lock or temporary file.
@Suite("output targets and interrupted runs")
struct OutputTargetCLITests {
    @Test("a character device given as --out stays a device (as /dev/null must, run as root)")
    func device() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.kyrgyz)
        let device = folder.file("null")
        // A private copy of /dev/null (major 1, minor 3), so a failing test cannot harm the real one.
        // dev_t of major 1, minor 3 in glibc's encoding (makedev is a macro Swift cannot call).
        guard mknod(device, S_IFCHR | 0o666, 0x0103) == 0 else {
            print("skipped: mknod is not permitted here (\(String(cString: strerror(errno))))")
            return
        }
        let run = try Jarya.run(["process", folder.file("in"), "--out", device])
        #expect(run.status == 0, "stderr: \(run.err)")
        var info = stat()
        #expect(lstat(device, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "the device was replaced")
        #expect(try folder.contents() == ["in", "null"], "no lock or temporary file beside a device")
        // `export --out` writes through the same output.
        let records = try Jarya.run(["process", folder.file("in"), "--out", folder.file("r.jsonl")])
        #expect(records.status == 0)
        for format in ["--csv", "--ics"] {
            let export = try Jarya.run(["export", format, "--records", folder.file("r.jsonl"), "--out", device])
            #expect(export.status == 0, "export \(format): \(export.err)")
            #expect(
                lstat(device, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "export \(format) replaced the device")
        }
    }

    @Test("a FIFO given as --out is written to, not replaced")
    func fifo() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.kyrgyz)
        try folder.write("in/b.txt", Releases.russian)
        let fifo = folder.file("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        // A reader on the FIFO, as a consuming program would be.
        let received = ReceivedBytes()
        // open(2) and read(2): Foundation's Data(contentsOf:) takes the FIFO's size, 0, and reads nothing.
        let reader = Thread {
            let fd = open(fifo, O_RDONLY)
            var data = Data()
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while fd >= 0 {
                let n = read(fd, &chunk, chunk.count)
                if n <= 0 { break }
                data.append(contentsOf: chunk[..<n])
            }
            close(fd)
            received.set(data)
        }
        reader.start()
        let run = try Jarya.run(["process", folder.file("in"), "--out", fifo])
        #expect(run.status == 0, "stderr: \(run.err)")
        let deadline = Date().addingTimeInterval(10)
        while received.get() == nil && Date() < deadline { usleep(5_000) }
        let lines = String(decoding: received.get() ?? Data(), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("a symbolic link given as --out stays a link; its target (even a missing one) gets the records")
    func symbolicLinks() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.russian)
        try folder.write("data/records.jsonl", "old\n")
        #expect(symlink("data/records.jsonl", folder.file("latest.jsonl")) == 0)
        #expect(symlink("data/new.jsonl", folder.file("dangling.jsonl")) == 0)
        for link in ["latest.jsonl", "dangling.jsonl"] {
            let run = try Jarya.run(["process", "in", "--out", link], in: folder.url)
            #expect(run.status == 0, "stderr: \(run.err)")
            var info = stat()
            #expect(lstat(folder.file(link), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK, "\(link) was replaced")
        }
        for target in ["data/records.jsonl", "data/new.jsonl"] {
            let text = try String(contentsOfFile: folder.file(target), encoding: .utf8)
            #expect(text.hasPrefix(#"{"schema":"jarya.record/1""#), "\(target): \(text.prefix(40))")
        }
        #expect(try folder.contents() == ["dangling.jsonl", "data", "in", "latest.jsonl"])
    }

    @Test("a folder as --out is refused in one line that says what to give, exit 73")
    func folderAsOutput() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Releases.russian)
        let run = try Jarya.run(["process", folder.file("in"), "--out", folder.file("in")])
        #expect(run.status == 73)
        #expect(run.err.contains("it is a folder") && run.err.contains("records.jsonl"))
        #expect(run.err.split(separator: "\n").count == 1, "\(run.err)")
    }

    @Test("SIGTERM part-way removes the lock files and the temporary output")
    func terminated() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try GeneratedReleases.write(300, into: folder)
        let run = try Background(
            ["process", "in", "--state", "state.sqlite", "--out", "records.jsonl", "--jobs", "1"],
            in: folder.url)
        let wal = folder.file("state.sqlite-wal")
        #expect(run.wait(until: { fileSize(wal) > 20 * 4096 }), "the run ended before it could be stopped: \(run.err)")
        #expect(FileManager.default.fileExists(atPath: folder.file("state.sqlite.lock")))
        kill(run.process.processIdentifier, SIGTERM)
        run.process.waitUntilExit()
        #expect(run.process.terminationReason == .uncaughtSignal)
        let left = try folder.contents().filter { !$0.hasPrefix("bg-") && !$0.hasPrefix("state.sqlite") }
        #expect(left == ["in"], "left behind: \(left)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("state.sqlite.lock")))
        #expect(!FileManager.default.fileExists(atPath: folder.file("records.jsonl.lock")))
    }

    @Test("--jobs beyond reason is a usage error, not an overflow or a 33 GB allocation")
    func absurdJobs() throws {
        for jobs in ["9223372036854775807", "10000000", "0", "-3"] {
            let run = try Jarya.run(["process", "--jobs", jobs, "-"], input: Data(Releases.russian.utf8))
            #expect(run.status == 64, "--jobs \(jobs): \(run.err)")
            #expect(run.err.contains("--jobs"))
        }
    }

    @Test("a device without end as input stops at --max-bytes with a too_large record")
    func endlessInput() throws {
        let run = try Jarya.run(["process", "/dev/zero", "--max-bytes", "100000"])
        #expect(run.status == 65)
        #expect(run.out.contains(#""code":"too_large""#))
        let stdin = try Jarya.run(
            ["process", "--max-bytes", "1000"], input: Data(String(repeating: Releases.russian, count: 20).utf8))
        #expect(stdin.status == 65)
        #expect(stdin.out.contains(#""code":"too_large""#))
    }
}

/// Bytes handed from a reader thread to the test.
final class ReceivedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data? { lock.lock(); defer { lock.unlock() }; return data }
}
