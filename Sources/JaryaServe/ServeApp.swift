import Foundation
import HTTPTypes
import Hummingbird
import Jarya
import Logging

/// `jarya serve`: the application with every route and middleware.
public enum ServeApp {
    /// The application for `configuration` (glossaries loaded now: a broken folder fails here,
    /// before the port is bound).
    public static func build(_ configuration: ServeConfiguration, logger: Logger = Logger(label: "jarya.serve")) throws
        -> some ApplicationProtocol
    {
        let site = Site(engine: try Engine(configuration: configuration), renderer: Renderer())
        let router = Router()
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: SecurityHeadersMiddleware())
        router.get("/static/app.js") { _, _ in
            HTTP.response(Assets.script, type: "text/javascript; charset=utf-8", extra: [.cacheControl: "no-cache"])
        }
        router.get("/static/app.css") { _, _ in
            HTTP.response(Assets.style, type: "text/css; charset=utf-8", extra: [.cacheControl: "no-cache"])
        }
        site.addPageRoutes(to: router)
        site.addEditRoutes(to: router)
        site.addAPIRoutes(to: router)
        site.addArchiveRoutes(to: router)
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "jarya"),
            logger: logger)
    }
}

/// One log line per request: method, path (without the query, which may hold a search), status,
/// duration and bytes received, as swift-log metadata.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let started = ContinuousClock.now
        func log(_ status: Int) {
            let elapsed = ContinuousClock.now - started
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            logger.info(
                "request",
                metadata: [
                    "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(status)",
                    "ms": "\(String(format: "%.1f", ms))", "id": "\(context.id)",
                ])
        }
        do {
            let response = try await next(request, context)
            log(response.status.code)
            return response
        } catch {
            log((error as? any HTTPResponseError)?.status.code ?? 500)
            throw error
        }
    }
}

/// Headers that keep untrusted release text inert: scripts and styles only from this origin
/// (none inline), no framing, no content sniffing.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }
}

extension ServeApp {
    /// Builds the application and runs it until SIGINT or SIGTERM, which finish the requests
    /// under way and stop the server (Hummingbird's graceful shutdown).
    public static func run(_ configuration: ServeConfiguration, logger: Logger = Logger(label: "jarya.serve"))
        async throws
    {
        let app = try build(configuration, logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
