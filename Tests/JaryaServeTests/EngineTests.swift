import Foundation
import Hummingbird
import HummingbirdTesting
import Jarya
@testable import JaryaServe
import Testing

@Suite struct EngineTests {
    /// Two uploaded files of one release link to each other, and the page links the translation.
    @Test func translationsInOneUploadAreLinked() async throws {
        let boundary = "tr-boundary"
        var parts = ""
        for (name, text) in [("ky.txt", Fixture.kyrgyzRelease), ("ru.txt", Fixture.russianTranslation)] {
            parts +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n\r\n\(text)\r\n"
        }
        let body = parts + "--\(boundary)--\r\n"
        try await Fixture.test(try Fixture.configuration()) { client in
            let location = try await client.execute(
                uri: "/process?lang=ru", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(body)
            ) { $0.location ?? "" }
            let key = String(location.dropFirst(3).prefix { $0 != "?" })
            let ru = try await client.execute(uri: "/json/\(key)/1", method: .get) {
                try JSONDecoder().decode(Record.self, from: Data($0.text.utf8))
            }
            try await client.execute(uri: "/b/\(key)/0?lang=ru", method: .get) { response in
                #expect(
                    response.text.contains(
                        "<dd data-field=\"related\"><a href=\"/b/\(key)/1?lang=ru\">\(ru.id)</a></dd>"))
                #expect(response.text.contains("<a id=\"lang-en\" href=\"/b/\(key)/0?lang=en\">"))
            }
        }
    }

    /// Uploads are kept in memory within a count: the oldest is dropped first.
    @Test func oldestBatchesAreDropped() throws {
        let engine = try Engine(configuration: try Fixture.configuration())
        let first = engine.processBatch([("a.txt", Array("Бишкек, 3-март 2025-жыл.".utf8))])
        for n in 0..<Engine.maxBatches - 1 {
            engine.store(Batch(key: "k\(n)", documents: first.documents))
        }
        #expect(engine.batch(first.key) != nil)
        engine.store(Batch(key: "one-more", documents: first.documents))
        #expect(engine.batch(first.key) == nil)
        #expect(engine.batch("k0") != nil)
        #expect(engine.batch("one-more") != nil)
    }

    /// The page's language links after a form's POST lead to the record page, not the form's path.
    @Test func languageLinksAfterTeachPointToTheRecordPage() async throws {
        try await Fixture.test(try Fixture.configuration()) { client in
            let location = try await client.execute(
                uri: "/process", method: .post, headers: formHeaders,
                body: formBody([("text", Fixture.russianRelease)])
            ) { $0.location ?? "" }
            let path = String(location.prefix { $0 != "?" })
            try await client.execute(
                uri: path + "/teach?lang=ru", method: .post, headers: formHeaders,
                body: formBody([
                    ("token", Fixture.token), ("text", "Тундук Техно"), ("kind", "organization"), ("orgKind", "firm"),
                ])
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("organizations.tsv, column kind: one of"))
                #expect(response.text.contains("href=\"\(path)?lang=ky\""))
            }
        }
    }
}
