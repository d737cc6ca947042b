/// One token of the normalized text: a run of letters, a run of ASCII digits, or one other
/// scalar that is not white space. Every stage after Normalize reads these: the language
/// identifier, the date grammar, and (joined at inner hyphens into `NameToken`s) the name
/// recognizers and the event assembler. See docs/ARCHITECTURE.md, "The token layer".
///
/// The text of a token is interned in the document's `Lexicon` (`word`), so a token holds
/// no string of its own: 24 bytes, however long the word.
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case word, number, dash, dot, comma, colon, slash, other

        /// Whether the kind is punctuation (any scalar that is neither a letter nor a digit).
        public var isPunctuation: Bool { self != .word && self != .number }
    }

    public var span: Span
    /// The interned text: a word's lower case with ё as е, a number's digits, or the
    /// punctuation scalar itself.
    public var word: Lexicon.ID
    /// The interned text as written (`Бишкекте`); the same as `word` for numbers and punctuation.
    public var surface: Lexicon.ID
    private var storedNumber: Int32
    private var storedDigits: UInt8
    public var kind: Kind
    private var flags: UInt8

    private static let spaceBit: UInt8 = 1, newlineBit: UInt8 = 2, capitalBit: UInt8 = 4
    private static let lowerBit: UInt8 = 8, upperOneBit: UInt8 = 16, upperTwoBit: UInt8 = 32

    /// The value of a number token (its first nine digits).
    public var number: Int { Int(storedNumber) }
    /// Digits in a number token (`05` has 2; at most 255 are counted).
    public var digits: Int { Int(storedDigits) }
    /// White space (or the start of the text) comes before the token.
    public var spaceBefore: Bool { flags & Self.spaceBit != 0 }
    /// A line break (or the start of the text) comes before the token.
    public var newlineBefore: Bool { flags & Self.newlineBit != 0 }
    /// The first letter is upper case.
    public var isCapitalized: Bool { flags & Self.capitalBit != 0 }
    /// Some letter is lower case.
    var hasLowercase: Bool { flags & Self.lowerBit != 0 }
    /// Upper-case letters, counted up to two.
    var uppercaseCount: Int { flags & Self.upperTwoBit != 0 ? 2 : (flags & Self.upperOneBit != 0 ? 1 : 0) }

    init(
        kind: Kind, span: Span, word: Lexicon.ID, surface: Lexicon.ID? = nil, number: Int = 0, digits: Int = 0,
        spaceBefore: Bool, newlineBefore: Bool, capitalized: Bool = false, lowercase: Bool = false, uppercase: Int = 0
    ) {
        self.span = span
        self.word = word
        self.surface = surface ?? word
        self.storedNumber = Int32(clamping: number)
        self.storedDigits = UInt8(clamping: digits)
        self.kind = kind
        var f: UInt8 = 0
        if spaceBefore { f |= Self.spaceBit }
        if newlineBefore { f |= Self.newlineBit }
        if capitalized { f |= Self.capitalBit }
        if lowercase { f |= Self.lowerBit }
        if uppercase >= 2 { f |= Self.upperTwoBit } else if uppercase == 1 { f |= Self.upperOneBit }
        self.flags = f
    }
}

/// The one tokenizer. Splits the text at white space, between letters and digits, and around
/// every other scalar, interning each token's lower case in `lexicon`.
public enum Tokenizer {
    public static func tokens(_ text: [Unicode.Scalar], lexicon: inout Lexicon) -> [Token] {
        // Read through a buffer pointer: every scalar is looked at, and the array's bounds checks
        // were a third of the work.
        text.withUnsafeBufferPointer { tokens($0, lexicon: &lexicon) }
    }

    private static func tokens(_ t: UnsafeBufferPointer<Unicode.Scalar>, lexicon: inout Lexicon) -> [Token] {
        var result: [Token] = []
        // Counted first: an array grown by doubling can hold twice what it needs, and the
        // tokens live as long as the document.
        result.reserveCapacity(count(t))
        var i = 0
        var space = true, newline = true
        while i < t.count {
            let c = t[i]
            if c == "\n" { newline = true; space = true; i += 1; continue }
            if c.isWhitespace { space = true; i += 1; continue }
            if c.isASCIIDigit {
                var j = i, n = 0
                while j < t.count && t[j].isASCIIDigit { if j - i < 9 { n = n * 10 + Int(t[j].value - 48) }; j += 1 }
                let id = lexicon.intern(scalars: UnsafeBufferPointer(rebasing: t[i..<j]))
                result.append(
                    Token(
                        kind: .number, span: Span(i, j), word: id, number: n, digits: j - i,
                        spaceBefore: space, newlineBefore: newline))
                i = j
            } else if c.isWordLetter {
                var j = i, upper = 0, lower = false
                while j < t.count && t[j].isWordLetter {
                    // Once a small letter is seen, the rest need no case test but for capitals.
                    if t[j].isUppercase { upper += 1 } else if !lower && t[j].isLowercase { lower = true }
                    j += 1
                }
                // The text as written is interned; its lower case is folded once per distinct text.
                let surface = lexicon.intern(scalars: UnsafeBufferPointer(rebasing: t[i..<j]))
                result.append(
                    Token(
                        kind: .word, span: Span(i, j), word: lexicon.lowercase(surface), surface: surface,
                        spaceBefore: space, newlineBefore: newline,
                        capitalized: c.isUppercase, lowercase: lower, uppercase: upper))
                i = j
            } else {
                let kind: Token.Kind
                switch c {
                case "-", "–", "—", "−", "‒": kind = .dash
                case ".": kind = .dot
                case ",": kind = .comma
                case ":": kind = .colon
                case "/": kind = .slash
                default: kind = .other
                }
                result.append(
                    Token(
                        kind: kind, span: Span(i, i + 1),
                        word: lexicon.intern(scalars: UnsafeBufferPointer(rebasing: t[i..<i + 1])),
                        spaceBefore: space, newlineBefore: newline))
                i += 1
            }
            space = false; newline = false
        }
        return result
    }

    /// How many tokens `tokens` makes of `t`.
    static func count(_ t: [Unicode.Scalar]) -> Int { t.withUnsafeBufferPointer { count($0) } }

    private static func count(_ t: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
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
