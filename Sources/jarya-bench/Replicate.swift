import ArgumentParser
import Foundation
import Jarya

/// A large archive's worth of records from a few thousand processed releases: the archive
/// benchmark needs 100,000 records, and processing 100,000 releases takes longer than indexing
/// them. Copy k of a record gets its own id, path and content hash (and links to copy k of
/// its translations); its text, entities and event are the original's.
struct Replicate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write COUNT records by copying processed records (jarya process --out) with new ids and paths.",
        discussion: """
            Example:
              jarya-bench replicate records-3000.jsonl --count 100000 --out records-100000.jsonl
            """
    )

    @Argument(help: "JSON Lines of records to copy.") var records: String
    @Option(help: "How many records to write.") var count = 100_000
    @Option(help: "The JSON Lines file to write.") var out: String

    func run() throws {
        let decoder = JSONDecoder()
        let lines = try Data(contentsOf: URL(fileURLWithPath: records)).split(separator: UInt8(ascii: "\n"))
        let originals = try lines.compactMap { try decoder.decode(RecordLine.self, from: Data($0)).record }
        guard !originals.isEmpty else { throw ValidationError("no records in \(records)") }
        FileManager.default.createFile(atPath: out, contents: nil)
        guard let file = FileHandle(forWritingAtPath: out) else { throw ValidationError("cannot write \(out)") }
        defer { try? file.close() }
        let encoder = JSONLinesEncoder()
        var block = Data()
        for n in 0..<count {
            let copy = n / originals.count
            var r = originals[n % originals.count]
            if copy > 0 {
                r.id = Self.id(r.id, copy)
                r.source.path = "copy-\(copy)/" + r.source.path
                r.source.sha256 = Self.id(r.source.sha256, copy) + String(r.source.sha256.dropFirst(16))
                r.related = r.related.map { Record.Related(id: Self.id($0.id, copy), relation: $0.relation) }
            }
            block += encoder.line(RecordLine.record(r))
            if block.count > 1 << 22 { file.write(block); block = Data() }
        }
        file.write(block)
        print(
            "wrote \(count) records (\(originals.count) originals, \((count + originals.count - 1) / originals.count) copies) to \(out)"
        )
    }

    /// A 16-hex-digit id for copy `copy` of `id` (FNV-1a).
    static func id(_ id: String, _ copy: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(copy):\(id)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(format: "%016llx", hash)
    }
}
