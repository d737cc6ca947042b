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
    public static func blocks(html: [UInt8], encoding: String? = nil, preferMainContent: Bool = true) throws(HTMLTextError) -> [String] {
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
    public static func page(html: [UInt8], encoding: String? = nil, preferMainContent: Bool = true) throws(HTMLTextError) -> Page {
        LibXML.initialize()
        if html.isEmpty { return Page(blocks: [], stoppedAtDepth: false) }
        guard html.count < Int(Int32.max) else { throw HTMLTextError(.tooLarge, "the page has \(html.count) bytes, more than libxml2 can parse") }
        try refuseDocumentTypeDeclarations(html, isHTML: true)
        let html = AttributeLimit.apply(html)
        guard let ctxt = htmlNewParserCtxt() else { throw HTMLTextError(.parser, "libxml2 could not create an HTML parser") }
        defer { htmlFreeParserCtxt(ctxt) }
        var options = HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_COMPACT.rawValue
        if encoding != nil { options |= HTML_PARSE_IGNORE_ENC.rawValue }
        let doc: htmlDocPtr? = html.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(chars.count), "page.html", encoding, Int32(bitPattern: options))
            }
        }
        guard let doc else {
            throw HTMLTextError(.malformed, "libxml2 could not parse the page\(LibXML.lastError(ctxt).map { ": \($0)" } ?? "")")
        }
        defer { xmlFreeDoc(doc) }
        // No XML_PARSE_HUGE: without the limit, nesting is bounded only by the stack.
        let stopped = LibXML.lastError(ctxt)?.contains("Excessive depth") == true
        guard let root = xmlDocGetRootElement(doc) else { return Page(blocks: [], stoppedAtDepth: stopped) }
        return Page(blocks: HTMLWalker.blocks(root: root, preferMainContent: preferMainContent), stoppedAtDepth: stopped)
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
                  (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F || c == 0x2E || c == 0x3A {
                name.append(html[i]); i += 1
            }
            return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
        }
        if head.starts(with: Array("<?xml".utf8)), let end = find("?>", from: 0), let at = find("encoding", from: 0), at < end {
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
                    if let q = quote { if c == q { quote = nil } }
                    else if c == 0x22 || c == 0x27 { quote = c }
                    else if c == UInt8(ascii: "[") { internalSubset = true }
                    else if c == UInt8(ascii: "<"), matches(entity, at: j) { declaresEntity = true }
                    else if c == UInt8(ascii: ">") && !internalSubset { break }
                    else if c == UInt8(ascii: "]") && internalSubset {
                        // The end of the subset: `]>` closes the declaration.
                        var k = j + 1
                        while k < limit, bytes[k] == 0x20 || bytes[k] == 0x0A || bytes[k] == 0x0D || bytes[k] == 0x09 { k += 1 }
                        if k < limit, bytes[k] == UInt8(ascii: ">") { break }
                    }
                    j += 1
                }
                if declaresEntity {
                    throw HTMLTextError(.entityDeclaration, "the document type declaration (<!DOCTYPE … [ … ]>) declares entities (<!ENTITY …>); an external entity could make a parser read local files or the network, so the file is refused")
                }
                if internalSubset {
                    throw HTMLTextError(.entityDeclaration, "the document type declaration has an internal subset (<!DOCTYPE … [ … ]>), which \(isHTML ? "HTML" : "a Word document") never uses and which may declare entities, so the file is refused")
                }
                if !isHTML {
                    throw HTMLTextError(.entityDeclaration, "the XML has a document type declaration (<!DOCTYPE …>), which a Word document never has; it may refer to external entities or DTDs, so the file is refused")
                }
                i = j
            }
            i += 1
        }
    }
}

/// Why HTML or XML could not be turned into text.
public struct HTMLTextError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// The document declares entities or a DTD (possible external entity attack): refused.
        case entityDeclaration
        /// Not well-formed XML, or not the structure expected (no `w:document`).
        case malformed
        /// Larger than the parser accepts.
        case tooLarge
        /// libxml2 itself failed (out of memory).
        case parser
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

