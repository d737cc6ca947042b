/// Finds records of different files that are translations of each other: a Kyrgyz and a
/// Russian release of one event. They share the event's dates and places, and a contact (URL,
/// e-mail, phone) or a person, or the published date and the kind of event.
public struct TranslationLinker: Sendable {
    /// What a record needs to be matched, in about a hundred bytes: the linker keeps one per
    /// record of a batch, so a million records stay near 100 MB. Places and evidence are kept
    /// as 64-bit hashes of their text (a collision would need the same dates and places too).
    struct Signature: Sendable {
        let id: String
        let russian: Bool
        /// The event's kind and the published date, interned in `words`.
        let kind: Int32
        let published: Int32
        /// Sorted hashes of the places, then of the evidence (contacts and surnames).
        let hashes: ContiguousArray<UInt64>
        let placeCount: Int32

        var places: ArraySlice<UInt64> { hashes[..<Int(placeCount)] }
        var evidence: ArraySlice<UInt64> { hashes[Int(placeCount)...] }
    }

    private var signatures: [Int: Signature] = [:]
    /// Record positions by their event dates (`start/end`): only records of one event's dates
    /// are compared.
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
        var published: Int32 = -1
        if let p = record.published { published = intern(p) }
        signatures[count] = Signature(
            id: record.id, russian: lang == .russian, kind: intern(e.kind.rawValue), published: published,
            hashes: ContiguousArray(places + Set(evidence).sorted()), placeCount: Int32(places.count))
        byDates[start + "/" + end, default: []].append(Int32(count))
    }

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
        guard x.russian != y.russian, x.id != y.id, shared(x.places, y.places) > 0 else { return nil }
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
            var best: [Int32: (partner: Int32, score: Int, distance: Int32)] = [:]
            for a in group {
                for b in group where b > a {
                    guard let score = Self.score(signatures[Int(a)]!, signatures[Int(b)]!) else { continue }
                    for (x, y) in [(a, b), (b, a)] {
                        let candidate = (partner: y, score: score, distance: abs(y - x))
                        if let current = best[x], (current.score, -current.distance) >= (score, -candidate.distance) {
                            continue
                        }
                        best[x] = candidate
                    }
                }
            }
            for (a, match) in best where a < match.partner && best[match.partner]?.partner == a {
                result[Int(a)] = [Record.Related(id: signatures[Int(match.partner)]!.id, relation: "translation")]
                result[Int(match.partner)] = [Record.Related(id: signatures[Int(a)]!.id, relation: "translation")]
            }
        }
        return result
    }
}
