import Foundation
import Hummingbird
import MultipartKit

/// Small pieces every route uses: responses of a media type, forms, uploads, the token.
enum HTTP {
    static func response(_ body: String, type: String, status: HTTPResponse.Status = .ok, extra: HTTPFields = [:])
        -> Response
    {
        var headers: HTTPFields = [.contentType: type]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        response(body, type: "text/html; charset=utf-8", status: status)
    }

    static func json(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        response(body, type: "application/json; charset=utf-8", status: status)
    }

    /// A download: `name` is made of safe characters by the caller.
    static func download(_ body: String, type: String, name: String) -> Response {
        response(body, type: type, extra: [.contentDisposition: "attachment; filename=\"\(name)\""])
    }

    /// 303 to a path of this site (anything else goes to the start page).
    static func redirect(_ path: String) -> Response {
        Response.redirect(to: isLocal(path) ? path : "/", type: .normal)
    }

    static func isLocal(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.hasPrefix("//") && !path.contains("\\")
            && !path.unicodeScalars.contains { $0.value < 0x20 }
    }

    /// The body, or `nil` when it is larger than `limit`.
    static func body(_ request: Request, limit: Int) async throws -> [UInt8]? {
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return nil
        }
    }

    /// `application/x-www-form-urlencoded` fields (the last value of a repeated name wins).
    static func form(_ bytes: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: bytes, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    /// One part of a `multipart/form-data` body.
    struct Part {
        var name: String
        var filename: String?
        var bytes: [UInt8]
    }

    /// The boundary of a `multipart/form-data` content type, if it is one.
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let kv = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == "boundary" {
                return kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// The parts of a `multipart/form-data` body (MultipartKit's parser), or nil when it is broken.
    static func multipart(_ bytes: [UInt8], boundary: String) -> [Part]? {
        final class Collector {
            var parts: [Part] = []
            var headers: [(String, String)] = []
            var body: [UInt8] = []
        }
        let collector = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { collector.headers.append(($0, $1)) }
        parser.onBody = { buffer in collector.body.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            let disposition = collector.headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            let name = parameter("name", in: disposition) ?? ""
            collector.parts.append(
                Part(name: name, filename: parameter("filename", in: disposition), bytes: collector.body))
            collector.headers = []
            collector.body = []
        }
        do { try parser.execute(bytes) } catch { return nil }
        return collector.parts
    }

    /// `name="value"` from a Content-Disposition header.
    static func parameter(_ key: String, in header: String) -> String? {
        for item in header.split(separator: ";").dropFirst() {
            let kv = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, kv[0].lowercased() == key else { continue }
            var value = kv[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }

    /// A file name safe to show and to use as a record's path: its last component, without
    /// control characters; `fallback` when nothing is left.
    static func fileName(_ raw: String?, fallback: String) -> String {
        let last = (raw ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(
            String.UnicodeScalarView(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        return clean.isEmpty || clean == "." || clean == ".." ? fallback : String(clean.prefix(200))
    }

    /// Whether `given` is the server's same-origin token (compared in constant time).
    static func tokenMatches(_ given: String?, _ token: String) -> Bool {
        guard let given, given.utf8.count == token.utf8.count else { return false }
        return zip(given.utf8, token.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
