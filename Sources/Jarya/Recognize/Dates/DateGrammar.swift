/// A date expression as written, before missing years and relative words are resolved.
struct DateMention: Sendable {
    var span: Span
    var start: PartialDate?
    var end: PartialDate?
    /// "since 2019": no end.
    var openEnd = false
    var time: String?
    /// бүгүн / завтра …: days from the published date.
    var relativeDay: Int?
    /// быйыл / в этом году …: years from the published year.
    var relativeYear: Int?
    /// `с.г.`, `текущего года`: the published year.
    var currentYear = false
    /// A deadline (`до 2050 года`, `2050-жылга чейинки`): says nothing of when the text was written.
    var isDeadline = false
    /// Whether the text states a year.
    var hasYear: Bool { start?.year != nil || end?.year != nil }
}

/// Reads date expressions from tokens: Kyrgyz (suffixed numbers and months, `жыл` words,
/// `…дан … чейин` ranges), Russian (`с … по …`, genitive months, `года`/`г.`), English, and
/// numeric forms, with attached clock times. Each `parse…` function returns the mention and the
/// index of the first token after it, or nil; the longest reading at a position wins.
struct DateGrammar {
    let tokens: [DateToken]
    let lexicon: DateLexicon
    /// Lexicon entries of each word token, looked up once.
    let entries: [[DateLexicon.Entry]]

    /// Whether a date may start at each token: a number, a word the lexicon knows, or the first
    /// word of a lexicon phrase. Most tokens are none of these and are passed over at once.
    let canStart: [Bool]

    init(tokens: [DateToken], lexicon: DateLexicon) {
        self.tokens = tokens
        self.lexicon = lexicon
        let entries = tokens.map { $0.kind == .word ? lexicon.lookup($0.text) : [] }
        self.entries = entries
        self.canStart = tokens.indices.map { k in
            tokens[k].kind == .number || !entries[k].isEmpty || (tokens[k].kind == .word && lexicon.phraseInitials.contains(tokens[k].text))
        }
    }

    // MARK: Token tests

    func token(_ i: Int) -> DateToken? { i >= 0 && i < tokens.count ? tokens[i] : nil }

    func role(_ i: Int, _ r: DateLexicon.Role) -> DateLexicon.Entry? {
        guard i >= 0 && i < tokens.count else { return nil }
        return entries[i].first { $0.role == r }
    }

    func isWord(_ i: Int, _ w: String) -> Bool { token(i)?.isWord(w) ?? false }
    func isDash(_ i: Int) -> Bool { token(i)?.isDash ?? false }
    /// A token directly after the previous one, with no space.
    func isAttached(_ i: Int) -> Bool { token(i).map { !$0.spaceBefore } ?? false }

    func number(_ i: Int, digits: ClosedRange<Int>, in range: ClosedRange<Int>) -> Int? {
        guard let t = token(i), t.kind == .number, digits.contains(t.digits), range.contains(t.number) else { return nil }
        return t.number
    }

    func day(_ i: Int) -> Int? { number(i, digits: 1...2, in: 1...31) }
    func fourDigitYear(_ i: Int) -> Int? { number(i, digits: 4...4, in: 1000...2199) }

    func span(_ from: Int, _ to: Int) -> Span { Span(tokens[from].span.start, tokens[to - 1].span.end) }

    /// A multi-word lexicon phrase starting at `i` with one of `roles`.
    func phrase(at i: Int, roles: [DateLexicon.Role]) -> (DateLexicon.Entry, Int)? {
        guard let first = token(i), first.kind == .word, lexicon.phraseInitials.contains(first.text) else { return nil }
        for entry in lexicon.phrases where roles.contains(entry.role) {
            var k = i
            var ok = true
            for (n, w) in entry.words.enumerated() {
                let last = n == entry.words.count - 1
                // `с.г`: a dot between words is part of the phrase.
                if n > 0, token(k)?.kind == .dot { k += 1 }
                guard let t = token(k), t.kind == .word, DateLexicon.matches(t.text, w, prefix: last && entry.prefix) else { ok = false; break }
                k += 1
            }
            if ok {
                // `с.г.`: the abbreviation's last dot.
                if entry.role == .currentYear, token(k)?.kind == .dot, tokens[k - 1].text.unicodeScalars.count == 1 { k += 1 }
                return (entry, k)
            }
        }
        return nil
    }

