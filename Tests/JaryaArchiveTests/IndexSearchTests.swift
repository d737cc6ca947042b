import Foundation
import Jarya
@testable import JaryaArchive
import Testing

/// The project's corpus indexed once into a temporary archive.
enum CorpusArchive {
    /// The package root, from this file's path: Tests/JaryaArchiveTests/IndexSearchTests.swift.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("corpus")
    /// The place glossary that `--place` filters resolve with.
    static let places = Glossaries.forTests.places

    static func temporaryDB(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-archive-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    static let shared: Result<ArchiveIndex, any Error> = Result {
        let archive = try ArchiveIndex(path: temporaryDB("corpus.sqlite"))
        let summary = try archive.index(paths: [corpus.path], processor: .forTests, jobs: 2)
        guard summary.failures.isEmpty else { throw ArchiveError("corpus failures: \(summary.failures)") }
        return archive
    }

    static func archive() throws -> ArchiveIndex { try shared.get() }

    /// Release names (file names without extension) of records.
    static func names(_ records: [Record]) -> [String] {
        records.map { URL(fileURLWithPath: $0.source.path).deletingPathExtension().lastPathComponent }
    }

    /// Gold files: release name → the gold JSON object.
    static func gold() throws -> [String: [String: Any]] {
        var result: [String: [String: Any]] = [:]
        let walker = FileManager.default.enumerator(atPath: corpus.path)!
        while let rel = walker.nextObject() as? String {
            guard rel.hasSuffix(".gold.json") else { continue }
            let name = String(URL(fileURLWithPath: rel).lastPathComponent.dropLast(".gold.json".count))
            let data = try Data(contentsOf: corpus.appendingPathComponent(rel))
            result[name] = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        }
        return result
    }
}

@Suite("Archive index and search over corpus/")
struct IndexSearchTests {
    @Test("--place Bishkek --from 2022-01-01 returns exactly the gold's Bishkek events from 2022 on")
    func bishkekFrom2022() throws {
        // Expected from the gold files, not from jarya: the event is in Bishkek and does not
        // end before 2022-01-01 (an open end runs on).
        var expected: Set<String> = []
        for (name, gold) in try CorpusArchive.gold() {
            guard let event = gold["event"] as? [String: Any], let places = event["places"] as? [String],
                places.contains("Bishkek"), let start = event["start"] as? String
            else { continue }
            let end = event["end"] as? String
            if end.map({ $0 >= "2022-01-01" || ($0.count < 10 && "\($0)-12-31" >= "2022-01-01") }) ?? true {
                expected.insert(name)
            }
            _ = start
        }
        #expect(expected.count >= 3, "the corpus gold should have several Bishkek events from 2022 on: \(expected)")
        let hits = try CorpusArchive.archive().search(
            SearchQuery(place: "Bishkek", places: CorpusArchive.places, from: "2022-01-01"))
        let names = CorpusArchive.names(hits)
        #expect(Set(names) == expected)
        #expect(names.count == Set(names).count, "one row per release")
        // Sorted by event start, then path.
        let keys = hits.map { ($0.event?.start ?? "") + "\t" + $0.source.path }
        #expect(keys == keys.sorted())
    }

    @Test(
        "a place in any language or case form gives the same results",
        arguments: ["Бишкекте", "Бишкек", "bishkek", "в Бишкеке", "БИШКЕКТЕГИ", "Бишкека"])
    func placeForms(_ place: String) throws {
        let archive = try CorpusArchive.archive()
        let english = try archive.search(
            SearchQuery(place: "Bishkek", places: CorpusArchive.places, from: "2022-01-01")
        ).map(\.id)
        #expect(!english.isEmpty)
        #expect(
            try archive.search(SearchQuery(place: place, places: CorpusArchive.places, from: "2022-01-01")).map(\.id)
                == english)
        #expect(PlaceResolver.canonicalNames(place, in: CorpusArchive.places) == ["Bishkek"])
    }

