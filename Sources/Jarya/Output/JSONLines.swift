import Foundation

/// Encodes records as JSON Lines: one object per line, UTF-8, Cyrillic and slashes unescaped.
public struct JSONLinesEncoder: Sendable {
    public init() {}

    public func line(_ record: Record) -> Data { Self.line(record.jsonBytes()) }
    public func line(_ record: ErrorRecord) -> Data { Self.line(record.jsonBytes()) }
    public func line(_ record: RecordLine) -> Data { Data(lineBytes(record)) }

    /// The line with its line break as bytes, for a writer that takes them as they are (the batch
    /// spool): the line of a huge document can be a hundred megabytes, not to be copied into a `Data`.
    public func lineBytes(_ record: RecordLine) -> [UInt8] { Self.lineBytes(record.jsonBytes()) }

    private static func line(_ json: consuming [UInt8]) -> Data { Data(lineBytes(json)) }

    private static func lineBytes(_ json: consuming [UInt8]) -> [UInt8] {
        json.append(0x0A)
        return json
    }
}

/// Where records go: standard output, a device or FIFO written in place, or a file that
/// appears only when complete.
///
/// A file output is written to a temporary file beside the target and renamed over it by
/// `commit()`, so a reader (or a crash) never sees half a file. `OutputTarget` decides which.
public final class RecordOutput {
    private let handle: FileHandle
    private let temporaryPath: String?
    private let finalPath: String?
    /// What errors name.
    private let name: String

    /// Standard output.
    public init() {
        handle = FileHandle.standardOutput
        temporaryPath = nil
        finalPath = nil
        name = "standard output"
    }

    /// The output `path` names (see `OutputTarget`).
    public convenience init(path: String) throws {
        try self.init(target: OutputTarget.resolve(path))
    }

    /// A file created atomically at `commit()`, a stream opened now, or standard output.
    public init(target: OutputTarget) throws {
        switch target {
        case .standardOutput:
            handle = FileHandle.standardOutput
            temporaryPath = nil
            finalPath = nil
            name = "standard output"
        case .stream(let path):
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
            handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            temporaryPath = nil
            finalPath = nil
            name = path
        case .file(let path):
            let url = URL(fileURLWithPath: path)
            let dir = url.deletingLastPathComponent().path
            var template = Array("\(dir)/.\(url.lastPathComponent).tmp-XXXXXX".utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else {
                throw OutputError(path: path, reason: String(cString: strerror(errno)))
            }
            fchmod(fd, 0o644)
            handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            temporaryPath = temporary
            finalPath = path
            name = path
            SignalCleanup.remove(temporary)
        }
    }

    /// Records go out in large writes, not one system call per record.
    private lazy var writer = BlockWriter(handle: handle, name: name)

    public func write(_ data: Data) throws { try writer.write(data) }

    /// Makes the file visible under its name (or flushes a stream).
    public func commit() throws {
        try writer.flush()
        guard let temporaryPath, let finalPath else { return }
        if fsync(handle.fileDescriptor) != 0 {
            let reason = String(cString: strerror(errno))
            abort()
            throw OutputError(path: finalPath, reason: reason)
        }
        try? handle.close()
        if rename(temporaryPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError(path: finalPath, reason: reason)
        }
        SignalCleanup.keep(temporaryPath)
    }

    /// Removes the temporary file; the target is left as it was.
    public func abort() {
        guard let temporaryPath else { return }
        try? handle.close()
        unlink(temporaryPath)
        SignalCleanup.keep(temporaryPath)
    }
}

/// The output cannot be created or written.
public struct OutputError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    /// What the user can do about it.
    public var advice = "Check that the folder exists and is writable."
    public init(path: String, reason: String, advice: String? = nil) {
        self.path = path
        self.reason = reason
        if let advice { self.advice = advice }
    }
    public var description: String { "cannot write \(path): \(reason). \(advice)" }
}
