import Foundation
import GRDB
import Jarya
@testable import JaryaArchive
import Testing

@Suite("Full-text queries as archivists type them")
struct QueryTests {
    @Test("several bare words, Kyrgyz and Russian, one with several case forms: all must match")
    func multiWord() throws {
        let archive = try CorpusArchive.archive()
        func names(_ q: String) throws -> [String] { CorpusArchive.names(try archive.search(SearchQuery(text: q))) }
        // конференция has several forms, Бишкек matches Бишкекте: FTS5 refused `(a OR b) "c"`.
        let both = try names("конференция Бишкек")
        #expect(
            both.contains("ky01_bishkek_climate_conference")
                && !both.contains("ru03_cholpon_ata_family_medicine_conference"))
        #expect(try names("Бишкек конференция") == both)
        #expect(try names("тегерек стол Бишкекте") == ["ky07_bishkek_energy_round_table"])
        #expect(try names("круглый стол в Бишкеке") == ["ru07_bishkek_energy_round_table"])
        #expect(try names("конференция семейной медицине") == ["ru03_cholpon_ata_family_medicine_conference"])
        #expect(try names("Жашыл шаар жаштар форуму") == ["kyru01_bishkek_green_youth_forum"])
        // Guillemets and typographic quotes are phrases too; an unclosed quote runs to the end.
        #expect(try names("«Жашыл шаар»") == ["kyru01_bishkek_green_youth_forum"])
        #expect(try names("“тегерек стол”") == ["ky07_bishkek_energy_round_table"])
        #expect(try names("\"тегерек стол") == ["ky07_bishkek_energy_round_table"])
        // Operators, parentheses and `AND NOT`.
        #expect(try names("круглый стол AND NOT семинар") == ["ru07_bishkek_energy_round_table"])
        let notSeminar = try names("Бишкек NOT (семинар OR тренинг)")
        #expect(!notSeminar.isEmpty && !notSeminar.contains("ru08_karakol_osce_seminar"))
        #expect(
            Set(try names("(тегерек OR круглый) стол")) == [
                "ky07_bishkek_energy_round_table", "ru07_bishkek_energy_round_table",
            ])
        // Stray punctuation around words is ignored.
        #expect(try names("конференция, Бишкек!") == both)
        #expect(try names("конференция; - Бишкек ...") == both)
    }

    @Test(
        "queries that cannot be read are refused in one line that says how to write them",
        arguments: [
            "конференция AND", "OR Бишкек", "(конференция", "конференция)", "NOT конференция",
            "Бишкек OR OR Ош", "Бишкек AND OR Ош", "()", "( )", "\" , ;", "конференция OR NOT Бишкек",
            "AND", String(repeating: "(", count: 9) + "Бишкек" + String(repeating: ")", count: 9),
        ])
    func refused(_ query: String) throws {
        let archive = try CorpusArchive.archive()
        do {
            _ = try archive.search(SearchQuery(text: query))
            Issue.record("`\(query)` was accepted")
        } catch let error as ArchiveError {
            #expect(error.kind == .query && error.exitCode == 64)
            #expect(!error.description.contains("\n"))
            #expect(!error.description.lowercased().contains("fts5") && !error.description.contains("SQLite"))
            #expect(error.description.contains("Write words"), "\(error)")
        }
    }

    @Test("any mix of words, phrases, prefixes, operators, parentheses and punctuation is valid FTS5 or refused")
    func anyMix() throws {
        let archive = try CorpusArchive.archive()
        let pieces = [
            "конференция", "Бишкек", "Бишкекте", "тегерек", "стол", "\"тегерек стол\"", "«Жашыл шаар»", "конф*",
            "Ысык-Көл", "IT-центр", "ЁЛКА", "2025", "AND", "OR", "NOT", "and", "(", ")", "\"", "«", "»", "“", "*",
            "-", ",", ".", ":", "^", "+", "'", "\\", ";", "NEAR", "title:", "{", "}", "ледников*", "\"\"", "%", "_",
        ]
        var rng = SeededGenerator(seed: 14)
        var accepted = 0, refused = 0
        for _ in 0..<1500 {
            let count = 1 + Int(rng.next() % 7)
            var query = ""
            for k in 0..<count {
                if k > 0, rng.next() % 4 != 0 { query += " " }
                query += pieces[Int(rng.next() % UInt64(pieces.count))]
            }
            do {
                guard let fts = try FTSQuery.translate(query) else { continue }
                // SQLite itself must accept what we make.
                do {
                    _ = try archive.database.read { db in
                        try Int.fetchOne(
                            db, sql: "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", arguments: [fts])
                    }
                    accepted += 1
                } catch {
                    Issue.record("`\(query)` → `\(fts)`: \(error)")
                }
            } catch let failure as FTSQuery.Failure {
                #expect(!failure.description.contains("\n"))
                refused += 1
            }
        }
        #expect(accepted > 500 && refused > 100, "accepted \(accepted), refused \(refused)")
    }

    @Test("a long query stays within FTS5's expression depth; nesting as deep as allowed is read")
    func longQuery() throws {
        // Groups nested as deep as allowed (two per round), of the deepest kind FTSQuery writes.
        var nested = "Бишкек"
        for _ in 0..<FTSQuery.maxDepth / 2 { nested = "(конференция OR стол (тегерек NOT семинар NOT \(nested)))" }
        _ = try CorpusArchive.archive().search(SearchQuery(text: nested))
        let archive = try CorpusArchive.archive()
        let words = Array(repeating: "Бишкек конференция", count: 50).joined(separator: " ")
        #expect(
            try archive.search(SearchQuery(text: words)).map(\.id)
                == archive.search(SearchQuery(text: "Бишкек конференция")).map(\.id))
        let notChain = "Бишкек" + String(repeating: " NOT семинар", count: 99)
        #expect(try archive.search(SearchQuery(text: notChain)).count > 1)
        #expect(throws: ArchiveError.self) { try archive.search(SearchQuery(text: notChain + " NOT тренинг")) }
        // A huge query is refused without analysing every word.
        let started = Date()
        #expect(throws: ArchiveError.self) {
            try archive.search(SearchQuery(text: String(repeating: "Бишкекте конференция ", count: 50_000)))
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }
}
