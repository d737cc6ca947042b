import Foundation
import Jarya

/// The PostgreSQL archive's tables, one list of statements per schema version. Text compared
/// or sorted is `COLLATE "C"` (byte order, as SQLite's), so both archives sort alike whatever
/// the database's locale.
enum PostgresSchema {
    /// The advisory lock `migrate` holds: one host creates the tables, the others wait.
    static let migrationLock: Int64 = 0x4A61_7279_6131  // "Jarya1"

    static let v1: [String] = [
        """
        CREATE TABLE documents (
            id text COLLATE "C" PRIMARY KEY,
            path text COLLATE "C" NOT NULL,
            sha256 text,
            language text COLLATE "C",
            title text,
            summary text,
            published text COLLATE "C",
            text text,
            record jsonb NOT NULL,
            fts tsvector NOT NULL,
            indexed timestamptz NOT NULL DEFAULT now()
        )
        """,
        "CREATE INDEX documents_path ON documents (path)",
        "CREATE INDEX documents_language ON documents (language)",
        "CREATE INDEX documents_fts ON documents USING gin (fts)",
        """
        CREATE TABLE events (
            document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            kind text,
            title text,
            start text COLLATE "C",
            "end" text COLLATE "C",
            time text,
            first_day text COLLATE "C",
            last_day text COLLATE "C"
        )
        """,
        "CREATE INDEX events_document ON events (document_id)",
        "CREATE INDEX events_first_day ON events (first_day, last_day)",
        "CREATE INDEX events_last_day ON events (last_day)",
        """
        CREATE TABLE event_places (
            document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            place text NOT NULL,
            place_key text COLLATE "C" NOT NULL
        )
        """,
        "CREATE INDEX event_places_document ON event_places (document_id)",
        "CREATE INDEX event_places_place ON event_places (place_key, document_id)",
        """
        CREATE TABLE event_organizations (
            document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            role text NOT NULL,
            name text NOT NULL,
            name_folded text COLLATE "C" NOT NULL
        )
        """,
        "CREATE INDEX event_organizations_document ON event_organizations (document_id)",
        "CREATE INDEX event_organizations_name ON event_organizations (name_folded, document_id)",
        """
        CREATE TABLE entities (
            document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            type text COLLATE "C" NOT NULL,
            text text,
            start text,
            "end" text,
            name text,
            kind text,
            country text,
            acronym text,
            role text,
            value text,
            span_start integer,
            span_end integer,
            name_key text COLLATE "C",
            name_folded text COLLATE "C",
            text_folded text COLLATE "C",
            acronym_folded text COLLATE "C"
        )
        """,
        "CREATE INDEX entities_document ON entities (document_id)",
        "CREATE INDEX entities_type_name ON entities (type, name_key, document_id)",
        "CREATE INDEX entities_type_folded ON entities (type, name_folded)",
    ]
}

/// A batch of records as the JSON that `jsonb_to_recordset` expands into rows: one statement
/// per table for the whole batch, so a batch costs a handful of round trips, not one per row.
struct PostgresBatch {
    /// (SQL with `$1`, the JSON array bound to it).
    var statements: [(String, String)] = []

    struct DocumentRow: Encodable {
        var id: String, path: String, sha256: String?, language: String?, title: String?, summary: String?
        var published: String?, text: String?, record: String, fts: String
    }
    struct EventRow: Encodable {
        var document_id: String, kind: String?, title: String?, start: String?, end: String?, time: String?
        var first_day: String?, last_day: String?
    }
    struct PlaceRow: Encodable { var document_id: String, place: String, place_key: String }
    struct OrganizationRow: Encodable { var document_id: String, role: String, name: String, name_folded: String }
    struct EntityRow: Encodable {
        var document_id: String, type: String, text: String?, start: String?, end: String?, name: String?, kind: String?
        var country: String?, acronym: String?, role: String?, value: String?, span_start: Int?, span_end: Int?
        var name_key: String?, name_folded: String?, text_folded: String?, acronym_folded: String?
    }

    /// The rows of one record.
    struct Rows {
        var document: DocumentRow
        var events: [EventRow] = [], places: [PlaceRow] = [], organizations: [OrganizationRow] = [], entities: [EntityRow] = []
    }

