import Foundation

/// What a batch says on standard error: a progress line (only on a terminal), one line per
/// failed document, links not followed, and a summary at the end; as text, or as one JSON
/// object per line for log collectors (`--log-format json`). `--quiet` silences all of it;
/// errors that stop the run are printed by the caller through `fatal`.
public final class BatchLog {
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    public let format: Format
    public let quiet: Bool
    /// Draw the progress line (standard error is a terminal and not quiet).
    public let showsProgress: Bool
    /// Print the text summary even when the run went well (the format was asked for, or
    /// standard error is a terminal). A JSON summary is always printed, and so is a text
    /// summary of a run with failed documents.
    public let alwaysSummarize: Bool
    private let write: (String) -> Void
    private var progressShown = false
    /// Files of folders in formats Jarya does not read: counted in the summary.
    private var passedOver: [String] = []
    private var lastDrawn = Date.distantPast

    public init(
        format: Format = .text, quiet: Bool = false, terminal: Bool = false, explicitFormat: Bool = false,
        write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.format = format
        self.quiet = quiet
        self.showsProgress = terminal && !quiet
        self.alwaysSummarize = explicitFormat || terminal
        self.write = write
    }

    /// Standard error is a terminal.
    public static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// After each document: its error line if it failed, and the progress line.
    public func document(_ progress: Batch.Progress) {
        guard !quiet else { return }
        if let error = progress.record.error {
            clearProgress()
            switch format {
            case .text: write("jarya: \(error.message) [\(error.code)]\n")
            case .json:
                write(
                    Self.object([
                        ("event", .string("document_error")), ("path", .string(progress.record.source.path)),
                        ("code", .string(error.code)), ("message", .string(error.message)),
                    ]))
            }
        }
        guard showsProgress else { return }
        let now = Date()
        guard progress.done == progress.total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        let width = 24
        let filled = progress.total > 0 ? width * progress.done / progress.total : width
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        write("\r\u{1B}[K[\(bar)] \(progress.done)/\(progress.total) documents")
        progressShown = true
    }

    /// Links in the folders that were not followed.
    public func skipped(_ link: SkippedLink) {
        guard !quiet else { return }
        clearProgress()
        switch format {
        case .text: write("jarya: \(link.message)\n")
        case .json:
            write(
                Self.object([
                    ("event", .string("link_skipped")), ("path", .string(link.path)),
                    ("target", link.target.map { .string($0) } ?? .null), ("reason", .string(link.reason.rawValue)),
                ]))
        }
    }

    /// Files in folders left out because of their format. They are named in the summary (by
    /// count and extension), not one line each: a nightly folder of pictures is no trouble.
    public func passedOver(_ files: [String]) {
        passedOver += files
    }

    /// `12 other files passed over (9 .jpg, 3 .pdf)`, or nil.
    var passedOverNote: String? {
        guard !passedOver.isEmpty else { return nil }
        var counts: [String: Int] = [:]
        for path in passedOver {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let ext =
                name.lastIndex(of: ".").map { "." + name[name.index(after: $0)...].lowercased() } ?? "no extension"
            counts[ext, default: 0] += 1
        }
        let kinds = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map { "\($0.value) \($0.key)" }
        return
            "\(passedOver.count) other file\(passedOver.count == 1 ? "" : "s") passed over, not .txt/.md/.html/.docx ("
            + kinds.joined(separator: ", ") + (counts.count > 5 ? ", …" : "") + ")"
    }

    /// The end-of-run summary.
    public func summary(_ summary: Batch.Summary) {
        clearProgress()
        guard !quiet else { return }
        switch format {
        case .text:
            if alwaysSummarize || summary.errors > 0 {
                write(
                    "jarya: \(summary.documents) documents, \(summary.errors) errors, \(summary.skipped) skipped, "
                        + (passedOverNote.map { $0 + ", " } ?? "")
                        + String(format: "%.2f s, %.2f MB/s\n", summary.seconds, summary.megabytesPerSecond))
            }
            if summary.errors > 0 {
                write(
                    "jarya: \(summary.errors) of \(summary.documents) documents failed; see the \"error\" field of their records\n"
                )
            }
        case .json:
            write(
                Self.object([
                    ("event", .string("summary")), ("documents", .number("\(summary.documents)")),
                    ("errors", .number("\(summary.errors)")), ("skipped", .number("\(summary.skipped)")),
                    ("passed_over", .number("\(passedOver.count)")),
                    ("seconds", .number(String(format: "%.3f", summary.seconds))),
                    ("mb_per_s", .number(String(format: "%.3f", summary.megabytesPerSecond))),
                    ("status", .number("\(summary.status.rawValue)")),
                ]))
        }
    }

    /// An error that stops the run, with the exit status it ends with: printed even when quiet.
    public func fatal(_ message: String, status: Int32) {
        clearProgress()
        switch format {
        case .text: write("jarya: \(message)\n")
        case .json:
            write(
                Self.object([
                    ("event", .string("run_error")), ("status", .number("\(status)")), ("message", .string(message)),
                ]))
        }
    }

    private func clearProgress() {
        if progressShown { write("\r\u{1B}[K"); progressShown = false }
    }

    enum Value { case string(String), number(String), null }

    /// One JSON object on one line, keys in the order given.
    static func object(_ fields: [(String, Value)]) -> String {
        "{"
            + fields.map { key, value in
                let v: String
                switch value {
                case .string(let s): v = quote(s)
                case .number(let n): v = n
                case .null: v = "null"
                }
                return quote(key) + ":" + v
            }.joined(separator: ",") + "}\n"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029:
                out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
