/// A token as the date grammar reads it: numbers, words (lower case, ё → е), and punctuation,
/// each knowing whether a space or a line break came before it, with its text at hand.
struct DateToken: Sendable {
    typealias Kind = Token.Kind
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

extension DateToken {
    /// The document's tokens as the date grammar reads them (the texts from the lexicon).
    static func tokens(_ tokens: [Token], lexicon: Lexicon) -> [DateToken] {
        tokens.map { t in
            DateToken(kind: t.kind, span: t.span, text: t.kind == .number ? "" : lexicon[t.word], number: t.number,
                             digits: t.digits, spaceBefore: t.spaceBefore, newlineBefore: t.newlineBefore)
        }
    }
}
