import Foundation

/// The labels the tagger gives tokens: outside a name, or the beginning or inside of a
/// person, organization or place (BIO).
public enum NameLabel: Int, CaseIterable, Sendable {
    case outside, beginPerson, insidePerson, beginOrganization, insideOrganization, beginPlace, insidePlace

    public static let count = allCases.count

    /// The kind of entity a label is part of.
    public var kind: Entity.Kind? {
        switch self {
        case .outside: return nil
        case .beginPerson, .insidePerson: return .person
        case .beginOrganization, .insideOrganization: return .organization
        case .beginPlace, .insidePlace: return .place
        }
    }

    public var isInside: Bool { self == .insidePerson || self == .insideOrganization || self == .insidePlace }

    public static func begin(_ kind: Entity.Kind) -> NameLabel {
        kind == .person ? .beginPerson : kind == .organization ? .beginOrganization : .beginPlace
    }

    public var inside: NameLabel {
        NameLabel(rawValue: kind == .person ? 2 : kind == .organization ? 4 : kind == .place ? 6 : 0)!
    }

    /// Whether `next` may follow `previous` (nil: the sentence start): inside X only after X.
    public static func allowed(_ previous: NameLabel?, _ next: NameLabel) -> Bool {
        guard next.isInside else { return true }
        return previous?.kind == next.kind
    }
}

/// A model file could not be used. The message names the file and says what to do.
public struct ModelError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let message: String
    public var description: String { "\(file): \(message)" }
}

/// The trained weights of the name tagger: for each feature hash seen in training, one
/// weight per label (16-bit, times `scale`), and the label-to-label transition weights.
/// Keys are sorted, so the file loads with no parsing and a lookup is a binary search.
public struct NameModel: Sendable {
    public static let formatVersion: UInt32 = 3
    static let magic: [UInt8] = Array("JARYANM".utf8) + [0]

    public let keys: [UInt64]
    public let weights: [Int16]
    public let scale: Float
    /// `(NameLabel.count + 1) × NameLabel.count`; the last row is the sentence start.
    public let transitions: [Float]
    /// Open-addressing table from a feature key to its row's weights, built at load time so that
    /// a lookup is one or two probes, not a binary search. The key and the weights sit in their
    /// slot, so a probe that finds its key reads one place in memory: with the row in the slot and
    /// the weights in their own array, `perf` showed most of `sums` waiting on the second read.
    let table: [Slot]
    let tableMask: Int
    /// One bit per value of a key's low bits, set for the model's keys: a feature training never
    /// saw is turned away by this small table, which stays in the processor's cache, rather than
    /// by a probe of the large one, which waits on memory.
    let present: [UInt64]
    static let presentBits = 1 << 19  // 64 KiB
    /// Which model this is, for the caches of its sums (`TaggerMemo`): a class instance, so
    /// that a cache holding it never mistakes another model for it.
    let identity = Identity()

    final class Identity: Sendable {}

    /// A feature's key and weights, one lane a label; the eighth lane is 1 for a slot in use.
    struct Slot {
        var key: UInt64
        var lanes: (Int16, Int16, Int16, Int16, Int16, Int16, Int16, Int16)

        static let empty = Slot(key: 0, lanes: (0, 0, 0, 0, 0, 0, 0, 0))
        var isEmpty: Bool { lanes.7 == 0 }
        /// The weights as sums' lanes, the eighth 0.
        var sums: SIMD8<Int32> {
            SIMD8(
                Int32(lanes.0), Int32(lanes.1), Int32(lanes.2), Int32(lanes.3), Int32(lanes.4), Int32(lanes.5),
                Int32(lanes.6), 0)
        }
    }

