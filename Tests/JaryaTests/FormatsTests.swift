import Foundation
@testable import Jarya
import Testing
import ZIPFoundation

/// Two releases written for these tests, each with a date range, places, an organization, a
/// person with a role, a phone, an e-mail and a URL. The Russian one uses only characters that
/// windows-1251 and KOI8-R both have (no «», no dashes); the Kyrgyz one has ө ү ң, which
/// windows-1251 lacks, so it is not written in that charset (its HTML page uses &#1257; etc.).
enum FormatReleases {
    static let kyrgyz = """
        Бишкекте жаштардын санариптик форуму өтөт

        Бишкек, 14.03.2024. /Кабар/. 2024-жылдын 2-апрелинен 4-апрелине чейин Бишкекте «Санариптик жаштар 2024» аттуу эл аралык форум өтөт. Форумду Кыргыз Республикасынын Санариптик өнүктүрүү министрлиги уюштурууда.

        Форумга Казакстандын, Өзбекстандын жана Тажикстандын эксперттери, ошондой эле Ош облусунун жаштары катышат.

        Министрликтин басма сөз катчысы Нурлан АБДЫРАЕВ белгилегендей, форумга 300дөн ашык жаш катышат. «Жаштар санариптик көндүмдөрдү үйрөнүшү керек», – деди ал.

        Форумдун акыркы күнү мыкты долбоорлордун авторлору сыйланат.

        Байланыш: www.digital.gov.kg | тел.: +996 312 62 15 19 | e-mail: forum@digital.gov.kg

        """

