import Foundation
import Jarya

/// The glossaries a user may add to from the page or `POST /api/glossary/{kind}`. The files are
/// fixed names, never taken from a request, so no write can leave the glossaries folder.
public enum GlossaryKind: String, Sendable, CaseIterable {
    case places, organizations, persons
}

/// Why an addition or an undo was refused: one line naming the file, the column and what is wrong.
public struct GlossaryEditError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// One addition of this server's session: the rows it appended, so it can be undone.
public struct GlossaryChange: Sendable {
    public let number: Int
    public let kind: GlossaryKind
    /// (file, row as written) pairs.
    public let rows: [(file: String, line: String)]
    /// What a person reads in the list of changes.
    public let summary: String
}

/// Writes glossary additions: validated as `jarya glossary check` validates the folder (on a
/// copy holding the new row), then written atomically (a temporary file in the same folder,
/// renamed over the old one). An actor, so concurrent writes are serialized and none is lost:
/// each one reads the file as the previous one left it.
public actor GlossaryEditor {
    public let directory: String
    public private(set) var changes: [GlossaryChange] = []
    private var nextNumber = 1

    public init(directory: String) {
        self.directory = directory
    }

    /// Appends the rows `fields` describe (keyed by the TSV's column names) after checking them
    /// against `known` (no name already listed) and the whole folder with the checker.
    public func add(_ kind: GlossaryKind, fields: [String: String], known: Glossaries) throws -> GlossaryChange {
        let rows = try GlossaryRows.rows(kind, fields: fields, known: known)
        var texts: [String: String] = [:]
        for (file, cells) in rows {
            let current = try texts[file] ?? read(file)
            texts[file] = try Self.appending(cells, to: current, file: file)
        }
        try check(replacing: texts)
        for (file, text) in texts.sorted(by: { $0.key < $1.key }) { try write(text, to: file) }
        let lines = try rows.map {
            (file: $0.file, line: try Self.line($0.cells, file: $0.file, header: Self.header(of: texts[$0.file]!)))
        }
        let change = GlossaryChange(
            number: nextNumber, kind: kind, rows: lines, summary: GlossaryRows.summary(kind, fields))
        nextNumber += 1
        changes.append(change)
        return change
    }

    /// Removes the rows of change `number` (the last line equal to each), checked as an addition is.
    public func undo(_ number: Int) throws {
        guard let index = changes.firstIndex(where: { $0.number == number }) else {
            throw GlossaryEditError(message: "there is no change \(number) to undo in this session: reload the page.")
        }
        var texts: [String: String] = [:]
        for row in changes[index].rows {
            var lines = try (texts[row.file] ?? read(row.file)).components(separatedBy: "\n")
            guard let at = lines.lastIndex(of: row.line) else {
                throw GlossaryEditError(
                    message:
                        "\(row.file): the row «\(row.line)» is no longer there (edited by hand?); nothing was changed.")
            }
            lines.remove(at: at)
            texts[row.file] = lines.joined(separator: "\n")
        }
        try check(replacing: texts)
        for (file, text) in texts { try write(text, to: file) }
        changes.remove(at: index)
    }

    func read(_ file: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: directory + "/" + file),
            let text = String(data: data, encoding: .utf8)
        else {
            throw GlossaryEditError(
                message: "\(directory)/\(file) cannot be read as UTF-8: check the --glossaries folder.")
        }
        return text
    }

    /// The header row of a glossary text: the first line that is not a comment.
    static func header(of text: String) throws -> [String] {
        guard
            let line = text.split(separator: "\n", omittingEmptySubsequences: true).first(where: { !$0.hasPrefix("#") })
        else {
            throw GlossaryEditError(message: "the file has no header row: run `jarya glossary check`.")
        }
        return line.split(separator: "\t", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    /// The row's cells in the header's column order, TAB-separated.
    static func line(_ cells: [String: String], file: String, header: [String]) throws -> String {
        for column in cells.keys where !header.contains(column) {
            throw GlossaryEditError(
                message: "\(file): there is no column `\(column)` (columns: \(header.joined(separator: ", "))).")
        }
        return header.map { cells[$0] ?? "" }.joined(separator: "\t")
    }

    static func appending(_ cells: [String: String], to text: String, file: String) throws -> String {
        let row = try line(cells, file: file, header: header(of: text))
        return text + (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + row + "\n"
    }

    /// Runs the checker of `jarya glossary check` on a copy of the folder with `texts` in place.
    func check(replacing texts: [String: String]) throws {
        let fm = FileManager.default
        let copy = fm.temporaryDirectory.appendingPathComponent("jarya-serve-check-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: copy, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: copy) }
        for name in try fm.contentsOfDirectory(atPath: directory) where name.hasSuffix(".tsv") {
            let target = copy + "/" + name
            if let text = texts[name] {
                try Data(text.utf8).write(to: URL(fileURLWithPath: target))
            } else {
                try fm.copyItem(atPath: directory + "/" + name, toPath: target)
            }
        }
        for (_, result) in GlossaryCheck.run(directory: copy) {
            if case .failure(let error) = result {
                throw GlossaryEditError(message: "\(error)".replacingOccurrences(of: copy, with: directory))
            }
        }
    }

    /// Writes `text` to a temporary file beside `file` and renames it over `file`.
    func write(_ text: String, to file: String) throws {
        let target = directory + "/" + file
        let temporary = directory + "/.\(file).\(UUID().uuidString).tmp"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, target) == 0 else {
                throw GlossaryEditError(
                    message:
                        "\(target) cannot be replaced (\(String(cString: strerror(errno)))): check the folder's permissions."
                )
            }
        } catch let error as GlossaryEditError {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw GlossaryEditError(
                message:
                    "\(target) cannot be written (\(error.localizedDescription)): check the folder's permissions and free space."
            )
        }
    }
}
