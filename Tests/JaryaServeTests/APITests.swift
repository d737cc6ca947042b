import Foundation
import Hummingbird
import HummingbirdTesting
import Jarya
import JaryaArchive
@testable import JaryaServe
import Testing

@Suite struct APITests {
    /// The API's record is `jarya process`'s record of a file with that name and bytes.
    @Test func recordIsTheOneJaryaProcessGives() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jarya-serve-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("release.txt")
        try Data(Fixture.kyrgyzRelease.utf8).write(to: file)
        guard case .record(var processed) = try Fixture.standardProcessor().process(.file(file.path)).0 else {
            Issue.record("the release was not processed"); return
        }
        processed.source.path = "release.txt"
        let expected = String(decoding: try JSONLinesEncoder().line(processed), as: UTF8.self)
        try await Fixture.test(try Fixture.configuration()) { client in
            try await client.execute(
                uri: "/api/records?name=release.txt", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(Fixture.kyrgyzRelease)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text == expected)
            }
        }
    }

    @Test func unusableDocumentsGetTheirErrorRecord() async throws {
        try await Fixture.test(try Fixture.configuration(maxBytes: 1000)) { client in
            try await client.execute(
                uri: "/api/records?name=scan.txt", method: .post,
                body: ByteBuffer(bytes: [0x50, 0x00, 0x01, 0x02, 0x00])
            ) { response in
                #expect(response.status == .unprocessableContent)
                let line = try JSONDecoder().decode(RecordLine.self, from: Data(response.text.utf8))
                #expect(line.error?.code == "binary")
                #expect(line.source.path == "scan.txt")
            }
            try await client.execute(
                uri: "/api/records?name=big.txt", method: .post,
                body: ByteBuffer(String(repeating: "Бишкек ", count: 200))
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.text.contains("\"code\":\"too_large\""))
            }
            try await client.execute(
                uri: "/api/records?name=report.docx", method: .post, body: ByteBuffer("not a zip archive at all")
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("\"code\":\"malformed\""))
            }
            // Beyond the request limit (4 × --max-bytes + 64 KiB) the body is not even read.
            try await client.execute(
                uri: "/api/records?name=huge.txt", method: .post,
                body: ByteBuffer(String(repeating: "ж", count: 40_000))
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.text.contains("\"code\":\"too_large\""))
            }
        }
    }

    @Test func multipartFileFieldIsProcessedUnderItsName() async throws {
        let boundary = "b0undary"
        let body =
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../etc/ru.txt\"\r\n\r\n\(Fixture.russianRelease)\r\n--\(boundary)--\r\n"
        try await Fixture.test(try Fixture.configuration()) { client in
            try await client.execute(
                uri: "/api/records", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(body)
            ) { response in
                #expect(response.status == .ok)
                let record = try JSONDecoder().decode(Record.self, from: Data(response.text.utf8))
                #expect(record.source.path == "ru.txt", "only the last path component is kept")
                #expect(record.event?.places == ["Osh"])
            }
        }
    }

    @Test func archiveSearchRecordAndPage() async throws {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jarya-serve-\(UUID().uuidString).sqlite"
        ).path
        let ky = try Fixture.standardProcessor().process(bytes: Array(Fixture.kyrgyzRelease.utf8), path: "ky.txt").0
            .record!
        let ru = try Fixture.standardProcessor().process(bytes: Array(Fixture.russianRelease.utf8), path: "ru.txt").0
            .record!
        try Archives.openForWriting(db).upsert([ky, ru])
        try await Fixture.test(try Fixture.configuration(database: db)) { client in
            try await client.execute(uri: "/api/search?place=%D0%B2%20%D0%9E%D1%88%D0%B5", method: .get) { response in
                #expect(response.status == .ok)
                let list = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]]
                #expect(list?.count == 1)
                #expect(list?.first?["id"] as? String == ru.id)
            }
            try await client.execute(uri: "/api/search?from=2025-03-01&to=2025-03-31&lang=ky", method: .get) {
                response in
                let list = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]]
                #expect(list?.map { $0["id"] as? String } == [ky.id])
            }
            try await client.execute(uri: "/api/search?q=%D1%84%D0%BE%D1%80%D1%83%D0%BC%20AND", method: .get) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/api/records/\(ky.id)", method: .get) { response in
                #expect(response.status == .ok)
                let record = try JSONDecoder().decode(Record.self, from: Data(response.text.utf8))
                #expect(record == ky)
            }
            try await client.execute(uri: "/api/records/0000000000000000", method: .get) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/search?org=%D0%BC%D1%8D%D1%80%D0%B8%D1%8F&lang=ru", method: .get) {
                response in
                #expect(response.text.contains("<table id=\"results\">"))
                #expect(response.text.contains("/archive/\(ru.id)?lang=ru"))
                #expect(response.text.contains("/archive/\(ky.id)?lang=ru"))
            }
            try await client.execute(uri: "/search?place=Talas", method: .get) {
                #expect($0.text.contains("id=\"no-results\""))
            }
        }
    }
}

@Suite struct ArchiveAddTests {
    /// "Add to archive" stores the shown record; the API then finds it; a wrong token is refused.
    @Test func uploadedDocumentIsAddedToTheArchive() async throws {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jarya-serve-\(UUID().uuidString).sqlite"
        ).path
        try Archives.openForWriting(db).upsert([])
        try await Fixture.test(try Fixture.configuration(database: db)) { client in
            let location = try await client.execute(
                uri: "/process", method: .post, headers: formHeaders,
                body: formBody([("text", Fixture.russianRelease)])
            ) { $0.location ?? "" }
            let path = String(location.prefix { $0 != "?" })
            try await client.execute(
                uri: path + "/archive", method: .post, headers: formHeaders, body: formBody([("token", "nope")])
            ) {
                #expect($0.status == .forbidden)
            }
            #expect(try Archives.openForReading(db).count() == 0)
            try await client.execute(
                uri: path + "/archive", method: .post, headers: formHeaders, body: formBody([("token", Fixture.token)])
            ) {
                #expect($0.status == .ok)
                #expect($0.text.contains("id=\"notice\""))
            }
            let stored = try Archives.openForReading(db).records()
            #expect(stored.map(\.source.path) == ["text.txt"])
            try await client.execute(uri: "/api/records/\(stored[0].id)", method: .get) { #expect($0.status == .ok) }
        }
    }
}
