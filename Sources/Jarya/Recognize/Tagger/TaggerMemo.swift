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

        /// Borrowed: an initializer's arguments are passed owned, and copying the glossaries and
        /// the token cost some 4,000 instructions a word.
        init(_ w: borrowing NameToken, glossaries: borrowing Glossaries) {
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
    /// `scores` of the words of the lexicon, by their ID (`TaggerToken.surface`): the place + 1
    /// of a word's in `wordScores` (0: not made yet). Hashing each token's text for `scores`
    /// and probing it cost some 350 instructions a token.
    private var scoreIndex: [Int32] = []
    private var wordScores: [TaggerFeatures.WordScores] = []
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
        if wordScores.count >= Self.hashLimit { forgetScores() }
        if roleWords.count >= Self.hashLimit { roleWords = [:] }
    }

    /// Empties the words' scores (`scores` and by ID): another model's, or too many.
    mutating func forgetScores() {
        scores = [:]
        scoreIndex = []
        wordScores = []
    }

    /// The scores of the word of `tokens[k]`, made by `make` the first time it is asked for: by
    /// the word's lexicon ID, or for a token with none by the hash of its text.
    mutating func scores(
        of tokens: [TaggerToken], _ k: Int, _ make: () -> TaggerFeatures.WordScores
    ) -> TaggerFeatures.WordScores {
        let id = Int(tokens[k].surface)
        guard id >= 0 else { return scores.value(for: TokenHashes.hash(tokens[k].text), orMake: make) }
        if id < scoreIndex.count, scoreIndex[id] > 0 { return wordScores[Int(scoreIndex[id]) - 1] }
        let made = make()
        if id >= scoreIndex.count { scoreIndex.append(contentsOf: repeatElement(0, count: id + 1 - scoreIndex.count)) }
        wordScores.append(made)
        scoreIndex[id] = Int32(wordScores.count)
        return made
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
