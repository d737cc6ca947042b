/// Decoding: the best label sequence of a sentence under a model (Viterbi over BIO labels,
/// where inside-X may only follow X), and the names that sequence marks.
public enum NameTagger {
    /// A name the tagger found: its kind and its tokens.
    public struct Name: Equatable, Sendable {
        public var kind: Entity.Kind
        public var tokens: Range<Int>
    }

    /// The best labels for a sentence, given each token's label scores and the transition scores.
    public static func viterbi(_ emissions: [[Double]], transition: (NameLabel?, NameLabel) -> Double) -> [NameLabel] {
        viterbi(flat: emissions.flatMap { $0 }, count: emissions.count, transition: transition)
    }

    /// `viterbi` with the emissions in one array, `NameLabel.count` scores a token: decoding a
    /// document made no array per token.
    static func viterbi(flat emissions: [Double], count n: Int, transition: (NameLabel?, NameLabel) -> Double)
        -> [NameLabel]
    {
        viterbi(flat: emissions, count: n, transitions: Transitions(transition))
    }

    /// The transition scores read once into a table, with the transitions `NameLabel.allowed`
    /// permits: the decoder's inner loop made a closure call and two label checks per pair of
    /// labels per token, about a quarter of the tagger's work.
    struct Transitions {
        /// `(NameLabel.count + 1) × NameLabel.count`, by previous label (the last row: the start) and next.
        var score: [Double]
        var allowed: [Bool]
        /// For each next label, the scores from each previous label in one vector (lane 7 and the
        /// pairs not allowed: -∞, which never beats the best so far, as a pair skipped).
        var into: [SIMD8<Double>]

        init(_ transition: (NameLabel?, NameLabel) -> Double) {
            let previous: [NameLabel?] = NameLabel.allCases + [nil]
            score = previous.flatMap { p in NameLabel.allCases.map { transition(p, $0) } }
            allowed = previous.flatMap { p in NameLabel.allCases.map { NameLabel.allowed(p, $0) } }
            let L = NameLabel.count, score = score, allowed = allowed
            into = (0..<L).map { l in
                var column = SIMD8<Double>(repeating: -.infinity)
                for p in 0..<L where allowed[p * L + l] { column[p] = score[p * L + l] }
                return column
            }
        }
    }

    /// `viterbi` with the transitions in a table. The same additions and comparisons in the same
    /// order as reading them one by one, so the same labels: each lane adds one previous score
    /// and one transition, and the lanes are compared in label order. (Scores are finite, so a
    /// pair not allowed, at -∞, is never taken.)
    static func viterbi(flat emissions: [Double], count n: Int, transitions: Transitions) -> [NameLabel] {
        var tables = Tables()
        return viterbi(flat: emissions, count: n, transitions: transitions, tables: &tables)
    }

    /// The score and back-pointer tables of `viterbi`, kept from one sentence to the next of a
    /// document: allocating them for each sentence cost some 2,000 instructions a sentence.
    struct Tables {
        var score: [Double] = []
        var back: [Int] = []
    }

    /// `viterbi`, filling `tables` (whatever they held).
    static func viterbi(flat emissions: [Double], count n: Int, transitions: Transitions, tables: inout Tables)
        -> [NameLabel]
    {
        let L = NameLabel.count
        guard n > 0 else { return [] }
        var score: [Double] = [], back: [Int] = []
        swap(&score, &tables.score)
        swap(&back, &tables.back)
        defer {
            swap(&score, &tables.score)
            swap(&back, &tables.back)
        }
        score.removeAll(keepingCapacity: true)
        score.append(contentsOf: repeatElement(-.infinity, count: n * L))
        back.removeAll(keepingCapacity: true)
        back.append(contentsOf: repeatElement(0, count: n * L))
        let start = L * L
        for l in 0..<L where transitions.allowed[start + l] {
            score[l] = emissions[l] + transitions.score[start + l]
        }
        score.withUnsafeMutableBufferPointer { score in
            back.withUnsafeMutableBufferPointer { back in
                emissions.withUnsafeBufferPointer { emissions in
                    transitions.into.withUnsafeBufferPointer { into in
                        for i in 1..<max(n, 1) {
                            var previous = SIMD8<Double>(repeating: 0)
                            for p in 0..<L { previous[p] = score[(i - 1) * L + p] }
                            for l in 0..<L {
                                let s = previous + into[l]
                                var best = -Double.infinity, arg = 0
                                for p in 0..<L where s[p] > best {
                                    best = s[p]
                                    arg = p
                                }
                                score[i * L + l] = best + emissions[i * L + l]
                                back[i * L + l] = arg
                            }
                        }
                    }
                }
            }
        }
        var last = 0
        for l in 1..<L where score[(n - 1) * L + l] > score[(n - 1) * L + last] { last = l }
        var out = [NameLabel](repeating: .outside, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            out[i] = NameLabel(rawValue: last)!
            last = back[i * L + last]
        }
        return out
    }

    /// The labels of a sentence under `model`.
    public static func decode(_ features: [[UInt64]], model: NameModel) -> [NameLabel] {
        viterbi(features.map(model.scores), transition: model.transition)
    }

    /// The names a label sequence marks (offsets relative to the sequence).
    public static func names(_ labels: [NameLabel]) -> [Name] {
        var out: [Name] = []
        var k = 0
        while k < labels.count {
            guard let kind = labels[k].kind else { k += 1; continue }
            var end = k + 1
            while end < labels.count && labels[end] == labels[k].inside && labels[end].isInside { end += 1 }
            out.append(Name(kind: kind, tokens: k..<end))
            k = end
        }
        return out
    }

    /// The names in a whole document's tokens, sentence by sentence.
    public static func names(_ tokens: [TaggerToken], sentences: [Range<Int>], model: NameModel) -> [Name] {
        var memo = TaggerMemo()
        return names(tokens, sentences: sentences, model: model, memo: &memo)
    }

    /// `names`, with each word's feature hashes kept in `memo` (the worker's) for the next
    /// documents: a word's hashes depend on its text alone.
    public static func names(
        _ tokens: [TaggerToken], sentences: [Range<Int>], model: NameModel, memo: inout TaggerMemo
    ) -> [Name] {
        memo.trimHashes()
        // Once per document: the transition table, and what the sentence edges give a token.
        let transitions = Transitions(model.transition)
        let edges = TaggerFeatures.edgeSums(model: model)
        // The words' cached sums are one model's.
        if memo.scoresModel !== model.identity {
            memo.forgetScores()
            memo.scoresModel = model.identity
        }
        var out: [Name] = []
        var buffers = TaggerFeatures.EmissionBuffers()
        defer { buffers.deallocate() }
        var tables = Tables()
        for sentence in sentences {
            // A sentence without a capital letter, a quote or a known name has none for the model
            // to find: skipping it keeps lower-case Kyrgyz and Russian prose cheap.
            guard
                sentence.contains(where: {
                    tokens[$0].isCapitalized || tokens[$0].isAllCaps || !tokens[$0].marks.isEmpty
                })
            else { continue }
            let emissions = TaggerFeatures.emissions(
                tokens, sentence: sentence, memo: &memo, model: model, edges: edges, buffers: &buffers)
            let labels = viterbi(flat: emissions, count: sentence.count, transitions: transitions, tables: &tables)
            for var name in names(labels) {
                name.tokens =
                    (name.tokens.lowerBound + sentence.lowerBound)..<(name.tokens.upperBound + sentence.lowerBound)
                out.append(name)
            }
        }
        return out
    }
}
