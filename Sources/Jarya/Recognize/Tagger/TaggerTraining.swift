/// Training the tagger: an averaged structured perceptron (Collins 2002). Each epoch visits the
/// sentences in an order drawn from the seed, decodes each with Viterbi and, where the labels
/// differ from the gold ones, moves the weights toward the gold features and away from the
/// predicted ones. The average of the weights over all steps is the model: it generalizes
/// better than the last weights. The same examples, epochs and seed give the same bytes.
public enum TaggerTraining {
    /// One sentence: each token's feature hashes and its gold label.
    public struct Example: Sendable {
        public var features: [[UInt64]]
        public var labels: [NameLabel]

        public init(features: [[UInt64]], labels: [NameLabel]) {
            self.features = features
            self.labels = labels
        }
    }

    public static func train(_ examples: [Example], epochs: Int = 10, seed: UInt64 = 1) -> NameModel {
        let L = NameLabel.count, T = (L + 1) * L
        // Feature hashes → dense indexes, in order of first appearance (deterministic).
        var index: [UInt64: Int32] = [:]
        var keys: [UInt64] = []
        let dense: [[[Int32]]] = examples.map { ex in
            ex.features.map { fs in
                fs.map { h in
                    if let k = index[h] { return k }
                    let k = Int32(keys.count)
                    index[h] = k
                    keys.append(h)
                    return k
                }
            }
        }
        // w: current weights; u: sum of step × update, so the average is w - u / steps.
        var w = [Double](repeating: 0, count: keys.count * L), u = w
        var tw = [Double](repeating: 0, count: T), tu = tw
        var step = 1.0
        var rng = SeededGenerator(seed: seed)
        var order = Array(examples.indices)
        func tIndex(_ p: NameLabel?, _ l: NameLabel) -> Int { (p?.rawValue ?? L) * L + l.rawValue }

        for _ in 0..<epochs {
            order.shuffle(using: &rng)
            for e in order {
                let feats = dense[e], gold = examples[e].labels
                let emissions = feats.map { fs -> [Double] in
                    var s = [Double](repeating: 0, count: L)
                    for f in fs { let row = Int(f) * L; for l in 0..<L { s[l] += w[row + l] } }
                    return s
                }
                let predicted = NameTagger.viterbi(emissions) { tw[tIndex($0, $1)] }
                if predicted != gold {
                    for i in gold.indices {
                        let pg = i == 0 ? nil : gold[i - 1], pp = i == 0 ? nil : predicted[i - 1]
                        if gold[i] != predicted[i] {
                            for f in feats[i] {
                                let row = Int(f) * L
                                w[row + gold[i].rawValue] += 1; u[row + gold[i].rawValue] += step
                                w[row + predicted[i].rawValue] -= 1; u[row + predicted[i].rawValue] -= step
                            }
                        }
                        if gold[i] != predicted[i] || pg != pp {
                            tw[tIndex(pg, gold[i])] += 1; tu[tIndex(pg, gold[i])] += step
                            tw[tIndex(pp, predicted[i])] -= 1; tu[tIndex(pp, predicted[i])] -= step
                        }
                    }
                }
                step += 1
            }
        }
        let averaged = zip(w, u).map { $0 - $1 / step }
        let transitions = zip(tw, tu).map { Float($0 - $1 / step) }
        return quantize(keys: keys, weights: averaged, transitions: transitions)
    }

    /// 16-bit weights on one scale; features whose weights all round to zero are dropped.
    static func quantize(keys: [UInt64], weights: [Double], transitions: [Float]) -> NameModel {
        let L = NameLabel.count
        let largest = weights.reduce(0) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / 32767 : 1
        var rows: [(key: UInt64, q: [Int16])] = []
        for (k, key) in keys.enumerated() {
            let q = (0..<L).map { Int16((weights[k * L + $0] / scale).rounded()) }
            if q.contains(where: { $0 != 0 }) { rows.append((key, q)) }
        }
        rows.sort { $0.key < $1.key }
        // Two features with one hash (rare at 64 bits) keep the first row after sorting.
        var out: [(key: UInt64, q: [Int16])] = []
        for r in rows where out.last?.key != r.key { out.append(r) }
        return NameModel(keys: out.map(\.key), weights: out.flatMap(\.q), scale: Float(scale), transitions: transitions)
    }
}
