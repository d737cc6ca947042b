/// A record's JSON written directly: the same bytes as `OrderedJSONEncoder` gives through
/// `Record.encode(to:)` (same key order, `null` for absent values, the same string escapes),
/// without `Codable` containers and a value tree, which were a tenth of the pipeline's time.
/// `RecordJSONTests` holds the two to identical output; a new field goes in both.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// No comma before the next member or element of the open object or array.
    private var first = true

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func openObject() { bytes.append(UInt8(ascii: "{")); first = true }
    mutating func closeObject() { bytes.append(UInt8(ascii: "}")); first = false }
    mutating func openArray() { bytes.append(UInt8(ascii: "[")); first = true }
    mutating func closeArray() { bytes.append(UInt8(ascii: "]")); first = false }

    /// A member's key (ASCII, as all of the record's keys are); its value comes next.
    mutating func key(_ name: StaticString) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// Before an element of an array.
    mutating func element() {
        if !first { bytes.append(UInt8(ascii: ",")) }
    }

    mutating func null() { bytes.append(contentsOf: "null".utf8); first = false }
    mutating func string(_ s: String) { Node.writeString(s, to: &bytes); first = false }
    mutating func string(_ s: String?) { if let s { string(s) } else { null() } }
    mutating func int(_ i: Int) { bytes.append(contentsOf: String(i).utf8); first = false }
    mutating func int(_ i: Int?) { if let i { int(i) } else { null() } }

    mutating func strings(_ list: [String]) {
        openArray()
        for s in list { element(); string(s) }
        closeArray()
    }
}

extension Record {
    /// The record as one line of JSON, without the line break.
    func jsonBytes() -> [UInt8] {
        var w = JSONWriter(capacity: 2 * (text?.utf8.count ?? 0) + 4096)
        w.openObject()
        w.key("schema"); w.string(schema)
        if let error {
            w.key("source"); source.write(to: &w)
            w.key("error"); w.openObject()
            w.key("code"); w.string(error.code)
            w.key("message"); w.string(error.message)
            w.closeObject()
            w.closeObject()
            return w.bytes
        }
        w.key("id"); w.string(id)
        w.key("source"); source.write(to: &w)
        w.key("language"); w.string(language)
        w.key("title"); w.string(title)
        w.key("summary"); w.string(summary)
        w.key("published"); w.string(published)
        w.key("event")
        if let event { event.write(to: &w) } else { w.null() }
        w.key("entities"); w.openArray()
        for e in entities ?? [] { w.element(); e.write(to: &w) }
        w.closeArray()
        w.key("text"); w.string(text ?? "")
        w.key("warnings"); w.strings(warnings ?? [])
        w.key("related"); w.related(related ?? [])
        w.closeObject()
        return w.bytes
    }
}

extension JSONWriter {
    /// A record's `related` list (also written on its own, into a spooled line, by `Batch`).
    mutating func related(_ list: [Record.Related]) {
        openArray()
        for r in list {
            element(); openObject()
            key("id"); string(r.id)
            key("relation"); string(r.relation)
            closeObject()
        }
        closeArray()
    }
}

extension Record.SourceInfo {
    func write(to w: inout JSONWriter) {
        w.openObject()
        w.key("path"); w.string(path)
        w.key("sha256"); w.string(sha256)
        w.key("bytes"); w.int(bytes)
        w.key("format"); w.string(format)
        w.key("encoding"); w.string(encoding)
        w.closeObject()
    }
}

extension Record.EntityRecord {
    func write(to w: inout JSONWriter) {
        w.openObject()
        w.key("type"); w.string(type)
        w.key("text"); w.string(text)
        w.key("span"); w.openArray()
        for n in span { w.element(); w.int(n) }
        w.closeArray()
        switch type {
        case "date":
            w.key("start"); w.string(start)
            w.key("end"); w.string(end)
            w.key("time"); w.string(time)
        case "place":
            w.key("name"); w.string(name)
            w.key("kind"); w.string(kind)
            w.key("country"); w.string(country)
        case "organization":
            w.key("name"); w.string(name)
            w.key("acronym"); w.string(acronym)
        case "person":
            w.key("name"); w.string(name)
            w.key("role"); w.string(role)
        default:
            w.key("value"); w.string(value)
        }
        w.closeObject()
    }
}

extension Record.EventRecord {
    func write(to w: inout JSONWriter) {
        w.openObject()
        w.key("kind"); w.string(kind)
        w.key("title"); w.string(title)
        w.key("start"); w.string(start)
        w.key("end"); w.string(end)
        w.key("time"); w.string(time)
        w.key("places"); w.strings(places)
        w.key("organizers"); w.strings(organizers)
        w.key("funders"); w.strings(funders)
        w.key("partners"); w.strings(partners)
        w.key("participants")
        if let p = participants {
            w.openObject()
            w.key("count"); w.int(p.count)
            w.key("qualifier"); w.string(p.qualifier)
            w.key("countries"); w.strings(p.countries)
            w.closeObject()
        } else {
            w.null()
        }
        w.closeObject()
    }
}