    static let russian = """
        В Оше пройдет региональный форум фермеров

        Ош, 12 марта 2024 г. - С 15 по 17 апреля 2024 года в Оше пройдет региональный форум фермеров "Агро-Юг 2024". Организатором выступает Министерство сельского хозяйства Кыргызской Республики.

        В форуме примут участие более 200 фермеров из Ошской, Джалал-Абадской и Баткенской областей, а также эксперты из Казахстана и Узбекистана.

        "Мы хотим показать фермерам современные методы орошения", - сказал заместитель министра сельского хозяйства Бакыт Токтосунов.

        Во второй день участники посетят опытные поля в Кара-Суйском районе.

        Контакты: www.agro.gov.kg | тел.: 0 (3222) 5-48-61 | e-mail: agro.forum@agro.gov.kg

        """

    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty
        }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }

    /// A page as a website serves it: menus, header, footer, scripts, a cookie banner, a sidebar
    /// with another phone number; the release in an <article>, its contacts in a table row.
    static func html(_ text: String, charset: String) -> String {
        let p = paragraphs(text)
        let cells = p.last!.components(separatedBy: " | ")
        let body =
            ["<h1>\(escape(p[0]))</h1>"]
            + p.dropFirst().dropLast().map { "<p>\n    \(escape($0))\n  </p>" }
            + ["<table class=\"contacts\"><tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr></table>"]
        return """
            <!DOCTYPE html>
            <html lang="ky"><head><meta charset=\(charset)><title>Жаңылыктар | Министрлик</title>
            <script>var banner = "<p>Скрипт: +996 700 00 00 00</p>";</script><style>p { margin: 0 }</style></head>
            <body class="page has-sidebar">
            <header class="site-header"><div class="logo">Министрлик</div>
              <nav><ul><li><a href="/">Башкы бет</a></li><li><a href="/news">Жаңылыктар</a></li><li><a href="/contacts">Байланыш</a></li></ul></nav></header>
            <div class="cookie-banner">Сайт cookie файлдарын колдонот. <button>Макул</button></div>
            <div class="breadcrumbs"><a href="/">Главная</a> &raquo; Новости</div>
            <ul class="main-menu"><li>Министрлик жөнүндө</li><li>Документтер</li></ul>
            <main><article class="post">
            \(body.joined(separator: "\n"))
            <div class="share-buttons">Бөлүшүү: Facebook Telegram</div>
            </article>
            <aside class="sidebar"><h3>Башка жаңылыктар</h3><p>Ош шаарында 5-майда концерт болот. Тел.: +996 555 12 34 56</p></aside>
            </main>
            <footer><p>&copy; 2024 Министрлик. info@example.kg, www.example.kg</p></footer>
            <script>console.log("x")</script>
            </body></html>
            """
    }

    /// Bytes of `page` in windows-1251, with characters it lacks (ө ү ң) as numeric references.
    static func windows1251Page(_ page: String) throws -> [UInt8] {
        var escaped = ""
        for scalar in page.unicodeScalars {
            if "өүңӨҮҢ".unicodeScalars.contains(scalar) {
                escaped += "&#\(scalar.value);"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return try TextDecoder.encode(escaped, as: "windows-1251")
    }

    static func markdown(_ text: String) -> String {
        let p = paragraphs(text)
        let middle = p.dropFirst().dropLast().map {
            $0.replacingOccurrences(of: "«", with: "**«").replacingOccurrences(of: "»", with: "»**")
        }
        return (["# " + p[0]] + middle + [p.last!]).joined(separator: "\n\n") + "\n"
    }

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// word/document.xml: one paragraph per paragraph (the title in runs with formatting), the
    /// contacts as a table row.
    static func documentXML(_ text: String) -> String {
        let p = paragraphs(text)
        let cells = p.last!.components(separatedBy: " | ")
        let words = p[0].split(separator: " ", maxSplits: 1).map(String.init)
        var body =
            #"<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">\#(escape(words[0])) </w:t></w:r><w:r><w:t>\#(escape(words[1]))</w:t></w:r></w:p>"#
        body += "<w:p/>"
        for para in p.dropFirst().dropLast() {
            body += #"<w:p><w:r><w:t xml:space="preserve">\#(escape(para))</w:t></w:r></w:p>"#
        }
        body +=
            "<w:tbl><w:tblPr/><w:tr>"
            + cells.map { "<w:tc><w:p><w:r><w:t>\(escape($0))</w:t></w:r></w:p></w:tc>" }.joined() + "</w:tr></w:tbl>"
        return
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="\#(wordNamespace)"><w:body>\#(body)<w:sectPr/></w:body></w:document>"#
    }

    static let contentTypes =
        #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#

    /// A ZIP archive (in memory) with these entries, deflated.
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

    static func docx(_ text: String) throws -> [UInt8] {
        try zip([
            ("[Content_Types].xml", Array(contentTypes.utf8)), ("word/document.xml", Array(documentXML(text).utf8)),
        ])
    }

    /// Every copy of both releases, by file name.
    static func tree() throws -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = []
        for (name, text) in [("ky", kyrgyz), ("ru", russian)] {
            files.append(("\(name)/utf8.txt", Array(text.utf8)))
            files.append(("\(name)/utf16le-bom.txt", [0xFF, 0xFE] + (try TextDecoder.encode(text, as: "UTF-16LE"))))
            files.append(("\(name)/utf16le.txt", try TextDecoder.encode(text, as: "UTF-16LE")))
            files.append(("\(name)/release.md", Array(markdown(text).utf8)))
            files.append(("\(name)/release.docx", try docx(text)))
            files.append(("\(name)/page.html", try windows1251Page(html(text, charset: "windows-1251"))))
            files.append(("\(name)/page-utf8.htm", Array(html(text, charset: "\"utf-8\"").utf8)))
        }
        files.append(("ru/cp1251.txt", try TextDecoder.encode(russian, as: "windows-1251")))
        files.append(("ru/koi8r.txt", try TextDecoder.encode(russian, as: "KOI8-R")))
        return files
    }

    /// The broken inputs of the batch: each must give an error record.
    static func broken() throws -> [(String, [UInt8])] {
        let good = try docx(russian)
        // A 50 MB document of spaces deflates to about 50 KB: refused from its declared size.
        let spaces = [UInt8](repeating: 0x20, count: 50 << 20)
        let bomb = try zip([
            ("[Content_Types].xml", Array(contentTypes.utf8)),
            ("word/document.xml", Array(#"<w:document xmlns:w="\#(wordNamespace)"><w:body>"#.utf8) + spaces),
        ])
        let xxe = """
            <!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <html><head><meta charset="utf-8"></head><body><p>Секрет: &x;</p><p>В Оше 5 мая пройдет форум.</p></body></html>
            """
        var binary: [UInt8] = Array("JFIF".utf8)
        for i in 0..<4096 { binary.append(UInt8(truncatingIfNeeded: i &* 31)) }
        return [
            ("bad/corrupt.docx", Array(good.prefix(good.count / 2))),
            ("bad/bomb.docx", bomb),
            ("bad/xxe.html", Array(xxe.utf8)),
            ("bad/scan.txt", binary),
        ]
    }

    static func write(_ files: [(String, [UInt8])], under root: URL) throws {
        for (name, bytes) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }
}

/// What must not change between copies of a release: each entity's type, text and value/name.
func entityKeys(_ record: RecordLine) -> [String] {
    (record.record?.entities ?? []).map {
        "\($0.type)|\($0.text)|\($0.name ?? $0.contact ?? $0.start ?? "")|\($0.end ?? "")|\($0.role ?? "")"
    }
}

@Suite("formats and encodings")
final class FormatsTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-formats-\(UUID().uuidString)")
        try FormatReleases.write(try FormatReleases.tree(), under: root)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func process(_ name: String, encoding: String? = nil) -> (RecordLine, Jarya.ExitStatus) {
        Processor(glossaries: .forTests, encoding: encoding).process(.file(root.appendingPathComponent(name).path))
    }

    @Test("folders pick up .html, .htm and .docx; the format comes from the extension")
    func formats() {
        #expect(DocumentFormat(path: "a/b.HTML") == .html)
        #expect(DocumentFormat(path: "b.htm") == .html)
        #expect(DocumentFormat(path: "c.docx") == .docx)
        #expect(DocumentFormat(path: "d.markdown") == .md)
        #expect(DocumentFormat(path: "e") == .txt)
        let files = InputCollector.folderFiles(root.path).map { String($0.dropFirst(root.path.count + 1)) }
        #expect(
            files.contains("ky/release.docx") && files.contains("ky/page.html") && files.contains("ky/page-utf8.htm"))
        #expect(files.count == 16)
    }

    @Test("every copy of a release gives the entities of its UTF-8 .txt", arguments: ["ky", "ru"])
    func sameEntities(_ language: String) throws {
        let (base, status) = process("\(language)/utf8.txt")
        #expect(status == .ok)
        let keys = entityKeys(base)
        let types = Set((base.record?.entities ?? []).map { $0.type })
        // The releases exercise every kind of entity the records report.
        #expect(types == Set(EntityType.allCases), "\(types)")
        var copies: [(String, String, String)] = [
            ("utf16le-bom.txt", "txt", "UTF-16LE"), ("utf16le.txt", "txt", "UTF-16LE"), ("release.md", "md", "UTF-8"),
            ("release.docx", "docx", "UTF-8"), ("page.html", "html", "windows-1251"),
            ("page-utf8.htm", "html", "UTF-8"),
        ]
        if language == "ru" { copies += [("cp1251.txt", "txt", "windows-1251"), ("koi8r.txt", "txt", "KOI8-R")] }
        for (file, format, encoding) in copies {
            let (record, status) = process("\(language)/\(file)")
            #expect(record.error == nil, "\(file): \(record.error?.message ?? "")")
            #expect(status == .ok)
            #expect(record.source.format == format, "\(file)")
            #expect(record.source.encoding == encoding, "\(file)")
            #expect(entityKeys(record) == keys, "\(file)")
            #expect(
                record.record?.event?.start == base.record?.event?.start
                    && record.record?.event?.end == base.record?.event?.end, "\(file)")
        }
        // Text files, the page and the Word file give exactly the same text, hence the same id.
        for file in ["utf16le.txt", "release.docx", "page.html"] {
            #expect(process("\(language)/\(file)").0.record?.id == base.record?.id, "\(file)")
        }
    }

    @Test("HTML: navigation noise, scripts and the sidebar stay out; entities and <meta charset> are honoured")
    func htmlNoise() throws {
        let (record, _) = process("ky/page.html")
        let text = record.record?.text ?? ""
        for noise in [
            "Башкы бет", "cookie", "Скрипт", "Бөлүшүү", "Башка жаңылыктар", "+996 555", "Главная", "©",
            "Министрлик жөнүндө",
        ] {
            #expect(!text.contains(noise), "\(noise)")
        }
        #expect(text.hasPrefix("Бишкекте жаштардын санариптик форуму өтөт\n\nБишкек, 14.03.2024."))
        #expect(text.contains("Байланыш: www.digital.gov.kg | тел.: +996 312 62 15 19 | e-mail: forum@digital.gov.kg"))
    }

    @Test("--encoding overrides detection; a wrong one gives another text")
    func encodingOverride() throws {
        let (koi, _) = process("ru/koi8r.txt", encoding: "koi8-r")
        #expect(koi.source.encoding == "KOI8-R")
        #expect(koi.record?.warnings.isEmpty == true)
        #expect(entityKeys(koi) == entityKeys(process("ru/utf8.txt").0))
        let (wrong, _) = process("ru/koi8r.txt", encoding: "windows-1251")
        #expect(wrong.source.encoding == "windows-1251")
        let wrongText = try #require(wrong.record?.text)
        #expect(!wrongText.contains("Оше"))
        // The page declares windows-1251; the override wins.
        let (page, _) = process("ky/page-utf8.htm", encoding: "UTF-8")
        #expect(page.source.encoding == "UTF-8")
        #expect(TextDecoder.canonicalCharset("cp1251") == "windows-1251")
        #expect(TextDecoder.canonicalCharset("cp866") == "IBM866")
        #expect(TextDecoder.canonicalCharset("no-such-charset") == nil)
        #expect(TextDecoder.canonicalCharset("") == nil)
        #expect(throws: (any Error).self) { try TextDecoder.encode("ң", as: "windows-1251") }
        #expect(try TextDecoder.encode("Ош", as: "IBM866") == [0x8E, 0xE8])
    }

    @Test("a corrupt .docx, a zip bomb, an HTML external entity and a binary .txt each give an error record")
    func brokenInputs() throws {
        try FormatReleases.write(try FormatReleases.broken(), under: root)
        #expect(try Data(contentsOf: root.appendingPathComponent("bad/bomb.docx")).count < 200_000)
        let expected: [String: (code: String, says: String)] = [
            "bad/corrupt.docx": ("malformed", "damaged"),
            "bad/bomb.docx": ("malformed", "zip bomb"),
            "bad/xxe.html": ("malformed", "ENTITY"),
            "bad/scan.txt": ("binary", "not a text file"),
        ]
        for (file, want) in expected {
            let (record, status) = process(file)
            let error = try #require(record.error, "\(file) gave no error")
            #expect(error.code == want.code, "\(file)")
            #expect(error.message.contains(want.says), "\(file): \(error.message)")
            #expect(!error.message.contains("root:"), "\(file)")
            #expect(status == .dataError)
            #expect(record.record == nil)
        }
    }

    @Test("zip bomb limits: too many entries, a high ratio, more bytes than declared")
    func zipLimits() throws {
        let ns = FormatReleases.wordNamespace
        // 2 MB of empty paragraphs compress far more than 100:1.
        let ratio = try FormatReleases.zip([
            (
                "word/document.xml",
                Array(#"<w:document xmlns:w="\#(ns)"><w:body>"#.utf8)
                    + Array(String(repeating: "<w:p/>", count: 350_000).utf8) + Array("</w:body></w:document>".utf8)
            )
        ])
        // More than 10,000 entries (empty ones keep it small).
        let many = try FormatReleases.zip(
            (0...10_000).map { ("f\($0)", []) } + [
                ("word/document.xml", Array(FormatReleases.documentXML(FormatReleases.russian).utf8))
            ])
        // A document whose headers declare 1,000 bytes but which inflates to 600 KB.
        let big =
            Array(#"<w:document xmlns:w="\#(ns)"><w:body>"#.utf8)
            + Array(String(repeating: "<w:p><w:r><w:t>a</w:t></w:r></w:p>", count: 20_000).utf8)
            + Array("</w:body></w:document>".utf8)
        var liar = try FormatReleases.zip([("word/document.xml", big)])
        let real = withUnsafeBytes(of: UInt32(big.count).littleEndian, Array.init)
        let fake = withUnsafeBytes(of: UInt32(1000).littleEndian, Array.init)
        var patched = 0
        for (signature, offset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 22), ([0x50, 0x4B, 0x01, 0x02], 24)] {
            for i in 0..<(liar.count - 30)
            where Array(liar[i..<i + 4]) == signature && Array(liar[(i + offset)..<(i + offset + 4)]) == real {
                liar.replaceSubrange((i + offset)..<(i + offset + 4), with: fake)
                patched += 1
                break
            }
        }
        #expect(patched == 2)
        try FormatReleases.write([("z/ratio.docx", ratio), ("z/many.docx", many), ("z/liar.docx", liar)], under: root)
        for (file, says) in [
            ("z/ratio.docx", "more than 100:1"), ("z/many.docx", "more than 10000 entries"),
            ("z/liar.docx", "more than the 1000 bytes"),
        ] {
            let (record, _) = process(file)
            #expect(record.error?.code == "malformed", "\(file)")
            #expect(record.error?.message.contains(says) == true, "\(file): \(record.error?.message ?? "no error")")
        }
    }

    @Test("ZIP offsets and sizes past the end of the file are malformed, never a trap")
    func zipOffsetsOutside() throws {
        // An end record whose one-entry directory starts at 256, in a 22-byte file.
        let tiny: [UInt8] = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0, 0x2E, 0, 0, 0, 0, 1, 0, 0, 0, 0]
        let good = try FormatReleases.docx(FormatReleases.kyrgyz)
        let end = try #require(ZIPLayout.endRecordOffset(good))
        func patched(_ offset: Int, _ value: UInt32) -> [UInt8] {
            var copy = good
            copy.replaceSubrange(offset..<offset + 4, with: withUnsafeBytes(of: value.littleEndian, Array.init))
            return copy
        }
        let directory = Int(good[end + 16]) | Int(good[end + 17]) << 8 | Int(good[end + 18]) << 16
        let cases: [(String, [UInt8])] = [
            ("o/tiny.docx", tiny),
            ("o/directory-outside.docx", patched(end + 16, UInt32(good.count + 10))),
            ("o/directory-too-long.docx", patched(end + 12, 0x7FFF_0000)),
            ("o/local-outside.docx", patched(directory + 42, UInt32(good.count - 4))),
            ("o/data-too-long.docx", patched(directory + 20, 0x00FF_FFFF)),
            ("o/cut-in-directory.docx", Array(good.prefix(directory + 30)) + Array(good.suffix(22))),
        ]
        try FormatReleases.write(cases, under: root)
        for (file, _) in cases {
            let (record, status) = process(file)
            #expect(record.error?.code == "malformed", "\(file): \(record.error?.message ?? "no error")")
            #expect(status == .dataError)
        }
        #expect(process("o/tiny.docx").0.error?.message.contains("outside the file") == true)
    }

    @Test(
        "a deflated word/document.xml is read from its own bytes only: a stream cut short or sized 0 is malformed, not a hang",
        arguments: [0, 40])
    func deflateEndsInsideItsData(compressedSize: UInt32) throws {
        // The fuzzer's hang: ZIPFoundation inflated from the file until the stream ended, past the
        // entry's data and then forever at the end of the file.
        let good = try FormatReleases.docx(FormatReleases.russian)
        let name = Array("word/document.xml".utf8)
        var cut = good
        var patched = 0
        // The compressed size in the local header (offset 18, name at 30) and in the directory (20, name at 46).
        for (signature, sizeAt, nameLengthAt, nameAt) in [
            ([0x50, 0x4B, 0x03, 0x04] as [UInt8], 18, 26, 30), ([0x50, 0x4B, 0x01, 0x02], 20, 28, 46),
        ] {
            for i in 0..<(cut.count - nameAt) where Array(cut[i..<i + 4]) == signature {
                let length = Int(cut[i + nameLengthAt]) | Int(cut[i + nameLengthAt + 1]) << 8
                guard i + nameAt + length <= cut.count, Array(cut[(i + nameAt)..<(i + nameAt + length)]) == name else {
                    continue
                }
                cut.replaceSubrange(
                    (i + sizeAt)..<(i + sizeAt + 4), with: withUnsafeBytes(of: compressedSize.littleEndian, Array.init))
                patched += 1
            }
        }
        #expect(patched == 2)
        let file = "d/cut-\(compressedSize).docx"
        try FormatReleases.write([(file, cut)], under: root)
        let (record, status) = process(file)
        #expect(record.error?.code == "malformed")
        #expect(
            record.error?.message.contains("this .docx file is damaged") == true,
            "\(record.error?.message ?? "no error")")
        #expect(status == .dataError)
    }

    @Test("random byte changes to a good .docx give a record or an error record, never a trap")
    func mutatedDOCX() throws {
        let good = try FormatReleases.docx(FormatReleases.russian)
        var generator = SeededGenerator(seed: 14)
        var outcomes: [String: Int] = [:]
        for _ in 0..<600 {
            var bytes = good
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                let at = Int(generator.next() % UInt64(bytes.count))
                bytes[at] = UInt8(truncatingIfNeeded: generator.next())
            }
            do {
                _ = try DOCXDocument.text(bytes)
                outcomes["text", default: 0] += 1
            } catch let error as InputError {
                outcomes[error.code.rawValue, default: 0] += 1
            }
        }
        #expect(outcomes.values.reduce(0, +) == 600)
        #expect((outcomes["malformed"] ?? 0) > 0)
    }

    @Test("a .docx without word/document.xml, or an old .doc renamed, says so")
    func notWord() throws {
        let noDocument = try FormatReleases.zip([("[Content_Types].xml", Array(FormatReleases.contentTypes.utf8))])
        try FormatReleases.write(
            [
                ("n/empty.docx", noDocument),
                ("n/old.docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512)),
            ], under: root)
        #expect(process("n/empty.docx").0.error?.message.contains("no word/document.xml") == true)
        #expect(process("n/old.docx").0.error?.message.contains("Word 97") == true)
    }
}
