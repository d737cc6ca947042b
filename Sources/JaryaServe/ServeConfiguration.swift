import Jarya

/// What `jarya serve` was started with.
public struct ServeConfiguration: Sendable {
    /// The address to bind: 127.0.0.1 unless the user asks for another, so the page is not
    /// reachable from other hosts by accident.
    public var host: String
    public var port: Int
    /// The glossaries folder read at start and written by "teach".
    public var glossaries: String
    /// An archive made by `jarya index` (SQLite path or postgres:// URL); nil hides the archive.
    public var database: String?
    /// The ingest limit of `jarya process --max-bytes` (a `.docx` may be 4 times larger).
    public var maxBytes: Int
    /// At most this many files in one upload.
    public var maxFiles: Int
    /// The same-origin token every write must carry (against CSRF); random unless a test sets it.
    public var token: String

    public init(
        host: String = "127.0.0.1", port: Int = 8080, glossaries: String = "glossaries",
        database: String? = nil, maxBytes: Int = Processor.defaultMaxBytes, maxFiles: Int = 20,
        token: String = ServeConfiguration.randomToken()
    ) {
        self.host = host
        self.port = port
        self.glossaries = glossaries
        self.database = database
        self.maxBytes = maxBytes
        self.maxFiles = maxFiles
        self.token = token
    }

    /// 32 hex digits from the system's random source.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format2(UInt8.random(in: 0...255, using: &generator))) }.joined()
    }

    static func format2(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    /// The largest request body accepted: the largest document (a `.docx`) plus room for the
    /// multipart framing of `maxFiles` files.
    var maxRequestBytes: Int {
        let (docx, overflow) = maxBytes.multipliedReportingOverflow(by: 4)
        return overflow ? Int.max : docx + 64 * 1024
    }
}