    // MARK: Months

    /// A month name at `i`: a glossary month word, or a traditional Kyrgyz name
    /// (`Кулжа айында`, `Жалган куран`). Returns the month, the token after it, and the
    /// month word itself (for its case suffix).
    func month(_ i: Int) -> (month: Int, next: Int, word: String)? {
        if let (entry, next) = phrase(at: i, roles: [.traditionalMonth]) {
            // `чын куран айынын`: the name, then its `ай` word.
            if !entry.words.contains(where: { $0.startsWith("ай") }), role(next, .monthWord) != nil { return (entry.value, next + 1, tokens[next].text) }
            return (entry.value, next, tokens[next - 1].text)
        }
        if let e = entries.indices.contains(i) ? entries[i].first(where: { $0.role == .traditionalMonth }) : nil {
            // A one-word traditional name (Бугу, Кулжа, Теке) is an animal unless `ай…` follows.
            if role(i + 1, .monthWord) != nil { return (e.value, i + 2, tokens[i + 1].text) }
            return nil
        }
        guard let e = role(i, .month) ?? role(i, .monthAbbreviation), e.lang != "en" else { return nil }
        return (e.value, i + 1, tokens[i].text)
    }

    /// Kyrgyz ablative ending (`февралынан`, `жылдан`, `10:00дөн`).
    static func isAblative(_ w: String) -> Bool {
        ["ан", "ен", "он", "өн"].contains { w.endsWith($0) } && w.unicodeScalars.count > 3
    }

    // MARK: Years

    /// `2022-жылдын`, `2005- жылдын`, `2024-ж.`: the year and its `жыл` word.
    func kyrgyzYear(_ i: Int) -> (year: Int, next: Int, word: String)? {
        guard let y = fourDigitYear(i), isDash(i + 1), isAttached(i + 1), role(i + 2, .yearWord) != nil,
              let w = token(i + 2), w.kind == .word, w.text.startsWith("ж") else { return nil }
        var next = i + 3
        if w.text == "ж" { guard token(next)?.kind == .dot else { return nil }; next += 1 }
        return (y, next, w.text)
    }

    /// `2022 года`, `2022 г.`, `2023 году`, `2011–2022 гг.`, `2015-м`.
    func russianYearWord(_ i: Int) -> Int? {
        guard let t = token(i), t.kind == .word, let e = role(i, .yearWord), e.lang != "ky" else { return nil }
        if t.text == "г" || t.text == "гг" { return token(i + 1)?.kind == .dot ? i + 2 : i + 1 }
        return i + 1
    }

    // MARK: Entry point

    /// The longest date mention starting at token `i`.
    func parse(at i: Int) -> (DateMention, Int)? {
        guard canStart[i] else { return nil }
        let candidates = [relative(i), kyrgyz(i), russian(i), english(i), numeric(i, allowPrefix: true)].compactMap { $0 }
        guard var (m, next) = candidates.max(by: { $0.1 < $1.1 }) else { return nil }
        m.isDeadline = role(i - 1, .deadline) != nil || (token(next).map { $0.kind == .word && $0.text.startsWith("чейин") } ?? false)
        if let (time, after) = clockTime(next, attachedToDate: true) {
            m.time = time
            m.span = Span(m.span.start, tokens[after - 1].span.end)
            next = after
        }
        return (m, next)
    }

    // MARK: Relative words

