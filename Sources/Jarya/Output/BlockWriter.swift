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

    /// Buffers `bytes`; a block or more (the record of a huge document) goes out as it is, not
    /// copied into the buffer.
    func write<Bytes: ContiguousBytes & Collection>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
        if bytes.count >= Self.blockSize {
            try flush()
            try bytes.withUnsafeBytes(writeAll)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.blockSize { try flush() }
    }

    /// Writes what is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes(writeAll)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ raw: UnsafeRawBufferPointer) throws {
        // write(2), not FileHandle: its errors are NSError dumps; errno says "No space left on device".
        let fd = handle.fileDescriptor
        var done = 0
        while done < raw.count {
            let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: name, reason: String(cString: strerror(errno)))
            }
            done += n
        }
    }
}
