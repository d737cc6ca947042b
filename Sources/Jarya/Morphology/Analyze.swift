/// Analyze: the tokens → the words the name recognizers read (`NameToken`: inner hyphens
/// joined), each with the forms morphology proposes for it, made once per word of the lexicon
/// for every recognizer that looks names up (places, organizations, persons, the event).
public struct Analyze: Stage {
    public let name = "analyze"
    public let reach = StageReach.part
    public init() {}

    public func run(_ document: inout Document) throws {
        let (tokens, text) = (document.tokens, document.text.scalars)
        document.words = document.updatingLexicon { NameWords.words(tokens, in: text, lexicon: &$0) }
    }

    /// The analyzed words of a short text taken as it is (a search query, an index entry),
    /// through the same tokens as a document's.
    public static func words(of text: String) -> [NameToken] {
        var lexicon = Lexicon()
        let scalars = [Unicode.Scalar](scalarsOf: text)
        return NameWords.words(Tokenizer.tokens(scalars, lexicon: &lexicon), in: scalars, lexicon: &lexicon)
    }

    /// The lower-case word, then its Russian stem, then its Kyrgyz stems, without repeats.
    static func forms(of lower: String, stem: String? = nil) -> [String] {
        var f = [lower]
        let r = stem ?? RussianMorphology.stem(lower)
        if r != lower { f.append(r) }
        for s in KyrgyzMorphology.stems(of: lower).dropFirst() where !f.contains(s) { f.append(s) }
        // The genitive of a noun in -ай (`Китая`, `Алтая`) looks like an adjective in -ая, whose
        // ending the stem drops whole; the noun's stem (`кита`) drops only the `я`.
        if lower.endsWith("ая"), lower.unicodeScalars.count >= 5, case let noun = String(lower.dropLast()),
            !f.contains(noun)
        {
            f.append(noun)
        }
        return f
    }
}
