import Foundation
import Testing

/// Releases for the event commands: a Kyrgyz and a Russian file of one release, a bilingual
/// file, and a release with no event. Written for these tests.
enum EventReleases {
    static let kyrgyz = """
        Каракол шаарында туризм боюнча семинар өтөт
        Каракол, 02.04.24. /Кабар/. 2024-жылдын 16-17-апрелинде Каракол шаарында үй-бүлөлүк мейманканалардын ээлери үчүн семинар өтөт.
        Семинарды Ысык-Көл облустук туризм башкармалыгы уюштурат.
        Семинарга 60тан ашык ишкер катышат.
        Маалымат үчүн: +996 (3922) 5-20-47.

        """
    static let russian = """
        В Караколе пройдет семинар по туризму
        Каракол, 2 апреля 2024 года. 16-17 апреля 2024 года в Караколе пройдет семинар для владельцев семейных гостевых домов.
        Семинар организует управление туризма Иссык-Кульской области.
        В семинаре примут участие более 60 предпринимателей.
        Справки: +996 (3922) 5-20-47.

        """
    static let bilingual = """
        Талас шаарында тегерек стол өтөт
        Талас, 04.03.24. /Кабар/. 2024-жылдын 11-мартында Талас шаарында таза суу маселеси боюнча тегерек стол өтөт.
        Тегерек столду Талас шаардык мэриясы уюштурат.
        Иш-чарага 30дан ашык адам катышат.

        В Таласе пройдет круглый стол
        Талас, 4 марта 2024 года. 11 марта 2024 года в Таласе пройдет круглый стол по вопросам питьевой воды.
        Круглый стол организует мэрия города Талас.
        В мероприятии примут участие более 30 человек.

        """
    static let statistics = """
        Өлкөдө эт өндүрүшү өстү
        Бишкек, 18.07.24. /Кабар/. 2024-жылдын январь-июнь айларында өлкөдө 120 миң тонна эт өндүрүлгөн.
        2021-2023-жылдары эт өндүрүшү жыл сайын 2 пайызга өсүп келген.

        """
}

@Suite("jarya: events, translation links and the schema", .serialized)
struct EventCLITests {
    @Test("process DIR: the Kyrgyz and the Russian file of one release point at each other")
    func translationLinks() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/karakol_ky.txt", EventReleases.kyrgyz)
        try folder.write("in/karakol_ru.txt", EventReleases.russian)
        let r = try Jarya.run(["process", folder.file("in")])
        #expect(r.status == 0, "stderr: \(r.err)")
        let recs = try records(r.out)
        try #require(recs.count == 2)
        #expect(recs.map { $0["language"] as? String } == ["ky", "ru"])
        let ids = recs.map { $0["id"] as? String }
        #expect(ids[0] != nil && ids[1] != nil && ids[0] != ids[1])
        for (n, rec) in recs.enumerated() {
            let event = rec["event"] as? [String: Any]
            #expect(event?["start"] as? String == "2024-04-16")
            #expect(event?["end"] as? String == "2024-04-17")
            #expect(event?["places"] as? [String] == ["Karakol"])
            let related = try #require(rec["related"] as? [[String: Any]], "record \(n): \(rec["related"] ?? "nil")")
            #expect(related.count == 1)
            #expect(related.first?["id"] as? String == ids[1 - n])
            #expect(related.first?["relation"] as? String == "translation")
        }
    }

    /// `jarya schema`, parsed.
    static func schema() throws -> [String: Any] {
        let r = try Jarya.run(["schema"])
        #expect(r.status == 0, "stderr: \(r.err)")
        return try #require(
            try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any],
            "not a JSON object: \(r.out.prefix(200))")
    }

    @Test("jarya schema prints a JSON Schema, draft 2020-12")
    func schemaParses() throws {
        let schema = try Self.schema()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let defs = try #require(schema["$defs"] as? [String: Any])
        let record = try #require(defs["record"] as? [String: Any])
        let required = try #require(record["required"] as? [String])
        #expect(
            Set(required).isSuperset(of: [
                "schema", "id", "source", "language", "title", "published", "event", "entities", "text", "warnings",
            ]))
        #expect(record["additionalProperties"] as? Bool == false)
    }

    @Test("every record written for a small folder has exactly the schema's required keys of `record`")
    func recordsHaveTheRequiredKeys() throws {
        let schema = try Self.schema()
        let defs = try #require(schema["$defs"] as? [String: Any])
        let required = Set(try #require((defs["record"] as? [String: Any])?["required"] as? [String]))
        let properties = Set(try #require((defs["record"] as? [String: Any])?["properties"] as? [String: Any]).keys)
        #expect(required == properties)

        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/a_ky.txt", EventReleases.kyrgyz)
        try folder.write("in/b_ru.txt", EventReleases.russian)
        try folder.write("in/c_bilingual.txt", EventReleases.bilingual)
        try folder.write("in/d_statistics.txt", EventReleases.statistics)
        let r = try Jarya.run(["process", folder.file("in")])
        #expect(r.status == 0, "stderr: \(r.err)")
        let recs = try records(r.out)
        #expect(recs.count == 4)
        for rec in recs {
            let path = (rec["source"] as? [String: Any])?["path"] as? String ?? "?"
            #expect(
                Set(rec.keys) == required,
                "\(path): missing \(required.subtracting(rec.keys).sorted()), extra \(Set(rec.keys).subtracting(required).sorted())"
            )
        }
        #expect(recs.map { $0["language"] as? String } == ["ky", "ru", "ky+ru", "ky"])
        #expect(recs[3]["event"] is NSNull)
        // The event object has exactly its schema's required keys too.
        let eventKeys = Set(try #require((defs["event"] as? [String: Any])?["required"] as? [String]))
        for rec in recs.prefix(3) {
            let event = try #require(rec["event"] as? [String: Any])
            #expect(Set(event.keys) == eventKeys)
        }
    }
}
