internal import CLibXML2

/// The text of a DOCX's `word/document.xml` (WordprocessingML), read with libxml2's XML parser
/// without DTD loading, entity expansion or network access.
public enum WordXML {
    /// One line per paragraph (`w:p`: the text of its `w:t`, `w:tab` → tab, `w:br` → line break)
    /// and per table row (`w:tr`: its cells joined by ` | `), in document order. Empty
    /// paragraphs are left out.
    public static func lines(_ xml: [UInt8]) throws(HTMLTextError) -> [String] {
        LibXML.initialize()
        guard !xml.isEmpty else { throw HTMLTextError(.malformed, "word/document.xml is empty") }
        guard xml.count < Int(Int32.max) else {
            throw HTMLTextError(.tooLarge, "word/document.xml has \(xml.count) bytes, more than libxml2 can parse")
        }
        try HTMLReader.refuseDocumentTypeDeclarations(xml, isHTML: false)
        guard let ctxt = xmlNewParserCtxt() else {
            throw HTMLTextError(.parser, "libxml2 could not create an XML parser")
        }
        defer { xmlFreeParserCtxt(ctxt) }
        // No XML_PARSE_NOENT (entity expansion), no DTDLOAD/DTDATTR/DTDVALID, no XINCLUDE, no HUGE.
        let options =
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
        let doc: xmlDocPtr? = xml.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(
                    ctxt, chars.baseAddress, Int32(chars.count), "document.xml", nil, Int32(bitPattern: options))
            }
        }
        guard let doc, ctxt.pointee.wellFormed != 0 else {
            if let doc { xmlFreeDoc(doc) }
            throw HTMLTextError(
                .malformed, "word/document.xml is not well-formed XML\(LibXML.lastError(ctxt).map { ": \($0)" } ?? "")")
        }
        defer { xmlFreeDoc(doc) }
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            throw HTMLTextError(
                .entityDeclaration,
                "word/document.xml has a document type declaration, which a Word document never has; it may declare external entities, so the file is refused"
            )
        }
        guard let root = xmlDocGetRootElement(doc), LibXML.name(root) == "document", WordWalker.isWordNamespace(root)
        else {
            throw HTMLTextError(
                .malformed, "word/document.xml is not a WordprocessingML document (no w:document root element)")
        }
        return WordWalker.lines(root: root)
    }
}

/// Walks a WordprocessingML tree into lines (see `WordXML.lines`).
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
    static let skipped: Set<String> = [
        "del", "delText", "instrText", "Fallback", "rPr", "pPr", "tblPr", "trPr", "tcPr", "sectPr",
    ]

    static func lines(root: xmlNodePtr) -> [String] {
        var lines: [String] = []
        var paragraphs: [String] = []  // open paragraphs, innermost last
        var cells: [String] = []  // open cells
        var rows: [[String]] = []  // open rows
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
                            if !text.isEmpty {
                                cells[cells.count - 1] += (cells[cells.count - 1].isEmpty ? "" : " ") + text
                            }
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
                            if !text.isEmpty {
                                cells[cells.count - 1] += (cells[cells.count - 1].isEmpty ? "" : " ") + text
                            }
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
