import Foundation
import Jarya

/// Reads a record line as `jarya process --out` writes it, without Foundation's `JSONDecoder`,
/// whose containers and value tree cost `jarya index` an eighth of its time (and ran on one
/// core, ahead of the batch's other work).
///
/// It reads only the plain case and declines everything else, returning nil: an error record,
/// a key given twice, a number with a fraction or an exponent, a string that is not valid UTF-8
/// or escapes half a surrogate pair, anything that is not JSON. `JSONDecoder` then reads the
/// line and decides, so a line reads the same (or fails with the same message) either way;
/// `RecordLineDecoderTests` holds the two equal on `corpus/`'s records and on the odd cases.
enum RecordLineDecoder {
    /// The record on `line`, or nil when `JSONDecoder` must read the line.
    static func record(_ line: Data) -> Record? {
        line.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            guard let record = scanner.record(), scanner.atEnd() else { return nil }
            return record
        }
    }
}

/// The record's types, read member by member (`JSONScanner.swift` has the JSON itself).
extension JSONScanner {
    // MARK: The record's types

    mutating func record() -> Record? {
        var id: String?, source: Record.SourceInfo?, language: Language?, text: String?
        var title = Member<String>(), summary = Member<String>(), published = Member<String>()
        var event = Member<Record.EventRecord>()
        var entities: [Record.EntityRecord]?, warnings: [String]?, related: [Record.Related]?
        let ok = object { key, s in
            switch key {
            case "id": return Self.set(&id, s.string())
            case "source": return Self.set(&source, s.sourceInfo())
            case "language": return Self.set(&language, s.string().flatMap(Language.init(rawValue:)))
            case "title": return s.setOptional(&title) { $0.string() }
            case "summary": return s.setOptional(&summary) { $0.string() }
            case "published": return s.setOptional(&published) { $0.string() }
            case "event": return s.setOptional(&event) { $0.eventRecord() }
            case "entities": return Self.set(&entities, s.array { $0.entity() })
            case "text": return Self.set(&text, s.string())
            case "warnings": return Self.set(&warnings, s.array { $0.string() })
            case "related": return Self.set(&related, s.array { $0.related() })
            case "error": return false  // an error record
            default: return s.skipValue()
            }
        }
        guard ok, let id, let source, let language, let entities, let text, let warnings, let related else {
            return nil
        }
        return Record(
            id: id, source: source, language: language, title: title.value, summary: summary.value,
            published: published.value, event: event.value, entities: entities, text: text, warnings: warnings,
            related: related)
    }

    mutating func sourceInfo() -> Record.SourceInfo? {
        var path: String?, sha256: String?, bytes: Int?, format: String?
        var encoding = Member<String>(), url = Member<String>()
        let ok = object { key, s in
            switch key {
            case "path": return Self.set(&path, s.string())
            case "sha256": return Self.set(&sha256, s.string())
            case "bytes": return Self.set(&bytes, s.int())
            case "format": return Self.set(&format, s.string())
            case "encoding": return s.setOptional(&encoding) { $0.string() }
            case "url": return s.setOptional(&url) { $0.string() }
            default: return s.skipValue()
            }
        }
        guard ok, let path, let sha256, let bytes, let format else { return nil }
        return Record.SourceInfo(
            path: path, sha256: sha256, bytes: bytes, format: format, encoding: encoding.value, url: url.value)
    }

    mutating func eventRecord() -> Record.EventRecord? {
        var kind: EventKind?, title = Member<String>(), start = Member<String>(), end = Member<String>()
        var time = Member<String>(), participants = Member<Record.EventRecord.Participants>()
        var places: [String]?, organizers: [String]?, funders: [String]?, partners: [String]?
        let ok = object { key, s in
            switch key {
            case "kind": return Self.set(&kind, s.string().flatMap(EventKind.init(rawValue:)))
            case "title": return s.setOptional(&title) { $0.string() }
            case "start": return s.setOptional(&start) { $0.string() }
            case "end": return s.setOptional(&end) { $0.string() }
            case "time": return s.setOptional(&time) { $0.string() }
            case "places": return Self.set(&places, s.array { $0.string() })
            case "organizers": return Self.set(&organizers, s.array { $0.string() })
            case "funders": return Self.set(&funders, s.array { $0.string() })
            case "partners": return Self.set(&partners, s.array { $0.string() })
            case "participants": return s.setOptional(&participants) { $0.participants() }
            default: return s.skipValue()
            }
        }
        guard ok, let kind, let places, let organizers, let funders, let partners else { return nil }
        return Record.EventRecord(
            kind: kind, title: title.value, start: start.value, end: end.value, time: time.value, places: places,
            organizers: organizers, funders: funders, partners: partners, participants: participants.value)
    }

