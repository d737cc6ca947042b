import ArgumentParser
import Foundation
import Jarya
import JaryaArchive

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export events as CSV or as an iCalendar (.ics) file.",
        discussion: """
        From an archive (--db) or a JSON Lines file of records (--records). CSV has one row per
        event. The .ics file has one VEVENT per event whose dates are precise to the day
        (all-day events, or local times when the release gives a time); events dated only to
        the month or year, or without a year, are left out and listed on standard error.

        Examples:
          jarya export --ics --db archive.sqlite --out events.ics
          jarya export --csv --records records.jsonl > events.csv
        """
    )

    @Flag(help: "CSV, one row per event.")
    var csv = false

    @Flag(help: "iCalendar (RFC 5545).")
    var ics = false

    @Option(help: "The archive file (default archive.sqlite, unless --records is given).")
    var db: String?

    @Option(help: "A JSON Lines file of records instead of an archive.")
    var records: String?

    @Option(name: .shortAndLong, help: "Write to this file (replaced atomically) instead of standard output.")
    var out: String?

    func validate() throws {
        guard csv != ics else { throw ValidationError("give one of --csv or --ics") }
        guard db == nil || records == nil else { throw ValidationError("give --db or --records, not both") }
    }

    func run() throws {
        let input: [Record]
        do {
            if let records {
                guard FileManager.default.fileExists(atPath: records) else {
                    FileHandle.standardError.write(Data("jarya: no such file: \(records)\n".utf8))
                    throw ExitCode(ExitStatus.noInput.rawValue)
                }
                input = try ArchiveIndex.records(jsonLines: URL(fileURLWithPath: records))
            } else {
                let path = db ?? "archive.sqlite"
                guard FileManager.default.fileExists(atPath: path) else {
                    FileHandle.standardError.write(Data("jarya: no archive at \(path)\n".utf8))
                    throw ExitCode(ExitStatus.noInput.rawValue)
                }
                input = try ArchiveIndex(path: path).records()
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            FileHandle.standardError.write(Data("jarya: \(error)\n".utf8))
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
        let text: String
        if csv {
            text = CSVExport.events(input)
        } else {
            let result = ICSExport.calendar(input)
            for s in result.skipped {
                FileHandle.standardError.write(Data("jarya: not in the calendar (dates not precise to the day): \(s)\n".utf8))
            }
            text = result.calendar
        }
        if let out {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                FileHandle.standardError.write(Data("jarya: cannot write \(out): \(error)\n".utf8))
                throw ExitCode(ExitStatus.cannotCreate.rawValue)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
