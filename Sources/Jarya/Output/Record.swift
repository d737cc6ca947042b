/// The record of a processed release: one line of `jarya process`'s JSON Lines (see
/// docs/ARCHITECTURE.md, "The record"). Every field a processed release always has is
/// non-optional; `null` in the JSON is an optional here and nothing else is.
///
/// `RecordJSON.swift` writes it (the only writer, which fixes the key order) and reads it
/// back; `RecordSchema` describes it, and `RecordSchemaTests` holds schema and writer equal.
public struct Record: Equatable, Sendable, Decodable {
    public static let schemaVersion = "jarya.record/1"

    /// The first 16 hex digits of the SHA-256 of `text` (see `RecordID`).
    public var id: String
    public var source: SourceInfo
    public var language: Language
    public var title: String?
    /// The first sentence of the lead.
    public var summary: String?
    /// The release's own date (ISO 8601 as precise as the text), from its dateline.
    public var published: String?
    /// The event the release announces or reports; nil when it reports no dated event.
    public var event: EventRecord?
    public var entities: [EntityRecord]
    /// The normalized text the entities' spans point into.
    public var text: String
    public var warnings: [String]
    /// Records of other files that are translations of this one (same event, other language).
    public var related: [Related]

    public init(
        id: String, source: SourceInfo, language: Language, title: String? = nil, summary: String? = nil,
        published: String? = nil, event: EventRecord? = nil, entities: [EntityRecord] = [], text: String,
        warnings: [String] = [], related: [Related] = []
    ) {
        self.id = id
        self.source = source
        self.language = language
        self.title = title
        self.summary = summary
        self.published = published
        self.event = event
        self.entities = entities
        self.text = text
        self.warnings = warnings
        self.related = related
    }

    /// The record of a processed document.
    public init(_ doc: Document) {
        self.init(doc, text: doc.text.string)
    }

    /// The record of `doc` whose text is `text` (`Processor` lets the document's scalars go first),
    /// and whose id is `id` when the caller knows it (`RecordID.of(text: text)` otherwise).
    init(_ doc: Document, text: String, id: String? = nil) {
        self.init(
            id: id ?? RecordID.of(text: text), source: SourceInfo(doc.source), language: Language(code: doc.language),
            title: doc.title, summary: doc.summary, published: doc.published?.description,
            event: doc.event.map(EventRecord.init), entities: doc.entities.map(EntityRecord.init), text: text,
            warnings: doc.warnings)
    }

    /// Where the document came from. Error records have it too.
    public struct SourceInfo: Equatable, Sendable, Decodable {
        public var path: String
        public var sha256: String
        public var bytes: Int
        public var format: String
        /// The charset the bytes were decoded from; nil when they were never decoded.
        public var encoding: String?
        /// The page's address when the user gave it; absent from the record otherwise.
        public var url: String?

        public init(path: String, sha256: String, bytes: Int, format: String, encoding: String?, url: String? = nil) {
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
            self.format = format
            self.encoding = encoding
            self.url = url
        }

        init(_ s: Source) {
            self.init(
                path: s.path, sha256: s.sha256, bytes: s.bytes, format: s.format,
                encoding: s.encoding.isEmpty ? nil : s.encoding, url: s.url)
        }
    }

    /// Why a document could not be processed.
    public struct ErrorInfo: Equatable, Sendable, Decodable {
        /// `binary`, `empty`, `missing`, `unreadable`, `too_large`, `malformed`, `unsupported`, `internal`.
        public var code: String
        public var message: String

        public init(code: String, message: String) {
            self.code = code
            self.message = message
        }
    }

    /// Something found in the text: its type, where it is, and what it means.
    public struct EntityRecord: Equatable, Sendable {
        public var type: EntityType
        public var text: String
        /// Unicode-scalar offsets into the record's `text`, written as `[start, end]`.
        public var span: Span
        public var value: Value
        /// `.model` for a name the trained tagger found (written `"source": "model"`); nil, and
        /// no key, for the glossaries' and rules' entities.
        public var source: Entity.Origin?

