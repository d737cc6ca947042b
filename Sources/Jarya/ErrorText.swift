import Foundation

/// One readable line for an error, with what to do about it, instead of Foundation's dump
/// (`Error Domain=NSCocoaErrorDomain Code=642 "(null)" UserInfo={…}`): the system's reason
/// (`read-only file system`) and a hint. Jarya's own errors already read well and pass through.
public enum ErrorText {
    public static func line(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return reason(errno: posix.code.rawValue) }
        let ns = error as NSError
        switch ns.domain {
        case NSPOSIXErrorDomain:
            return reason(errno: Int32(truncatingIfNeeded: ns.code))
        case NSCocoaErrorDomain:
            if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
                return reason(errno: Int32(truncatingIfNeeded: underlying.code))
            }
            return cocoaReason(ns.code)
        default:
            return "\(error)"
        }
    }

    /// The system's text for `errno` in lower case, and what to do.
    static func reason(errno code: Int32) -> String {
        let text = String(cString: strerror(code)).lowercased()
        switch code {
        case EACCES, EPERM: return text + " (check the permissions of the file and its folder)"
        case ENOSPC, EDQUOT: return text + " (free some space, or choose another disk)"
        case EROFS: return text + " (choose a path on a writable file system)"
        case ENOENT, ENOTDIR: return text + " (check that the folder exists)"
        case EISDIR: return text + " (give a file's path, not a folder's)"
        case EMFILE, ENFILE: return text + " (raise the open-file limit: ulimit -n)"
        case EFBIG: return text + " (the file size limit was reached: see ulimit -f)"
        default: return text
        }
    }

    /// Foundation's file error codes without an underlying POSIX error.
    static func cocoaReason(_ code: Int) -> String {
        switch code {
        case CocoaError.fileNoSuchFile.rawValue, CocoaError.fileReadNoSuchFile.rawValue: return reason(errno: ENOENT)
        case CocoaError.fileReadNoPermission.rawValue, CocoaError.fileWriteNoPermission.rawValue:
            return reason(errno: EACCES)
        case CocoaError.fileWriteOutOfSpace.rawValue: return reason(errno: ENOSPC)
        case CocoaError.fileWriteVolumeReadOnly.rawValue: return reason(errno: EROFS)
        case CocoaError.fileReadTooLarge.rawValue: return "the file is too large to read"
        case CocoaError.fileReadCorruptFile.rawValue, CocoaError.fileReadInapplicableStringEncoding.rawValue:
            return "the file's contents cannot be read as expected"
        default: return "the file operation failed (system error \(code))"
        }
    }
}
