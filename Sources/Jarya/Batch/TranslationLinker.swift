/// Finds records of different files that are translations of each other: a Kyrgyz and a
/// Russian release of one event. They share the event's dates and places, and a contact (URL,
/// e-mail, phone) or a person, or the published date and the kind of event.
public struct TranslationLinker: Sendable {
    /// What a record needs to be matched, read back from the linker's flat tables: the linker
    /// keeps one per record of a batch, so its tables hold each in under 100 bytes with no
    /// allocation of its own (a `String` id and an array per record, kept in a dictionary by
    /// position, took about 200 bytes a release in heaptrack: some 40 MB of a 200,000-release
    /// batch). Places and evidence are kept as 64-bit hashes of their text (a collision would
    /// need the same dates and places too).
    struct Signature {
        let id: ArraySlice<UInt8>
        let position: Int32
        let russian: Bool
        /// The event's kind and the published date, interned in `words`.
        let kind: Int32
        let published: Int32
        /// Sorted hashes of the places, then of the evidence (contacts and surnames).
        let places: ArraySlice<UInt64>
        let evidence: ArraySlice<UInt64>
    }

    /// The signatures' fields, one element per signature in output order (`hashStarts` and
    /// `idStarts` one more: signature `k`'s hashes are `hashes[hashStarts[k]..<hashStarts[k + 1]]`).
    private var positions: [Int32] = []
    private var russian: [Bool] = []
    private var kinds: [Int32] = []
    private var published: [Int32] = []
    private var placeCounts: [Int32] = []
    private var hashStarts: [Int32] = [0]
    private var hashes: [UInt64] = []
    private var idStarts: [Int32] = [0]
    /// The records' ids (UTF-8), back to back.
    private var ids: [UInt8] = []
    /// Signatures by their event dates (`start/end`): only records of one event's dates are
    /// compared.
    private var byDates = WordMap<[Int32]>()
    /// Kinds and published dates, each stored once.
    private var words = WordMap<Int32>()
    private var count = 0

    public init() {}

    /// Notes a line of the output (in output order); error records take their place but are
    /// never linked.
    public mutating func add(_ line: RecordLine) {
        if let record = line.record { add(record) } else { count += 1 }
    }

    /// Notes a record (in output order).
    public mutating func add(_ record: Record) {
        defer { count += 1 }
        let lang = record.language
        guard lang == .kyrgyz || lang == .russian, let e = record.event, let start = e.start, let end = e.end,
            !e.places.isEmpty
        else { return }
        var evidence: [UInt64] = []
        for x in record.entities {
            switch x.value {
            case .contact(let v): evidence.append(Self.hash(x.type.rawValue + ":" + v.lowercased()))
            case .person(let n, _):
                if let surname = n.split(separator: " ").last {
                    evidence.append(Self.hash("person:" + surname.prefix(5).lowercased()))
                }
            default: break
            }
        }
        let places = Set(e.places.map(Self.hash)).sorted()
        var publishedWord: Int32 = -1
        if let p = record.published { publishedWord = intern(p) }
        let k = Int32(positions.count)
        positions.append(Int32(count))
        russian.append(lang == .russian)
        kinds.append(intern(e.kind.rawValue))
        published.append(publishedWord)
        placeCounts.append(Int32(places.count))
        hashes += places
        hashes += Set(evidence).sorted()
        hashStarts.append(Int32(hashes.count))
        ids += record.id.utf8
        idStarts.append(Int32(ids.count))
        byDates[start + "/" + end, default: []].append(k)
    }

    /// Signature `k`, read from the tables.
    private func signature(_ k: Int32) -> Signature {
        let k = Int(k)
        let first = Int(hashStarts[k]), split = first + Int(placeCounts[k])
        return Signature(
            id: ids[Int(idStarts[k])..<Int(idStarts[k + 1])], position: positions[k], russian: russian[k],
            kind: kinds[k], published: published[k], places: hashes[first..<split],
            evidence: hashes[split..<Int(hashStarts[k + 1])])
    }

    /// A signature's record id.
    private func id(_ k: Int32) -> String { String(decoding: signature(k).id, as: UTF8.self) }

    private mutating func intern(_ word: String) -> Int32 {
        if let n = words[word] { return n }
        let n = Int32(words.count)
        words[word] = n
        return n
    }

    /// FNV-1a over the UTF-8 bytes: stable from run to run, unlike `Hasher`.
    static func hash(_ text: String) -> UInt64 { FNV1a.hash(utf8: text) }

    /// How many elements two sorted lists share.
    static func shared(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> Int {
        var i = a.startIndex, j = b.startIndex, n = 0
        while i < a.endIndex && j < b.endIndex {
            if a[i] == b[j] { n += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return n
    }

    /// How strongly two records look like translations of each other, or nil when they do not:
    /// other language, same dates (the caller's group), a shared place, and a shared contact or
    /// person, or the same published date with the same kind of event.
    static func score(_ x: Signature, _ y: Signature) -> Int? {
        guard x.russian != y.russian, !x.id.elementsEqual(y.id), shared(x.places, y.places) > 0 else { return nil }
        let samePublished = x.published >= 0 && x.published == y.published && x.kind == y.kind
        let evidence = shared(x.evidence, y.evidence)
        guard samePublished || evidence > 0 else { return nil }
        return evidence * 2 + (samePublished ? 1 : 0)
    }

    /// The links, by the position of the record they belong to. A release has one translation:
    /// two records are linked when each is the other's best match (most shared evidence, then
    /// the nearest in input order), so a batch of many similar releases does not link each to
    /// all the others.
    public func links() -> [Int: [Record.Related]] {
        var result: [Int: [Record.Related]] = [:]
        for group in byDates.values where group.count > 1 {
            // By signature; signatures are numbered in output order, as positions are.
            var best: [Int32: (partner: Int32, score: Int, distance: Int32)] = [:]
            for a in group {
                let x = signature(a)
                for b in group where b > a {
                    let y = signature(b)
                    guard let score = Self.score(x, y) else { continue }
                    let distance = abs(y.position - x.position)
                    for (x, y) in [(a, b), (b, a)] {
                        let candidate = (partner: y, score: score, distance: distance)
                        if let current = best[x], (current.score, -current.distance) >= (score, -candidate.distance) {
                            continue
                        }
                        best[x] = candidate
                    }
                }
            }
            for (a, match) in best where a < match.partner && best[match.partner]?.partner == a {
                result[Int(positions[Int(a)])] = [Record.Related(id: id(match.partner), relation: "translation")]
                result[Int(positions[Int(match.partner)])] = [Record.Related(id: id(a), relation: "translation")]
            }
        }
        return result
    }
}