/// The text of a DOCX's `word/document.xml` (WordprocessingML), read with libxml2's XML parser
/// without DTD loading, entity expansion or network access.
public enum WordXML {
    /// One line per paragraph (`w:p`: the text of its `w:t`, `w:tab` → tab, `w:br` → line break)
    /// and per table row (`w:tr`: its cells joined by ` | `), in document order. Empty
    /// paragraphs are left out.
    public static func lines(_ xml: [UInt8]) throws(HTMLTextError) -> [String] {
        LibXML.initialize()
        guard !xml.isEmpty else { throw HTMLTextError(.malformed, "word/document.xml is empty") }
        guard xml.count < Int(Int32.max) else { throw HTMLTextError(.tooLarge, "word/document.xml has \(xml.count) bytes, more than libxml2 can parse") }
        try HTMLReader.refuseDocumentTypeDeclarations(xml, isHTML: false)
        guard let ctxt = xmlNewParserCtxt() else { throw HTMLTextError(.parser, "libxml2 could not create an XML parser") }
        defer { xmlFreeParserCtxt(ctxt) }
        // No XML_PARSE_NOENT (entity expansion), no DTDLOAD/DTDATTR/DTDVALID, no XINCLUDE, no HUGE.
        let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
        let doc: xmlDocPtr? = xml.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(chars.count), "document.xml", nil, Int32(bitPattern: options))
            }
        }
        guard let doc, ctxt.pointee.wellFormed != 0 else {
            if let doc { xmlFreeDoc(doc) }
            throw HTMLTextError(.malformed, "word/document.xml is not well-formed XML\(LibXML.lastError(ctxt).map { ": \($0)" } ?? "")")
        }
        defer { xmlFreeDoc(doc) }
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            throw HTMLTextError(.entityDeclaration, "word/document.xml has a document type declaration, which a Word document never has; it may declare external entities, so the file is refused")
        }
        guard let root = xmlDocGetRootElement(doc), LibXML.name(root) == "document", WordWalker.isWordNamespace(root) else {
            throw HTMLTextError(.malformed, "word/document.xml is not a WordprocessingML document (no w:document root element)")
        }
        return WordWalker.lines(root: root)
    }
}

// MARK: - libxml2 helpers

enum LibXML {
    /// Initializes libxml2 once (required before parsing on several threads) and replaces its
    /// external entity loader with one that refuses everything: no file or URL is ever opened.
    static func initialize() { _ = initialized }

    private static let initialized: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    static func name(_ node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n)
    }

    /// The value of attribute `name` (no namespace check), without allocating through libxml2.
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, String(cString: n) == name {
                var text = ""
                var child = a.pointee.children
                while let c = child {
                    if let content = c.pointee.content { text += String(cString: content) }
                    child = c.pointee.next
                }
                return text
            }
            attr = a.pointee.next
        }
        return nil
    }

    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child {
            result.append(c)
            child = c.pointee.next
        }
        return result
    }

    static func lastError(_ ctxt: xmlParserCtxtPtr) -> String? {
        let error = ctxt.pointee.lastError
        guard let message = error.message else { return nil }
        var text = String(cString: message)
        while text.last == "\n" || text.last == " " { text.removeLast() }
        return error.line > 0 ? "line \(error.line): \(text)" : text
    }
}

// MARK: - HTML → blocks

/// Builds text blocks: whitespace collapsed within a block, `<br>` as a line break, cells of a
/// row separated by ` | `.
struct BlockBuilder {
    var blocks: [String] = []
    private var lines: [String] = []
    private var line = ""
    private var pendingSpace = false

    mutating func text(_ s: String, preformatted: Bool = false) {
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n" where preformatted:
                lineBreak()
            case " ", "\t", "\n", "\r", "\u{0C}":
                if !line.isEmpty { pendingSpace = true }
            default:
                if pendingSpace { line.append(" "); pendingSpace = false }
                line.unicodeScalars.append(scalar)
            }
        }
    }

    mutating func lineBreak() {
        lines.append(line)
        line = ""
        pendingSpace = false
    }

    mutating func cellSeparator() {
        if !line.isEmpty { line += " | " }
        pendingSpace = false
    }

    /// Ends the current block. An empty line inside it (`<br><br>`) splits it in two.
    mutating func endBlock() {
        lines.append(line)
        line = ""
        pendingSpace = false
        var current: [String] = []
        for l in lines {
            var t = Substring(l)
            while t.hasSuffix(" | ") { t = t.dropLast(3) }
            if t.isEmpty {
                if !current.isEmpty { blocks.append(current.joined(separator: "\n")); current = [] }
            } else {
                current.append(String(t))
            }
        }
        if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
        lines = []
    }
}