    @Test("other places and date ranges: --to, month and year precision")
    func dateRanges() throws {
        let archive = try CorpusArchive.archive()
        // ky08 runs 2024-02-26…2024-03-01: it overlaps March 2024 but not 2024-03-02 on.
        #expect(
            CorpusArchive.names(
                try archive.search(
                    SearchQuery(place: "Каракол", places: CorpusArchive.places, from: "2024-03", to: "2024-03"))
            )
            .contains("ky08_karakol_teachers_training"))
        #expect(
            !CorpusArchive.names(
                try archive.search(
                    SearchQuery(place: "Karakol", places: CorpusArchive.places, from: "2024-03-02", to: "2024"))
            )
            .contains("ky08_karakol_teachers_training"))
        let upTo2016 = CorpusArchive.names(try archive.search(SearchQuery(to: "2016")))
        #expect(upTo2016 == ["ru02_karakol_jica_water_meeting"])
        #expect(throws: ArchiveError.self) { try archive.search(SearchQuery(from: "last year")) }
    }

    @Test("a Kyrgyz word in another case form finds the release")
    func kyrgyzCaseForms() throws {
        let archive = try CorpusArchive.archive()
        // The Osh release writes китептер/китеп…; ask for the dative and the genitive.
        for q in ["китепке", "китептин", "КИТЕП"] {
            #expect(
                CorpusArchive.names(try archive.search(SearchQuery(text: q))).contains("ky06_osh_book_week"), "\(q)")
        }
        // The teachers' release: мугалим in the plural, asked in the dative.
        #expect(
            CorpusArchive.names(try archive.search(SearchQuery(text: "мугалимге"))).contains(
                "ky08_karakol_teachers_training"))
        // Russian declension too.
        #expect(
            CorpusArchive.names(try archive.search(SearchQuery(text: "ледникам"))).contains(
                "ru01_bishkek_glacier_atlas"))
        // Phrases and prefixes keep their FTS meaning; a word nowhere in the corpus finds nothing.
        #expect(
            CorpusArchive.names(try archive.search(SearchQuery(text: "\"тегерек стол\""))) == [
                "ky07_bishkek_energy_round_table"
            ])
        #expect(
            Set(CorpusArchive.names(try archive.search(SearchQuery(text: "энергоэффектив*"))))
                .isSuperset(of: ["ru07_bishkek_energy_round_table"]))
        #expect(try archive.search(SearchQuery(text: "жирафтар")).isEmpty)
    }

    @Test("case and Latin lookalike letters do not matter")
    func lookalikes() throws {
        let archive = try CorpusArchive.archive()
        let plain = try archive.search(SearchQuery(text: "климаттын")).map(\.id)
        #expect(!plain.isEmpty)
        // Latin a, c (U+0061, U+0063) inside the Cyrillic word, and upper case.
        #expect(try archive.search(SearchQuery(text: "климaттын")).map(\.id) == plain)
        #expect(try archive.search(SearchQuery(text: "КЛИМАТТЫН")).map(\.id) == plain)
        let tables = try archive.search(SearchQuery(text: "тегерек")).map(\.id)
        #expect(!tables.isEmpty)
        #expect(try archive.search(SearchQuery(text: "Teгepeк")).map(\.id) == tables)
        #expect(Folding.fold("Бишкeк ЁЛКА ɵзгɵрүү ӊ") == "бишкек елка өзгөрүү ң")
        #expect(Folding.fold("IT-центр Bishkek") == "it-центр bishkek", "Latin words stay Latin")
    }

    @Test("--lang ky and ru also match bilingual releases; ky+ru only those")
    func languages() throws {
        let archive = try CorpusArchive.archive()
        let ky = try archive.search(SearchQuery(language: "ky"))
        let ru = try archive.search(SearchQuery(language: "ru"))
        let both = try archive.search(SearchQuery(language: "ky+ru"))
        #expect(ky.allSatisfy { $0.language == .kyrgyz || $0.language == .kyrgyzRussian })
        #expect(ru.allSatisfy { $0.language == .russian || $0.language == .kyrgyzRussian })
        #expect(!both.isEmpty && both.allSatisfy { $0.language == .kyrgyzRussian })
        #expect(ky.count + ru.count - both.count == (try archive.count()))
        let ruBishkek = CorpusArchive.names(
            try archive.search(SearchQuery(place: "Бишкек", places: CorpusArchive.places, from: "2022", language: "ru"))
        )
        #expect(
            Set(ruBishkek) == [
                "ru01_bishkek_glacier_atlas", "ru05_bishkek_nooruz_food_festival",
                "ru07_bishkek_energy_round_table", "kyru01_bishkek_green_youth_forum",
                "names-ru01_ticker_autumn_fair", "real-ru04_bishkek_capital_parks",
            ])
        #expect(throws: ArchiveError.self) { try archive.search(SearchQuery(language: "en")) }
    }

    @Test("--org and --person match names case-insensitively by substring")
    func organizationsAndPersons() throws {
        let archive = try CorpusArchive.archive()
        let records = try archive.records()
        // Take an organization and a person the records have, and ask in another letter case.
        let withOrg = try #require(
            records.first { r in r.entities.contains { $0.type == .organization && ($0.name?.count ?? 0) > 8 } })
        let org = try #require(withOrg.entities.first { $0.type == .organization && ($0.name?.count ?? 0) > 8 }?.name)
        let orgPart = String(org.dropFirst(2).prefix(6)).uppercased()
        #expect(try archive.search(SearchQuery(organization: orgPart)).map(\.id).contains(withOrg.id))
        let withPerson = try #require(records.first { r in r.entities.contains { $0.type == .person } })
        let person = try #require(withPerson.entities.first { $0.type == .person }?.name)
        let surname = String(person.split(separator: " ").last!).lowercased()
        #expect(try archive.search(SearchQuery(person: surname)).map(\.id).contains(withPerson.id))
        #expect(try archive.search(SearchQuery(person: "Жирафов")).isEmpty)
    }

    @Test("output formats: aligned table, JSON Lines, CSV")
    func formats() throws {
        let hits = try CorpusArchive.archive().search(
            SearchQuery(place: "Bishkek", places: CorpusArchive.places, from: "2022-01-01"))
        let table = SearchOutput.table(hits).split(separator: "\n").map(String.init)
        #expect(table.count == hits.count + 1)
        #expect(table[0].hasPrefix("ID"))
        // Every title starts in the same column.
        let titleColumn = table[0].distance(from: table[0].startIndex, to: table[0].range(of: "TITLE")!.lowerBound)
        for (line, r) in zip(table.dropFirst(), hits) {
            #expect(line.hasPrefix(r.id))
            #expect(String(line.dropFirst(titleColumn)) == r.title)
        }
        let json = SearchOutput.jsonLines(hits).split(separator: "\n")
        #expect(json.count == hits.count)
        for (line, r) in zip(json, hits) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["id"] as? String == r.id)
            #expect(object["path"] as? String == r.source.path)
            #expect((object["event"] as? [String: Any])?["places"] as? [String] == ["Bishkek"])
        }
        let csv = SearchOutput.csv(hits).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(csv.first == "id,path,language,published,kind,start,end,time,places,title,translation,translation_path")
        #expect(csv.count == hits.count + 1)
    }

    @Test("re-indexing replaces a document's rows; .jsonl files are read as records")
    func reindex() throws {
        let archive = try ArchiveIndex(path: CorpusArchive.temporaryDB("reindex.sqlite"))
        let file = CorpusArchive.corpus.appendingPathComponent("ru/ru01_bishkek_glacier_atlas.txt").path
        _ = try archive.index(paths: [file], processor: .forTests)
        func counts() throws -> [Int] {
            try archive.database.read { db in
                try ["documents", "events", "event_places", "event_organizations", "entities", "documents_fts"].map {
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")!
                }
            }
        }
        let first = try counts()
        #expect(first[0] == 1 && first[1] == 1 && first[4] > 0 && first[5] == 1)
        _ = try archive.index(paths: [file, file], processor: .forTests)
        #expect(try counts() == first)
        // The same record through JSON Lines replaces it too.
        let record = try #require(try archive.records().first)
        let jsonl = URL(fileURLWithPath: CorpusArchive.temporaryDB("records.jsonl"))
        try JSONLinesEncoder().line(record).write(to: jsonl)
        let summary = try archive.index(paths: [jsonl.path], processor: .forTests)
        #expect(summary.stored == 1)
        #expect(try counts() == first)
        #expect(try archive.search(SearchQuery(text: "ледников")).map(\.id) == [record.id])
    }

    @Test("limit: the first records of the search's order, no more")
    func limit() throws {
        let archive = try CorpusArchive.archive()
        let all = try archive.search(SearchQuery(text: "Бишкек"))
        #expect(all.count > 3)
        #expect(try archive.search(SearchQuery(text: "Бишкек", limit: 3)).map(\.id) == all.prefix(3).map(\.id))
        #expect(
            try archive.search(SearchQuery(limit: 2)).map(\.id) == archive.search(SearchQuery()).prefix(2).map(\.id))
        #expect(try archive.search(SearchQuery(text: "Бишкек", limit: 0)).isEmpty)
    }
}
