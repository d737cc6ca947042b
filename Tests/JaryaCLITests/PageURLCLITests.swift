import Foundation
import Testing

/// `jarya process --url URL` for one page and `.jsonl` input with a `url` per line (issue 11):
/// the page's address gives the published date its text leaves out.
@Suite("Page URLs (CLI)")
struct PageURLCLITests {
    static let kyrgyz = "Бишкекте көчө театрларынын фестивалы өтөт. Фестиваль 21-сентябрда ачылат.\n"
    static let russian = "В Оше пройдет фестиваль уличных театров. Открытие 21 сентября.\n"

    @Test("--url gives one file its address and its published date")
    func urlOption() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("page.txt", Self.kyrgyz)
        let r = try Jarya.run([
            "process", folder.file("page.txt"), "--url", "https://news.example.kg/2017/09/19/festival",
        ])
        #expect(r.status == 0, "stderr: \(r.err)")
        let rec = try #require(try records(r.out).first)
        #expect((rec["source"] as? [String: Any])?["url"] as? String == "https://news.example.kg/2017/09/19/festival")
        #expect(rec["published"] as? String == "2017-09-19")
        let bare = try #require(try records(try Jarya.run(["process", folder.file("page.txt")]).out).first)
        #expect((bare["source"] as? [String: Any])?["url"] == nil)
        #expect(bare["published"] is NSNull)
    }

    @Test("--url with a folder or a .jsonl file is a usage error")
    func urlNeedsOneFile() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.write("in/page.txt", Self.russian)
        try folder.write("pages.jsonl", "{\"text\": \"x\"}\n")
        for path in [folder.file("in"), folder.file("pages.jsonl")] {
            let r = try Jarya.run(["process", path, "--url", "https://example.kg/2017/09/19/x"])
            #expect(r.status == 64)
            #expect(r.err.contains("--url"))
        }
    }

    @Test(".jsonl input: one record per line, named by its path, dated by its url; a bad line is an error record")
    func jsonLinesInput() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let lines = [
            try String(
                decoding: JSONSerialization.data(withJSONObject: [
                    "path": "ky01.txt", "url": "https://example.kg/20170927/1035.html", "text": Self.kyrgyz,
                ]), as: UTF8.self),
            try String(
                decoding: JSONSerialization.data(withJSONObject: ["path": "ru01.txt", "text": Self.russian]),
                as: UTF8.self),
            "[1, 2]",
        ]
        try folder.write("pages.jsonl", lines.joined(separator: "\n") + "\n")
        let r = try Jarya.run(["process", folder.file("pages.jsonl")])
        #expect(r.status == 65)
        let recs = try records(r.out)
        #expect(
            recs.map { ($0["source"] as? [String: Any])?["path"] as? String } == [
                "ky01.txt", "ru01.txt", folder.file("pages.jsonl") + ":3",
            ])
        #expect(recs.map { $0["language"] as? String } == ["ky", "ru", nil])
        #expect(recs[0]["published"] as? String == "2017-09-27")
        #expect(recs[1]["published"] is NSNull)
        #expect((recs[2]["error"] as? [String: Any])?["code"] as? String == "malformed")
    }
}
