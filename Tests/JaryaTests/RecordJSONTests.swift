import Foundation
@testable import Jarya
import Testing

/// The record's direct JSON writer must write what the `Codable` encoding writes, byte for
/// byte, for every kind of record: the writer is the fast path, the encoding the definition.
@Suite("Record JSON: the direct writer and the Codable encoding agree")
struct RecordJSONTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus")

    static func releases() throws -> [URL] {
        try ["ky", "ru"].flatMap { lang in
            try FileManager.default.contentsOfDirectory(at: corpus.appendingPathComponent(lang), includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "txt" }
        }.sorted { $0.path < $1.path }
    }

    @Test("every corpus release gives the same bytes both ways")
    func corpusRecords() throws {
        let files = try Self.releases()
        #expect(files.count >= 10)
        for file in files {
            let (record, _) = Processor.forTests.process(.file(file.path))
            #expect(record.error == nil)
            #expect(record.jsonBytes() == (try OrderedJSONEncoder().encode(record)), "\(file.lastPathComponent)")
        }
    }

    @Test("error records, links, escapes and absent values give the same bytes both ways")
    func edgeCases() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("empty.txt", "")
        let (failed, _) = Processor.forTests.process(.file(folder.path + "/empty.txt"))
        #expect(failed.error != nil)
        #expect(failed.jsonBytes() == (try OrderedJSONEncoder().encode(failed)))

        try folder.write("quotes.txt", "Семинар \"Жаштар\" \\ 2025\tжыл\nБайланыш: info@example.kg\u{1}")
        var (record, _) = Processor.forTests.process(.file(folder.path + "/quotes.txt"))
        record.related = [Record.Related(id: "0123456789abcdef", relation: "translation")]
        record.title = nil
        record.event = nil
        #expect(record.jsonBytes() == (try OrderedJSONEncoder().encode(record)))
    }
}
