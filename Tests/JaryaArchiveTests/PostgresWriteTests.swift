import Foundation
import Jarya
@testable import JaryaArchive
import Testing

extension PostgresArchiveTests {
    /// Rows per table of the documents with these ids.
    func rowCounts(_ archive: PostgresArchive, ids: [String]) throws -> [Int] {
        try ["documents", "events", "event_places", "event_organizations", "entities"].map { table in
            let column = table == "documents" ? "id" : "document_id"
            return Int(
                try archive.run("SELECT count(*)::int8 FROM \(table) WHERE \(column) = ANY($1::text[])", [.texts(ids)])
                    .first!.decode(Int64.self))
        }
    }

    @Test("Replacing a document replaces its rows in every table: none left under the old id, none doubled")
    func replaceDeletesEveryRow() throws {
        let archive = try PostgresArchive(url: try TestPostgres.freshDatabase(), writing: true)
        let records = try CorpusArchive.archive().records().filter { $0.event != nil && !$0.entities.isEmpty }.prefix(4)
        try archive.upsert(Array(records))
        let before = try rowCounts(archive, ids: records.map(\.id))
        #expect(before[0] == 4 && before[1] == 4 && before[4] > 4)
        try archive.upsert(Array(records))
        #expect(try rowCounts(archive, ids: records.map(\.id)) == before)
        // The same path under another id: the old id's rows go from every table.
        var moved = records.first!
        let old = moved.id
        let itsRows = try rowCounts(archive, ids: [old])
        moved.id = "moved-\(old)"
        try archive.upsert([moved])
        #expect(try rowCounts(archive, ids: [old]) == [0, 0, 0, 0, 0])
        #expect(try rowCounts(archive, ids: [moved.id]) == itsRows)
    }

