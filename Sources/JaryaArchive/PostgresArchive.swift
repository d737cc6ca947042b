import Foundation
import Jarya
import PostgresNIO

/// The archive in a PostgreSQL database, for an office where several hosts index and everyone
/// searches: the same tables as the SQLite archive (`documents` with the record as `jsonb`,
/// `events`, `event_places`, `event_organizations`, `entities`), a `tsvector` column holding
/// the words FTS5 indexes (`FTSTokens`) under a GIN index, and B-tree indexes for the place,
/// organization and date filters.
///
/// Writers never meet half a document: each batch is one transaction that first takes a
/// transaction-scoped advisory lock per record id and path, in one global order (so two
/// writers over overlapping folders wait for each other instead of doubling a document or
/// deadlocking), deletes the documents it replaces, and inserts. A killed run loses only its
/// open transaction; a rerun completes the rest.
///
/// One connection, used synchronously (NIO futures waited on outside the event loop), so the
/// synchronous commands need no async bridge.
public final class PostgresArchive: Archive, @unchecked Sendable {
    public let target: PostgresTarget
    let connection: PostgresConnection
    let logger: Logger
    /// One statement at a time on the connection.
    let lock = NSLock()
    /// Fails the statement waiting for its answer when the connection closes.
    let closing = CloseWatch()
    /// What this connection's index runs learn once (lexicons, word cutters, folded names).
    let scratch = IndexScratch()

    public var location: String { target.display }

    /// The schema versions this jarya knows, in order; `migrations[k]` makes version k + 1.
    static let migrations: [[String]] = [
        PostgresSchema.v1, PostgresSchema.v2, PostgresSchema.v3, PostgresSchema.v4, PostgresSchema.v5,
    ]
    public static var schemaVersion: Int { migrations.count }

    /// Connects and checks the schema. Writing: creates or upgrades the tables (`migrate`).
    /// Reading: refuses a database without a Jarya archive (66). Either refuses an archive
    /// made by a newer jarya (74), and a server that cannot be reached (69) or refuses the
    /// user (77), with one line naming user, host, port and database.
    public convenience init(url: String, writing: Bool) throws {
        try self.init(url: url, writing: writing, schema: Self.schemaVersion)
    }

    /// Writing brings the tables to version `schema` only (tests make older archives so).
    init(url: String, writing: Bool, schema: Int) throws {
        target = try PostgresTarget(url: url)
        var logger = Logger(label: "jarya.postgres")
        logger.logLevel = .critical
        self.logger = logger
        connection = try Self.connect(target, logger: logger)
        connection.closeFuture.whenComplete { [closing] _ in closing.closed() }
        do {
            if writing { try migrate(upTo: schema) } else { try checkReadable() }
        } catch {
            try? connection.close().wait()
            throw error
        }
    }

    deinit {
        try? connection.close().wait()
    }

    static func connect(_ target: PostgresTarget, logger: Logger) throws -> PostgresConnection {
        let tls: PostgresConnection.Configuration.TLS
        do {
            var config = TLSConfiguration.makeClientConfiguration()
            // As libpq: prefer and require encrypt without checking the certificate; verify-*
            // check it.
            if !target.sslMode.hasPrefix("verify") { config.certificateVerification = .none }
            switch target.sslMode {
            case "disable": tls = .disable
            case "allow", "prefer": tls = .prefer(try NIOSSLContext(configuration: config))
            default: tls = .require(try NIOSSLContext(configuration: config))
            }
        } catch {
            throw ArchiveError(
                "cannot set up TLS for PostgreSQL at \(target.display): \(error). Try sslmode=disable for a local server.",
                kind: .unavailable)
        }
        var configuration: PostgresConnection.Configuration
        if target.isSocket {
            configuration = .init(
                unixSocketPath: target.host + "/.s.PGSQL.\(target.port)", username: target.user,
                password: target.password, database: target.database)
        } else {
            configuration = .init(
                host: target.host, port: target.port, username: target.user, password: target.password,
                database: target.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(Int64(target.connectTimeout))
        configuration.options.additionalStartupParameters = [("application_name", "jarya")]
        do {
            return try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(),
                configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw PostgresFailure.describe(error, target: target, connecting: true)
        }
    }

    // MARK: Statements

    /// A bind value.
    enum Value {
        case text(String?)
        case int(Int)
        case texts([String])
        case bigints([Int64])
        case column(TextColumn)
        case vectors(TSVectorColumn)
    }

    /// Runs one statement with `$1…` binds and returns its rows.
    @discardableResult
    func run(_ sql: String, _ values: [Value] = []) throws -> [PostgresRow] {
        var binds = PostgresBindings()
        for value in values {
            switch value {
            case .text(let s?): binds.append(s)
            case .text(nil): binds.appendNull()
            case .int(let n): binds.append(n)
            case .texts(let a): binds.append(a)
            case .bigints(let a): binds.append(a)
            case .column(let c): binds.append(c)
            case .vectors(let v): binds.append(v)
            }
        }
        lock.lock()
        defer { lock.unlock() }
        do {
            defer { closing.watch(nil) }
            return try answer(connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)).wait().rows
        } catch {
            throw PostgresFailure.describe(error, target: target, connecting: false)
        }
    }

    /// Sends `data`, rows in COPY's text format, into these columns of `table` (`COPY … FROM
    /// STDIN`), waiting for the server's answer as `run` waits: postgres-nio's COPY is async
    /// only, so it runs in a task, and a closed connection ends the wait as it ends a statement's.
    func copy(into table: String, columns: [String], _ data: ByteBuffer) throws {
        let outcome = CopyOutcome()
        lock.lock()
        defer { lock.unlock() }
        let connection = connection, logger = logger
        Task {
            do {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    try await writer.write(data)
                }
                outcome.finish(nil)
            } catch {
                outcome.finish(error)
            }
        }
        closing.watch { outcome.finish(ConnectionClosed()) }
        defer { closing.watch(nil) }
        if let error = outcome.wait() { throw PostgresFailure.describe(error, target: target, connecting: false) }
    }

