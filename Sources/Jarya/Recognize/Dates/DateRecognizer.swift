/// Dates, date ranges and clock times in Kyrgyz, Russian and English, and the document's
/// published date from its dateline.
///
/// Missing years come from the range they belong to, then the published date, then the
/// last year stated earlier in the text, then a New Year celebration's name, then the first year
/// the body states; relative words (`эртең`, `вчера`, `быйыл`) need
/// the published date. What cannot be resolved is left without a year, or left out, and
/// said in `warnings`, never guessed.
public struct DateRecognizer: Recognizer {
    public let name = "date"
    /// The publication date when it is known from outside the text (a page's metadata, a
    /// test). It wins over the dateline.
    public var knownPublished: PartialDate?
    let lexicon: DateLexicon

    public init(glossaries: Glossaries, published: PartialDate? = nil) {
        self.lexicon = glossaries.dates
        self.knownPublished = published
    }

    public func recognize(_ document: inout Document) {
        // The worker's memo, taken out of the lexicon while it grows so that it is not copied.
        var memo = DateWordMemo()
        swap(&memo, &document.lexicon.dates)
        let tokens = DateTokens(tokens: document.tokens, lexicon: document.lexicon)
        let grammar = DateGrammar(tokens: tokens, lexicon: lexicon, memo: &memo)
        swap(&memo, &document.lexicon.dates)
        let claimed = SpanIndex(document.entities.lazy.map(\.span))
        var mentions: [DateMention] = []
        var i = 0
        while i < tokens.count {
            if claimed.overlaps(document.tokens[i].span) { i += 1; continue }
            if let (m, next) = grammar.parse(at: i), !claimed.overlaps(m.span),
                !insideQuotedTitle(m.span, document.text.scalars)
            {
                mentions.append(m)
                i = next
            } else if let (m, next) = grammar.programmeTime(at: i), !claimed.overlaps(m.span) {
                mentions.append(m)
                i = next
            } else {
                i += 1
            }
        }

        var published: PartialDate? = nil
        let urlDate = document.source.url.flatMap(URLDate.find(in:))
        // A later part of a long document has the first part's published date and no dateline of its own.
        if !document.continues, let d = DatelineReader.find(mentions, in: document),
            knownPublished == nil || mentions[d].start == knownPublished
        {
            published = mentions[d].start
            document.datelineSpan = mentions[d].span
            let furniture = Set(DatelineReader.repeats(of: d, mentions, in: document))
            mentions = mentions.indices.filter { $0 != d && !furniture.contains($0) }.map { mentions[$0] }
            // A dateline without a year (`27 сен — Sputnik`) takes the year of the page's address before the body's.
            // Across New Year: `31 дек` on a page whose address says 1 January is last December.
            if published?.year == nil, let y = urlDate?.year, let um = urlDate?.month, let m = published?.month {
                published?.year = Self.year(ofMonth: m, near: um, in: y)
            }
            if published?.year == nil {
                published?.year = Self.yearFromBody(mentions)
                if published?.year == nil {
                    document.warnings.append("the dateline has no year and the text gives none: published date unknown")
                }
            }
            if let p = published, !p.isCalendarDate {
                document.warnings.append(
                    "the dateline's \(p) is not a calendar date (\(p.year ?? 0) is not a leap year): published date unknown"
                )
                published = nil
            }
        }
        mentions.removeAll { DatelineReader.isFurnitureStamp($0, document.text.scalars) }
        if published?.year == nil { published = nil }
        // The page's address is the weakest evidence: used only when the text states no date of its own.
        if published == nil, !document.continues, let urlDate {
            published = urlDate
            document.warnings.append("the text states no published date: \(urlDate) is taken from the page's address")
        }
        if let knownPublished { published = knownPublished }
        if document.continues { published = document.published }
        document.published = published

        var lastYear: Int? = nil
        var unresolved: [String] = []
        var lastDay: PartialDate? = nil
        let newYear = published == nil ? Self.newYearName(tokens) : nil
        // Without a page date, the first year the body states (`быйыл, 2024-жылы`, `В 2024 году`), not a deadline's.
        let bodyYear =
            published != nil
            ? nil
            : mentions.first { m in
                m.relativeDay == nil && m.relativeYear == nil && !m.isDeadline && !m.openEnd && m.start?.year != nil
                    && m.start?.year == m.end?.year
            }?.start?.year
        for var m in mentions {
            let text = document.text[m.span]
            if m.takesHeadingDay {
                // An hour line before any dated heading says nothing of its day.
                guard let day = lastDay else { continue }
                m.start = day; m.end = day
                add(m, &document)
                continue
            }
            // `бүгүн, 17-апрелде` on a page without a date: the explicit day takes its year as a
            // year-less date does (`2019-жылы` in the body), not from the relative word.
            let dayWithoutPage = m.relativeDay != nil && published == nil && m.start?.day != nil && m.start?.year == nil
            if let offset = m.relativeDay, !dayWithoutPage {
                guard let p = published, m.start == nil || m.start?.year == nil else {
                    if m.start == nil { unresolved.append(text); continue }
                    add(m, &document); continue
                }
                let day = CivilDate.adding(offset, to: p)
                if m.start == nil {
                    m.start = day; m.end = day
                } else {
                    m.start?.year = day?.year; m.end?.year = day?.year
                }
            } else if let offset = m.relativeYear {
                guard let year = published?.year else { unresolved.append(text); continue }
                m.start = PartialDate(year: year + offset); m.end = m.start
            } else if !m.hasYear || m.start?.year == nil || (m.end != nil && m.end?.year == nil) {
                var year = m.currentYear ? published?.year : (published?.year ?? lastYear)
                // A New Year celebration named for its year (`“Жаңы жыл – 2022”`): its December is the year before.
                if year == nil, !m.currentYear, let y = newYear, let mo = m.start?.month, mo == 12 || mo == 1 {
                    year = mo == 12 ? y - 1 : y
                }
                if year == nil, !m.currentYear { year = bodyYear }
                // Across New Year: `5 января` in a release of 28 December is next January, `31-декабрь`
                // reported on 1 January is last December. Only across the turn of the year (December and
                // January, 11 months apart): a release of February may well announce its December.
                if !m.currentYear, let p = published, let pm = p.month, let dm = m.start?.month, m.start?.year == nil,
                    let y = year
                {
                    year = Self.year(ofMonth: dm, near: pm, in: y)
                }
                if let year {
                    if m.start?.year == nil { m.start?.year = year }
                    if let end = m.end, end.year == nil {
                        m.end?.year = (end.month ?? 12) < (m.start?.month ?? 1) ? year + 1 : year
                    }
                } else {
                    unresolved.append(text)
                }
            }
            // `29 февраля` takes its year from elsewhere: in a year that is not a leap year it is
            // no date, so it keeps no year rather than becoming 2025-02-29.
            if let bad = [m.start, m.end].compactMap({ $0 }).first(where: { !$0.isCalendarDate }) {
                document.warnings.append(
                    "\(text): \(bad) is not a calendar date (\(bad.year ?? 0) is not a leap year); left without a year")
                m.start?.year = nil
                m.end?.year = nil
            }
            if m.start?.day != nil, let y = m.end?.year ?? m.start?.year { lastYear = y }
            if m.start?.day != nil, m.end == m.start { lastDay = m.start }
            add(m, &document)
        }
        if !unresolved.isEmpty {
            document.warnings.append(
                "no published date to resolve \(unresolved.count) date\(unresolved.count == 1 ? "" : "s") against: "
                    + unresolved.prefix(5).joined(separator: "; ") + " (left without a year, or left out if relative)")
        }
    }

