/// Words and punctuation for the name recognizers (places, organizations, persons). A word
/// keeps its inner hyphens (`Ысык-Көл`, `Кара-Балтада`); `NameWords` makes them from tokens.
public struct NameToken: Sendable {
    public enum Kind: Sendable { case word, number, punctuation }
    // Stored largest first, the kind and flags packed at the end: 64 bytes a token. The texts
    // are the lexicon's (one storage per distinct word), and the analysis is one reference.
    public var span: Span
    /// The text as written.
    public var text: String
    /// Lower case, ё → е.
    public var lower: String
    /// The word's analysis from the lexicon (nil for punctuation, numbers, and words not analyzed).
    var analysis: Lexicon.Analysis?
    public var kind: Kind
    /// First letter upper case.
    public var isCapitalized: Bool
    /// Two or more letters, all upper case (`ЮНИСЕФ`, `БЕКИЕВ`, `ТОКМОКЕ`).
    public var isAllCaps: Bool
    /// A line break comes before the token.
    public var newlineBefore: Bool
    /// The ID of `text` in the lexicon of the document the token comes from: what a worker's
    /// caches of per-word facts are keyed by (`TaggerMemo`).
    public var surface: Lexicon.ID

    init(
        kind: Kind, span: Span, text: String, lower: String, isCapitalized: Bool, isAllCaps: Bool, newlineBefore: Bool,
        surface: Lexicon.ID, analysis: Lexicon.Analysis? = nil
    ) {
        self.span = span
        self.analysis = analysis
        self.surface = surface
        self.text = text
        self.lower = lower
        self.kind = kind
        self.isCapitalized = isCapitalized
        self.isAllCaps = isAllCaps
        self.newlineBefore = newlineBefore
    }

    /// The Russian stem (the Analyze stage makes it; empty for a word not analyzed, the lower
    /// case for punctuation and numbers).
    public var stem: String { analysis?.stem ?? (kind == .word ? "" : lower) }
    /// What the word may be in a dictionary: its lower case, its Russian stem, its Kyrgyz stems
    /// (the Analyze stage makes these; empty for punctuation and numbers).
    public var forms: [String] { analysis?.forms ?? [] }

    /// The first two letters are capitals: an abbreviation, perhaps with a Kyrgyz suffix (`КРдын`).
    var startsInCapitals: Bool {
        var letters = text.unicodeScalars.makeIterator()
        return letters.next()?.isUppercase == true && letters.next()?.isUppercase == true
    }

    public func `is`(_ punctuation: Unicode.Scalar) -> Bool {
        kind == .punctuation && text.unicodeScalars.first == punctuation
    }
}

/// The words the name recognizers read: the document's tokens with a word's inner hyphens and
/// apostrophes joined back (`Ысык-Көл`, `Кара-Балтада`, `Д'Артаньян`), each with its analysis
/// from the lexicon. Made from the tokens; the text is not scanned again.
public enum NameWords {
    /// The words of `tokens`, with their forms and stems unless `analyzing` is false.
    public static func words(
        _ tokens: [Token], in t: [Unicode.Scalar], lexicon: inout Lexicon,
        analyzing: Bool = true
    ) -> [NameToken] {
        var result: [NameToken] = []
        result.reserveCapacity(tokens.count)
        var k = 0
        while k < tokens.count {
            let first = tokens[k]
            var last = k
            var upper = first.uppercaseCount, lower = first.hasLowercase
            if first.kind == .word {
                // An inner hyphen or apostrophe between letters, with no space on either side.
                while last + 2 < tokens.count, tokens[last + 2].kind == .word, !tokens[last + 1].spaceBefore,
                    !tokens[last + 2].spaceBefore, isJoiner(t[tokens[last + 1].span.start])
                {
                    last += 2
                    upper += tokens[last].uppercaseCount
                    lower = lower || tokens[last].hasLowercase
                }
            }
            let span = Span(first.span.start, tokens[last].span.end)
            let kind: NameToken.Kind = first.kind == .word ? .word : (first.kind == .number ? .number : .punctuation)
            // One token's texts are the lexicon's; a joined word's are interned the same way.
            let surface = last == k ? first.surface : lexicon.intern(scalars: t[span.start..<span.end])
            let lowerID = last == k && kind != .punctuation ? first.word : lexicon.lowercase(surface)
            // Made in place in the array: a local copy appended cost a copy and a destruction of
            // its two strings and analysis, some 200 instructions a word.
            result.append(
                NameToken(
                    kind: kind, span: span, text: lexicon[surface], lower: lexicon[lowerID],
                    isCapitalized: t[span.start].isUppercase, isAllCaps: kind == .word && upper >= 2 && !lower,
                    newlineBefore: first.newlineBefore, surface: surface,
                    analysis: kind == .word && analyzing ? lexicon.analyze(lowerID) : nil))
            k = last + 1
        }
        return result
    }

    /// Words of a name as a glossary writes it, in lower case (punctuation dropped).
    static func lowercaseWords(of name: String) -> [String] {
        // A name of letters and single spaces is its words as they stand, each folded as the
        // lexicon folds it: no tokenizer and lexicon made for it (the place recognizer asks this of
        // names it builds, some 27,000 instructions a name the long way).
        if isPlainName(name) {
            // Split on the bytes: `split` on Characters cost some 12,000 instructions a name.
            return name.split(byte: " ").map { String($0).foldedLowercase() }
        }
        return wordTokens(of: name).map(\.lower)
    }

    /// Whether a name is letters and spaces, with perhaps a hyphen between two letters
    /// (`Жалал-Абад облусу`): its words are then its parts between spaces, since `words` joins a
    /// word's inner hyphen back. The coordinated places' look-ups built such names and went the
    /// long way, some 31,000 instructions a name.
    static func isPlainName(_ name: String) -> Bool {
        var before: Unicode.Scalar? = nil
        var hyphen = false
        for c in name.unicodeScalars {
            if c.isWordLetter {
                hyphen = false
            } else if c == "-", !hyphen, before?.isWordLetter == true {
                hyphen = true
            } else if c != " " || hyphen {
                return false
            }
            before = c
        }
        return !hyphen
    }

    /// The words of a name (no punctuation), not analyzed.
    static func wordTokens(of name: String) -> [NameToken] {
        var lexicon = Lexicon()
        return wordTokens(of: name, lexicon: &lexicon)
    }

    /// The words of a name, with their texts interned in `lexicon`: a glossary's thousands of
    /// names share one, so a word met again is not lower-cased again.
    static func wordTokens(of name: String, lexicon: inout Lexicon) -> [NameToken] {
        let scalars = [Unicode.Scalar](scalarsOf: name)
        return words(Tokenizer.tokens(scalars, lexicon: &lexicon), in: scalars, lexicon: &lexicon, analyzing: false)
            .filter { $0.kind != .punctuation }
    }

    static func isJoiner(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "'" || c == "’" }
}
