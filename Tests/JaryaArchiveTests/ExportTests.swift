import Foundation
import Jarya
@testable import JaryaArchive
import Testing

@Suite("CSV and iCalendar exports")
struct ExportTests {
    /// A record as `jarya process` writes it, with the given event fields.
    static func record(
        id: String, path: String = "inbox/a.txt", title: String? = "Title", summary: String? = nil,
        start: String?, end: String?, time: String? = nil, places: [String] = ["Bishkek"],
        organizers: [String] = [], funders: [String] = []
    ) throws -> Record {
        let object: [String: Any] = [
            "schema": "jarya.record/1", "id": id,
            "source": [
                "path": path, "sha256": String(repeating: "0", count: 64), "bytes": 1, "format": "txt",
                "encoding": "UTF-8",
            ],
            "language": "ky", "title": title as Any, "summary": summary as Any, "published": "2022-01-01",
            "event": [
                "kind": "conference", "title": NSNull(), "start": start as Any, "end": end as Any, "time": time as Any,
                "places": places, "organizers": organizers, "funders": funders, "partners": [String](),
                "participants": NSNull(),
            ] as [String: Any],
            "entities": [Any](), "text": "", "warnings": [Any](), "related": [Any](),
        ]
        let data = try JSONSerialization.jsonObject(with: JSONSerialization.data(withJSONObject: object)) as Any
        return try JSONDecoder().decode(Record.self, from: JSONSerialization.data(withJSONObject: data))
    }

