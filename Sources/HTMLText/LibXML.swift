internal import CLibXML2

/// libxml2 helpers shared by the HTML and WordprocessingML readers.
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
