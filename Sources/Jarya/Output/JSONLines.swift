import Foundation

/// Encodes records as JSON Lines: one object per line, UTF-8, Cyrillic and slashes unescaped.
public struct JSONLinesEncoder: Sendable {
    public init() {}

    public func line(_ record: Record) throws -> Data {
        var bytes = record.jsonBytes()  // what OrderedJSONEncoder writes, written directly
        bytes.append(0x0A)
        return Data(bytes)
    }
}

/// Where records go: standard output, or a file that appears only when complete.
///
/// A file output is written to a temporary file beside the target and renamed over it by
/// `commit()`, so a reader (or a crash) never sees half a file.
public final class RecordOutput {
    private let handle: FileHandle
    private let temporaryPath: String?
    private let finalPath: String?

    /// Standard output.
    public init() {
        handle = FileHandle.standardOutput
        temporaryPath = nil
        finalPath = nil
    }

    /// A file, created atomically at `commit()`.
    public init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var template = Array("\(dir)/.\(url.lastPathComponent).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw OutputError(path: path, reason: String(cString: strerror(errno)))
        }
        fchmod(fd, 0o644)
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        finalPath = path
    }

    /// Records go out in large writes, not one system call per record.
    private lazy var writer = BlockWriter(handle: handle, name: finalPath ?? "standard output")

    public func write(_ data: Data) throws { try writer.write(data) }

    /// Makes the file visible under its name (or flushes standard output).
    public func commit() throws {
        try writer.flush()
        guard let temporaryPath, let finalPath else { return }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw OutputError(path: finalPath, reason: "\(error)")
        }
        if rename(temporaryPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError(path: finalPath, reason: reason)
        }
    }

    /// Removes the temporary file; the target is left as it was.
    public func abort() {
        guard let temporaryPath else { return }
        try? handle.close()
        unlink(temporaryPath)
    }
}

/// The output cannot be created or written.
public struct OutputError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot write \(path): \(reason). Check that the folder exists and is writable." }
}