    /// The end of a COPY: the first outcome reported (its error, or nil), waited for on a thread.
    final class CopyOutcome: @unchecked Sendable {
        private let lock = NSLock()
        private let done = DispatchSemaphore(value: 0)
        private var finished = false
        private var error: (any Error)?

        func finish(_ error: (any Error)?) {
            lock.lock()
            defer { lock.unlock() }
            guard !finished else { return }
            finished = true
            self.error = error
            done.signal()
        }

        func wait() -> (any Error)? {
            done.wait()
            lock.lock()
            defer { lock.unlock() }
            return error
        }
    }

    /// A statement's answer, or `ConnectionClosed` once the connection is closed. postgres-nio
    /// never answers a statement sent on a connection the server has closed (one ended while
    /// idle, or the ROLLBACK after a batch whose connection was cut): its promise is dropped
    /// with the closed channel's write, and waiting on it would wait forever.
    func answer<T>(_ future: EventLoopFuture<T>) -> EventLoopFuture<T> {
        let promise = future.eventLoop.makePromise(of: T.self)
        future.cascade(to: promise)
        // A promise completed twice keeps the first outcome: the answer if it came first.
        closing.watch { promise.fail(ConnectionClosed()) }
        return promise.futureResult
    }

    /// Runs `body` in one transaction, retried when PostgreSQL cancels it to break a deadlock
    /// or a serialization conflict with another writer.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            try run("BEGIN")
            do {
                let value = try body()
                try run("COMMIT")
                return value
            } catch let failure as PostgresFailure where failure.retryable && attempt < 5 {
                _ = try? run("ROLLBACK")
                continue
            } catch {
                _ = try? run("ROLLBACK")
                throw (error as? PostgresFailure)?.archiveError ?? error
            }
        }
    }

    // MARK: Schema

    /// Creates the tables, or brings them to `schemaVersion`, under an advisory lock so that
    /// two hosts starting together do not both create them. `jarya index` runs it first;
    /// `jarya archive migrate` runs it alone. Returns the versions applied.
    @discardableResult
    public func migrate() throws -> [Int] { try migrate(upTo: Self.schemaVersion) }

    /// `migrate()` stopping at version `last`: how tests make an archive of an older version.
    func migrate(upTo last: Int) throws -> [Int] {
        try transaction {
            try run("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))")
            let version = try currentVersion()
            if version == nil, try tableExists("documents") {
                throw ArchiveError(
                    "the database \(target.display) has a documents table that is not a Jarya archive's: "
                        + "give --db another database (createdb jarya), or drop that table.", kind: .notArchive)
            }
            let from = version ?? 0
            try refuseNewer(from)
            if version == nil {
                try run(
                    "CREATE TABLE jarya_schema (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())"
                )
            }
            var applied: [Int] = []
            for v in (from + 1)...max(from + 1, last) where v <= last {
                for statement in Self.migrations[v - 1] { try run(statement) }
                try run("INSERT INTO jarya_schema (version) VALUES ($1)", [.int(v)])
                applied.append(v)
            }
            return applied
        }
    }

    /// The archive's schema version, or nil when the database has no Jarya archive.
    func currentVersion() throws -> Int? {
        guard try tableExists("jarya_schema") else { return nil }
        let rows = try run("SELECT coalesce(max(version), 0)::int8 FROM jarya_schema")
        return try rows.first.map { Int(try $0.decode(Int64.self)) }
    }

    func tableExists(_ name: String) throws -> Bool {
        let rows = try run("SELECT to_regclass($1) IS NOT NULL", [.text(name)])
        return try rows.first?.decode(Bool.self) ?? false
    }

    func refuseNewer(_ version: Int) throws {
        if version > Self.schemaVersion {
            throw ArchiveError(
                "the archive in \(target.display) was made by a newer jarya (schema version \(version); this jarya knows "
                    + "up to \(Self.schemaVersion)): use that jarya or a newer one; nothing was changed.",
                kind: .notArchive)
        }
    }

    func checkReadable() throws {
        guard let version = try currentVersion() else {
            throw ArchiveError(
                "no Jarya archive in \(target.display): make one with `jarya index PATH --db \(target.url)`.",
                kind: .missing)
        }
        try refuseNewer(version)
        if version < Self.schemaVersion {
            throw ArchiveError(
                "the archive in \(target.display) has schema version \(version), older than this jarya's "
                    + "\(Self.schemaVersion): run `jarya archive migrate --db …` first.", kind: .notArchive)
        }
    }

    // MARK: Writing

    @discardableResult
    public func upsert(_ lines: [RecordLine]) throws -> (stored: Int, skipped: Int) {
        try upsert(prepare(lines))
    }

    /// The batch's rows, folded and cut into words on every core, before any statement.
    public func prepare(_ lines: [RecordLine]) -> PreparedBatch {
        prepare(lines, json: Array(repeating: nil, count: lines.count))
    }

    /// `prepare(_:)`, the `jsonb` of a record whose line is given taken from it as it is.
    public func prepare(_ lines: [RecordLine], json: [Data?]) -> PreparedBatch {
        let usable = zip(lines, json).compactMap { line, json in line.record.map { (record: $0, json: json) } }
        // Within one batch the last record of an id or a path wins, as in the SQLite archive.
        var seenIDs = Set<String>(), seenPaths = Set<String>()
        let kept = Array(
            usable.reversed().filter { r in
                seenIDs.insert(r.record.id).inserted && seenPaths.insert(r.record.source.path).inserted
            }.reversed())
        let work = Prepared(
            kept: kept.map(\.record), usable: usable.count,
            batch: kept.isEmpty
                ? nil : PostgresBatch(kept.map(\.record), json: kept.map(\.json), scratch: scratch))
        return PreparedBatch(lines: lines, work: work)
    }

    /// What `prepare` made of a batch.
    struct Prepared {
        let kept: [Jarya.Record]
        let usable: Int
        let batch: PostgresBatch?
    }

    @discardableResult
    public func upsert(_ prepared: PreparedBatch) throws -> (stored: Int, skipped: Int) {
        guard let work = prepared.work as? Prepared else { return try upsert(prepare(prepared.lines)) }
        let skipped = prepared.lines.count - work.usable
        guard let batch = work.batch else { return (0, skipped) }
        let kept = work.kept
        let keys = Array(
            Set(kept.flatMap { [PostgresBatch.lockKey("id", $0.id), PostgresBatch.lockKey("path", $0.source.path)] })
        ).sorted()
        try transaction {
            // Locks in one global order: writers over the same documents queue, never deadlock.
            try run("SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::int8[]) AS k", [.bigints(keys)])
            let gone = try run(
                PostgresSchema.deleteDocuments, [.texts(kept.map(\.id)), .texts(kept.map(\.source.path))]
            )
            .map { try $0.decode(String.self) }
            if !gone.isEmpty {
                for sql in PostgresSchema.deleteRows { try run(sql, [.texts(gone)]) }
            }
            for statement in batch.statements {
                switch statement {
                case .insert(let sql, let columns): try run(sql, columns)
                case .copy(let table, let columns, let data): try copy(into: table, columns: columns, data)
                }
            }
        }
        return (work.usable, skipped)
    }

    // MARK: Reading

    public func records() throws -> [Jarya.Record] {
        try run("SELECT record::text FROM documents ORDER BY path, id").map {
            try decodeStored(try $0.decode(String.self))
        }
    }

    public func records(ids: [String]) throws -> [Jarya.Record] {
        guard !ids.isEmpty else { return [] }
        return try run(
            "SELECT record::text FROM documents WHERE id = ANY($1::text[]) ORDER BY path, id",
            [.texts(ids)]
        ).map { try decodeStored(try $0.decode(String.self)) }
    }

    public func count() throws -> Int {
        Int(try run("SELECT count(*)::int8 FROM documents").first?.decode(Int64.self) ?? 0)
    }

    func decodeStored(_ json: String) throws -> Jarya.Record {
        do {
            return try JSONDecoder().decode(Jarya.Record.self, from: Data(json.utf8))
        } catch {
            throw ArchiveError(
                "the archive in \(target.display) holds a record that is not valid (\(ArchiveFile.reason(error))): "
                    + "index its releases again.", kind: .notArchive)
        }
    }
}