    /// `бүгүн`, `эртең`, `мурдагы күнү`, `сегодня`, `быйыл`, `в этом году`, optionally followed by
    /// the explicit date they name (`Кечээ, 19-ноябрь күнү`, `вчера, 24 ноября`).
    func relative(_ i: Int) -> (DateMention, Int)? {
        var next: Int
        var m = DateMention(span: tokens[i].span)
        if let (e, n) = phrase(at: i, roles: [.relativeDay, .relativeYear]) {
            next = n
            if e.role == .relativeDay { m.relativeDay = e.value } else { m.relativeYear = e.value }
        } else if let e = role(i, .relativeDay) ?? role(i, .relativeYear) {
            next = i + 1
            if e.role == .relativeDay { m.relativeDay = e.value } else { m.relativeYear = e.value }
        } else {
            return nil
        }
        m.span = span(i, next)
        if m.relativeDay != nil {
            var k = next
            if token(k)?.kind == .comma { k += 1 }
            if let (explicit, after) = [kyrgyz(k), russian(k), numeric(k, allowPrefix: false)].compactMap({ $0 }).max(by: { $0.1 < $1.1 }),
               explicit.start?.day != nil {
                var merged = explicit
                merged.relativeDay = m.relativeDay
                merged.span = span(i, after)
                return (merged, after)
            }
        }
        return (m, next)
    }

    // MARK: Kyrgyz

    func kyrgyz(_ i: Int) -> (DateMention, Int)? {
        // Year ranges: 2021-2026-жылдары
        if let y1 = fourDigitYear(i), isDash(i + 1), isAttached(i + 1), let (y2, next, _) = kyrgyzYear(i + 2), y2 > y1 {
            return (DateMention(span: span(i, next), start: PartialDate(year: y1), end: PartialDate(year: y2)), next)
        }
        if let (year, next, word) = kyrgyzYear(i) {
            // 2011-жылдан 2022-жылга чейин, 2019-жылдан бери
            if Self.isAblative(word) {
                if let (y2, n2, _) = kyrgyzYear(next), isWord(n2, "чейин") {
                    return (DateMention(span: span(i, n2 + 1), start: PartialDate(year: year), end: PartialDate(year: y2)), n2 + 1)
                }
                if role(next, .since) != nil || isWord(next, "тартып") {
                    var m = DateMention(span: span(i, next + 1), start: PartialDate(year: year), end: nil)
                    m.openEnd = true
                    return (m, next + 1)
                }
            }
            // 2024-жылдын 3-июнунда, 2024-жылдын декабрь айында
            if let (m, n) = kyrgyzDayOrMonth(next, year: year) {
                var m2 = m
                m2.span = span(i, n)
                return (m2, n)
            }
            return (DateMention(span: span(i, next), start: PartialDate(year: year), end: PartialDate(year: year)), next)
        }
        return kyrgyzDayOrMonth(i, year: nil)
    }

