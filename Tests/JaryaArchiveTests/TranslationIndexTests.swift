import Foundation
import Jarya
@testable import JaryaArchive
import Testing

/// Releases written for these tests: a Kyrgyz and a Russian version of one seminar in Naryn
/// (same day, place and contacts: translations), and an unrelated Russian release.
enum NarynReleases {
    static let kyrgyz = """
        Нарында жаштар үчүн санариптик сабаттуулук боюнча семинар өтөт

        14.04.2025 | 09:15

        2025-жылдын 17-апрелинде саат 10:00дө Нарын шаарында жаштар үчүн санариптик сабаттуулук боюнча семинар өтөт. \
        Семинарды Нарын облустук жаштар борбору уюштурат.

        Семинарга облустун мектептеринин бүтүрүүчүлөрү жана студенттер катышат. Катышуучулар интернеттеги \
        алдамчылыктан сактанууну жана мамлекеттик онлайн кызматтарды колдонууну үйрөнүшөт.

        Маалымат үчүн: +996 3522 5 14 70, naryn.jashtar@example.kg
        """
    static let russian = """
        В Нарыне пройдет семинар по цифровой грамотности для молодежи

        14.04.2025 | 09:15

        17 апреля 2025 года в 10:00 в городе Нарын пройдет семинар по цифровой грамотности для молодежи. \
        Семинар организует Нарынский областной молодежный центр.

        В семинаре примут участие выпускники школ области и студенты. Участников научат защищаться от \
        мошенничества в интернете и пользоваться государственными онлайн-услугами.

        Справки: +996 3522 5 14 70, naryn.jashtar@example.kg
        """
    static let other = """
        В Оше откроется ярмарка ремесленников

        02.05.2025 | 11:40

        20 мая 2025 года в Оше откроется ярмарка народных ремесленников. Мастера из Баткенской и \
        Джалал-Абадской областей представят войлочные изделия и керамику.

        Справки: +996 3222 5 50 12
        """

    /// A new folder holding the three releases.
    static func folder() throws -> String {
        let dir = CorpusArchive.temporaryDB("naryn")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in [
            ("ky_naryn_seminar.txt", kyrgyz), ("ru_naryn_seminar.txt", russian), ("ru_osh_fair.txt", other),
        ] {
            try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: dir + "/" + name))
        }
        return dir
    }

    /// `jarya process` of the folder: its record lines, links included.
    static func processed(_ folder: String) throws -> [String] {
        let out = CorpusArchive.temporaryDB("processed.jsonl")
        let output = try RecordOutput(path: out)
        _ = try Batch(processor: .forTests).run(InputCollector.collect([folder]), to: output)
        try output.commit()
        return try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Indexes the folder into `archive` (in chunks of one document, so the two versions are
    /// stored in different transactions) and checks that the archive holds what `jarya process`
    /// writes, links included, and that search shows each version's other one.
    static func check(_ archive: any Archive) throws {
        let folder = try folder()
        let summary = try archive.index(paths: [folder], processor: .forTests, chunk: 1)
        #expect(summary.failures.isEmpty && summary.stored == 3)
        let stored = try archive.records()
        let lines = JSONLinesEncoder()
        #expect(stored.map { String(decoding: lines.line($0).dropLast(), as: UTF8.self) } == (try processed(folder)))
        let ky = try #require(stored.first { $0.source.path.hasSuffix("ky_naryn_seminar.txt") })
        let ru = try #require(stored.first { $0.source.path.hasSuffix("ru_naryn_seminar.txt") })
        let osh = try #require(stored.first { $0.source.path.hasSuffix("ru_osh_fair.txt") })
        #expect(ky.related == [Record.Related(id: ru.id, relation: "translation")])
        #expect(ru.related == [Record.Related(id: ky.id, relation: "translation")])
        #expect(osh.related.isEmpty)

        // Search shows the other-language version: a Kyrgyz word finds the Kyrgyz release,
        // whose row names the Russian one.
        let hits = try archive.search(SearchQuery(text: "сабаттуулук"))
        #expect(hits.map(\.id) == [ky.id])
        let translations = try archive.translations(of: hits)
        #expect(translations.keys.sorted() == [ru.id])
        let table = SearchOutput.table(hits, translations: translations).split(separator: "\n").map(String.init)
        #expect(table[0].contains("TRANSLATION") && table[1].contains("ru \(ru.id)"), "\(table)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(SearchOutput.jsonLines(hits, translations: translations).utf8))
                as? [String: Any])
        let other = try #require(json["translation"] as? [String: Any])
        #expect(
            other["id"] as? String == ru.id && other["language"] as? String == "ru"
                && other["path"] as? String == ru.source.path)
        #expect(other["title"] as? String == ru.title)
        let csv = SearchOutput.csv(hits, translations: translations).components(separatedBy: "\r\n")
        #expect(csv[1].hasSuffix(",\(ru.id),\(ru.source.path)"), "\(csv)")
        // A release without a translation says so.
        let fair = try archive.search(SearchQuery(text: "ремесленников"))
        let fairJSON = try #require(
            try JSONSerialization.jsonObject(with: Data(SearchOutput.jsonLines(fair).utf8)) as? [String: Any])
        #expect(fairJSON["translation"] is NSNull)
    }
}

@Suite("Translations in the archive")
struct TranslationIndexTests {
    @Test(
        "index over a folder links a Kyrgyz and a Russian release as jarya process does; search shows the other version (SQLite)"
    )
    func sqlite() throws {
        try NarynReleases.check(try ArchiveIndex(path: CorpusArchive.temporaryDB("naryn.sqlite")))
    }
}

extension PostgresArchiveTests {
    @Test("index over a folder links translations as jarya process does; search shows the other version (PostgreSQL)")
    func translations() throws {
        try NarynReleases.check(try PostgresArchive(url: try TestPostgres.freshDatabase(), writing: true))
    }
}
