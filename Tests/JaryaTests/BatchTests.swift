import Foundation
import Jarya
import Testing

/// A fresh temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init(_ name: String = #function) throws {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        path = NSTemporaryDirectory() + "jarya-tests-\(safe)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        let full = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: full, contents: Data(bytes)))
    }

    func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }

    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The four kinds of input the foundation issue names, as bytes.
enum BadInputs {
    static let good =
        "Ош шаарында жаштар форуму өтөт\nОш шаардык мэриясы 15-декабрда жаштар форумун өткөрөт. Кеңири маалымат www.osh.kg сайтында.\n"
    /// Kyrgyz text with two stray bytes: a lone continuation byte and a truncated sequence.
    static let invalidUTF8: [UInt8] =
        Array("Нарын облусунда жаңы мектеп ачылды. ".utf8) + [0xA0] + Array("Мектепке 300 окуучу барат, ".utf8) + [0xD2]
        + Array(" ата-энелер ыраазы.\n".utf8)
    /// A PNG header and some bytes: NULs make it binary whatever its name.
    static let binary: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00,
    ]
    static let empty: [UInt8] = []

    /// Writes a.txt (good), b.txt (invalid UTF-8), c.txt (binary), d.txt (empty).
    static func fill(_ folder: TemporaryFolder) throws {
        try folder.write("a.txt", good)
        try folder.write("b.txt", invalidUTF8)
        try folder.write("c.txt", binary)
        try folder.write("d.txt", empty)
    }
}

@Suite("Batch: inputs, bad input, exit status, atomic output")
struct BatchTests {
    @Test("a folder with a good, an invalid-UTF-8, a binary and an empty file gives four records and 65")
    func badInputFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try BadInputs.fill(folder)
        let inputs = InputCollector.collect([folder.path])
        #expect(inputs.map(\.path) == ["a.txt", "b.txt", "c.txt", "d.txt"].map { folder.path + "/" + $0 })

        let outPath = folder.path + "/records.jsonl"
        let output = try RecordOutput(path: outPath)
        let summary = try Batch(processor: .forTests).run(inputs, to: output)
        try output.commit()
        #expect(summary.documents == 4)
        #expect(summary.errors == 2)
        #expect(summary.status == .dataError)
        #expect(summary.status.rawValue == 65)

        let lines = try String(contentsOfFile: outPath, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4)
        let records = try lines.map { try JSONDecoder().decode(RecordLine.self, from: Data($0.utf8)) }
        #expect(records.map(\.source.path) == inputs.map(\.path))

        // a.txt: a clean record.
        let a = try #require(records[0].record)
        #expect(a.language == .kyrgyz)
        #expect(a.title == "Ош шаарында жаштар форуму өтөт")
        #expect(!a.warnings.contains { $0.contains("UTF-8") })
        #expect(a.entities.contains { $0.type == .url && $0.value == .contact(value: "https://www.osh.kg") })

        // b.txt: decoded with U+FFFD and a warning.
        let b = try #require(records[1].record)
        #expect(b.source.encoding == "UTF-8")
        #expect(b.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 2)
        #expect(b.text.hasPrefix("Нарын облусунда жаңы мектеп ачылды. \u{FFFD}Мектепке"))
        #expect(b.warnings.contains("invalid UTF-8: 2 malformed byte sequences replaced with U+FFFD"))