    /// `28-февралынан 3-мартына чейин`, `16-17-октябрында`, `22-февраль күнү`, `декабрь айында`,
    /// `январь-июнь айларында`, `Кулжа айында`, with the year if one came before.
    func kyrgyzDayOrMonth(_ i: Int, year: Int?) -> (DateMention, Int)? {
        // Day range: 16-17-октябрында, 29-30-июнь күндөрү, 21-27-апрелге чейин
        if let d1 = day(i), isDash(i + 1), isAttached(i + 1), let d2 = day(i + 2), d2 > d1, isDash(i + 3), isAttached(i + 3),
           let (mo, next, _) = month(i + 4) {
            var n = next
            if role(n, .dayWord) != nil { n += 1 }
            if isWord(n, "чейин") { n += 1 }
            guard CivilDate.isValid(year: year, month: mo, day: d2) else { return nil }
            return (DateMention(span: span(i, n), start: PartialDate(year: year, month: mo, day: d1),
                                end: PartialDate(year: year, month: mo, day: d2)), n)
        }
        // Day: 28-февралынан, 22-февраль күнү
        if let d = day(i), isDash(i + 1), isAttached(i + 1), let (mo, next, word) = month(i + 2),
           CivilDate.isValid(year: year, month: mo, day: d) {
            var n = next
            if role(n, .dayWord) != nil { n += 1 }
            let start = PartialDate(year: year, month: mo, day: d)
            if Self.isAblative(word) || isWord(n, "тартып") {
                var k = n
                if isWord(k, "тартып") { k += 1 }
                var endYear = year
                if let (y2, afterYear, _) = kyrgyzYear(k) { endYear = y2; k = afterYear }
                if let d2 = day(k), isDash(k + 1), let (mo2, after, _) = month(k + 2), CivilDate.isValid(year: endYear, month: mo2, day: d2) {
                    var e = after
                    if role(e, .dayWord) != nil { e += 1 }
                    if isWord(e, "чейин") {
                        var m = DateMention(span: span(i, e + 1), start: start, end: PartialDate(year: endYear, month: mo2, day: d2))
                        if m.start?.year == nil, endYear != nil { m.start?.year = mo2 >= mo ? endYear : endYear! - 1 }
                        return (m, e + 1)
                    }
                }
                if isWord(n, "тартып") {
                    var m = DateMention(span: span(i, n + 1), start: start, end: nil)
                    m.openEnd = true
                    return (m, n + 1)
                }
            }
            // A Kabar dateline: `18-июль, 2024-жыл.`
            if year == nil, token(n)?.kind == .comma, let (y, afterYear, _) = kyrgyzYear(n + 1), CivilDate.isValid(year: y, month: mo, day: d) {
                let date = PartialDate(year: y, month: mo, day: d)
                return (DateMention(span: span(i, afterYear), start: date, end: date), afterYear)
            }
            return (DateMention(span: span(i, n), start: start, end: start), n)
        }
        // Traditional month with a day: Бугу айынын 12-күнү
        if let (mo, next, _) = month(i), let d = day(next), isDash(next + 1), role(next + 2, .dayWord) != nil,
           CivilDate.isValid(year: year, month: mo, day: d) {
            let date = PartialDate(year: year, month: mo, day: d)
            return (DateMention(span: span(i, next + 3), start: date, end: date), next + 3)
        }
        // Month range: январь-июнь айларында
        if let (m1, n1, _) = month(i), isDash(n1), let (m2, n2, _) = month(n1 + 1), m2 > m1, role(n2, .monthWord) != nil {
            return (DateMention(span: span(i, n2 + 1), start: PartialDate(year: year, month: m1), end: PartialDate(year: year, month: m2)), n2 + 1)
        }
        // Month: декабрь айында, Кулжа айында, (2024-жылдын) декабрында
        if let (mo, next, word) = month(i) {
            if role(next, .monthWord) != nil, tokens[i].text != tokens[next].text {
                let d = PartialDate(year: year, month: mo)
                return (DateMention(span: span(i, next + 1), start: d, end: d), next + 1)
            }
            let traditional = role(i, .traditionalMonth) != nil || phrase(at: i, roles: [.traditionalMonth]) != nil
            if traditional || (year != nil && word.unicodeScalars.count > 4) || (Self.isLocative(word) && tokens[i].text.startsWith("ма") == false) {
                let d = PartialDate(year: year, month: mo)
                return (DateMention(span: span(i, next), start: d, end: d), next)
            }
        }
        return nil
    }

    /// Kyrgyz locative of a month (`октябрда`, `августта`, `июлунда`): a bare month is a date.
    static func isLocative(_ w: String) -> Bool {
        ["да", "де", "до", "дө", "та", "те", "то", "тө"].contains { w.endsWith($0) } && w.unicodeScalars.count > 5
    }

    // MARK: Russian

