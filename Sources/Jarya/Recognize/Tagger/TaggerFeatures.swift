/// The features of each token, as 64-bit keys: a template number mixed with the hash of a
/// value. The values are the word and its stems, prefixes and suffixes, shape, the neighbours
/// within two tokens, what the glossaries and the rules say, name endings, and the place in the
/// sentence. Each token's hashes are computed once (`TokenHashes`) and a feature is one or two
/// integer mixes of them: no string is built per feature, so extraction stays cheap.
public enum TaggerFeatures {
    /// The features of every token of `sentence`.
    public static func extract(_ tokens: [TaggerToken], sentence: Range<Int>) -> [[UInt64]] {
        var result: [[UInt64]] = []
        result.reserveCapacity(sentence.count)
        forEach(tokens, sentence: sentence) { _, f in result.append(f) }
        return result
    }

    /// Hands `body` each token's index and features in turn, in one buffer reused from token to
    /// token: decoding adds up the weights at once and keeps no array per token.
    public static func forEach(_ tokens: [TaggerToken], sentence: Range<Int>, _ body: (Int, [UInt64]) -> Void) {
        var cache: [UInt64: TokenHashes] = [:]
        forEach(tokens, sentence: sentence, cache: &cache, body)
    }

    /// `forEach`, with the hashes of each word kept in `cache` (by the hash of its text, all they
    /// depend on but the marks; a String key would cost Unicode normalization checks) for the
    /// next sentences of the document: a word is analysed once per document.
    static func forEach(
        _ tokens: [TaggerToken], sentence: Range<Int>, cache: inout [UInt64: TokenHashes],
        _ body: (Int, [UInt64]) -> Void
    ) {
        let s = SentenceHashes(tokens, sentence: sentence, cache: &cache)
        var f = FeatureBuffer()
        defer { f.deallocate() }
        for i in sentence {
            let j = i - sentence.lowerBound
            f.count = 0
            addOwn(s.words[j], into: &f)
            for a in 0..<4 {
                let p = s.neighbour(j, a)
                addNeighbour(a, lower: s.lower[p], shape: s.shape[p], stem: s.inside(p) ? s.stem[p] : nil, into: &f)
            }
            addContext(i, tokens, sentence: sentence, s, into: &f)
            body(i, Array(f.features))
        }
    }

    /// The most features a token can have (79: 36 of them the marks of three tokens).
    static let maxFeatures = 128

    /// A token's features, in a buffer reused from token to token: no array is grown per token.
    struct FeatureBuffer {
        let start = UnsafeMutablePointer<UInt64>.allocate(capacity: TaggerFeatures.maxFeatures)
        var count = 0

        @inline(__always)
        mutating func add(_ feature: UInt64) {
            precondition(count < TaggerFeatures.maxFeatures)
            start[count] = feature
            count += 1
        }

