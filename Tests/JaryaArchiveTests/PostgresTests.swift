import Foundation
import Jarya
@testable import JaryaArchive
import Testing

/// The PostgreSQL server the tests use: `JARYA_TEST_POSTGRES` (`.ci/run` starts a throwaway
/// cluster and sets it). Without it the PostgreSQL tests are skipped, and say so.
enum TestPostgres {
    static let url: String? = ProcessInfo.processInfo.environment["JARYA_TEST_POSTGRES"].flatMap {
        $0.isEmpty ? nil : $0
    }
    static var available: Bool { url != nil }
    static let skipped: Comment =
        "JARYA_TEST_POSTGRES is not set, so the PostgreSQL tests are skipped: set it to postgres://USER@HOST:PORT/DB of a server where USER may create databases (.ci/run starts one)"

    /// A new, empty database on the test server; returns its URL.
    static func freshDatabase() throws -> String {
        let base = try #require(url)
        let name = "jarya_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try psql(base, "CREATE DATABASE \(name)")
        var parts = try #require(URLComponents(string: base))
        parts.path = "/" + name
        return try #require(parts.string)
    }

    /// Runs one SQL statement with psql; throws with psql's message when it fails.
    static func psql(_ url: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ArchiveError("psql \(sql): \(message)") }
    }
}

