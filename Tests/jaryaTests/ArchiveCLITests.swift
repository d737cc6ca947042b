import Foundation
import Testing

@Suite("jarya index, search, export")
struct ArchiveCLITests {
    @Test("jarya index corpus then search --place Bishkek --from 2022-01-01 --format json")
    func indexThenSearch() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-archive-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("archive.sqlite").path

        let index = try Jarya.run(["index", "corpus", "--db", db])
        #expect(index.status == 0, "\(index.err)")
        #expect(FileManager.default.fileExists(atPath: db))

        let search = try Jarya.run(["search", "--place", "Bishkek", "--from", "2022-01-01", "--format", "json", "--db", db])
        #expect(search.status == 0, "\(search.err)")
        let names = try search.lines.map { line -> String in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let path = try #require(object["path"] as? String)
            return URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        }
        #expect(Set(names) == ["ky07_bishkek_energy_round_table", "kyru01_bishkek_green_youth_forum",
                               "ru01_bishkek_glacier_atlas", "ru05_bishkek_nooruz_food_festival",
                               "ru07_bishkek_energy_round_table"])
        #expect(names.count == 5)

        // The Kyrgyz locative gives the same table.
        let english = try Jarya.run(["search", "--place", "Bishkek", "--from", "2022-01-01", "--db", db])
        let kyrgyz = try Jarya.run(["search", "--place", "Бишкекте", "--from", "2022-01-01", "--db", db])
        #expect(english.out == kyrgyz.out && english.lines.count == 6)

        // Exports from the archive.
        let ics = dir.appendingPathComponent("events.ics").path
        let export = try Jarya.run(["export", "--ics", "--db", db, "--out", ics])
        #expect(export.status == 0, "\(export.err)")
        let calendar = try String(contentsOfFile: ics, encoding: .utf8)
        #expect(calendar.hasPrefix("BEGIN:VCALENDAR\r\n"))
        let csv = try Jarya.run(["export", "--csv", "--db", db])
        #expect(csv.out.hasPrefix("id,path,language,kind,title,start,end,time,places,organizers,funders,published\r\n"))

        // No archive: exit 66, nothing created.
        let missing = dir.appendingPathComponent("none.sqlite").path
        #expect(try Jarya.run(["search", "--db", missing]).status == 66)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