        var features: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(start: start, count: count) }
        func deallocate() { start.deallocate() }
    }

    /// The hashes of a sentence's tokens, and their word, shape and stem hashes and marks by
    /// place in arrays of their own, with two places of padding at each end holding the edges'
    /// hashes: reading a neighbour copied its whole `TokenHashes`.
    struct SentenceHashes {
        /// Each token's hashes (training's path; decoding reads `WordScores` instead).
        var words: [TokenHashes] = []
        var lower: [UInt64] = [], shape: [UInt64] = [], stem: [UInt64] = [], marks: [UInt32] = []
        private(set) var count = 0

        /// Padded arrays for `count` tokens, filled by `set`.
        init(count: Int) { reset(count: count) }

        /// Padded arrays for `count` tokens again, in the storage the arrays have: decoding keeps
        /// one for a document's sentences (`EmissionBuffers`), where making four arrays a
        /// sentence cost some 2,000 instructions.
        mutating func reset(count: Int) {
            self.count = count
            lower.removeAll(keepingCapacity: true)
            lower.append(contentsOf: repeatElement(startHash, count: count + 2))
            lower.append(contentsOf: repeatElement(endHash, count: 2))
            shape.removeAll(keepingCapacity: true)
            shape.append(contentsOf: lower)
            stem.removeAll(keepingCapacity: true)
            stem.append(contentsOf: repeatElement(0, count: count + 4))
            marks.removeAll(keepingCapacity: true)
            marks.append(contentsOf: repeatElement(0, count: count + 4))
        }

        init(_ tokens: [TaggerToken], sentence: Range<Int>, cache: inout [UInt64: TokenHashes]) {
            self.init(count: sentence.count)
            words.reserveCapacity(count)
            var scratch: [UInt32] = []
            for k in sentence {
                let hashes = cache.value(for: TokenHashes.hash(tokens[k].text)) {
                    TokenHashes(tokens[k], scratch: &scratch)
                }
                set(
                    k - sentence.lowerBound, lower: hashes.lower, shape: hashes.shape, stem: hashes.stem,
                    marks: tokens[k].marks)
                words.append(hashes)
            }
        }

        @inline(__always)
        mutating func set(_ j: Int, lower: UInt64, shape: UInt64, stem: UInt64, marks: TaggerToken.Marks) {
            self.lower[j + 2] = lower
            self.shape[j + 2] = shape
            self.stem[j + 2] = stem
            self.marks[j + 2] = marks.rawValue
        }

        /// The place in the padded arrays of token `j`'s neighbour number `a` (at -2, -1, +1, +2).
        @inline(__always)
        func neighbour(_ j: Int, _ a: Int) -> Int { j + 2 + (a < 2 ? a - 2 : a - 1) }

        /// Whether a place in the padded arrays holds a token of the sentence.
        @inline(__always)
        func inside(_ p: Int) -> Bool { p >= 2 && p < count + 2 }
    }

    /// The features of a word wherever it stands (templates 0 to 12, 34 and 37).
    @inline(__always)
    static func addOwn(_ t: TokenHashes, into f: inout FeatureBuffer) {
        f.add(key(0, 1))
        f.add(key(1, t.lower))
        f.add(key(2, t.stem))
        f.add(key(3, t.kyrgyzStem))
        f.add(key(4, t.shape))
        for a in 0..<4 where t.affixes[a] != 0 {
            f.add(key(5 + UInt64(a), t.affixes[a]))
            f.add(key(9 + UInt64(a), t.affixes[4 + a]))
        }
        for e in t.endings { f.add(key(34, e)) }
        f.add(key(37, UInt64(min(t.letters, 12)), t.shape))
    }

    /// The features a token has of its neighbour number `a` (at -2, -1, +1, +2; templates 13 to
    /// 24): the neighbour's word, shape and stem, or the edge's hash as word and shape where the
    /// sentence has no token there (`stem` nil).
    @inline(__always)
    static func addNeighbour(_ a: Int, lower: UInt64, shape: UInt64, stem: UInt64?, into f: inout FeatureBuffer) {
        f.add(key(13 + UInt64(a), lower))
        f.add(key(17 + UInt64(a), shape))
        if let stem { f.add(key(21 + UInt64(a), stem)) }
    }

    /// The features of token `i` that depend on more than one word or on its place (templates 25
    /// to 33, 35, 36, 38 and 39).
    @inline(__always)
    static func addContext(
        _ i: Int, _ tokens: [TaggerToken], sentence: Range<Int>, _ s: SentenceHashes, into f: inout FeatureBuffer
    ) {
        let lo = sentence.lowerBound, j = i - lo, p = j + 2
        let t = (lower: s.lower[p], shape: s.shape[p])
        f.add(key(25, s.lower[p - 1], t.lower))
        f.add(key(26, t.lower, s.lower[p + 1]))
        f.add(key(27, s.shape[p - 1], t.shape, s.shape[p + 1]))
        f.add(key(28, s.lower[p - 1], t.shape))
        f.add(key(29, t.shape, s.lower[p + 1]))
        for a in 0..<3 where s.inside(p + a - 1) {
            var bits = s.marks[p + a - 1]
            while bits != 0 {
                f.add(key(30 + UInt64(a), UInt64(bits.trailingZeroBitCount)))
                bits &= bits - 1
            }
        }
        f.add(key(33, UInt64(s.marks[p - 1]), UInt64(s.marks[p]), UInt64(s.marks[p + 1])))
        if i == lo || tokens[i].sentenceStart { f.add(key(35, 1, t.shape)) }
        if i == lo + 1 { f.add(key(35, 2)) }
        if tokens[i].newlineBefore { f.add(key(36, 1)) }
        if tokens[i].elsewhere.rawValue != 0 {
            f.add(key(38, UInt64(tokens[i].elsewhere.rawValue)))
            f.add(key(39, UInt64(tokens[i].elsewhere.rawValue), t.shape))
        }
    }

    /// The summed weights a word gives a token wherever it stands: as the token itself
    /// (`addOwn`), and as its neighbour at each of the four places (`addNeighbour`).
    /// Fields, not an array: reading an array in a struct retained it.
    struct WordSums: Sendable {
        var own: SIMD8<Int32>
        var neighbours: (SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>)

        @inline(__always)
        func asNeighbour(_ a: Int) -> SIMD8<Int32> {
            a == 0 ? neighbours.0 : a == 1 ? neighbours.1 : a == 2 ? neighbours.2 : neighbours.3
        }
    }

    /// What decoding keeps of a word from one sentence to the next: the hashes its neighbours'
    /// context features read, and its `WordSums`. Plain values, so that reading one retains nothing.
    struct WordScores: Sendable {
        var lower: UInt64, shape: UInt64
        var sums: WordSums
    }

    static func sums(of t: TokenHashes, model: NameModel) -> WordSums {
        var f = FeatureBuffer()
        defer { f.deallocate() }
        addOwn(t, into: &f)
        let own = model.sums(f.features)
        func asNeighbour(_ a: Int) -> SIMD8<Int32> {
            f.count = 0
            addNeighbour(a, lower: t.lower, shape: t.shape, stem: t.stem, into: &f)
            return model.sums(f.features)
        }
        return WordSums(own: own, neighbours: (asNeighbour(0), asNeighbour(1), asNeighbour(2), asNeighbour(3)))
    }

    /// Each token's label scores under `model` (`NameLabel.count` a token, one sentence): the
    /// sums of its features' weights, times the model's scale. The features a word gives
    /// wherever it stands are summed once per word (`WordSums`, most of a token's features),
    /// the rest per token. The weights are integers, so adding them in parts gives the same sums.
    static func emissions(
        _ tokens: [TaggerToken], sentence: Range<Int>, memo: inout TaggerMemo, model: NameModel,
        edges: [SIMD8<Int32>], buffers b: inout EmissionBuffers
    ) -> [Double] {
        let L = NameLabel.count, scale = Double(model.scale)
        b.hashes.reset(count: sentence.count)
        b.sums.removeAll(keepingCapacity: true)
        var scratch: [UInt32] = []
        for k in sentence {
            let w = memo.scores(of: tokens, k) {
                let hashes = TokenHashes(tokens[k], scratch: &scratch)
                return WordScores(lower: hashes.lower, shape: hashes.shape, sums: Self.sums(of: hashes, model: model))
            }
            // The stem is read through `sums` alone.
            b.hashes.set(k - sentence.lowerBound, lower: w.lower, shape: w.shape, stem: 0, marks: tokens[k].marks)
            b.sums.append(w.sums)
        }
        var out = [Double](repeating: 0, count: sentence.count * L)
        for i in sentence {
            let j = i - sentence.lowerBound
            var sum = b.sums[j].own
            for a in 0..<4 {
                let p = b.hashes.neighbour(j, a)
                sum &+= b.hashes.inside(p) ? b.sums[p - 2].asNeighbour(a) : edges[a * 2 + (p < 2 ? 0 : 1)]
            }
            b.features.count = 0
            addContext(i, tokens, sentence: sentence, b.hashes, into: &b.features)
            sum &+= model.sums(b.features.features)
            for l in 0..<L { out[j * L + l] = Double(sum[l]) * scale }
        }
        return out
    }

    /// What a sentence's edges give a token as its neighbours (`addNeighbour` with the start's and
    /// the end's hash), by place and edge: `emissions`' `edges`.
    static func edgeSums(model: NameModel) -> [SIMD8<Int32>] {
        var f = FeatureBuffer()
        defer { f.deallocate() }
        return (0..<4).flatMap { a in
            [startHash, endHash].map { edge in
                f.count = 0
                addNeighbour(a, lower: edge, shape: edge, stem: nil, into: &f)
                return model.sums(f.features)
            }
        }
    }

    /// The key of the word feature (template 1) of a lower-case word: what a hand-made model
    /// in a test gives weight to.
    static func wordKey(_ lower: String) -> UInt64 {
        var h = FNV1a()
        for s in lower.unicodeScalars { h.add(UInt64(s.value)) }
        return key(1, h.value)
    }

    static let startHash: UInt64 = 0x5eed_0000_0000_0001, endHash: UInt64 = 0x5eed_0000_0000_0002

    /// splitmix64's finalizer: every bit of the input moves every bit of the output.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    static func key(_ template: UInt64, _ a: UInt64) -> UInt64 { mix(mix(template) ^ a) }

    @inline(__always)
    static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(key(template, a) ^ (b &* 0x2545_F491_4F6C_DD1D))
    }

    @inline(__always)
    static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        mix(key(template, a, b) ^ (c &* 0x2545_F491_4F6C_DD1D))
    }
}

