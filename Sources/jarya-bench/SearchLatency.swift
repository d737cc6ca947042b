import ArgumentParser
import Foundation
import Jarya
import JaryaArchive

/// Search latency on an archive, measured inside one process (no start-up, no glossary load):
/// the queries an archivist asks most, each repeated, with p50 and p95.
struct SearchLatency: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search-latency",
        abstract: "p50 and p95 latency of typical searches on an archive (SQLite file or postgres://…).",
        discussion: """
            Example:
              jarya-bench search-latency --db postgres://jarya@127.0.0.1:54329/bench --repeat 50 --limit 20
            """
    )

    @Option(help: "The archive: an SQLite file or postgres://USER@HOST:PORT/DB.") var db: String
    @Option(help: "Runs of each query.") var `repeat` = 50
    @Option(help: "Records per search, as a page of results shows (0: all).") var limit = 20

    func run() throws {
        let archive = try Archives.openForReading(db)
        let places = try Glossaries.requireStandard().places
        let queries: [(String, SearchQuery)] = [
            ("place Бишкек + 2020", SearchQuery(place: "Бишкек", places: places, from: "2020-01-01", to: "2020-12-31")),
            ("place Ош + 2024-03", SearchQuery(place: "Ош", places: places, from: "2024-03", to: "2024-03")),
            ("organization ПРООН", SearchQuery(organization: "ПРООН")),
            ("word ky: жаштар", SearchQuery(text: "жаштар")),
            ("word ru: ледников", SearchQuery(text: "ледников")),
            ("phrase ky: \"тегерек стол\"", SearchQuery(text: "\"тегерек стол\"")),
        ]
        print(
            "archive \(archive.location): \(try archive.count()) documents, \(self.repeat) runs per query, "
                + (limit > 0 ? "the first \(limit) records of each" : "every record found"))
        for (name, var query) in queries {
            query.limit = limit > 0 ? limit : nil
            var times: [Double] = []
            var hits = 0
            for _ in 0..<max(1, self.repeat) {
                let start = DispatchTime.now().uptimeNanoseconds
                hits = try archive.search(query).count
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            times.sort()
            let p50 = times[times.count / 2], p95 = times[min(times.count - 1, Int(Double(times.count) * 0.95))]
            print(String(format: "%-28@ %7d hits   p50 %8.1f ms   p95 %8.1f ms", name as NSString, hits, p50, p95))
        }
    }
}
