import Foundation
import Hummingbird
import Jarya
import JaryaArchive

/// The JSON API (the README's table): process a document, search the archive, read an
/// archived record, add to a glossary.
extension Site {
    func addAPIRoutes(to router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ -> Response in
            HTTP.response("ok\n", type: "text/plain; charset=utf-8")
        }
        router.get("/api/token") { _, _ -> Response in
            HTTP.json("{\"token\":\"\(configuration.token)\"}\n")
        }
        router.post("/api/records") { request, _ -> Response in
            try await apiRecord(request)
        }
        router.get("/api/search") { request, _ -> Response in
            guard let db = configuration.database else {
                return Self.refusal(.notFound, "No archive: start jarya serve with --db FILE.")
            }
            do {
                let archive = try Archives.openForReading(db)
                let records = try archive.search(
                    searchQuery({ request.uri.queryParameters.get($0) }, languageKey: "lang"))
                let lines = SearchOutput.jsonLines(records, translations: try archive.translations(of: records)).split(
                    separator: "\n")
                return HTTP.json("[" + lines.joined(separator: ",") + "]\n")
            } catch let error as ArchiveError {
                return HTTP.json(
                    Self.errorJSON(error.description), status: error.exitCode == 64 ? .badRequest : .serviceUnavailable)
            }
        }
        router.get("/api/records/:id") { _, context -> Response in
            let id = try context.parameters.require("id")
            guard let record = try archived(id) else {
                return HTTP.json(Self.errorJSON("no archived record \(id)"), status: .notFound)
            }
            return HTTP.json(String(decoding: try JSONLinesEncoder().line(record), as: UTF8.self))
        }
        router.post("/api/glossary/:kind") { request, context -> Response in
            guard authorized(request) else {
                return HTTP.json(
                    Self.errorJSON("missing or wrong X-Jarya-Token header: read it from GET /api/token"),
                    status: .forbidden)
            }
            guard let kind = GlossaryKind(rawValue: try context.parameters.require("kind")) else {
                return HTTP.json(
                    Self.errorJSON("the glossaries are places, organizations and persons"), status: .notFound)
            }
            let body = try await HTTP.body(request, limit: Self.formLimit) ?? []
            guard let fields = try? JSONDecoder().decode([String: String].self, from: Data(body)) else {
                return HTTP.json(
                    Self.errorJSON(
                        "send a JSON object of strings keyed by the columns of \(GlossaryRows.file(kind)): \(GlossaryRows.columns(kind).joined(separator: ", "))"
                    ),
                    status: .badRequest)
            }
            do {
                let change = try await engine.editor.add(kind, fields: fields, known: engine.currentGlossaries)
                try engine.reload()
                return HTTP.json(
                    "{\"change\":\(change.number),\"summary\":\(Self.quoted(change.summary))}\n", status: .created)
            } catch let error as GlossaryEditError {
                return HTTP.json(Self.errorJSON(error.message), status: .badRequest)
            }
        }
    }

    /// POST /api/records?name=FILE: the body is the document (or multipart with field `file`).
    func apiRecord(_ request: Request) async throws -> Response {
        var name = HTTP.fileName(request.uri.queryParameters.get("name"), fallback: "text.txt")
        let processor = engine.currentProcessor
        guard let body = try await HTTP.body(request, limit: configuration.maxRequestBytes) else {
            let record = processor.tooLarge(path: name)
            return HTTP.json(String(decoding: JSONLinesEncoder().line(record), as: UTF8.self), status: .contentTooLarge)
        }
        var bytes = body
        if let boundary = HTTP.boundary(request.headers[.contentType]) {
            guard let part = HTTP.multipart(body, boundary: boundary)?.first(where: { $0.name == "file" }) else {
                return HTTP.json(Self.errorJSON("multipart/form-data needs a part named file"), status: .badRequest)
            }
            bytes = part.bytes
            if request.uri.queryParameters.get("name") == nil { name = HTTP.fileName(part.filename, fallback: name) }
        }
        let line = processor.process(bytes: bytes, path: name).0
        let status: HTTPResponse.Status =
            switch line.error?.code {
            case nil: .ok
            case "too_large": .contentTooLarge
            default: .unprocessableContent
            }
        return HTTP.json(String(decoding: JSONLinesEncoder().line(line), as: UTF8.self), status: status)
    }

    /// The archived record with this id, if any.
    func archived(_ id: String) throws -> Record? {
        guard let db = configuration.database else { return nil }
        return try Archives.openForReading(db).records(ids: [id]).first
    }

    /// `jarya search`'s query from request parameters (`q`, `place`, `org`, `person`, `from`, `to`, and the
    /// document language under `languageKey`: `lang` in the API, `doclang` on the page, whose `lang` is its own).
    /// A place is resolved through the current places glossary, as `jarya search --place` does, so «в Оше» finds Osh.
    func searchQuery(_ get: (String) -> String?, languageKey: String) -> SearchQuery {
        func value(_ key: String) -> String? {
            guard let v = get(key)?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        let place = value("place")
        return SearchQuery(
            text: value("q"), place: place, places: place == nil ? nil : engine.currentGlossaries.places,
            organization: value("org"), person: value("person"),
            from: value("from"), to: value("to"), language: value(languageKey))
    }

    static func quoted(_ s: String) -> String {
        let data = (try? JSONEncoder().encode(s)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func errorJSON(_ message: String) -> String { "{\"error\":\(quoted(message))}\n" }
}
