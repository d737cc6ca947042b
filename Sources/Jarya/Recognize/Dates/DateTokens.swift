/// The tokens the date grammar reads: numbers, words (lower case, ё → е), and punctuation,
/// each knowing whether a space or a line break came before it.
struct DateToken: Sendable {
    enum Kind: UInt8, Sendable, Equatable { case number, word, dash, dot, comma, colon, slash, other }
    // Stored largest first, the small fields packed at the end: 48 bytes a token, not 64
    // (a document has a token every five or six characters).
    var span: Span
    /// Lowercased word text, or the punctuation itself.
    var text: String
    private var storedNumber: Int32
    private var storedDigits: Int32
    var kind: Kind
    var spaceBefore: Bool
    var newlineBefore: Bool

    /// The value of a number token (its first nine digits).
    var number: Int { Int(storedNumber) }
    /// Digits in a number token (`05` has 2).
    var digits: Int { Int(storedDigits) }

    init(kind: Kind, span: Span, text: String, number: Int = 0, digits: Int = 0, spaceBefore: Bool, newlineBefore: Bool) {
        self.span = span
        self.text = text
        self.storedNumber = Int32(clamping: number)
        self.storedDigits = Int32(clamping: digits)
        self.kind = kind
        self.spaceBefore = spaceBefore
        self.newlineBefore = newlineBefore
    }

    func isWord(_ w: String) -> Bool { kind == .word && text == w }
    var isDash: Bool { kind == .dash }
}

enum DateTokenizer {
    static func tokens(_ t: [Unicode.Scalar]) -> [DateToken] {
        var result: [DateToken] = []
        // Counted first: an array grown by doubling can hold twice what it needs, and these
        // arrays are among the largest of a document.
        result.reserveCapacity(count(t))
        var i = 0
        var space = true, newline = true
        while i < t.count {
            let c = t[i]
            if c == "\n" { newline = true; space = true; i += 1; continue }
            if c.isWhitespace { space = true; i += 1; continue }
            var tok: DateToken
            if c.isASCIIDigit {
                var j = i, n = 0
                while j < t.count && t[j].isASCIIDigit { if j - i < 9 { n = n * 10 + Int(t[j].value - 48) }; j += 1 }
                tok = DateToken(kind: .number, span: Span(i, j), text: "", number: n, digits: j - i, spaceBefore: space, newlineBefore: newline)
                i = j
            } else if c.isWordLetter {
                var j = i
                while j < t.count && t[j].isWordLetter { j += 1 }
                let word = String(scalars: t[i..<j]).foldedLowercase()
                tok = DateToken(kind: .word, span: Span(i, j), text: word, spaceBefore: space, newlineBefore: newline)
                i = j
            } else {
                let kind: DateToken.Kind
                switch c {
                case "-", "–", "—", "−", "‒": kind = .dash
                case ".": kind = .dot
                case ",": kind = .comma
                case ":": kind = .colon
                case "/": kind = .slash
                default: kind = .other
                }
                tok = DateToken(kind: kind, span: Span(i, i + 1), text: String(c), spaceBefore: space, newlineBefore: newline)
                i += 1
            }
            result.append(tok)
            space = false; newline = false
        }
        return result
    }

    /// How many tokens `tokens` makes of `t`.
    static func count(_ t: [Unicode.Scalar]) -> Int {
        var n = 0, i = 0
        while i < t.count {
            let c = t[i]
            if c.isWhitespace { i += 1; continue }
            n += 1
            if c.isASCIIDigit {
                while i < t.count && t[i].isASCIIDigit { i += 1 }
            } else if c.isWordLetter {
                while i < t.count && t[i].isWordLetter { i += 1 }
            } else {
                i += 1
            }
        }
        return n
    }
}
