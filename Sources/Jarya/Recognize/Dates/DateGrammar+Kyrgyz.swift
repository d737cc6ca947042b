/// Kyrgyz forms: suffixed days and months (`15-майда`), `жыл` words (`2024-жылдын`), and ranges
/// (`…дан … чейин`, `2021-2026-жылдары`).
extension DateGrammar {
    func kyrgyz(_ i: Int) -> (DateMention, Int)? {
        // Year ranges: 2021-2026-жылдары
        if let y1 = fourDigitYear(i), isDash(i + 1), isAttached(i + 1),
            let (y2, next, _) = kyrgyzYear(i + 2, plural: true), y2 > y1
        {
            return (DateMention(span: span(i, next), start: PartialDate(year: y1), end: PartialDate(year: y2)), next)
        }
        if let (year, next, word) = kyrgyzYear(i) {
            // 2011-жылдан 2022-жылга чейин, 2019-жылдан бери
            if Self.isAblative(word) {
                if let (y2, n2, _) = kyrgyzYear(next), isWord(n2, "чейин") {
                    return (
                        DateMention(span: span(i, n2 + 1), start: PartialDate(year: year), end: PartialDate(year: y2)),
                        n2 + 1
                    )
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
            return (
                DateMention(span: span(i, next), start: PartialDate(year: year), end: PartialDate(year: year)), next
            )
        }
        return kyrgyzDayOrMonth(i, year: nil)
    }

    /// `28-февралынан 3-мартына чейин`, `16-17-октябрында`, `22-февраль күнү`, `декабрь айында`,
    /// `январь-июнь айларында`, `Кулжа айында`, with the year if one came before.
    func kyrgyzDayOrMonth(_ i: Int, year: Int?) -> (DateMention, Int)? {
        // Day range: 16-17-октябрында, 29-30-июнь күндөрү, 21-27-апрелге чейин
        if let d1 = day(i), isDash(i + 1), isAttached(i + 1), let d2 = day(i + 2), d2 > d1, isDash(i + 3),
            isAttached(i + 3),
            let (mo, next, _) = month(i + 4)
        {
            var n = next
            if role(n, .dayWord) != nil { n += 1 }
            if isWord(n, "чейин") { n += 1 }
            guard CivilDate.isValid(year: year, month: mo, day: d2) else { return nil }
            return (
                DateMention(
                    span: span(i, n), start: PartialDate(year: year, month: mo, day: d1),
                    end: PartialDate(year: year, month: mo, day: d2)), n
            )
        }
        // Day: 28-февралынан, 22-февраль күнү
        if let d = day(i), isDash(i + 1), isAttached(i + 1), let (mo, next, word) = month(i + 2),
            CivilDate.isValid(year: year, month: mo, day: d)
        {
            var n = next
            if role(n, .dayWord) != nil { n += 1 }
            let start = PartialDate(year: year, month: mo, day: d)
            if Self.isAblative(word) || isStartWord(n) {
                var k = n
                if isStartWord(k) { k += 1 }
                var endYear = year
                if let (y2, afterYear, _) = kyrgyzYear(k) { endYear = y2; k = afterYear }
                if let d2 = day(k), isDash(k + 1), let (mo2, after, _) = month(k + 2),
                    CivilDate.isValid(year: endYear, month: mo2, day: d2)
                {
                    var e = after
                    if role(e, .dayWord) != nil { e += 1 }
                    if isUntil(e) {
                        var m = DateMention(
                            span: span(i, e + 1), start: start, end: PartialDate(year: endYear, month: mo2, day: d2))
                        if m.start?.year == nil, endYear != nil { m.start?.year = mo2 >= mo ? endYear : endYear! - 1 }
                        return (m, e + 1)
                    }
                }
                // The end day alone, in the same month: `8-сентябрынан 13үнө чейин`.
                if let d2 = day(k), d2 > d, let suffix = token(k + 1), suffix.kind == .word, !suffix.spaceBefore,
                    role(k + 1, .month) == nil, isUntil(k + 2), CivilDate.isValid(year: year, month: mo, day: d2)
                {
                    let m = DateMention(
                        span: span(i, k + 3), start: start, end: PartialDate(year: year, month: mo, day: d2))
                    return (m, k + 3)
                }
                if isStartWord(n) {
                    var m = DateMention(span: span(i, n + 1), start: start, end: nil)
                    m.openEnd = true
                    return (m, n + 1)
                }
            }
            // A newspaper issue's week: `9-август-15-август, 2013-ж`.
            if year == nil, isDash(n), isAttached(n), let d2 = day(n + 1), isDash(n + 2),
                let (mo2, afterMonth, _) = month(n + 3),
                kind(afterMonth) == .comma, let (y, afterYear, _) = kyrgyzYear(afterMonth + 1),
                CivilDate.isValid(year: y, month: mo, day: d), CivilDate.isValid(year: y, month: mo2, day: d2),
                (mo2, d2) > (mo, d)
            {
                return (
                    DateMention(
                        span: span(i, afterYear), start: PartialDate(year: y, month: mo, day: d),
                        end: PartialDate(year: y, month: mo2, day: d2)), afterYear
                )
            }
            // A Kabar dateline: `18-июль, 2024-жыл.`, also without the comma (`3-март 2025-жыл.`) when
            // the year is in the nominative.
            let yearAt = kind(n) == .comma ? n + 1 : n
            if year == nil, let (y, afterYear, word) = kyrgyzYear(yearAt), yearAt > n || word == "жыл",
                CivilDate.isValid(year: y, month: mo, day: d)
            {
                let date = PartialDate(year: y, month: mo, day: d)
                return (DateMention(span: span(i, afterYear), start: date, end: date), afterYear)
            }
            return (DateMention(span: span(i, n), start: start, end: start), n)
        }
        // A page header with a traditional month: `Ишенби, 20 Чын куран 2024`.
        if year == nil, let d = day(i), !isDash(i + 1), role(i + 1, .month) == nil,
            phrase(at: i + 1, roles: [.traditionalMonth]) != nil || role(i + 1, .traditionalMonth) != nil,
            let (mo, next, _) = month(i + 1), let y = fourDigitYear(next), CivilDate.isValid(year: y, month: mo, day: d)
        {
            let date = PartialDate(year: y, month: mo, day: d)
            return (DateMention(span: span(i, next + 1), start: date, end: date), next + 1)
        }
        // Traditional month with a day: Бугу айынын 12-күнү
        if let (mo, next, _) = month(i), let d = day(next), isDash(next + 1), role(next + 2, .dayWord) != nil,
            CivilDate.isValid(year: year, month: mo, day: d)
        {
            let date = PartialDate(year: year, month: mo, day: d)
            return (DateMention(span: span(i, next + 3), start: date, end: date), next + 3)
        }
        // Month range: январь-июнь айларында
        if let (m1, n1, _) = month(i), isDash(n1), let (m2, n2, _) = month(n1 + 1), m2 > m1, role(n2, .monthWord) != nil
        {
            return (
                DateMention(
                    span: span(i, n2 + 1), start: PartialDate(year: year, month: m1),
                    end: PartialDate(year: year, month: m2)), n2 + 1
            )
        }
        // Month: декабрь айында, Кулжа айында, (2024-жылдын) декабрында
        if let (mo, next, word) = month(i) {
            if role(next, .monthWord) != nil, tokens[i].text != tokens[next].text {
                let d = PartialDate(year: year, month: mo)
                return (DateMention(span: span(i, next + 1), start: d, end: d), next + 1)
            }
            let traditional = role(i, .traditionalMonth) != nil || phrase(at: i, roles: [.traditionalMonth]) != nil
            if traditional || (year != nil && word.unicodeScalars.count > 4)
                || (Self.isLocative(word) && tokens[i].text.startsWith("ма") == false)
            {
                let d = PartialDate(year: year, month: mo)
                return (DateMention(span: span(i, next), start: d, end: d), next)
            }
        }
        return nil
    }

    /// `тартып` / `баштап` (starting from) after an ablative date.
    func isStartWord(_ i: Int) -> Bool { isWord(i, "тартып") || isWord(i, "баштап") }

    /// `чейин`, `чейинки` (until) closing a range.
    func isUntil(_ i: Int) -> Bool { token(i).map { $0.kind == .word && $0.text.startsWith("чейин") } ?? false }

    /// Kyrgyz locative of a month (`октябрда`, `августта`, `июлунда`): a bare month is a date.
    static func isLocative(_ w: String) -> Bool {
        KyrgyzCase.locative.ends(w) && w.unicodeScalars.count > 5
    }
}

extension DateRule {
    static let kyrgyz = DateRule(
        name: "Kyrgyz forms",
        parse: { g, i in g.kyrgyz(i) },
        triggering: [
            "Форум ⟦2024-жылдын 15-17-июнунда⟧ Чолпон-Атада өтөт.",
            "Окуу ⟦28-февралынан 2-мартына чейин⟧ уланат.",
            "Долбоор ⟦2021-2026-жылдары⟧ ишке ашырылат.",
            "Жыйын ⟦22-февраль күнү⟧ болот, ал эми отчет ⟦декабрь айында⟧ чыгат.",
            "Уюм ⟦2019-жылдан бери⟧ иштейт.",
        ],
        nonTriggering: [
            "Иш-чарага 15 адам катышты жана 3 долбоор сунушталды.",
            "Жыйынга 2 министр жана 30дан ашык адам катышты.",
            "В мае 2024 года пройдет форум.",
        ])
}
