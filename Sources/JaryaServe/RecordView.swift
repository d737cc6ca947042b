import Jarya

/// What the page shows of a record, as plain values for the templates (which escape every
/// one of them): the text cut into plain and highlighted pieces, the legend, the event card.
/// All reading of `Record` fields for the page happens here.
enum RecordView {
    /// The highlight class of an entity type: contacts share one colour.
    static func group(_ type: String) -> String {
        switch type {
        case "url", "email", "phone": return "contact"
        default: return type
        }
    }

    /// What a hover shows: the canonical name, the resolved date, or the normalized contact.
    static func hover(_ e: Record.EntityRecord) -> String {
        switch e.type {
        case "date":
            var s = e.start ?? "?"
            if let end = e.end, end != e.start { s += " … " + end } else if e.end == nil { s += " …" }
            if let time = e.time { s += ", " + time }
            return "date: " + s
        case "place":
            return "place: " + [e.name, e.kind, e.country].compactMap { $0 }.joined(separator: ", ")
        case "organization":
            return "organization: " + (e.name ?? e.text) + (e.acronym.map { " (\($0))" } ?? "")
        case "person":
            return "person: " + (e.name ?? e.text) + (e.role.map { " — \($0)" } ?? "")
        default:
            return "\(e.type): " + (e.value ?? e.text)
        }
    }

    /// The text as pieces: plain ones, and one per entity (an entity overlapping an earlier one
    /// is shown in the list but not highlighted twice). Offsets are Unicode scalars, as in spans.
    static func segments(text: String, entities: [Record.EntityRecord]) -> [[String: Any]] {
        let scalars = Array(text.unicodeScalars)
        func slice(_ a: Int, _ b: Int) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[a..<b])
            return String(s)
        }
        var pieces: [[String: Any]] = []
        var cursor = 0
        let ordered = entities.enumerated().filter { $0.element.span.count == 2 }.sorted { ($0.element.span[0], $0.offset) < ($1.element.span[0], $1.offset) }
        for (n, e) in ordered {
            let start = e.span[0], end = e.span[1]
            guard start >= cursor, start < end, end <= scalars.count else { continue }
            if start > cursor { pieces.append(["text": slice(cursor, start)]) }
            pieces.append(["text": slice(start, end), "mark": true, "type": group(e.type), "entityType": e.type, "hover": hover(e), "n": n])
            cursor = end
        }
        if cursor < scalars.count { pieces.append(["text": slice(cursor, scalars.count)]) }
        return pieces
    }

    static let legendTypes = ["date", "place", "organization", "person", "contact"]

    static func legend(_ labels: [String: String]) -> [[String: Any]] {
        legendTypes.map { ["type": $0, "label": labels[$0] ?? $0] }
    }

    static func dates(_ e: Record.EventRecord) -> String {
        guard let start = e.start else { return "" }
        guard let end = e.end else { return start + " …" }
        return end == start ? start : start + " … " + end
    }

    /// The event card's rows, only those with something to show.
    static func eventRows(_ e: Record.EventRecord, labels: [String: String]) -> [[String: Any]] {
        var rows: [(String, String, String)] = [
            ("kind", "kind", e.kind), ("eventTitle", "title", e.title ?? ""), ("dates", "dates", dates(e)), ("time", "time", e.time ?? ""),
            ("places", "places", e.places.joined(separator: "; ")), ("organizers", "organizers", e.organizers.joined(separator: "; ")),
            ("funders", "funders", e.funders.joined(separator: "; ")), ("partners", "partners", e.partners.joined(separator: "; ")),
        ]
        if let p = e.participants {
            let count = [p.qualifier, p.count.map(String.init)].compactMap { $0 }.joined(separator: " ")
            rows.append(("participants", "participants", ([count] + p.countries).filter { !$0.isEmpty }.joined(separator: "; ")))
        }
        return rows.filter { !$0.2.isEmpty }.map { ["label": labels[$0.0] ?? $0.0, "field": $0.1, "value": $0.2] }
    }

    /// Everything the record page needs of one document.
    static func context(_ record: Record, labels: [String: String]) -> [String: Any] {
        var c: [String: Any] = ["path": record.source.path]
        if let error = record.error {
            c["error"] = ["code": error.code, "message": error.message]
            return c
        }
        let entities = record.entities ?? []
        c["segments"] = segments(text: record.text ?? "", entities: entities)
        c["legend"] = legend(labels)
        c["entities"] = entities.enumerated().map { n, e in ["n": n, "type": group(e.type), "entityType": e.type, "text": e.text, "hover": hover(e)] as [String: Any] }
        if let e = record.event { c["event"] = ["rows": eventRows(e, labels: labels)] }
        c["published"] = record.published ?? "—"
        c["language"] = record.language ?? "—"
        c["textLanguage"] = (record.language ?? "ky").hasPrefix("ru") ? "ru" : "ky"
        if let warnings = record.warnings, !warnings.isEmpty { c["warnings"] = warnings; c["hasWarnings"] = true }
        if let related = record.related, !related.isEmpty { c["related"] = related.map { ["id": $0.id, "relation": $0.relation] } }
        c["id"] = record.id ?? ""
        c["hasEvent"] = record.event?.start != nil
        return c
    }
}
