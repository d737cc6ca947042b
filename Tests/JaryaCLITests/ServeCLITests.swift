import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Testing

/// `jarya serve` as a user starts it: option errors, a port already taken, graceful shutdown.
@Suite struct ServeCLITests {
    /// A TCP port of 127.0.0.1 that nothing listens on (the kernel's choice).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(bound == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test func optionErrorsExitWithTheirCodes() throws {
        let port = try Jarya.run(["serve", "--port", "0"])
        #expect(port.status == 64)
        let glossaries = try Jarya.run(["serve", "--glossaries", "/nonexistent/glossaries"])
        #expect(glossaries.status == 74)
        #expect(
            glossaries.err
                == "jarya: no glossaries folder at /nonexistent/glossaries: give --glossaries the folder that holds the glossaries/*.tsv files.\n"
        )
        let db = try Jarya.run(["serve", "--db", "/nonexistent/archive.sqlite"])
        #expect(db.status == 66)
        #expect(db.err.hasPrefix("jarya: no archive at /nonexistent/archive.sqlite:"))
        let help = try Jarya.run(["serve", "--help"])
        #expect(help.out.contains("69  the address cannot be bound"))
    }

    /// Serves, logs one line per request, refuses a second server on the same port (69), and
    /// stops with status 0 on SIGTERM.
    @Test func servesThenStopsCleanlyOnSIGTERM() async throws {
        let exe = try #require(Jarya.executable)
        let port = try Self.freePort()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-serve-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let server = Process()
        server.executableURL = exe
        server.arguments = [
            "serve", "--port", "\(port)", "--glossaries", Jarya.packageRoot.appendingPathComponent("glossaries").path,
        ]
        server.standardError = try FileHandle(forWritingTo: log)
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }

        var health: Int?
        for _ in 0..<150 where health == nil {
            if let (_, response) = try? await URLSession.shared.data(
                from: URL(string: "http://127.0.0.1:\(port)/healthz")!)
            {
                health = (response as? HTTPURLResponse)?.statusCode
            } else {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        #expect(health == 200)

        let second = try Jarya.run(["serve", "--port", "\(port)"])
        #expect(second.status == 69)
        #expect(second.err.hasPrefix("jarya: cannot serve on 127.0.0.1:\(port)"))

        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
        #expect(server.terminationReason == .exit && server.terminationStatus == 0)
        let logged = try String(contentsOf: log, encoding: .utf8)
        #expect(logged.contains("method=GET") && logged.contains("path=/healthz") && logged.contains("status=200"))
    }
}
