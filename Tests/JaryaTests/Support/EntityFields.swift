import Jarya

/// Tests read an entity's fields without a `switch` each time: nil where the type has no such field.
extension Record.EntityRecord {
    var start: String? { if case .date(let s, _, _) = value { return s }; return nil }
    var end: String? { if case .date(_, let e, _) = value { return e }; return nil }
    var time: String? { if case .date(_, _, let t) = value { return t }; return nil }
    var placeKind: PlaceKind? { if case .place(_, let k, _) = value { return k }; return nil }
    var country: String? { if case .place(_, _, let c) = value { return c }; return nil }
    var acronym: String? { if case .organization(_, let a) = value { return a }; return nil }
    var role: String? { if case .person(_, let r) = value { return r }; return nil }
    var contact: String? { if case .contact(let v) = value { return v }; return nil }
}