/// What needs no server: reading `--db` URLs, PG* variables and ~/.pgpass, and the words
/// the `tsvector` and `tsquery` are made of.
@Suite("PostgreSQL URLs, passwords and full-text words")
struct PostgresTargetTests {
    @Test("A URL names user, host, port and database; PG* variables fill what it leaves out")
    func urlAndEnvironment() throws {
        let full = try PostgresTarget(
            url: "postgres://archivist@db.example.kg:6543/press?sslmode=require", environment: [:], home: "/nonexistent"
        )
        #expect(
            full.user == "archivist" && full.host == "db.example.kg" && full.port == 6543 && full.database == "press")
        #expect(
            full.sslMode == "require" && full.password == nil && full.display == "archivist@db.example.kg:6543/press")

        let env = [
            "PGHOST": "pg.office.kg", "PGPORT": "5433", "PGUSER": "nightly", "PGDATABASE": "jarya",
            "PGPASSWORD": "ай-саламат", "PGSSLMODE": "disable",
        ]
        let filled = try PostgresTarget(url: "postgresql://", environment: env, home: "/nonexistent")
        #expect(
            filled.host == "pg.office.kg" && filled.port == 5433 && filled.user == "nightly"
                && filled.database == "jarya")
        #expect(filled.password == "ай-саламат" && filled.sslMode == "disable")
        // The URL wins over the environment; the database defaults to the user's name.
        let mixed = try PostgresTarget(
            url: "postgres://ops@10.0.0.7/", environment: ["PGUSER": "nightly", "PGPORT": "5433"], home: "/nonexistent")
        #expect(mixed.user == "ops" && mixed.port == 5433 && mixed.database == "ops" && mixed.sslMode == "prefer")
        // Percent-encoded names.
        let encoded = try PostgresTarget(
            url: "postgres://%D0%B0%D1%80%D1%85%D0%B8%D0%B2@localhost/%D0%BF%D1%80%D0%B5%D1%81%D1%81",
            environment: [:], home: "/nonexistent")
        #expect(encoded.user == "архив" && encoded.database == "пресс")
        // A Unix socket folder as the host, as libpq takes it.
        let socket = try PostgresTarget(
            url: "postgres://archivist@/press?host=/var/run/postgresql&port=5433", environment: [:],
            home: "/nonexistent")
        #expect(
            socket.isSocket && socket.host == "/var/run/postgresql" && socket.port == 5433 && socket.database == "press"
        )
        #expect(socket.url == "postgres://archivist@/press?host=/var/run/postgresql&port=5433")
        #expect(full.url == "postgres://archivist@db.example.kg:6543/press")
    }

    @Test("A URL that cannot be read, a bad port or sslmode: exit 69 with a line saying how to write it, no password")
    func badURLs() {
        for url in [
            "postgres://u:сыр@host:99999999/db", "postgres://host:port/db", "postgres://u@h/db?sslmode=sometimes",
            "mysql://u@h/db",
        ] {
            do {
                _ = try PostgresTarget(url: url, environment: [:], home: "/nonexistent")
                Issue.record("\(url) was accepted")
            } catch let error as ArchiveError {
                #expect(error.exitCode == 69, "\(url): \(error)")
                #expect(!error.description.contains("сыр"), "\(error)")
            } catch {
                Issue.record("\(url): \(error)")
            }
        }
        #expect(PostgresTarget.redacted("postgres://user:p%40ss@host/db") == "postgres://user:***@host/db")
        #expect(PostgresTarget.redacted("postgres://user@host/db") == "postgres://user@host/db")
    }

    @Test("~/.pgpass: the first matching line, * as a wildcard, \\: escaped; a file others can read is ignored")
    func pgpass() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent(".pgpass").path
        try """
        # office servers
        db.example.kg:5432:press:nightly:түнкү\\:сыр
        *:*:*:nightly:башка
        """.write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        let exact = try PostgresTarget(url: "postgres://nightly@db.example.kg/press", environment: [:], home: home.path)
        #expect(exact.password == "түнкү:сыр")
        let other = try PostgresTarget(
            url: "postgres://nightly@pg2.example.kg/press", environment: [:], home: home.path)
        #expect(other.password == "башка")
        let nobody = try PostgresTarget(url: "postgres://ops@db.example.kg/press", environment: [:], home: home.path)
        #expect(nobody.password == nil)
        // PGPASSWORD comes first.
        let env = try PostgresTarget(
            url: "postgres://nightly@db.example.kg/press", environment: ["PGPASSWORD": "env"], home: home.path)
        #expect(env.password == "env")
        chmod(file, 0o644)
        let open = try PostgresTarget(url: "postgres://nightly@db.example.kg/press", environment: [:], home: home.path)
        #expect(open.password == nil)
    }

    @Test("The tsvector holds FTS5's words with their positions, columns one position apart")
    func tsvectorWords() {
        let title = Folding.fold("Бишкекте тегерек стол")
        let text = Folding.fold("Тегерек столдо энергия, «жашыл» шаар жөнүндө сүйлөштү.")
        let vector = FTSTokens.tsvector(title: title, text: text, forms: "бишкек")
        #expect(vector.contains("'бишкекте':1") && vector.contains("'тегерек':2,5") && vector.contains("'стол':3"))
        #expect(vector.contains("'жашыл':8") && vector.contains("'бишкек':13"))
        #expect(FTSTokens.tokens(of: "кыргыз-түрк «манас»") == ["кыргыз", "түрк", "манас"])
        #expect(FTSTokens.lexeme("o'clock") == "'o''clock'")
    }

    @Test("A query becomes the tsquery of the FTS5 query: forms with |, phrases with <->, prefixes, NOT")
    func tsquery() throws {
        #expect(try FTSQuery.tsquery("\"тегерек стол\"") == "('тегерек' <-> 'стол')")
        #expect(try FTSQuery.tsquery("энергоэффектив*") == "'энергоэффектив':*")
        #expect(
            try FTSQuery.tsquery("бишкек NOT (семинар* OR тренинг*)") == "('бишкек' & !('семинар':* | 'тренинг':*))")
        let forms = try #require(try FTSQuery.tsquery("Бишкекте"))
        #expect(forms.hasPrefix("(") && forms.contains("'бишкекте'") && forms.contains(" | 'бишкек'"), "\(forms)")
        #expect(try FTSQuery.tsquery("   ") == nil)
        #expect(throws: FTSQuery.Failure.self) { try FTSQuery.tsquery("конференция AND") }
    }
}

/// The same archive on PostgreSQL: schema, upserts, concurrent writers, and search results
/// equal to the SQLite archive's.
@Suite("PostgreSQL archive", .enabled(if: TestPostgres.available, TestPostgres.skipped), .serialized)
struct PostgresArchiveTests {
    /// The corpus indexed once into a fresh PostgreSQL database.
    static let shared: Result<PostgresArchive, any Error> = Result {
        let archive = try PostgresArchive(url: try TestPostgres.freshDatabase(), writing: true)
        let summary = try archive.index(paths: [CorpusArchive.corpus.path], processor: .forTests, jobs: 2)
        guard summary.failures.isEmpty else { throw ArchiveError("corpus failures: \(summary.failures)") }
        return archive
    }

