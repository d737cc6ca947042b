/// The closed sets of values a record holds. Each enum's raw values are the record's JSON
/// strings and the schema's `enum` lists; `RecordSchemaTests` holds the two equal, and the
/// glossaries are checked against them when they load.

/// A document's language, as the record writes it.
public enum Language: String, Codable, CaseIterable, Sendable {
    case kyrgyz = "ky"
    case russian = "ru"
    case english = "en"
    /// A bilingual release: each of Kyrgyz and Russian has at least a quarter of the text.
    case kyrgyzRussian = "ky+ru"
    /// No evidence for any language (an empty or numeric text).
    case undetermined = "und"

    /// The language of a language code as the language identifier writes it; a code it does
    /// not know is `und`, never a value the schema refuses.
    public init(code: String) {
        self = Language(rawValue: code) ?? .undetermined
    }
}

/// What kind of place a `place` entity names.
public enum PlaceKind: String, Codable, CaseIterable, Sendable {
    case country, region, district, city, village, other

    /// A kind as the place glossary and recognizer write it; an unknown one is `other`.
    public init(name: String) {
        self = PlaceKind(rawValue: name) ?? .other
    }
}

/// What kind of event a release announces or reports.
public enum EventKind: String, Codable, CaseIterable, Sendable {
    case conference, seminar, forum
    case roundTable = "round_table"
    case training, meeting, presentation, opening, festival, exhibition, fair, competition, campaign, hearing
    case pressConference = "press_conference"
    case other

    /// A kind as the event words glossary writes it; an unknown one is `other`.
    public init(name: String) {
        self = EventKind(rawValue: name) ?? .other
    }
}

/// The type of an entity in the record: `date`, `place`, `organization`, `person`, `url`,
/// `email` or `phone`.
public typealias EntityType = Entity.Kind

extension Entity.Kind: Codable {}
