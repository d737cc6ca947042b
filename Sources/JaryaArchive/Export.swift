import Foundation
import Jarya

/// RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF rows.
public enum CSV {
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return s
        }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }
}

/// `jarya export --csv`: one row per event (records without an event have no row), every
/// date as precise as the record has it.
public enum CSVExport {
    public static let header = [
        "id", "path", "language", "kind", "title", "start", "end", "time",
        "places", "organizers", "funders", "published",
    ]

    public static func events(_ records: [Record]) -> String {
        var out = CSV.row(header)
        for r in records {
            guard let e = r.event else { continue }
            out += CSV.row([
                r.id, r.source.path, r.language.rawValue, e.kind.rawValue, r.title ?? e.title ?? "",
                e.start ?? "", e.end ?? "", e.time ?? "", e.places.joined(separator: "; "),
                e.organizers.joined(separator: "; "), e.funders.joined(separator: "; "), r.published ?? "",
            ])
        }
        return out
    }
}

/// `jarya export --ics`: an RFC 5545 calendar with one VEVENT per event whose dates are
/// precise to the day. All-day events are `VALUE=DATE` (DTEND exclusive: the day after the
/// last); an event with a time of day gets date-times in Kyrgyzstan's time
/// (`TZID=Asia/Bishkek`), described by a VTIMEZONE made from the time zone database for the
/// years the events span (UTC+6 since August 2005; UTC+5 with summer time before), so a
/// calendar shows 11:00 in Bishkek as 11:00 in Bishkek wherever it is opened.
public enum ICSExport {
    public struct Result: Sendable {
        /// The calendar, CRLF line ends, folded at 75 octets.
        public var calendar: String
        public var events: Int
        /// Events left out because their dates are not precise to the day: "path: start…end".
        public var skipped: [String]
    }

    public static func calendar(_ records: [Record], now: Date = Date()) -> Result {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Jarya//jarya export//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        let stamp = utcStamp(now)
        var skipped: [String] = []
        var count = 0
        // The VTIMEZONE goes before the events; it covers the days of the timed ones.
        let timezoneAt = lines.count
        var timedDays: [Day] = []
        for r in records {
            guard let e = r.event else { continue }
            guard let start = e.start.flatMap(Day.init), let last = (e.end ?? e.start).flatMap(Day.init), last >= start
            else {
                skipped.append("\(r.source.path): \(e.start ?? "?")…\(e.end ?? "")")
                continue
            }
            count += 1
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(r.id)@jarya")
            lines.append("DTSTAMP:\(stamp)")
            let times = e.time.map(clockTimes) ?? []
            if let t0 = times.first {
                let zone = ";TZID=" + timeZoneID
                timedDays += [start, last.next]
                lines.append("DTSTART\(zone):\(start.compact)T\(t0)00")
                if times.count > 1, last != start || times[1] > t0 {
                    lines.append("DTEND\(zone):\(last.compact)T\(times[1])00")
                } else if last != start {
                    lines.append("DTEND\(zone):\(last.next.compact)T000000")
                }
            } else {
                lines.append("DTSTART;VALUE=DATE:\(start.compact)")
                lines.append("DTEND;VALUE=DATE:\(last.next.compact)")
            }
            lines.append("SUMMARY:" + escape(r.title ?? e.title ?? e.kind.rawValue))
            if !e.places.isEmpty { lines.append("LOCATION:" + escape(e.places.joined(separator: ", "))) }
            var description: [String] = []
            if !e.organizers.isEmpty { description.append("Organizers: " + e.organizers.joined(separator: "; ")) }
            if !e.funders.isEmpty { description.append("Funders: " + e.funders.joined(separator: "; ")) }
            if let s = r.summary, !s.isEmpty { description.append((description.isEmpty ? "" : "\n") + s) }
            if !description.isEmpty { lines.append("DESCRIPTION:" + escape(description.joined(separator: "\n"))) }
            lines.append("CATEGORIES:" + escape(e.kind.rawValue))
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        if let first = timedDays.min(), let last = timedDays.max() {
            lines.insert(contentsOf: timeZone(from: first, to: last), at: timezoneAt)
        }
        return Result(calendar: lines.flatMap(fold).map { $0 + "\r\n" }.joined(), events: count, skipped: skipped)
    }

    /// The time zone of the times releases give: Kyrgyzstan's.
    public static let timeZoneID = "Asia/Bishkek"

    /// The VTIMEZONE of `timeZoneID` for the days `first` to `last`: one STANDARD or DAYLIGHT
    /// component per UTC offset change, from the one in force on `first` (each with its own
    /// DTSTART, no RRULE), taken from the system's time zone database. Without that database,
    /// UTC+6, in force since 2005-08-12.
    static func timeZone(from first: Day, to last: Day) -> [String] {
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + timeZoneID]
        func component(_ daylight: Bool, onset: String, from: Int, to: Int) {
            let kind = daylight ? "DAYLIGHT" : "STANDARD"
            lines += [
                "BEGIN:" + kind, "DTSTART:" + onset, "TZOFFSETFROM:" + offset(from), "TZOFFSETTO:" + offset(to),
                "TZNAME:" + name(to), "END:" + kind,
            ]
        }
        guard let zone = TimeZone(identifier: timeZoneID) else {
            component(false, onset: "20050812T000000", from: 6 * 3600, to: 6 * 3600)
            return lines + ["END:VTIMEZONE"]
        }
        // Transitions up to the end of the last day, from 1970 (no release has a time before).
        let firstInstant = first.date.addingTimeInterval(-14 * 3600),
            lastInstant = last.date.addingTimeInterval(24 * 3600)
        var transitions: [Date] = []
        var cursor = Date(timeIntervalSince1970: 0)
        while let t = zone.nextDaylightSavingTimeTransition(after: cursor), t <= lastInstant, transitions.count < 1000 {
            transitions.append(t)
            cursor = t
        }
        // Keep the last change before the first day (the rules in force then) and all after it.
        let kept =
            transitions.lastIndex(where: { $0 <= firstInstant }).map { Array(transitions[$0...]) }
            ?? transitions.filter { $0 > firstInstant }
        if kept.first.map({ $0 > firstInstant }) ?? true {
            // No change before the first day: the offset of 1970 holds from then.
            let epoch = Date(timeIntervalSince1970: 0)
            let offset = zone.secondsFromGMT(for: epoch)
            component(zone.isDaylightSavingTime(for: epoch), onset: "19700101T000000", from: offset, to: offset)
        }
        for t in kept {
            let before = zone.secondsFromGMT(for: t.addingTimeInterval(-1)), after = zone.secondsFromGMT(for: t)
            // The onset is the local time the change happens at, on the clock before it.
            component(zone.isDaylightSavingTime(for: t), onset: localStamp(t, offset: before), from: before, to: after)
        }
        return lines + ["END:VTIMEZONE"]
    }

