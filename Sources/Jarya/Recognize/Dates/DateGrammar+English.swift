/// English forms: `May 15, 2024`, `15 May 2024`, `in May 2024`.
extension DateGrammar {
    /// `February 28 – March 3, 2022`, `July 11, 2022`, `5 March 2024`, `March 2024`, `since 2019`.
    func english(_ i: Int) -> (DateMention, Int)? {
        var k = i
        var since = false
        // An ASCII first byte before the comparisons: a Cyrillic word is compared slowly.
        if let t = token(k), t.kind == .word, t.text.utf8.first.map({ $0 < 0x80 }) == true,
            ["on", "in", "from", "since"].contains(t.text)
        {
            since = t.text == "since"; k += 1
        }
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
                if let mo = englishMonth(j + 1), let d = day(j + 2) {
                    m2 = mo; d2 = d; j += 3
                } else if let d = day(j + 1) {
                    d2 = d; j += 2
                }
            }
            var year: Int? = nil
            if kind(j) == .comma, let y = fourDigitYear(j + 1) {
                year = y; j += 2
            } else if let y = fourDigitYear(j) {
                year = y; j += 1
            }
            guard CivilDate.isValid(year: year, month: m1, day: d1), CivilDate.isValid(year: year, month: m2, day: d2)
            else { return nil }
            return (
                DateMention(
                    span: span(i, j), start: PartialDate(year: year, month: m1, day: d1),
                    end: PartialDate(year: year, month: m2, day: d2)), j
            )
        }
        // Day to Day Month [Year]: from 1 to 15 April 2023
        if let d1 = day(k), isDash(k + 1) || role(k + 1, .rangeTo) != nil, let d2 = day(k + 2), d2 > d1,
            let m = englishMonth(k + 3)
        {
            let y = fourDigitYear(k + 4)
            let next = y == nil ? k + 4 : k + 5
            guard CivilDate.isValid(year: y, month: m, day: d2) else { return nil }
            return (
                DateMention(
                    span: span(i, next), start: PartialDate(year: y, month: m, day: d1),
                    end: PartialDate(year: y, month: m, day: d2)), next
            )
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
}

extension DateRule {
    static let english = DateRule(
        name: "English forms",
        parse: { g, i in g.english(i) },
        triggering: [
            "The forum will be held ⟦on May 15, 2024⟧ in Bishkek.",
            "Applications are open ⟦since 2019⟧.",
            "The report came out ⟦in March 2024⟧.",
        ],
        nonTriggering: [
            "The mayor may visit the forum in Bishkek.",
            "Форум 15 мая 2024 года пройдет в Бишкеке.",
        ])
}
