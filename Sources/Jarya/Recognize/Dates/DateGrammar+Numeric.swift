/// Numeric forms: `12.12.2025`, `25.11.20`, `2025-04-15`, `12/12/2025`, and their ranges.
extension DateGrammar {
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
        guard let a = plain(i), a.kind == .number, let s1 = plain(i + 1), [.dot, .dash, .slash].contains(s1.kind),
            let b = plain(i + 2), b.kind == .number, let s2 = plain(i + 3), s2.kind == s1.kind,
            let c = plain(i + 4), c.kind == .number,
            !s1.spaceBefore, !b.spaceBefore, !s2.spaceBefore, !c.spaceBefore
        else { return nil }
        // Not part of a longer dotted or dashed number (versions, case numbers, phones).
        if let p = plain(i - 1), !a.spaceBefore, [.dot, .dash, .slash].contains(p.kind) || p.kind == .number {
            return nil
        }
        if let n = plain(i + 5), !n.spaceBefore, n.kind == s1.kind, kind(i + 6) == .number,
            !(plain(i + 6)!.spaceBefore)
        {
            return nil
        }
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
}

extension DateRule {
    static let numeric = DateRule(
        name: "numeric forms",
        parse: { g, i in g.numeric(i, allowPrefix: true) },
        triggering: [
            "Арыздар ⟦15.08.2025⟧ чейин кабыл алынат.",
            "Дата: ⟦14-06-2019⟧.",
            "Прием заявок ⟦с 01.12.2025 по 05.12.2025⟧.",
            "Опубликовано ⟦2025-04-15⟧.",
        ],
        nonTriggering: [
            "Тел.: 0312 62 34 11, кабинет 12.",
            "Счет матча 7:4, версия 2.0.1.",
            "Иш № 05-117-2025-000083 сотко жөнөтүлдү.",
        ])
}
