/// Finds the release's own date in its dateline: `Бишкек, 25.11.20. /Кабар/.`,
/// `БИШКЕК, 26 сен — Sputnik.`, `09:25, 01 декабря 2016, Бишкек - 24.kg`, `Дата: 08:52, 14-06-2019.`,
/// `Ош, 25 ноября 2025 г.`, a date alone under the title, `27.11.2025 | 13:31`.
///
/// A dateline is a day-precise mention near the top (in the first blocks, at most a few
/// words into its block) with nothing around it but place names, a time, labels and the
/// agency: the rest of its line is such, an agency mark (`/Кабар/`, `— Sputnik`) follows, or a place
/// and a comma come before it.
enum DatelineReader {
    static let blocksToSearch = 6
    static let labelWords: WordSet = ["дата", "date", "опубликовано", "жарыяланды", "обновлено"]
    /// Words a dateline may hold after its date: weekdays, `Бишкек убактысы` (Bishkek time).
    static let datelineWords: WordSet = [
        "дүйшөмбү", "шейшемби", "шаршемби", "бейшемби", "жума", "ишемби", "жекшемби", "убактысы", "убакыт",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "время",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// The index of the dateline mention, if there is one.
    static func find(_ mentions: [DateMention], in doc: Document) -> Int? {
        let blocks = doc.segmentation.blocks.prefix(blocksToSearch)
        let t = doc.text.scalars
        for (index, m) in mentions.enumerated() {
            guard m.relativeDay == nil, m.relativeYear == nil, let start = m.start, start.day != nil, m.end == m.start,
                  let block = blocks.first(where: { $0.span.contains(m.span) }) else { continue }
            if m.span.start - block.span.start > 60 { continue }
            let before = String(scalars: t[block.span.start..<m.span.start])
            guard isDatelineHead(before) else { continue }
            let afterEnd = min(block.span.end, m.span.end + 60)
            let after = String(scalars: t[m.span.end..<afterEnd])
            let rest = String(scalars: t[m.span.end..<block.span.end])
            // `Кочкор, 7-август, 2023-жыл. Body…`: a place and a comma open a dateline.
            let placeComma = before.trimmingCharacters(in: "").endsWith(",")
            if isDatelinePart(rest) || hasAgencyMark(after) || placeComma { return index }
        }
        return nil
    }

    /// What may stand after a date that ends its line: place names, a time, the agency
    /// (`, Бишкек - 24.kg`, `| 13:31`, `г.`).
    static func isDatelinePart(_ s: String) -> Bool {
        var words = 0
        for piece in s.split(whereSeparator: { " ,:|-—–/()".contains($0) }) {
            let part = piece.endsWith(".") ? piece.dropLast() : piece
            if part.allSatisfy({ $0.isNumber || $0 == "." }) { continue }
            words += 1
            if part.contains(".") || part == "г" || part.startsWith("жыл") || datelineWords.contains(part.lowercased()) { continue }  // 24.kg, 2025 г., 2025-жыл, шейшемби
            guard let f = part.first, f.isUppercase || !f.isLetter else { return false }
        }
        return words <= 4
    }

    /// What may stand before the date: place names (capitalized words), a time, a label.
    static func isDatelineHead(_ s: String) -> Bool {
        var words = 0
        for part in s.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ":" || $0 == "|" || $0 == "-" || $0 == "—" }) {
            if part.allSatisfy({ $0.isNumber || $0 == "." }) { continue }
            words += 1
            if labelWords.contains(part.lowercased()) { continue }
            guard let f = part.first, f.isUppercase else { return false }
        }
        return words <= 4
    }

    /// `. /Кабар/.`, `— Sputnik.`, `- 24.kg`, `| 13:31` right after the date.
    static func hasAgencyMark(_ s: String) -> Bool {
        var rest = Substring(s).drop { $0 == " " || $0 == "." || $0 == "," }
        guard let f = rest.first else { return true }
        if f == "/" || f == "|" { return true }
        if f == "—" || f == "–" || f == "-" {
            rest = rest.dropFirst().drop { $0 == " " }
            return rest.first.map { $0.isLetter || $0.isNumber } ?? false
        }
        return false
    }
}
