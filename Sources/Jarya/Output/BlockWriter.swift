import Foundation

/// Writes to a file handle in 64 KiB blocks, not one system call per record: the batch spool
/// and the record output both write a line per document.
final class BlockWriter {
    let handle: FileHandle
    /// What errors name: the file's path, or `standard output`.
    private let name: String
    private var buffer = Data()
    static let blockSize = 1 << 16

    init(handle: FileHandle, name: String) {
        self.handle = handle
        self.name = name
    }

    func write(_ data: Data) throws {
        buffer.append(data)
        if buffer.count >= Self.blockSize { try flush() }
    }

    /// Writes what is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch { throw OutputError(path: name, reason: "\(error)") }
        buffer.removeAll(keepingCapacity: true)
    }
}
