import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Jarya
@testable import JaryaServe
import Testing

@Suite struct GlossaryTests {
    static let tokenHeader = HTTPField.Name("X-Jarya-Token")!

    func organizations(_ record: Record) -> [String] {
        record.entities.filter { $0.type == .organization }.compactMap(\.name)
    }

    func record(_ client: any TestClientProtocol, _ text: String) async throws -> Record {
        try await client.execute(uri: "/api/records?name=ru.txt", method: .post, body: ByteBuffer(text)) {
            try JSONDecoder().decode(Record.self, from: Data($0.text.utf8))
        }
    }

    /// An organization added through the API is found in the next document, without a restart.
    @Test func addedOrganizationIsFoundInTheNextDocument() async throws {
        let configuration = try Fixture.configuration()
        try await Fixture.test(configuration) { client in
            #expect(!organizations(try await record(client, Fixture.russianRelease)).contains("Тундук Техно"))
            let json =
                #"{"id": "tunduk-tehno", "kind": "company", "country": "KG", "ru": "Тундук Техно", "acronym_ru": "ТТ"}"#
            try await client.execute(uri: "/api/glossary/organizations", method: .post, body: ByteBuffer(json)) {
                #expect($0.status == .forbidden, "no token")
            }
            try await client.execute(
                uri: "/api/glossary/organizations", method: .post, headers: [Self.tokenHeader: Fixture.token],
                body: ByteBuffer(json)
            ) {
                #expect($0.status == .created)
            }
            #expect(organizations(try await record(client, Fixture.russianRelease)).contains("Тундук Техно"))
            let file = try String(contentsOfFile: configuration.glossaries + "/organizations.tsv", encoding: .utf8)
            #expect(file.hasSuffix("tunduk-tehno\tcompany\tKG\t\tТундук Техно\t\t\tТТ\t\n"))
            #expect(
                GlossaryCheck.run(directory: configuration.glossaries).allSatisfy {
                    if case .success = $0.result { true } else { false }
                })
        }
    }

    @Test func invalidAdditionsAreRefusedWithFileAndColumn() async throws {
        let configuration = try Fixture.configuration()
        let before = try String(contentsOfFile: configuration.glossaries + "/places.tsv", encoding: .utf8)
        try await Fixture.test(configuration) { client in
            let cases: [(String, String, String)] = [
                (
                    "places",
                    #"{"id": "Kara Balta", "canonical": "Kara-Balta", "kind": "city", "country": "KG", "ru": "Кара-Балта2"}"#,
                    "places.tsv, column id"
                ),
                (
                    "places",
                    #"{"id": "bishkek-2", "canonical": "Bishkek Two", "kind": "city", "country": "KG", "ky": "Бишкек"}"#,
                    "places.tsv, column ky: «Бишкек» is already listed"
                ),
                (
                    "places",
                    #"{"id": "new-town", "canonical": "New Town", "kind": "town", "country": "KG", "ky": "Жаңы Шаар"}"#,
                    "places.tsv, column kind"
                ),
                (
                    "places",
                    #"{"id": "new-town", "canonical": "New Town", "kind": "city", "country": "KG", "ky": "Жаңы\tШаар"}"#,
                    "control character"
                ),
                (
                    "places",
                    #"{"id": "new-town", "canonical": "New Town", "kind": "city", "country": "KG", "parent": "nowhere", "ky": "Жаңы Шаар"}"#,
                    "parent `nowhere` is not an id"
                ),
                ("places", #"{"file": "../../etc/passwd"}"#, "there is no column `file`"),
                (
                    "persons", #"{"name": "Айбек", "sex": "m", "origin": "ky"}"#,
                    "given-names.tsv, column name: «Айбек» is already listed"
                ),
                ("persons", #"{"name": "Тумарбүбү", "sex": "x", "origin": "ky"}"#, "given-names.tsv, column sex"),
            ]
            for (kind, json, message) in cases {
                try await client.execute(
                    uri: "/api/glossary/\(kind)", method: .post, headers: [Self.tokenHeader: Fixture.token],
                    body: ByteBuffer(json)
                ) {
                    #expect($0.status == .badRequest, "\(json)")
                    #expect($0.text.contains(message), "\($0.text)")
                }
            }
            try await client.execute(
                uri: "/api/glossary/..%2Fplaces", method: .post, headers: [Self.tokenHeader: Fixture.token],
                body: ByteBuffer("{}")
            ) {
                #expect($0.status == .notFound)
            }
        }
        #expect(
            try String(contentsOfFile: configuration.glossaries + "/places.tsv", encoding: .utf8) == before,
            "nothing written")
    }

    /// Concurrent additions are serialized: every row is in the file.
    @Test func concurrentAdditionsAreAllKept() async throws {
        let directory = try Fixture.glossaries()
        let editor = GlossaryEditor(directory: directory)
        let known = try Glossaries.load(from: directory)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<12 {
                group.addTask {
                    _ = try await editor.add(
                        .organizations, fields: ["id": "test-org-\(n)", "kind": "ngo", "ru": "Фонд Проверки \(n)"],
                        known: known)
                }
            }
            try await group.waitForAll()
        }
        let file = try String(contentsOfFile: directory + "/organizations.tsv", encoding: .utf8)
        for n in 0..<12 { #expect(file.contains("test-org-\(n)\tngo\t\t\tФонд Проверки \(n)\t")) }
        #expect(await editor.changes.count == 12)
    }

    /// The page's teach form adds a person's role and a place, the document is processed again,
    /// and undo takes the change back.
    @Test func teachFromThePageThenUndo() async throws {
        let configuration = try Fixture.configuration()
        let text = "Бишкек, 3-март 2025-жыл.\n\nЖыйынга Сары-Таштак жергесинен он дыйкан келди."
        try await Fixture.test(configuration) { client in
            let location = try await client.execute(
                uri: "/process", method: .post, headers: formHeaders, body: formBody([("text", text)])
            ) { $0.location ?? "" }
            let path = String(location.prefix { $0 != "?" })
            try await client.execute(
                uri: path + "/teach", method: .post, headers: formHeaders,
                body: formBody([("token", "wrong"), ("text", "Сары-Таштак"), ("kind", "place")])
            ) {
                #expect($0.status == .forbidden)
            }
            let form = [
                ("token", Fixture.token), ("text", "Сары-Таштак"), ("kind", "place"), ("name", "Sary-Tashtak"),
                ("placeKind", "village"), ("country", "kg"), ("textLanguage", "ky"),
            ]
            try await client.execute(
                uri: path + "/teach?lang=en", method: .post, headers: formHeaders, body: formBody(form)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("id=\"notice\">+ places: Sary-Tashtak · Сары-Таштак</p>"))
                #expect(response.text.contains("title=\"place: Sary-Tashtak, village, KG\">Сары-Таштак</mark>"))
                #expect(response.text.contains("action=\"/undo/1?lang=en\""))
            }
            let places = try String(contentsOfFile: configuration.glossaries + "/places.tsv", encoding: .utf8)
            #expect(places.hasSuffix("sary-tashtak\tSary-Tashtak\tvillage\tKG\t\tСары-Таштак\t\t\n"))
            try await client.execute(
                uri: "/undo/1", method: .post, headers: formHeaders,
                body: formBody([("token", Fixture.token), ("back", location)])
            ) {
                #expect($0.status == .seeOther)
                #expect($0.location == location)
            }
            #expect(
                !(try String(contentsOfFile: configuration.glossaries + "/places.tsv", encoding: .utf8)).contains(
                    "sary-tashtak"))
            try await client.execute(uri: location, method: .get) { response in
                #expect(!response.text.contains("Sary-Tashtak"), "processed again without the place")
                #expect(!response.text.contains("id=\"changes\""))
            }
        }
    }

    @Test func removingAnEntityChangesTheShownRecordOnly() async throws {
        try await Fixture.test(try Fixture.configuration()) { client in
            let location = try await client.execute(
                uri: "/process", method: .post, headers: formHeaders,
                body: formBody([("text", Fixture.russianRelease)])
            ) { $0.location ?? "" }
            let path = String(location.prefix { $0 != "?" })
            let key = path.split(separator: "/")[1]
            let before = try await client.execute(uri: "/json/\(key)/0", method: .get) {
                try JSONDecoder().decode(Record.self, from: Data($0.text.utf8))
            }
            try await client.execute(
                uri: path + "/remove/0", method: .post, headers: formHeaders, body: formBody([("token", Fixture.token)])
            ) {
                #expect($0.status == .seeOther)
            }
            let after = try await client.execute(uri: "/json/\(key)/0", method: .get) {
                try JSONDecoder().decode(Record.self, from: Data($0.text.utf8))
            }
            #expect(after.entities.count == before.entities.count - 1)
            #expect(after.entities.first == before.entities[1])
        }
    }
}
