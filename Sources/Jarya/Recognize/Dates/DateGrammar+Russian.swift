/// Russian forms: genitive months (`15 мая`), `года`/`г.`, and ranges (`с … по …`, `в 2021–2026 годах`).
extension DateGrammar {
    func russian(_ i: Int) -> (DateMention, Int)? {
        var k = i
        var from = false
        if role(k, .rangeFrom) != nil, tokens[k].text != "тартып" {
            from = true; k += 1
        } else if role(k, .preposition) != nil, tokens[k].text != "in", tokens[k].text != "on" {
            k += 1
        }
        var result: (DateMention, Int)? = nil
        if let r = russianDays(k, from: from) ?? russianMonths(k) ?? russianYears(k, from: from) {
            result = r
        } else if from || k > i, let r = numeric(k, allowPrefix: false) {
            result = r
        }
        guard let (found, next) = result else { return nil }
        // A preposition before a date is inside the span (`в 2023 году`, `с 28 февраля…`).
        var m = found
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
        if role(j, .rangeTo) != nil && tokens[j].text != "чейин" {
            j += 1
        } else if isDash(j) {
            j += 1
        } else if from && role(j, .deadline) != nil {
            j += 1
        }
        if j > k, let d2 = day(j), let (m2, n, _) = russianMonth(j + 1) {
            var e = n
            var y2: Int? = nil
            if let (y, n2) = russianYear(e, bare: true) { y2 = y; e = n2 }
            let sm = m1 ?? m2
            var sy = y1 ?? y2
            if y1 == nil, let y2, sm > m2 { sy = y2 - 1 }
            guard CivilDate.isValid(year: sy, month: sm, day: d1), CivilDate.isValid(year: y2, month: m2, day: d2)
            else { return nil }
            var mention = DateMention(
                span: span(i, e), start: PartialDate(year: sy, month: sm, day: d1),
                end: PartialDate(year: y2, month: m2, day: d2))
            if let (_, after) = phrase(at: e, roles: [.currentYear]) { mention.currentYear = true; e = after }
            guard
                PartialDate(year: sy ?? 0, month: sm, day: d1) <= PartialDate(year: y2 ?? 0, month: m2, day: d2)
                    || y2 == nil
            else { return nil }
            return (mention, e)
        }
        // Two days running: `24 и 25 марта` is one span of two days.
        if m1 == nil, isWord(k, "и"), let d2 = day(k + 1), d2 == d1 + 1, let (mo, n, _) = russianMonth(k + 2) {
            var e = n
            var y: Int? = nil
            if let (yy, n2) = russianYear(e, bare: true) { y = yy; e = n2 }
            guard CivilDate.isValid(year: y, month: mo, day: d2) else { return nil }
            return (
                DateMention(
                    span: span(i, e), start: PartialDate(year: y, month: mo, day: d1),
                    end: PartialDate(year: y, month: mo, day: d2)), e
            )
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
        if kind(next) == .dot, !(plain(next + 1).map { $0.kind == .number && !$0.spaceBefore } ?? false) {
            next += 1
        }
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
        return (
            DateMention(
                span: span(i, k), start: PartialDate(year: year, month: m1), end: PartialDate(year: year, month: m2)), k
        )
    }

    /// `2023 году`, `2011–2022 гг.`, `2015-м`, `с 2012 года` (open), `2050 года`.
    func russianYears(_ i: Int, from: Bool) -> (DateMention, Int)? {
        guard let y1 = fourDigitYear(i) else { return nil }
        if isDash(i + 1), let y2 = fourDigitYear(i + 2), y2 > y1, let n = russianYearWord(i + 3) {
            return (DateMention(span: span(i, n), start: PartialDate(year: y1), end: PartialDate(year: y2)), n)
        }
        if (from || isWord(i - 1, "по")), isWord(i + 1, "по") || isDash(i + 1), let y2 = fourDigitYear(i + 2), y2 > y1,
            let n = russianYearWord(i + 3)
        {
            return (DateMention(span: span(i, n), start: PartialDate(year: y1), end: PartialDate(year: y2)), n)
        }
        var yearEnd = russianYearWord(i + 1)
        if yearEnd == nil, isDash(i + 1), isAttached(i + 1), isWord(i + 2, "м"), isAttached(i + 2), i > 0,
            role(i - 1, .preposition) != nil
        {
            yearEnd = i + 3  // В 2015-м
        }
        guard let n = yearEnd else { return nil }
        var m = DateMention(span: span(i, n), start: PartialDate(year: y1), end: PartialDate(year: y1))
        if from { m.end = nil; m.openEnd = true }
        return (m, n)
    }
}

extension DateRule {
    static let russian = DateRule(
        name: "Russian forms",
        parse: { g, i in g.russian(i) },
        triggering: [
            "Форум пройдет ⟦с 21 по 23 мая 2021 года⟧ в Бишкеке.",
            "Ярмарка откроется ⟦28–29 сентября⟧.",
            "Отчет опубликуют ⟦в 2024 году⟧, а итоги подведут ⟦в ноябре 2024 года⟧.",
            "Семинар состоится ⟦15 марта 2024 г.⟧ в Оше.",
        ],
        nonTriggering: [
            "В мероприятии участвовали 25 человек из 3 областей.",
            "Майские праздники прошли спокойно.",
            "Жыйын 22-февраль күнү болот.",
        ])
}
