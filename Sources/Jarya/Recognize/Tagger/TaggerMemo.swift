/// What the name tagger learns about a word from the word alone, kept by a worker from one
/// document to the next: the glossaries' marks of each word and the hashes its features are
/// made of. Most words of a batch of releases come back in every document, and looking them
/// up again cost about a tenth of the tagger's work.
///
/// A value, not a global: it lives in the worker's `Lexicon` (`Lexicon.tagger`), whose IDs
/// key it, so it is handed from document to document with the lexicon and emptied with it.
/// Its marks hold for one `Glossaries` value: a lexicon serves one pipeline.
public struct TaggerMemo: Sendable {
    /// What the glossaries say about one word.
    struct WordFacts: Sendable {
        /// Given name, role word, organization head, organization acronym.
        var marks: TaggerToken.Marks
        /// A place or organization name of the glossaries may start at the word
        /// (`NameIndex.mayStart`): when false, no longest match is looked for.
        var startsPlace: Bool
        var startsOrganization: Bool

        init(_ w: NameToken, glossaries: Glossaries) {
            var marks: TaggerToken.Marks = []
            if glossaries.people.givenName(w.lower) != nil { marks.insert(.givenName) }
            if glossaries.people.isRoleWord(w) { marks.insert(.role) }
            // A closure of its own: `contains(where: set.contains)` copied the glossaries.
            let kyrgyzHeads = glossaries.organizations.kyrgyzHeads
            if glossaries.organizations.russianHeads[w.stem] != nil
                || w.forms.contains(where: { kyrgyzHeads.contains($0) })
            {
                marks.insert(.organizationHead)
            }
            if w.isAllCaps || w.isCapitalized, glossaries.organizations.acronym(w.text) != nil {
                marks.formUnion([.organization, .organizationStart])
            }
            self.marks = marks
            startsPlace = glossaries.places.index.mayStart(w)
            startsOrganization = glossaries.organizations.index.mayStart(w)
        }
    }

    /// Each word's facts by its surface ID (`NameToken.surface`), nil until asked for.
    private var facts: [WordFacts?] = []
    /// What decoding keeps of each word, by the hash of its text (`TaggerFeatures.emissions`),
    /// for the model `scoresModel` (`NameModel.identity`): the word's hashes and the model's
    /// sums of its features depend on its text alone.
    var scores: [UInt64: TaggerFeatures.WordScores] = [:]
    var scoresModel: NameModel.Identity?
    /// Whether each lower-case word asked about is a role word, by its bytes.
    private var roleWords: [WordKey: Bool] = [:]
    /// At most this many words are kept (about 200 bytes each): `scores` is emptied
    /// when it is full, so that a worker's memory stays bounded well below its lexicon's.
    static let hashLimit = 16_384

    public init() {}

    /// Empties the hashes when they have reached `hashLimit`: call it between documents (a
    /// cache, so emptying it changes no result).
    mutating func trimHashes() {
        if scores.count >= Self.hashLimit { scores = [:] }
        if roleWords.count >= Self.hashLimit { roleWords = [:] }
    }

    /// The facts of a word token of the document whose lexicon holds this memo: every fact
    /// depends on the word's text alone, which its surface ID stands for.
    mutating func facts(of word: NameToken, glossaries: Glossaries) -> WordFacts {
        let id = Int(word.surface)
        guard id >= 0 else { return WordFacts(word, glossaries: glossaries) }
        if id < facts.count, let known = facts[id] { return known }
        let made = WordFacts(word, glossaries: glossaries)
        if id >= facts.count { facts.append(contentsOf: repeatElement(nil, count: id + 1 - facts.count)) }
        facts[id] = made
        return made
    }

    /// `PersonGlossary.isRoleWord` of a lower-case word, asked once per word per worker: it
    /// stems and analyses the word, about 13,000 instructions, and depends on the word alone.
    mutating func isRoleWord(_ lower: String, glossaries: Glossaries) -> Bool {
        let key = WordKey(lower)
        if let known = roleWords[key] { return known }
        let role = glossaries.people.isRoleWord(lower)
        roleWords[key] = role
        return role
    }
}
