import ArgumentParser
import Foundation
import Jarya
import JaryaArchive

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export events as CSV or as an iCalendar (.ics) file.",
        discussion: """
            From an archive (--db) or a JSON Lines file of records (--records). CSV
            has one row per event. The .ics file has one VEVENT per event whose dates
            are precise to the day: all-day events as dates, events with a time of
            day in Kyrgyzstan's time (TZID=Asia/Bishkek, with its VTIMEZONE); lines
            are folded at 75 octets. Events dated only to the month or year, or
            without a year, are left out and listed on standard error. The archive
            is only read, also while `jarya index` writes it.

            Examples:
              jarya export --ics --db archive.sqlite --out events.ics
              jarya export --csv --records records.jsonl > events.csv

            Exit status:
              0   the export was written
              64  a usage error (give one of --csv or --ics; --db or --records,
                  not both)
              65  a line of --records is not a record
              66  there is no archive at --db, or no file at --records
              69  the PostgreSQL server cannot be reached, or has no such database
              73  the output (--out or standard output) cannot be written
              74  --db is not a Jarya archive (a folder, another kind of file, a
                  damaged or foreign SQLite database), or --records cannot be read
              75  another program keeps the archive locked: try again later
              77  the PostgreSQL server refused the user or the password
            """
    )

    @Flag(help: "CSV, one row per event.")
    var csv = false

    @Flag(help: "iCalendar (RFC 5545).")
    var ics = false

    @Option(
        help:
            "The archive: an SQLite file (default archive.sqlite, unless --records is given) or postgres://USER@HOST:PORT/DB."
    )
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
                input = try ArchiveIndex.records(jsonLines: URL(fileURLWithPath: records)).compactMap(\.record)
            } else {
                input = try Archives.openForReading(db ?? "archive.sqlite").records()
            }
        } catch let error as ArchiveError {
            FileHandle.standardError.write(Data("jarya: \(error)\n".utf8))
            throw ExitCode(error.exitCode)
        }
        let text: String
        if csv {
            text = CSVExport.events(input)
        } else {
            let result = ICSExport.calendar(input)
            for s in result.skipped {
                FileHandle.standardError.write(
                    Data("jarya: not in the calendar (dates not precise to the day): \(s)\n".utf8))
            }
            text = result.calendar
        }
        try Self.emit(text, to: out)
    }

    /// Writes a command's whole output to `path` (atomically, as `process --out` does) or to
    /// standard output; a failure is one line on standard error and exit 73, never a trap.
    static func emit(_ text: String, to path: String?) throws {
        let data = Data(text.utf8)
        guard let path else {
            var rest = data[...]
            while !rest.isEmpty {
                let n = rest.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    FileHandle.standardError.write(Data("jarya: cannot write standard output: \(reason).\n".utf8))
                    throw ExitCode(ExitStatus.cannotCreate.rawValue)
                }
                rest = rest.dropFirst(n)
            }
            return
        }
        let output: RecordOutput
        do {
            output = try RecordOutput(path: path)
        } catch {
            FileHandle.standardError.write(Data("jarya: \(error)\n".utf8))
            throw ExitCode(ExitStatus.cannotCreate.rawValue)
        }
        do {
            try output.write(data)
            try output.commit()
        } catch {
            output.abort()
            FileHandle.standardError.write(Data("jarya: \(error)\n".utf8))
            throw ExitCode(ExitStatus.cannotCreate.rawValue)
        }
    }
}
