import Foundation
import Jarya
@testable import JaryaArchive
import Testing

extension PostgresArchiveTests {
    @Test("The binary tsvector a batch sends is the one the text of SQLite's words makes, for every corpus document")
    func binaryTSVectorOnServer() throws {
        let archive = try PostgresArchive(url: try TestPostgres.freshDatabase(), writing: true)
        let records = try CorpusArchive.archive().records()
        try archive.upsert(records)
        for r in records {
            let title = Folding.fold(r.title ?? r.event?.title ?? "")
            let text = Folding.fold(r.text)
            let forms = Folding.forms(ofFolded: title + "\n" + text).joined(separator: " ")
            let literal = FTSTokens.tsvector(title: title, text: text, forms: forms)
            let same = try archive.run(
                "SELECT fts = $1::tsvector AND length(fts) > 10 FROM documents WHERE id = $2",
                [.text(literal), .text(r.id)]
            ).first?.decode(Bool.self)
            #expect(same == true, "\(r.source.path)")
        }
    }

    @Test(
        "A batch with one id twice stores the later record once; a document with a word PostgreSQL refuses does not fail its batch"
    )
    func batchDuplicatesAndRefusedWord() throws {
        let archive = try PostgresArchive(url: try TestPostgres.freshDatabase(), writing: true)
        let records = Array(try CorpusArchive.archive().records().prefix(4))
        var first = records[0], again = records[0]
        first.title = "Талас шаарында китеп көргөзмөсү"
        again.title = "Таласта жаштар форуму өттү"
        // A "word" of 1,100 Kyrgyz letters, 2,200 bytes: over PostgreSQL's 2,047 for one lexeme.
        var long = records[1]
        long.text = "Узун сөз: " + String(repeating: "өң", count: 550) + ". Нарында тоо туризми боюнча жыйын."
        let (stored, _) = try archive.upsert([first, long, records[2], again, records[3]])
        #expect(stored == 5)
        #expect(try archive.count() == 4)
        #expect(try archive.search(SearchQuery(text: "жаштар форуму")).map(\.id).contains(records[0].id))
        #expect(try archive.search(SearchQuery(text: "китеп көргөзмөсү")).isEmpty)
        #expect(try archive.search(SearchQuery(text: "тоо туризми")).map(\.id).contains(long.id))
        #expect(Set(try archive.records().map(\.id)) == Set(records.map(\.id)))
    }

    @Test(
        "index reads the next batch while the server writes one: every record stored once, in file order, a bad line after the batches before it"
    )
    func readAheadKeepsOrder() throws {
        let archive = try PostgresArchive(url: try TestPostgres.freshDatabase(), writing: true)
        let records = Array(try CorpusArchive.archive().records().prefix(7))
        // The same id again later in the file, in a later batch: the later record wins.
        var later = records[0]
        later.title = "Ош шаарында илимий конференция ачылды"
        let lines = JSONLinesEncoder()
        let jsonl = CorpusArchive.temporaryDB("read-ahead.jsonl")
        try Data(records.flatMap { lines.line($0) } + lines.line(later) + Array("{ not a record\n".utf8)).write(
            to: URL(fileURLWithPath: jsonl))
        let summary = try archive.index(paths: [jsonl], processor: .forTests, chunk: 4)
        #expect(summary.stored == 8)
        #expect(summary.failures.count == 1 && summary.failures[0].contains(":9:"), "\(summary.failures)")
        #expect(try archive.count() == 7)
        #expect(try archive.records(ids: [later.id]).first?.title == later.title)
    }
}
