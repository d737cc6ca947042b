import Foundation

/// Keeps two runs off the same state or output file: an exclusive flock(2) on `PATH.lock`,
/// taken without waiting. The file holds the process id of the run that has it; it is
/// removed when the run ends (a killed run leaves it, unlocked, and the next run takes it).
public final class RunLock {
    public let path: String
    private var fd: Int32

    public enum Failure: Error, CustomStringConvertible {
        /// Another run holds the lock.
        case busy(path: String, holder: String?)
        /// The lock file cannot be created or locked.
        case cannotCreate(path: String, reason: String)

        public var description: String {
            switch self {
            case .busy(let path, let holder):
                return
                    "another jarya run (\(holder.map { "process \($0)" } ?? "another process")) holds the lock \(path); "
                    + "wait until it finishes, or check that it is still running"
            case .cannotCreate(let path, let reason):
                return "cannot write the lock file \(path): \(reason). Check that the folder exists and is writable."
            }
        }
    }

    /// Takes the lock of `file` (the lock file is `file.lock`), or throws `Failure.busy` at once.
    public init(for file: String) throws {
        path = file + ".lock"
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw Failure.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let error = errno
                var buffer = [UInt8](repeating: 0, count: 32)
                let n = pread(fd, &buffer, buffer.count, 0)
                close(fd)
                if error == EWOULDBLOCK {
                    let holder =
                        n > 0
                        ? String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                        : ""
                    throw Failure.busy(path: path, holder: holder.isEmpty ? nil : holder)
                }
                throw Failure.cannotCreate(path: path, reason: String(cString: strerror(error)))
            }
            // A run that was finishing may have removed the file between our open and flock:
            // then the lock we hold is on a file nobody else will look at. Try again.
            var held = stat(), current = stat()
            if fstat(fd, &held) == 0, stat(path, &current) == 0, held.st_dev == current.st_dev,
                held.st_ino == current.st_ino
            {
                self.fd = fd
                break
            }
            close(fd)
        }
        SignalCleanup.remove(path)
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
    }

    /// Removes the lock file and lets the lock go.
    public func release() {
        guard fd >= 0 else { return }
        unlink(path)
        SignalCleanup.keep(path)
        close(fd)
        fd = -1
    }

    deinit { release() }
}

extension RunLock {
    /// The exit status of a run that found the lock taken: EX_TEMPFAIL, try again later.
    public static let busyStatus: Int32 = 75
}

extension RunLock {
    /// Removes the temporary files `RecordOutput` leaves beside `target` (`.NAME.tmp-XXXXXX`)
    /// when a run is killed. Call it only while holding the lock of `target`.
    public static func removeStaleTemporaryFiles(of target: String) {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.startsWith(prefix) && name.count == prefix.count + 6 {
            unlink(folder + "/" + name)
        }
    }
}
