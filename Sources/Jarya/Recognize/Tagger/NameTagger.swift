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
        let L = NameLabel.count
        guard n > 0 else { return [] }
        let labels = NameLabel.allCases
        var score = [Double](repeating: -.infinity, count: n * L)
        var back = [Int](repeating: 0, count: n * L)
        for l in labels where NameLabel.allowed(nil, l) {
            score[l.rawValue] = emissions[l.rawValue] + transition(nil, l)
        }
        if n > 1 {
            for i in 1..<n {
                for l in labels {
                    var best = -Double.infinity, arg = 0
                    for p in labels where NameLabel.allowed(p, l) {
                        let s = score[(i - 1) * L + p.rawValue] + transition(p, l)
                        if s > best { best = s; arg = p.rawValue }
                    }
                    score[i * L + l.rawValue] = best + emissions[i * L + l.rawValue]
                    back[i * L + l.rawValue] = arg
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
        var out: [Name] = []
        for sentence in sentences {
            // A sentence without a capital letter, a quote or a known name has none for the model
            // to find: skipping it keeps lower-case Kyrgyz and Russian prose cheap.
            guard
                sentence.contains(where: {
                    tokens[$0].isCapitalized || tokens[$0].isAllCaps || !tokens[$0].marks.isEmpty
                })
            else { continue }
            let L = NameLabel.count
            var emissions = [Double](repeating: 0, count: sentence.count * L)
            var sum = [Int32](repeating: 0, count: L)
            TaggerFeatures.forEach(tokens, sentence: sentence, cache: &memo.hashes) { i, features in
                for l in sum.indices { sum[l] = 0 }
                model.addScores(features, into: &sum)
                let row = (i - sentence.lowerBound) * L
                for l in 0..<L { emissions[row + l] = Double(sum[l]) * Double(model.scale) }
            }
            let labels = viterbi(flat: emissions, count: sentence.count, transition: model.transition)
            for var name in names(labels) {
                name.tokens =
                    (name.tokens.lowerBound + sentence.lowerBound)..<(name.tokens.upperBound + sentence.lowerBound)
                out.append(name)
            }
        }
        return out
    }
}
