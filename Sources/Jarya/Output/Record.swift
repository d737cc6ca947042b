/// One JSON Lines record: the record contract of DESIGN.md. `Codable` both ways, with the
/// contract's field order and explicit nulls, so users' scripts see every field every time.
public struct Record: Codable, Equatable, Sendable {
    public static let schemaVersion = "jarya.record/1"

    public struct SourceInfo: Codable, Equatable, Sendable {
        public var path: String
        public var sha256: String
        public var bytes: Int
        public var format: String
        public var encoding: String?

        enum CodingKeys: String, CodingKey { case path, sha256, bytes, format, encoding }

        /// Every field every time: `encoding` is an explicit null when the bytes were never decoded.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(sha256, forKey: .sha256)
            try c.encode(bytes, forKey: .bytes)
            try c.encode(format, forKey: .format)
            try c.encode(encoding, forKey: .encoding)
        }
    }

    public struct ErrorInfo: Codable, Equatable, Sendable {
        /// `binary`, `empty`, `missing`, `unreadable`, `too_large`, `malformed`, `internal`.
        public var code: String
        public var message: String
    }

    public struct EntityRecord: Codable, Equatable, Sendable {
        public var type: String
        public var text: String
        public var span: [Int]
        // date
        public var start: String?
        public var end: String?
        public var time: String?
        // place, organization, person
        public var name: String?
        public var kind: String?
        public var country: String?
        public var acronym: String?
        public var role: String?
        // url, email, phone
        public var value: String?

        enum CodingKeys: String, CodingKey {
            case type, text, span, start, end, time, name, kind, country, acronym, role, value
        }

        public init(type: String, text: String, span: [Int]) {
            self.type = type
            self.text = text
            self.span = span
        }

        public init(_ e: Entity) {
            self.init(type: e.kind.rawValue, text: e.text, span: [e.span.start, e.span.end])
            switch e.value {
            case .date(let d): start = d.start?.description; end = d.end?.description; time = d.time
            case .contact(let v): value = v
            case .place(let n, let k, let c): name = n; kind = k; country = c
            case .organization(let n, let a): name = n; acronym = a
            case .person(let n, let r): name = n; role = r
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(type, forKey: .type)
            try c.encode(text, forKey: .text)
            try c.encode(span, forKey: .span)
            switch type {
            case "date":
                try c.encode(start, forKey: .start)
                try c.encode(end, forKey: .end)
                try c.encode(time, forKey: .time)
            case "place":
                try c.encode(name, forKey: .name)
                try c.encode(kind, forKey: .kind)
                try c.encode(country, forKey: .country)
            case "organization":
                try c.encode(name, forKey: .name)
                try c.encode(acronym, forKey: .acronym)
            case "person":
                try c.encode(name, forKey: .name)
                try c.encode(role, forKey: .role)
            default:
                try c.encode(value, forKey: .value)
            }
        }
    }

    /// The event, in the record contract's field order.
    public struct EventRecord: Codable, Equatable, Sendable {
        public struct Participants: Codable, Equatable, Sendable {
            public var count: Int?
            public var qualifier: String?
            public var countries: [String]

            public func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(count, forKey: .count)
                try c.encode(qualifier, forKey: .qualifier)
                try c.encode(countries, forKey: .countries)
            }
        }

        public var kind: String
        public var title: String?
        public var start: String?
        public var end: String?
        public var time: String?
        public var places: [String]
        public var organizers: [String]
        public var funders: [String]
        public var partners: [String]
        public var participants: Participants?

        enum CodingKeys: String, CodingKey {
            case kind, title, start, end, time, places, organizers, funders, partners, participants
        }

        init(_ e: Event) {
            kind = e.kind
            title = e.title
            start = e.start?.description
            end = e.end?.description
            time = e.time
            places = e.places
            organizers = e.organizers
            funders = e.funders
            partners = e.partners
            participants = e.participants.map { Participants(count: $0.count, qualifier: $0.qualifier, countries: $0.countries) }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(title, forKey: .title)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
            try c.encode(time, forKey: .time)
            try c.encode(places, forKey: .places)
            try c.encode(organizers, forKey: .organizers)
            try c.encode(funders, forKey: .funders)
            try c.encode(partners, forKey: .partners)
            try c.encode(participants, forKey: .participants)
        }
    }

    /// Another record this one is linked to (a translation of the same release).
    public struct Related: Codable, Equatable, Sendable {
        public var id: String
        public var relation: String
    }

    public var schema: String = Record.schemaVersion
    public var id: String?
    public var source: SourceInfo
    public var language: String?
    public var title: String?
    /// The first sentence of the lead.
    public var summary: String?
    public var published: String?
    /// The event the release announces or reports; null when it reports no dated event.
    public var event: EventRecord?
    public var entities: [EntityRecord]?
    public var text: String?
    public var warnings: [String]?
    /// Records of other files that are translations of this one (same event, other language).
    public var related: [Related]?
    /// Set instead of everything else when the document could not be processed.
    public var error: ErrorInfo?

    enum CodingKeys: String, CodingKey {
        case schema, id, source, language, title, summary, published, event, entities, text, warnings, related, error
    }

    /// The record of a processed document.
    public init(_ doc: Document) {
        source = SourceInfo(doc.source)
        id = RecordID.of(text: doc.text.string)
        language = doc.language
        title = doc.title
        summary = doc.summary
        published = doc.published?.description
        event = doc.event.map(EventRecord.init)
        entities = doc.entities.map(EntityRecord.init)
        text = doc.text.string
        warnings = doc.warnings
        related = []
    }

    /// The record of a document that failed: its source and what went wrong.
    public init(source: Source, error: ErrorInfo) {
        self.source = SourceInfo(source)
        self.error = error
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        if let error {
            try c.encode(source, forKey: .source)
            try c.encode(error, forKey: .error)
            return
        }
        try c.encode(id, forKey: .id)
        try c.encode(source, forKey: .source)
        try c.encode(language, forKey: .language)
        try c.encode(title, forKey: .title)
        try c.encode(summary, forKey: .summary)
        try c.encode(published, forKey: .published)
        try c.encode(event, forKey: .event)
        try c.encode(entities ?? [], forKey: .entities)
        try c.encode(text ?? "", forKey: .text)
        try c.encode(warnings ?? [], forKey: .warnings)
        try c.encode(related ?? [], forKey: .related)
    }
}

extension Record.SourceInfo {
    init(_ s: Source) {
        self.init(path: s.path, sha256: s.sha256, bytes: s.bytes, format: s.format, encoding: s.encoding.isEmpty ? nil : s.encoding)
    }
}
