import Foundation
import Jarya
@testable import JaryaArchive
import Testing

extension PostgresArchiveTests {
    /// The connection is cut while the writer is inside a batch's transaction: a second
    /// session holds the advisory lock of one record of the third batch, waits until the
    /// writer queues for it, and terminates the writer's backend.
    @Test(
        "A connection lost mid-batch: committed documents stay, none half-written, exit 69 without the password; a rerun completes the rest"
    )
    func connectionLostMidBatch() throws {
        let url = try TestPostgres.freshDatabase()
        let records = Array(try CorpusArchive.archive().records().prefix(10))
        #expect(records.count == 10)
        let jsonl = CorpusArchive.temporaryDB("records.jsonl")
        let lines = JSONLinesEncoder()
        try Data(records.flatMap { lines.line($0) }).write(to: URL(fileURLWithPath: jsonl))

        let writer = try PostgresArchive(url: url, writing: true)
        let blocker = try PostgresArchive(url: url, writing: false)
        try blocker.run("SELECT pg_advisory_lock($1::int8)", [.int(Int(PostgresBatch.lockKey("id", records[4].id)))])

        let outcome = ErrorBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            do {
                // Two records per transaction: the first two batches commit, the third waits.
                _ = try writer.index(paths: [jsonl], processor: .forTests, chunk: 2)
            } catch { outcome.add(error) }
            done.signal()
        }
        var waiting: Int?
        for _ in 0..<600 where waiting == nil {
            waiting = try blocker.run(
                """
                SELECT pid::int8 FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()
                """
            ).first.map { Int(try $0.decode(Int64.self)) }
            if waiting == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        let pid = try #require(waiting, "the writer never waited for the third batch's lock")
        try blocker.run("SELECT pg_terminate_backend($1::int4)", [.int(pid)])
        #expect(done.wait(timeout: .now() + 60) == .success)
        try blocker.run("SELECT pg_advisory_unlock_all()")

        // One line naming the database, exit 69; the stored batches stay, the third left nothing.
        let failure = try #require(outcome.errors.first, "the writer did not fail")
        #expect(outcome.errors.count == 1)
        #expect(
            failure.contains(String(url.split(separator: "/").last!)) && failure.contains("127.0.0.1")
                && !failure.contains("\n"), "\(failure)")
        #expect(failure.contains("was lost") && failure.contains("documents already stored stay"), "\(failure)")
        #expect(try blocker.count() == 4)
        #expect(Set(try blocker.records().map(\.id)) == Set(records.prefix(4).map(\.id)))
        #expect(try blocker.search(SearchQuery()).count == 4, "child rows of the cut batch were left")

        // The rerun stores the rest, each document once.
        let rerun = try PostgresArchive(url: url, writing: true)
        let summary = try rerun.index(paths: [jsonl], processor: .forTests, chunk: 2)
        #expect(summary.stored == 10 && summary.failures.isEmpty)
        #expect(try rerun.count() == 10)
        #expect(Set(try rerun.records().map(\.id)) == Set(records.map(\.id)))
        #expect(try rerun.search(SearchQuery()).count == 10)
    }
}
