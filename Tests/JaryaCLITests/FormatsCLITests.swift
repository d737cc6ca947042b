import Foundation
import Jarya
import Testing
import ZIPFoundation

/// `jarya process` on a folder of HTML, Word and legacy-encoded files, with broken ones among them.
@Suite("jarya process: formats and encodings", .serialized)
struct FormatsCLITests {
    static let release = """
        В Оше пройдет региональный форум фермеров

        Ош, 12 марта 2024 г. - С 15 по 17 апреля 2024 года в Оше пройдет региональный форум фермеров "Агро-Юг 2024". Организатором выступает Министерство сельского хозяйства Кыргызской Республики.

        "Мы хотим показать фермерам современные методы орошения", - сказал заместитель министра сельского хозяйства Бакыт Токтосунов.

        Контакты: www.agro.gov.kg, тел.: 0 (3222) 5-48-61, e-mail: agro.forum@agro.gov.kg

        """

    static func zip(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(try #require(archive.data))
    }

    static let ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func docx(_ text: String) throws -> [UInt8] {
        let paragraphs = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map {
            "<w:p><w:r><w:t>\($0.trimmingCharacters(in: .newlines).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</w:t></w:r></w:p>"
        }
        let xml =
            #"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="\#(ns)"><w:body>\#(paragraphs.joined())</w:body></w:document>"#
        return try zip([("[Content_Types].xml", Array("<Types/>".utf8)), ("word/document.xml", Array(xml.utf8))])
    }

    static func html(_ text: String) -> String {
        let body = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { "<p>\($0)</p>" }.joined(
            separator: "\n")
        return """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><script>alert(1)</script></head>
            <body><nav><a href="/">Главная</a> | <a href="/news">Новости</a></nav><div id="cookie-notice">Мы используем cookie</div>
            <article>\(body)</article><footer>Тел.: +996 555 00 00 00</footer></body></html>
            """
    }

    func folder() throws -> Folder {
        let f = try Folder()
        try f.write("in/ru.txt", Self.release)
        try f.write("in/ru-1251.txt", try TextDecoder.encode(Self.release, as: "windows-1251"))
        try f.write("in/ru-koi8.txt", try TextDecoder.encode(Self.release, as: "KOI8-R"))
        try f.write("in/ru.html", try TextDecoder.encode(Self.html(Self.release), as: "windows-1251"))
        try f.write("in/ru.docx", try Self.docx(Self.release))
        try f.write("in/ru.md", "# " + Self.release)
        // Broken inputs.
        let good = try Self.docx(Self.release)
        try f.write("in/bad/corrupt.docx", Array(good.prefix(good.count - 40)))
        let bomb =
            Array(#"<w:document xmlns:w="\#(Self.ns)"><w:body>"#.utf8) + [UInt8](repeating: 0x20, count: 50 << 20)
        try f.write("in/bad/bomb.docx", try Self.zip([("word/document.xml", bomb)]))
        try f.write(
            "in/bad/xxe.html",
            """
            <!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://127.0.0.1:9/x">]>
            <html><body><p>&secret; &remote;</p><p>В Оше 5 мая пройдет форум.</p></body></html>
            """)
        try f.write(
            "in/bad/scan.txt",
            [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [UInt8](repeating: 0, count: 300))
        return f
    }

    @Test(
        "a batch with a corrupt .docx, a zip bomb, an HTML external entity and a binary .txt: error records, the rest processed, exit 65"
    )
    func brokenAmongGood() throws {
        let f = try folder()
        defer { f.remove() }
        let result = try Jarya.run(["process", f.file("in"), "--out", f.file("out.jsonl"), "--jobs", "2"])
        #expect(result.status == 65, "\(result.err)")
        let all = try records(
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: f.file("out.jsonl"))), as: UTF8.self))
        #expect(all.count == 10)
        var byName: [String: [String: Any]] = [:]
        for r in all {
            let source = try #require(r["source"] as? [String: Any])
            let path = try #require(source["path"] as? String)
            byName[String(path.dropFirst(f.file("in").count + 1))] = r
        }
        let errors: [String: String] = [
            "bad/corrupt.docx": "malformed", "bad/bomb.docx": "malformed", "bad/xxe.html": "malformed",
            "bad/scan.txt": "binary",
        ]
        for (name, code) in errors {
            let error = try #require(byName[name]?["error"] as? [String: Any], "\(name) has no error")
            #expect(error["code"] as? String == code, "\(name)")
            #expect((error["message"] as? String)?.hasPrefix(f.file("in/\(name)") + ": ") == true)
            #expect(result.err.contains(name))
        }
        let written = String(decoding: try Data(contentsOf: URL(fileURLWithPath: f.file("out.jsonl"))), as: UTF8.self)
        #expect(!result.err.contains("root:") && !written.contains("root:x:0"))
        let formats: [String: (String, String)] = [
            "ru.txt": ("txt", "UTF-8"), "ru-1251.txt": ("txt", "windows-1251"), "ru-koi8.txt": ("txt", "KOI8-R"),
            "ru.html": ("html", "windows-1251"), "ru.docx": ("docx", "UTF-8"), "ru.md": ("md", "UTF-8"),
        ]
        var entitySets: [String: [String]] = [:]
        for (name, (format, encoding)) in formats {
            let r = try #require(byName[name], "\(name)")
            #expect(r["error"] == nil || r["error"] is NSNull, "\(name): \(String(describing: r["error"]))")
            let source = try #require(r["source"] as? [String: Any])
            #expect(source["format"] as? String == format, "\(name)")
            #expect(source["encoding"] as? String == encoding, "\(name)")
            let entities = try #require(r["entities"] as? [[String: Any]])
            entitySets[name] = entities.map { e in
                "\(e["type"]!)|\(e["text"]!)|\(e["name"] ?? e["value"] ?? e["start"] ?? "")"
            }
        }
        let base = try #require(entitySets["ru.txt"])
        #expect(base.contains { $0.hasPrefix("phone|0 (3222) 5-48-61|+996322254861") })
        #expect(!base.contains { $0.contains("+996555") })
        for (name, set) in entitySets { #expect(set == base, "\(name)") }
    }

    @Test("--encoding overrides detection; an unknown name is a usage error (64)")
    func encodingOption() throws {
        let f = try folder()
        defer { f.remove() }
        let koi = try Jarya.run(["process", f.file("in/ru-koi8.txt"), "--encoding", "koi8-r"])
        #expect(koi.status == 0, "\(koi.err)")
        let record = try #require(try records(koi.out).first)
        #expect((record["source"] as? [String: Any])?["encoding"] as? String == "KOI8-R")
        #expect((record["warnings"] as? [Any])?.isEmpty == true)
        #expect((record["text"] as? String)?.contains("В Оше пройдет") == true)

        let cp = try Jarya.run(["process", f.file("in/ru-1251.txt"), "--encoding", "cp1251"])
        #expect(((try records(cp.out).first?["source"]) as? [String: Any])?["encoding"] as? String == "windows-1251")

        let unknown = try Jarya.run(["process", f.file("in/ru.txt"), "--encoding", "klingon-8"])
        #expect(unknown.status == 64)
        #expect(unknown.err.contains("unknown charset 'klingon-8'"), "\(unknown.err)")
        #expect(unknown.out.isEmpty)
    }
}
