import ArgumentParser
import Foundation
import Jarya
import JaryaArchive

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find releases in an archive made by `jarya index`.",
        discussion: """
        TEXT is a full-text query (words, "phrases", prefix*, AND, OR, NOT) matched regardless
        of letter case, ё/е and lookalike letters; a bare word also matches its other case forms.
        --place takes a place in any language or case form (Бишкекте, в Бишкеке, Bishkek) and
        matches the event's places (or, for a release whose event names no place, the places
        it mentions). --from/--to take YYYY, YYYY-MM or YYYY-MM-DD and keep events that overlap
        the range. --lang ky or ru also match bilingual (ky+ru) releases.
        Results are sorted by event start, then path.

        Examples:
          jarya search --place Bishkek --from 2022-01-01 --db archive.sqlite
          jarya search конференция --lang ky --format json --db archive.sqlite
          jarya search --org ПРООН --to 2023 --format csv --db archive.sqlite
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Argument(help: "Full-text query.")
    var text: String?

    @Option(help: "A place, in any language or case form.")
    var place: String?

    @Option(help: "Part of an organization's name or acronym.")
    var org: String?

    @Option(help: "Part of a person's name.")
    var person: String?

    @Option(help: "Events that end on or after this date.")
    var from: String?

    @Option(help: "Events that start on or before this date.")
    var to: String?

    @Option(help: "ky, ru or ky+ru.")
    var lang: String?

    @Option(help: "table, json (JSON Lines of key fields) or csv.")
    var format: Format = .table

    @Option(help: "The archive file.")
    var db: String = "archive.sqlite"

    func run() throws {
        guard FileManager.default.fileExists(atPath: db) else {
            FileHandle.standardError.write(Data("jarya: no archive at \(db) (make one with `jarya index PATH --db \(db)`)\n".utf8))
            throw ExitCode(ExitStatus.noInput.rawValue)
        }
        let query = SearchQuery(text: text, place: place, organization: org, person: person, from: from, to: to, language: lang)
        do {
            let records = try ArchiveIndex(path: db).search(query)
            let out: String
            switch format {
            case .table: out = SearchOutput.table(records)
            case .json: out = try SearchOutput.jsonLines(records)
            case .csv: out = SearchOutput.csv(records)
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        } catch let error as ArchiveError {
            FileHandle.standardError.write(Data("jarya: \(error)\n".utf8))
            throw ExitCode(64)
        } catch {
            FileHandle.standardError.write(Data("jarya: \(db): \(error)\n".utf8))
            throw ExitCode(ExitStatus.ioError.rawValue)
        }
    }
}
