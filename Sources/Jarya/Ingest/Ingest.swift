import Foundation

import ICUText

/// The formats Jarya reads, by file name extension.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case txt, md, html, docx

    /// The format for a path; plain text when the extension is unknown.
    public init(path: String) {
        let ext = path.split(byte: "/").last.flatMap { name in
            name.utf8.contains(UInt8(ascii: ".")) ? String(name).split(byte: ".").last.map { $0.lowercased() } : nil
        }
        switch ext {
        case "md", "markdown": self = .md
        case "html", "htm": self = .html
        case "docx": self = .docx
        default: self = .txt
        }
    }

    /// Extensions that a folder walk picks up.
    public static let folderExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm", "docx"]

    /// Why a file named with a known extension of another format is not read as text, or nil.
    /// A file with any other extension (or none) is read as plain text: `release`, `news.log`.
    public static func unsupportedReason(path: String) -> String? {
        guard let name = path.split(byte: "/").last, let dot = name.lastIndex(of: ".") else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        switch ext {
        case "pdf":
            return "Jarya does not read PDF files. Copy the text into a .txt file, or save the document as .docx."
        case "doc", "rtf", "odt", "wps", "pages":
            return "Jarya does not read .\(ext) files. Open it in a word processor and save it as .docx or .txt."
        case "xls", "xlsx", "ods", "csv", "ppt", "pptx", "odp":
            return "Jarya reads releases, not .\(ext) spreadsheets or slides. Save the release as .docx or .txt."
        case "jpg", "jpeg", "png", "gif", "tif", "tiff", "bmp", "webp", "heic", "mp3", "mp4", "avi", "mov", "wav":
            return "this is a picture, sound or video file (.\(ext)), not a release."
        case "zip", "rar", "7z", "gz", "tgz", "bz2", "xz", "tar":
            return "this is an archive (.\(ext)). Unpack it and give Jarya the folder."
        case "exe", "dll", "so", "dylib", "bin", "iso":
            return "this is a program or disk image (.\(ext)), not a release."
        default: return nil
        }
    }
}

/// Ingest: raw bytes → plain text. Decodes the charset and strips the container format.
public struct Ingest: Stage {
    public let name = "ingest"
    /// A charset that overrides detection (`--encoding`), as ICU names it; nil detects.
    /// Not used for `.docx`, whose XML says its own encoding.
    public var encoding: String?

    public init(encoding: String? = nil) {
        self.encoding = encoding
    }

    public func run(_ document: inout Document) throws {
        if let reason = DocumentFormat.unsupportedReason(path: document.source.path) {
            throw InputError(.unsupported, reason)
        }
        let format = DocumentFormat(rawValue: document.source.format) ?? .txt
        switch format {
        case .txt, .md:
            let decoded = try TextDecoder.decode(document.bytes, encoding: encoding)
            document.source.encoding = decoded.encoding
            document.warnings += decoded.warnings
            document.extracted = format == .md ? MarkdownText.plainText(decoded.text) : decoded.text
        case .html:
            let page = try HTMLDocument.text(document.bytes, encoding: encoding)
            document.source.encoding = page.encoding
            document.warnings += page.warnings
            document.extracted = page.text
        case .docx:
            document.extracted = try DOCXDocument.text(document.bytes)
            document.source.encoding = "UTF-8"
        }
        if document.extracted.unicodeScalars.allSatisfy({ $0.isWhitespace }) {
            throw InputError(
                .empty,
                "\(document.source.path): the file has no text (\(document.bytes.count) bytes\(format == .txt || format == .md ? " of white space" : ", no text in the \(format.rawValue) content")). Nothing to extract."
            )
        }
    }
}

extension Pipeline {
    /// The same pipeline with its Ingest stage decoding `encoding` instead of detecting.
    public func decoding(_ encoding: String?) -> Pipeline {
        guard let encoding else { return self }
        var pipeline = self
        pipeline.stages = stages.map { stage in
            guard var ingest = stage as? Ingest else { return stage }
            ingest.encoding = encoding
            return ingest
        }
        return pipeline
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

    /// The standard name of a charset ICU knows (`cp1251` → `windows-1251`, `koi8-r` → `KOI8-R`),
    /// or nil: how `--encoding` is checked.
    public static func canonicalCharset(_ name: String) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        // ICU opens the platform's default converter for an empty name.
        guard !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        return CharsetConverter.canonicalName(trimmed)
    }