    func russian(_ i: Int) -> (DateMention, Int)? {
        var k = i
        var from = false
        if role(k, .rangeFrom) != nil, tokens[k].text != "тартып" { from = true; k += 1 }
        else if role(k, .preposition) != nil, tokens[k].text != "in", tokens[k].text != "on" { k += 1 }
        var result: (DateMention, Int)? = nil
        if let r = russianDays(k, from: from) ?? russianMonths(k) ?? russianYears(k, from: from) { result = r }
        else if from || k > i, let r = numeric(k, allowPrefix: false) { result = r }
        guard var (m, next) = result else { return nil }
        // A preposition before a date is inside the span (`в 2023 году`, `с 28 февраля…`).
        m.span = span(i, next)
        return (m, next)
    }

    /// `28 февраля`, `20–31 октября`, `с 25 по 27 марта 2022 года`, `с 28 февраля по 3 марта 2022 г.`,
    /// `26 марта с.г.`, with the year after the (last) month.
    func russianDays(_ i: Int, from: Bool) -> (DateMention, Int)? {
        guard let d1 = day(i) else { return nil }
        var k = i + 1
        var m1: Int? = nil
        var y1: Int? = nil
        if let (mo, n, _) = russianMonth(k) {
            m1 = mo; k = n
            if let (y, n2) = russianYear(k, bare: true) { y1 = y; k = n2 }
        }
        // The second part of a range: `по 3 марта`, `– 3 марта`, `- 29 апреля`, `до 14 марта` (after с).
        var j = k
        if role(j, .rangeTo) != nil && tokens[j].text != "чейин" { j += 1 }
        else if isDash(j) { j += 1 }
        else if from && role(j, .deadline) != nil { j += 1 }
        if j > k, let d2 = day(j), let (m2, n, _) = russianMonth(j + 1) {
            var e = n
            var y2: Int? = nil
            if let (y, n2) = russianYear(e, bare: true) { y2 = y; e = n2 }
            let sm = m1 ?? m2
            var sy = y1 ?? y2
            if y1 == nil, let y2, sm > m2 { sy = y2 - 1 }
            guard CivilDate.isValid(year: sy, month: sm, day: d1), CivilDate.isValid(year: y2, month: m2, day: d2) else { return nil }
            var mention = DateMention(span: span(i, e), start: PartialDate(year: sy, month: sm, day: d1), end: PartialDate(year: y2, month: m2, day: d2))
            if let (_, after) = phrase(at: e, roles: [.currentYear]) { mention.currentYear = true; e = after }
            guard PartialDate(year: sy ?? 0, month: sm, day: d1) <= PartialDate(year: y2 ?? 0, month: m2, day: d2) || y2 == nil else { return nil }
            return (mention, e)
        }
        guard let m1, CivilDate.isValid(year: y1, month: m1, day: d1) else { return nil }
        let date = PartialDate(year: y1, month: m1, day: d1)
        var mention = DateMention(span: span(i, k), start: date, end: date)
        if y1 == nil, let (_, after) = phrase(at: k, roles: [.currentYear]) { mention.currentYear = true; k = after }
        return (mention, k)
    }

    /// A Russian or English month word after a day (any case form of a glossary month).
    func russianMonth(_ i: Int) -> (Int, Int, String)? {
        if let e = role(i, .month), e.lang != "en" { return (e.value, i + 1, tokens[i].text) }
        guard let e = role(i, .monthAbbreviation), e.lang != "en" else { return nil }
        // An abbreviation with its dot: `26 сен.`
        var next = i + 1
        if token(next)?.kind == .dot, !(token(next + 1).map { $0.kind == .number && !$0.spaceBefore } ?? false) { next += 1 }
        return (e.value, next, tokens[i].text)
    }

