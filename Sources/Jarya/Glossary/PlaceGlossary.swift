/// `glossaries/places.tsv`: every place with its canonical English name, kind, country and
/// its Kyrgyz, Russian and English names.
public struct PlaceGlossary: Sendable {
    public struct Place: Sendable, Equatable {
        public let id: String
        public let canonical: String
        public let kind: String
        public let country: String
        public let parent: String
    }

    /// The record's place kinds (`PlaceKind`): a glossary row with another kind does not load.
    public static let kinds = Set(PlaceKind.allCases.map(\.rawValue))
    public static let columns = ["id", "canonical", "kind", "country", "parent", "ky", "ru", "en"]

    public private(set) var places: [String: Place] = [:]
    public private(set) var index = NameIndex<Place>()

    public init(table: TSVTable) throws {
        for row in table.rows {
            let id = row["id"]
            guard !id.isEmpty else { throw GlossaryError(file: table.name, line: row.line, message: "empty id") }
            guard places[id] == nil else {
                throw GlossaryError(file: table.name, line: row.line, message: "duplicate id `\(id)`")
            }
            guard Self.kinds.contains(row["kind"]) else {
                throw GlossaryError(
                    file: table.name, line: row.line,
                    message: "unknown kind `\(row["kind"])` (one of: \(Self.kinds.sorted().joined(separator: ", ")))")
            }
            guard !row["canonical"].isEmpty else {
                throw GlossaryError(file: table.name, line: row.line, message: "empty canonical name")
            }
            let place = Place(
                id: id, canonical: row["canonical"], kind: row["kind"], country: row["country"], parent: row["parent"])
            places[id] = place
            for column in ["ky", "ru", "en"] {
                // Split on bytes: splitting by Character ran grapheme breaking over every name.
                for name in row[column].utf8.split(separator: UInt8(ascii: "|")) where !name.isEmpty {
                    index.add(String(Substring(name)), place)
                }
            }
            index.add(place.canonical, place)
        }
        for place in places.values where !place.parent.isEmpty && places[place.parent] == nil {
            throw GlossaryError(
                file: table.name, line: table.rows.first { $0["id"] == place.id }?.line ?? 0,
                message: "parent `\(place.parent)` is not an id in this file")
        }
    }
}
