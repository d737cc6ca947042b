import Foundation
import GRDB
import Jarya

/// What `jarya search` asks of the archive. Every field is optional; given fields must all hold.
public struct SearchQuery: Sendable {
    /// A full-text query over the folded title and text, as a user types it: words (all must
    /// match), "phrases", prefix*, AND/OR/NOT, parentheses (see `FTSQuery`); a bare word also
    /// matches the other case forms of the word. One that cannot be read is an `ArchiveError`
    /// of kind `.query` saying how to write it.
    public var text: String?
    /// A place in any language or case form (`Бишкекте`, `в Бишкеке`, `Bishkek`).
    public var place: String?
    /// The glossary that resolves `place` to canonical names; without one, `place` stands for itself.
    public var places: PlaceGlossary?
    /// A substring of an organization's name, text or acronym (case-insensitive).
    public var organization: String?
    /// A substring of a person's name or text (case-insensitive).
    public var person: String?
    /// ISO dates of any precision (`2022`, `2022-03`, `2022-03-01`): the event must overlap.
    public var from: String?
    public var to: String?
    /// `ky`, `ru` (each also matching bilingual `ky+ru` releases) or `ky+ru`.
    public var language: String?
    /// At most this many records, the first in the search's order (a page of results); nil: all.
    public var limit: Int?

    public init(
        text: String? = nil, place: String? = nil, places: PlaceGlossary? = nil, organization: String? = nil,
        person: String? = nil, from: String? = nil, to: String? = nil, language: String? = nil, limit: Int? = nil
    ) {
        self.text = text
        self.place = place
        self.places = places
        self.organization = organization
        self.person = person
        self.from = from
        self.to = to
        self.language = language
        self.limit = limit
    }
}

extension ArchiveIndex {
    /// The records that match, sorted by event start (documents without a dated event last),
    /// then path.
    ///
    /// A place matches a document whose event takes place there; a document whose event names
    /// no place (or that has no event) matches when the place is among its place entities.
    public func search(_ q: SearchQuery) throws -> [Jarya.Record] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []

        if let text = q.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            let match = try FTSQuery.required(text).fts
            conditions.append("d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            arguments.append(match)
        }
        if let place = q.place?.trimmingCharacters(in: .whitespaces), !place.isEmpty {
            let names = PlaceResolver.canonicalNames(place, in: q.places).map { $0.lowercased() }
            let marks = Array(repeating: "?", count: names.count).joined(separator: ", ")
            conditions.append(
                """
                (d.id IN (SELECT document_id FROM event_places WHERE lower(place) IN (\(marks)))
                 OR (NOT EXISTS (SELECT 1 FROM event_places p WHERE p.document_id = d.id)
                     AND d.id IN (SELECT document_id FROM entities WHERE type = 'place' AND lower(name) IN (\(marks)))))
                """)
            arguments += names + names
        }
        if let org = q.organization, !org.isEmpty {
            conditions.append(
                """
                d.id IN (SELECT document_id FROM entities WHERE type = 'organization'
                           AND (instr(jarya_fold(coalesce(name, '')), ?) OR instr(jarya_fold(text), ?) OR instr(jarya_fold(coalesce(acronym, '')), ?))
                         UNION SELECT document_id FROM event_organizations WHERE instr(jarya_fold(name), ?))
                """)
            let folded = Folding.fold(org)
            arguments += [folded, folded, folded, folded]
        }
        if let person = q.person, !person.isEmpty {
            conditions.append(
                """
                d.id IN (SELECT document_id FROM entities WHERE type = 'person'
                           AND (instr(jarya_fold(coalesce(name, '')), ?) OR instr(jarya_fold(text), ?)))
                """)
            let folded = Folding.fold(person)
            arguments += [folded, folded]
        }
        if let from = q.from {
            guard let day = DaySpan.first(of: from) else {
                throw ArchiveError("search: --from `\(from)` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            conditions.append("e.last_day >= ?")
            arguments.append(day)
        }
        if let to = q.to {
            guard let day = DaySpan.last(of: to) else {
                throw ArchiveError("search: --to `\(to)` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            conditions.append("e.first_day <= ?")
            arguments.append(day)
        }
        if let lang = q.language {
            switch lang {
            case "ky", "ru": conditions.append("(d.language = ? OR d.language = 'ky+ru')"); arguments.append(lang)
            case "ky+ru": conditions.append("d.language = 'ky+ru'")
            default: throw ArchiveError("search: --lang is ky, ru or ky+ru, not `\(lang)`")
            }
        }
        let sql = """
            SELECT d.record FROM documents d LEFT JOIN events e ON e.document_id = d.id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: "\n  AND "))
            ORDER BY e.first_day IS NULL, e.first_day, e.start, d.path, d.id
            \(q.limit.map { "LIMIT \(max(0, $0))" } ?? "")
            """
        let rows: [String]
        do {
            rows = try database.read { db in try String.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
            }
        } catch let error as DatabaseError where error.message?.hasPrefix("fts5") == true {
            // What FTSQuery makes is valid FTS5; only a query too complex for FTS5's parser ends here.
            throw ArchiveError(
                "search: cannot read the query `\(q.text ?? "")`: it is too complex (FTS5: \(error.message ?? "")). "
                    + FTSQuery.howTo)
        } catch {
            throw ArchiveFile.failure(error, path: path, writing: false)
        }
        return try rows.map(decodeStored)
    }
}