    @Test("NULL values and U+0000 in a record are stored: text without the NUL, NULL columns as NULL")
    func nullsAndNUL() throws {
        let archive = try PostgresArchive(url: try TestPostgres.freshDatabase(), writing: true)
        var record = try #require(try CorpusArchive.archive().records().first { $0.event != nil })
        record.title = nil
        record.summary = nil
        record.text = "Бишкекте\u{0} жаштар форуму өтөт.\n" + record.text
        try archive.upsert([record])
        let row = try #require(
            try archive.run(
                "SELECT title IS NULL, summary IS NULL, strpos(record->>'text', 'Бишкекте жаштар')::int8 FROM documents"
            ).first)
        let (noTitle, noSummary, at) = try row.decode((Bool, Bool, Int64).self)
        #expect(noTitle && noSummary && at == 1)
        #expect(try archive.search(SearchQuery(text: "жаштар форуму")).map(\.id) == [record.id])
    }

    @Test(
        "A version-1 archive is brought through version 2 to the current one: documents stay, foreign keys go, replacing leaves no rows behind"
    )
    func upgradeFromVersion1() throws {
        let url = try TestPostgres.freshDatabase()
        let records = Array(try CorpusArchive.archive().records().prefix(6))
        let old = try PostgresArchive(url: url, writing: true, schema: 1)
        #expect(try old.currentVersion() == 1)
        try store(records, asVersion: 1, in: old)
        #expect(
            try old.run("SELECT count(*)::int8 FROM pg_constraint WHERE contype = 'f'").first!.decode(Int64.self) == 4)
        let archive = try PostgresArchive(url: url, writing: true)
        #expect(try archive.currentVersion() == PostgresArchive.schemaVersion)
        #expect(
            try archive.run("SELECT count(*)::int8 FROM pg_constraint WHERE contype = 'f'").first!.decode(Int64.self)
                == 0)
        #expect(try archive.count() == 6)
        // The names the organization and person filters read were filled in from the entities.
        for query in [
            SearchQuery(place: "Бишкек", places: CorpusArchive.places), SearchQuery(organization: "министрлиг"),
            SearchQuery(organization: "ПРООН"), SearchQuery(person: "Жапаров"),
        ] {
            let expected = try CorpusArchive.archive().search(query).filter { r in records.contains { $0.id == r.id } }
                .map(\.id)
            #expect(try archive.search(query).map(\.id) == expected, "\(query)")
        }
        #expect(
            try archive.run("SELECT count(*)::int8 FROM documents WHERE organizations IS NOT NULL").first!.decode(
                Int64.self) > 0)
        var moved = records[0]
        moved.id = "moved-\(records[0].id)"
        try archive.upsert([moved])
        #expect(try rowCounts(archive, ids: [records[0].id]) == [0, 0, 0, 0, 0])
    }

    @Test("A connection the server ended while idle: the next upsert fails at once with one line (69), not a hang")
    func idleConnectionEnded() throws {
        let url = try TestPostgres.freshDatabase()
        let archive = try PostgresArchive(url: url, writing: true)
        let other = try PostgresArchive(url: url, writing: false)
        let pid = try archive.run("SELECT pg_backend_pid()::int8").first!.decode(Int64.self)
        try other.run("SELECT pg_terminate_backend($1::int4)", [.int(Int(pid))])
        Thread.sleep(forTimeInterval: 0.5)
        let records = Array(try CorpusArchive.archive().records().prefix(3))
        let outcome = ErrorBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            do { try archive.upsert(records) } catch { outcome.add(error) }
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 30) == .success, "the upsert hung")
        let failure = try #require(outcome.errors.first)
        #expect(failure.contains("was lost") && !failure.contains("\n"), "\(failure)")
        #expect(try other.count() == 0)
        // A new connection stores them.
        try PostgresArchive(url: url, writing: true).upsert(records)
        #expect(try other.count() == 3)
    }

    @Test("limit on PostgreSQL: the same first records as SQLite's, for text, place plus dates and organization")
    func limitMatchesSQLite() throws {
        let sqlite = try CorpusArchive.archive()
        let postgres = try PostgresArchive(url: try TestPostgres.freshDatabase(), writing: true)
        try postgres.upsert(try sqlite.records())
        for var query in [
            SearchQuery(text: "Бишкек"), SearchQuery(place: "Бишкек", places: CorpusArchive.places, from: "2020"),
            SearchQuery(organization: "ПРООН"), SearchQuery(),
        ] {
            query.limit = 3
            let expected = try sqlite.search(query).map(\.id)
            #expect(expected.count <= 3)
            #expect(try postgres.search(query).map(\.id) == expected)
        }
    }

    /// Stores records as an archive of an older schema version held them: `documents` without
    /// the columns later versions added (version 1: no `organizations` and `persons`; version
    /// 2: no sort values, day span and places).
    func store(_ records: [Jarya.Record], asVersion version: Int, in archive: PostgresArchive) throws {
        var tools = IndexScratch.Tools()
        let folds = FoldCache()
        let rows = records.map { PostgresBatch.rows(of: $0, tools: &tools, folds: folds) }
        // Text columns up to `record` (version 1; its `text` column is left NULL), then
        // `organizations` and `persons` (version 2).
        let documentColumns = [1: 8, 2: 10][version] ?? PostgresBatch.documents.columns.count
        // Versions 1 to 4: the child tables with the derived columns version 5 dropped, which
        // the migrations to versions 2 and 3 read.
        let legacy = version < 5 ? Self.legacyChildRows(records, folds: folds) : [:]
        for (t, table) in PostgresBatch.tables.enumerated() {
            var columns = t == 0 ? Array(table.columns.prefix(documentColumns)) : table.columns
            var tableRows = rows.flatMap { $0.rows[t] }
            if let (extra, extraRows) = legacy[t] {
                columns += extra.map { ($0, nil) }
                tableRows = extraRows
            }
            var values = Array(repeating: [String?](), count: columns.count)
            for row in tableRows {
                for c in columns.indices { values[c].append(row[c]) }
            }
            if !values[0].isEmpty {
                var binds = values.map { PostgresArchive.Value.column(TextColumn(values: $0)) }
                if table.vector != nil { binds.append(.vectors(TSVectorColumn(values: rows.map(\.fts)))) }
                try archive.run(
                    PostgresBatch.Table(name: table.name, columns: columns, vector: table.vector).sql, binds)
            }
        }
    }
}