    /// Bytes in `charset` for `text` (for tests and exports); fails on a character the charset
    /// cannot encode (ң ө ү in windows-1251).
    public static func encode(_ text: String, as charset: String) throws -> [UInt8] {
        try CharsetConverter.fromUTF16(Array(text.utf16), charset: charset)
    }

    /// Decodes `bytes`: with `encoding`, in that charset (a BOM of the same family is dropped);
    /// without, by BOM, UTF-16 shape, UTF-8 validity and ICU's detector.
    public static func decode(_ bytes: [UInt8], encoding: String? = nil) throws -> Decoded {
        if bytes.isEmpty { throw InputError(.empty, "the file is empty (0 bytes)") }
        if let encoding { return try decode(bytes, as: encoding) }
        return try bytes.withUnsafeBytes { raw -> Decoded in
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                return try utf8(UnsafeRawBufferPointer(rebasing: raw[3...]), bomNote: true)
            }
            // UTF-32's little-endian BOM starts like UTF-16's: test it first.
            if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
                let charset = bytes[0] == 0xFF ? "UTF-32LE" : "UTF-32BE"
                return Decoded(
                    text: try utf16(UnsafeRawBufferPointer(rebasing: raw[4...]), charset), encoding: charset,
                    warnings: [])
            }
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                let charset = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
                return Decoded(
                    text: try utf16(UnsafeRawBufferPointer(rebasing: raw[2...]), charset), encoding: charset,
                    warnings: [])
            }
            if let charset = utf16WithoutBOM(bytes) {
                return Decoded(text: try utf16(raw, charset), encoding: charset, warnings: [])
            }
            if let reason = binaryReason(bytes) {
                throw InputError(.binary, "this is not a text file (\(reason)). \(formatsHint)")
            }
            return try utf8(raw, bomNote: false)
        }
    }

    /// Decodes in a charset the user chose (`--encoding`) or the page declared.
    static func decode(_ bytes: [UInt8], as encoding: String) throws -> Decoded {
        guard let charset = canonicalCharset(encoding) else {
            throw InputError(.malformed, "the charset \(encoding) is unknown (ICU has no converter for it)")
        }
        let wide = charset.uppercased().startsWith("UTF-16") || charset.uppercased().startsWith("UTF-32")
        if !wide, let reason = binaryReason(bytes) {
            throw InputError(.binary, "this is not a text file (\(reason)), even read as \(charset). \(formatsHint)")
        }
        var units: [UInt16]
        do {
            units = try bytes.withUnsafeBytes { try CharsetConverter.toUTF16($0, charset: charset) }
        } catch {
            throw InputError(.malformed, "the bytes cannot be read as \(charset): \(error)")
        }
        if units.first == 0xFEFF { units.removeFirst() }
        var warnings: [String] = []
        let replaced = units.reduce(0) { $0 + ($1 == 0xFFFD || $1 == 0x1A ? 1 : 0) }
        if replaced > 0 {
            warnings.append(
                "\(replaced) byte sequence\(replaced == 1 ? " is" : "s are") not valid \(charset) and became U+FFFD: check the encoding"
            )
        }
        return Decoded(text: String(decoding: units, as: UTF16.self), encoding: charset, warnings: warnings)
    }

    static let formatsHint = "Give Jarya .txt, .md, .html or .docx files; text in UTF-8, UTF-16 or a Cyrillic charset."

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
            let guess = try CharsetDetector.detect(raw).first(where: {
                legacyCyrillic.contains($0.name) && $0.confidence >= 10
            })
        {
            let text = String(decoding: try CharsetConverter.toUTF16(raw, charset: guess.name), as: UTF16.self)
            return Decoded(
                text: text, encoding: guess.name,
                warnings: [
                    "the file is not UTF-8; decoded as \(guess.name) (ICU detector confidence \(guess.confidence)). Pass --encoding to override if the text looks wrong."
                ])
        }
        return Decoded(
            text: String(decoding: units, as: UTF16.self), encoding: "UTF-8",
            warnings: [
                "invalid UTF-8: \(substitutions) malformed byte sequence\(substitutions == 1 ? "" : "s") replaced with U+FFFD"
            ])
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
    static func binaryReason(_ bytes: [UInt8]) -> String? {
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
