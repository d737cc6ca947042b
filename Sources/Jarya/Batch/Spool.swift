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

    func write(_ data: Data) throws {
        do { try handle.write(contentsOf: data) } catch { throw OutputError(path: path, reason: "\(error)") }
    }

    /// Calls `body` with each line, without its line break, in order.
    func forEachLine(_ body: (Data) throws -> Void) throws {
        guard let reader = FileHandle(forReadingAtPath: path) else { throw OutputError(path: path, reason: "cannot reopen the spool file") }
        defer { try? reader.close() }
        var pending = Data()
        while let chunk = try reader.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(chunk)
            var start = pending.startIndex
            while let nl = pending[start...].firstIndex(of: 0x0A) {
                try body(pending[start..<nl])
                start = nl + 1
            }
            pending = Data(pending[start...])
        }
        if !pending.isEmpty { try body(pending) }
    }
}