extension PostgresArchiveTests {
    /// The rows of `event_places`, `event_organizations` and `entities` (by their index in
    /// `PostgresBatch.tables`) as versions 1 to 4 held them: the writer's columns, then the
    /// derived ones named here, made as the writer of those versions made them.
    static func legacyChildRows(_ records: [Jarya.Record], folds: FoldCache) -> [Int: (
        [String], PostgresBatch.Rows.Element
    )] {
        var places: [[String?]] = [], organizations: [[String?]] = [], entities: [[String?]] = []
        for r in records {
            if let e = r.event {
                for p in e.places { places.append([r.id, p, PostgresBatch.asciiLower(p)]) }
                for (role, names) in [("organizer", e.organizers), ("funder", e.funders), ("partner", e.partners)] {
                    for n in names { organizations.append([r.id, role, n, folds.fold(n)]) }
                }
            }
            for x in r.entities {
                let named = x.type == .organization || x.type == .person
                let c = EntityColumns(x)
                entities.append([
                    r.id, x.type.rawValue, x.text, c.start, c.end, c.name, c.kind, c.country, c.acronym, c.role,
                    c.value,
                    String(x.span.start), String(x.span.end), c.name.map(PostgresBatch.asciiLower),
                    named ? c.name.map(folds.fold) : nil, named ? folds.fold(x.text) : nil,
                    named ? c.acronym.map(folds.fold) : nil,
                ])
            }
        }
        return [
            2: (["place_key"], places), 3: (["name_folded"], organizations),
            4: (["name_key", "name_folded", "text_folded", "acronym_folded"], entities),
        ]
    }

