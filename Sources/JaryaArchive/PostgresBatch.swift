import Foundation
import Jarya
import PostgresNIO

/// A batch of records, one statement per table for the whole batch: `documents` as one text
/// array per column in PostgreSQL's binary array format, which `unnest` turns back into rows
/// on the server (its `tsvector` in binary, so the server neither parses nor sorts it), and the
/// other tables, about 50 rows per release, as COPY's text rows, which the server reads at half
/// the cost of unnesting arrays. The server parses no JSON but the records themselves and the
/// client encodes no JSON but the records.
struct PostgresBatch {
    /// A table's columns, and the type each text column is cast to on insert.
    struct Table: Sendable {
        let name: String
        let columns: [(name: String, cast: String?)]
        /// A last column sent as `tsvector[]` in binary (`Lexemes.binary`), not as text.
        var vector: String? = nil

        /// `INSERT … SELECT … FROM unnest($1::text[], …)`.
        var sql: String {
            var names = columns.map { "\"\($0.name)\"" }
            var selected = columns.map { c in c.cast.map { "x.\"\(c.name)\"::\($0)" } ?? "x.\"\(c.name)\"" }
            var arrays = columns.indices.map { "$\($0 + 1)::text[]" }
            if let vector {
                names.append("\"\(vector)\"")
                selected.append("x.\"\(vector)\"")
                arrays.append("$\(columns.count + 1)::tsvector[]")
            }
            return "INSERT INTO \(name) (\(names.joined(separator: ", "))) SELECT \(selected.joined(separator: ", ")) "
                + "FROM unnest(\(arrays.joined(separator: ", "))) AS x(\(names.joined(separator: ", ")))"
        }
    }

    static let documents = Table(
        name: "documents",
        columns: [
            ("id", nil), ("path", nil), ("sha256", nil), ("language", nil), ("title", nil), ("summary", nil),
            ("published", nil), ("record", "jsonb"), ("organizations", nil), ("persons", nil),
            ("first_day", nil), ("last_day", nil), ("start", nil), ("days", "int4range"), ("places", "text[]"),
        ], vector: "fts")
    static let events = Table(
        name: "events",
        columns: [
            ("document_id", nil), ("kind", nil), ("title", nil), ("start", nil), ("end", nil), ("time", nil),
            ("first_day", nil), ("last_day", nil),
        ])
    static let places = Table(
        name: "event_places", columns: [("document_id", nil), ("place", nil)])
    static let organizations = Table(
        name: "event_organizations",
        columns: [
            ("document_id", nil), ("role", nil), ("name", nil),
        ])
    static let entities = Table(
        name: "entities",
        columns: [
            ("document_id", nil), ("type", nil), ("text", nil), ("start", nil), ("end", nil), ("name", nil),
            ("kind", nil), ("country", nil),
            ("acronym", nil), ("role", nil), ("value", nil), ("span_start", "integer"), ("span_end", "integer"),
        ])
    static let tables = [documents, events, places, organizations, entities]

    /// The rows of each table (in `tables` order), each row one value per column.
    typealias Rows = [[[String?]]]

    /// How a table's rows are sent.
    enum Statement {
        /// An INSERT with every column as an array (`documents`: its `tsvector` goes in binary).
        case insert(sql: String, columns: [PostgresArchive.Value])
        /// `COPY … FROM STDIN` in text format (the other tables, whose rows outnumber the
        /// documents: the server turns arrays into rows through `unnest` at about twice the cost
        /// of reading the same rows from COPY).
        case copy(table: String, columns: [String], data: ByteBuffer)
    }

    /// For each table with rows: how its rows are sent.
    private(set) var statements: [Statement] = []

