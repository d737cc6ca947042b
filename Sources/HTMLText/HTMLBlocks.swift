internal import CLibXML2

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
    static let noisePrefixes = [
        "nav", "menu", "breadcrumb", "sidebar", "footer", "header", "share", "social", "comment", "cookie",
    ]

    static func isNoiseWord(_ word: Substring) -> Bool {
        noiseWords.contains(String(word)) || noisePrefixes.contains { word.hasPrefix($0) && word.count <= $0.count + 6 }
    }

    /// Whether the element's class, id or role marks it as page furniture, or it is hidden.
    static func isNoise(_ node: xmlNodePtr, name: String, insideContent: Bool) -> Bool {
        if ["html", "body", "main", "article"].contains(name) { return false }
        if LibXML.attribute(node, "hidden") != nil { return true }
        if LibXML.attribute(node, "aria-hidden")?.lowercased() == "true" { return true }
        if let style = LibXML.attribute(node, "style")?.lowercased().filter({ $0 != " " }),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
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
        let heading =
            hasHeading
            ? nil
            : headings.first.flatMap { h in
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