    private func add(_ m: DateMention, _ document: inout Document) {
        document.add(
            .date, m.span,
            .date(DateValue(start: m.start, end: m.openEnd ? nil : m.end, time: m.time, isDeadline: m.isDeadline)))
    }

    /// A Sputnik-style dateline (`26 сен`) gives no year: take it from the body, preferring
    /// full dates, then the latest year stated alone that is not a deadline (`до 2050 года`).
    static func yearFromBody(_ mentions: [DateMention]) -> Int? {
        if let full = mentions.first(where: { $0.start?.day != nil && $0.start?.year != nil }) {
            return full.start?.year
        }
        let single = mentions.filter { $0.start?.year != nil && $0.start == $0.end && !$0.isDeadline }.compactMap {
            $0.start?.year
        }
        return single.max() ?? mentions.compactMap { $0.start?.year }.max()
    }

    /// The year of a date in `month` read beside a reference date of `referenceMonth` in `year`:
    /// the same year, except across the turn of the year (December and January, 11 months apart),
    /// where `5 января` beside 28 December is next year and `31 декабря` beside 1 January last year.
    static func year(ofMonth month: Int, near referenceMonth: Int, in year: Int) -> Int {
        if referenceMonth - month >= 11 { return year + 1 }
        if month - referenceMonth >= 11 { return year - 1 }
        return year
    }

    /// The year of a New Year celebration's name: `Жаңы жыл – 2022`, `Новый год 2022`.
    static func newYearName(_ tokens: DateTokens) -> Int? {
        for k in tokens.indices.dropLast(2) where tokens[k].isWord("жаңы") || tokens[k].text.startsWith("нов") {
            let w = tokens[k + 1]
            guard w.kind == .word, w.text.startsWith("жыл") || w.text.startsWith("год") else { continue }
            var j = k + 2
            while j < min(tokens.count, k + 5), tokens[j].kind != .number { j += 1 }
            if j < tokens.count, tokens[j].kind == .number, tokens[j].digits == 4,
                (1900...2199).contains(tokens[j].number)
            {
                return tokens[j].number
            }
        }
        return nil
    }

    /// A year inside a quoted name («Чөйрө 2022», «Туризм-2024») is part of a title.
    func insideQuotedTitle(_ span: Span, _ t: [Unicode.Scalar]) -> Bool {
        var k = span.start
        var steps = 0
        while k > 0 && steps < 40 {
            k -= 1; steps += 1
            let c = t[k]
            if c == "»" || c == "”" || c == "\n" { return false }
            if c == "«" || c == "“" {
                var e = span.end
                while e < t.count && e - span.end < 40 {
                    if t[e] == "»" || t[e] == "”" { return true }
                    if t[e] == "\n" || t[e] == "«" || t[e] == "“" { return false }
                    e += 1
                }
                return false
            }
        }
        return false
    }
}