    /// A year after a month: `2022 года`, `2022 г.`, or a bare `2022`; `2022-жылы` (Kyrgyz word order).
    func russianYear(_ i: Int, bare: Bool) -> (Int, Int)? {
        guard let y = fourDigitYear(i) else { return nil }
        if let n = russianYearWord(i + 1) { return (y, n) }
        if let (ky, n, _) = kyrgyzYear(i) { return (ky, n) }
        return bare ? (y, i + 1) : nil
    }

    /// `в декабре 2025 года`, `в мае`, `в январе–марте 2025 года`.
    func russianMonths(_ i: Int) -> (DateMention, Int)? {
        guard i > 0, role(i - 1, .preposition) != nil, let (m1, n1, _) = russianMonth(i) else { return nil }
        var k = n1
        var m2 = m1
        if isDash(k), let (mo, n, _) = russianMonth(k + 1), mo > m1 { m2 = mo; k = n }
        var year: Int? = nil
        if let (y, n) = russianYear(k, bare: true) { year = y; k = n }
        return (DateMention(span: span(i, k), start: PartialDate(year: year, month: m1), end: PartialDate(year: year, month: m2)), k)
    }

    /// `2023 году`, `2011–2022 гг.`, `2015-м`, `с 2012 года` (open), `2050 года`.
    func russianYears(_ i: Int, from: Bool) -> (DateMention, Int)? {
        guard let y1 = fourDigitYear(i) else { return nil }
        if isDash(i + 1), let y2 = fourDigitYear(i + 2), y2 > y1, let n = russianYearWord(i + 3) {
            return (DateMention(span: span(i, n), start: PartialDate(year: y1), end: PartialDate(year: y2)), n)
        }
        if (from || isWord(i - 1, "по")), isWord(i + 1, "по") || isDash(i + 1), let y2 = fourDigitYear(i + 2), y2 > y1, let n = russianYearWord(i + 3) {
            return (DateMention(span: span(i, n), start: PartialDate(year: y1), end: PartialDate(year: y2)), n)
        }
        var yearEnd = russianYearWord(i + 1)
        if yearEnd == nil, isDash(i + 1), isAttached(i + 1), isWord(i + 2, "м"), isAttached(i + 2), i > 0, role(i - 1, .preposition) != nil {
            yearEnd = i + 3  // В 2015-м
        }
        guard let n = yearEnd else { return nil }
        var m = DateMention(span: span(i, n), start: PartialDate(year: y1), end: PartialDate(year: y1))
        if from { m.end = nil; m.openEnd = true }
        return (m, n)
    }

    // MARK: English

