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
        // What depends on one token alone is computed once, not once per neighbour.
        var scratch: [UInt32] = []
        let h = sentence.map { k -> TokenHashes in
            var hashes: TokenHashes
            let key = TokenHashes.hash(tokens[k].text)
            if let known = cache[key] {
                hashes = known
            } else {
                hashes = TokenHashes(tokens[k], scratch: &scratch)
                cache[key] = hashes
            }
            hashes.marks = tokens[k].marks.rawValue
            return hashes
        }
        let lo = sentence.lowerBound
        func at(_ k: Int) -> TokenHashes? { sentence.contains(k) ? h[k - lo] : nil }
        func edge(_ k: Int) -> UInt64 { k < lo ? startHash : endHash }
        func lowerAt(_ k: Int) -> UInt64 { at(k)?.lower ?? edge(k) }
        func shapeAt(_ k: Int) -> UInt64 { at(k)?.shape ?? edge(k) }
        func marksAt(_ k: Int) -> UInt64 { UInt64(at(k)?.marks ?? 0) }
        var f: [UInt64] = []
        f.reserveCapacity(64)
        for i in sentence {
            let t = h[i - lo]
            f.removeAll(keepingCapacity: true)
            f.append(key(0, 1))
            f.append(key(1, t.lower))
            f.append(key(2, t.stem))
            f.append(key(3, t.kyrgyzStem))
            f.append(key(4, t.shape))
            for n in 0..<4 where t.affixes[n] != 0 {
                f.append(key(5 + UInt64(n), t.affixes[n]))
                f.append(key(9 + UInt64(n), t.affixes[4 + n]))
            }
            for (n, d) in [-2, -1, 1, 2].enumerated() {
                f.append(key(13 + UInt64(n), lowerAt(i + d)))
                f.append(key(17 + UInt64(n), shapeAt(i + d)))
                if let other = at(i + d) { f.append(key(21 + UInt64(n), other.stem)) }
            }
            f.append(key(25, lowerAt(i - 1), t.lower))
            f.append(key(26, t.lower, lowerAt(i + 1)))
            f.append(key(27, shapeAt(i - 1), t.shape, shapeAt(i + 1)))
            f.append(key(28, lowerAt(i - 1), t.shape))
            f.append(key(29, t.shape, lowerAt(i + 1)))
            for (n, d) in [-1, 0, 1].enumerated() {
                guard let other = at(i + d) else { continue }
                var bits = other.marks
                while bits != 0 {
                    f.append(key(30 + UInt64(n), UInt64(bits.trailingZeroBitCount)))
                    bits &= bits - 1
                }
            }
            f.append(key(33, marksAt(i - 1), UInt64(t.marks), marksAt(i + 1)))
            for e in t.endings { f.append(key(34, e)) }
            if i == lo || tokens[i].sentenceStart { f.append(key(35, 1, t.shape)) }
            if i == lo + 1 { f.append(key(35, 2)) }
            if tokens[i].newlineBefore { f.append(key(36, 1)) }
            f.append(key(37, UInt64(min(t.letters, 12)), t.shape))
            if tokens[i].elsewhere.rawValue != 0 {
                f.append(key(38, UInt64(tokens[i].elsewhere.rawValue)))
                f.append(key(39, UInt64(tokens[i].elsewhere.rawValue), t.shape))
            }
            body(i, f)
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
