import Foundation
import Jarya
@testable import JaryaArchive
import Testing

/// Schema version 3: the search order and the filters on `documents` alone, so that a page of
/// results is read in order from one index.
extension PostgresArchiveTests {
    /// Each document's version-3 columns, places sorted, one line per document in id order.
    func orderColumns(_ archive: PostgresArchive) throws -> [String] {
        try archive.run(
            """
            SELECT concat_ws('|', id, first_day, last_day, start, days::text,
                             (SELECT string_agg(p, ',' ORDER BY p) FROM unnest(places) AS p)) FROM documents ORDER BY id
            """
        ).map { try $0.decode(String.self) }
    }

    @Test(
        "A version-2 archive is brought to version 3: sort values, day spans and places as the writer makes them, searches as SQLite's"
    )
    func upgradeFromVersion2() throws {
        let sqlite = try CorpusArchive.archive()
        let records = try sqlite.records()
        let url = try TestPostgres.freshDatabase()
        let old = try PostgresArchive(url: url, writing: true, schema: 2)
        try store(records, asVersion: 2, in: old)
        let archive = try PostgresArchive(url: url, writing: true)
        #expect(try archive.currentVersion() == PostgresArchive.schemaVersion)
        let fresh = try PostgresArchive(url: try TestPostgres.freshDatabase(), writing: true)
        try fresh.upsert(records)
        let migrated = try orderColumns(archive)
        #expect(migrated == (try orderColumns(fresh)))
        // Some documents have a dated event with places, some have only place entities.
        #expect(migrated.contains { $0.contains("bishkek") } && migrated.contains { $0.contains("[20") })
        // The indexes only the old filters read are gone: writers no longer keep them.
        let indexes = try archive.run("SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public'").map {
            try $0.decode(String.self)
        }
        #expect(
            indexes.contains("documents_order") && !indexes.contains("entities_type_name")
                && !indexes.contains("event_places_place"))
        for var q in Self.queries(from: records) {
            #expect(try archive.search(q).map(\.id) == (try sqlite.search(q).map(\.id)), "\(q)")
            q.limit = 3
            #expect(try archive.search(q).map(\.id) == (try sqlite.search(q).map(\.id)), "limit 3: \(q)")
        }
    }

    @Test(
        "A version-3 archive is brought to version 4: the text column goes, the full-text index keeps 16 MB of new entries, searches stay SQLite's"
    )
    func upgradeFromVersion3() throws {
        let sqlite = try CorpusArchive.archive()
        let records = try sqlite.records()
        let url = try TestPostgres.freshDatabase()
        let old = try PostgresArchive(url: url, writing: true, schema: 3)
        try store(records, asVersion: 3, in: old)
        let archive = try PostgresArchive(url: url, writing: true)
        #expect(try archive.currentVersion() == PostgresArchive.schemaVersion)
        let columns = try archive.run(
            "SELECT column_name::text FROM information_schema.columns WHERE table_name = 'documents'"
        ).map { try $0.decode(String.self) }
        #expect(columns.contains("record") && !columns.contains("text"))
        let options = try archive.run(
            "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'documents_fts'"
        ).first?.decode(String.self)
        #expect(options == "gin_pending_list_limit=16384")
        for q in Self.queries(from: records) where q.text != nil {
            #expect(try archive.search(q).map(\.id) == (try sqlite.search(q).map(\.id)), "\(q)")
        }
        // A document stored after the upgrade: its row without the column, found by its words.
        var later = records[0]
        later.id = "after-upgrade"
        later.source.path = "after-upgrade.txt"
        later.text = "Каракол шаарында тоо лыжа мелдеши өттү. " + later.text
        try archive.upsert([later])
        #expect(try archive.search(SearchQuery(text: "лыжа мелдеши")).map(\.id) == ["after-upgrade"])
    }

    @Test(
        "--from: events that began before the day and last into it come first, then those that begin on it or later, as in SQLite"
    )
    func fromDayLongEvents() throws {
        let base = try #require(try CorpusArchive.archive().records().first { $0.event != nil })
        // A Kyrgyz forum running over the new year, a Russian seminar in January, a December
        // exhibition that ended before it, and an open-ended programme begun in 2019.
        let spans: [(String, String?, String?)] = [
            ("forum", "2019-12-28", "2020-01-03"), ("seminar", "2020-01-15", nil),
            ("exhibition", "2019-12-01", "2019-12-20"),
            ("programme", "2019-06", nil), ("spring", "2020-03-01", "2020-03-02"), ("undated", nil, nil),
        ]
        let records: [Jarya.Record] = spans.enumerated().map { k, span in
            var r = base
            r.id = "from-\(span.0)"
            r.source.path = "releases/\(k)-\(span.0).txt"
            r.event?.start = span.1
            r.event?.end = span.2
            r.event?.places = ["Bishkek"]
            return r
        }
        let sqlite = try ArchiveIndex(path: CorpusArchive.temporaryDB("from.sqlite"))
        try sqlite.upsert(records)
        let postgres = try PostgresArchive(url: try TestPostgres.freshDatabase(), writing: true)
        try postgres.upsert(records)
        let query = SearchQuery(place: "Бишкек", places: CorpusArchive.places, from: "2020-01-01", to: "2020-02")
        let expected = ["from-programme", "from-forum", "from-seminar"]
        #expect(try sqlite.search(query).map(\.id) == expected)
        #expect(try postgres.search(query).map(\.id) == expected)
        for limit in [1, 2] {
            var page = query
            page.limit = limit
            #expect(try postgres.search(page).map(\.id) == Array(expected.prefix(limit)))
        }
        var open = SearchQuery(from: "2020-02-01")
        #expect(try postgres.search(open).map(\.id) == (try sqlite.search(open).map(\.id)))
        open.limit = 1
        #expect(try postgres.search(open).map(\.id) == ["from-programme"])
    }

    @Test("A page of results is read in the search order from documents_order, for every kind of query")
    func pageReadsTheOrderIndex() throws {
        let archive = try Self.shared.get()
        let queries = [
            SearchQuery(text: "жаштар", limit: 20), SearchQuery(text: "ледников", limit: 20),
            SearchQuery(organization: "ПРООН", limit: 20),
            SearchQuery(place: "Бишкек", places: CorpusArchive.places, from: "2020-01-01", to: "2020-12-31", limit: 20),
            SearchQuery(place: "Ош", places: CorpusArchive.places, limit: 20), SearchQuery(to: "2022", limit: 20),
        ]
        // Without sorting, the only way to the order is the index whose key is the order.
        try archive.run("SET enable_sort = off")
        defer { _ = try? archive.run("RESET enable_sort") }
        for q in queries {
            let (sql, values) = try PostgresArchive.statement(q)
            let plan = try archive.run("EXPLAIN " + sql, values).map { try $0.decode(String.self) }.joined(
                separator: "\n")
            #expect(plan.contains("Scan using documents_order"), "\(q)\n\(plan)")
        }
    }
}
