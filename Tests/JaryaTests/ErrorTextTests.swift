import Foundation
import Testing
@testable import Jarya

/// Errors reach the user as one readable line with a hint, never as Foundation's dump.
@Suite("error text")
struct ErrorTextTests {
    @Test("a Foundation write into a missing folder: the reason and a hint, no NSCocoaErrorDomain")
    func missingFolder() throws {
        let url = URL(fileURLWithPath: "/nonexistent-жарыя/records.jsonl")
        do {
            try Data("{}\n".utf8).write(to: url)
            Issue.record("writing into a missing folder succeeded")
        } catch {
            #expect(
                "\(error)".contains("Error Domain") || "\(error)".contains("Code="), "the raw text changed: \(error)")
            let line = ErrorText.line(error)
            #expect(line == "no such file or directory (check that the folder exists)")
        }
    }

    @Test(
        "POSIX and Cocoa codes without an underlying error",
        arguments: [
            (POSIXError(.EROFS) as any Error, "read-only file system (choose a path on a writable file system)"),
            (CocoaError(.fileWriteVolumeReadOnly), "read-only file system (choose a path on a writable file system)"),
            (CocoaError(.fileWriteOutOfSpace), "no space left on device (free some space, or choose another disk)"),
            (
                NSError(domain: NSPOSIXErrorDomain, code: Int(EFBIG)),
                "file too large (the file size limit was reached: see ulimit -f)"
            ),
        ])
    func codes(_ error: any Error, _ expected: String) {
        #expect(ErrorText.line(error) == expected)
    }

    @Test("Jarya's own errors pass through as they read")
    func own() {
        let error = GlossaryError(file: "places.tsv", line: 12, message: "unknown kind `town`")
        #expect(ErrorText.line(error) == "places.tsv:12: unknown kind `town`")
    }
}
