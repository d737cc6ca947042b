import Foundation
import Jarya

/// Reads and prepares (`Archive.prepare`) the batches of a JSON Lines file one batch ahead, on
/// another thread: while the database writes one batch, the next is decoded, folded and cut
/// into words. Batches come out in file order; a line that is not a record comes out as its
/// error after the batches before it.
final class ReadAhead: @unchecked Sendable {
    private var reader: JSONLinesReader
    private let archive: any Archive
    private let chunk: Int
    private let queue = DispatchQueue(label: "jarya.index.read-ahead")
    private var ahead: Result<PreparedBatch, any Error>?
    private let ready = DispatchSemaphore(value: 0)
    private var reading = false

    init(_ reader: JSONLinesReader, archive: any Archive, chunk: Int) {
        self.reader = reader
        self.archive = archive
        self.chunk = chunk
        start()
    }

    /// The next batch (empty at the end of the file); throws the error of a bad line.
    func next() throws -> PreparedBatch {
        ready.wait()
        reading = false
        let batch = try ahead!.get()
        if !batch.lines.isEmpty { start() }
        return batch
    }

    /// Waits for a batch still being read, then closes the file.
    func close() {
        if reading { ready.wait(); reading = false }
        reader.close()
    }

    private func start() {
        reading = true
        queue.async { [self] in
            ahead = Result {
                let lines = try reader.nextWithJSON(chunk)
                return archive.prepare(lines.map(\.line), json: lines.map(\.json))
            }
            ready.signal()
        }
    }
}