    /// Queries of every kind, in Kyrgyz and Russian, with names taken from the corpus records
    /// so that organizations and persons are really there.
    static func queries(from records: [Record]) -> [SearchQuery] {
        var queries: [SearchQuery] = [
            SearchQuery(), SearchQuery(text: "конференция"), SearchQuery(text: "конференция Бишкек"),
            SearchQuery(text: "Бишкекте"),
            SearchQuery(text: "китепке"), SearchQuery(text: "мугалимге"), SearchQuery(text: "ледникам"),
            SearchQuery(text: "ледников"),
            SearchQuery(text: "\"тегерек стол\""), SearchQuery(text: "«круглый стол»"),
            SearchQuery(text: "энергоэффектив*"),
            SearchQuery(text: "жирафтар"), SearchQuery(text: "климaттын"), SearchQuery(text: "КЛИМАТТЫН"),
            SearchQuery(text: "Teгepeк"),
            SearchQuery(text: "бишкек NOT (семинар OR тренинг)"), SearchQuery(text: "форум OR фестиваль"),
            SearchQuery(text: "жаштар*"),
            SearchQuery(text: "(Ош OR Каракол) AND китеп*"), SearchQuery(text: "выставка"), SearchQuery(text: "2022"),
            SearchQuery(place: "Bishkek", places: CorpusArchive.places),
            SearchQuery(place: "Бишкекте", places: CorpusArchive.places),
            SearchQuery(place: "в Бишкеке", places: CorpusArchive.places),
            SearchQuery(place: "Ош", places: CorpusArchive.places),
            SearchQuery(place: "Каракол", places: CorpusArchive.places, from: "2024-03", to: "2024-03"),
            SearchQuery(place: "Karakol", places: CorpusArchive.places, from: "2024-03-02", to: "2024"),
            SearchQuery(place: "Bishkek", places: CorpusArchive.places, from: "2022-01-01"),
            SearchQuery(place: "Бишкек", places: CorpusArchive.places, from: "2022", language: "ru"),
            SearchQuery(from: "2023"), SearchQuery(to: "2016"), SearchQuery(from: "2021-06", to: "2022-06"),
            SearchQuery(language: "ky"), SearchQuery(language: "ru"), SearchQuery(language: "ky+ru"),
            SearchQuery(organization: "ПРООН"), SearchQuery(organization: "UNDP"),
            SearchQuery(organization: "министрлиги"),
            SearchQuery(person: "Жирафов"), SearchQuery(text: "жаштар", from: "2020", language: "ky"),
        ]
        var names: [String] = []
        for r in records {
            for e in r.entities where e.type == .organization || e.type == .person {
                if let word = (e.name ?? e.text).split(separator: " ").first.map(String.init), word.count > 3,
                    !names.contains(word)
                {
                    names.append(word)
                    queries.append(
                        e.type == .organization ? SearchQuery(organization: word) : SearchQuery(person: word))
                }
            }
            if let title = r.title?.split(separator: " ").dropFirst().first.map(String.init), title.count > 4 {
                queries.append(SearchQuery(text: title))
            }
        }
        return queries
    }

    @Test("Search gives the same records in the same order from SQLite and PostgreSQL on corpus/")
    func sameResultsAsSQLite() throws {
        let sqlite = try CorpusArchive.archive()
        let postgres = try Self.shared.get()
        #expect(try postgres.count() == sqlite.count())
        #expect(try postgres.records().map(\.id) == sqlite.records().map(\.id))
        let queries = Self.queries(from: try sqlite.records())
        var nonEmpty = 0
        for q in queries {
            let expected = try sqlite.search(q).map(\.id)
            let got = try postgres.search(q).map(\.id)
            #expect(got == expected, "\(q)")
            if !expected.isEmpty { nonEmpty += 1 }
        }
        // The comparison means something only if most queries find documents.
        #expect(queries.count > 60 && nonEmpty > queries.count / 2, "\(nonEmpty) of \(queries.count)")
        // Whole records come back unchanged through jsonb.
        let lines = JSONLinesEncoder()
        for (a, b) in zip(try sqlite.records(), try postgres.records()) {
            #expect(lines.line(a) == lines.line(b))
        }
        // A query that cannot be read is refused the same way.
        #expect(throws: ArchiveError.self) { try postgres.search(SearchQuery(text: "(Бишкек")) }
        #expect(throws: ArchiveError.self) { try postgres.search(SearchQuery(from: "былтыр")) }
    }