        // c.txt and d.txt: error records, in that order.
        #expect(records[2].error?.code == "binary")
        #expect(records[2].error?.message.contains("NUL") == true)
        #expect(records[2].source.bytes == BadInputs.binary.count)
        #expect(records[2].source.sha256 == RecordID.sha256Hex(BadInputs.binary))
        #expect(records[3].error?.code == "empty")
        #expect(records[3].source.bytes == 0)
        #expect(records[2].record == nil && records[3].record == nil)
    }

    @Test("a file of white space only is empty too")
    func whiteSpaceOnly() {
        let (record, status) = processFile("   \n\r\n\u{00A0}\t\n")
        #expect(record.error?.code == "empty")
        #expect(status == .dataError)
    }

    @Test("a missing path gives a missing record and 66, and outranks bad data")
    func missing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try BadInputs.fill(folder)
        let absent = folder.path + "/no-such-release.txt"
        let inputs = InputCollector.collect([absent])
        #expect(inputs == [.missing(absent)])
        let (record, status) = Processor.forTests.process(inputs[0])
        #expect(record.error?.code == "missing")
        #expect(status == .noInput)
        #expect(status.rawValue == 66)

        let output = try RecordOutput(path: folder.path + "/out.jsonl")
        defer { output.abort() }
        let summary = try Batch(processor: .forTests).run(InputCollector.collect([folder.path, absent]), to: output)
        #expect(summary.documents == 5)
        #expect(summary.status == .noInput)
    }

    @Test("standard input for no path or -")
    func standardInput() {
        #expect(InputCollector.collect([]) == [.standardInput])
        #expect(InputCollector.collect(["-"]) == [.standardInput])
        #expect(Input.standardInput.path == "-")
    }

    @Test("folders are walked recursively for .txt, .md, .html and .docx only, in sorted order, hidden files skipped")
    func folderWalk() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for name in [
            "b.txt", "a.md", "ru/c.TXT", "ky/2025/d.markdown", "notes.docx", "notes.doc", ".hidden.txt", "image.png",
            "e.txt.bak",
        ] {
            try folder.write(name, "Маалымат")
        }
        let paths = InputCollector.collect([folder.path + "/"]).map(\.path)
        #expect(
            paths == ["a.md", "b.txt", "ky/2025/d.markdown", "notes.docx", "ru/c.TXT"].map { folder.path + "/" + $0 })
    }

    @Test("RecordOutput writes atomically: nothing at the target before commit")
    func atomicCommit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let target = folder.path + "/records.jsonl"
        let output = try RecordOutput(path: target)
        try output.write(Data("{\"a\":1}\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: target))
        let pending = try folder.contents()
        #expect(pending.count == 1)
        #expect(pending.first?.hasPrefix(".records.jsonl.tmp-") == true)
        try output.write(Data("{\"b\":2}\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: target))
        try output.commit()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "{\"a\":1}\n{\"b\":2}\n")
        #expect(try folder.contents() == ["records.jsonl"])
    }

    @Test("commit replaces an existing file; abort leaves the old one and no temporary file")
    func abortKeepsOld() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let target = folder.path + "/records.jsonl"

        let first = try RecordOutput(path: target)
        try first.write(Data("old\n".utf8))
        first.abort()
        #expect(try folder.contents() == [])

        try folder.write("records.jsonl", "old\n")
        let second = try RecordOutput(path: target)
        try second.write(Data("new, half written".utf8))
        second.abort()
        #expect(try folder.contents() == ["records.jsonl"])
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")

        let third = try RecordOutput(path: target)
        try third.write(Data("new\n".utf8))
        try third.commit()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
        #expect(try folder.contents() == ["records.jsonl"])
    }

    @Test("RecordOutput into a folder that does not exist fails and creates nothing")
    func cannotCreate() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: OutputError.self) { try RecordOutput(path: folder.path + "/missing/records.jsonl") }
        #expect(try folder.contents() == [])
    }

    @Test("a .md file has its markup stripped")
    func markdown() throws {
        let md = """
            # Бишкекте **IT-форум** өтөт

            > Пресс-релиз

            Форум __20-декабрда__ өтөт. Каттоо [сайтта](https://forum.kg/register) жана `t.me/itforum` аркылуу.
            ![Логотип](logo.png)

            ---
            Байланыш: **info@forum.kg**
            """
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("release.md", md)
        let (result, status) = Processor.forTests.processDocument(.file(folder.path + "/release.md"))
        #expect(status == .ok)
        let doc = try result.get()
        #expect(doc.source.format == "md")
        #expect(
            doc.text.string == """
                Бишкекте IT-форум өтөт

                Пресс-релиз

                Форум 20-декабрда өтөт. Каттоо сайтта (https://forum.kg/register) жана t.me/itforum аркылуу.
                Логотип


                Байланыш: info@forum.kg
                """)
        #expect(doc.title == "Бишкекте IT-форум өтөт")
        let contacts = doc.entities.filter { [.url, .email].contains($0.kind) }.map(\.text)
        #expect(contacts == ["https://forum.kg/register", "t.me/itforum", "info@forum.kg"])
    }

    @Test(
        "legacy encodings are detected and reported in source.encoding",
        arguments: ["windows-1251", "UTF-16LE", "UTF-8 BOM"])
    func encodings(name: String) throws {
        let text =
            "Правительство утвердило программу развития сельского хозяйства. Фермеры получат льготные кредиты, а в каждой области откроются новые склады."
        let bytes: [UInt8]
        switch name {
        case "windows-1251":
            bytes = text.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : UInt8($0.value - 0x410 + 0xC0) }
        case "UTF-16LE":
            bytes = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        default:
            bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        }
        let (record, status) = processFile(bytes)
        #expect(status == .ok)
        #expect(record.record?.text == text)
        #expect(record.record?.language == .russian)
        #expect(record.source.encoding == (name == "UTF-8 BOM" ? "UTF-8" : name))
    }
}

/// Processes bytes written to a temporary .txt file.
func processFile(_ bytes: [UInt8], name: String = "release.txt") -> (RecordLine, Jarya.ExitStatus) {
    let folder = try! TemporaryFolder("processFile")
    defer { folder.remove() }
    try! folder.write(name, bytes)
    return Processor.forTests.process(.file(folder.path + "/" + name))
}

func processFile(_ text: String) -> (RecordLine, Jarya.ExitStatus) { processFile(Array(text.utf8)) }