    public init(keys: [UInt64], weights: [Int16], scale: Float, transitions: [Float]) {
        precondition(
            weights.count == keys.count * NameLabel.count
                && transitions.count == (NameLabel.count + 1) * NameLabel.count)
        self.keys = keys
        self.weights = weights
        self.scale = scale
        self.transitions = transitions
        // A slot holds the seven labels' weights.
        precondition(NameLabel.count == 7, "NameModel.Slot holds seven weights")
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        var table = [Slot](repeating: .empty, count: size)
        for (row, k) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: k >> 17) & (size - 1)
            while !table[slot].isEmpty { slot = (slot + 1) & (size - 1) }
            let w = row * 7
            table[slot] = Slot(
                key: k,
                lanes: (
                    weights[w], weights[w + 1], weights[w + 2], weights[w + 3], weights[w + 4], weights[w + 5],
                    weights[w + 6], 1
                ))
        }
        self.table = table
        self.tableMask = size - 1
        var present = [UInt64](repeating: 0, count: Self.presentBits / 64)
        for k in keys { present[Self.presentBit(k) >> 6] |= 1 << UInt64(Self.presentBit(k) & 63) }
        self.present = present
    }

    /// The row of a feature key, or nil when training never saw it (for inspection and tests: the
    /// tagger reads the weights through `sums`).
    func row(_ key: UInt64) -> Int? { keys.firstIndex(of: key) }

    /// The sums of the weights of `features`, one lane a label (the eighth lane 0). Integer sums,
    /// so the order of the additions changes nothing.
    func sums(_ features: UnsafeBufferPointer<UInt64>) -> SIMD8<Int32> {
        var sum = SIMD8<Int32>()
        table.withUnsafeBufferPointer { table in
            present.withUnsafeBufferPointer { present in
                for f in features {
                    let bit = Self.presentBit(f)
                    guard present[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { continue }
                    var slot = Int(truncatingIfNeeded: f >> 17) & tableMask
                    while !table[slot].isEmpty {
                        if table[slot].key == f {
                            sum &+= table[slot].sums
                            break
                        }
                        slot = (slot + 1) & tableMask
                    }
                }
            }
        }
        return sum
    }

    /// A key's bit in `present`: its low bits (the table's slot is chosen by its high ones).
    @inline(__always)
    static func presentBit(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key) & (presentBits - 1) }

    /// The score of each label for a token with these features.
    public func scores(_ features: [UInt64]) -> [Double] {
        let sum = features.withUnsafeBufferPointer { sums($0) }
        return (0..<NameLabel.count).map { Double(sum[$0]) * Double(scale) }
    }

    public func transition(_ previous: NameLabel?, _ next: NameLabel) -> Double {
        Double(transitions[(previous?.rawValue ?? NameLabel.count) * NameLabel.count + next.rawValue])
    }

    /// A hash of the weights and transitions, so that `--state` drops records made
    /// with another model.
    public var fingerprint: String {
        var h = FNV1a()
        for k in keys { h.add(k) }
        for w in weights { h.add(UInt64(UInt16(bitPattern: w))) }
        for t in transitions { h.add(UInt64(t.bitPattern)) }
        h.add(UInt64(scale.bitPattern))
        return String(h.value, radix: 16)
    }

    // MARK: - The file

    /// The file's bytes: magic, version, label and feature counts, scale, transitions, keys,
    /// weights, all little-endian.
    public func fileBytes() -> [UInt8] {
        var out = Self.magic
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put(Self.formatVersion)
        put(UInt32(NameLabel.count))
        put(UInt32(keys.count))
        put(scale.bitPattern)
        for t in transitions { put(t.bitPattern) }
        for k in keys { put(k) }
        for w in weights { put(w) }
        return out
    }

    /// Reads a model file's bytes; `file` names it in errors.
    public init(bytes: [UInt8], file: String) throws {
        let retrain = "train it again with `swift run jarya-bench train` (see the README, \"The name tagger\")"
        guard bytes.count >= 24, Array(bytes[0..<8]) == Self.magic else {
            throw ModelError(file: file, message: "not a Jarya name model; \(retrain)")
        }
        func u32(_ at: Int) -> UInt32 { bytes[at..<at + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) } }
        let version = u32(8)
        guard version == Self.formatVersion else {
            throw ModelError(
                file: file,
                message: "model format version \(version), this jarya reads version \(Self.formatVersion); \(retrain)")
        }
        guard u32(12) == UInt32(NameLabel.count) else {
            throw ModelError(file: file, message: "\(u32(12)) labels, this jarya has \(NameLabel.count); \(retrain)")
        }
        let n = Int(u32(16))
        let transitionCount = (NameLabel.count + 1) * NameLabel.count
        let expected = 24 + transitionCount * 4 + n * 8 + n * NameLabel.count * 2
        guard bytes.count == expected else {
            throw ModelError(
                file: file, message: "truncated or damaged (\(bytes.count) bytes, expected \(expected)); \(retrain)")
        }
        var at = 24
        let transitions = (0..<transitionCount).map { k in Float(bitPattern: u32(24 + 4 * k)) }
        at += transitionCount * 4
        let weightCount = n * NameLabel.count
        var keys = [UInt64](repeating: 0, count: n)
        var weights = [Int16](repeating: 0, count: weightCount)
        let keyStart = at, weightStart = at + n * 8
        bytes.withUnsafeBytes { raw in
            keys.withUnsafeMutableBytes {
                $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[keyStart..<weightStart]))
            }
            weights.withUnsafeMutableBytes {
                $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[weightStart..<weightStart + weightCount * 2]))
            }
        }
        #if _endian(big)
            keys = keys.map { UInt64(littleEndian: $0) }
            weights = weights.map { Int16(littleEndian: $0) }
        #endif
        guard zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw ModelError(file: file, message: "damaged (feature keys out of order); \(retrain)")
        }
        self.init(keys: keys, weights: weights, scale: Float(bitPattern: u32(20)), transitions: transitions)
    }

    /// Reads a model file.
    public static func load(path: String) throws -> NameModel {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ModelError(
                file: path,
                message:
                    "no name model here; set \(ModelLocation.environmentVariable) to a model file, or unset it to use the installed one"
            )
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelError(file: path, message: "cannot be read; check its permissions")
        }
        return try NameModel(bytes: [UInt8](data), file: path)
    }
}
