/// Every glossary the pipeline reads, loaded together from one folder.
///
/// Commands call `Glossaries.requireStandard()` before they process anything, so a missing
/// folder, an unreadable file or a broken row is one clear error naming the file and line
/// (exit 74), never a trap half-way through a batch. The value is then handed to the pipeline
/// (`Pipeline.standard(_:)`), which gives each recognizer the parts it reads, as swift-format
/// hands its rules a `Context`: no recognizer reaches for a global.
public struct Glossaries: Sendable {
    public let places: PlaceGlossary
    public let organizations: OrganizationGlossary
    public let people: PersonGlossary
    let dates: DateLexicon
    let events: EventLexicon
    /// The name tagger's weights (`models/names.model`), loaded with the glossaries since its
    /// features read them; nil when loaded without one (training makes the model).
    public let nameModel: NameModel?

    /// Reads and checks every glossary of `directory`, or of the folder in use (`GlossaryDirectory`),
    /// and, when `nameModel` is true, the name model (`NameModel.path(besideGlossaries:)`): a
    /// missing or broken model throws a `ModelError` naming its file.
    public static func load(from directory: String? = nil, nameModel: Bool = true) throws -> Glossaries {
        let modelPath = nameModel ? NameModel.path(besideGlossaries: directory ?? GlossaryDirectory.path) : nil
        func table(_ file: String, _ columns: [String]) throws -> TSVTable {
            try GlossaryDirectory.table(file, required: columns, in: directory)
        }
        return Glossaries(
            places: try PlaceGlossary(table: table("places.tsv", PlaceGlossary.columns)),
            organizations: try OrganizationGlossary(organizations: table("organizations.tsv", OrganizationGlossary.columns),
                                                    heads: table("org-heads.tsv", ["lang", "word", "type"])),
            people: try PersonGlossary(names: table("given-names.tsv", ["name", "sex", "origin"]),
                                       roles: table("roles.tsv", ["lang", "role", "kind"])),
            dates: try DateLexicon(table: table("date-words.tsv", ["lang", "form", "match", "role", "value"])),
            events: try EventLexicon(table: table("event-words.tsv", EventLexicon.columns)),
            nameModel: try modelPath.map { try NameModel.load(path: $0) })
    }

    /// The glossaries of the folder in use, loaded once, on first use.
    public static let standard: Result<Glossaries, any Error> = {
        do { return .success(try load()) } catch let error as GlossaryError { return .failure(error) } catch let error as ModelError {
            return .failure(error)
        } catch {
            return .failure(GlossaryError(file: GlossaryDirectory.path ?? "glossaries", line: 0, message: "\(error)"))
        }
    }()

    /// The standard glossaries, or the error that says which file is missing or broken.
    @discardableResult
    public static func requireStandard() throws -> Glossaries { try standard.get() }
}
