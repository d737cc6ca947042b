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
    /// The name tagger's weights (`ModelLocation`), loaded with the glossaries since its
    /// features read them; nil when loaded without one (training makes the model) or none was found.
    public let nameModel: NameModel?
    /// Why no model was loaded, for one line on standard error (nil when one was, or when the
    /// caller or `$JARYA_MODEL=none` asked for none).
    public let modelNote: String?

    /// Reads and checks every glossary of `directory`, or of the folder in use (`GlossaryDirectory`),
    /// and, when `nameModel` is true, the name model found by `ModelLocation`: a broken model, or
    /// a missing `$JARYA_MODEL` file, throws a `ModelError` naming its file; no model found at all
    /// leaves the rules alone, with `modelNote` saying so.
    public static func load(from directory: String? = nil, nameModel: Bool = true) throws -> Glossaries {
        let search = nameModel ? ModelLocation.search(glossaries: directory ?? GlossaryDirectory.path) : nil
        func table(_ file: String, _ columns: [String]) throws -> TSVTable {
            try GlossaryDirectory.table(file, required: columns, in: directory)
        }
        return Glossaries(
            places: try PlaceGlossary(table: table("places.tsv", PlaceGlossary.columns)),
            organizations: try OrganizationGlossary(
                organizations: table("organizations.tsv", OrganizationGlossary.columns),
                heads: table("org-heads.tsv", ["lang", "word", "type"])),
            people: try PersonGlossary(
                names: table("given-names.tsv", ["name", "sex", "origin"]),
                roles: table("roles.tsv", ["lang", "role", "kind"]), known: table("known-persons.tsv", ["ru", "ky"])),
            dates: try DateLexicon(table: table("date-words.tsv", ["lang", "form", "match", "role", "value"])),
            events: try EventLexicon(table: table("event-words.tsv", EventLexicon.columns)),
            nameModel: try search?.found.map { try NameModel.load(path: $0) }, modelNote: search?.note)
    }

    /// The glossaries of the folder in use, loaded once, on first use.
    public static let standard: Result<Glossaries, any Error> = {
        do { return .success(try load()) } catch let error as GlossaryError { return .failure(error) } catch let error
            as ModelError
        {
            return .failure(error)
        } catch {
            return .failure(GlossaryError(file: GlossaryDirectory.path ?? "glossaries", line: 0, message: "\(error)"))
        }
    }()

    /// The standard glossaries, or the error that says which file is missing or broken.
    @discardableResult
    public static func requireStandard() throws -> Glossaries { try standard.get() }
}
