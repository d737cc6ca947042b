/// Analyze: the words of the text with the stems morphology proposes for each, computed once
/// for every recognizer that looks names up (places, organizations, persons, the event).
public struct Analyze: Stage {
    public let name = "analyze"
    public init() {}

    public func run(_ document: inout Document) throws {
        var words = NameTokenizer.tokens(document.text.scalars)
        // A text repeats its words: analyze each once.
        var known = WordMap<(forms: [String], stem: String)>()
        for k in words.indices {
            guard words[k].kind == .word else { words[k].stem = words[k].lower; continue }
            if let f = known[words[k].lower] { (words[k].forms, words[k].stem) = f; continue }
            let stem = RussianMorphology.stem(words[k].lower)
            let f = Self.forms(of: words[k].lower, stem: stem)
            known[words[k].lower] = (f, stem)
            (words[k].forms, words[k].stem) = (f, stem)
        }
        document.words = words
    }

    /// The lower-case word, then its Russian stem, then its Kyrgyz stems, without repeats.
    static func forms(of lower: String, stem: String? = nil) -> [String] {
        var f = [lower]
        let r = stem ?? RussianMorphology.stem(lower)
        if r != lower { f.append(r) }
        for s in KyrgyzMorphology.stems(of: lower).dropFirst() where !f.contains(s) { f.append(s) }
        return f
    }
}
