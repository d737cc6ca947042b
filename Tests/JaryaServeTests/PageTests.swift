import Foundation
import Hummingbird
import HummingbirdTesting
import Jarya
@testable import JaryaServe
import Testing

@Suite struct PageTests {
    @Test func healthAndStartPageInKyrgyzByDefault() async throws {
        try await Fixture.test(try Fixture.configuration()) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Иштетүү"))
                #expect(response.text.contains("<html lang=\"ky\">"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(!response.text.contains("<script>"), "no inline script")
            }
            try await client.execute(uri: "/?lang=ru", method: .get) { #expect($0.text.contains("Обработать")) }
            try await client.execute(uri: "/?lang=en", method: .get) { #expect($0.text.contains("Process")) }
        }
    }

    /// Pasted text → a record page with highlights, hovers, legend and the event card.
    @Test func pastedReleaseIsHighlightedWithItsEventCard() async throws {
        try await Fixture.test(try Fixture.configuration()) { client in
            let location = try await client.execute(
                uri: "/process", method: .post, headers: formHeaders,
                body: formBody([("text", Fixture.kyrgyzRelease)])
            ) { response in
                #expect(response.status == .seeOther)
                return response.location ?? ""
            }
            #expect(location.hasPrefix("/b/") && location.contains("/0?lang=ky"))
            try await client.execute(uri: location, method: .get) { response in
                let page = response.text
                #expect(response.status == .ok)
                #expect(
                    page.contains(
                        "<mark class=\"e e-date\" data-type=\"date\" data-n=\"5\" title=\"date: 2025-03-12 … 2025-03-13\">2025-жылдын 12-13-март күндөрү</mark>"
                    ))
                #expect(
                    page.contains(
                        "title=\"organization: Бириккен Улуттар Уюмунун Өнүктүрүү программасы (ПРООН)\">ПРООН</mark>"))
                #expect(page.contains("title=\"phone: +996555123456\">+996 555 123 456</mark>"))
                #expect(page.contains("title=\"person: Айбек Токтосунов — министрдин орун басары\""))
                #expect(page.contains("<dd data-field=\"dates\">2025-03-12 … 2025-03-13</dd>"))
                #expect(
                    page.contains(
                        "<dd data-field=\"organizers\">Кыргыз Республикасынын Санариптик өнүктүрүү министрлиги; Бишкек шаарынын мэриясы</dd>"
                    ))
                #expect(page.contains("<dd data-field=\"published\">2025-03-03</dd>"))
                #expect(page.contains("<mark class=\"e e-contact\">Байланыш</mark>"), "legend in Kyrgyz")
            }
        }
    }

    /// Release text is shown as text: no element of it reaches the page.
    @Test func hostileTextIsEscaped() async throws {
        let hostile = "Бишкек, 3-март 2025-жыл.\n<script>alert(1)</script> \"><img src=x onerror=alert(2)> Ош шаарында"
        try await Fixture.test(try Fixture.configuration()) { client in
            let location = try await client.execute(
                uri: "/process", method: .post, headers: formHeaders,
                body: formBody([("text", hostile)])
            ) { $0.location ?? "" }
            try await client.execute(uri: location, method: .get) { response in
                #expect(!response.text.contains("<script>alert"))
                #expect(!response.text.contains("<img src=x"))
                #expect(
                    response.text.contains(
                        "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
            }
        }
    }

    /// Several files in one multipart upload give a list; each opens its record; the list downloads as CSV.
    @Test func uploadOfSeveralFilesGivesAListAndDownloads() async throws {
        let boundary = "jarya-test-boundary"
        var parts = ""
        for (name, text) in [
            ("ky.txt", Fixture.kyrgyzRelease), ("ru.md", Fixture.russianRelease), ("scan.pdf", "%PDF-1.4"),
        ] {
            parts +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/plain\r\n\r\n\(text)\r\n"
        }
        let body =
            parts + "--\(boundary)\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n\r\n--\(boundary)--\r\n"
        try await Fixture.test(try Fixture.configuration()) { client in
            let location = try await client.execute(
                uri: "/process?lang=en", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(body)
            ) { $0.location ?? "" }
            #expect(location.hasPrefix("/b/") && location.hasSuffix("?lang=en"))
            let key = String(location.dropFirst(3).prefix { $0 != "?" })
            try await client.execute(uri: location, method: .get) { response in
                #expect(response.text.contains(">ky.txt</a>"))
                #expect(response.text.contains(">ru.md</a>"))
                #expect(response.text.contains("<span class=\"problem\">unsupported</span>"))
            }
            try await client.execute(uri: "/b/\(key)/2", method: .get) { #expect($0.text.contains("id=\"doc-error\"")) }
            try await client.execute(uri: "/csv/\(key)", method: .get) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                let lines = response.text.split(separator: "\r\n")
                #expect(lines.first == "id,path,language,kind,title,start,end,time,places,organizers,funders,published")
                #expect(lines.count == 3, "one row per event: the PDF has none")
            }
            try await client.execute(uri: "/ics/\(key)/0", method: .get) { response in
                #expect(response.text.contains("BEGIN:VEVENT"))
                #expect(response.text.contains("DTSTART;VALUE=DATE:20250312"))
            }
            try await client.execute(uri: "/json/\(key)/1", method: .get) { response in
                let record = try JSONDecoder().decode(Record.self, from: Data(response.text.utf8))
                #expect(record.source.path == "ru.md")
                #expect(record.event?.start == "2025-04-22")
            }
        }
    }

    @Test func emptyAndTooLargeUploadsAreRefusedOnThePage() async throws {
        try await Fixture.test(try Fixture.configuration(maxBytes: 100)) { client in
            try await client.execute(
                uri: "/process", method: .post, headers: formHeaders, body: formBody([("text", "  ")])
            ) {
                #expect($0.status == .badRequest)
                #expect($0.text.contains("id=\"problem\""))
            }
            try await client.execute(
                uri: "/process", method: .post, headers: formHeaders,
                body: formBody([("text", String(repeating: "ж", count: 40_000))])
            ) {
                #expect($0.status == .contentTooLarge)
            }
        }
    }
}
