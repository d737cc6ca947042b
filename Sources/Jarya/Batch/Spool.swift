import Foundation

/// A temporary file of lines, written once and read back once. Its name is removed as soon
/// as it is created, so the file vanishes with the process however it ends (even `kill -9`).
final class Spool {
    private let path: String
    private let handle: FileHandle
    private let writer: BlockWriter

    init() throws {
        var template = Array("\(NSTemporaryDirectory())/jarya-spool-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw OutputError(path: NSTemporaryDirectory(), reason: String(cString: strerror(errno))) }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        unlink(path)
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        writer = BlockWriter(handle: handle, name: path)
    }

    func write<Bytes: ContiguousBytes & Collection>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
        try writer.write(bytes)
    }

    /// Writes what is buffered; call once after the last `write`.
    func finishWriting() throws { try writer.flush() }

    /// Calls `body` with each line, without its line break, in order. A line is a slice of the
    /// read buffer, not a copy: the record of a huge document is held once here.
    func forEachLine(_ body: (Data) throws -> Void) throws {
        let reader = handle
        do { try reader.seek(toOffset: 0) } catch {
            throw OutputError(path: path, reason: "cannot read the spool file back: \(error)")
        }
        var pending = Data()
        while let chunk = try reader.read(upToCount: 1 << 20), !chunk.isEmpty {
            // The bytes before the new chunk hold no line break (they were searched already):
            // a record line of many megabytes is searched once, not once per chunk.
            let searched = pending.count
            pending.append(chunk)
            // Lines are found on the bytes, and the rest moved to the front once per chunk.
            // `memchr` finds each break: `firstIndex(of:)` on the bytes was a loop of some ten
            // instructions a byte, and every byte of the output passes here.
            let breaks: [Int] = pending.withUnsafeBytes { bytes in
                var found: [Int] = []
                guard let base = bytes.baseAddress else { return found }
                var from = searched
                while from < bytes.count, let nl = memchr(base + from, 0x0A, bytes.count - from) {
                    let offset = base.distance(to: UnsafeRawPointer(nl))
                    found.append(offset)
                    from = offset + 1
                }
                return found
            }
            var start = 0
            for nl in breaks {
                try body(pending[(pending.startIndex + start)..<(pending.startIndex + nl)])
                start = nl + 1
            }
            if start == pending.count {
                pending = Data()
            } else if start > 0 {
                pending.removeSubrange(pending.startIndex..<(pending.startIndex + start))
            }
        }
        if !pending.isEmpty { try body(pending) }
    }
}
