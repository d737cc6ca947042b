/// Tokenize: the normalized text → `Document.tokens`, the one token stream every later stage
/// reads, with each token's text interned in `Document.lexicon`.
public struct Tokenize: Stage {
    public let name = "tokenize"
    public let reach = StageReach.part
    public init() {}

    public func run(_ document: inout Document) throws {
        let text = document.text.scalars
        document.tokens = document.updatingLexicon { Tokenizer.tokens(text, lexicon: &$0) }
    }
}
