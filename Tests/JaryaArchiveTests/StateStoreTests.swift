import Foundation
import Jarya
import JaryaArchive
import Testing

/// A temporary folder of releases, with a state file and outputs beside it.
private struct Workspace {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "jarya-state-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/in", withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/in/" + name))
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    var state: String { path + "/state.sqlite" }

    /// Runs a batch over `in/` (with the state when `cache` is set) and returns its output and summary.
    func run(cache: StateStore?, force: Bool = false, jobs: Int = 1) throws -> (String, Batch.Summary) {
        let out = path + "/out-\(UUID().uuidString).jsonl"
        let output = try RecordOutput(path: out)
        let summary = try Batch(processor: .forTests, jobs: jobs, cache: cache, force: force)
            .run(InputCollector.collect([path + "/in"]), to: output)
        try output.commit()
        defer { unlink(out) }
        return (try String(contentsOfFile: out, encoding: .utf8), summary)
    }

    /// The output of a batch without any state: what every cached run must equal.
    func fresh() throws -> String { try run(cache: nil).0 }
}

/// Releases written for these tests: a Kyrgyz and a Russian version of one event (linked as
/// translations), and another Kyrgyz release.
private enum StateReleases {
    static let kyrgyz = """
        Таласта китеп көргөзмөсү өтөт
        Талас, 02.10.25. /Кабар/. 2025-жылдын 14-15-октябрында Талас шаарында китеп көргөзмөсү өтөт.
        Көргөзмөнү Талас шаардык мэриясы уюштурат.
        Кошумча маалымат: +996 (3422) 5-44-21, talas.books@example.kg.

        """
    static let russian = """
        В Таласе пройдет книжная выставка
        Талас, 2 октября 2025 года. 14-15 октября 2025 года в Таласе пройдет книжная выставка.
        Выставку организует мэрия города Талас.
        Дополнительная информация: +996 (3422) 5-44-21, talas.books@example.kg.

        """
    static let other = """
        Ошто жаштар форуму өтөт
        Ош, 05.11.25. /Кабар/. 2025-жылдын 20-21-ноябрында Ош шаарында жаштар форуму өтөт.
        Форумду Ош шаардык мэриясы уюштурат. Маалымат: +996 (3222) 7-10-10.

        """
}

@Suite("State store: incremental runs")
struct StateStoreTests {
    @Test("a stored line comes back only for the same path and SHA-256, and survives reopening")
    func storeAndLookUp() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let store = try StateStore(path: ws.state, fingerprint: "f1")
        try store.store(path: "in/a.txt", sha256: "aa", bytes: 3, line: Data(#"{"x":"Бишкек"}"#.utf8))
        #expect(try store.line(path: "in/a.txt", sha256: "aa") == Data(#"{"x":"Бишкек"}"#.utf8))
        #expect(try store.line(path: "in/a.txt", sha256: "bb") == nil)
        #expect(try store.line(path: "in/b.txt", sha256: "aa") == nil)
        try store.store(path: "in/a.txt", sha256: "cc", bytes: 4, line: Data("{}".utf8))
        #expect(try store.rows().map(\.sha256) == ["cc"])

        let reopened = try StateStore(path: ws.state, fingerprint: "f1")
        #expect(try reopened.line(path: "in/a.txt", sha256: "cc") == Data("{}".utf8))
        #expect(try reopened.rows().first?.bytes == 4)
        // Other settings (another jarya, other glossaries): nothing is reused.
        let other = try StateStore(path: ws.state, fingerprint: "f2")
        #expect(try other.rows().isEmpty)
        try other.store(path: "in/a.txt", sha256: "cc", bytes: 4, line: Data("{}".utf8))
        try other.retain(paths: ["in/b.txt"])
        #expect(try other.rows().isEmpty)
    }

    @Test("a rerun reuses every record, and its output is the same as a run without state")
    func rerunReuses() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try ws.write("a_ky.txt", StateReleases.kyrgyz)
        try ws.write("b_ru.txt", StateReleases.russian)
        try ws.write("c_ky.txt", StateReleases.other)
        let expected = try ws.fresh()
        #expect(expected.contains(#""relation":"translation""#), "the test releases should be linked as translations")

        let store = try StateStore(path: ws.state, fingerprint: Processor.forTests.settingsFingerprint)
        let (first, s1) = try ws.run(cache: store)
        #expect(first == expected)
        #expect(s1.documents == 3 && s1.skipped == 0 && s1.errors == 0)
        let rows = try store.rows()
        #expect(rows.map(\.path) == ["a_ky.txt", "b_ru.txt", "c_ky.txt"].map { ws.path + "/in/" + $0 })
        // Rows hold the record before translation links: those are recomputed on every run.
        #expect(rows.allSatisfy { !$0.record.contains("\n") && !$0.record.contains(#""relation""#) })

        let (second, s2) = try ws.run(cache: store, jobs: 3)
        #expect(second == expected)
        #expect(s2.documents == 3 && s2.skipped == 3)
    }