/// One token's hashes, computed once per token from its scalars.
struct TokenHashes {
    var lower: UInt64 = 0, stem: UInt64 = 0, kyrgyzStem: UInt64 = 0, shape: UInt64 = 0
    /// Hashes of the first 1 to 4 letters, then of the last 1 to 4 (0 where the word is not
    /// longer than that).
    var affixes = SIMD8<UInt64>(repeating: 0)
    var letters = 0
    var marks: UInt32 = 0
    /// Hashes of the name endings the token has (`NameEndings`).
    var endings: [UInt64] = []

    init(_ t: TaggerToken, scratch s: inout [UInt32]) {
        s.removeAll(keepingCapacity: true)
        for u in t.lower.unicodeScalars { s.append(u.value) }
        letters = s.count
        lower = Self.hash(s[...])
        stem = t.stem == t.lower ? lower : Self.hash(t.stem)
        kyrgyzStem = t.kyrgyzStem == t.lower ? lower : Self.hash(t.kyrgyzStem)
        shape = Self.shape(t.text)
        marks = t.marks.rawValue
        for n in 1...4 where letters > n {
            affixes[n - 1] = Self.hash(s[..<n])
            affixes[3 + n] = Self.hash(s[(letters - n)...])
        }
        guard t.kind == .word, t.isCapitalized || t.isAllCaps else { return }
        NameEndings.add(t, scalars: s, into: &endings)
    }

