/// Quoted names with a legal form: `ОсОО «Альфа»`, `“…” коомдук бирикмеси`.
extension OrganizationRules {
    /// The closing quote of a quoted name that opens at `q`, on the same line and at most 9 words
    /// long; nil when `q` opens none.
    func closingQuote(_ q: Int) -> Int? {
        // Most tokens are words: their kind answers before any text is read; most punctuation
        // starts with another byte than « (C2 AB), “ (E2 80 9C) or " (22), and no scalar is decoded.
        guard q < tokens.count, tokens[q].kind == .punctuation,
            case let b = tokens[q].text.utf8.first, b == 0xC2 || b == 0xE2 || b == 0x22,
            tokens[q].is("«") || tokens[q].is("“") || tokens[q].is("\"")
        else { return nil }
        // A straight quote opens a name only when it is glued to the word after it and not to the
        // one before: the closing `"` of `"Древо жизни" в партнерстве` opens nothing.
        if tokens[q].is("\"") {
            guard q + 1 < tokens.count, tokens[q + 1].span.start == tokens[q].span.end,
                q == 0 || tokens[q - 1].span.end < tokens[q].span.start
            else { return nil }
        }
        var c = q + 1
        while c < tokens.count && c - q <= 10 && !(tokens[c].is("»") || tokens[c].is("”") || tokens[c].is("\""))
            && !tokens[c].newlineBefore
        { c += 1 }
        guard c < tokens.count, c - q <= 10, c > q + 1, tokens[c].kind == .punctuation, !tokens[c].newlineBefore else {
            return nil
        }
        return c
    }

    func quoted(_ q: Int) -> Candidate? {
        guard let c = closingQuote(q) else { return nil }
        let inner = "«" + joined(q + 1, c) + "»"
        // Legal form before: ОсОО «…», ОО «…», общественного фонда «…».
        if q > 0, let form = legalFormEnding(at: q) {
            return Candidate(
                first: form.first, last: c + 1, name: form.name + " " + inner, acronym: nil, organizationID: nil,
                priority: .quoted)
        }
        // A Russian head before: пансионат «Голубой Иссык-Куль», театр «…».
        // A weak head names a body too when a quoted name follows: `фонда "Евразия"`, `предприятия «Тазалык»`.
        if q > 0, let head = russianHeadBeforeQuote(q - 1) {
            return Candidate(
                first: q - 1, last: c + 1, name: head.prefix(1).uppercased() + head.dropFirst() + " " + inner,
                acronym: nil, organizationID: nil, priority: .quoted)
        }
        // A head and its genitive: `доме культуры «Диалог»`, `Дворца спорта «Кожомкул»`.
        if q > 1, tokens[q - 1].kind == .word, !tokens[q - 1].isCapitalized, Self.isGenitive(tokens[q - 1].lower),
            !Self.conjunctions.contains(tokens[q - 1].lower), let head = russianHeadBeforeQuote(q - 2)
        {
            return Candidate(
                first: q - 2, last: c + 1,
                name: head.prefix(1).uppercased() + head.dropFirst() + " " + tokens[q - 1].text + " " + inner,
                acronym: nil, organizationID: nil, priority: .quoted)
        }
        // Legal form or head after: «…» КБ, “…” коомдук бирикмеси, “…” улуттук федерациясы КБ.
        var k = c + 1
        var lastHead: Int? = nil
        while k < tokens.count && k - c <= 4 && tokens[k].kind == .word && !tokens[k].newlineBefore {
            // A Russian preposition, a past-tense verb or a role word ends the phrase: `"…" в
            // партнерстве с Фондом`, `«…» является фонд`, `"ВБ" сообщил директор предприятия`.
            if (!tokens[k].isCapitalized && !tokens[k].isAllCaps && tokens[k].lower.unicodeScalars.count <= 2)
                || Self.russianStopWords.contains(tokens[k].lower)
                || ["ил", "ила", "или", "ал", "ала", "али"].contains(where: { tokens[k].lower.endsWith($0) })
                    && tokens[k].lower.unicodeScalars.count > 5
                || people.isRoleWord(tokens[k])
            {
                break
            }
            if glossary.legalForms[tokens[k].text] != nil || kyrgyzHeadAfterQuote(k) != nil {
                lastHead = k
            } else if let (_, end) = legalFormPhrase(at: k) {
                lastHead = end - 1; k = end - 1
            }
            k += 1
        }
        guard let end = lastHead else { return quotedAcronym(q, c, inner) }
        var words: [String] = []
        for n in (c + 1)...end {
            if n == end, glossary.legalForms[tokens[n].text] == nil, let head = kyrgyzHeadAfterQuote(n) {
                words.append(head)
            } else {
                words.append(tokens[n].text)
            }
        }
        if let (phrase, pEnd) = legalFormPhrase(at: end - 1), pEnd == end + 1 {
            words.removeLast(2); words.append(phrase)
        }
        return Candidate(
            first: q, last: end + 1, name: inner + " " + words.joined(separator: " "), acronym: nil,
            organizationID: nil, priority: .quoted)
    }

    /// Words between two names that join them, never a genitive of the first (`ансамбли жана «…»`).
    static let conjunctions: WordSet = ["и", "или", "жана", "же", "менен", "да"]

    static let quotedWeakHeads: WordSet = ["фонд", "центр", "объединение", "предприятие", "дом"]