    @Test(
        "Rows sent by COPY keep tabs, backslashes, line breaks and \\N in names as they are; U+0000 is left out; NULL stays NULL"
    )
    func copyEscaping() throws {
        let archive = try PostgresArchive(url: try TestPostgres.freshDatabase(), writing: true)
        var record = try #require(
            try CorpusArchive.archive().records().first { r in
                r.event.map { !$0.organizers.isEmpty && !$0.places.isEmpty } ?? false
                    && r.entities.contains { $0.type == .organization }
            })
        let odd = "Фонд\t«Таза\\Суу»\nжана\r\\N \\t\u{0}аягы"
        record.event!.organizers[0] = odd
        record.event!.places[0] = "Ош\tшаары\\"
        let k = try #require(record.entities.firstIndex { $0.type == .organization })
        record.entities[k].text = odd
        try archive.upsert([record])
        let stored = odd.replacingOccurrences(of: "\u{0}", with: "")
        let names = try archive.run(
            "SELECT name FROM event_organizations WHERE document_id = $1 AND role = 'organizer'", [.text(record.id)]
        ).map { try $0.decode(String.self) }
        #expect(names.contains(stored))
        let places = try archive.run("SELECT place FROM event_places WHERE document_id = $1", [.text(record.id)])
            .map { try $0.decode(String.self) }
        #expect(places.contains("Ош\tшаары\\"))
        let texts = try archive.run(
            "SELECT text FROM entities WHERE document_id = $1 AND span_start = $2",
            [.text(record.id), .int(record.entities[k].span.start)]
        ).map { try $0.decode(String.self) }
        #expect(texts == [stored])
        // An entity's absent fields stay NULL (not the text `\N`), and its numbers are numbers.
        let row = try #require(
            try archive.run(
                "SELECT count(*) FILTER (WHERE country IS NULL)::int8, count(*) FILTER (WHERE country = '\\N')::int8, min(span_start)::int8 FROM entities WHERE document_id = $1",
                [.text(record.id)]
            ).first)
        let (nulls, literal, first) = try row.decode((Int64, Int64, Int64).self)
        #expect(nulls > 0 && literal == 0 && first == Int64(record.entities.map(\.span.start).min()!))
        #expect(
            try rowCounts(archive, ids: [record.id]) == [
                1, 1, record.event!.places.count,
                record.event!.organizers.count + record.event!.funders.count + record.event!.partners.count,
                record.entities.count,
            ])
    }

    @Test(
        "A version-4 archive is brought to version 5: the derived child columns go, rows and searches stay, a new document is stored without them"
    )
    func upgradeFromVersion4() throws {
        let sqlite = try CorpusArchive.archive()
        let records = try sqlite.records()
        let url = try TestPostgres.freshDatabase()
        let old = try PostgresArchive(url: url, writing: true, schema: 4)
        try store(records, asVersion: 4, in: old)
        func columns(_ archive: PostgresArchive) throws -> [String] {
            try archive.run(
                """
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_name IN ('entities', 'event_organizations', 'event_places') ORDER BY 1
                """
            ).map { try $0.decode(String.self) }
        }
        let before = try columns(old)
        #expect(before.contains("entities.name_folded") && before.contains("event_places.place_key"))
        let counts = try rowCounts(old, ids: records.map(\.id))
        let archive = try PostgresArchive(url: url, writing: true)
        #expect(try archive.currentVersion() == 5)
        let dropped = [
            "entities.name_key", "entities.name_folded", "entities.text_folded", "entities.acronym_folded",
            "event_organizations.name_folded", "event_places.place_key",
        ]
        #expect(try columns(archive) == before.filter { !dropped.contains($0) })
        #expect(try rowCounts(archive, ids: records.map(\.id)) == counts)
        for q in PostgresArchiveTests.queries(from: records) {
            #expect(try archive.search(q).map(\.id) == (try sqlite.search(q).map(\.id)), "\(q)")
        }
        // A document stored after the upgrade: its rows in every table, found by its organization.
        var later = try #require(
            records.first { $0.event.map { !$0.organizers.isEmpty && !$0.places.isEmpty } ?? false })
        let organizer = later.event!.organizers[0]
        later.id = "after-v5"
        later.source.path = "after-v5.txt"
        try archive.upsert([later])
        #expect(try rowCounts(archive, ids: ["after-v5"]).allSatisfy { $0 > 0 })
        #expect(try archive.search(SearchQuery(organization: organizer)).map(\.id).contains("after-v5"))
    }

    @Test(
        "Records read from JSON Lines are stored from their lines as written: spacing, members Jarya does not know and \\u0000 make the same records"
    )
    func storedFromLines() throws {
        let records = Array(try CorpusArchive.archive().records().filter { $0.event != nil }.prefix(3))
        var withNUL = records[2]
        withNUL.text = "Бишкекте\u{0} жаштар форуму өтөт.\n" + withNUL.text
        let lines = [
            String(decoding: records[0].jsonBytes(), as: UTF8.self),
            // Spacing, and a member a later jarya may write.
            " " + String(decoding: records[1].jsonBytes().dropLast(), as: UTF8.self) + #" , "later": {"x": [1]} }"#,
            String(decoding: withNUL.jsonBytes(), as: UTF8.self),
        ]
        #expect(lines[2].contains(#"\u0000"#))
        let path = CorpusArchive.temporaryDB("records.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let archive = try PostgresArchive(url: try TestPostgres.freshDatabase(), writing: true)
        let summary = try archive.index(paths: [path], processor: .forTests)
        #expect(summary.stored == 3 && summary.failures.isEmpty)
        withNUL.text = withNUL.text.replacingOccurrences(of: "\u{0}", with: "")
        let expected = [records[0], records[1], withNUL].sorted { ($0.source.path, $0.id) < ($1.source.path, $1.id) }
        #expect(try archive.records() == expected)
        #expect(try archive.search(SearchQuery(text: "жаштар форуму")).map(\.id).contains(withNUL.id))
        // The stored JSON is the line's: the member Jarya does not know is kept in the jsonb.
        #expect(
            try archive.run("SELECT count(*)::int8 FROM documents WHERE record ? 'later'").first!.decode(Int64.self)
                == 1)
    }
}
