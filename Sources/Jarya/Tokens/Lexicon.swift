/// The words a worker has met, each stored once and known by a small integer, with the
/// morphological analysis of each, made once.
///
/// A value, not a global: `Processor` hands each worker's lexicon to the documents it
/// processes one after another (`Document.lexicon`) and takes it back, so a word met in
/// one release is neither folded nor analyzed again in the next. A word's analysis depends
/// on the word alone, so sharing the lexicon changes no result. It is emptied between
/// documents once it holds `limit` words, so memory stays bounded however long the batch.
public struct Lexicon: Sendable {
    public typealias ID = Int32

    /// What morphology proposes for a word: its forms for dictionary look-ups (the lower case,
    /// the Russian stem, the Kyrgyz stems, without repeats) and its Russian stem.
    public struct Analysis: Sendable {
        public var forms: [String]
        public var stem: String
    }

    public static let limit = 50_000

    private var ids = WordMap<ID>()
    private var strings: [String] = []
    private var analyses: [Analysis?] = []

    public init() {}

    /// How many words it holds.
    public var count: Int { strings.count }

    /// The text of an interned word.
    public subscript(id: ID) -> String { strings[Int(id)] }

    /// The word's ID, adding it if it is new.
    public mutating func intern(_ word: String) -> ID {
        if let id = ids[word] { return id }
        let id = ID(strings.count)
        ids[word] = id
        strings.append(word)
        analyses.append(nil)
        return id
    }

    /// The analysis of a word, made on first request.
    public mutating func analyze(_ id: ID) -> Analysis {
        if let a = analyses[Int(id)] { return a }
        let lower = strings[Int(id)]
        let stem = RussianMorphology.stem(lower)
        let a = Analysis(forms: Analyze.forms(of: lower, stem: stem), stem: stem)
        analyses[Int(id)] = a
        return a
    }

    /// Empties the lexicon when it has grown past `limit`: call it between documents only,
    /// since it invalidates every ID.
    public mutating func trim() {
        if strings.count >= Self.limit { self = Lexicon() }
    }
}

extension Document {
    /// Runs `body` on the document's lexicon, taken out while it runs so that growing it does
    /// not copy it (the document may hold the only reference to a worker's many words).
    mutating func updatingLexicon<T>(_ body: (inout Lexicon) throws -> T) rethrows -> T {
        var lexicon = Lexicon()
        swap(&lexicon, &self.lexicon)
        defer { swap(&lexicon, &self.lexicon) }
        return try body(&lexicon)
    }
}