    @Test("a changed file is processed again; the others are reused")
    func changedFile() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try ws.write("a_ky.txt", StateReleases.kyrgyz)
        try ws.write("b_ru.txt", StateReleases.russian)
        try ws.write("c_ky.txt", StateReleases.other)
        let store = try StateStore(path: ws.state, fingerprint: Processor.forTests.settingsFingerprint)
        _ = try ws.run(cache: store)
        let before = try store.rows()

        try ws.write(
            "c_ky.txt", StateReleases.other.replacingOccurrences(of: "20-21-ноябрында", with: "24-25-ноябрында"))
        let (output, summary) = try ws.run(cache: store)
        #expect(summary.documents == 3 && summary.skipped == 2)
        #expect(output == (try ws.fresh()))
        #expect(output.contains(#""start":"2025-11-24""#))
        let after = try store.rows()
        #expect(after.count == 3)
        #expect(after[0] == before[0] && after[1] == before[1])
        #expect(after[2].sha256 != before[2].sha256)
        #expect(after[2].record.contains("2025-11-24"))
    }

    @Test("a removed file's row is dropped, and a failed document is not stored")
    func removedFile() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try ws.write("a_ky.txt", StateReleases.kyrgyz)
        try ws.write("b_ru.txt", StateReleases.russian)
        try ws.write("d_empty.txt", "")
        let store = try StateStore(path: ws.state, fingerprint: Processor.forTests.settingsFingerprint)
        let (_, s1) = try ws.run(cache: store)
        #expect(s1.errors == 1 && s1.status == .dataError)
        #expect(try store.rows().map(\.path) == ["a_ky.txt", "b_ru.txt"].map { ws.path + "/in/" + $0 })

        try FileManager.default.removeItem(atPath: ws.path + "/in/b_ru.txt")
        let (output, s2) = try ws.run(cache: store)
        #expect(s2.documents == 2 && s2.skipped == 1 && s2.errors == 1)
        // The failure is reported again on every run.
        #expect(s2.status == .dataError)
        #expect(output == (try ws.fresh()))
        #expect(!output.contains(#""relation""#))
        #expect(try store.rows().map(\.path) == [ws.path + "/in/a_ky.txt"])
    }

    @Test("force makes every record again and stores it")
    func force() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try ws.write("a_ky.txt", StateReleases.kyrgyz)
        try ws.write("c_ky.txt", StateReleases.other)
        let store = try StateStore(path: ws.state, fingerprint: Processor.forTests.settingsFingerprint)
        _ = try ws.run(cache: store)
        // A row that does not match what its file gives (as if stored by a faulty run): only --force replaces it.
        let row = try #require(try store.rows().first)
        try store.store(
            path: row.path, sha256: row.sha256, bytes: row.bytes,
            line: Data(row.record.replacingOccurrences(of: "китеп", with: "КИТЕП").utf8))
        let (stale, s1) = try ws.run(cache: store)
        #expect(s1.skipped == 2)
        #expect(stale.contains("КИТЕП"))

        let (forced, s2) = try ws.run(cache: store, force: true)
        #expect(s2.documents == 2 && s2.skipped == 0)
        #expect(forced == (try ws.fresh()))
        #expect(try store.rows().first?.record == row.record)
        let (again, s3) = try ws.run(cache: store)
        #expect(s3.skipped == 2 && again == forced)
    }
}
