import Foundation
import Jarya

/// `jarya search` output.
public enum SearchOutput {
    /// Aligned plain text: id, date, place, title, with a header line.
    public static func table(_ records: [Jarya.Record]) -> String {
        var rows = [["ID", "DATE", "PLACE", "TITLE"]]
        for r in records {
            rows.append([r.id, dateText(r.event), (r.event?.places ?? []).joined(separator: ", "),
                         (r.title ?? r.event?.title ?? "").replacingOccurrences(of: "\n", with: " ")])
        }
        let widths = (0..<3).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            (0..<3).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) }.joined(separator: "  ")
                + "  " + row[3]
        }.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n") + "\n"
    }

    /// The key fields of each record, one JSON object per line: id, path, language, title,
    /// summary, published, and the event as in the record.
    public static func jsonLines(_ records: [Jarya.Record]) -> String {
        records.map { r in
            var w = JSONWriter(capacity: 1024)
            w.openObject()
            w.key("id"); w.string(r.id)
            w.key("path"); w.string(r.source.path)
            w.key("language"); w.string(r.language.rawValue)
            w.key("title"); w.string(r.title)
            w.key("summary"); w.string(r.summary)
            w.key("published"); w.string(r.published)
            w.key("event")
            if let e = r.event { e.write(to: &w) } else { w.null() }
            w.closeObject()
            return String(decoding: w.bytes, as: UTF8.self) + "\n"
        }.joined()
    }

    /// A header and one row per record.
    public static func csv(_ records: [Jarya.Record]) -> String {
        var lines = [CSV.row(["id", "path", "language", "published", "kind", "start", "end", "time", "places", "title"])]
        for r in records {
            let e = r.event
            lines.append(CSV.row([r.id, r.source.path, r.language.rawValue, r.published ?? "", e?.kind.rawValue ?? "",
                                  e?.start ?? "", e?.end ?? "", e?.time ?? "", (e?.places ?? []).joined(separator: "; "),
                                  r.title ?? e?.title ?? ""]))
        }
        return lines.joined()
    }

    static func dateText(_ e: Jarya.Record.EventRecord?) -> String {
        guard let e, let s = e.start else { return "" }
        guard let end = e.end else { return s + "…" }
        return end == s ? s : s + "…" + end
    }
}
