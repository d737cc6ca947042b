import Foundation
import Jarya

/// `jarya search` output. A release linked to its other-language version (`related`) shows
/// it: `translations` holds those versions by id, as `Archive.translations(of:)` reads them;
/// one not in the archive is shown by its id alone.
public enum SearchOutput {
    /// Aligned plain text: id, date, place, the translation (its language and id), title, with
    /// a header line.
    public static func table(_ records: [Jarya.Record], translations: [String: Jarya.Record] = [:]) -> String {
        var rows = [["ID", "DATE", "PLACE", "TRANSLATION", "TITLE"]]
        for r in records {
            let other =
                translationID(r).map { id in translations[id].map { "\($0.language.rawValue) \(id)" } ?? id } ?? ""
            rows.append([
                r.id, dateText(r.event), (r.event?.places ?? []).joined(separator: ", "), other,
                (r.title ?? r.event?.title ?? "").replacingOccurrences(of: "\n", with: " "),
            ])
        }
        let columns = rows[0].count - 1
        let widths = (0..<columns).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            (0..<columns).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) }.joined(
                separator: "  ")
                + "  " + row[columns]
        }.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
            + "\n"
    }

    /// The key fields of each record, one JSON object per line: id, path, language, title,
    /// summary, published, the event as in the record, and `translation` (id, path, language,
    /// title of the other-language version, or null).
    public static func jsonLines(_ records: [Jarya.Record], translations: [String: Jarya.Record] = [:]) -> String {
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
            w.key("translation")
            if let id = translationID(r) {
                let other = translations[id]
                w.openObject()
                w.key("id"); w.string(id)
                w.key("path"); w.string(other?.source.path)
                w.key("language"); w.string(other?.language.rawValue)
                w.key("title"); w.string(other?.title)
                w.closeObject()
            } else {
                w.null()
            }
            w.closeObject()
            return String(decoding: w.bytes, as: UTF8.self) + "\n"
        }.joined()
    }

    /// A header and one row per record; `translation` and `translation_path` name the
    /// other-language version.
    public static func csv(_ records: [Jarya.Record], translations: [String: Jarya.Record] = [:]) -> String {
        var lines = [
            CSV.row([
                "id", "path", "language", "published", "kind", "start", "end", "time", "places", "title",
                "translation", "translation_path",
            ])
        ]
        for r in records {
            let e = r.event
            let other = translationID(r)
            lines.append(
                CSV.row([
                    r.id, r.source.path, r.language.rawValue, r.published ?? "", e?.kind.rawValue ?? "",
                    e?.start ?? "", e?.end ?? "", e?.time ?? "", (e?.places ?? []).joined(separator: "; "),
                    r.title ?? e?.title ?? "", other ?? "", other.flatMap { translations[$0]?.source.path } ?? "",
                ]))
        }
        return lines.joined()
    }

    /// The id of the record's other-language version, if it is linked to one.
    static func translationID(_ r: Jarya.Record) -> String? {
        r.related.first { $0.relation == "translation" }?.id
    }

    static func dateText(_ e: Jarya.Record.EventRecord?) -> String {
        guard let e, let s = e.start else { return "" }
        guard let end = e.end else { return s + "…" }
        return end == s ? s : s + "…" + end
    }
}