enum HTMLWalker {
    /// Elements whose content is never text of the release.
    static let dropped: Set<String> = [
        "head", "title", "meta", "link", "script", "style", "noscript", "template", "nav", "header", "footer",
        "aside", "form", "button", "select", "option", "textarea", "input", "iframe", "frame", "frameset", "object",
        "embed", "svg", "math", "canvas", "video", "audio", "map", "dialog",
    ]
    /// Elements that start and end a block.
    static let blockElements: Set<String> = [
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article", "main",
        "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "caption", "figure", "figcaption", "address",
        "pre", "hr", "body", "html", "center", "details", "summary", "fieldset", "legend", "hgroup",
    ]
    /// Words in class, id or role that mark navigation, menus and other page furniture.
    static let noiseWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "menubar", "mainmenu", "submenu", "breadcrumb", "breadcrumbs",
        "sidebar", "footer", "header", "share", "sharing", "social", "comments", "comment", "cookie", "cookies",
        "banner", "contentinfo", "complementary", "topbar", "toolbar", "pagination", "related", "advert", "ads",
    ]
    static let noisePrefixes = ["nav", "menu", "breadcrumb", "sidebar", "footer", "header", "share", "social", "comment", "cookie"]

    static func isNoiseWord(_ word: Substring) -> Bool {
        noiseWords.contains(String(word)) || noisePrefixes.contains { word.hasPrefix($0) && word.count <= $0.count + 6 }
    }

    /// Whether the element's class, id or role marks it as page furniture, or it is hidden.
    static func isNoise(_ node: xmlNodePtr, name: String, insideContent: Bool) -> Bool {
        if ["html", "body", "main", "article"].contains(name) { return false }
        if LibXML.attribute(node, "hidden") != nil { return true }
        if LibXML.attribute(node, "aria-hidden")?.lowercased() == "true" { return true }
        if let style = LibXML.attribute(node, "style")?.lowercased().filter({ $0 != " " }),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        for attr in ["class", "id", "role"] {
            guard let value = LibXML.attribute(node, attr)?.lowercased() else { continue }
            for word in value.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where isNoiseWord(word) {
                // The header of the article itself (title, date) is content.
                if insideContent && word.hasPrefix("header") { continue }
                return !containsContent(node)
            }
        }
        return false
    }

    /// Whether `node` holds an `<article>` or `<main>`: a wrapper named "page-with-sidebar" is not noise.
    static func containsContent(_ node: xmlNodePtr) -> Bool {
        var stack = LibXML.children(node)
        while let n = stack.popLast() {
            guard n.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = LibXML.name(n).lowercased()
            if name == "article" || name == "main" { return true }
            stack += LibXML.children(n)
        }
        return false
    }

    /// Whether an element (found by a walk) should be skipped with everything in it.
    static func skip(_ node: xmlNodePtr, name: String, insideContent: Bool) -> Bool {
        if dropped.contains(name) {
            if name == "header" && insideContent { return false }
            return true
        }
        return isNoise(node, name: name, insideContent: insideContent)
    }

    static func blocks(root: xmlNodePtr, preferMainContent: Bool) -> [String] {
        let start = preferMainContent ? mainContent(root) : nil
        var builder = BlockBuilder()
        if let start, let heading = start.heading { walk(heading, into: &builder, insideContent: true) }
        walk(start?.node ?? root, into: &builder, insideContent: start != nil)
        builder.endBlock()
        return builder.blocks
    }

    /// The page's main content: the longest `<article>`, else the first `<main>`, skipping
    /// furniture; with the page's `<h1>` when the content has none and the heading comes first.
    static func mainContent(_ root: xmlNodePtr) -> (node: xmlNodePtr, heading: xmlNodePtr?)? {
        var articles: [xmlNodePtr] = [], mains: [xmlNodePtr] = [], headings: [xmlNodePtr] = []
        var order: [UnsafeMutableRawPointer: Int] = [:]
        var stack: [(xmlNodePtr, Bool)] = [(root, false)]
        while let (n, inside) = stack.popLast() {
            guard n.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = LibXML.name(n).lowercased()
            if skip(n, name: name, insideContent: inside) { continue }
            order[UnsafeMutableRawPointer(n)] = order.count
            switch name {
            case "article": articles.append(n)
            case "main": mains.append(n)
            case "h1": headings.append(n)
            default: break
            }
            let nowInside = inside || name == "article" || name == "main"
            for c in LibXML.children(n).reversed() { stack.append((c, nowInside)) }
        }
        let chosen: xmlNodePtr
        if !articles.isEmpty {
            chosen = articles.max { textLength($0) < textLength($1) }!
        } else if let main = mains.first {
            chosen = main
        } else {
            return nil
        }
        guard textLength(chosen) >= 40 else { return nil }
        let hasHeading = headings.contains { isDescendant($0, of: chosen) }
        let heading = hasHeading ? nil : headings.first.flatMap { h in
            order[UnsafeMutableRawPointer(h)]! < order[UnsafeMutableRawPointer(chosen)]! ? h : nil
        }
        return (chosen, heading)
    }

    static func isDescendant(_ node: xmlNodePtr, of ancestor: xmlNodePtr) -> Bool {
        var p = node.pointee.parent
        while let q = p {
            if q == ancestor { return true }
            p = q.pointee.parent
        }
        return false
    }

    static func textLength(_ node: xmlNodePtr) -> Int {
        var builder = BlockBuilder()
        walk(node, into: &builder, insideContent: true)
        builder.endBlock()
        return builder.blocks.reduce(0) { $0 + $1.unicodeScalars.count }
    }

    /// Depth-first, without recursion (pages can nest deeply), with enter and exit events.
    static func walk(_ root: xmlNodePtr, into builder: inout BlockBuilder, insideContent: Bool) {
        var stack: [(node: xmlNodePtr, exit: Bool, pre: Bool)] = [(root, false, false)]
        while let (n, exit, pre) = stack.popLast() {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content { builder.text(String(cString: content), preformatted: pre) }
            case XML_ENTITY_REF_NODE:
                // An entity libxml2 could not resolve stays as written.
                builder.text("&\(LibXML.name(n));")
            case XML_ELEMENT_NODE:
                let name = LibXML.name(n).lowercased()
                if exit {
                    if blockElements.contains(name) { builder.endBlock() }
                    continue
                }
                if n != root && skip(n, name: name, insideContent: insideContent) { continue }
                switch name {
                case "br": builder.lineBreak(); continue
                case "hr": builder.endBlock(); continue
                case "td", "th": builder.cellSeparator()
                case "img":
                    continue
                default: break
                }
                if blockElements.contains(name) { builder.endBlock() }
                stack.append((n, true, pre))
                let childPre = pre || name == "pre" || name == "textarea"
                for c in LibXML.children(n).reversed() { stack.append((c, false, childPre)) }
            default:
                continue
            }
        }
    }
}

