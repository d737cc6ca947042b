/// The record's JSON: the one writer, which fixes every key and its order, and the reading
/// back (`Decodable`) beside it. A new field is a property in `Record.swift`, a line in the
/// writer here (for an entity, in its reader too), and its entry in `RecordSchema`;
/// `RecordSchemaTests` fails until the schema and the writer agree, and its round trip until
/// the reader does (see docs/ARCHITECTURE.md, "The record and output").
///
/// The writer appends bytes directly, without `Codable` containers and a value tree (which
/// were a tenth of the pipeline's time): keys in order, `null` for absent values, non-ASCII
/// text and slashes unescaped.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// No comma before the next member or element of the open object or array.
    private var first = true

    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    public mutating func openObject() { bytes.append(UInt8(ascii: "{")); first = true }
    public mutating func closeObject() { bytes.append(UInt8(ascii: "}")); first = false }
    public mutating func openArray() { bytes.append(UInt8(ascii: "[")); first = true }
    public mutating func closeArray() { bytes.append(UInt8(ascii: "]")); first = false }

    /// A member's key (ASCII, as all of the record's keys are); its value comes next.
    public mutating func key(_ name: StaticString) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))  // one byte at a time: an array literal was allocated per key
        bytes.append(UInt8(ascii: ":"))
    }

    /// Before an element of an array.
    public mutating func element() {
        if !first { bytes.append(UInt8(ascii: ",")) }
    }

    public mutating func null() { bytes.append(contentsOf: "null".utf8); first = false }
    public mutating func string(_ s: String) { Self.writeString(s, to: &bytes); first = false }
    public mutating func string(_ s: String?) { if let s { string(s) } else { null() } }
    /// The digits written directly, most significant first: `String(i)` went through
    /// `description` and made a string per number (spans are two numbers an entity).
    public mutating func int(_ i: Int) {
        if i < 0 { bytes.append(UInt8(ascii: "-")) }
        var rest = i.magnitude
        var unit: UInt = 1
        while rest / unit >= 10 { unit *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / unit))
            rest %= unit
            unit /= 10
        } while unit > 0
        first = false
    }
    public mutating func int(_ i: Int?) { if let i { int(i) } else { null() } }

    public mutating func strings(_ list: [String]) {
        openArray()
        for s in list { element(); string(s) }
        closeArray()
    }

    /// A JSON string: `"`, `\` and control characters escaped, everything else as UTF-8.
    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole; an escape is appended byte by
            // byte (an array literal per line break made a heap array each).
            var run = 0
            var i = 0
            while i < bytes.count {
                // Eight bytes at a time while none needs an escape (nearly all text): one test of
                // the word where the byte loop made three a byte.
                if i + 8 <= bytes.count,
                    !Self.mayNeedEscape(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
                {
                    i += 8
                    continue
                }
                let k = i, b = bytes[k]
                i += 1
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<k]))
                run = k + 1
                out.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(b)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    hex.withUTF8Buffer { hex in
                        out.append(hex[Int(b >> 4)])
                        out.append(hex[Int(b & 15)])
                    }
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether one of the eight bytes of `word` may need an escape: a control character, `"` or
    /// `\`. The bit tests (a byte less than 0x20; a byte equal to 0x22 or 0x5C) never miss one;
    /// a borrow may flag a byte above a true hit, which the byte loop then reads itself.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }
}

// MARK: - Writing

extension RecordLine {
    /// The line as JSON, without the line break.
    public func jsonBytes() -> [UInt8] {
        switch self {
        case .record(let r): return r.jsonBytes()
        case .error(let e): return e.jsonBytes()
        }
    }
}

extension Record {
    /// The record as one line of JSON, without the line break.
    public func jsonBytes() -> [UInt8] {
        var w = JSONWriter(capacity: jsonSizeEstimate)
        w.openObject()
        w.key("schema"); w.string(Record.schemaVersion)
        w.key("id"); w.string(id)
        w.key("source"); source.write(to: &w)
        w.key("language"); w.string(language.rawValue)
        w.key("title"); w.string(title)
        w.key("summary"); w.string(summary)
        w.key("published"); w.string(published)
        w.key("event")
        if let event { event.write(to: &w) } else { w.null() }
        w.key("entities"); w.openArray()
        for e in entities { w.element(); e.write(to: &w) }
        w.closeArray()
        w.key("text"); w.string(text)
        w.key("warnings"); w.strings(warnings)
        // Last, so that `Batch` can put the links into a written line (see `Batch.withRelated`).
        w.key("related"); w.related(related)
        w.closeObject()
        return w.bytes
    }
}

