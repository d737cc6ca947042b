/// What the name tagger knows about one token. This file is the only place that reads the
/// document's token layer and the glossaries for the tagger: when the token layer changes,
/// `TaggerInput.tokens` is the one function to re-point.
public struct TaggerToken: Sendable {
    public enum Kind: UInt8, Sendable { case word, number, punctuation }

    /// What the glossaries and the rule recognizers say about a token, as bits.
    public struct Marks: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// Inside a name `places.tsv` knows; `placeStart` on its first word.
        public static let place = Marks(rawValue: 1 << 0)
        public static let placeStart = Marks(rawValue: 1 << 1)
        /// Inside a name `organizations.tsv` knows (or one of its acronyms).
        public static let organization = Marks(rawValue: 1 << 2)
        public static let organizationStart = Marks(rawValue: 1 << 3)
        public static let givenName = Marks(rawValue: 1 << 4)
        public static let role = Marks(rawValue: 1 << 5)
        /// A noun that heads an organization's name (`министерство`, `университети`).
        public static let organizationHead = Marks(rawValue: 1 << 6)
        /// Inside an entity a rule recognizer found before the tagger ran.
        public static let rulePerson = Marks(rawValue: 1 << 7)
        public static let ruleOrganization = Marks(rawValue: 1 << 8)
        public static let rulePlace = Marks(rawValue: 1 << 9)
        public static let ruleOther = Marks(rawValue: 1 << 10)
        /// The first token of an entity a rule recognizer found (with the kind's mark: B of BIO).
        public static let ruleStart = Marks(rawValue: 1 << 11)
    }

    /// What the rest of the document says about the word (`Elsewhere`).
    public struct Elsewhere: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The word's stem is written in lower case somewhere in the document: a common word
        /// (`Беспокойство` opening a sentence, `беспокойство` inside one).
        public static let lowerCase = Elsewhere(rawValue: 1 << 0)
        /// The word is capitalized somewhere inside a sentence: a name, even where it opens one.
        public static let capitalizedInside = Elsewhere(rawValue: 1 << 1)
    }

    public var span: Span
    /// As written.
    public var text: String
    /// Lower case, ё → е.
    public var lower: String
    /// The Russian stem.
    public var stem: String
    /// The shortest Kyrgyz stem the morphology proposes (the lower case when it proposes none).
    public var kyrgyzStem: String
    public var kind: Kind
    public var isCapitalized: Bool
    public var isAllCaps: Bool
    public var newlineBefore: Bool
    /// The first token of a sentence.
    public var sentenceStart: Bool
    public var marks: Marks
    public var elsewhere: Elsewhere = []
    /// The ID of `text` in the lexicon of the document the token comes from (`NameToken.surface`),
    /// or -1 (a token of a training corpus): what the worker's memo of word scores is keyed by.
    public var surface: Lexicon.ID

    public init(
        span: Span, text: String, lower: String, stem: String, kyrgyzStem: String, kind: Kind,
        isCapitalized: Bool, isAllCaps: Bool, newlineBefore: Bool, sentenceStart: Bool, marks: Marks,
        surface: Lexicon.ID = -1
    ) {
        self.span = span
        self.surface = surface
        self.text = text
        self.lower = lower
        self.stem = stem
        self.kyrgyzStem = kyrgyzStem
        self.kind = kind
        self.isCapitalized = isCapitalized
        self.isAllCaps = isAllCaps
        self.newlineBefore = newlineBefore
        self.sentenceStart = sentenceStart
        self.marks = marks
    }
}

public enum TaggerInput {
    /// The document's tokens as the tagger sees them, with the sentences they form (ranges of
    /// token indexes). Run after Analyze, and after the rule recognizers when their entities
    /// are to be features. With `namesOnly`, only the sentences with a capitalized word after
    /// their first are returned and looked up in the glossaries: a sentence of lower-case words
    /// after its first holds no name the tagger would add, and most Russian prose is such.
    public static func tokens(_ document: Document, glossaries: Glossaries, namesOnly: Bool = false) -> (
        tokens: [TaggerToken], sentences: [Range<Int>]
    ) {
        var memo = TaggerMemo()
        return tokens(document, glossaries: glossaries, namesOnly: namesOnly, memo: &memo)
    }