        /// The fields that depend on the type; each case is one branch of the schema's `entity`.
        public enum Value: Equatable, Sendable {
            case date(start: String?, end: String?, time: String?)
            case place(name: String, kind: PlaceKind, country: String?)
            case organization(name: String, acronym: String?)
            case person(name: String, role: String?)
            /// A normalized URL, e-mail or phone (types `url`, `email`, `phone`).
            case contact(value: String)
        }

        public init(type: EntityType, text: String, span: Span, value: Value, source: Entity.Origin? = nil) {
            self.type = type
            self.text = text
            self.span = span
            self.value = value
            self.source = source
        }

        public init(_ e: Entity) {
            let value: Value
            switch e.value {
            case .date(let d): value = .date(start: d.start?.description, end: d.end?.description, time: d.time)
            case .contact(let v): value = .contact(value: v)
            case .place(let n, let k, let c): value = .place(name: n, kind: PlaceKind(name: k), country: c)
            case .organization(let n, let a): value = .organization(name: n, acronym: a)
            case .person(let n, let r): value = .person(name: n, role: r)
            }
            self.init(type: e.kind, text: e.text, span: e.span, value: value, source: e.origin)
        }

        /// The name of a place, organization or person.
        public var name: String? {
            switch value {
            case .place(let n, _, _), .organization(let n, _), .person(let n, _): return n
            case .date, .contact: return nil
            }
        }
    }

    /// The event, in the record contract's field order.
    public struct EventRecord: Equatable, Sendable, Decodable {
        public var kind: EventKind
        public var title: String?
        public var start: String?
        public var end: String?
        public var time: String?
        public var places: [String]
        public var organizers: [String]
        public var funders: [String]
        public var partners: [String]
        public var participants: Participants?

        public struct Participants: Equatable, Sendable, Decodable {
            public var count: Int?
            /// `more_than`, `about`, `at_least`, `up_to`, or nil for an exact count.
            public var qualifier: String?
            public var countries: [String]

            public init(count: Int?, qualifier: String?, countries: [String]) {
                self.count = count
                self.qualifier = qualifier
                self.countries = countries
            }
        }

        public init(
            kind: EventKind, title: String? = nil, start: String? = nil, end: String? = nil, time: String? = nil,
            places: [String] = [], organizers: [String] = [], funders: [String] = [], partners: [String] = [],
            participants: Participants? = nil
        ) {
            self.kind = kind
            self.title = title
            self.start = start
            self.end = end
            self.time = time
            self.places = places
            self.organizers = organizers
            self.funders = funders
            self.partners = partners
            self.participants = participants
        }

        init(_ e: Event) {
            self.init(
                kind: e.kind, title: e.title, start: e.start?.description, end: e.end?.description,
                time: e.time, places: e.places, organizers: e.organizers, funders: e.funders, partners: e.partners,
                participants: e.participants.map {
                    Participants(count: $0.count, qualifier: $0.qualifier, countries: $0.countries)
                })
        }
    }

    /// Another record this one is linked to (a translation of the same release).
    public struct Related: Equatable, Sendable, Decodable {
        public var id: String
        /// Always `translation` today.
        public var relation: String

        public init(id: String, relation: String) {
            self.id = id
            self.relation = relation
        }
    }
}

/// The record of a document that could not be processed: its source and what went wrong.
public struct ErrorRecord: Equatable, Sendable, Decodable {
    public var source: Record.SourceInfo
    public var error: Record.ErrorInfo

    public init(source: Record.SourceInfo, error: Record.ErrorInfo) {
        self.source = source
        self.error = error
    }

    public init(source: Source, error: Record.ErrorInfo) {
        self.init(source: Record.SourceInfo(source), error: error)
    }
}

/// One line of the JSON Lines output: a processed release or an error record.
public enum RecordLine: Equatable, Sendable {
    case record(Record)
    case error(ErrorRecord)

    public var source: Record.SourceInfo {
        switch self {
        case .record(let r): return r.source
        case .error(let e): return e.source
        }
    }

    /// The processed release, or nil for an error record.
    public var record: Record? {
        if case .record(let r) = self { return r }
        return nil
    }

    /// What went wrong, or nil for a processed release.
    public var error: Record.ErrorInfo? {
        if case .error(let e) = self { return e.error }
        return nil
    }
}
