internal import CLibXML2

/// HTML and XML → text, through libxml2. No Foundation here, so libxml2's C types never meet
/// the ones FoundationXML brings (as ICUText does for ICU).
///
/// Nothing is ever fetched: the parsers run with `NONET`, never load DTDs or expand entities,
/// and libxml2's external entity loader is replaced by one that refuses every request.
public enum HTMLReader {
    /// The libxml2 version this was built against, for diagnostics.
    public static var libxmlVersion: String { LIBXML_DOTTED_VERSION }

    /// HTML → plain text blocks (paragraphs, headings, list items, table rows) in document
    /// order. A block may hold single line breaks (`<br>`); blocks have no empty lines.
    ///
    /// - Parameters:
    ///   - html: the page's bytes.
    ///   - encoding: the charset of `html` when the caller has decoded or detected it (then a
    ///     `<meta charset>` in the page is ignored); nil lets libxml2 honour the page's own
    ///     `<meta charset>` / `http-equiv` declaration.
    ///   - preferMainContent: read only the `<article>` (the longest one) or `<main>` when the
    ///     page has one.
    public static func blocks(html: [UInt8], encoding: String? = nil, preferMainContent: Bool = true)
        throws(HTMLTextError) -> [String]
    {
        try page(html: html, encoding: encoding, preferMainContent: preferMainContent).blocks
    }

    /// A page's text blocks, and whether libxml2 stopped early.
    public struct Page: Sendable {
        public var blocks: [String]
        /// libxml2 stops at elements nested more than 256 deep (its guard against stack
        /// exhaustion): the text from there on is missing, and the caller must say so.
        public var stoppedAtDepth: Bool
    }

