import Foundation
import Jarya
@testable import JaryaArchive
import Testing

@Suite("Reading .jsonl records a batch at a time")
struct JSONLinesReaderTests {
    static let release = CorpusArchive.corpus.appendingPathComponent("ru/ru01_bishkek_glacier_atlas.txt").path

    @Test("Records come in order across the 1 MB blocks the file is read in; blank and CRLF lines as before")
    func blocks() throws {
        let records = try CorpusArchive.archive().records()
        let lines = JSONLinesEncoder()
        var data = Data(), ids: [String] = []
        var n = 0
        while data.count < 2_500_000 {
            var r = records[n % records.count]
            r.id = "copy-\(n)"
            ids.append(r.id)
            data += lines.line(r)
            if n % 7 == 0 { data += Data("\r\n  \n".utf8) }
            n += 1
        }
        data.removeLast()  // no newline after the last record
        let path = CorpusArchive.temporaryDB("many.jsonl")
        try data.write(to: URL(fileURLWithPath: path))
        var reader = try JSONLinesReader(path: path)
        defer { reader.close() }
        var read: [String] = []
        while case let part = try reader.next(100), !part.isEmpty {
            #expect(part.count == 100 || read.count + part.count == ids.count)
            read += part.compactMap(\.record?.id)
        }
        #expect(read == ids)
    }

    @Test(
        "index stores a .jsonl batch by batch: a bad line stops that file after the batches before it (65, its line named)"
    )
    func badLineAfterBatches() throws {
        let records = Array(try CorpusArchive.archive().records().prefix(6))
        let lines = JSONLinesEncoder()
        var data = Data()
        for r in records.prefix(5) { data += lines.line(r) }
        data += Data("Ош шаарында жаштар форуму өтөт\n".utf8)
        data += lines.line(records[5])
        let path = CorpusArchive.temporaryDB("archive.sqlite")
        let jsonl = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("records.jsonl").path
        try data.write(to: URL(fileURLWithPath: jsonl))
        let archive = try ArchiveIndex(path: path)
        let summary = try archive.index(paths: [jsonl, Self.release], processor: .forTests, chunk: 2)
        // Lines 1–4 were stored in two batches before line 6 was read; the release after the file too.
        #expect(try archive.count() == 5)
        #expect(Set(try archive.records().map(\.id)).isSuperset(of: records.prefix(4).map(\.id)))
        #expect(summary.status == .dataError)
        #expect(
            summary.failures.count == 1 && summary.failures[0].hasPrefix(jsonl + ":6: not a Jarya record"),
            "\(summary.failures)")
    }
}