    mutating func participants() -> Record.EventRecord.Participants? {
        var count = Member<Int>(), qualifier = Member<String>(), countries: [String]?
        let ok = object { key, s in
            switch key {
            case "count": return s.setOptional(&count) { $0.int() }
            case "qualifier": return s.setOptional(&qualifier) { $0.string() }
            case "countries": return Self.set(&countries, s.array { $0.string() })
            default: return s.skipValue()
            }
        }
        guard ok, let countries else { return nil }
        return .init(count: count.value, qualifier: qualifier.value, countries: countries)
    }

    mutating func related() -> Record.Related? {
        var id: String?, relation: String?
        let ok = object { key, s in
            switch key {
            case "id": return Self.set(&id, s.string())
            case "relation": return Self.set(&relation, s.string())
            default: return s.skipValue()
            }
        }
        guard ok, let id, let relation else { return nil }
        return Record.Related(id: id, relation: relation)
    }

    /// An entity, read as `Record.EntityRecord.init(from:)` reads it: the type's own fields,
    /// the others ignored.
    mutating func entity() -> Record.EntityRecord? {
        var type: EntityType?, text: String?, span: [Int]?, source = Member<Entity.Origin>()
        var start = Member<String>(), end = Member<String>(), time = Member<String>(), name = Member<String>()
        var kind: PlaceKind?, country = Member<String>(), acronym = Member<String>(), role = Member<String>()
        var value = Member<String>()
        // Every member is read (one that is wrong declines the line), those of other types ignored.
        let ok = object { key, s in
            switch key {
            case "type": return Self.set(&type, s.string().flatMap(EntityType.init(rawValue:)))
            case "text": return Self.set(&text, s.string())
            case "span": return Self.set(&span, s.array { $0.int() })
            case "source": return s.setOptional(&source) { $0.string().flatMap(Entity.Origin.init(rawValue:)) }
            case "start": return s.setOptional(&start) { $0.string() }
            case "end": return s.setOptional(&end) { $0.string() }
            case "time": return s.setOptional(&time) { $0.string() }
            case "name": return s.setOptional(&name) { $0.string() }
            case "kind": return Self.set(&kind, s.string().flatMap(PlaceKind.init(rawValue:)))
            case "country": return s.setOptional(&country) { $0.string() }
            case "acronym": return s.setOptional(&acronym) { $0.string() }
            case "role": return s.setOptional(&role) { $0.string() }
            case "value": return s.setOptional(&value) { $0.string() }
            default: return s.skipValue()
            }
        }
        guard ok, let type, let text, let span, span.count == 2, 0 <= span[0], span[0] <= span[1],
            span[1] <= Int(Int32.max)
        else { return nil }
        let fields: Record.EntityRecord.Value
        switch type {
        case .date:
            fields = .date(start: start.value, end: end.value, time: time.value)
        case .place:
            guard let n = name.value, let k = kind else { return nil }
            fields = .place(name: n, kind: k, country: country.value)
        case .organization:
            guard let n = name.value else { return nil }
            fields = .organization(name: n, acronym: acronym.value)
        case .person:
            guard let n = name.value else { return nil }
            fields = .person(name: n, role: role.value)
        case .url, .email, .phone:
            guard let v = value.value else { return nil }
            fields = .contact(value: v)
        }
        return Record.EntityRecord(
            type: type, text: text, span: Span(span[0], span[1]), value: fields, source: source.value)
    }
}
