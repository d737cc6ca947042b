import Foundation
import Jarya

/// The records of a JSON Lines file (`jarya process --out`), read a block at a time so that
/// `jarya index big.jsonl` holds one batch in memory, not the whole file, and stores its first
/// batch at once instead of after reading everything.
struct JSONLinesReader {
    let path: String
    private let handle: FileHandle
    private var buffer = Data()
    /// How many bytes of `buffer` were handed out already.
    private var consumed = 0
    private var atEnd = false
    /// The number of the last line handed out, for messages.
    private(set) var lineNumber = 0
    private let decoder = JSONDecoder()

    /// Opens `path`; throws as `ArchiveFile.openRegularFile` does.
    init(path: String) throws {
        self.path = path
        handle = try ArchiveFile.openRegularFile(path)
    }

    func close() { try? handle.close() }

    /// The next `count` records (fewer at the end of the file; none after it), blank lines
    /// skipped. A line that is not a record is an `ArchiveError` `.badRecords` naming the file
    /// and line; the records before it were handed out already.
    mutating func next(_ count: Int) throws -> [RecordLine] { try nextWithJSON(count).map(\.line) }

    /// `next(_:)` with each line's JSON as read when it is a plain record (`RecordLineDecoder`
    /// read it): what the PostgreSQL archive stores as the record's `jsonb` instead of writing
    /// the record out again. Nil for a line `JSONDecoder` read.
    mutating func nextWithJSON(_ count: Int) throws -> [(line: RecordLine, json: Data?)] {
        var result: [(line: RecordLine, json: Data?)] = []
        while result.count < count, let line = try nextLine() {
            guard
                line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }
                )
            else { continue }
            // The plain record without JSONDecoder; anything else (an error record, a bad line) with it.
            if let record = RecordLineDecoder.record(line) {
                result.append((.record(record), line))
                continue
            }
            do { result.append((try decoder.decode(RecordLine.self, from: line), nil)) } catch {
                throw ArchiveError(
                    "\(path):\(lineNumber): not a Jarya record (\(ArchiveFile.reason(error))). "
                        + "Give the JSON Lines that `jarya process --out` writes.", kind: .badRecords)
            }
        }
        return result
    }

    /// The next line without its newline, or nil at the end of the file.
    private mutating func nextLine() throws -> Data? {
        while true {
            // memchr over the unread bytes: Data's element-wise search cost more than decoding.
            let newline = buffer.withUnsafeBytes { raw -> Int? in
                guard let base = raw.baseAddress, raw.count > consumed,
                    let hit = memchr(base + consumed, Int32(UInt8(ascii: "\n")), raw.count - consumed)
                else { return nil }
                return base.distance(to: UnsafeRawPointer(hit))
            }
            if let newline {
                let line = buffer.subdata(in: consumed..<newline)
                consumed = newline + 1
                lineNumber += 1
                return line
            }
            if atEnd {
                guard buffer.count > consumed else { return nil }
                defer { buffer = Data(); consumed = 0 }
                lineNumber += 1
                return buffer.subdata(in: consumed..<buffer.count)
            }
            let block: Data?
            do { block = try handle.read(upToCount: 1 << 20) } catch {
                throw ArchiveError("cannot read \(path): \(ArchiveFile.reason(error)).", kind: .notArchive)
            }
            if let block, !block.isEmpty {
                buffer = buffer.subdata(in: consumed..<buffer.count) + block
                consumed = 0
            } else {
                atEnd = true
            }
        }
    }
}
