/// Finds the release's own date in its dateline: `Бишкек, 25.11.20. /Кабар/.`,
/// `БИШКЕК, 26 сен — Sputnik.`, `09:25, 01 декабря 2016, Бишкек - 24.kg`, `Дата: 08:52, 14-06-2019.`,
/// `Ош, 25 ноября 2025 г.`, a date alone under the title, `27.11.2025 | 13:31`.
///
/// A dateline is a day-precise mention near the top (in the first blocks, at most a few
/// words into its block) with nothing around it but place names, a time, labels and the
/// agency: the rest of its line is such, an agency mark (`/Кабар/`, `— Sputnik`) follows, or a place
/// and a comma come before it.
enum DatelineReader {
    /// Blocks with letters searched for the dateline; blocks without letters (a currency ticker's
    /// `• 86.5`, a share counter) come before it on real pages and are not counted.
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
        let blocks = searchedBlocks(doc)
        return mentions.indices.first { isDateline(mentions[$0], blocks, doc.text.scalars) }
    }

    /// The other mentions that repeat the dateline's day in the same shape near the top: a site
    /// clock (`7-Октябрь, 2025-жыл, шейшемби, Бишкек убактысы 10:41`) under a crawler's date line.
    /// They are page furniture, not dates of the text.
    static func repeats(of dateline: Int, _ mentions: [DateMention], in doc: Document) -> [Int] {
        let blocks = searchedBlocks(doc)
        return mentions.indices.filter { k in
            k != dateline && mentions[k].start == mentions[dateline].start && mentions[k].end == mentions[k].start
                && isDateline(mentions[k], blocks, doc.text.scalars)
        }
    }

    /// A stamp of page furniture that ends its line after a number and a separator: a photo
    /// caption's `Sputnik Кыргызстан, 1920, 05.09.2023`, a related-news `21:51|2025-10-01` (or the
    /// date alone on the line under its `21:51`).
    /// A sentence does not end that way.
    static func isFurnitureStamp(_ m: DateMention, _ t: [Unicode.Scalar]) -> Bool {
        var e = m.span.end
        while e < t.count, t[e] == " " || t[e] == "\t" { e += 1 }
        guard e == t.count || t[e] == "\n" else { return false }
        var b = m.span.start
        while b > 0, t[b - 1] == " " { b -= 1 }
        guard b > 0, t[b - 1] == "," || t[b - 1] == "|" || t[b - 1] == "\n" else { return false }
        b -= 1
        while b > 0, t[b - 1] == " " { b -= 1 }
        return b > 0 && t[b - 1].properties.numericType != nil
    }

    /// The first blocks, up to `blocksToSearch` of them with letters.
    static func searchedBlocks(_ doc: Document) -> [Block] {
        let t = doc.text.scalars
        var blocks: [Block] = []
        var lettered = 0
        for b in doc.segmentation.blocks {
            if lettered == blocksToSearch { break }
            blocks.append(b)
            if t[b.span.start..<b.span.end].contains(where: { $0.properties.isAlphabetic }) { lettered += 1 }
        }
        return blocks
    }

    /// Whether a mention has a dateline's shape and place.
    static func isDateline(_ m: DateMention, _ blocks: [Block], _ t: [Unicode.Scalar]) -> Bool {
        guard m.relativeDay == nil, m.relativeYear == nil, let start = m.start, start.day != nil,
            let block = blocks.first(where: { $0.span.contains(m.span) })
        else { return false }
        if m.span.start - block.span.start > 60 { return false }
        let before = String(scalars: t[block.span.start..<m.span.start])
        // A newspaper's issue line, `№562 9-август-15-август, 2013-ж`: the issue's first day.
        if m.end != m.start { return isIssueNumber(before) && start.year != nil }
        guard isDatelineHead(before) else { return false }
        // A crawler's ` date 2025-12-25 09:59` or `Дата:` line: the label says what the date is,
        // whatever text follows on the line.
        if hasLabel(before) { return true }
        let afterEnd = min(block.span.end, m.span.end + 60)
        let after = String(scalars: t[m.span.end..<afterEnd])
        let rest = String(scalars: t[m.span.end..<block.span.end])
        // `Кочкор, 7-август, 2023-жыл. Body…`: a place and a comma open a dateline.
        let placeComma = before.trimmingCharacters(in: "").endsWith(",")
        // Without a year (`БИШКЕК, 20-сен. — Sputnik.`, `Бишкек, 20 мая. Фонд …`) the agency's mark or a
        // place, a comma and the sentence's end make a dateline: `Итак, 14 июля завершение` is a sentence.
        if start.year == nil { return hasAgencyMark(after) || (placeComma && after.drop { $0 == " " }.first == ".") }
        return isDatelinePart(rest) || hasAgencyMark(after) || placeComma
    }

    /// What may stand after a date that ends its line: place names, a time, the agency
    /// (`, Бишкек - 24.kg`, `| 13:31`, `г.`).
    static func isDatelinePart(_ s: String) -> Bool {
        var words = 0
        // The separators as a `switch`: `" ,:|-—–/()".contains` walked the literal's Characters
        // for each Character of the text.
        let separators: (Character) -> Bool = {
            switch $0 {
            case " ", ",", ":", "|", "-", "—", "–", "/", "(", ")": return true
            default: return false
            }
        }
        for piece in s.split(whereSeparator: separators) {
            let part = piece.endsWith(".") ? piece.dropLast() : piece
            if part.allSatisfy({ $0.isNumber || $0 == "." }) { continue }
            words += 1
            if part.contains(".") || part == "г" || part.startsWith("жыл") || datelineWords.contains(part.lowercased())
            {
                continue
            }  // 24.kg, 2025 г., 2025-жыл, шейшемби
            guard let f = part.first, f.isUppercase || !f.isLetter else { return false }
        }
        return words <= 4
    }

    /// `№562 `: an issue number and nothing else.
    static func isIssueNumber(_ s: String) -> Bool {
        let w = s.trimmingCharacters(in: "")
        return w.hasPrefix("№") && w.count > 1 && w.dropFirst().allSatisfy { $0.isNumber || $0 == " " }
    }

    /// Whether the text before a date is nothing but a label (`date`, `Дата:`, `Опубликовано`).
    static func hasLabel(_ s: String) -> Bool {
        let parts = s.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "|" || $0 == "\n" })
        return !parts.isEmpty && parts.allSatisfy { labelWords.contains($0.lowercased()) }
    }

    /// What may stand before the date: place names (capitalized words), a time, a label, a list
    /// bullet (`• 26.11.2021` under a title).
    static func isDatelineHead(_ s: String) -> Bool {
        var words = 0
        for part in s.split(whereSeparator: {
            $0 == " " || $0 == "," || $0 == ":" || $0 == "|" || $0 == "-" || $0 == "—" || $0 == "•"
        }) {
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
        // A page stamp's clock time: `August 7, 2022, 22:02`, `14.03.2024, 10:15`.
        let clock = rest.prefix(5)
        if s.hasPrefix(","), clock.count == 5,
            clock.enumerated().allSatisfy({ $0.offset == 2 ? $0.element == ":" : $0.element.isNumber })
        {
            return true
        }
        if f == "—" || f == "–" || f == "-" {
            // One word, the agency's, and its dot: `— Sputnik.`, `- 24.kg`, not `— Завершение регистрации;`.
            rest = rest.dropFirst().drop { $0 == " " }
            guard let first = rest.first, first.isLetter || first.isNumber else { return false }
            let word = rest.prefix { !$0.isWhitespace && $0 != "," && $0 != ";" }
            let next = rest.dropFirst(word.count).first
            return word.contains(".") || next == nil || next == "\n" || next == ","
        }
        return false
    }
}