    /// Prepares `records`, with what the run keeps from batch to batch in `scratch`; `json[k]`,
    /// when given, is the JSON `records[k]` was read from, stored as its `jsonb` as it is.
    init(_ records: [Jarya.Record], json: [Data?]? = nil, scratch: IndexScratch) {
        // Folding, stems and words cost more than the database: every core prepares records.
        let slots = RowSlots(count: records.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, records.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var tools = scratch.take()
            var k = worker
            while k < records.count {
                slots.set(k, Self.rows(of: records[k], json: json?[k], tools: &tools, folds: scratch.folds))
                k += workers
            }
            scratch.give(tools)
        }
        for (t, table) in Self.tables.enumerated() where t > 0 {
            var bytes: [UInt8] = []
            for rows in slots.results {
                for row in rows!.rows[t] { Self.copyLine(row, into: &bytes) }
            }
            let data = ByteBuffer(bytes: bytes)
            if data.readableBytes > 0 {
                statements.append(.copy(table: table.name, columns: table.columns.map(\.name), data: data))
            }
        }
        for (t, table) in Self.tables.enumerated() where t == 0 {
            var columns = Array(repeating: [String?](), count: table.columns.count)
            for rows in slots.results {
                for row in rows!.rows[t] {
                    for c in row.indices { columns[c].append(row[c]) }
                }
            }
            guard !columns[0].isEmpty else { continue }
            var values = columns.map { PostgresArchive.Value.column(TextColumn(values: $0)) }
            if table.vector != nil { values.append(.vectors(TSVectorColumn(values: slots.results.map { $0!.fts }))) }
            statements.insert(.insert(sql: table.sql, columns: values), at: 0)
        }
    }

