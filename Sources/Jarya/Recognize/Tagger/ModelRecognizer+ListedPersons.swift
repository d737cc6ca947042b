extension ModelRecognizer {
    /// Words listed beside a person named by the surname alone are persons too: a report lists
    /// players, speakers or members by surname (`Ковальчук (Прошкин, Радулов)`, `Топалов —
    /// Крамник`, `Жапаров и Ташиев`), and the list, not the word's ending, says what they are.
    /// The tagger knows a surname by its ending (`-ов`, `-енко`) and misses `Рой`, `Грин`, `Уорд`.
    ///
    /// A list item is one capitalized Cyrillic word next to a one-word person across a comma, an
    /// opening bracket, a dash or `и`; no glossary or rule marks it, the text never writes it in
    /// lower case, and it is no given name, patronymic, abstract noun or adjective. Each new
    /// person's other mentions of the same form join, and their lists are read in turn.
    func addListedPersons(_ tokens: [TaggerToken], in document: inout Document) {
        var queue = document.entities.compactMap { e -> Int? in
            guard e.kind == .person, !e.text.contains(" "), let i = Self.token(startingAt: e.span.start, tokens),
                tokens[i].span.end == e.span.end
            else { return nil }
            return i
        }
        guard !queue.isEmpty else { return }
        let claimed = SpanIndex(document.entities.map(\.span))
        var persons = Set(queue), added: [Int] = []
        for j in Self.slotMates(of: queue, tokens) where !persons.contains(j) {
            guard listedSurname(j, tokens), !claimed.overlaps(tokens[j].span) else { continue }
            persons.insert(j)
            queue.append(j)
            added.append(j)
        }
        var sameForm: [String: [Int]]?  // made at the first new person: most lists have none
        while let i = queue.popLast() {
            for j in Self.listNeighbours(of: i, tokens) where !persons.contains(j) {
                guard listedSurname(j, tokens), !claimed.overlaps(tokens[j].span) else { continue }
                if sameForm == nil {
                    sameForm = Dictionary(grouping: tokens.indices.filter { tokens[$0].kind == .word }) {
                        tokens[$0].lower
                    }
                }
                for k in sameForm?[tokens[j].lower] ?? [j] where !persons.contains(k) {
                    guard k == j || (listedSurname(k, tokens) && !claimed.overlaps(tokens[k].span)) else { continue }
                    persons.insert(k)
                    queue.append(k)
                    added.append(k)
                }
            }
        }
        for k in added.sorted() {
            let t = tokens[k]
            let name = PersonName.nominativeSurname(t.text, case: nil, female: nil)
            document.entities.append(
                Entity(kind: .person, span: t.span, text: t.text, value: .person(name: name, role: nil), origin: .model)
            )
        }
    }

    /// The tokens listed with token `i`: the word after a comma, bracket, dash or `и` that
    /// follows it, and the word before one that precedes it. A comma before the person joins
    /// only when the list goes on or ends after it: in `зданий Сената и Синода, Зорькин сказал`
    /// the comma closes a clause.
    static func listNeighbours(of i: Int, _ tokens: [TaggerToken]) -> [Int] {
        func joins(_ t: TaggerToken) -> Bool { t.kind == .word ? t.lower == "и" : listJoiners.contains(t.text) }
        var out: [Int] = []
        if i + 2 < tokens.count, joins(tokens[i + 1]) || tokens[i + 1].text == "(" { out.append(i + 2) }
        guard i >= 2, joins(tokens[i - 1]) || tokens[i - 1].text == "(" else { return out }
        if tokens[i - 1].text == "," {
            let next = i + 1 < tokens.count ? tokens[i + 1] : nil
            guard next.map({ joins($0) || listEnds.contains($0.text) }) ?? true else { return out }
        }
        out.append(i - 2)
        return out
    }

    /// The words in the slot of a repeated pattern that holds two different one-word persons or
    /// more: a goal list writes each scorer after the time and before the bracket of assists
    /// (`01:23 Сёмин (…) • 03:54 Бернс (…)`), whatever the tagger makes of `Бернс`. The slot is a
    /// capitalized word after a number and before a given punctuation mark.
    static func slotMates(of persons: [Int], _ tokens: [TaggerToken]) -> [Int] {
        func slot(_ i: Int) -> String? {
            guard i > 0, i + 1 < tokens.count, tokens[i - 1].kind == .number, tokens[i + 1].kind == .punctuation,
                tokens[i].kind == .word, tokens[i].isCapitalized
            else { return nil }
            return tokens[i + 1].text
        }
        var holders: [String: Set<String>] = [:]
        for i in persons { if let s = slot(i) { holders[s, default: []].insert(tokens[i].lower) } }
        let slots = Set(holders.filter { $0.value.count >= 2 }.keys)
        guard !slots.isEmpty else { return [] }
        return tokens.indices.filter { slot($0).map(slots.contains) ?? false }
    }

    static let listEnds: Set<String> = [")", ".", ";"]

    static let listJoiners: Set<String> = [",", "—", "–"]

    /// Whether token `j` can be a surname standing alone in a list (see `addListedPersons`).
    func listedSurname(_ j: Int, _ tokens: [TaggerToken]) -> Bool {
        let t = tokens[j]
        let known: TaggerToken.Marks = [
            .place, .organization, .givenName, .organizationHead, .role, .rulePlace, .ruleOrganization, .ruleOther,
        ]
        guard Self.couldBeSurname(t), t.marks.isDisjoint(with: known), !t.elsewhere.contains(.lowerCase),
            t.text.unicodeScalars.allSatisfy({ ($0.value >= 0x400 && $0.value < 0x460) || $0 == "-" }),
            !Self.isPatronymicForm(t.lower), !Self.commonNounEndings.contains(where: { t.lower.endsWith($0) }),
            !Self.endsLikeAdjective(tokens[j...j]) || RussianMorphology.nominativeSurname(t.lower) != nil
        else { return false }
        // One word, not part of a longer capitalized name on either side.
        func capitalizedWord(_ k: Int) -> Bool { tokens[k].kind == .word && tokens[k].isCapitalized }
        return (j + 1 == tokens.count || !capitalizedWord(j + 1)) && (j == 0 || !capitalizedWord(j - 1))
    }
}
