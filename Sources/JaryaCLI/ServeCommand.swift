import ArgumentParser
import Dispatch
import Foundation
import Jarya
import JaryaServe
import Logging

/// `jarya serve`: the web page (JaryaServe) for people who check releases rather than run commands.
struct ServeCommand: ParsableCommand {
    static let exitStatus = ExitStatusHelp.section(
        [0, 64, 66, 69, 74],
        [
            0: "stopped by SIGINT or SIGTERM after finishing the requests under way",
            64: "a usage error: a bad --port or --max-bytes",
            66: "there is no archive at --db",
            69: "the address cannot be bound (port taken, or not a host of this machine)",
            74: "the glossaries are missing or broken (file and line printed)",
        ])

    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web page: paste or upload releases, check, correct, download, search.",
        discussion: """
            Serves http://HOST:PORT/ (127.0.0.1:8080 unless told otherwise: binding to
            another address is explicit). The page takes pasted text or .txt, .md,
            .html and .docx files, processes them as `jarya process` does (same
            limits and error records), and shows the text with every entity
            highlighted, the event card, downloads (JSON, .ics, CSV), a form that adds
            a selected span to the glossaries (written to the --glossaries folder and
            used for the next document without a restart), and, with --db, the
            archive's search. The JSON API and the page's security are described in
            the README. One log line per request goes to standard error.

            Examples:
              jarya serve
              jarya serve --port 9000 --db archive.sqlite
              jarya serve --glossaries /srv/jarya/glossaries --max-bytes 1000000

            \(ServeCommand.exitStatus)
            """
    )

    @Option(help: "The address to listen on; another than 127.0.0.1 makes the page reachable from other hosts.")
    var host = "127.0.0.1"

    @Option(help: "The TCP port.")
    var port = 8080

    @Option(
        help: "The glossaries folder to read and to add to (default: ./glossaries, else the glossaries jarya uses).")
    var glossaries: String?

    @Option(
        help:
            "An archive made by `jarya index` (SQLite file or postgres:// URL): enables search and \"add to archive\".")
    var db: String?

    @Option(
        help: "Refuse documents larger than this many bytes (a .docx may be 4 times larger), as jarya process does.")
    var maxBytes: Int = Processor.defaultMaxBytes

    func validate() throws {
        if !(1...65535).contains(port) { throw ValidationError("--port must be between 1 and 65535.") }
        if maxBytes < 1 { throw ValidationError("--max-bytes must be at least 1.") }
    }

    func run() throws {
        guard let folder = glossaries ?? Self.defaultGlossaries() else { throw glossariesNotFound() }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            Self.fail(
                "no glossaries folder at \(folder): give --glossaries the folder that holds the glossaries/*.tsv files."
            )
            throw ExitCode(ExitStatus.ioError.rawValue)
        }
        if let db, !db.lowercased().hasPrefix("postgres"), !FileManager.default.fileExists(atPath: db) {
            Self.fail("no archive at \(db): make one with `jarya index FILES --db \(db)`, or leave out --db.")
            throw ExitCode(ExitStatus.noInput.rawValue)
        }
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let configuration = ServeConfiguration(
            host: host, port: port, glossaries: folder, database: db, maxBytes: maxBytes)
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await ServeApp.run(configuration)
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            if error is GlossaryError {
                Self.fail(
                    "the glossaries in \(folder) are broken: \(error). Run `jarya glossary check --dir \(folder)`.")
                throw ExitCode(ExitStatus.ioError.rawValue)
            }
            if error is ModelError {
                Self.fail("cannot load the name model: \(error)")
                throw ExitCode(ExitStatus.ioError.rawValue)
            }
            Self.fail("cannot serve on \(host):\(port) (\(error)): choose another --port, or a --host of this machine.")
            throw ExitCode(69)
        }
    }

    /// ./glossaries when it holds glossaries, else the folder `jarya --version` names.
    static func defaultGlossaries() -> String? {
        FileManager.default.fileExists(atPath: "glossaries/" + GlossaryDirectory.markerFile)
            ? "glossaries" : GlossaryDirectory.path
    }

    static func fail(_ message: String) {
        FileHandle.standardError.write(Data("jarya: \(message)\n".utf8))
    }

    /// The server task's error, handed to the waiting command.
    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (any Error)?
        var error: (any Error)? { lock.withLock { stored } }
        func set(_ error: any Error) { lock.withLock { stored = error } }
    }
}