    /// `tokens`, with what the glossaries say about each word kept in `memo` (the worker's, from
    /// the document's lexicon) for the next documents: a word is looked up once per worker.
    public static func tokens(
        _ document: Document, glossaries: Glossaries, namesOnly: Bool = false, memo: inout TaggerMemo
    ) -> (tokens: [TaggerToken], sentences: [Range<Int>]) {
        let words = document.words
        let all = sentences(words, document.segmentation.sentences)
        let sentences =
            namesOnly
            ? all.filter { s in
                s.dropFirst().contains { words[$0].kind == .word && (words[$0].isCapitalized || words[$0].isAllCaps) }
            } : all
        var marks = [TaggerToken.Marks](repeating: [], count: words.count)
        var startsPlace = [Bool](repeating: false, count: words.count)
        var startsOrganization = startsPlace
        for s in sentences {
            for k in s where words[k].kind == .word {
                let facts = memo.facts(of: words[k], glossaries: glossaries)
                marks[k].formUnion(facts.marks)
                startsPlace[k] = facts.startsPlace
                startsOrganization[k] = facts.startsOrganization
            }
            mark(
                names: glossaries.places.index, in: words, s, from: startsPlace, inside: .place, start: .placeStart,
                into: &marks)
            mark(
                names: glossaries.organizations.index, in: words, s, from: startsOrganization, inside: .organization,
                start: .organizationStart, into: &marks)
        }
        markEntities(document.entities, words, into: &marks)

        var tokens: [TaggerToken] = []
        tokens.reserveCapacity(words.count)
        // A flag per token, not a Set<Int>: asked twice per token, hashing the index cost more.
        var starts = [Bool](repeating: false, count: words.count)
        for s in all { starts[s.lowerBound] = true }
        // Keyed by bytes and by a hash of the first five letters: no Unicode-aware String hashing.
        // Sized for every word at once: growing the set rehashed it again and again.
        var lowerStems: Set<WordKey> = [], capitalizedInside: Set<UInt64> = []
        lowerStems.reserveCapacity(words.count)
        // Each word put in once, by its lexicon ID (the same text, the same set and key): most
        // words come back in a text, and hashing one for a set cost some 250 instructions.
        var added = [Bool](repeating: false, count: document.lexicon.count)
        for k in words.indices where words[k].kind == .word {
            let id = Int(words[k].surface)
            if id >= 0 && id < added.count && added[id] { continue }
            if !words[k].isCapitalized && !words[k].isAllCaps {
                lowerStems.insert(WordKey(words[k].stem.isEmpty ? words[k].lower : words[k].stem))
            } else if words[k].isCapitalized && !starts[k] {
                capitalizedInside.insert(Self.openingHash(words[k].lower))
            } else {
                continue
            }
            if id >= 0 && id < added.count { added[id] = true }
        }
        var read = [Bool](repeating: !namesOnly, count: words.count)
        if namesOnly { for s in sentences { for k in s { read[k] = true } } }
        // By index, reading each word's fields in place: a loop over the words copied each one,
        // retaining its strings and forms.
        for k in words.indices {
            let kind: TaggerToken.Kind =
                words[k].kind == .word ? .word : words[k].kind == .number ? .number : .punctuation
            let lower = words[k].lower, stem = words[k].stem.isEmpty ? lower : words[k].stem
            // The sentences left out are never read: their words keep the lower case as Kyrgyz stem.
            let kyrgyz =
                kind == .word && read[k]
                ? (words[k].forms.dropFirst().min { $0.utf8.count < $1.utf8.count } ?? lower) : lower
            // Appended, then changed in place: a token built in a variable was copied into the array.
            tokens.append(
                TaggerToken(
                    span: words[k].span, text: words[k].text, lower: lower, stem: stem, kyrgyzStem: kyrgyz,
                    kind: kind, isCapitalized: words[k].isCapitalized, isAllCaps: words[k].isAllCaps,
                    newlineBefore: words[k].newlineBefore, sentenceStart: starts[k], marks: marks[k],
                    surface: words[k].surface))
            if kind == .word, words[k].isCapitalized || words[k].isAllCaps {
                if lowerStems.contains(WordKey(stem)) { tokens[k].elsewhere.insert(.lowerCase) }
                if capitalizedInside.contains(Self.openingHash(lower)) {
                    tokens[k].elsewhere.insert(.capitalizedInside)
                }
            }
        }
        return (tokens, sentences)
    }

