/// E-mail addresses: `local@domain.tld`. The value is the address in lower case.
public struct EmailRecognizer: Recognizer {
    public let name = "email"
    public init() {}

    static func isLocal(_ c: Unicode.Scalar) -> Bool {
        c.isASCIIAlphanumeric || c == "." || c == "_" || c == "-" || c == "+" || c == "%"
    }

    static func isDomain(_ c: Unicode.Scalar) -> Bool { c.isASCIIAlphanumeric || c == "." || c == "-" }

    public func recognize(_ document: inout Document) {
        let t = document.text.scalars
        // Earlier recognizers' entities, and the end of the last address found here: this
        // recognizer's own addresses come in text order, so a candidate can only overlap the last.
        let claimed = SpanIndex(document.entities.lazy.map(\.span))
        var lastEnd = Int.min
        var i = 0
        while i < t.count {
            // Addresses are found from their `@`: the text between is passed over in one tight loop.
            i = t.nextIndex(from: i) { $0 == "@" }
            guard i < t.count else { break }
            defer { i += 1 }
            var a = i
            while a > 0 && Self.isLocal(t[a - 1]) { a -= 1 }
            while a < i && !t[a].isASCIIAlphanumeric { a += 1 }  // no leading dot or dash
            var b = i + 1
            while b < t.count && Self.isDomain(t[b]) { b += 1 }
            while b > i + 1 && (t[b - 1] == "." || t[b - 1] == "-") { b -= 1 }
            guard a < i, b > i + 1 else { continue }
            let domain = String(scalars: t[(i + 1)..<b])
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }),
                let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter)
            else { continue }
            let span = Span(a, b)
            guard !claimed.overlaps(span), span.start >= lastEnd else { continue }
            document.add(.email, span, .contact(document.text[span].lowercased()))
            lastEnd = span.end
            i = b
        }
    }
}
