import Foundation

/// What `--out PATH` names, decided before anything is written.
///
/// An atomic rename replaces whatever is at the path: run as root, `--out /dev/null` used to turn
/// the device into a regular file, and a symbolic link given as the output was replaced by a file
/// instead of updating what it points to. So a regular file (or a new path) is replaced
/// atomically, a symbolic link is followed and its target replaced, and a device or a FIFO is
/// written to in place, as a shell redirection would.
public enum OutputTarget: Equatable, Sendable {
    /// A regular file or a path that does not exist yet (links resolved): write beside it, rename over it.
    case file(String)
    /// A character or block device or a FIFO: opened and written directly, never renamed over.
    case stream(String)
    /// This process's own standard output (`/dev/stdout`, `/proc/self/fd/1`, whatever it is).
    case standardOutput

    /// The target `path` names, or an `OutputError` that says why it cannot be written.
    public static func resolve(_ path: String) throws -> OutputTarget {
        var info = stat()
        if stat(path, &info) == 0 {
            var out = stat()
            if fstat(STDOUT_FILENO, &out) == 0, out.st_dev == info.st_dev, out.st_ino == info.st_ino,
                !isRegular(info) || path.startsWith("/dev/") || path.startsWith("/proc/")
            {
                return .standardOutput
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .file(try realPath(path))
            case S_IFDIR:
                throw OutputError(
                    path: path, reason: "it is a folder", advice: "Give a file name, such as \(path)/records.jsonl.")
            case S_IFCHR, S_IFBLK, S_IFIFO: return .stream(path)
            case S_IFSOCK:
                throw OutputError(path: path, reason: "it is a socket", advice: "Give a file, a device or a FIFO.")
            default: throw OutputError(path: path, reason: "it is not a regular file")
            }
        }
        guard errno == ENOENT else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        return .file(try danglingTarget(path))
    }

    private static func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }

    private static func realPath(_ path: String) throws -> String {
        guard let resolved = realpath(path, nil) else {
            throw OutputError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A path that does not exist: itself, or, for a symbolic link to a missing file, the file
    /// the chain of links ends at (so that the link stays and its target is created).
    private static func danglingTarget(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            if n < 0 { return current }
            let link = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current =
                link.startsWith("/")
                ? link : URL(fileURLWithPath: current).deletingLastPathComponent().path + "/" + link
        }
        throw OutputError(path: path, reason: "too many levels of symbolic links")
    }
}