    /// `February 28 – March 3, 2022`, `July 11, 2022`, `5 March 2024`, `March 2024`, `since 2019`.
    func english(_ i: Int) -> (DateMention, Int)? {
        var k = i
        var since = false
        if let t = token(k), t.kind == .word, ["on", "in", "from", "since"].contains(t.text) { since = t.text == "since"; k += 1 }
        if since, let y = fourDigitYear(k) {
            var m = DateMention(span: span(i, k + 1), start: PartialDate(year: y), end: nil)
            m.openEnd = true
            return (m, k + 1)
        }
        func englishMonth(_ j: Int) -> Int? {
            guard let e = role(j, .month) ?? role(j, .monthAbbreviation), e.lang == "en" else { return nil }
            return e.value
        }
        // in 2021–2023
        if k > i, let y1 = fourDigitYear(k), isDash(k + 1), let y2 = fourDigitYear(k + 2), y2 > y1 {
            return (DateMention(span: span(i, k + 3), start: PartialDate(year: y1), end: PartialDate(year: y2)), k + 3)
        }
        // Month Day [– [Month] Day], Year
        if let m1 = englishMonth(k), let d1 = day(k + 1) {
            var j = k + 2
            var m2 = m1, d2 = d1
            if isDash(j) || role(j, .rangeTo) != nil {
                if let mo = englishMonth(j + 1), let d = day(j + 2) { m2 = mo; d2 = d; j += 3 }
                else if let d = day(j + 1) { d2 = d; j += 2 }
            }
            var year: Int? = nil
            if token(j)?.kind == .comma, let y = fourDigitYear(j + 1) { year = y; j += 2 }
            else if let y = fourDigitYear(j) { year = y; j += 1 }
            guard CivilDate.isValid(year: year, month: m1, day: d1), CivilDate.isValid(year: year, month: m2, day: d2) else { return nil }
            return (DateMention(span: span(i, j), start: PartialDate(year: year, month: m1, day: d1), end: PartialDate(year: year, month: m2, day: d2)), j)
        }
        // Day to Day Month [Year]: from 1 to 15 April 2023
        if let d1 = day(k), isDash(k + 1) || role(k + 1, .rangeTo) != nil, let d2 = day(k + 2), d2 > d1, let m = englishMonth(k + 3) {
            let y = fourDigitYear(k + 4)
            let next = y == nil ? k + 4 : k + 5
            guard CivilDate.isValid(year: y, month: m, day: d2) else { return nil }
            return (DateMention(span: span(i, next), start: PartialDate(year: y, month: m, day: d1), end: PartialDate(year: y, month: m, day: d2)), next)
        }
        // Day Month [Year]
        if let d = day(k), let m = englishMonth(k + 1) {
            let y = fourDigitYear(k + 2)
            let next = y == nil ? k + 2 : k + 3
            guard CivilDate.isValid(year: y, month: m, day: d) else { return nil }
            let date = PartialDate(year: y, month: m, day: d)
            return (DateMention(span: span(i, next), start: date, end: date), next)
        }
        // Month Year
        if let m = englishMonth(k), let y = fourDigitYear(k + 1) {
            let date = PartialDate(year: y, month: m)
            return (DateMention(span: span(i, k + 2), start: date, end: date), k + 2)
        }
        return nil
    }

    // MARK: Numeric

    /// `12.12.2025`, `25.11.20`, `15-04-2025`, `2025-04-15`, `12/12/2025`, and ranges
    /// `с 01.12.2025 по 05.12.2025`.
    func numeric(_ i: Int, allowPrefix: Bool) -> (DateMention, Int)? {
        var k = i
        var from = false
        if allowPrefix, role(k, .rangeFrom) != nil, tokens[k].text != "тартып" { from = true; k += 1 }
        guard let (d1, n1) = numericDate(k) else { return nil }
        if from || k == i {
            var j = n1
            if role(j, .rangeTo) != nil || isDash(j) || (from && role(j, .deadline) != nil) { j += 1 }
            if j > n1, let (d2, n2) = numericDate(j), d1 <= d2 {
                return (DateMention(span: span(i, n2), start: d1, end: d2), n2)
            }
        }
        guard k == i else { return nil }
        return (DateMention(span: span(i, n1), start: d1, end: d1), n1)
    }

    /// One numeric date, its parts joined without spaces by one kind of separator.
    func numericDate(_ i: Int) -> (PartialDate, Int)? {
        guard let a = token(i), a.kind == .number, let s1 = token(i + 1), [.dot, .dash, .slash].contains(s1.kind),
              let b = token(i + 2), b.kind == .number, let s2 = token(i + 3), s2.kind == s1.kind,
              let c = token(i + 4), c.kind == .number,
              !s1.spaceBefore, !b.spaceBefore, !s2.spaceBefore, !c.spaceBefore else { return nil }
        // Not part of a longer dotted or dashed number (versions, case numbers, phones).
        if let p = token(i - 1), !a.spaceBefore, [.dot, .dash, .slash].contains(p.kind) || p.kind == .number { return nil }
        if let n = token(i + 5), !n.spaceBefore, n.kind == s1.kind, token(i + 6)?.kind == .number, !(token(i + 6)!.spaceBefore) { return nil }
        var y: Int, m: Int, d: Int
        if a.digits == 4 && s1.kind == .dash && b.digits == 2 && c.digits == 2 {
            (y, m, d) = (a.number, b.number, c.number)
        } else if a.digits <= 2 && b.digits <= 2 && (c.digits == 4 || (c.digits == 2 && s1.kind == .dot)) {
            (d, m, y) = (a.number, b.number, c.number)
            if c.digits == 2 { y += y < 70 ? 2000 : 1900 }
        } else {
            return nil
        }
        guard (1000...2199).contains(y), CivilDate.isValid(year: y, month: m, day: d) else { return nil }
        return (PartialDate(year: y, month: m, day: d), i + 5)
    }

