import ICUText

/// The formats Jarya reads, by file name extension.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case txt, md

    /// The format for a path; plain text when the extension is unknown.
    public init(path: String) {
        let ext = path.split(separator: "/").last.flatMap { name in
            name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
        }
        switch ext {
        case "md", "markdown": self = .md
        default: self = .txt
        }
    }

    /// Extensions that a folder walk picks up.
    public static let folderExtensions: Set<String> = ["txt", "md", "markdown"]
}

/// Ingest: raw bytes → plain text. Decodes the charset and strips the container format.
public struct Ingest: Stage {
    public let name = "ingest"
    public init() {}

    public func run(_ document: inout Document) throws {
        let decoded = try TextDecoder.decode(document.bytes)
        document.source.encoding = decoded.encoding
        document.warnings += decoded.warnings
        switch DocumentFormat(rawValue: document.source.format) ?? .txt {
        case .txt: document.extracted = decoded.text
        case .md: document.extracted = MarkdownText.plainText(decoded.text)
        }
        if document.extracted.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw InputError(.empty, "\(document.source.path): the file has no text (\(document.bytes.count) bytes of white space). Nothing to extract.")
        }
    }
}

/// Bytes → String: BOMs, UTF-16, UTF-8 with U+FFFD for malformed sequences, legacy
/// Cyrillic charsets found by ICU's detector, and refusal of binary data.
public enum TextDecoder {
    public struct Decoded: Sendable {
        public var text: String
        public var encoding: String
        public var warnings: [String]
    }

    /// Charsets the detector may choose for text that is not UTF-8. Others are too
    /// often wrong guesses for Kyrgyz and Russian text.
    static let legacyCyrillic: Set<String> = ["windows-1251", "KOI8-R", "ISO-8859-5", "IBM866"]

    public static func decode(_ bytes: [UInt8]) throws -> Decoded {
        if bytes.isEmpty { throw InputError(.empty, "the file is empty (0 bytes)") }
        return try bytes.withUnsafeBytes { raw -> Decoded in
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                return try utf8(UnsafeRawBufferPointer(rebasing: raw[3...]), bomNote: true)
            }
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                let charset = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
                return Decoded(text: try utf16(UnsafeRawBufferPointer(rebasing: raw[2...]), charset), encoding: charset, warnings: [])
            }
            if let charset = utf16WithoutBOM(bytes) {
                return Decoded(text: try utf16(raw, charset), encoding: charset, warnings: [])
            }
            if let reason = binaryReason(bytes) {
                throw InputError(.binary, "this is not a text file (\(reason)). Give Jarya .txt, .md files in a text encoding.")
            }
            return try utf8(raw, bomNote: false)
        }
    }

    private static func utf16(_ raw: UnsafeRawBufferPointer, _ charset: String) throws -> String {
        String(decoding: try CharsetConverter.toUTF16(raw, charset: charset), as: UTF16.self)
    }

    private static func utf8(_ raw: UnsafeRawBufferPointer, bomNote: Bool) throws -> Decoded {
        if let valid = String(validating: raw, as: UTF8.self) {
            return Decoded(text: valid, encoding: "UTF-8", warnings: [])
        }
        // Not UTF-8. A legacy Cyrillic file has many high bytes that fail; a UTF-8 file with
        // a few damaged bytes has a few. Ask ICU's detector only in the first case.
        let (units, substitutions) = try CharsetConverter.decodeUTF8(raw)
        let highBytes = raw.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        if substitutions * 4 > highBytes / 2,
           let guess = try CharsetDetector.detect(raw).first(where: { legacyCyrillic.contains($0.name) && $0.confidence >= 10 }) {
            let text = String(decoding: try CharsetConverter.toUTF16(raw, charset: guess.name), as: UTF16.self)
            return Decoded(text: text, encoding: guess.name,
                           warnings: ["the file is not UTF-8; decoded as \(guess.name) (ICU detector confidence \(guess.confidence)). Pass --encoding to override if the text looks wrong."])
        }
        return Decoded(text: String(decoding: units, as: UTF16.self), encoding: "UTF-8",
                       warnings: ["invalid UTF-8: \(substitutions) malformed byte sequence\(substitutions == 1 ? "" : "s") replaced with U+FFFD"])
    }

    /// UTF-16 without a BOM shows as NUL in every other byte of ASCII-heavy text.
    private static func utf16WithoutBOM(_ bytes: [UInt8]) -> String? {
        let n = min(bytes.count, 4096) & ~1
        guard n >= 8 else { return nil }
        var evenZero = 0, oddZero = 0
        for i in stride(from: 0, to: n, by: 2) {
            if bytes[i] == 0 { evenZero += 1 }
            if bytes[i + 1] == 0 { oddZero += 1 }
        }
        let pairs = n / 2
        // Cyrillic UTF-16 has 0x04 high bytes, not NUL: count those too.
        var evenCyr = 0, oddCyr = 0
        for i in stride(from: 0, to: n, by: 2) {
            if bytes[i] == 0x04 { evenCyr += 1 }
            if bytes[i + 1] == 0x04 { oddCyr += 1 }
        }
        if oddZero + oddCyr > pairs * 6 / 10 && evenZero < pairs / 10 { return "UTF-16LE" }
        if evenZero + evenCyr > pairs * 6 / 10 && oddZero < pairs / 10 { return "UTF-16BE" }
        return nil
    }

    /// Why the bytes look binary, or nil if they may be text.
    private static func binaryReason(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(1 << 16)
        var controls = 0
        for b in sample {
            if b == 0 { return "it contains NUL bytes" }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        }
        if controls * 100 > sample.count { return "\(controls) control bytes in the first \(sample.count)" }
        return nil
    }
}
