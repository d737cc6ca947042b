/// Relative words: days and years counted from the published date.
extension DateGrammar {
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
            if kind(k) == .comma { k += 1 }
            if let (explicit, after) = [kyrgyz(k), russian(k), numeric(k, allowPrefix: false)].compactMap({ $0 }).max(
                by: { $0.1 < $1.1 }),
                explicit.start?.day != nil
            {
                var merged = explicit
                merged.relativeDay = m.relativeDay
                merged.span = span(i, after)
                return (merged, after)
            }
        }
        return (m, next)
    }
}

extension DateRule {
    static let relative = DateRule(
        name: "relative words",
        parse: { g, i in g.relative(i) },
        triggering: [
            "⟦Бүгүн⟧ шаардын борборунда жыйын болот.",
            "⟦Кечээ, 19-ноябрь күнү⟧ Бишкекте акция өттү.",
            "⟦Быйыл⟧ фестивалга 40 команда катышат.",
            "⟦Завтра⟧ в мэрии пройдет брифинг.",
            "⟦Вчера, 24 ноября⟧, в Оше открылась выставка.",
            "⟦В этом году⟧ конкурс проводится впервые.",
        ],
        nonTriggering: [
            "Бүгүнкү күндө долбоорго 12 мектеп кошулду.",
            "Сегодняшний форум собрал экспертов региона.",
        ])
}
