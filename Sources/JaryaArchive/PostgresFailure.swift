import Foundation
import PostgresNIO

/// Fails the one statement waiting for an answer when the connection closes (`PostgresArchive`
/// runs one statement at a time), and every statement after that at once.
final class CloseWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var isClosed = false
    private var waiting: (() -> Void)?

    /// Calls `fail` when the connection closes while it waits, or at once when it is closed;
    /// nil: no statement waits any more.
    func watch(_ fail: (() -> Void)?) {
        lock.lock()
        if isClosed, let fail { lock.unlock(); fail(); return }
        waiting = fail
        lock.unlock()
    }

    func closed() {
        lock.lock()
        isClosed = true
        let fail = waiting
        waiting = nil
        lock.unlock()
        fail?()
    }
}

/// The connection was closed (by the server, or after a failure) before a statement was answered.
struct ConnectionClosed: Error {}

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
        if error is ConnectionClosed { return lost(at, db) }
        guard let psql = error as? PSQLError else {
            return ArchiveError(
                "cannot reach \(at) (\(db)): \(reason(error)). Check the host and port in --db and that the server runs.",
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
                return ArchiveError(
                    "\(at) refused user \(target.user) for \(db) (\(message)): check the user name and the password "
                        + "(PGPASSWORD or ~/.pgpass) and the server's pg_hba.conf.", kind: .noPermission)
            case "42501":
                return ArchiveError(
                    "\(at): user \(target.user) lacks the rights on \(db) (\(message)): grant them, "
                        + "or use the database's owner.", kind: .noPermission)
            case "3D000":
                return ArchiveError(
                    "\(at) has no \(db): create it (createdb -h \(target.host) -p \(target.port) -U \(target.user) "
                        + "\(target.database)) or check the name in --db.", kind: .unavailable)
            case "40P01", "40001":
                return PostgresFailure(
                    archiveError: ArchiveError("\(at) (\(db)): \(message)", kind: .unavailable), retryable: true)
            case "53100":
                return ArchiveError(
                    "cannot write the archive in \(db) at \(at): the server's disk is full.", kind: .cannotWrite)
            default:
                if connecting || state.hasPrefix("08") || state.hasPrefix("57") || state.hasPrefix("53") {
                    return ArchiveError(
                        "\(at) (\(db)): \(message) (SQLSTATE \(state)). Check the server and try again.",
                        kind: .unavailable)
                }
                return ArchiveError(
                    "the archive in \(db) at \(at) failed: \(message) (SQLSTATE \(state)).", kind: .unavailable)
            }
        case .authMechanismRequiresPassword:
            return ArchiveError(
                "\(at) asks user \(target.user) for a password for \(db): set PGPASSWORD or add a line to ~/.pgpass "
                    + "(host:port:database:user:password, mode 0600).", kind: .noPermission)
        case .unsupportedAuthMechanism, .saslError:
            return ArchiveError(
                "\(at) refused user \(target.user) for \(db): its authentication method is not supported or failed. "
                    + "Check the password and the server's pg_hba.conf (scram-sha-256, md5, password or trust).",
                kind: .noPermission)
        case .sslUnsupported:
            return ArchiveError(
                "\(at) does not offer TLS, but sslmode=\(target.sslMode) requires it: use sslmode=prefer or enable ssl "
                    + "on the server.", kind: .unavailable)
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return lost(at, db)
        default:
            let why = psql.underlying.map(reason) ?? "\(psql.code)"
            return ArchiveError(
                "cannot reach \(at) (\(db)): \(why). Check the host and port in --db and that the server runs "
                    + "and accepts TCP connections.", kind: .unavailable)
        }
    }

    /// A connection lost while in use: the open batch was rolled back, the committed ones stay.
    static func lost(_ at: String, _ db: String) -> ArchiveError {
        ArchiveError(
            "the connection to \(at) (\(db)) was lost: check the server, then run the command again "
                + "(documents already stored stay).", kind: .unavailable)
    }

    /// A network error in a few words.
    static func reason(_ error: any Error) -> String {
        if let e = error as? NIOConnectionError {
            if e.connectionErrors.isEmpty, e.dnsAError != nil || e.dnsAAAAError != nil {
                return "the host name \(e.host) is not known"
            }
            if let first = e.connectionErrors.first { return reason(first.error) }
            return "cannot connect"
        }
        if let e = error as? IOError { return String(cString: strerror(e.errnoCode)).lowercased() }
        if let e = error as? ChannelError, case .connectTimeout(let t) = e {
            return "no answer within \(t.nanoseconds / 1_000_000_000) s"
        }
        if error is NIOSSLError { return "the TLS handshake failed" }
        if let e = error as? SocketAddressError, case .unknown(let host, _) = e {
            return "the host name \(host) is not known"
        }
        return String(describing: error).prefix(120).description
    }
}
