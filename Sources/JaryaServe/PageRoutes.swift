import Foundation
import Hummingbird
import Jarya
import JaryaArchive

/// The page: paste or upload, the list of an upload, a record with its highlights and event
/// card, and its downloads.
extension Site {
    func addPageRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ -> Response in
            await page("index", base(request))
        }
        router.post("/process") { request, _ -> Response in
            try await process(request)
        }
        router.get("/b/:key") { request, context -> Response in
            let key = try context.parameters.require("key")
            guard let batch = engine.batch(key) else { return gone(request) }
            if batch.documents.count == 1 { return HTTP.redirect("/b/\(key)/0?lang=\(Self.language(request))") }
            var c = await base(request)
            c["key"] = key
            c["documents"] = batch.documents.enumerated().map { n, d -> [String: Any] in
                var row: [String: Any] = [
                    "n": n, "name": d.name, "title": d.record?.title ?? "",
                    "dates": d.record?.event.map(RecordView.dates) ?? "",
                ]
                if let e = d.line.error { row["code"] = e.code }
                return row
            }
            return page("list", c)
        }
        router.get("/b/:key/:n") { request, context -> Response in
            guard let (batch, n) = try document(context) else { return gone(request) }
            return await recordPage(request, batch: batch, index: n)
        }
        router.get("/json/:key/:n") { _, context -> Response in
            guard let (batch, n) = try document(context) else {
                return Self.refusal(.notFound, "No such document: process it again.")
            }
            let line = batch.documents[n].line
            return HTTP.download(
                String(decoding: JSONLinesEncoder().line(line), as: UTF8.self), type: "application/json; charset=utf-8",
                name: "\(line.record?.id ?? "record").json")
        }
        router.get("/ics/:key/:n") { _, context -> Response in
            guard let (batch, n) = try document(context) else {
                return Self.refusal(.notFound, "No such document: process it again.")
            }
            guard let record = batch.documents[n].record else {
                return Self.refusal(.notFound, "This document could not be processed, so there is no calendar entry.")
            }
            let result = ICSExport.calendar([record])
            guard result.events > 0 else {
                return Self.refusal(
                    .notFound, "This release has no event dated to the day, so there is no calendar entry.")
            }
            return HTTP.download(result.calendar, type: "text/calendar; charset=utf-8", name: "\(record.id).ics")
        }
        router.get("/csv/:key") { _, context -> Response in
            let key = try context.parameters.require("key")
            guard let batch = engine.batch(key) else {
                return Self.refusal(.notFound, "No such list: process the documents again.")
            }
            return HTTP.download(
                CSVExport.events(batch.documents.compactMap(\.record)), type: "text/csv; charset=utf-8",
                name: "events.csv")
        }
    }

    /// The batch and document index a route names, or nil when the batch is gone.
    func document(_ context: BasicRequestContext) throws -> (Batch, Int)? {
        let key = try context.parameters.require("key")
        guard let n = Int(try context.parameters.require("n")), let batch = engine.batch(key),
            batch.documents.indices.contains(n)
        else { return nil }
        return (batch, n)
    }

    func gone(_ request: Request) -> Response {
        HTTP.redirect("/?lang=\(Self.language(request))")
    }

    func recordPage(_ request: Request, batch: Batch, index: Int, problem: String? = nil, notice: String? = nil) async
        -> Response
    {
        let lang = Self.language(request)
        var c = await base(request, page: "/b/\(batch.key)/\(index)")
        c["key"] = batch.key
        c["index"] = index
        c["multi"] = batch.documents.count > 1
        var doc = RecordView.context(batch.documents[index].line, labels: Labels.of(lang))
        // A translation among the same upload links to its record page.
        if let related = doc["related"] as? [[String: String]] {
            doc["related"] = related.map { link -> [String: String] in
                var link = link
                if let n = batch.documents.firstIndex(where: { $0.record?.id == link["id"] }) {
                    link["href"] = "/b/\(batch.key)/\(n)?lang=\(lang)"
                }
                return link
            }
        }
        c["doc"] = doc
        if let problem { c["problem"] = problem }
        if let notice { c["notice"] = notice }
        return page("record", c, status: problem == nil ? .ok : .badRequest)
    }

    /// POST /process: pasted text (field `text`) and files (field `file`, several allowed), as
    /// multipart or URL-encoded form data.
    func process(_ request: Request) async throws -> Response {
        guard let bytes = try await HTTP.body(request, limit: configuration.maxRequestBytes) else {
            var c = await base(request, page: "/")
            c["problem"] =
                "The upload is larger than \(configuration.maxRequestBytes) bytes: send fewer or smaller files (jarya serve --max-bytes)."
            return page("index", c, status: .contentTooLarge)
        }
        var inputs: [(name: String, bytes: [UInt8])] = []
        if let boundary = HTTP.boundary(request.headers[.contentType]) {
            guard let parts = HTTP.multipart(bytes, boundary: boundary) else {
                var c = await base(request, page: "/")
                c["problem"] = "The upload could not be read: choose the files again."
                return page("index", c, status: .badRequest)
            }
            for part in parts {
                if part.name == "text",
                    !String(decoding: part.bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                {
                    inputs.append(("text.txt", part.bytes))
                } else if part.name == "file", let filename = part.filename, !filename.isEmpty {
                    inputs.append((HTTP.fileName(filename, fallback: "upload-\(inputs.count + 1).txt"), part.bytes))
                }
            }
        } else if let text = HTTP.form(bytes)["text"], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            inputs.append(("text.txt", Array(text.utf8)))
        }
        guard !inputs.isEmpty, inputs.count <= configuration.maxFiles else {
            var c = await base(request, page: "/")
            c["problem"] =
                inputs.isEmpty
                ? "Paste the text of a release or choose a file."
                : "At most \(configuration.maxFiles) files at once: choose fewer."
            return page("index", c, status: inputs.isEmpty ? .badRequest : .contentTooLarge)
        }
        let batch = engine.processBatch(inputs)
        let lang = Self.language(request)
        return HTTP.redirect(
            batch.documents.count == 1 ? "/b/\(batch.key)/0?lang=\(lang)" : "/b/\(batch.key)?lang=\(lang)")
    }
}
