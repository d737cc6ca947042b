/// Clock times attached to a date: `саат 10:00дө`, `в 14.00`, `с 10:00 до 17:00`.
extension DateGrammar {
    /// A time that belongs to the date before it: `саат 10:00дө`, `в 14.00`, `, 08:25`,
    /// `с 10:00 до 17:00`, `14:00–16:00`, `саат 10:00дөн 16:00гө чейин`, `11.00ч.`.
    func clockTime(_ i: Int, attachedToDate: Bool) -> (String, Int)? {
        var k = i
        if kind(k) == .comma { k += 1 }
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
            if kind(k2) == .dot, t.text == "ч" { k2 += 1 }
        }
        return (end.map { "\(t1)-\($0)" } ?? t1, k2)
    }

    /// A programme's hour line: a time that opens a line (`12:00-13:00 – концерт`, `10:00 баштап …`,
    /// `Саат 20:00дөн тарта …`), not attached to a date. It takes its day from the list's heading.
    func programmeTime(at i: Int) -> (DateMention, Int)? {
        // Bare or after `саат`; a sentence `В 19.00 состоится …` is no list item.
        guard let t = plain(i), i == 0 || t.newlineBefore, t.kind == .number || role(i, .hourWord) != nil,
            let (time, next) = clockTime(i, attachedToDate: false)
        else { return nil }
        // `10:00 баштап`, `20:00дөн тарта`: "from" is part of the item's time.
        let end = isWord(next, "баштап") || isWord(next, "тарта") || isWord(next, "тартып") ? next + 1 : next
        var m = DateMention(span: span(i, end))
        m.time = time
        m.takesHeadingDay = true
        return (m, end)
    }

    /// The hour in words before the day: `в 11 часов 21 марта` (11:00 on 21 March).
    func hourBeforeDate(_ i: Int) -> (DateMention, Int)? {
        guard isWord(i, "в"), let h = number(i + 1, digits: 1...2, in: 0...23), let w = token(i + 2), w.kind == .word,
            w.text.startsWith("час")
        else { return nil }
        let k = i + 3
        guard let (m, next) = [russian(k), numeric(k, allowPrefix: false)].compactMap({ $0 }).max(by: { $0.1 < $1.1 }),
            m.start?.day != nil
        else { return nil }
        var merged = m
        merged.time = (h < 10 ? "0\(h)" : "\(h)") + ":00"
        merged.span = span(i, next)
        return (merged, next)
    }

    /// The ablative suffix on a time: `10:00дөн`.
    static func isTimeAblative(_ w: String) -> Bool {
        KyrgyzCase.ablative.endings.contains(w)
    }

    /// `10:00`, `9:30`, `14.00` (a dot only with a mark before or `ч` after), with an attached
    /// Kyrgyz suffix (`10:00дө`). Returns `HH:MM`, the next token, and the suffix word.
    func hhmm(_ i: Int, needsMark: Bool) -> (String, Int, String?)? {
        guard let h = number(i, digits: 1...2, in: 0...23), let sep = plain(i + 1),
            sep.kind == .colon || sep.kind == .dot,
            !sep.spaceBefore, let mm = plain(i + 2), mm.kind == .number, mm.digits == 2, mm.number < 60, !mm.spaceBefore
        else { return nil }
        var next = i + 3
        var suffix: String? = nil
        if let w = token(next), w.kind == .word, !w.spaceBefore { suffix = w.text; next += 1 }
        if sep.kind == .dot {
            let hourAfter = suffix == "ч" || (role(next, .hourWord) != nil && token(next)!.text != "саат")
            if needsMark && !hourAfter { return nil }
            if let n = token(next), !n.spaceBefore,
                n.kind == .number
                    || (n.kind == .dot && plain(next + 1).map { $0.kind == .number && !$0.spaceBefore } == true)
            {
                return nil
            }
            if suffix == "ч" { suffix = nil; if kind(next) == .dot { next += 1 } }
        }
        // Not a number in a longer sequence (7:4 scores have one-digit minutes; ratios like 10:00:00 are rare).
        let time = (h < 10 ? "0\(h)" : "\(h)") + ":" + (mm.number < 10 ? "0\(mm.number)" : "\(mm.number)")
        return (time, next, suffix)
    }
}

extension DateRule {
    static let hourBeforeDate = DateRule(
        name: "hour in words before the date",
        parse: { g, i in g.hourBeforeDate(i) },
        triggering: [
            "Сессия откроется ⟦в 11 часов 21 марта⟧ в здании мэрии.",
            "Митинг начнется ⟦в 9 часов 15.08.2025⟧.",
            "Жыйын ⟦в 10 часов 5 мая⟧ башталат деп орусча жарыяланды.",
        ],
        nonTriggering: [
            "Работа длилась 11 часов без перерыва.",
            "Жыйын саат 10:00дө 5-майда башталат.",
        ])
}
