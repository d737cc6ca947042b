import Foundation
import Jarya

extension PostgresArchive {
    /// The same query as `ArchiveIndex.search`, written for PostgreSQL: the same conditions on
    /// the same stored values (places compared as SQLite's ASCII `lower()` does, names folded
    /// by `Folding` at index time rather than at query time), and the same order (byte order
    /// through `COLLATE "C"`, empty values first as in SQLite).
    ///
    /// Every condition is on `documents` alone, and the order is `documents_order`'s key, so a
    /// page of results is read in order and stops after its last record instead of sorting
    /// every match. A `--from` day splits the search in two: events that begin on or after it
    /// (read in order from that day on) and events that began before it and last into it
    /// (found through the `days` range index); all of the latter come first.
    public func search(_ q: SearchQuery) throws -> [Jarya.Record] {
        let (sql, values) = try Self.statement(q)
        return try run(sql, values).map { try decodeStored(try $0.decode(String.self)) }
    }

    /// The SQL of `search` and its binds.
    static func statement(_ q: SearchQuery) throws -> (sql: String, values: [Value]) {
        var conditions: [String] = []
        var values: [Value] = []
        func bind(_ v: Value) -> String { values.append(v); return "$\(values.count)" }

        if let text = q.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            let tsquery = try FTSQuery.required(text).tsquery
            conditions.append("d.fts @@ \(bind(.text(tsquery)))::tsquery")
        }
        if let place = q.place?.trimmingCharacters(in: .whitespaces), !place.isEmpty {
            let names = PlaceResolver.canonicalNames(place, in: q.places).map { $0.lowercased() }
            conditions.append("d.places && \(bind(.texts(names)))::text[]")
        }
        // Substrings of the folded names, as `strpos` would find them, through LIKE so that the
        // trigram indexes serve.
        if let org = q.organization, !org.isEmpty {
            conditions.append("d.organizations LIKE \(bind(.text(Self.containing(Folding.fold(org)))))")
        }
        if let person = q.person, !person.isEmpty {
            conditions.append("d.persons LIKE \(bind(.text(Self.containing(Folding.fold(person)))))")
        }
        var from: String?
        if let f = q.from {
            guard let day = DaySpan.first(of: f) else {
                throw ArchiveError("search: --from `\(f)` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            from = day
        }
        if let to = q.to {
            guard let day = DaySpan.last(of: to) else {
                throw ArchiveError("search: --to `\(to)` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            conditions.append("d.first_day <= \(bind(.text(day)))")
        }
        if let lang = q.language {
            switch lang {
            case "ky", "ru": conditions.append("(d.language = \(bind(.text(lang))) OR d.language = 'ky+ru')")
            case "ky+ru": conditions.append("d.language = 'ky+ru'")
            default: throw ArchiveError("search: --lang is ky, ru or ky+ru, not `\(lang)`")
            }
        }
        let limit = q.limit.map { "LIMIT \(max(0, $0))" } ?? ""
        func page(_ extra: [String]) -> String {
            let all = conditions + extra
            return
                "(SELECT d.id, d.first_day, d.start, d.path FROM documents d \(all.isEmpty ? "" : "WHERE " + all.joined(separator: " AND "))"
                + " ORDER BY \(PostgresSchema.order("d.")) \(limit))"
        }
        let hits: String
        if let from {
            // first_day < from <= last_day: the span holds the number before `from`'s and `from`'s.
            let day = PostgresBatch.dayNumber(from)
            let both =
                page(["d.days @> int4range(\(bind(.int(day - 1)))::int4, \(bind(.int(day)))::int4, '[]')"])
                + "\nUNION ALL\n" + page(["d.first_day >= \(bind(.text(from)))"])
            // The page of both, before any record is read.
            hits = "SELECT * FROM (\(both)) u ORDER BY \(PostgresSchema.order("u.")) \(limit)"
        } else {
            hits = page([])
        }
        // The order and the limit on the small columns first; only the records shown are read
        // and turned into text.
        let sql = """
            WITH hits AS (\(hits))
            SELECT d.record::text FROM hits h JOIN documents d ON d.id = h.id
            ORDER BY \(PostgresSchema.order("h.")) \(limit)
            """
        return (sql, values)
    }

    /// A LIKE pattern matching text that contains `s`.
    static func containing(_ s: String) -> String {
        var pattern = "%"
        for c in s {
            if c == "%" || c == "_" || c == "\\" { pattern.append("\\") }
            pattern.append(c)
        }
        return pattern + "%"
    }
}
