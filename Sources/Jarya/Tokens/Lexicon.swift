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
    /// the Russian stem, the Kyrgyz stems, without repeats) and its Russian stem. A class, so
    /// that every `NameToken` of the word holds one reference, not two copies.
    public final class Analysis: Sendable {
        public let forms: [String]
        public let stem: String

        init(forms: [String], stem: String) {
            self.forms = forms
            self.stem = stem
        }
    }

    public static let limit = 50_000

    // An open-addressing table of IDs keyed by the texts' scalars, so that a token already met
    // is found from the text's scalars with no string made (most tokens are words met before).
    private var slots = [ID](repeating: -1, count: 256)
    private var hashes: [UInt64] = []
    /// Every text's scalars, back to back: text `k` is `scalars[starts[k]..<starts[k + 1]]`.
    private var scalars: [Unicode.Scalar] = []
    private var starts: [Int32] = [0]
    private var strings: [String] = []
    private var analyses: [Analysis?] = []
    /// The ID of each text's lower case (ё as е), or -1 until it is asked for.
    private var lowered: [ID] = []
    /// What the name tagger and the date grammar have learnt about these words (keyed by their
    /// IDs, so emptied with them).
    public var tagger = TaggerMemo()
    public var dates = DateWordMemo()
    /// Whether a word is a landmark's type word (`көчөсүндө`, `проспекте`).
    public var landmarks = WordMemo<LandmarkRecognizer.TypeWordFact>()
    /// Whether an organization's glossary name may start at a word, and whether it is a head noun.
    public var organizations = OrganizationWordMemo()
    /// The event lexicon's entries that start with a word (`EventLexicon.entries(startingWith:)`).
    public var events = WordMemo<[Int]>()

    public init() {}

    /// How many texts it holds.
    public var count: Int { strings.count }

    /// The text of an interned word.
    public subscript(id: ID) -> String { strings[Int(id)] }

    /// The word's ID, adding it if it is new.
    public mutating func intern(_ word: String) -> ID {
        let s = Array(word.unicodeScalars)
        return intern(scalars: s[...], string: word)
    }

    /// The ID of the text made of `text`, adding it if it is new: the tokenizer's look-up.
    public mutating func intern(scalars text: ArraySlice<Unicode.Scalar>) -> ID { intern(scalars: text, string: nil) }

    private mutating func intern(scalars text: ArraySlice<Unicode.Scalar>, string: String?) -> ID {
        let h = Self.hash(text)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == h && scalars[Int(starts[id])..<Int(starts[id + 1])].elementsEqual(text) { return ID(id) }
            slot = (slot + 1) & mask
        }
        let id = ID(strings.count)
        slots[slot] = id
        hashes.append(h)
        scalars.append(contentsOf: text)
        starts.append(Int32(scalars.count))
        strings.append(string ?? String(scalars: text))
        analyses.append(nil)
        lowered.append(-1)
        if strings.count * 2 > slots.count { grow() }
        return id
    }

    /// Doubles the table, placing each ID again by its hash.
    private mutating func grow() {
        slots = [ID](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = ID(id)
        }
    }

    /// Swift's hasher over the scalar values: seeded per process, so that no text can be made
    /// to crowd one slot (a hostile page of colliding words would make interning quadratic).
    /// The scalars go in as one block of bytes: one `combine` per scalar cost about 360
    /// instructions a word, 2 % of the pipeline's.
    private static func hash(_ text: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hasher = Hasher()
        text.withUnsafeBytes { hasher.combine(bytes: $0) }
        return UInt64(UInt(bitPattern: hasher.finalize()))
    }

    /// The ID of the lower case (ё as е) of an interned text, folded once per distinct text.
    public mutating func lowercase(_ id: ID) -> ID {
        let known = lowered[Int(id)]
        if known >= 0 { return known }
        let lower = intern(strings[Int(id)].foldedLowercase())
        lowered[Int(id)] = lower
        return lower
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
