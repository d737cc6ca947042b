/// A token as the date grammar reads it: the document's `Token`, with its text (a word's lower
/// case with ё as е, or the punctuation itself; empty for a number) from the lexicon.
struct DateToken {
    typealias Kind = Token.Kind
    let token: Token
    /// Lowercased word text, or the punctuation itself.
    let text: String

    var kind: Kind { token.kind }
    var span: Span { token.span }
    /// The value of a number token (its first nine digits).
    var number: Int { token.number }
    /// Digits in a number token (`05` has 2).
    var digits: Int { token.digits }
    var spaceBefore: Bool { token.spaceBefore }
    var newlineBefore: Bool { token.newlineBefore }

    /// Compared as bytes: both are NFC, and `==` checked normalization for any non-ASCII text.
    func isWord(_ w: String) -> Bool { kind == .word && text.sameBytes(w) }
    var isDash: Bool { kind == .dash }
}

/// The document's tokens as the date grammar reads them: a view, not a copy. Each `DateToken`
/// is made when it is read, from the token and the lexicon's text, so a document's tokens are
/// not stored a second time (they were 48 bytes each, and a 16 MB document has two million).
struct DateTokens: RandomAccessCollection {
    let tokens: [Token]
    let lexicon: Lexicon

    var startIndex: Int { 0 }
    var endIndex: Int { tokens.count }

    subscript(i: Int) -> DateToken {
        let t = tokens[i]
        return DateToken(token: t, text: t.kind == .number ? "" : lexicon[t.word])
    }
}
