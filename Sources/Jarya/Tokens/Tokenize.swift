/// Tokenize: the normalized text → `Document.tokens`, the one token stream every later stage
/// reads, with each token's text interned in `Document.lexicon`.
public struct Tokenize: Stage {
    public let name = "tokenize"
    public init() {}

    public func run(_ document: inout Document) throws {
        // Taken out while it grows, so that it is not copied (it may hold a worker's words).
        var lexicon = document.lexicon
        document.lexicon = Lexicon()
        document.tokens = Tokenizer.tokens(document.text.scalars, lexicon: &lexicon)
        document.lexicon = lexicon
    }
}
