import Foundation

/// A temporary file of lines, written once and read back once; removed when released.
final class Spool {
    private let path: String
    private let handle: FileHandle

    init() throws {
        var template = Array("\(NSTemporaryDirectory())/jarya-spool-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw OutputError(path: NSTemporaryDirectory(), reason: String(cString: strerror(errno))) }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    deinit { unlink(path) }

    /// Lines wait here and go to the file in large writes, not one system call per record.
    private var buffer = Data()

    func write(_ data: Data) throws {
        buffer.append(data)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes what is buffered; call once after the last `write`.
    func finishWriting() throws { try flush() }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch { throw OutputError(path: path, reason: "\(error)") }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with each line, without its line break, in order.
    func forEachLine(_ body: (Data) throws -> Void) throws {
        guard let reader = FileHandle(forReadingAtPath: path) else { throw OutputError(path: path, reason: "cannot reopen the spool file") }
        defer { try? reader.close() }
        var pending = Data()
        while let chunk = try reader.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(chunk)
            // Lines are found on the bytes, and the rest moved to the front once per chunk.
            var consumed = 0
            try pending.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var start = 0
                while let nl = bytes[start...].firstIndex(of: 0x0A) {
                    try body(Data(bytes[start..<nl]))
                    start = nl + 1
                }
                consumed = start
            }
            pending.removeSubrange(0..<consumed)
        }
        if !pending.isEmpty { try body(pending) }
    }
}
