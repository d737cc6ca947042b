import ArgumentParser
import Foundation
import Jarya
import JaryaArchive

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find releases in an archive made by `jarya index`.",
        discussion: """
            TEXT is a full-text query: words (all must match: конференция Бишкек),
            "phrases" (also «…»), prefix*, AND, OR, NOT and parentheses, as in
            бишкек NOT (семинар OR тренинг). Letter case, ё/е and lookalike letters do
            not matter, and a bare word also matches its other case forms. A query
            that cannot be read is refused with a line that says how to write it.
            --place takes a place in any language or case form (Бишкекте, в Бишкеке,
            Bishkek) and matches the event's places (or, for a release whose event
            names no place, the places it mentions). --from/--to take YYYY, YYYY-MM
            or YYYY-MM-DD and keep events that overlap the range. --lang ky or ru
            also match bilingual (ky+ru) releases. Results are sorted by event start,
            then path. A release linked to its other-language version shows it
            (TRANSLATION: language and id; `translation` in json and csv). The
            archive is only read, also while `jarya index` writes it.
            --db postgres://USER@HOST:PORT/DB searches a PostgreSQL archive, with
            the same results as an SQLite archive holding the same records.

            Examples:
              jarya search конференция Бишкек --db archive.sqlite
              jarya search --place Bishkek --from 2022-01-01 --db archive.sqlite
              jarya search '"тегерек стол"' --lang ky --format json --db archive.sqlite
              jarya search --org ПРООН --to 2023 --format csv --db archive.sqlite
              jarya search Бишкек --db postgres://jarya@db.example.org/jarya

            Exit status:
              0   the search ran (also when nothing matched)
              64  a usage error: a query that cannot be read, a bad --from, --to
                  or --lang
              66  there is no archive at --db
              69  the PostgreSQL server cannot be reached, or has no such database
              73  standard output cannot be written
              74  --db is not a Jarya archive (a folder, another kind of file, a
                  damaged or foreign SQLite database) or cannot be read, or was
                  made by a newer jarya
              75  another program keeps the archive locked: try again later
              77  the PostgreSQL server refused the user or the password
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Argument(
        help: ArgumentHelp(
            "Full-text query: words, \"phrases\", prefix*, AND, OR, NOT, parentheses.", valueName: "text"))
    var words: [String] = []

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

    @Option(help: "The archive: an SQLite file, or postgres://USER@HOST:PORT/DB.")
    var db: String = "archive.sqlite"

    func run() throws {
        // `--place` reads the places glossary: a missing one is a clear error, not a trap.
        let places =
            place == nil
            ? nil
            : try loadGlossaries { message, status in
                FileHandle.standardError.write(Data("jarya: \(message)\n".utf8))
                return ExitCode(status)
            }.places
        let text = words.isEmpty ? nil : words.joined(separator: " ")
        let query = SearchQuery(
            text: text, place: place, places: places, organization: org, person: person, from: from, to: to,
            language: lang)
        let out: String
        do {
            let archive = try Archives.openForReading(db)
            let records = try archive.search(query)
            let translations = try archive.translations(of: records)
            switch format {
            case .table: out = SearchOutput.table(records, translations: translations)
            case .json: out = SearchOutput.jsonLines(records, translations: translations)
            case .csv: out = SearchOutput.csv(records, translations: translations)
            }
        } catch let error as ArchiveError {
            FileHandle.standardError.write(Data("jarya: \(error)\n".utf8))
            throw ExitCode(error.exitCode)
        }
        try ExportCommand.emit(out, to: nil)
    }
}