    init(_ records: [Jarya.Record]) throws {
        // Folding, stems and words cost more than the database: every core prepares records.
        let slots = RowSlots(count: records.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, records.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var k = worker
            while k < records.count {
                slots.set(k, Result { try Self.rows(of: records[k]) })
                k += workers
            }
        }
        var documents: [DocumentRow] = [], events: [EventRow] = [], places: [PlaceRow] = []
        var organizations: [OrganizationRow] = [], entities: [EntityRow] = []
        for slot in slots.results {
            let rows = try slot!.get()
            documents.append(rows.document)
            events += rows.events
            places += rows.places
            organizations += rows.organizations
            entities += rows.entities
        }
        func add<Row: Encodable>(_ rows: [Row], _ sql: String) throws {
            guard !rows.isEmpty else { return }
            // PostgreSQL text cannot hold U+0000.
            let json = String(decoding: try JSONEncoder().encode(rows), as: UTF8.self).replacingOccurrences(of: "\\u0000", with: "")
            statements.append((sql, json))
        }
        try add(documents, """
            INSERT INTO documents (id, path, sha256, language, title, summary, published, text, record, fts)
            SELECT id, path, sha256, language, title, summary, published, text, record::jsonb, fts::tsvector
            FROM jsonb_to_recordset($1::jsonb) AS x(id text, path text, sha256 text, language text, title text, summary text,
                                                    published text, text text, record text, fts text)
            """)
        try add(events, """
            INSERT INTO events (document_id, kind, title, start, "end", time, first_day, last_day)
            SELECT document_id, kind, title, start, "end", time, first_day, last_day
            FROM jsonb_to_recordset($1::jsonb) AS x(document_id text, kind text, title text, start text, "end" text, time text,
                                                    first_day text, last_day text)
            """)
        try add(places, """
            INSERT INTO event_places (document_id, place, place_key)
            SELECT document_id, place, place_key FROM jsonb_to_recordset($1::jsonb) AS x(document_id text, place text, place_key text)
            """)
        try add(organizations, """
            INSERT INTO event_organizations (document_id, role, name, name_folded)
            SELECT document_id, role, name, name_folded
            FROM jsonb_to_recordset($1::jsonb) AS x(document_id text, role text, name text, name_folded text)
            """)
        try add(entities, """
            INSERT INTO entities (document_id, type, text, start, "end", name, kind, country, acronym, role, value, span_start, span_end,
                                  name_key, name_folded, text_folded, acronym_folded)
            SELECT document_id, type, text, start, "end", name, kind, country, acronym, role, value, span_start, span_end,
                   name_key, name_folded, text_folded, acronym_folded
            FROM jsonb_to_recordset($1::jsonb) AS x(document_id text, type text, text text, start text, "end" text, name text,
                                                    kind text, country text, acronym text, role text, value text,
                                                    span_start integer, span_end integer, name_key text, name_folded text,
                                                    text_folded text, acronym_folded text)
            """)
    }

    static func rows(of r: Jarya.Record) throws -> Rows {
        let id = r.id
        let title = Folding.fold(r.title ?? r.event?.title ?? "")
        let text = Folding.fold(r.text)
        let forms = Folding.forms(ofFolded: title + "\n" + text).joined(separator: " ")
        let json = String(decoding: r.jsonBytes(), as: UTF8.self)
        var rows = Rows(document: DocumentRow(id: id, path: r.source.path, sha256: r.source.sha256, language: r.language.rawValue, title: r.title,
                                              summary: r.summary, published: r.published, text: r.text, record: json,
                                              fts: FTSTokens.tsvector(title: title, text: text, forms: forms)))
        if let e = r.event {
            let span = DaySpan.of(start: e.start, end: e.end)
            rows.events.append(EventRow(document_id: id, kind: e.kind.rawValue, title: e.title, start: e.start, end: e.end, time: e.time,
                                        first_day: span?.first, last_day: span?.last))
            for p in e.places { rows.places.append(PlaceRow(document_id: id, place: p, place_key: asciiLower(p))) }
            for (role, names) in [("organizer", e.organizers), ("funder", e.funders), ("partner", e.partners)] {
                for n in names { rows.organizations.append(OrganizationRow(document_id: id, role: role, name: n, name_folded: Folding.fold(n))) }
            }
        }
        for x in r.entities {
            // Only the names `--org` and `--person` look into are folded: folding costs.
            let named = x.type == .organization || x.type == .person
            let c = EntityColumns(x)
            rows.entities.append(EntityRow(
                document_id: id, type: x.type.rawValue, text: x.text, start: c.start, end: c.end, name: c.name, kind: c.kind,
                country: c.country, acronym: c.acronym, role: c.role, value: c.value,
                span_start: x.span.start, span_end: x.span.end,
                name_key: c.name.map(asciiLower),
                name_folded: named ? c.name.map(Folding.fold) : nil,
                text_folded: named ? Folding.fold(x.text) : nil,
                acronym_folded: named ? c.acronym.map(Folding.fold) : nil))
        }
        return rows
    }

    final class RowSlots: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var results: [Result<Rows, any Error>?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
        func set(_ k: Int, _ r: Result<Rows, any Error>) { lock.lock(); results[k] = r; lock.unlock() }
    }

    /// SQLite's `lower()`: ASCII letters only, as the SQLite archive's place filter compares.
    static func asciiLower(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }))
    }

    /// A 64-bit advisory lock key for a record id or path (FNV-1a): the same on every host.
    static func lockKey(_ kind: String, _ value: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (kind + ":" + value).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}