    @Test("Re-indexing replaces a document: same id, or same path with other contents; error records are skipped")
    func upsertReplaces() throws {
        let archive = try PostgresArchive(url: try TestPostgres.freshDatabase(), writing: true)
        let records = try CorpusArchive.archive().records()
        let first = Array(records.prefix(5))
        try archive.upsert(first)
        try archive.upsert(first)
        #expect(try archive.count() == 5)
        // The same path with other contents (another id) replaces the old document.
        var changed = first[0]
        changed.id = "changed-\(first[0].id)"
        changed.title = "Жаңы аталыш: Нарында тоо туризми боюнча жыйын"
        try archive.upsert([changed])
        #expect(try archive.count() == 5)
        #expect(try archive.search(SearchQuery(text: "Нарында туризми")).map(\.id) == [changed.id])
        #expect(try archive.search(SearchQuery(text: first[0].title ?? "—")).map(\.id).contains(first[0].id) == false)
        // Child rows were replaced, not doubled.
        let error = ErrorRecord(source: first[1].source, error: .init(code: "unreadable", message: "permission denied"))
        let (stored, skipped) = try archive.upsert([RecordLine.error(error)])
        #expect(stored == 0 && skipped == 1)
        #expect(try archive.count() == 5)
    }

    @Test("migrate is repeatable; an archive made by a newer jarya is refused, for reading and writing")
    func schemaVersions() throws {
        let url = try TestPostgres.freshDatabase()
        // Nothing there yet: reading says how to make the archive.
        #expect { try PostgresArchive(url: url, writing: false) } throws: { ($0 as? ArchiveError)?.exitCode == 66 }
        let archive = try PostgresArchive(url: url, writing: true)
        #expect(try archive.migrate() == [])
        #expect(try archive.currentVersion() == PostgresArchive.schemaVersion)
        _ = try PostgresArchive(url: url, writing: false)
        try TestPostgres.psql(url, "INSERT INTO jarya_schema (version) VALUES (\(PostgresArchive.schemaVersion + 1))")
        for writing in [false, true] {
            #expect {
                try PostgresArchive(url: url, writing: writing)
            } throws: { error in
                let e = error as? ArchiveError
                return e?.exitCode == 74 && e?.description.contains("newer jarya") == true
            }
        }
        // Someone else's documents table: refused, not altered.
        let foreign = try TestPostgres.freshDatabase()
        try TestPostgres.psql(foreign, "CREATE TABLE documents (title text)")
        #expect { try PostgresArchive(url: foreign, writing: true) } throws: { ($0 as? ArchiveError)?.exitCode == 74 }
    }

    @Test("Two writers upserting overlapping batches at once leave each document exactly once")
    func concurrentWriters() throws {
        let url = try TestPostgres.freshDatabase()
        _ = try PostgresArchive(url: url, writing: true)
        let records = try CorpusArchive.archive().records()
        let a = try PostgresArchive(url: url, writing: true), b = try PostgresArchive(url: url, writing: true)
        // Overlapping halves, in opposite orders, in small batches.
        let firstHalf = Array(records.prefix(records.count * 2 / 3)),
            secondHalf = Array(records.suffix(records.count * 2 / 3).reversed())
        let failures = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let (archive, part) = k == 0 ? (a, firstHalf) : (b, secondHalf)
            do {
                for _ in 0..<3 {
                    var start = 0
                    while start < part.count {
                        try archive.upsert(Array(part[start..<min(part.count, start + 3)]))
                        start += 3
                    }
                }
            } catch { failures.add(error) }
        }
        #expect(failures.errors.isEmpty, "\(failures.errors)")
        #expect(try a.count() == records.count)
        #expect(Set(try a.records().map(\.id)) == Set(records.map(\.id)))
        // No doubled child rows: the event table has one row per document with an event.
        #expect(try a.search(SearchQuery()).count == records.count)
    }
}

final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var errors: [String] = []
    func add(_ e: any Error) { lock.lock(); errors.append("\(e)"); lock.unlock() }
}