    /// One row in COPY's text format: the values between tabs, `\N` for NULL, a backslash, tab,
    /// line feed or carriage return escaped with a backslash, U+0000 (which PostgreSQL text cannot
    /// hold) left out, as `TextColumn` leaves it out. Most values hold none of these and are
    /// copied whole.
    static func copyLine(_ row: [String?], into data: inout [UInt8]) {
        var first = true
        for value in row {
            if !first { data.append(UInt8(ascii: "\t")) }
            first = false
            guard var value else {
                data.append(UInt8(ascii: "\\"))
                data.append(UInt8(ascii: "N"))
                continue
            }
            value.withUTF8 { utf8 in
                guard utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 <= UInt8(ascii: "\r") }) else {
                    data.append(contentsOf: utf8)
                    return
                }
                for byte in utf8 {
                    switch byte {
                    case UInt8(ascii: "\\"): data.append(byte); data.append(byte)
                    case UInt8(ascii: "\t"): data.append(UInt8(ascii: "\\")); data.append(UInt8(ascii: "t"))
                    case UInt8(ascii: "\n"): data.append(UInt8(ascii: "\\")); data.append(UInt8(ascii: "n"))
                    case UInt8(ascii: "\r"): data.append(UInt8(ascii: "\\")); data.append(UInt8(ascii: "r"))
                    case 0: continue
                    default: data.append(byte)
                    }
                }
            }
        }
        data.append(UInt8(ascii: "\n"))
    }

    /// One record's rows and `tsvector`; its `jsonb` is `json` when given (the line it was read
    /// from: `jsonb` keeps the same value whatever the spacing and key order), else the record
    /// written out.
    static func rows(of r: Jarya.Record, json line: Data? = nil, tools: inout IndexScratch.Tools, folds: FoldCache)
        -> (rows: Rows, fts: [UInt8])
    {
        var rows: Rows = Array(repeating: [], count: tables.count)
        let id = r.id
        let title = Folding.fold(r.title ?? r.event?.title ?? "")
        let text = Folding.fold(r.text)
        // Cut as one column, as if joined with spaces (`FTSTokens.tsvector`).
        let forms = Folding.forms(ofFolded: title + "\n" + text, lexicon: &tools.lexicon)
        let json = Self.withoutNUL(
            line.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: r.jsonBytes(), as: UTF8.self))
        var organizations: [String] = [], persons: [String] = []
        let span = r.event.flatMap { DaySpan.of(start: $0.start, end: $0.end) }
        if let e = r.event {
            rows[1].append([id, e.kind.rawValue, e.title, e.start, e.end, e.time, span?.first, span?.last])
            for p in e.places { rows[2].append([id, p]) }
            for (role, names) in [("organizer", e.organizers), ("funder", e.funders), ("partner", e.partners)] {
                for n in names {
                    let folded = folds.fold(n)
                    organizations.append(folded)
                    rows[3].append([id, role, n])
                }
            }
        }
        for x in r.entities {
            // Only the names `--org` and `--person` look into are folded: folding costs.
            let named = x.type == .organization || x.type == .person
            let c = EntityColumns(x)
            if named {
                // Name, text, acronym: the order `documents.organizations` and `.persons` list them in.
                let folded = [c.name.map(folds.fold), folds.fold(x.text), c.acronym.map(folds.fold)].compactMap { $0 }
                if x.type == .organization { organizations += folded } else { persons += folded }
            }
            rows[4].append([
                id, x.type.rawValue, x.text, c.start, c.end, c.name, c.kind, c.country, c.acronym, c.role, c.value,
                String(x.span.start), String(x.span.end),
            ])
        }
        rows[0].append([
            id, r.source.path, r.source.sha256, r.language.rawValue, r.title, r.summary, r.published, json,
            names(organizations), names(persons),
            span?.first, span?.last, r.event?.start, span.map(dayRange), arrayLiteral(placeKeys(of: r)),
        ])
        return (
            rows, FTSTokens.tsvector(title: title, text: text, forms: forms, cutter: &tools.cutter, words: &tools.words)
        )
    }

    /// The folded names for `documents.organizations` or `.persons`, each once (a release names
    /// the same body again and again: the trigram index need not read it twice), in the order
    /// met; nil when there are none.
    static func names(_ folded: [String]) -> String? {
        // Kept once each as a `Set<String>` would keep them, by their bytes (`FormSet`): hashing a
        // Cyrillic `String` costs far more.
        var seen = Folding.FormSet()
        let once = folded.filter { seen.insert($0) }
        return once.isEmpty ? nil : once.joined(separator: PostgresSchema.nameSeparator)
    }

    /// The keys the place filter matches a record by: its event's places, or, when the event
    /// names none, its place entities' names (as `ArchiveIndex.search` decides), sorted, once
    /// each; nil when there are none.
    static func placeKeys(of r: Jarya.Record) -> [String]? {
        let event = r.event?.places ?? []
        let names =
            event.isEmpty ? r.entities.filter { $0.type == .place }.compactMap { EntityColumns($0).name } : event
        let keys = Set(names.map(asciiLower)).sorted()
        return keys.isEmpty ? nil : keys
    }

    /// A day span as an `int4range` literal of YYYYMMDD numbers, both days included; the
    /// numbers sort as the days do.
    static func dayRange(_ span: (first: String, last: String)) -> String {
        "[\(dayNumber(span.first)),\(dayNumber(span.last))]"
    }

    /// `2020-03-01` as 20200301.
    static func dayNumber(_ day: String) -> Int { Int(day.filter(\.isNumber)) ?? 0 }

    /// A `text[]` literal: every element quoted, `"` and `\` escaped.
    static func arrayLiteral(_ values: [String]?) -> String? {
        values.map { v in
            "{"
                + v.map {
                    "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                        + "\""
                }
                .joined(separator: ",") + "}"
        }
    }

    final class RowSlots: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var results: [(rows: Rows, fts: [UInt8])?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
        func set(_ k: Int, _ r: (rows: Rows, fts: [UInt8])) { lock.lock(); results[k] = r; lock.unlock() }
    }

    /// JSON without `\u0000`, which `jsonb` refuses (the NUL is dropped, as from the other
    /// columns). Most records have none: they are not copied, and only their backslashes are
    /// looked at (`memchr`).
    static func withoutNUL(_ json: String) -> String {
        var json = json
        let hasNUL = json.withUTF8 { bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            var k = 0
            while k < bytes.count, let hit = memchr(base + k, Int32(UInt8(ascii: "\\")), bytes.count - k) {
                k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if k + 6 <= bytes.count, memcmp(base + k + 1, "u0000", 5) == 0 { return true }
                k += 2  // an escaped character: `\\u0000` is not a NUL
            }
            return false
        }
        return hasNUL ? json.replacingOccurrences(of: #"\u0000"#, with: "") : json
    }

    /// SQLite's `lower()`: ASCII letters only, as the SQLite archive's place filter compares.
    static func asciiLower(_ s: String) -> String {
        guard s.utf8.contains(where: { (65...90).contains($0) }) else { return s }
        return String(decoding: s.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
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

/// What an index run learns once and keeps from batch to batch: each worker's lexicon (stems,
/// `Folding.forms(ofFolded:lexicon:)`) and word cutter (`WordCutter`), and the folded names.
/// One per archive connection, handed to each batch: nothing global.
final class IndexScratch: @unchecked Sendable {
    /// One worker's tools; a worker takes a set and gives it back when its share is done.
    struct Tools {
        var lexicon = Lexicon()
        var cutter = WordCutter()
        /// The buffer each document's words are cut into.
        var words = CutWords()
    }

    let folds = FoldCache()
    private let lock = NSLock()
    private var idle: [Tools] = []

    func take() -> Tools {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast() ?? Tools()
    }

    func give(_ tools: Tools) { lock.lock(); idle.append(tools); lock.unlock() }
}

/// The folded names of organizations and persons, which recur from release to release: each
/// folded once per run.
final class FoldCache: @unchecked Sendable {
    private let lock = NSLock()
    /// Keyed by the name's bytes (`WordKey`), not by `String`'s Unicode-aware hashing: a name
    /// spelt with other bytes for the same characters is folded again, to the same text
    /// (`Folding.fold` puts it in NFC first).
    private var folded: [WordKey: String] = [:]

    func fold(_ s: String) -> String {
        let key = WordKey(s)
        lock.lock()
        if let hit = folded[key] { lock.unlock(); return hit }
        lock.unlock()
        let value = Folding.fold(s)
        lock.lock()
        // Bounded: a run over millions of releases keeps the commonest names it met first.
        if folded.count < 200_000 { folded[key] = value }
        lock.unlock()
        return value
    }
}

/// A column of nullable text values in PostgreSQL's binary array format (`text[]`), which
/// postgres-nio's own arrays cannot hold (no NULL elements). U+0000, which PostgreSQL text
/// cannot hold, is left out.
struct TextColumn: PostgresNonThrowingEncodable {
    static var psqlType: PostgresDataType { .textArray }
    static var psqlFormat: PostgresFormat { .binary }
    var values: [String?]

    func encode<E: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<E>) {
        buffer.writeInteger(Int32(1))  // dimensions
        buffer.writeInteger(Int32(values.contains(nil) ? 1 : 0))
        buffer.writeInteger(Int32(bitPattern: PostgresDataType.text.rawValue))
        buffer.writeInteger(Int32(values.count))
        buffer.writeInteger(Int32(1))  // lower bound
        for value in values {
            guard var value else { buffer.writeInteger(Int32(-1)); continue }
            value.withUTF8 { utf8 in
                // memchr finds a NUL, if any, faster than a look at each byte.
                guard let base = utf8.baseAddress, memchr(base, 0, utf8.count) != nil else {
                    buffer.writeInteger(Int32(utf8.count))
                    buffer.writeBytes(utf8)
                    return
                }
                let kept = utf8.filter { $0 != 0 }
                buffer.writeInteger(Int32(kept.count))
                buffer.writeBytes(kept)
            }
        }
    }
}

/// A column of `tsvector` values already in PostgreSQL's binary format (`Lexemes.binary`), sent
/// as a binary `tsvector[]`.
struct TSVectorColumn: PostgresNonThrowingEncodable {
    /// `tsvector[]` and `tsvector`, PostgreSQL's built-in type ids.
    static let arrayOID: UInt32 = 3643
    static let elementOID: Int32 = 3614
    static var psqlType: PostgresDataType { PostgresDataType(arrayOID) }
    static var psqlFormat: PostgresFormat { .binary }
    var values: [[UInt8]]

    func encode<E: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<E>) {
        buffer.writeInteger(Int32(1))  // dimensions
        buffer.writeInteger(Int32(0))  // no NULLs
        buffer.writeInteger(Self.elementOID)
        buffer.writeInteger(Int32(values.count))
        buffer.writeInteger(Int32(1))  // lower bound
        for value in values {
            buffer.writeInteger(Int32(value.count))
            buffer.writeBytes(value)
        }
    }
}