    /// As `blocks`, and whether the parser stopped at its depth limit.
    public static func page(html: [UInt8], encoding: String? = nil, preferMainContent: Bool = true)
        throws(HTMLTextError) -> Page
    {
        LibXML.initialize()
        if html.isEmpty { return Page(blocks: [], stoppedAtDepth: false) }
        guard html.count < Int(Int32.max) else {
            throw HTMLTextError(.tooLarge, "the page has \(html.count) bytes, more than libxml2 can parse")
        }
        try refuseDocumentTypeDeclarations(html, isHTML: true)
        let html = AttributeLimit.apply(html)
        guard let ctxt = htmlNewParserCtxt() else {
            throw HTMLTextError(.parser, "libxml2 could not create an HTML parser")
        }
        defer { htmlFreeParserCtxt(ctxt) }
        var options =
            HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_COMPACT.rawValue
        if encoding != nil { options |= HTML_PARSE_IGNORE_ENC.rawValue }
        let doc: htmlDocPtr? = html.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(
                    ctxt, chars.baseAddress, Int32(chars.count), "page.html", encoding, Int32(bitPattern: options))
            }
        }
        guard let doc else {
            throw HTMLTextError(
                .malformed, "libxml2 could not parse the page\(LibXML.lastError(ctxt).map { ": \($0)" } ?? "")")
        }
        defer { xmlFreeDoc(doc) }
        // No XML_PARSE_HUGE: without the limit, nesting is bounded only by the stack.
        let stopped = LibXML.lastError(ctxt)?.contains("Excessive depth") == true
        guard let root = xmlDocGetRootElement(doc) else { return Page(blocks: [], stoppedAtDepth: stopped) }
        return Page(
            blocks: HTMLWalker.blocks(root: root, preferMainContent: preferMainContent), stoppedAtDepth: stopped)
    }

    /// The text of `html` as paragraphs separated by blank lines.
    public static func text(html: [UInt8], encoding: String? = nil) throws(HTMLTextError) -> String {
        try blocks(html: html, encoding: encoding).joined(separator: "\n\n")
    }

    /// The charset a page declares for itself in its first 8 KiB: `<meta charset=…>`,
    /// `<meta http-equiv="Content-Type" content="text/html; charset=…">`, or an XML declaration's
    /// `encoding="…"`. Only ASCII-compatible bytes are looked at (a UTF-16 page declares nothing here).
    public static func declaredCharset(_ html: [UInt8]) -> String? {
        let head = html.prefix(8192).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        func find(_ needle: String, from: Int) -> Int? {
            let n = Array(needle.utf8)
            guard head.count >= n.count, from <= head.count - n.count else { return nil }
            var i = from
            while i <= head.count - n.count {
                if head[i] == n[0] && Array(head[i..<(i + n.count)]) == n { return i }
                i += 1
            }
            return nil
        }
        /// The value after `key`, `=` and an optional quote, at `start`.
        func value(after start: Int, limit: Int) -> String? {
            var i = start
            while i < limit, head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x0A || head[i] == 0x0D { i += 1 }
            guard i < limit, head[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            while i < limit, head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x22 || head[i] == 0x27 { i += 1 }
            var name: [UInt8] = []
            while i < limit, let c = Optional(head[i]),
                (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F || c == 0x2E || c == 0x3A
            {
                name.append(html[i]); i += 1
            }
            return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
        }
        if head.starts(with: Array("<?xml".utf8)), let end = find("?>", from: 0), let at = find("encoding", from: 0),
            at < end
        {
            if let v = value(after: at + 8, limit: end) { return v }
        }
        var from = 0
        while let meta = find("<meta", from: from) {
            let end = find(">", from: meta) ?? head.count
            var at = meta
            while let c = find("charset", from: at), c < end {
                if let v = value(after: c + 7, limit: end) { return v }
                at = c + 7
            }
            from = meta + 5
        }
        return nil
    }

    /// Refuses a document type declaration with an internal subset (`<!DOCTYPE x [ … ]>`): that
    /// is where entities are declared, and an external entity (`SYSTEM "file:///etc/passwd"`)
    /// would make a parser read a local file or the network. HTML never needs one; XML (DOCX)
    /// callers refuse every DOCTYPE.
    static func refuseDocumentTypeDeclarations(_ bytes: [UInt8], isHTML: Bool) throws(HTMLTextError) {
        let limit = min(bytes.count, 1 << 20)
        let lower = { (b: UInt8) -> UInt8 in b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        let doctype = Array("<!doctype".utf8), entity = Array("<!entity".utf8)
        func matches(_ needle: [UInt8], at i: Int) -> Bool {
            guard i + needle.count <= limit else { return false }
            for k in 0..<needle.count where lower(bytes[i + k]) != needle[k] { return false }
            return true
        }
        var i = 0
        while i < limit {
            if bytes[i] == UInt8(ascii: "<"), matches(doctype, at: i) {
                var j = i + doctype.count, internalSubset = false, declaresEntity = false
                var quote: UInt8? = nil
                while j < limit {
                    let c = bytes[j]
                    if let q = quote {
                        if c == q { quote = nil }
                    } else if c == 0x22 || c == 0x27 {
                        quote = c
                    } else if c == UInt8(ascii: "[") {
                        internalSubset = true
                    } else if c == UInt8(ascii: "<"), matches(entity, at: j) {
                        declaresEntity = true
                    } else if c == UInt8(ascii: ">") && !internalSubset {
                        break
                    } else if c == UInt8(ascii: "]") && internalSubset {
                        // The end of the subset: `]>` closes the declaration.
                        var k = j + 1
                        while k < limit, bytes[k] == 0x20 || bytes[k] == 0x0A || bytes[k] == 0x0D || bytes[k] == 0x09 {
                            k += 1
                        }
                        if k < limit, bytes[k] == UInt8(ascii: ">") { break }
                    }
                    j += 1
                }
                if declaresEntity {
                    throw HTMLTextError(
                        .entityDeclaration,
                        "the document type declaration (<!DOCTYPE … [ … ]>) declares entities (<!ENTITY …>); an external entity could make a parser read local files or the network, so the file is refused"
                    )
                }
                if internalSubset {
                    throw HTMLTextError(
                        .entityDeclaration,
                        "the document type declaration has an internal subset (<!DOCTYPE … [ … ]>), which \(isHTML ? "HTML" : "a Word document") never uses and which may declare entities, so the file is refused"
                    )
                }
                if !isHTML {
                    throw HTMLTextError(
                        .entityDeclaration,
                        "the XML has a document type declaration (<!DOCTYPE …>), which a Word document never has; it may refer to external entities or DTDs, so the file is refused"
                    )
                }
                i = j
            }
            i += 1
        }
    }
}
