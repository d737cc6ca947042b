import Foundation
import GRDB
import Jarya
@testable import JaryaArchive
import Testing

@Suite("What is at --db: damaged, foreign or missing archives; reading while an index run writes")
struct ArchiveFileTests {
    static let release = CorpusArchive.corpus.appendingPathComponent("ru/ru01_bishkek_glacier_atlas.txt").path

    /// A folder with a small archive of one Russian release in it.
    static func smallArchive() throws -> String {
        let path = CorpusArchive.temporaryDB("archive.sqlite")
        let archive = try ArchiveIndex(path: path)
        _ = try archive.index(paths: [release], processor: .forTests)
        return path
    }

    static func expectRefused(
        _ path: String, _ kind: ArchiveError.Kind, writing: Bool, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let before = try? Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = writing ? try ArchiveIndex(path: path) : try ArchiveIndex(readingAt: path)
            Issue.record("\(path) was opened", sourceLocation: sourceLocation)
        } catch let error as ArchiveError {
            #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
            #expect(error.description.contains(path), sourceLocation: sourceLocation)
            #expect(
                !error.description.contains("\n") && !error.description.contains("SELECT"),
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("not an ArchiveError: \(error)", sourceLocation: sourceLocation)
        }
        // Nothing was written to it.
        #expect((try? Data(contentsOf: URL(fileURLWithPath: path))) == before, sourceLocation: sourceLocation)
    }

    @Test("a file that is not SQLite, a truncated archive, a folder: not an archive (74), left as it was")
    func notArchives() throws {
        let good = try Self.smallArchive()
        let dir = URL(fileURLWithPath: good).deletingLastPathComponent()
        var rng = SeededGenerator(seed: 5)
        let random = dir.appendingPathComponent("random.sqlite").path
        try Data((0..<8192).map { _ in UInt8(truncatingIfNeeded: rng.next()) }).write(to: URL(fileURLWithPath: random))
        let text = dir.appendingPathComponent("notes.sqlite").path
        try Data("Бишкекте тегерек стол өтөт.\n".utf8).write(to: URL(fileURLWithPath: text))
        let whole = try Data(contentsOf: URL(fileURLWithPath: good))
        #expect(whole.count > 16384)
        let truncated = dir.appendingPathComponent("truncated.sqlite").path
        try whole.prefix(whole.count / 3).write(to: URL(fileURLWithPath: truncated))
        let header = dir.appendingPathComponent("header.sqlite").path
        try whole.prefix(60).write(to: URL(fileURLWithPath: header))
        for path in [random, text, truncated, header, dir.path] {
            Self.expectRefused(path, .notArchive, writing: true)
            Self.expectRefused(path, .notArchive, writing: false)
        }
        #expect(ArchiveError("x", kind: .notArchive).exitCode == 74)
    }

    @Test("another SQLite database (a --state file) is not an archive: no tables are added to it")
    func foreignDatabase() throws {
        let state = CorpusArchive.temporaryDB("inbox.state")
        _ = try StateStore(path: state, fingerprint: "test")
        Self.expectRefused(state, .notArchive, writing: true)
        Self.expectRefused(state, .notArchive, writing: false)
        let tables = try DatabaseQueue(path: state).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(!tables.contains("documents"))
    }

    @Test("no archive: reading says how to make one (66); a missing folder cannot be written (73)")
    func missing() throws {
        let dir = URL(fileURLWithPath: CorpusArchive.temporaryDB("x")).deletingLastPathComponent()
        let none = dir.appendingPathComponent("none.sqlite").path
        Self.expectRefused(none, .missing, writing: false)
        #expect(!FileManager.default.fileExists(atPath: none))
        let empty = dir.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        Self.expectRefused(empty, .missing, writing: false)
        Self.expectRefused(dir.appendingPathComponent("no/such/folder/a.sqlite").path, .cannotWrite, writing: true)
        // An empty file is a new archive for writing.
        #expect(try ArchiveIndex(path: empty).count() == 0)
    }

    @Test("search and export read while another connection holds a write transaction")
    func readWhileWriting() throws {
        let path = try Self.smallArchive()
        let writer = try DatabaseQueue(path: path)
        try writer.writeWithoutTransaction { db in
            // An index run in the middle of a chunk: an exclusive write transaction.
            try db.execute(sql: "BEGIN EXCLUSIVE")
            defer { try? db.execute(sql: "ROLLBACK") }
            try db.execute(sql: "DELETE FROM entities")
            try db.execute(sql: "DELETE FROM documents_fts")
            let reader = try ArchiveIndex(readingAt: path)
            let started = Date()
            // The reader sees the last commit, at once.
            #expect(
                CorpusArchive.names(try reader.search(SearchQuery(text: "атлас ледников"))) == [
                    "ru01_bishkek_glacier_atlas"
                ])
            #expect(try reader.records().count == 1)
            #expect(Date().timeIntervalSince(started) < 5)
        }
    }

    @Test(
        "an archive made by a newer jarya (a migration this one does not know): refused (74) for reading and writing, left as it was"
    )
    func newerArchive() throws {
        let path = try Self.smallArchive()
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-event-series')")
        }
        Self.expectRefused(path, .notArchive, writing: false)
        Self.expectRefused(path, .notArchive, writing: true)
        do {
            _ = try ArchiveIndex(readingAt: path)
            Issue.record("opened")
        } catch let error as ArchiveError {
            #expect(error.description.contains("newer jarya") && error.exitCode == 74, "\(error)")
        }
    }

    @Test("a record another tool damaged in the archive: one line saying what to do (74), for search and export")
    func damagedRecord() throws {
        let path = try Self.smallArchive()
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE documents SET record = '{\"schema\": \"jarya.record/1\"'")
        }
        let reader = try ArchiveIndex(readingAt: path)
        for read in [{ _ = try reader.search(SearchQuery(text: "ледников")) }, { _ = try reader.records() }] {
            do {
                try read()
                Issue.record("a damaged record was read")
            } catch let error as ArchiveError {
                #expect(
                    error.kind == .notArchive && error.description.contains(path)
                        && error.description.contains("index its releases again"))
                #expect(!error.description.contains("DecodingError") && !error.description.contains("\n"))
            }
        }
    }

    @Test("a .jsonl that is not records fails alone (65); the other inputs are indexed")
    func badRecordsFile() throws {
        let path = CorpusArchive.temporaryDB("archive.sqlite")
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        let bad = dir.appendingPathComponent("bad.jsonl")
        try Data("{\"schema\":\"jarya.record/1\"}\nБишкекте тегерек стол\n".utf8).write(to: bad)
        let folder = dir.appendingPathComponent("folder.jsonl")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let summary = try ArchiveIndex(path: path).index(
            paths: [bad.path, folder.path, Self.release], processor: .forTests)
        #expect(summary.stored == 1)
        #expect(summary.status == .ioError, "the worse of a bad record file (65) and an unreadable one (74)")
        #expect(summary.failures.count == 2)
        #expect(summary.failures.allSatisfy { !$0.contains("\n") && !$0.contains("Swift.DecodingError") })
        #expect(summary.failures[0].hasPrefix(bad.path + ":1: not a Jarya record"))
        let onlyBad = try ArchiveIndex(path: path).index(paths: [bad.path], processor: .forTests)
        #expect(onlyBad.status == .dataError)
    }
}
