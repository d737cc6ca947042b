import Foundation
import Hummingbird
import Jarya
import JaryaArchive

/// Correct and teach: add a span to a glossary (then process the document again), remove a
/// wrong entity from the shown record, undo a glossary change, add a record to the archive.
/// Every one needs the same-origin token.
extension Site {
    static let formLimit = 64 * 1024

    func addEditRoutes(to router: Router<BasicRequestContext>) {
        router.post("/b/:key/:n/teach") { request, context -> Response in
            guard let (batch, n) = try document(context) else { return gone(request) }
            let form = HTTP.form(try await HTTP.body(request, limit: Self.formLimit) ?? [])
            guard authorized(request, form: form) else { return Self.forbidden }
            do {
                let (kind, fields) = try TeachForm.fields(form, known: engine.currentGlossaries)
                let change = try await engine.editor.add(kind, fields: fields, known: engine.currentGlossaries)
                try engine.reload()
                let again = engine.reprocess(batch.key) ?? batch
                return await recordPage(request, batch: again, index: n, notice: "+ " + change.summary)
            } catch let error as GlossaryEditError {
                return await recordPage(request, batch: batch, index: n, problem: error.message)
            } catch let error as GlossaryError {
                return await recordPage(request, batch: batch, index: n, problem: "\(error)")
            }
        }
        router.post("/b/:key/:n/remove/:e") { request, context -> Response in
            guard let (batch, n) = try document(context) else { return gone(request) }
            let form = HTTP.form(try await HTTP.body(request, limit: Self.formLimit) ?? [])
            guard authorized(request, form: form) else { return Self.forbidden }
            var edited = batch
            if let e = Int(try context.parameters.require("e")), case .record(var record) = edited.documents[n].line,
                record.entities.indices.contains(e)
            {
                record.entities.remove(at: e)
                edited.documents[n].line = .record(record)
                engine.store(edited)
            }
            return HTTP.redirect("/b/\(batch.key)/\(n)?lang=\(Self.language(request))")
        }
        router.post("/b/:key/:n/archive") { request, context -> Response in
            guard let (batch, n) = try document(context) else { return gone(request) }
            let form = HTTP.form(try await HTTP.body(request, limit: Self.formLimit) ?? [])
            guard authorized(request, form: form) else { return Self.forbidden }
            guard let db = configuration.database else {
                return Self.refusal(.notFound, "No archive: start jarya serve with --db FILE.")
            }
            do {
                let (stored, _) = try Archives.openForWriting(db).upsert([batch.documents[n].line])
                return await recordPage(
                    request, batch: batch, index: n,
                    problem: stored == 1 ? nil : "A document that could not be processed is not archived.",
                    notice: stored == 1 ? "✓ \(db)" : nil)
            } catch let error as ArchiveError {
                return await recordPage(request, batch: batch, index: n, problem: error.description)
            }
        }
        router.post("/undo/:number") { request, context -> Response in
            let form = HTTP.form(try await HTTP.body(request, limit: Self.formLimit) ?? [])
            guard authorized(request, form: form) else { return Self.forbidden }
            let back = HTTP.isLocal(form["back"] ?? "") ? form["back"]! : "/?lang=\(Self.language(request))"
            do {
                guard let number = Int(try context.parameters.require("number")) else {
                    throw GlossaryEditError(message: "no such change")
                }
                try await engine.editor.undo(number)
                try engine.reload()
            } catch {
                return Self.refusal(.badRequest, "\(error)")
            }
            // The document the page showed is processed again with the glossaries as they are now.
            let parts = back.split(separator: "?")[0].split(separator: "/")
            if parts.count >= 2, parts[0] == "b" { _ = engine.reprocess(String(parts[1])) }
            return HTTP.redirect(back)
        }
    }
}

/// The page's "correct and teach" form → the TSV columns of the glossary it adds to.
enum TeachForm {
    static func fields(_ form: [String: String], known: Glossaries) throws -> (GlossaryKind, [String: String]) {
        func value(_ key: String) -> String { (form[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let text = value("text"), name = value("name")
        let lang = value("textLanguage") == "ru" ? "ru" : "ky"
        guard !text.isEmpty else {
            throw GlossaryEditError(message: "Select a span of the text first (or type it into the field).")
        }
        switch value("kind") {
        case "place":
            guard !name.isEmpty else {
                throw GlossaryEditError(
                    message: "places.tsv, column canonical: give the place's English name (as Kara-Balta).")
            }
            return (
                .places,
                [
                    "id": slug(name), "canonical": name, "kind": value("placeKind"),
                    "country": value("country").uppercased(),
                    lang: text,
                ]
            )
        case "organization":
            let full = name.isEmpty ? text : name
            var fields = [
                "id": "org-" + String(RecordID.sha256Hex(Array(full.utf8)).prefix(10)), "kind": value("orgKind"),
                "country": value("country").uppercased(), lang: full,
            ]
            if !value("acronym").isEmpty { fields["acronym_" + lang] = value("acronym") }
            return (.organizations, fields)
        case "person":
            let given = String((name.isEmpty ? text : name).split(separator: " ").first ?? "")
            var fields = ["name": given, "sex": value("sex"), "origin": lang]
            if !value("role").isEmpty {
                // A role for a person whose given name is known already: only the role is added.
                if known.people.givenNames[given.lowercased()] != nil { fields = [:] }
                fields["role"] = value("role")
                fields["lang"] = lang
                fields["kind"] = "official"
            }
            return (.persons, fields)
        default:
            throw GlossaryEditError(message: "Choose place, organization or person.")
        }
    }

    /// An id from an English name: lower case ASCII letters and digits joined by `-`.
    static func slug(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { !(($0.isASCII && $0.isLetter) || ($0.isASCII && $0.isNumber)) })
            .joined(separator: "-")
    }
}