extension Record {
    /// About the length of the record's JSON, a little over: reserved at once, the line of a huge
    /// document is not grown by doubling (which can leave half of a hundred megabytes unused).
    var jsonSizeEstimate: Int {
        let entityBytes = entities.reduce(0) { sum, e in sum + 96 + 2 * e.text.utf8.count + (e.name?.utf8.count ?? 0) }
        return text.utf8.count + text.utf8.count / 8 + entityBytes + 4096
    }
}

extension ErrorRecord {
    /// The error record as one line of JSON, without the line break.
    public func jsonBytes() -> [UInt8] {
        var w = JSONWriter(capacity: 512)
        w.openObject()
        w.key("schema"); w.string(Record.schemaVersion)
        w.key("source"); source.write(to: &w)
        w.key("error"); w.openObject()
        w.key("code"); w.string(error.code)
        w.key("message"); w.string(error.message)
        w.closeObject()
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
        if let url { w.key("url"); w.string(url) }
        w.closeObject()
    }
}

extension Record.EntityRecord {
    func write(to w: inout JSONWriter) {
        w.openObject()
        w.key("type"); w.string(type.rawValue)
        w.key("text"); w.string(text)
        w.key("span"); w.openArray()
        w.element(); w.int(span.start)
        w.element(); w.int(span.end)
        w.closeArray()
        switch value {
        case .date(let start, let end, let time):
            w.key("start"); w.string(start)
            w.key("end"); w.string(end)
            w.key("time"); w.string(time)
        case .place(let name, let kind, let country):
            w.key("name"); w.string(name)
            w.key("kind"); w.string(kind.rawValue)
            w.key("country"); w.string(country)
        case .organization(let name, let acronym):
            w.key("name"); w.string(name)
            w.key("acronym"); w.string(acronym)
        case .person(let name, let role):
            w.key("name"); w.string(name)
            w.key("role"); w.string(role)
        case .contact(let value):
            w.key("value"); w.string(value)
        }
        if let source { w.key("source"); w.string(source.rawValue) }
        w.closeObject()
    }
}

extension Record.EventRecord {
    /// The event as a JSON object (also in `jarya search`'s JSON output).
    public func write(to w: inout JSONWriter) {
        w.openObject()
        w.key("kind"); w.string(kind.rawValue)
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

// MARK: - Reading

// Where the Swift names are the JSON keys, decoding is the compiler's (declared with the types:
// the compiler derives it only in the type's own file); `RecordLine` and `EntityRecord` read here.

extension RecordLine: Decodable {
    private enum Keys: String, CodingKey { case error }

    /// An error record when the line has an `error` member, else a processed release.
    public init(from decoder: any Decoder) throws {
        if try decoder.container(keyedBy: Keys.self).contains(.error) {
            self = .error(try ErrorRecord(from: decoder))
        } else {
            self = .record(try Record(from: decoder))
        }
    }
}

extension Record.EntityRecord: Decodable {
    private enum Keys: String, CodingKey {
        case type, text, span, start, end, time, name, kind, country, acronym, role, value, source
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        type = try c.decode(EntityType.self, forKey: .type)
        text = try c.decode(String.self, forKey: .text)
        let offsets = try c.decode([Int].self, forKey: .span)
        guard offsets.count == 2, 0 <= offsets[0], offsets[0] <= offsets[1] else {
            throw DecodingError.dataCorruptedError(
                forKey: .span, in: c, debugDescription: "a span is [start, end] with 0 ≤ start ≤ end")
        }
        span = Span(offsets[0], offsets[1])
        switch type {
        case .date:
            value = .date(
                start: try c.decodeIfPresent(String.self, forKey: .start),
                end: try c.decodeIfPresent(String.self, forKey: .end),
                time: try c.decodeIfPresent(String.self, forKey: .time))
        case .place:
            value = .place(
                name: try c.decode(String.self, forKey: .name), kind: try c.decode(PlaceKind.self, forKey: .kind),
                country: try c.decodeIfPresent(String.self, forKey: .country))
        case .organization:
            value = .organization(
                name: try c.decode(String.self, forKey: .name),
                acronym: try c.decodeIfPresent(String.self, forKey: .acronym))
        case .person:
            value = .person(
                name: try c.decode(String.self, forKey: .name), role: try c.decodeIfPresent(String.self, forKey: .role))
        case .url, .email, .phone:
            value = .contact(value: try c.decode(String.self, forKey: .value))
        }
        source = try c.decodeIfPresent(Entity.Origin.self, forKey: .source)
    }
}
