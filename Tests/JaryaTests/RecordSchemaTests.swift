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

    /// Every key a schema object lists: its `required` list, which must name its `properties`.
    static func keys(_ object: JSONValue, _ what: String) -> [String] {
        let required = (object["required"]?.array ?? []).compactMap(\.string)
        #expect(Set(required) == Set(object["properties"]?.keys ?? []), "\(what): required and properties differ")
        return required
    }

    static func strings(_ value: JSONValue?) -> Set<String> { Set((value?.array ?? []).compactMap(\.string)) }

    /// An entity of each type, with every value present.
    static func entity(_ type: EntityType, at n: Int) -> Record.EntityRecord {
        let value: Record.EntityRecord.Value
        switch type {
        case .date: value = .date(start: "2025-03-14", end: "2025-03-15", time: "10:00")
        case .place: value = .place(name: "Бишкек", kind: .city, country: "KG")
        case .organization: value = .organization(name: "Кыргыз Республикасынын Билим берүү министрлиги", acronym: "ББМ")
        case .person: value = .person(name: "Асель Токтогулова", role: "министр")
        case .url: value = .contact(value: "https://edu.gov.kg/ky/news/12")
        case .email: value = .contact(value: "info@edu.gov.kg")
        case .phone: value = .contact(value: "+996312621519")
        }
        return Record.EntityRecord(type: type, text: "x", span: Span(n, n + 1), value: value)
    }

    /// A record with every optional value present, and one with every optional value absent.
    static let full = Record(
        id: "0123456789abcdef",
        source: .init(path: "inbox/форум.txt", sha256: String(repeating: "a", count: 64), bytes: 120, format: "txt", encoding: "UTF-8"),
        language: .kyrgyzRussian, title: "Бишкекте жаштар форуму өтөт", summary: "Форум 14-мартта өтөт.", published: "2025-03-01",
        event: .init(kind: .forum, title: "Жаштар жана келечек", start: "2025-03-14", end: "2025-03-15", time: "10:00",
                     places: ["Бишкек"], organizers: ["Билим берүү министрлиги"], funders: ["ЮНИСЕФ"], partners: ["ПРООН"],
                     participants: .init(count: 200, qualifier: "more_than", countries: ["Казахстан"])),
        entities: EntityType.allCases.enumerated().map { entity($1, at: $0) },
        text: "Бишкекте жаштар форуму өтөт.", warnings: ["repaired letters"],
        related: [.init(id: "fedcba9876543210", relation: "translation")])
    static let sparse = Record(id: "0123456789abcdef", source: .init(path: "a.txt", sha256: "", bytes: 0, format: "txt", encoding: nil),
                               language: .undetermined, text: "")
    static let failed = ErrorRecord(source: .init(path: "b.pdf", sha256: "", bytes: 3, format: "pdf", encoding: nil),
                                    error: .init(code: "unsupported", message: "b.pdf: PDF is not read"))

    static func written(_ bytes: [UInt8]) throws -> JSONValue { try JSONValue.parse(bytes) }

    @Test("a record's keys are the schema's, in the writer's order, whatever is absent")
    func recordKeys() throws {
        let record = Self.keys(Self.def("record"), "record")
        for r in [Self.full, Self.sparse] {
            let json = try Self.written(r.jsonBytes())
            #expect(json.keys == record)
            #expect(json["source"]?.keys == Self.keys(Self.def("source"), "source"))
        }
        let full = try Self.written(Self.full.jsonBytes())
        let event = Self.def("event")
        #expect(full["event"]?.keys == Self.keys(event, "event"))
        let participants = try #require(event["properties"]?["participants"]?["oneOf"]?.array?.first { $0["required"] != nil })
        #expect(full["event"]?["participants"]?.keys == Self.keys(participants, "participants"))
        let related = try #require(Self.def("record")["properties"]?["related"]?["items"])
        #expect(full["related"]?.array?.first?.keys == Self.keys(related, "related"))
        #expect(try Self.written(Self.sparse.jsonBytes())["event"] == .null)
    }

    @Test("an error record's keys are the schema's")
    func errorKeys() throws {
        let json = try Self.written(Self.failed.jsonBytes())
        let def = Self.def("errorRecord")
        #expect(json.keys == Self.keys(def, "errorRecord"))
        #expect(json["error"]?.keys == Self.keys(try #require(def["properties"]?["error"]), "error"))
    }

    @Test("each entity type's keys are its schema branch's, and each branch is a type the writer has")
    func entityKeys() throws {
        let entity = Self.def("entity")
        let common = Self.keys(entity, "entity")
        let branches = try #require(entity["allOf"]?.array)
        var covered: [String] = []
        for e in Self.full.entities {
            let json = try Self.written({ var w = JSONWriter(); e.write(to: &w); return w.bytes }())
            let type = e.type.rawValue
            let branch = try #require(branches.first { b in
                let t = b["if"]?["properties"]?["type"]
                return t?["const"]?.string == type || Self.strings(t?["enum"]).contains(type)
            }, "no schema branch for entity type \(type)")
            let then = try #require(branch["then"])
            #expect(json.keys == common + (then["required"]?.array ?? []).compactMap(\.string), "\(type)")
            #expect(Set(json.keys) == Set(then["properties"]?.keys ?? []), "\(type): schema properties")
            covered.append(type)
        }
        let branchTypes = branches.flatMap { b -> [String] in
            let t = b["if"]?["properties"]?["type"]
            return [t?["const"]?.string].compactMap { $0 } + Array(Self.strings(t?["enum"]))
        }
        #expect(Set(branchTypes) == Set(covered))
    }

    @Test("the schema's value lists are the record's enums")
    func enums() throws {
        let record = try #require(Self.def("record")["properties"])
        #expect(Self.strings(record["language"]?["enum"]) == Set(Language.allCases.map(\.rawValue)))
        let entity = Self.def("entity")
        #expect(Self.strings(entity["properties"]?["type"]?["enum"]) == Set(EntityType.allCases.map(\.rawValue)))
        let place = try #require(entity["allOf"]?.array?.first { $0["if"]?["properties"]?["type"]?["const"] == .string("place") })
        #expect(Self.strings(place["then"]?["properties"]?["kind"]?["enum"]) == Set(PlaceKind.allCases.map(\.rawValue)))
        #expect(Self.strings(Self.def("event")["properties"]?["kind"]?["enum"]) == Set(EventKind.allCases.map(\.rawValue)))
    }

    @Test("what the writer writes reads back as the same value", arguments: [0, 1, 2])
    func roundTrip(which: Int) throws {
        let line: RecordLine = [.record(Self.full), .record(Self.sparse), .error(Self.failed)][which]
        let decoded = try JSONDecoder().decode(RecordLine.self, from: Data(line.jsonBytes()))
        #expect(decoded == line)
    }

    @Test("a line with a value the schema refuses does not read")
    func refused() throws {
        let head = #"{"schema":"jarya.record/1","id":"0123456789abcdef","source":{"path":"a","sha256":"","bytes":0,"format":"txt","encoding":null},"#
        let tail = #""title":null,"summary":null,"published":null,"event":null,"text":"Ош","warnings":[],"related":[]"#
        let placeWithoutKind = #""entities":[{"type":"place","text":"Ош","span":[0,2],"name":"Ош","country":"KG"}]"#
        for json in [head + #""language":"ky","# + tail + "," + placeWithoutKind + "}",
                     head + #""language":"kz","# + tail + #","entities":[]}"#,
                     head + #""language":"ky","# + tail + #","entities":[{"type":"url","text":"x","span":[3,1],"value":"x"}]}"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(RecordLine.self, from: Data(json.utf8)) }
        }
        let valid = head + #""language":"ky","# + tail + #","entities":[{"type":"url","text":"x","span":[1,3],"value":"x"}]}"#
        #expect(try JSONDecoder().decode(RecordLine.self, from: Data(valid.utf8)).record?.language == .kyrgyz)
    }
}
