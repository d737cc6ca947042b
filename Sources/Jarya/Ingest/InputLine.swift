import Foundation

/// One document of a `.jsonl` input: a JSON object per line with its `text` and, optionally,
/// the `url` it was published at and the `path` its record names. Crawlers keep pages this way,
/// and a page's address often carries the date its text leaves out (`/2017/09/19/`).
public struct InputLine: Equatable, Sendable {
    /// The line's `path`, or `FILE.jsonl:N` (its line number, from 1).
    public var path: String
    /// The document's text; nil when the line is not a JSON object with a string `text`.
    public var text: String?
    /// The line's `url`, if it has one.
    public var url: String?
    /// Why the line cannot be read, said so that the user can fix it.
    public var problem: String?

    public init(path: String, text: String?, url: String? = nil, problem: String? = nil) {
        self.path = path
        self.text = text
        self.url = url
        self.problem = problem
    }

    /// A file named on the command line that holds documents one per line.
    static func isLines(_ path: String) -> Bool { path.lowercased().hasSuffix(".jsonl") }

    /// Every non-blank line of the file, each a document or the reason it is not one. A file that
    /// cannot be read is one line with that problem.
    static func read(_ path: String) -> [InputLine] {
        guard let data = FileManager.default.contents(atPath: path) else {
            return [
                InputLine(
                    path: path, text: nil, problem: "the file cannot be read. Check the path and its permissions.")
            ]
        }
        var lines: [InputLine] = []
        for (n, raw) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard raw.contains(where: { !($0 == 32 || $0 == 9 || $0 == 13) }) else { continue }
            lines.append(parse(Data(raw), at: "\(path):\(n + 1)"))
        }
        return lines
    }

    /// The document of one line, or the line's problem.
    static func parse(_ raw: Data, at place: String) -> InputLine {
        let problem =
            "the line is not a JSON object with a string \"text\" (and optional string \"url\" and \"path\"). Write one such object per line."
        guard let object = (try? JSONSerialization.jsonObject(with: raw)) as? [String: Any],
            let text = object["text"] as? String
        else {
            return InputLine(path: place, text: nil, problem: problem)
        }
        let url = object["url"], path = object["path"]
        guard url == nil || url is String, path == nil || path is String else {
            return InputLine(path: place, text: nil, problem: problem)
        }
        return InputLine(path: (path as? String) ?? place, text: text, url: url as? String)
    }
}
