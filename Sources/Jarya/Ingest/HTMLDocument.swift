import HTMLText

/// An HTML page → plain text: the charset (from `--encoding`, a BOM, the page's `<meta charset>`,
/// or detection) is decoded here with ICU, then libxml2's HTML parser reads the UTF-8 result and
/// the page's main text is kept (HTMLText). Nothing is fetched from the network.
enum HTMLDocument {
    struct Page {
        var text: String
        var encoding: String
        var warnings: [String]
    }

    static func text(_ bytes: [UInt8], encoding override: String?) throws -> Page {
        if bytes.isEmpty { throw InputError(.empty, "the file is empty (0 bytes)") }
        let decoded = try decode(bytes, override: override)
        let page: HTMLReader.Page
        do {
            page = try HTMLReader.page(html: Array(decoded.text.utf8), encoding: "UTF-8")
        } catch {
            switch error.kind {
            case .entityDeclaration:
                throw InputError(.malformed, "this HTML page cannot be read safely: \(error.message).")
            case .malformed, .parser: throw InputError(.malformed, "this HTML page cannot be read: \(error.message).")
            case .tooLarge: throw InputError(.tooLarge, "this HTML page is too large: \(error.message).")
            }
        }
        // Paragraphs separated by blank lines, ending with a newline: the layout of a text file, so
        // the same release as .txt and as .html has the same normalized text (and record id).
        var warnings = decoded.warnings
        if page.stoppedAtDepth {
            let note =
                "the page nests its elements more than 256 levels deep; the HTML parser stops there, so the text from that point on is missing"
            guard !page.blocks.isEmpty else { throw InputError(.malformed, "this HTML page cannot be read: \(note).") }
            warnings.append(note + ". Save the page's text as .txt to read all of it.")
        }
        let blocks = page.blocks
        return Page(
            text: blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n", encoding: decoded.encoding,
            warnings: warnings)
    }

    /// The page's text. A BOM and `--encoding` come first, then the page's own declaration,
    /// unless the page is valid UTF-8 with non-ASCII letters while declaring a legacy charset
    /// (a page saved again as UTF-8 that kept its old `<meta>`), then detection.
    static func decode(_ bytes: [UInt8], override: String?) throws -> TextDecoder.Decoded {
        if let override { return try TextDecoder.decode(bytes, encoding: override) }
        let hasBOM =
            bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE])
            || bytes.starts(with: [0xFE, 0xFF])
        guard !hasBOM, let declared = HTMLReader.declaredCharset(bytes) else { return try TextDecoder.decode(bytes) }
        guard let charset = TextDecoder.canonicalCharset(declared) else {
            var decoded = try TextDecoder.decode(bytes)
            decoded.warnings.append(
                "the page declares the charset \(declared), which ICU does not know; decoded as \(decoded.encoding)")
            return decoded
        }
        let upper = charset.uppercased()
        // An ASCII-compatible page cannot be UTF-16 whatever it says (the HTML standard reads it as UTF-8).
        if upper.startsWith("UTF-16") || upper.startsWith("UTF-32") || upper == "UTF-8" || upper == "US-ASCII" {
            return try TextDecoder.decode(bytes)
        }
        if bytes.contains(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) != nil {
            var decoded = try TextDecoder.decode(bytes)
            decoded.warnings.append("the page declares \(charset) but its bytes are valid UTF-8; decoded as UTF-8")
            return decoded
        }
        return try TextDecoder.decode(bytes, encoding: charset)
    }
}
