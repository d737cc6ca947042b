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

    /// Notes a record (in output order).
    public mutating func add(_ record: Record) {
        defer { count += 1 }
        guard record.error == nil, let id = record.id, let lang = record.language, lang == "ky" || lang == "ru",
              let e = record.event, let start = e.start, let end = e.end, !e.places.isEmpty else { return }
        var evidence: [UInt64] = []
        for x in record.entities ?? [] {
            switch x.type {
            case "url", "email", "phone": if let v = x.value { evidence.append(Self.hash(x.type + ":" + v.lowercased())) }
            case "person": if let n = x.name?.split(separator: " ").last { evidence.append(Self.hash("person:" + n.prefix(5).lowercased())) }
            default: break
            }
        }
        let places = Set(e.places.map(Self.hash)).sorted()
        var published: Int32 = -1
        if let p = record.published { published = intern(p) }
        signatures[count] = Signature(
            id: id, russian: lang == "ru", kind: intern(e.kind), published: published,
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
    static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    /// Whether two sorted lists share an element.
    static func intersect(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> Bool {
        var i = a.startIndex, j = b.startIndex
        while i < a.endIndex && j < b.endIndex {
            if a[i] == b[j] { return true }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return false
    }

    /// The links, by the position of the record they belong to.
    public func links() -> [Int: [Record.Related]] {
        var result: [Int: [Record.Related]] = [:]
        for group in byDates.values where group.count > 1 {
            for a in group {
                for b in group where b > a {
                    let x = signatures[Int(a)]!, y = signatures[Int(b)]!
                    guard x.russian != y.russian, x.id != y.id, Self.intersect(x.places, y.places) else { continue }
                    // A shared contact or person is enough; the same published date only with the same kind of event.
                    let samePublished = x.published >= 0 && x.published == y.published && x.kind == y.kind
                    guard samePublished || Self.intersect(x.evidence, y.evidence) else { continue }
                    result[Int(a), default: []].append(Record.Related(id: y.id, relation: "translation"))
                    result[Int(b), default: []].append(Record.Related(id: x.id, relation: "translation"))
                }
            }
        }
        return result
    }
}
