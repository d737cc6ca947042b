import Foundation
import HTTPTypes
import Hummingbird
import Jarya
import Mustache

/// The templates, compiled once.
struct Renderer: Sendable {
    let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        let templates = [
            "layout": Templates.layout, "index": Templates.index, "list": Templates.list,
            "record": Templates.record, "changes": Templates.changes, "search": Templates.search,
        ]
        for (name, text) in templates {
            // The templates are constants of this file's module: a parse error is a bug, found by any test.
            do { try library.register(text, named: name) } catch { preconditionFailure("template \(name): \(error)") }
        }
        self.library = library
    }

    /// `name` rendered inside the layout.
    func page(_ name: String, _ context: [String: Any]) -> String {
        var c = context
        c["body"] = library.render(context, withTemplate: name) ?? ""
        return library.render(c, withTemplate: "layout") ?? ""
    }
}

/// What every route needs: the engine, the templates, and the page's common context.
struct Site: Sendable {
    let engine: Engine
    let renderer: Renderer

    var configuration: ServeConfiguration { engine.configuration }

    static func language(_ request: Request) -> String {
        Labels.language(request.uri.queryParameters.get("lang"))
    }

    /// The context of every page: labels, the language switch, the token, the session's changes.
    /// `page` is the path that shows this page (a form's POST renders the page of another path).
    func base(_ request: Request, page: String? = nil) async -> [String: Any] {
        let lang = Self.language(request)
        let path = page ?? request.uri.path
        let langs: [[String: Any]] = Labels.languages.map {
            ["code": $0, "href": path + "?lang=" + $0, "current": $0 == lang]
        }
        let back = path + "?lang=" + lang
        let changes = await engine.editor.changes.reversed().map {
            ["number": $0.number, "summary": $0.summary, "back": back] as [String: Any]
        }
        return [
            "lang": lang, "l": Labels.of(lang), "langs": langs, "token": configuration.token,
            "archive": configuration.database != nil, "changes": changes, "hasChanges": !changes.isEmpty,
            "orgKinds": OrganizationGlossary.kinds.sorted(),
        ]
    }

    func page(_ name: String, _ context: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        HTTP.html(renderer.page(name, context), status: status)
    }

    /// Whether a form or API request carries the same-origin token (field `token` or header `X-Jarya-Token`).
    func authorized(_ request: Request, form: [String: String] = [:]) -> Bool {
        HTTP.tokenMatches(form["token"] ?? request.headers[HTTPField.Name("X-Jarya-Token")!], configuration.token)
    }

    /// A plain-text 4xx page for refusals that have no page of their own.
    static func refusal(_ status: HTTPResponse.Status, _ message: String) -> Response {
        HTTP.response(message + "\n", type: "text/plain; charset=utf-8", status: status)
    }

    static let forbidden = refusal(
        .forbidden, "This form has expired or came from another site: reload the page and try again.")
}
