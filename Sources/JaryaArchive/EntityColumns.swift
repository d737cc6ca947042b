import Jarya

/// An entity as the archive's `entities` table holds it: one nullable column per field any
/// entity type has, so a query can ask for `name` whatever the type.
struct EntityColumns {
    var start: String?, end: String?
    var name: String?, kind: String?, country: String?, acronym: String?, role: String?
    var value: String?

    init(_ e: Jarya.Record.EntityRecord) {
        switch e.value {
        case .date(let s, let e, _): start = s; end = e
        case .place(let n, let k, let c): name = n; kind = k.rawValue; country = c
        case .organization(let n, let a): name = n; acronym = a
        case .person(let n, let r): name = n; role = r
        case .contact(let v): value = v
        }
    }
}
