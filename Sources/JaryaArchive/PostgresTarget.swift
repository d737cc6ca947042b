import Foundation

/// Where a PostgreSQL archive is and how to log in, from a `--db` URL
/// (`postgres://USER[:PASSWORD]@HOST:PORT/DB?sslmode=…`) completed the way `psql` completes it:
/// the `PG*` environment variables (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGPASSWORD`,
/// `PGSSLMODE`, `PGCONNECT_TIMEOUT`, `PGPASSFILE`), then `~/.pgpass`, then libpq's defaults.
/// So a password never has to be written on a command line, and none is ever printed.
public struct PostgresTarget: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var password: String?
    /// libpq's `sslmode`: disable, allow, prefer (the default), require, verify-ca, verify-full.
    public var sslMode: String
    /// Seconds to wait for the server to answer a connection.
    public var connectTimeout: Int

    /// `USER@HOST:PORT/DB`, for messages: never the password.
    public var display: String { "\(user)@\(host):\(port)/\(database)" }

    /// A `--db` URL for this target, for messages: never the password.
    public var url: String {
        isSocket
            ? "postgres://\(user)@/\(database)?host=\(host)&port=\(port)"
            : "postgres://\(user)@\(host):\(port)/\(database)"
    }

    /// Whether `host` is a folder holding the server's Unix socket (`?host=/var/run/postgresql`).
    public var isSocket: Bool { host.hasPrefix("/") }

    static let sslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]

    /// Reads `url`; a URL that cannot be read is an `ArchiveError` (69) saying how to write one.
    public init(
        url: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        home: String? = nil
    ) throws {
        let home = home ?? environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let howTo = "Write it as postgres://USER@HOST:PORT/DATABASE (the password in PGPASSWORD or ~/.pgpass)."
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql"
        else {
            throw ArchiveError(
                "--db: cannot read the PostgreSQL URL `\(PostgresTarget.redacted(url))`. \(howTo)", kind: .unavailable)
        }
        let query = Dictionary(
            (parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
        host =
            nonEmpty(parts.percentEncodedHost?.removingPercentEncoding) ?? nonEmpty(query["host"])
            ?? nonEmpty(environment["PGHOST"]) ?? "localhost"
        if let p = parts.port {
            guard (1...65535).contains(p) else {
                throw ArchiveError("--db: the port \(p) is not a number from 1 to 65535. \(howTo)", kind: .unavailable)
            }
            port = p
        } else if let text = nonEmpty(query["port"]) ?? nonEmpty(environment["PGPORT"]) {
            guard let p = Int(text), (1...65535).contains(p) else {
                throw ArchiveError(
                    "--db: the port `\(text)` is not a number from 1 to 65535. \(howTo)", kind: .unavailable)
            }
            port = p
        } else {
            port = 5432
        }
        user =
            nonEmpty(parts.percentEncodedUser?.removingPercentEncoding) ?? nonEmpty(query["user"])
            ?? nonEmpty(environment["PGUSER"]) ?? nonEmpty(environment["USER"]) ?? "postgres"
        let path = parts.percentEncodedPath.removingPercentEncoding ?? parts.percentEncodedPath
        let name = path.hasPrefix("/") ? String(path.dropFirst()) : path
        database = nonEmpty(name) ?? nonEmpty(query["dbname"]) ?? nonEmpty(environment["PGDATABASE"]) ?? user
        sslMode = nonEmpty(query["sslmode"]) ?? nonEmpty(environment["PGSSLMODE"]) ?? "prefer"
        guard Self.sslModes.contains(sslMode) else {
            throw ArchiveError(
                "--db: sslmode `\(sslMode)` is not one of \(Self.sslModes.joined(separator: ", ")).", kind: .unavailable
            )
        }
        connectTimeout =
            Int(nonEmpty(query["connect_timeout"]) ?? environment["PGCONNECT_TIMEOUT"] ?? "").map { max(1, $0) } ?? 10
        password =
            nonEmpty(parts.percentEncodedPassword?.removingPercentEncoding) ?? nonEmpty(query["password"])
            ?? nonEmpty(environment["PGPASSWORD"])
        if password == nil {
            let file = nonEmpty(environment["PGPASSFILE"]) ?? (home as NSString).appendingPathComponent(".pgpass")
            password = Self.passwordFile(
                file, host: isSocket ? "localhost" : host, port: port, database: database, user: user)
        }
    }

    /// The password of the first matching line of a `.pgpass` file
    /// (`hostname:port:database:username:password`, `*` matching anything, `\:` and `\\`
    /// escaped). As libpq does, a file that others may read is ignored.
    static func passwordFile(_ path: String, host: String, port: Int, database: String, user: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_mode & 0o077 == 0,
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [""]
            var escaped = false
            for c in line {
                if escaped {
                    fields[fields.count - 1].append(c); escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == ":" && fields.count < 5 {
                    fields.append("")
                } else {
                    fields[fields.count - 1].append(c)
                }
            }
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// `url` with any password replaced by `***`, for messages.
    public static func redacted(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@"), let schemeEnd = url.range(of: "://") else { return url }
        let credentials = url[schemeEnd.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}
