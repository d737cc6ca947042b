import Foundation
@testable import Jarya
import Testing

/// The schema `jarya schema` prints and the record writer must describe the same JSON: every
/// key the writer emits is in the schema, every key the schema lists is emitted, and the
/// schema's closed value lists are the record's enums. A field added in one place only fails here.
@Suite("Record schema and writer agree")
struct RecordSchemaTests {
    static let schema: JSONValue = try! JSONValue.parse(Array(RecordSchema.json.utf8))
    static func def(_ name: String) -> JSONValue { schema["$defs"]![name]! }

    /// A schema object's property names in order, and its required ones.
    static func keys(_ object: JSONValue?) -> (all: [String], required: [String]) {
        (object?["properties"]?.keys ?? [], (object?["required"]?.array ?? []).compactMap(\.string))
    }

    /// What the writer wrote for one kind of object against the schema object describing it:
    /// with every value present it writes every key the schema lists, in the schema's order;
    /// with values absent, every required key still, and no key out of order. A key that is
    /// written only when it has a value is a property the schema does not require.
    static func check(full: JSONValue?, sparse: JSONValue?, schema: (all: [String], required: [String]), _ what: String)
    {
        #expect(full?.keys == schema.all, "\(what): written keys and schema properties differ")
        #expect(
            Set(schema.required).isSubset(of: schema.all), "\(what): the schema requires a key it does not describe")
        guard let sparse else { return }
        #expect(
            Set(schema.required).isSubset(of: sparse.keys), "\(what): a required key is missing when values are absent")
        #expect(sparse.keys == schema.all.filter(Set(sparse.keys).contains), "\(what): keys out of order")
    }

    static func strings(_ value: JSONValue?) -> Set<String> { Set((value?.array ?? []).compactMap(\.string)) }

    /// An entity of a type, with every value present or every optional value absent.
    static func entity(_ type: EntityType, at n: Int, full: Bool = true) -> Record.EntityRecord {
        let value: Record.EntityRecord.Value
        switch type {
        case .date:
            value =
                full
                ? .date(start: "2025-03-14", end: "2025-03-15", time: "10:00") : .date(start: nil, end: nil, time: nil)
        case .place: value = .place(name: "Бишкек", kind: .city, country: full ? "KG" : nil)
        case .organization:
            value = .organization(name: "Кыргыз Республикасынын Билим берүү министрлиги", acronym: full ? "ББМ" : nil)
        case .person: value = .person(name: "Асель Токтогулова", role: full ? "министр" : nil)
        case .url: value = .contact(value: "https://edu.gov.kg/ky/news/12")
        case .email: value = .contact(value: "info@edu.gov.kg")
        case .phone: value = .contact(value: "+996312621519")
        }
        // `source` is optional on every entity (only the name tagger's names have it).
        return Record.EntityRecord(
            type: type, text: "x", span: Span(n, n + 1), value: value, source: full ? .model : nil)
    }

    /// A record with every optional value present, and one with every optional value absent.
    static let full = Record(
        id: "0123456789abcdef",
        source: .init(
            path: "inbox/форум.txt", sha256: String(repeating: "a", count: 64), bytes: 120, format: "txt",
            encoding: "UTF-8",
            url: "https://edu.gov.kg/ky/news/2025/03/12/forum"),
        language: .kyrgyzRussian, title: "Бишкекте жаштар форуму өтөт", summary: "Форум 14-мартта өтөт.",
        published: "2025-03-01",
        event: .init(
            kind: .forum, title: "Жаштар жана келечек", start: "2025-03-14", end: "2025-03-15", time: "10:00",
            places: ["Бишкек"], organizers: ["Билим берүү министрлиги"], funders: ["ЮНИСЕФ"], partners: ["ПРООН"],
            participants: .init(count: 200, qualifier: "more_than", countries: ["Казахстан"])),
        entities: EntityType.allCases.enumerated().map { entity($1, at: $0) },
        text: "Бишкекте жаштар форуму өтөт.", warnings: ["repaired letters"],
        related: [.init(id: "fedcba9876543210", relation: "translation")])
    static let sparse = Record(
        id: "0123456789abcdef", source: .init(path: "a.txt", sha256: "", bytes: 0, format: "txt", encoding: nil),
        language: .undetermined, event: .init(kind: .other),
        entities: EntityType.allCases.enumerated().map { entity($1, at: $0, full: false) }, text: "")
    static let failed = ErrorRecord(
        source: .init(path: "b.pdf", sha256: "", bytes: 3, format: "pdf", encoding: nil),
        error: .init(code: "unsupported", message: "b.pdf: PDF is not read"))

    static func written(_ bytes: [UInt8]) throws -> JSONValue { try JSONValue.parse(bytes) }

    @Test("a record's keys are the schema's, in the writer's order, whatever is absent")
    func recordKeys() throws {
        let full = try Self.written(Self.full.jsonBytes()), sparse = try Self.written(Self.sparse.jsonBytes())
        Self.check(full: full, sparse: sparse, schema: Self.keys(Self.def("record")), "record")
        Self.check(full: full["source"], sparse: sparse["source"], schema: Self.keys(Self.def("source")), "source")
        let event = Self.def("event")
        Self.check(full: full["event"], sparse: sparse["event"], schema: Self.keys(event), "event")
        let participants = event["properties"]?["participants"]?["oneOf"]?.array?.first { $0["required"] != nil }
        Self.check(full: full["event"]?["participants"], sparse: nil, schema: Self.keys(participants), "participants")
        #expect(sparse["event"]?["participants"] == .null)
        let related = Self.def("record")["properties"]?["related"]?["items"]
        Self.check(full: full["related"]?.array?.first, sparse: nil, schema: Self.keys(related), "related")
    }

    @Test("an error record's keys are the schema's")
    func errorKeys() throws {
        let json = try Self.written(Self.failed.jsonBytes())
        let def = Self.def("errorRecord")
        Self.check(full: json, sparse: nil, schema: Self.keys(def), "error record")
        Self.check(full: json["error"], sparse: nil, schema: Self.keys(def["properties"]?["error"]), "error")
    }

    @Test("each entity type's keys are its schema branch's, and each branch is a type the writer has")
    func entityKeys() throws {
        let entity = Self.def("entity")
        let common = Self.keys(entity)
        let branches = try #require(entity["allOf"]?.array)
        let full = try Self.written(Self.full.jsonBytes())["entities"]?.array ?? []
        let sparse = try Self.written(Self.sparse.jsonBytes())["entities"]?.array ?? []
        #expect(full.count == EntityType.allCases.count && sparse.count == full.count)
        var covered: [String] = []
        for (f, s) in zip(full, sparse) {
            let type = f["type"]?.string ?? "?"
            let branch = try #require(
                branches.first { b in
                    let t = b["if"]?["properties"]?["type"]
                    return t?["const"]?.string == type || Self.strings(t?["enum"]).contains(type)
                }, "no schema branch for entity type \(type)")
            let then = Self.keys(branch["then"])
            #expect(
                Array(then.all.prefix(common.all.count)) == common.all,
                "\(type): the branch lists the common keys first")
            Self.check(full: f, sparse: s, schema: (then.all, common.required + then.required), "entity \(type)")
            covered.append(type)
        }
        let branchTypes = branches.flatMap { b -> [String] in
            let t = b["if"]?["properties"]?["type"]
            return [t?["const"]?.string].compactMap { $0 } + Array(Self.strings(t?["enum"]))
        }
        #expect(Set(branchTypes) == Set(covered))
    }

    /// The names of a value's stored properties (a nil optional included). Sets are compared:
    /// the order of keys is the writer's, checked above.
    static func fields(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }

    @Test("every stored field of the record types is a key the schema describes, set or not")
    func fieldsAreKeys() throws {
        let r = Self.sparse
        #expect(Set(Self.fields(r)) == Set(Self.keys(Self.def("record")).all.filter { $0 != "schema" }))
        #expect(Set(Self.fields(r.source)) == Set(Self.keys(Self.def("source")).all))
        let event = Self.def("event")
        #expect(Set(Self.fields(try #require(r.event))) == Set(Self.keys(event).all))
        let participants = event["properties"]?["participants"]?["oneOf"]?.array?.first { $0["required"] != nil }
        #expect(Set(Self.fields(try #require(Self.full.event?.participants))) == Set(Self.keys(participants).all))
        #expect(
            Set(Self.fields(Self.full.related[0]))
                == Set(Self.keys(Self.def("record")["properties"]?["related"]?["items"]).all))
        let errorRecord = Self.def("errorRecord")
        #expect(Set(Self.fields(Self.failed)) == Set(Self.keys(errorRecord).all.filter { $0 != "schema" }))
        #expect(Set(Self.fields(Self.failed.error)) == Set(Self.keys(errorRecord["properties"]?["error"]).all))
        // An entity's own fields and those of its value's case (a one-field case, `contact`, is `value`).
        let branches = Self.def("entity")["allOf"]?.array ?? []
        for e in r.entities {
            let payload = try #require(Mirror(reflecting: e.value).children.first?.value)
            let own = Self.fields(e).filter { $0 != "value" }
            let names = own + (Self.fields(payload).isEmpty ? ["value"] : Self.fields(payload))
            let branch =
                branches.first { $0["if"]?["properties"]?["type"]?["const"]?.string == e.type.rawValue }
                ?? branches.first { Self.strings($0["if"]?["properties"]?["type"]?["enum"]).contains(e.type.rawValue) }
            #expect(Set(names) == Set(Self.keys(branch?["then"]).all), "entity \(e.type)")
        }
    }

    @Test("the schema's value lists are the record's enums")
    func enums() throws {
        let record = try #require(Self.def("record")["properties"])
        #expect(Self.strings(record["language"]?["enum"]) == Set(Language.allCases.map(\.rawValue)))
        let entity = Self.def("entity")
        #expect(Self.strings(entity["properties"]?["type"]?["enum"]) == Set(EntityType.allCases.map(\.rawValue)))
        let place = try #require(
            entity["allOf"]?.array?.first { $0["if"]?["properties"]?["type"]?["const"] == .string("place") })
        #expect(Self.strings(place["then"]?["properties"]?["kind"]?["enum"]) == Set(PlaceKind.allCases.map(\.rawValue)))
        #expect(
            Self.strings(Self.def("event")["properties"]?["kind"]?["enum"]) == Set(EventKind.allCases.map(\.rawValue)))
    }

    @Test("what the writer writes reads back as the same value", arguments: [0, 1, 2])
    func roundTrip(which: Int) throws {
        let line: RecordLine = [.record(Self.full), .record(Self.sparse), .error(Self.failed)][which]
        let decoded = try JSONDecoder().decode(RecordLine.self, from: Data(line.jsonBytes()))
        #expect(decoded == line)
    }

    @Test("a line with a value the schema refuses does not read")
    func refused() throws {
        let head =
            #"{"schema":"jarya.record/1","id":"0123456789abcdef","source":{"path":"a","sha256":"","bytes":0,"format":"txt","encoding":null},"#
        let tail = #""title":null,"summary":null,"published":null,"event":null,"text":"Ош","warnings":[],"related":[]"#
        let placeWithoutKind = #""entities":[{"type":"place","text":"Ош","span":[0,2],"name":"Ош","country":"KG"}]"#
        for json in [
            head + #""language":"ky","# + tail + "," + placeWithoutKind + "}",
            head + #""language":"kz","# + tail + #","entities":[]}"#,
            head + #""language":"ky","# + tail + #","entities":[{"type":"url","text":"x","span":[3,1],"value":"x"}]}"#,
        ] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(RecordLine.self, from: Data(json.utf8)) }
        }
        let valid =
            head + #""language":"ky","# + tail + #","entities":[{"type":"url","text":"x","span":[1,3],"value":"x"}]}"#
        #expect(try JSONDecoder().decode(RecordLine.self, from: Data(valid.utf8)).record?.language == .kyrgyz)
    }
}