    // MARK: Clock times

    /// A time that belongs to the date before it: `саат 10:00дө`, `в 14.00`, `, 08:25`,
    /// `с 10:00 до 17:00`, `14:00–16:00`, `саат 10:00дөн 16:00гө чейин`, `11.00ч.`.
    func clockTime(_ i: Int, attachedToDate: Bool) -> (String, Int)? {
        var k = i
        if token(k)?.kind == .comma { k += 1 }
        var marked = false
        if role(k, .hourWord) != nil || isWord(k, "в") || isWord(k, "at") || isWord(k, "с") { marked = true; k += 1 }
        guard let (t1, n1, w1) = hhmm(k, needsMark: !marked) else { return nil }
        var k2 = n1
        var end: String? = nil
        if isDash(k2) || isWord(k2, "до") || (w1.map(Self.isTimeAblative) ?? false) {
            let j = (isDash(k2) || isWord(k2, "до")) ? k2 + 1 : k2
            if let (t2, n2, _) = hhmm(j, needsMark: false) {
                end = t2; k2 = n2
                if isWord(k2, "чейин") { k2 += 1 }
            }
        }
        if let t = token(k2), t.kind == .word, role(k2, .hourWord) != nil, t.text != "саат" {
            k2 += 1
            if token(k2)?.kind == .dot, t.text == "ч" { k2 += 1 }
        }
        return (end.map { "\(t1)-\($0)" } ?? t1, k2)
    }

    /// The ablative suffix on a time: `10:00дөн`.
    static func isTimeAblative(_ w: String) -> Bool {
        ["дан", "ден", "дон", "дөн", "тан", "тен", "тон", "төн"].contains(w)
    }

    /// `10:00`, `9:30`, `14.00` (a dot only with a mark before or `ч` after), with an attached
    /// Kyrgyz suffix (`10:00дө`). Returns `HH:MM`, the next token, and the suffix word.
    func hhmm(_ i: Int, needsMark: Bool) -> (String, Int, String?)? {
        guard let h = number(i, digits: 1...2, in: 0...23), let sep = token(i + 1), sep.kind == .colon || sep.kind == .dot,
              !sep.spaceBefore, let mm = token(i + 2), mm.kind == .number, mm.digits == 2, mm.number < 60, !mm.spaceBefore else { return nil }
        var next = i + 3
        var suffix: String? = nil
        if let w = token(next), w.kind == .word, !w.spaceBefore { suffix = w.text; next += 1 }
        if sep.kind == .dot {
            let hourAfter = suffix == "ч" || (role(next, .hourWord) != nil && token(next)!.text != "саат")
            if needsMark && !hourAfter { return nil }
            if let n = token(next), !n.spaceBefore, n.kind == .number || (n.kind == .dot && token(next + 1).map { $0.kind == .number && !$0.spaceBefore } == true) { return nil }
            if suffix == "ч" { suffix = nil; if token(next)?.kind == .dot { next += 1 } }
        }
        // Not a number in a longer sequence (7:4 scores have one-digit minutes; ratios like 10:00:00 are rare).
        let time = (h < 10 ? "0\(h)" : "\(h)") + ":" + (mm.number < 10 ? "0\(mm.number)" : "\(mm.number)")
        return (time, next, suffix)
    }
}