    /// A Russian head that names a body before a quoted name: a head that is not weak, a weak one
    /// that does there (`фонда "Евразия"`), or one that heads a name only there (`ансамбль «…»`).
    func russianHeadBeforeQuote(_ k: Int) -> String? {
        guard tokens[k].kind == .word else { return nil }
        if let head = russianHead(k) {
            return !Self.weakRussianHeads.contains(head) || Self.quotedWeakHeads.contains(head) ? head : nil
        }
        return glossary.russianQuotedHeads[
            tokens[k].stem.isEmpty ? RussianMorphology.stem(tokens[k].lower) : tokens[k].stem]
    }

    /// A Kyrgyz head after a quoted name: any head, or one that heads a name only there
    /// (`«Жаштык» маданият үйү`, `«Аура» тобу`, `"Байчечекей" балдар журналы`).
    func kyrgyzHeadAfterQuote(_ k: Int) -> String? {
        if let head = kyrgyzHead(k) { return head }
        guard tokens[k].kind == .word else { return nil }
        let forms = tokens[k].forms.isEmpty ? KyrgyzMorphology.stems(of: tokens[k].lower) : tokens[k].forms
        return forms.filter { glossary.kyrgyzQuotedHeads.contains($0) }.max { $0.count < $1.count }
    }

    /// Media and other bodies known by an acronym in quotes: `«ТАСС»`, `«НТВ»`, `ТК «МИР»`,
    /// `ИА «АКИpress»` is left to the glossary. The quoted word is all capitals, 2–8 letters.
    func quotedAcronym(_ q: Int, _ c: Int, _ inner: String) -> Candidate? {
        guard c == q + 2, tokens[q + 1].kind == .word, tokens[q + 1].isAllCaps,
            (2...8).contains(tokens[q + 1].text.unicodeScalars.count)
        else { return nil }
        if q > 0, ["ИА", "ТК", "ТРК", "ТВ"].contains(tokens[q - 1].text) {
            return Candidate(
                first: q - 1, last: c + 1, name: tokens[q - 1].text + " " + inner, acronym: nil, organizationID: nil,
                priority: .quoted)
        }
        return Candidate(first: q, last: c + 1, name: inner, acronym: nil, organizationID: nil, priority: .quoted)
    }

    /// A legal form ending right before token `q`: an abbreviation (`ОсОО`) or a phrase in any
    /// case (`общественного фонда` → `Общественный фонд`).
    func legalFormEnding(at q: Int) -> (first: Int, name: String)? {
        if q >= 1, tokens[q - 1].kind == .word, glossary.legalForms[tokens[q - 1].text] != nil,
            tokens[q - 1].isAllCaps || tokens[q - 1].text.unicodeScalars.count <= 5
        {
            return (q - 1, tokens[q - 1].text)
        }
        for len in [3, 2] where q - len >= 0 {
            if let (phrase, end) = legalFormPhrase(at: q - len), end == q {
                return (q - len, phrase.prefix(1).uppercased() + phrase.dropFirst())
            }
        }
        return nil
    }

    /// A multi-word legal form starting at `k`, matched by stems (`общественного фонда`,
    /// `коомдук бирикмесинин`), as its dictionary form and the index after it.
    func legalFormPhrase(at k: Int) -> (String, Int)? {
        guard k < tokens.count, tokens[k].kind == .word else { return nil }
        // Every phrase has two words or more (a glossary cell is trimmed, and a phrase has a space),
        // so its first word is matched by lower case or stem.
        let first = tokens[k].lower
        guard
            glossary.legalFormPhraseStarts.contains(first)
                || glossary.legalFormPhraseStarts.contains(
                    tokens[k].stem.isEmpty ? RussianMorphology.stem(first) : tokens[k].stem)
        else { return nil }
        // Longest first, so `коомдук бирикмеси` wins over `коомдук бирикме`.
        for (form, words, stems) in glossary.legalFormPhrases where k + words.count <= tokens.count {
            var ok = true
            for n in words.indices {
                guard tokens[k + n].kind == .word else { ok = false; break }
                let lower = tokens[k + n].lower,
                    stem = tokens[k + n].stem.isEmpty ? RussianMorphology.stem(lower) : tokens[k + n].stem
                let same =
                    lower.sameBytes(words[n]) || stem.sameBytes(stems[n])
                    || (n == words.count - 1 && tokens[k + n].forms.contains { $0.sameBytes(words[n]) })
                if !same { ok = false; break }
            }
            if ok { return (form, k + words.count) }
        }
        return nil
    }

    /// Quoted names listed beside a quoted body are bodies too: `«Первого канала», «России 1»,
    /// «НТВ» и «Рен-ТВ»`, where `«НТВ»` is known. A list is quoted names joined by commas and `и`.
    func quotedListMates(of chosen: [Candidate], taken: [Bool], claimed: SpanIndex) -> [Candidate] {
        var result: [Candidate] = []
        var q = 0
        while q < tokens.count {
            // The quoted names of one list, each as (open, close).
            var list: [(Int, Int)] = []
            var k = q
            while let c = closingQuote(k) {
                list.append((k, c))
                guard c + 2 < tokens.count, tokens[c + 1].is(",") || tokens[c + 1].lower == "и" else { break }
                k = c + 2
            }
            guard list.count >= 2 else {
                q = list.isEmpty ? q + 1 : list[0].1 + 1
                continue
            }
            let known = list.contains { open, close in
                chosen.contains { $0.first <= open && close < $0.last && $0.last - $0.first <= close - open + 2 }
            }
            if known {
                for (open, close) in list
                where !taken[open...close].contains(true)
                    && !claimed.overlaps(Span(tokens[open].span.start, tokens[close].span.end))
                {
                    result.append(
                        Candidate(
                            first: open, last: close + 1, name: "«" + joined(open + 1, close) + "»", acronym: nil,
                            organizationID: nil, priority: .quoted))
                }
            }
            q = list[list.count - 1].1 + 1
        }
        return result
    }
}
