import Foundation

/// Files a run must not leave behind when it is interrupted: its lock files and the temporary
/// output beside `--out`. On SIGINT, SIGTERM or SIGHUP (Ctrl-C, `kill`, a closed terminal) the
/// handler unlinks them and lets the signal end the process as it would have. `kill -9` cannot
/// be caught; what it leaves is recognized as stale by the next run (an unlocked lock file, a
/// temporary file whose run no longer holds the lock).
///
/// The handler only calls unlink(2), signal(2) and raise(3), which are async-signal-safe, on C
/// strings made before the signal came.
public enum SignalCleanup {
    static let capacity = 64
    nonisolated(unsafe) private static var slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(
        capacity: capacity)
    private static let guardLock = NSLock()
    nonisolated(unsafe) private static var installed = false

    /// Unlink `path` if the process is interrupted.
    public static func remove(_ path: String) {
        guardLock.lock()
        defer { guardLock.unlock() }
        if !installed {
            slots.initialize(repeating: nil, count: capacity)
            // A parent may hand the signals down blocked (Foundation's Process does): unblock
            // the ones handled here, or an interrupted run would go on to the end.
            var handled = sigset_t()
            sigemptyset(&handled)
            for signal in [SIGINT, SIGTERM, SIGHUP] {
                Foundation.signal(signal, handler)
                sigaddset(&handled, signal)
            }
            pthread_sigmask(SIG_UNBLOCK, &handled, nil)
            installed = true
        }
        for i in 0..<capacity where slots[i] == nil {
            slots[i] = strdup(path)
            return
        }
    }

    /// `path` is no longer ours to remove (renamed into place, or already removed).
    public static func keep(_ path: String) {
        guardLock.lock()
        defer { guardLock.unlock() }
        guard installed else { return }
        for i in 0..<capacity {
            if let slot = slots[i], strcmp(slot, path) == 0 {
                slots[i] = nil
                free(slot)
                return
            }
        }
    }

    private static let handler: @convention(c) (Int32) -> Void = { signal in
        for i in 0..<SignalCleanup.capacity {
            if let path = SignalCleanup.slots[i] { unlink(path) }
        }
        Foundation.signal(signal, SIG_DFL)
        raise(signal)
    }
}
