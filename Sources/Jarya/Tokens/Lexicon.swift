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
    // A slot holds the ID and the high half of the text's hash (`Slot`): a probe reads one place
    // in memory, where reading the hash from its own array cost a second cache miss a token.
    private var slots = [Slot](repeating: .empty, count: 256)
    /// Each text's hash, for placing it again when the table grows.
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
    /// How a word votes for its block's language (`LanguageIdentifier`), by the text as written.
    public var languages = WordMemo<LanguageVote>()
    /// Whether an organization's glossary name may start at a word, and whether it is a head noun.
    public var organizations = OrganizationWordMemo()
    /// The event lexicon's entries that start with a word (`EventLexicon.entries(startingWith:)`).
    public var events = WordMemo<[Int]>()
    /// What the person recognizer has judged of each word (given name, surname ending).
    public var persons = PersonMemo()

    public init() {}

    /// How many texts it holds.
    public var count: Int { strings.count }

    /// The text of an interned word.
    public subscript(id: ID) -> String { strings[Int(id)] }

    /// The word's ID, adding it if it is new.
    public mutating func intern(_ word: String) -> ID {
        let s = Array(word.unicodeScalars)
        return s.withUnsafeBufferPointer { intern(scalars: $0, string: word) }
    }

    /// The ID of the text made of `text`, adding it if it is new: the tokenizer's look-up.
    public mutating func intern(scalars text: ArraySlice<Unicode.Scalar>) -> ID {
        text.withUnsafeBufferPointer { intern(scalars: $0, string: nil) }
    }

    /// The ID of the text made of `text`, read in place (the tokenizer reads its text through a
    /// buffer pointer).
    mutating func intern(scalars text: UnsafeBufferPointer<Unicode.Scalar>) -> ID {
        intern(scalars: text, string: nil)
    }

    /// One place of the table: an ID and the high 32 bits of its text's hash (the low bits chose
    /// the place), in one word.
    private struct Slot {
        var bits: UInt64

        static let empty = Slot(bits: .max)
        init(bits: UInt64) { self.bits = bits }
        init(id: ID, hash: UInt64) { bits = hash & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(bitPattern: id)) }

        var isEmpty: Bool { bits == .max }
        var id: Int { Int(UInt32(truncatingIfNeeded: bits)) }
        func holds(hash: UInt64) -> Bool { bits & 0xFFFF_FFFF_0000_0000 == hash & 0xFFFF_FFFF_0000_0000 }
    }

    private mutating func intern(scalars text: UnsafeBufferPointer<Unicode.Scalar>, string: String?) -> ID {
        let h = Self.hash(text)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while !slots[slot].isEmpty {
            let found = slots[slot]
            if found.holds(hash: h) && isText(found.id, text) { return ID(found.id) }
            slot = (slot + 1) & mask
        }
        let id = ID(strings.count)
        slots[slot] = Slot(id: id, hash: h)
        hashes.append(h)
        scalars.append(contentsOf: text)
        starts.append(Int32(scalars.count))
        strings.append(string ?? String(scalars: text))
        analyses.append(nil)
        lowered.append(-1)
        if strings.count * 2 > slots.count { grow() }
        return id
    }

    /// Whether text `id` is made of `text`'s scalars.
    private func isText(_ id: Int, _ text: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        let start = Int(starts[id]), count = Int(starts[id + 1]) - start
        guard count == text.count else { return false }
        return scalars.withUnsafeBufferPointer { stored in
            for k in 0..<count where stored[start + k] != text[k] { return false }
            return true
        }
    }

    /// Doubles the table, placing each ID again by its hash.
    private mutating func grow() {
        slots = [Slot](repeating: .empty, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while !slots[slot].isEmpty { slot = (slot + 1) & mask }
            slots[slot] = Slot(id: ID(id), hash: h)
        }
    }

    /// Keys of `hash`, drawn once per process: one for each scalar of a word up to `hashedLength`,
    /// and one for the length.
    private static let hashKeys: [UInt32] = (0...hashedLength).map { _ in UInt32.random(in: .min ... .max) }
    private static let hashedLength = 64

    /// A hash keyed at random per process, so that no text can be made to crowd one slot (a
    /// hostile page of colliding words would make interning quadratic). A word is hashed by NH,
    /// the hash of UMAC: scalar pairs added to 32-bit keys and multiplied, the products summed,
    /// so two different words of one length collide with a chance of 2⁻³² whatever they are,
    /// while the keys stay unknown. Some 3 instructions a scalar, where Swift's SipHash cost some
    /// 270 a word. A longer text (rare: no word is that long) goes to Swift's hasher. The sum
    /// is mixed last, so the table's slot, its low bits, depends on all of it.
    static func hash(_ text: UnsafeBufferPointer<Unicode.Scalar>) -> UInt64 {
        guard text.count <= hashedLength else {
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(text))
            return UInt64(UInt(bitPattern: hasher.finalize()))
        }
        return hashKeys.withUnsafeBufferPointer { keys in
            func term(_ k: Int, _ value: UInt32) -> UInt64 { UInt64(keys[k] &+ value) }
            var sum = term(hashedLength, UInt32(text.count)) &* term(hashedLength, 0x9E37_79B9)
            var k = 0
            while k + 1 < text.count {
                sum &+= term(k, text[k].value) &* term(k + 1, text[k + 1].value)
                k += 2
            }
            if k < text.count { sum &+= term(k, text[k].value) &* term(k + 1, 0) }
            sum ^= sum >> 32
            sum &*= 0x9E37_79B9_7F4A_7C15
            return sum ^ (sum >> 29)
        }
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
