import Foundation
import Hummingbird
import Jarya
import JaryaArchive

/// The archive page (with `--db`): `jarya search`'s filters, results sorted by event date, each
/// opening its record view.
extension Site {
    func addArchiveRoutes(to router: Router<BasicRequestContext>) {
        router.get("/search") { request, _ -> Response in
            guard let db = configuration.database else {
                return Self.refusal(.notFound, "No archive: start jarya serve with --db FILE.")
            }
            let get: (String) -> String? = { request.uri.queryParameters.get($0) }
            var c = await base(request)
            for key in ["q", "place", "org", "person", "from", "to"] { c[key] = get(key) ?? "" }
            let doclang = get("doclang") ?? ""
            c["doclangs"] = [Language.kyrgyz, .russian, .kyrgyzRussian].map {
                ["code": $0.rawValue, "selected": $0.rawValue == doclang] as [String: Any]
            }
            let query = searchQuery(get, languageKey: "doclang")
            let asked = [
                query.text, query.place, query.organization, query.person, query.from, query.to, query.language,
            ].contains { $0 != nil }
            guard asked else { return page("search", c) }
            do {
                let records = try Archives.openForReading(db).search(query)
                c["searched"] = true
                c["hasResults"] = !records.isEmpty
                c["results"] = records.map { r -> [String: Any] in
                    [
                        "id": r.id, "dates": r.event.map(RecordView.dates) ?? "",
                        "places": (r.event?.places ?? []).joined(separator: ", "),
                        "title": r.title ?? r.event?.title ?? r.source.path, "language": r.language.rawValue,
                    ]
                }
                return page("search", c)
            } catch let error as ArchiveError {
                c["problem"] = error.description
                return page("search", c, status: error.exitCode == 64 ? .badRequest : .serviceUnavailable)
            }
        }
        router.get("/archive/:id") { request, context -> Response in
            let id = try context.parameters.require("id")
            guard let record = try archived(id) else { return Self.refusal(.notFound, "No archived record \(id).") }
            // Shown as a batch of one, so the record page (downloads, teach) works on it as on an upload.
            let batch = Batch(
                key: ServeConfiguration.randomToken(),
                documents: [
                    ProcessedDocument(name: record.id + ".txt", bytes: Array(record.text.utf8), line: .record(record))
                ])
            engine.store(batch)
            return HTTP.redirect("/b/\(batch.key)/0?lang=\(Self.language(request))")
        }
    }
}
