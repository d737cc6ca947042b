/// Words and punctuation for the name recognizers (places, organizations, persons). A word
/// keeps its inner hyphens (`Ысык-Көл`, `Кара-Балтада`), unlike ICU's word breaks.
public struct NameToken: Sendable {
    public enum Kind: Sendable { case word, number, punctuation }
    // Stored largest first, the kind and flags packed at the end: 80 bytes a token, not 88.
    public var span: Span
    /// The text as written.
    public var text: String
    /// Lower case, ё → е.
    public var lower: String
    /// The Russian stem (the Analyze stage fills it in; the lower case until then).
    public var stem: String = ""
    /// What the word may be in a dictionary: its lower case, its Russian stem, its Kyrgyz stems
    /// (the Analyze stage fills these in; empty for punctuation and numbers).
    public var forms: [String] = []
    public var kind: Kind
    /// First letter upper case.
    public var isCapitalized: Bool
    /// Two or more letters, all upper case (`ЮНИСЕФ`, `БЕКИЕВ`, `ТОКМОКЕ`).
    public var isAllCaps: Bool
    /// A line break comes before the token.
    public var newlineBefore: Bool

    init(kind: Kind, span: Span, text: String, lower: String, isCapitalized: Bool, isAllCaps: Bool, newlineBefore: Bool) {
        self.span = span
        self.text = text
        self.lower = lower
        self.kind = kind
        self.isCapitalized = isCapitalized
        self.isAllCaps = isAllCaps
        self.newlineBefore = newlineBefore
    }

    public func `is`(_ punctuation: Unicode.Scalar) -> Bool { kind == .punctuation && text.unicodeScalars.first == punctuation }
}

public enum NameTokenizer {
    public static func tokens(_ t: [Unicode.Scalar]) -> [NameToken] {
        // Counted first (`wordEnd` is the one rule for both passes): an array grown by doubling
        // can hold twice what it needs, and the tokens live as long as the document.
        var result: [NameToken] = []
        result.reserveCapacity(count(t))
        var i = 0
        var newline = true
        while i < t.count {
            let c = t[i]
            if c == "\n" { newline = true; i += 1; continue }
            if c.isWhitespace { i += 1; continue }
            var j = i + 1
            let kind: NameToken.Kind
            if c.isWordLetter {
                kind = .word
                j = wordEnd(t, i)
            } else if c.isASCIIDigit {
                kind = .number
                while j < t.count && t[j].isASCIIDigit { j += 1 }
            } else {
                kind = .punctuation
            }
            let text = String(scalars: t[i..<j])
            var upper = 0, lower = 0
            if kind == .word {
                for u in t[i..<j] where u.isWordLetter {
                    if u.isUppercase { upper += 1 } else if u.isLowercase { lower += 1 }
                }
            }
            result.append(NameToken(
                kind: kind, span: Span(i, j), text: text, lower: text.foldedLowercase(),
                isCapitalized: t[i].isUppercase, isAllCaps: upper >= 2 && lower == 0, newlineBefore: newline))
            newline = false
            i = j
        }
        // Growth by doubling can leave half the array unused; the tokens live for the whole
        // document, so give them an array of their own size.
        return result
    }

    /// The end of the word starting at `i`: letters, with inner hyphens and apostrophes.
    static func wordEnd(_ t: [Unicode.Scalar], _ i: Int) -> Int {
        var j = i + 1
        while j < t.count {
            if t[j].isWordLetter { j += 1; continue }
            // Inner hyphen or apostrophe between letters.
            if (t[j] == "-" || t[j] == "'" || t[j] == "’"), j + 1 < t.count, t[j + 1].isWordLetter { j += 2; continue }
            break
        }
        return j
    }

    /// How many tokens `tokens` makes of `t`.
    static func count(_ t: [Unicode.Scalar]) -> Int {
        var n = 0, i = 0
        while i < t.count {
            let c = t[i]
            if c.isWhitespace { i += 1; continue }
            n += 1
            if c.isWordLetter {
                i = wordEnd(t, i)
            } else if c.isASCIIDigit {
                i += 1
                while i < t.count && t[i].isASCIIDigit { i += 1 }
            } else {
                i += 1
            }
        }
        return n
    }
}