    /// RFC 5545 unfolding: CRLF followed by a space is removed, scalar by scalar (Swift's
    /// `String` would see a space and a combining mark after it as one character).
    static func unfold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if i + 2 < scalars.count, scalars[i] == "\r", scalars[i + 1] == "\n", scalars[i + 2] == " " {
                i += 3; continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    /// RFC 4180 parsing, to read the export back.
    static func parseCSV(_ s: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = s.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    @Test("CSV: one row per event, fields with commas, quotes and line breaks quoted")
    func csvQuoting() throws {
        let tricky = "Форум «Жашыл шаар», \"Green City\"\nday 1"
        let records = [
            try Self.record(
                id: "a1", path: "inbox/a,b.txt", title: tricky, start: "2022-03", end: "2022-03",
                organizers: ["ОсОО «Ош Софт Лаб»", "Мэрия г. Ош"], funders: ["Фонд; Ага Хана"]),
            try Self.record(id: "b2", title: "Plain", start: "2022-05-01", end: "2022-05-02", time: "10:00"),
        ]
        let csv = CSVExport.events(records)
        #expect(csv.hasSuffix("\r\n"))
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("plain") == "plain")
        let rows = Self.parseCSV(csv)
        #expect(rows.count == 3)
        #expect(rows[0] == CSVExport.header)
        #expect(rows.allSatisfy { $0.count == CSVExport.header.count })
        #expect(rows[1][0] == "a1")
        #expect(rows[1][1] == "inbox/a,b.txt")
        #expect(rows[1][4] == tricky)
        #expect(rows[1][5] == "2022-03", "month-precise events stay in the CSV")
        #expect(rows[1][9] == "ОсОО «Ош Софт Лаб»; Мэрия г. Ош")
        #expect(rows[2][7] == "10:00")
    }

    @Test("ICS: CRLF, lines at most 75 octets, escaping, exclusive DTEND, skipped imprecise dates")
    func icsStructure() throws {
        let long = String(
            repeating: "Кыргыз Республикасынын Маданият, маалымат жана жаштар саясаты министрлиги; ", count: 3)
        let records = [
            try Self.record(
                id: "day1", title: "Semi;colon, comma \\ backslash", summary: "Line one\nline two",
                start: "2022-02-28", end: "2022-03-03", organizers: [long], funders: ["ПРООН"]),
            try Self.record(id: "newyear", start: "2022-12-31", end: "2022-12-31", places: ["Osh", "Bishkek"]),
            try Self.record(id: "timed", start: "2025-11-26", end: "2025-11-26", time: "11:00-14:00"),
            try Self.record(id: "month", start: "2022-03", end: "2022-03"),
            try Self.record(id: "noyear", start: "--03-03", end: "--03-03"),
            try Self.record(id: "leap", start: "2024-02-28", end: "2024-02-29"),
        ]
        let result = ICSExport.calendar(records, now: Date(timeIntervalSince1970: 1_700_000_000))
        let ics = result.calendar
        #expect(result.events == 4)
        #expect(result.skipped.count == 2)
        // CRLF everywhere, no bare LF or CR.
        #expect(ics.hasSuffix("\r\n"))
        let physical = ics.components(separatedBy: "\r\n").dropLast()
        #expect(physical.allSatisfy { !$0.contains("\n") && !$0.contains("\r") })
        #expect(physical.allSatisfy { $0.utf8.count <= 75 }, "folded at 75 octets")
        #expect(physical.contains { $0.hasPrefix(" ") }, "long lines are folded")
        #expect(physical.first == "BEGIN:VCALENDAR" && physical.last == "END:VCALENDAR")
        #expect(physical.contains("VERSION:2.0") && physical.contains { $0.hasPrefix("PRODID:") })
        // Unfold, then check content lines.
        let lines = ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 4)
        #expect(lines.contains("UID:day1@jarya"))
        #expect(!lines.contains("UID:month@jarya") && !lines.contains("UID:noyear@jarya"))
        #expect(lines.contains("DTSTAMP:20231114T221320Z"))
        #expect(lines.contains("DTSTART;VALUE=DATE:20220228"))
        #expect(lines.contains("DTEND;VALUE=DATE:20220304"), "DTEND is the day after the last day")
        #expect(lines.contains("DTEND;VALUE=DATE:20230101"))
        #expect(lines.contains("DTEND;VALUE=DATE:20240301"))
        // Times are Kyrgyzstan's, with the VTIMEZONE before the events; all-day events stay dates.
        #expect(
            lines.contains("DTSTART;TZID=Asia/Bishkek:20251126T110000")
                && lines.contains("DTEND;TZID=Asia/Bishkek:20251126T140000"))
        #expect(!lines.contains { $0.hasPrefix("DTSTART:2025") || $0.hasPrefix("DTEND:2025") }, "no floating times")
        let zone = try #require(lines.firstIndex(of: "BEGIN:VTIMEZONE"))
        #expect(zone < lines.firstIndex(of: "BEGIN:VEVENT")!)
        #expect(
            Array(lines[zone...].prefix(9)) == [
                "BEGIN:VTIMEZONE", "TZID:Asia/Bishkek", "BEGIN:STANDARD", "DTSTART:20050812T000000",
                "TZOFFSETFROM:+0600", "TZOFFSETTO:+0600", "TZNAME:+06", "END:STANDARD", "END:VTIMEZONE",
            ])
        #expect(lines.contains("SUMMARY:Semi\\;colon\\, comma \\\\ backslash"))
        #expect(lines.contains("LOCATION:Osh\\, Bishkek"))
        let description = try #require(lines.first { $0.hasPrefix("DESCRIPTION:") && $0.contains("ПРООН") })
        #expect(description.contains("Funders: ПРООН\\n\\nLine one\\nline two"))
        #expect(description.contains("министрлиги\\; Кыргыз"))
        // Folding never splits a UTF-8 sequence: every physical line is valid UTF-8 on its own.
        let bytes = Array(ics.utf8)
        var start = 0
        for k in 0..<bytes.count where k + 1 < bytes.count && bytes[k] == 13 && bytes[k + 1] == 10 {
            #expect(String(validatingUTF8: bytes[start..<k].map { CChar(bitPattern: $0) } + [0]) != nil)
            start = k + 2
        }
        #expect(ICSExport.fold(String(repeating: "ө", count: 100)).allSatisfy { $0.utf8.count <= 75 })
    }

    @Test(
        "ICS: a time before August 2005 gets Kyrgyzstan's summer and winter time of then; no timed event, no VTIMEZONE")
    func icsTimeZoneHistory() throws {
        let records = [
            try Self.record(
                id: "summer2003", title: "Нарында суу форуму", start: "2003-07-10", end: "2003-07-10", time: "10:00"),
            try Self.record(
                id: "now", title: "Бишкекте тегерек стол", start: "2025-11-28", end: "2025-11-28", time: "10:00"),
        ]
        let lines = ICSExport.calendar(records, now: Date(timeIntervalSince1970: 0)).calendar
            .replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        let zone = Array(
            lines[
                try #require(
                    lines.firstIndex(of: "BEGIN:VTIMEZONE"))...(try #require(lines.firstIndex(of: "END:VTIMEZONE")))])
        // 2003: UTC+5, summer time +6 from the last Sunday of March at 02:30; +6 all year since 2005-08-12.
        #expect(zone.contains("DTSTART:20030330T023000"), "\(zone)")
        #expect(zone.contains("DTSTART:20050812T000000"))
        #expect(zone.contains("BEGIN:DAYLIGHT") && zone.contains("TZOFFSETTO:+0500"))
        #expect(
            zone.filter { $0 == "BEGIN:STANDARD" || $0 == "BEGIN:DAYLIGHT" }.count < 10,
            "only the changes the events need")
        #expect(lines.contains("DTSTART;TZID=Asia/Bishkek:20030710T100000"))
        let allDay = ICSExport.calendar([try Self.record(id: "d", start: "2025-03-20", end: "2025-03-22")]).calendar
        #expect(
            !allDay.contains("VTIMEZONE") && !allDay.contains("TZID") && allDay.contains("DTSTART;VALUE=DATE:20250320"))
    }

    @Test("ICS: long Kyrgyz and Russian lines fold at 75 octets between characters and unfold to the same text")
    func icsFolding() throws {
        let kyrgyz =
            "Кыргыз Республикасынын Билим берүү жана илим министрлиги Ысык-Көл облусундагы мугалимдер үчүн санариптик көндүмдөр боюнча окуу өткөрөт"
        let russian =
            "Министерство природных ресурсов, экологии и технического надзора Кыргызской Республики проводит семинар «Ледники Тянь-Шаня» 🏔 для журналистов"
        // One character of a base letter and 60 combining marks: 122 octets that no line can hold whole.
        let stacked = "Ө" + String(repeating: "\u{0301}", count: 60) + " Ош"
        let records = [
            try Self.record(
                id: "ky", title: kyrgyz, summary: String(repeating: kyrgyz + " ", count: 4), start: "2024-02-26",
                end: "2024-03-01"),
            try Self.record(
                id: "ru", title: russian, start: "2023-09-22", end: "2023-09-22", time: "14:00",
                organizers: [russian, "ОсОО «Ош Софт Лаб»"]),
            try Self.record(id: "stacked", title: stacked, start: "2025-11-24", end: "2025-11-24"),
        ]
        let ics = ICSExport.calendar(records).calendar
        let physical = ics.components(separatedBy: "\r\n").dropLast()
        #expect(physical.allSatisfy { $0.utf8.count <= 75 }, "\(physical.map { $0.utf8.count }.max()!) octets")
        #expect(physical.filter { $0.hasPrefix(" ") }.count > 10)
        // Every line is valid UTF-8 by itself: no fold splits a character's bytes.
        let bytes = Array(ics.utf8)
        var start = 0
        for k in 0..<bytes.count - 1 where bytes[k] == 13 && bytes[k + 1] == 10 {
            #expect(String(validating: bytes[start..<k], as: UTF8.self) != nil)
            start = k + 2
        }
        // Unfolded as a parser does, on bytes: a fold may fall between a letter and its marks.
        let lines = Self.unfold(ics).components(separatedBy: "\r\n")
        #expect(lines.contains("SUMMARY:" + ICSExport.escape(kyrgyz)))
        #expect(lines.contains("SUMMARY:" + ICSExport.escape(russian)))
        #expect(lines.contains("SUMMARY:" + stacked))
        for line in [kyrgyz, russian, stacked, String(repeating: "ң", count: 200), String(repeating: "🏔", count: 40)] {
            let folded = ICSExport.fold("SUMMARY:" + line)
            #expect(folded.allSatisfy { $0.utf8.count <= 75 })
            #expect(folded.dropFirst().allSatisfy { $0.unicodeScalars.first == " " })
            #expect(Self.unfold(folded.joined(separator: "\r\n")) == "SUMMARY:" + line)
        }
    }

    @Test("ICS of the corpus parses with Python's icalendar (scripts/check-ics.py), when it is installed")
    func icsParsesWithICalendar() throws {
        func run(_ arguments: [String]) throws -> (Int32, String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = arguments
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = pipe
            try p.run()
            let out = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: out, as: UTF8.self))
        }
        guard (try? run(["python3", "-c", "import icalendar"]).0) == 0 else {
            print(
                "python3 with icalendar is not installed: skipping (.ci/run installs it and runs scripts/check-ics.py)")
            return
        }
        let records = try CorpusArchive.archive().records()
        let result = ICSExport.calendar(records)
        #expect(result.events >= 10)
        let file = URL(fileURLWithPath: CorpusArchive.temporaryDB("corpus.ics"))
        try Data(result.calendar.utf8).write(to: file)
        let script = CorpusArchive.root.appendingPathComponent("scripts/check-ics.py").path
        let (status, output) = try run(["python3", script, file.path, "--min-events", "\(result.events)"])
        #expect(status == 0, "\(output)")
        #expect(result.calendar.contains("TZID=Asia/Bishkek"), "the corpus has events with a time of day")

        // Timed events across Kyrgyzstan's 2005 change and long Kyrgyz/Russian titles.
        let more = ICSExport.calendar([
            try Self.record(
                id: "a", title: String(repeating: "Кыргыз Республикасынын Маданият министрлиги ", count: 5),
                start: "2004-10-30", end: "2004-10-31", time: "09:00-18:00"),
            try Self.record(
                id: "b", title: String(repeating: "Круглый стол по энергоэффективности зданий ", count: 5),
                start: "2025-11-28", end: "2025-11-28", time: "10:00"),
            try Self.record(
                id: "c", title: "Ө" + String(repeating: "\u{0301}", count: 60), start: "2025-12-08", end: "2025-12-09"),
        ]).calendar
        let moreFile = URL(fileURLWithPath: CorpusArchive.temporaryDB("more.ics"))
        try Data(more.utf8).write(to: moreFile)
        let (moreStatus, moreOutput) = try run(["python3", script, moreFile.path, "--min-events", "3"])
        #expect(moreStatus == 0, "\(moreOutput)")

        // The script itself catches floating times and long lines.
        let floating = more.replacingOccurrences(of: ";TZID=Asia/Bishkek", with: "")
            .replacingOccurrences(of: "\r\n ", with: "")
        let badFile = URL(fileURLWithPath: CorpusArchive.temporaryDB("floating.ics"))
        try Data(floating.utf8).write(to: badFile)
        let (badStatus, badOutput) = try run(["python3", script, badFile.path])
        #expect(badStatus == 1)
        #expect(badOutput.contains("has no time zone") && badOutput.contains("octets (more than 75)"), "\(badOutput)")
    }
}