    /// `+0600`, `-0330`.
    static func offset(_ seconds: Int) -> String {
        let m = abs(seconds) / 60
        return String(format: "%@%02d%02d", seconds < 0 ? "-" : "+", m / 60, m % 60)
    }

    /// `+06`, as the time zone database names zones without an abbreviation.
    static func name(_ seconds: Int) -> String {
        let m = abs(seconds) / 60
        return String(format: m % 60 == 0 ? "%@%02d" : "%@%02d%02d", seconds < 0 ? "-" : "+", m / 60, m % 60)
    }

    /// The wall-clock time of `date` at a UTC offset, `YYYYMMDDTHHMMSS`.
    static func localStamp(_ date: Date, offset: Int) -> String {
        String(utcStamp(date.addingTimeInterval(TimeInterval(offset))).dropLast())
    }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            // Other control characters are not allowed in a TEXT value.
            case _ where c.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }:
                out += String(
                    String.UnicodeScalarView(
                        c.unicodeScalars.filter { !($0.value < 0x20 && $0 != "\t" || $0.value == 0x7F) }))
            default: out.append(c)
            }
        }
        return out
    }

    /// A content line folded so that no line is longer than 75 octets (RFC 5545 3.1):
    /// continuations start with a space, and a line is broken only between Unicode scalars,
    /// never inside a UTF-8 sequence (a character with many combining marks may be broken
    /// between its scalars: unfolding joins them again).
    public static func fold(_ line: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var octets = 0
        for c in line.unicodeScalars {
            let n = UTF8.width(c)
            let limit = result.isEmpty ? 75 : 74
            if octets + n > limit {
                result.append(result.isEmpty ? String(current) : " " + String(current))
                current = String.UnicodeScalarView()
                octets = 0
            }
            current.append(c)
            octets += n
        }
        result.append(result.isEmpty ? String(current) : " " + String(current))
        return result
    }

    /// `10:00` → ["1000"]; `11:00-14:00` → ["1100", "1400"].
    static func clockTimes(_ time: String) -> [String] {
        var result: [String] = []
        let scalars = Array(time.unicodeScalars)
        var i = 0
        func digits(_ a: Int, _ b: Int) -> Int? {
            b <= scalars.count ? Int(String(String.UnicodeScalarView(scalars[a..<b]))) : nil
        }
        while i < scalars.count {
            guard ("0"..."9").contains(scalars[i]) else { i += 1; continue }
            var j = i
            while j < scalars.count, ("0"..."9").contains(scalars[j]) { j += 1 }
            if j - i <= 2, j + 3 <= scalars.count, scalars[j] == ":",
                let h = digits(i, j), let m = digits(j + 1, j + 3), h < 24, m < 60
            {
                result.append(String(format: "%02d%02d", h, m))
                i = j + 3
            } else {
                i = j
            }
        }
        return result
    }

    static func utcStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// A calendar day from `YYYY-MM-DD` (nil for `2022`, `2022-03`, `--03-03`).
    struct Day: Comparable {
        var year: Int, month: Int, day: Int

        init?(_ iso: String) {
            let p = iso.split(separator: "-", omittingEmptySubsequences: false)
            guard !iso.hasPrefix("-"), p.count == 3, p[0].count == 4, let y = Int(p[0]), let m = Int(p[1]),
                let d = Int(p[2]),
                (1...12).contains(m), (1...DaySpan.daysIn(month: m, year: y)).contains(d)
            else { return nil }
            (year, month, day) = (y, m, d)
        }

        init(year: Int, month: Int, day: Int) { (self.year, self.month, self.day) = (year, month, day) }

        var compact: String { String(format: "%04d%02d%02d", year, month, day) }

        /// Midnight UTC of the day.
        var date: Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            return calendar.date(from: DateComponents(year: year, month: month, day: day))
                ?? Date(timeIntervalSince1970: 0)
        }

        var next: Day {
            if day < DaySpan.daysIn(month: month, year: year) { return Day(year: year, month: month, day: day + 1) }
            return month < 12 ? Day(year: year, month: month + 1, day: 1) : Day(year: year + 1, month: 1, day: 1)
        }

        static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    }
}
