import ArgumentParser
import Foundation
import Jarya
import JaryaArchive

extension BatchLog.Format: ExpressibleByArgument {}

struct Process: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract records from releases (files, folders, or standard input) as JSON Lines.",
        discussion: """
            Folders are read recursively for .txt, .md, .html, .htm and .docx files, in
            sorted path order; hidden files are skipped, and so are symbolic links that
            lead out of the folder. With no PATH, or with -, the release is read from
            standard input. A .jsonl file named as a path holds one document per line:
            {"text": …, "url": …, "path": …}; the url (or --url for one file) gives the
            published date when the text states none.

            With --state, a rerun processes only new and changed files and takes the
            records of the others from the state file; the output is still complete.
            A second run on the same state (or, without --state, the same --out) exits
            75 at once.

            Examples:
              jarya process corpus/ --out records.jsonl
              jarya process a.txt b.md - < c.txt
              jarya process page.txt --url https://example.kg/2024/05/17/news
              jarya process pages.jsonl -o r.jsonl
              jarya process inbox/ --include '*.txt' --exclude 'drafts/*' -o r.jsonl
              jarya process inbox/ --state inbox.state -o r.jsonl --quiet   (cron)

            \(ExitStatusHelp.section([0, 64, 65, 66, 73, 74, 75]))

            One bad file never stops a batch: it gets a record with an "error" field,
            and the exit status is the most serious failure (66, then 74, then 65).
            """
    )

    @Argument(help: "Files or folders to read; - or nothing for standard input.")
    var paths: [String] = []

    @Option(
        name: .shortAndLong, help: "Write the records to this file (created atomically) instead of standard output.")
    var out: String?

    @Option(
        help: ArgumentHelp(
            "Refuse documents larger than this many bytes (default 4 MiB; a .docx may be 4 times larger, pictures included).",
            valueName: "bytes"))
    var maxBytes: Int = Processor.defaultMaxBytes

    @Option(name: .shortAndLong, help: "Documents processed in parallel (default: the number of cores).")
    var jobs: Int?  // nil: the cores of the machine it runs on (not of the one that built the help)

    @Option(
        name: .customLong("include"),
        help: ArgumentHelp(
            "Read only the files of folders matching this glob (repeatable).",
            discussion:
                "Matched with fnmatch(3) against the path relative to the folder given and against the file name.",
            valueName: "glob"))
    var include: [String] = []

    @Option(
        name: .customLong("exclude"),
        help: ArgumentHelp(
            "Skip the files and folders matching this glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @Option(
        help: ArgumentHelp(
            "Remember each file's SHA-256 and record in this SQLite file; a rerun processes only new or changed files.",
            valueName: "file"))
    var state: String?

    @Flag(help: "With --state: process every file again, even unchanged ones.")
    var force = false

    @Option(
        help: ArgumentHelp(
            "How to write errors and the summary on standard error: text or json (one object per line).",
            valueName: "format"))
    var logFormat: BatchLog.Format?

    @Option(
        help: ArgumentHelp(
            "Read .txt, .md and .html files in this charset instead of detecting it (windows-1251, KOI8-R, IBM866, ISO-8859-5, UTF-16LE, …).",
            valueName: "name"), transform: Process.charset)
    var encoding: String?

    /// `--encoding`: a charset ICU knows, by its standard name; anything else is a usage error (64).
    static func charset(_ name: String) throws -> String {
        guard let charset = TextDecoder.canonicalCharset(name) else {
            throw ValidationError(
                "unknown charset '\(name)'. Use a name ICU knows, such as UTF-8, windows-1251, KOI8-R, IBM866, ISO-8859-5, UTF-16LE."
            )
        }
        return charset
    }

    @Option(
        help: ArgumentHelp(
            "The address the one document was published at; a date in its path is the published date when the text states none.",
            discussion:
                "For many pages at once, give a .jsonl file: one {\"text\": …, \"url\": …, \"path\": …} object per line.",
            valueName: "url"))
    var url: String?

    @Flag(name: .shortAndLong, help: "Print nothing on standard error but errors that stop the run.")
    var quiet = false

    /// More workers than this only cost memory: each holds a document and its queue.
    static let maxJobs = 256

    func validate() throws {
        if force && state == nil {
            throw ValidationError("--force needs --state FILE: without a state every file is processed anyway.")
        }
        if let jobs, jobs < 1 || jobs > Self.maxJobs {
            throw ValidationError(
                "--jobs must be between 1 and \(Self.maxJobs) (this machine has \(ProcessInfo.processInfo.activeProcessorCount) cores)."
            )
        }
        if maxBytes < 1 { throw ValidationError("--max-bytes must be at least 1.") }
        if url != nil {
            var isFolder: ObjCBool = false
            let one =
                paths.count <= 1
                && !(paths.first.map {
                    FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && isFolder.boolValue
                } ?? false)
            guard one, !(paths.first?.lowercased().hasSuffix(".jsonl") ?? false) else {
                throw ValidationError(
                    "--url names the address of one document: give one file (or standard input), or put a \"url\" on each line of a .jsonl file."
                )
            }
        }
    }

    func run() throws {
        let started = Date()
        let log = BatchLog(
            format: logFormat ?? .text, quiet: quiet, terminal: BatchLog.standardErrorIsTerminal,
            explicitFormat: logFormat != nil)
        func stop(_ message: String, _ status: Int32) -> ExitCode {
            log.fatal(message, status: status)
            return ExitCode(status)
        }

        // A missing or broken glossary stops the run before any document, naming file and line.
        let glossaries = try loadGlossaries(or: stop)
        // A device or FIFO (`/dev/null`, a pipe) is written in place; a file is replaced atomically.
        let target: OutputTarget
        do {
            target = try out.map(OutputTarget.resolve) ?? .standardOutput
        } catch {
            throw stop("\(error)", ExitStatus.cannotCreate.rawValue)
        }
        // One run at a time per state file and per output file.
        var locks: [RunLock] = []
        defer { locks.forEach { $0.release() } }
        var lockTargets = [state].compactMap { $0 }
        if case .file(let path) = target { lockTargets.append(path) }
        for path in lockTargets {
            do {
                locks.append(try RunLock(for: path))
            } catch let failure as RunLock.Failure {
                if case .busy = failure { throw stop("\(failure)", RunLock.busyStatus) }
                throw stop("\(failure)", ExitStatus.cannotCreate.rawValue)
            }
        }
        // Nobody else writes this output now: a temporary file beside it is a killed run's.
        if case .file(let path) = target { RunLock.removeStaleTemporaryFiles(of: path) }

        let collection = InputCollector.collect(paths, filter: PathFilter(include: include, exclude: exclude))
        collection.skippedLinks.forEach(log.skipped)
        log.passedOver(collection.unsupported)
        if collection.inputs.isEmpty {
            let filters = include.isEmpty && exclude.isEmpty ? "" : " that --include/--exclude accept"
            let others =
                collection.unsupported.isEmpty ? "" : " (\(collection.unsupported.count) files in other formats)"
            throw stop(
                "no documents to process: no .txt, .md, .html or .docx files\(filters) in \(paths.joined(separator: ", "))\(others). Check the path and the globs.",
                ExitStatus.noInput.rawValue)
        }
        let processor = Processor(glossaries: glossaries, maxBytes: maxBytes, encoding: encoding, url: url)
        var cache: StateStore?
        if let state {
            do {
                cache = try StateStore(path: state, fingerprint: processor.settingsFingerprint)
            } catch let error as ArchiveError {
                throw stop("\(error)", error.exitCode)
            } catch {
                throw stop(
                    "cannot open the state file \(state): \(ErrorText.line(error)). Check the path, or remove the file to start afresh.",
                    ExitStatus.cannotCreate.rawValue)
            }
        }
        let output: RecordOutput
        do {
            output = try RecordOutput(target: target)
        } catch {
            throw stop(ErrorText.line(error), ExitStatus.cannotCreate.rawValue)
        }
        var batch = Batch(
            processor: processor, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, cache: cache, force: force
        )
        batch.observer = log.document
        var summary: Batch.Summary
        do {
            summary = try batch.run(collection.inputs, to: output)
            try output.commit()
        } catch {
            output.abort()
            throw stop(ErrorText.line(error), ExitStatus.cannotCreate.rawValue)
        }
        summary.seconds = Date().timeIntervalSince(started)
        log.summary(summary)
        if summary.status != .ok { throw ExitCode(summary.status.rawValue) }
    }
}