    /// A hash of a word's first letters (five: `TaggerCorpus.key`'s reading of one name, so that
    /// `Обама` and `Обамой` hash alike), with no String made.
    static func openingHash(_ lower: String, letters: Int = 5) -> UInt64 {
        // Read on the bytes where the opening is of one- and two-byte scalars (ASCII, Cyrillic):
        // decoding them through `unicodeScalars` cost some 150 instructions a word.
        if let bytes = lower.utf8.withContiguousStorageIfAvailable({ openingHash(bytes: $0, letters: letters) }),
            let h = bytes
        {
            return h
        }
        var h = FNV1a()
        var n = 0
        // A plain loop: `unicodeScalars.prefix` validated each index, about 1,000 instructions a word.
        for u in lower.unicodeScalars {
            guard n < letters else { break }
            h.add(UInt64(u.value))
            n += 1
        }
        return h.value
    }

    /// `openingHash` of a word's UTF-8 bytes, or nil when a scalar of three bytes or more comes
    /// among the first `letters` (those take the scalar-by-scalar way).
    private static func openingHash(bytes b: UnsafeBufferPointer<UInt8>, letters: Int) -> UInt64? {
        var h = FNV1a()
        var n = 0, i = 0
        while n < letters && i < b.count {
            let b0 = UInt64(b[i])
            if b0 < 0x80 {
                h.add(b0)
                i += 1
            } else if b0 >= 0xC0 && b0 < 0xE0 && i + 1 < b.count {
                h.add(((b0 & 0x1F) << 6) | (UInt64(b[i + 1]) & 0x3F))
                i += 2
            } else {
                return nil
            }
            n += 1
        }
        return h.value
    }

    /// The sentences as the tagger cuts them: the segmenter's, also cut at line breaks and
    /// every 120 tokens.
    static func sentences(_ words: [NameToken], _ bounds: [Span]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var sentence = 0, start = 0
        for (k, w) in words.enumerated() {
            var begins = k == 0 || w.newlineBefore || k - start >= 120
            while sentence < bounds.count && bounds[sentence].end <= w.span.start { sentence += 1; begins = true }
            if begins && k > start { sentences.append(start..<k); start = k }
        }
        if start < words.count { sentences.append(start..<words.count) }
        return sentences
    }

    /// Marks the names of `names` in `range`, looked for only at the words that may start one.
    private static func mark<V>(
        names: NameIndex<V>, in words: [NameToken], _ range: Range<Int>, from starts: [Bool],
        inside: TaggerToken.Marks, start: TaggerToken.Marks, into marks: inout [TaggerToken.Marks]
    ) {
        var k = range.lowerBound
        while k < range.upperBound {
            guard starts[k], let m = names.longestMatch(words, at: k) else { k += 1; continue }
            marks[k].insert(start)
            for j in k..<m.end { marks[j].insert(inside) }
            k = m.end
        }
    }

    /// Marks the tokens inside the entities already found (both arrays are in text order).
    private static func markEntities(_ entities: [Entity], _ words: [NameToken], into marks: inout [TaggerToken.Marks])
    {
        // Spans and kinds only: sorting whole entities copied their strings.
        let sorted = entities.map { (span: $0.span, kind: $0.kind) }.sorted { $0.span < $1.span }
        var e = 0
        for k in words.indices {
            let span = words[k].span  // the span alone: copying the token retained its strings
            while e < sorted.count && sorted[e].span.end <= span.start { e += 1 }
            var j = e
            while j < sorted.count && sorted[j].span.start < span.end {
                if sorted[j].span.overlaps(span) {
                    if sorted[j].span.start >= span.start { marks[k].insert(.ruleStart) }
                    switch sorted[j].kind {
                    case .person: marks[k].insert(.rulePerson)
                    case .organization: marks[k].insert(.ruleOrganization)
                    case .place: marks[k].insert(.rulePlace)
                    default: marks[k].insert(.ruleOther)
                    }
                }
                j += 1
            }
        }
    }
}