// MARK: - WordprocessingML → lines

enum WordWalker {
    static let namespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]

    static func isWordNamespace(_ node: xmlNodePtr) -> Bool {
        guard let ns = node.pointee.ns, let href = ns.pointee.href else { return false }
        return namespaces.contains(String(cString: href))
    }

    /// Elements skipped with their content: deleted text, field instructions, the fallback
    /// copy of alternate content (the text is in the chosen copy).
    static let skipped: Set<String> = ["del", "delText", "instrText", "Fallback", "rPr", "pPr", "tblPr", "trPr", "tcPr", "sectPr"]

    static func lines(root: xmlNodePtr) -> [String] {
        var lines: [String] = []
        var paragraphs: [String] = []   // open paragraphs, innermost last
        var cells: [String] = []        // open cells
        var rows: [[String]] = []       // open rows
        var stack: [(node: xmlNodePtr, exit: Bool)] = [(root, false)]

        func append(_ s: String) {
            if paragraphs.isEmpty { paragraphs.append(s) } else { paragraphs[paragraphs.count - 1] += s }
        }
        func clean(_ s: String) -> String {
            // Collapse runs of spaces that Word splits across runs; keep tabs and breaks.
            var out = "", space = false
            for ch in s.unicodeScalars {
                if ch == " " { space = true; continue }
                if space && !out.isEmpty && ch != "\n" { out += " " }
                space = false
                out.unicodeScalars.append(ch)
            }
            return out.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingSpaces() }.joined(separator: "\n")
                .trimmingCharacters(in: "\n")
        }

        while let (n, exit) = stack.popLast() {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                // Only the text of w:t counts; whitespace between elements does not.
                if let parent = n.pointee.parent, LibXML.name(parent) == "t", let content = n.pointee.content {
                    append(String(cString: content))
                }
            case XML_ELEMENT_NODE:
                let name = LibXML.name(n)
                let word = isWordNamespace(n)
                if exit {
                    switch name {
                    case "p" where word:
                        let text = clean(paragraphs.removeLast())
                        if !cells.isEmpty {
                            if !text.isEmpty { cells[cells.count - 1] += (cells[cells.count - 1].isEmpty ? "" : " ") + text }
                        } else if !text.isEmpty {
                            lines.append(text)
                        }
                    case "tc" where word:
                        let cell = cells.removeLast()
                        if !rows.isEmpty { rows[rows.count - 1].append(cell) }
                    case "tr" where word:
                        let row = rows.removeLast().map { $0.replacingNewlines() }.filter { !$0.isEmpty }
                        let text = row.joined(separator: " | ")
                        if !cells.isEmpty {
                            // A table inside a cell: its rows join the outer cell.
                            if !text.isEmpty { cells[cells.count - 1] += (cells[cells.count - 1].isEmpty ? "" : " ") + text }
                        } else if !text.isEmpty {
                            lines.append(text)
                        }
                    default: break
                    }
                    continue
                }
                if skipped.contains(name) { continue }
                if word {
                    switch name {
                    case "p": paragraphs.append("")
                    case "tc": cells.append("")
                    case "tr": rows.append([])
                    case "tab", "ptab": append("\t"); continue
                    case "br", "cr": append("\n"); continue
                    case "noBreakHyphen": append("-"); continue
                    default: break
                    }
                }
                stack.append((n, true))
                for c in LibXML.children(n).reversed() { stack.append((c, false)) }
            default:
                continue
            }
        }
        return lines
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }

    func replacingNewlines() -> String {
        split(separator: "\n").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
