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

    public var location: String { target.display }

    /// The schema versions this jarya knows, in order; `migrations[k]` makes version k + 1.
    static let migrations: [[String]] = [PostgresSchema.v1]
    public static var schemaVersion: Int { migrations.count }

    /// Connects and checks the schema. Writing: creates or upgrades the tables (`migrate`).
    /// Reading: refuses a database without a Jarya archive (66). Either refuses an archive
    /// made by a newer jarya (74), and a server that cannot be reached (69) or refuses the
    /// user (77), with one line naming user, host, port and database.
    public init(url: String, writing: Bool) throws {
        target = try PostgresTarget(url: url)
        var logger = Logger(label: "jarya.postgres")
        logger.logLevel = .critical
        self.logger = logger
        connection = try Self.connect(target, logger: logger)
        do {
            if writing { try migrate() } else { try checkReadable() }
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
            throw ArchiveError("cannot set up TLS for PostgreSQL at \(target.display): \(error). Try sslmode=disable for a local server.",
                               kind: .unavailable)
        }
        var configuration: PostgresConnection.Configuration
        if target.isSocket {
            configuration = .init(unixSocketPath: target.host + "/.s.PGSQL.\(target.port)", username: target.user,
                                  password: target.password, database: target.database)
        } else {
            configuration = .init(host: target.host, port: target.port, username: target.user, password: target.password,
                                  database: target.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(Int64(target.connectTimeout))
        configuration.options.additionalStartupParameters = [("application_name", "jarya")]
        do {
            return try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(),
                                                  configuration: configuration, id: 1, logger: logger).wait()
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
            }
        }
        lock.lock()
        defer { lock.unlock() }
        do {
            return try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait().rows
        } catch {
            throw PostgresFailure.describe(error, target: target, connecting: false)
        }
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
    public func migrate() throws -> [Int] {
        try transaction {
            try run("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))")
            let version = try currentVersion()
            if version == nil, try tableExists("documents") {
                throw ArchiveError("the database \(target.display) has a documents table that is not a Jarya archive's: "
                                   + "give --db another database (createdb jarya), or drop that table.", kind: .notArchive)
            }
            let from = version ?? 0
            try refuseNewer(from)
            if version == nil {
                try run("CREATE TABLE jarya_schema (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())")
            }
            var applied: [Int] = []
            for v in (from + 1)...max(from + 1, Self.schemaVersion) where v <= Self.schemaVersion {
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
            throw ArchiveError("the archive in \(target.display) was made by a newer jarya (schema version \(version); this jarya knows "
                               + "up to \(Self.schemaVersion)): use that jarya or a newer one; nothing was changed.", kind: .notArchive)
        }
    }

    func checkReadable() throws {
        guard let version = try currentVersion() else {
            throw ArchiveError("no Jarya archive in \(target.display): make one with `jarya index PATH --db \(target.url)`.", kind: .missing)
        }
        try refuseNewer(version)
        if version < Self.schemaVersion {
            throw ArchiveError("the archive in \(target.display) has schema version \(version), older than this jarya's "
                               + "\(Self.schemaVersion): run `jarya archive migrate --db …` first.", kind: .notArchive)
        }
    }

    // MARK: Writing

    @discardableResult
    public func upsert(_ lines: [RecordLine]) throws -> (stored: Int, skipped: Int) {
        let usable = lines.compactMap(\.record)
        // Within one batch the last record of an id or a path wins, as in the SQLite archive.
        var seenIDs = Set<String>(), seenPaths = Set<String>()
        let kept = usable.reversed().filter { r in
            seenIDs.insert(r.id).inserted && seenPaths.insert(r.source.path).inserted
        }.reversed()
        guard !kept.isEmpty else { return (0, lines.count - usable.count) }
        let batch = try PostgresBatch(Array(kept))
        let keys = Array(Set(kept.flatMap { [PostgresBatch.lockKey("id", $0.id), PostgresBatch.lockKey("path", $0.source.path)] })).sorted()
        try transaction {
            // Locks in one global order: writers over the same documents queue, never deadlock.
            try run("SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::int8[]) AS k", [.bigints(keys)])
            try run("DELETE FROM documents WHERE id = ANY($1::text[]) OR path = ANY($2::text[])",
                    [.texts(kept.map(\.id)), .texts(kept.map(\.source.path))])
            for (sql, json) in batch.statements { try run(sql, [.text(json)]) }
        }
        return (usable.count, lines.count - usable.count)
    }

    // MARK: Reading

    public func records() throws -> [Jarya.Record] {
        try run("SELECT record::text FROM documents ORDER BY path, id").map { try decodeStored(try $0.decode(String.self)) }
    }

    public func records(ids: [String]) throws -> [Jarya.Record] {
        guard !ids.isEmpty else { return [] }
        return try run("SELECT record::text FROM documents WHERE id = ANY($1::text[]) ORDER BY path, id",
                       [.texts(ids)]).map { try decodeStored(try $0.decode(String.self)) }
    }

    public func count() throws -> Int {
        Int(try run("SELECT count(*)::int8 FROM documents").first?.decode(Int64.self) ?? 0)
    }

    func decodeStored(_ json: String) throws -> Jarya.Record {
        do {
            return try JSONDecoder().decode(Jarya.Record.self, from: Data(json.utf8))
        } catch {
            throw ArchiveError("the archive in \(target.display) holds a record that is not valid (\(ArchiveFile.reason(error))): "
                               + "index its releases again.", kind: .notArchive)
        }
    }

    /// The same query as `ArchiveIndex.search`, written for PostgreSQL: the same conditions on
    /// the same stored values (places compared as SQLite's ASCII `lower()` does, names folded
    /// by `Folding` at index time rather than at query time), and the same order (byte order
    /// through `COLLATE "C"`, empty values first as in SQLite).
    public func search(_ q: SearchQuery) throws -> [Jarya.Record] {
        var conditions: [String] = []
        var values: [Value] = []
        func bind(_ v: Value) -> String { values.append(v); return "$\(values.count)" }

        if let text = q.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            let tsquery = try FTSQuery.required(text).tsquery
            conditions.append("d.fts @@ \(bind(.text(tsquery)))::tsquery")
        }
        if let place = q.place?.trimmingCharacters(in: .whitespaces), !place.isEmpty {
            let names = bind(.texts(PlaceResolver.canonicalNames(place, in: q.places).map { $0.lowercased() }))
            conditions.append("""
                (d.id IN (SELECT document_id FROM event_places WHERE place_key = ANY(\(names)::text[]))
                 OR (NOT EXISTS (SELECT 1 FROM event_places p WHERE p.document_id = d.id)
                     AND d.id IN (SELECT document_id FROM entities WHERE type = 'place' AND name_key = ANY(\(names)::text[]))))
                """)
        }
        if let org = q.organization, !org.isEmpty {
            let folded = bind(.text(Folding.fold(org)))
            conditions.append("""
                d.id IN (SELECT document_id FROM entities WHERE type = 'organization'
                           AND (strpos(coalesce(name_folded, ''), \(folded)) > 0 OR strpos(text_folded, \(folded)) > 0
                                OR strpos(coalesce(acronym_folded, ''), \(folded)) > 0)
                         UNION SELECT document_id FROM event_organizations WHERE strpos(name_folded, \(folded)) > 0)
                """)
        }
        if let person = q.person, !person.isEmpty {
            let folded = bind(.text(Folding.fold(person)))
            conditions.append("""
                d.id IN (SELECT document_id FROM entities WHERE type = 'person'
                           AND (strpos(coalesce(name_folded, ''), \(folded)) > 0 OR strpos(text_folded, \(folded)) > 0))
                """)
        }
        if let from = q.from {
            guard let day = DaySpan.first(of: from) else { throw ArchiveError("search: --from `\(from)` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
            conditions.append("e.last_day >= \(bind(.text(day)))")
        }
        if let to = q.to {
            guard let day = DaySpan.last(of: to) else { throw ArchiveError("search: --to `\(to)` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
            conditions.append("e.first_day <= \(bind(.text(day)))")
        }
        if let lang = q.language {
            switch lang {
            case "ky", "ru": conditions.append("(d.language = \(bind(.text(lang))) OR d.language = 'ky+ru')")
            case "ky+ru": conditions.append("d.language = 'ky+ru'")
            default: throw ArchiveError("search: --lang is ky, ru or ky+ru, not `\(lang)`")
            }
        }
        let sql = """
            SELECT d.record::text FROM documents d LEFT JOIN events e ON e.document_id = d.id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: "\n  AND "))
            ORDER BY e.first_day IS NULL, e.first_day NULLS FIRST, e.start NULLS FIRST, d.path, d.id
            """
        return try run(sql, values).map { try decodeStored(try $0.decode(String.self)) }
    }
}

/// A PostgreSQL failure in one line that names the user, host, port and database and says
/// what to check; never the password, never a driver dump.
struct PostgresFailure: Error, CustomStringConvertible {
    var archiveError: ArchiveError
    /// A deadlock or serialization failure: the transaction may simply be run again.
    var retryable = false
    var description: String { archiveError.description }

    static func describe(_ error: any Error, target: PostgresTarget, connecting: Bool) -> any Error {
        if error is ArchiveError { return error }
        let at = "PostgreSQL at \(target.host):\(target.port)"
        let db = "database \(target.database)"
        guard let psql = error as? PSQLError else {
            return ArchiveError("cannot reach \(at) (\(db)): \(reason(error)). Check the host and port in --db and that the server runs.",
                                kind: .unavailable)
        }
        let state = psql.serverInfo?[.sqlState] ?? ""
        let message = psql.serverInfo?[.message] ?? ""
        // The server ended a session in use (an administrator, a shutdown): its open transaction is gone.
        if !connecting, ["57P01", "57P02", "57P03"].contains(state) { return lost(at, db) }
        switch psql.code {
        case .server:
            switch state {
            case "28P01", "28000":
                return ArchiveError("\(at) refused user \(target.user) for \(db) (\(message)): check the user name and the password "
                                    + "(PGPASSWORD or ~/.pgpass) and the server's pg_hba.conf.", kind: .noPermission)
            case "42501":
                return ArchiveError("\(at): user \(target.user) lacks the rights on \(db) (\(message)): grant them, "
                                    + "or use the database's owner.", kind: .noPermission)
            case "3D000":
                return ArchiveError("\(at) has no \(db): create it (createdb -h \(target.host) -p \(target.port) -U \(target.user) "
                                    + "\(target.database)) or check the name in --db.", kind: .unavailable)
            case "40P01", "40001":
                return PostgresFailure(archiveError: ArchiveError("\(at) (\(db)): \(message)", kind: .unavailable), retryable: true)
            case "53100":
                return ArchiveError("cannot write the archive in \(db) at \(at): the server's disk is full.", kind: .cannotWrite)
            default:
                if connecting || state.hasPrefix("08") || state.hasPrefix("57") || state.hasPrefix("53") {
                    return ArchiveError("\(at) (\(db)): \(message) (SQLSTATE \(state)). Check the server and try again.", kind: .unavailable)
                }
                return ArchiveError("the archive in \(db) at \(at) failed: \(message) (SQLSTATE \(state)).", kind: .unavailable)
            }
        case .authMechanismRequiresPassword:
            return ArchiveError("\(at) asks user \(target.user) for a password for \(db): set PGPASSWORD or add a line to ~/.pgpass "
                                + "(host:port:database:user:password, mode 0600).", kind: .noPermission)
        case .unsupportedAuthMechanism, .saslError:
            return ArchiveError("\(at) refused user \(target.user) for \(db): its authentication method is not supported or failed. "
                                + "Check the password and the server's pg_hba.conf (scram-sha-256, md5, password or trust).", kind: .noPermission)
        case .sslUnsupported:
            return ArchiveError("\(at) does not offer TLS, but sslmode=\(target.sslMode) requires it: use sslmode=prefer or enable ssl "
                                + "on the server.", kind: .unavailable)
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return lost(at, db)
        default:
            let why = psql.underlying.map(reason) ?? "\(psql.code)"
            return ArchiveError("cannot reach \(at) (\(db)): \(why). Check the host and port in --db and that the server runs "
                                + "and accepts TCP connections.", kind: .unavailable)
        }
    }

    /// A connection lost while in use: the open batch was rolled back, the committed ones stay.
    static func lost(_ at: String, _ db: String) -> ArchiveError {
        ArchiveError("the connection to \(at) (\(db)) was lost: check the server, then run the command again "
                     + "(documents already stored stay).", kind: .unavailable)
    }

    /// A network error in a few words.
    static func reason(_ error: any Error) -> String {
        if let e = error as? NIOConnectionError {
            if e.connectionErrors.isEmpty, e.dnsAError != nil || e.dnsAAAAError != nil { return "the host name \(e.host) is not known" }
            if let first = e.connectionErrors.first { return reason(first.error) }
            return "cannot connect"
        }
        if let e = error as? IOError { return String(cString: strerror(e.errnoCode)).lowercased() }
        if let e = error as? ChannelError, case .connectTimeout(let t) = e { return "no answer within \(t.nanoseconds / 1_000_000_000) s" }
        if error is NIOSSLError { return "the TLS handshake failed" }
        if let e = error as? SocketAddressError, case .unknown(let host, _) = e { return "the host name \(host) is not known" }
        return String(describing: error).prefix(120).description
    }
}