    static func hash(_ scalars: ArraySlice<UInt32>) -> UInt64 {
        var h = FNV1a()
        for v in scalars { h.add(UInt64(v)) }
        return h.value
    }

    static func hash(_ text: String) -> UInt64 {
        var h = FNV1a()
        for u in text.unicodeScalars { h.add(UInt64(u.value)) }
        return h.value
    }

    /// Shape: runs of upper case `X`, lower case `x`, digits `d` collapse to one letter each;
    /// punctuation is kept (`Xx`, `X.`, `XX`, `Xx-Xx`, `«`, `d.d`); `L` after it when the token
    /// has no Cyrillic letter. Returned as the hash of that string.
    static func shape(_ text: String) -> UInt64 {
        var h = FNV1a()
        var last: UInt32 = 0, count = 0, cyrillic = false
        for u in text.unicodeScalars {
            let v = u.value
            if v >= 0x400 && v < 0x530 { cyrillic = true }
            let c: UInt32
            if (0x41...0x5A).contains(v) || (0x410...0x42F).contains(v) || v == 0x401 {
                c = 88
            }  // X
            else if (0x61...0x7A).contains(v) || (0x430...0x44F).contains(v) || v == 0x451 {
                c = 120
            }  // x
            else if (0x30...0x39).contains(v) {
                c = 100
            }  // d
            else if u.properties.isUppercase {
                c = 88
            } else if u.properties.isLowercase {
                c = 120
            } else {
                c = v
            }
            if c != last && count <= 6 { h.add(UInt64(c)); last = c; count += 1 }
        }
        if !cyrillic { h.add(76) }  // L
        return h.value
    }
}
