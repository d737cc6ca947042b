/// Finds records of different files that are translations of each other: a Kyrgyz and a
/// Russian release of one event. They share the event's dates and places, and a contact (URL,
/// e-mail, phone) or a person, or the published date and the kind of event.
public struct TranslationLinker: Sendable {
    public struct Signature: Sendable {
        let id: String
        let language: String
        let start: String
        let end: String
        let places: Set<String>
        let kind: String
        let published: String?
        let evidence: Set<String>
    }

    private(set) var signatures: [Signature?] = []

    public init() {}

    /// Notes a record (in output order).
    public mutating func add(_ record: Record) {
        guard record.error == nil, let id = record.id, let lang = record.language, lang == "ky" || lang == "ru",
              let e = record.event, let start = e.start, let end = e.end, !e.places.isEmpty else {
            signatures.append(nil); return
        }
        var evidence: Set<String> = []
        for x in record.entities ?? [] {
            switch x.type {
            case "url", "email", "phone": if let v = x.value { evidence.insert(x.type + ":" + v.lowercased()) }
            case "person": if let n = x.name?.split(separator: " ").last { evidence.insert("person:" + n.prefix(5).lowercased()) }
            default: break
            }
        }
        signatures.append(Signature(id: id, language: lang, start: start, end: end, places: Set(e.places), kind: e.kind,
                                    published: record.published, evidence: evidence))
    }

    /// The links, by the position of the record they belong to.
    public func links() -> [Int: [Record.Related]] {
        var result: [Int: [Record.Related]] = [:]
        var byDates: [String: [Int]] = [:]
        for (n, s) in signatures.enumerated() { if let s { byDates[s.start + "/" + s.end, default: []].append(n) } }
        for group in byDates.values where group.count > 1 {
            for a in group {
                for b in group where b > a {
                    let x = signatures[a]!, y = signatures[b]!
                    guard x.language != y.language, x.id != y.id, !x.places.isDisjoint(with: y.places) else { continue }
                    // A shared contact or person is enough; the same published date only with the same kind of event.
                    let samePublished = x.published != nil && x.published == y.published && x.kind == y.kind
                    guard samePublished || !x.evidence.isDisjoint(with: y.evidence) else { continue }
                    result[a, default: []].append(Record.Related(id: y.id, relation: "translation"))
                    result[b, default: []].append(Record.Related(id: x.id, relation: "translation"))
                }
            }
        }
        return result
    }
}
