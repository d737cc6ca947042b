import Jarya

/// What the page shows of a record, as plain values for the templates (which escape every
/// one of them): the text cut into plain and highlighted pieces, the legend, the event card.
/// All reading of `Record` fields for the page happens here.
enum RecordView {
    /// The highlight class of an entity type: contacts share one colour.
    static func group(_ type: EntityType) -> String {
        switch type {
        case .url, .email, .phone: return "contact"
        case .date, .place, .organization, .person: return type.rawValue
        }
    }

    /// What a hover shows: the canonical name, the resolved date, or the normalized contact.
    static func hover(_ e: Record.EntityRecord) -> String {
        switch e.value {
        case .date(let start, let end, let time):
            var s = start ?? "?"
            if let end, end != start { s += " … " + end } else if end == nil { s += " …" }
            if let time { s += ", " + time }
            return "date: " + s
        case .place(let name, let kind, let country):
            return "place: " + ([name, kind.rawValue] + [country].compactMap { $0 }).joined(separator: ", ")
        case .organization(let name, let acronym):
            return "organization: " + name + (acronym.map { " (\($0))" } ?? "")
        case .person(let name, let role):
            return "person: " + name + (role.map { " — \($0)" } ?? "")
        case .contact(let value):
            return "\(e.type.rawValue): " + value
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
        let ordered = entities.enumerated().sorted {
            ($0.element.span.start, $0.offset) < ($1.element.span.start, $1.offset)
        }
        for (n, e) in ordered {
            let start = e.span.start, end = e.span.end
            guard start >= cursor, start < end, end <= scalars.count else { continue }
            if start > cursor { pieces.append(["text": slice(cursor, start)]) }
            pieces.append([
                "text": slice(start, end), "mark": true, "type": group(e.type), "entityType": e.type.rawValue,
                "hover": hover(e), "n": n,
            ])
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
            ("kind", "kind", e.kind.rawValue), ("eventTitle", "title", e.title ?? ""), ("dates", "dates", dates(e)),
            ("time", "time", e.time ?? ""),
            ("places", "places", e.places.joined(separator: "; ")),
            ("organizers", "organizers", e.organizers.joined(separator: "; ")),
            ("funders", "funders", e.funders.joined(separator: "; ")),
            ("partners", "partners", e.partners.joined(separator: "; ")),
        ]
        if let p = e.participants {
            let count = [p.qualifier, p.count.map(String.init)].compactMap { $0 }.joined(separator: " ")
            rows.append(
                ("participants", "participants", ([count] + p.countries).filter { !$0.isEmpty }.joined(separator: "; "))
            )
        }
        return rows.filter { !$0.2.isEmpty }.map { ["label": labels[$0.0] ?? $0.0, "field": $0.1, "value": $0.2] }
    }

    /// The language the text is written in, for the page's `lang` attribute: Russian only
    /// when the record says so, Kyrgyz otherwise (a bilingual release starts in Kyrgyz).
    static func textLanguage(_ language: Language) -> String {
        language == .russian ? "ru" : "ky"
    }

    /// Everything the record page needs of one document.
    static func context(_ line: RecordLine, labels: [String: String]) -> [String: Any] {
        var c: [String: Any] = ["path": line.source.path]
        let record: Record
        switch line {
        case .error(let e):
            c["error"] = ["code": e.error.code, "message": e.error.message]
            return c
        case .record(let r):
            record = r
        }
        c["segments"] = segments(text: record.text, entities: record.entities)
        c["legend"] = legend(labels)
        c["entities"] = record.entities.enumerated().map { n, e in
            ["n": n, "type": group(e.type), "entityType": e.type.rawValue, "text": e.text, "hover": hover(e)]
                as [String: Any]
        }
        if let e = record.event { c["event"] = ["rows": eventRows(e, labels: labels)] }
        c["published"] = record.published ?? "—"
        c["language"] = record.language.rawValue
        c["textLanguage"] = textLanguage(record.language)
        if !record.warnings.isEmpty { c["warnings"] = record.warnings; c["hasWarnings"] = true }
        if !record.related.isEmpty { c["related"] = record.related.map { ["id": $0.id, "relation": $0.relation] } }
        c["id"] = record.id
        c["hasEvent"] = record.event?.start != nil
        return c
    }
}
