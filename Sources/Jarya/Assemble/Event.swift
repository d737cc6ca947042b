/// The event a release announces or reports: what, when, where, who organizes and funds it.
public struct Event: Equatable, Sendable {
    public var kind: EventKind
    /// The event's own name when the release quotes one («Жакшырган жашоо шарттары – …»).
    public var title: String?
    public var start: PartialDate?
    public var end: PartialDate?
    public var time: String?
    /// Canonical place names: the settlements, or the region when no settlement is named.
    public var places: [String] = []
    /// Organization names as in the entities.
    public var organizers: [String] = []
    public var funders: [String] = []
    public var partners: [String] = []
    public var participants: Participants?

    public struct Participants: Equatable, Sendable {
        public var count: Int?
        /// more_than, about, at_least, up_to, or nil for an exact count.
        public var qualifier: String?
        /// Canonical names of the countries taking part.
        public var countries: [String]
    }
}
