/// Reads date expressions from tokens: Kyrgyz (suffixed numbers and months, `жыл` words,
/// `…дан … чейин` ranges), Russian (`с … по …`, genitive months, `года`/`г.`), English, and
/// numeric forms, with attached clock times. Each `parse…` function returns the mention and the
/// index of the first token after it, or nil; the longest reading at a position wins.
struct DateGrammar {
    let tokens: DateTokens
    let lexicon: DateLexicon
    /// Each token's lexicon ID (-1 for a number or punctuation): 4 bytes a token. What the date
    /// lexicon says of each distinct word is in `words`, by that ID, looked up once per worker.
    private let slots: [Int32]
    private let words: [Word?]
    /// The roles each token's entries have (`DateLexicon.Role.bit`), and `startsPhrase` when the
    /// word starts a lexicon phrase: most questions the rules ask of a token (`role(i, .yearWord)`,
    /// `canStart(i)`) are answered no from these bits, with no entry copied.
    private let roles: [UInt32]
    private static let startsPhrase: UInt32 = 1 << 31

    /// What the date lexicon says of one distinct word.
    struct Word: Sendable {
        let entries: [DateLexicon.Entry]
        /// The lexicon's phrases that start with the word (`DateLexicon.phrases(startingWith:)`).
        let phrases: [Int32]
        /// The roles of `entries`, one bit each.
        let roles: UInt32

        init(entries: [DateLexicon.Entry], phrases: [Int32]) {
            self.entries = entries
            self.phrases = phrases
            self.roles = entries.reduce(0) { $0 | $1.role.bit }
        }
    }

    init(tokens: DateTokens, lexicon: DateLexicon) {
        var memo = DateWordMemo()
        self.init(tokens: tokens, lexicon: lexicon, memo: &memo)
    }

    /// The grammar over `tokens`, with what the date lexicon says of each word kept in `memo`
    /// (the worker's, from the lexicon `tokens` read) for the next documents.
    init(tokens: DateTokens, lexicon: DateLexicon, memo: inout DateWordMemo) {
        self.tokens = tokens
        self.lexicon = lexicon
        self.slots = tokens.tokens.map { t in
            guard t.kind == .word else { return -1 }
            memo.add(t.word) {
                let text = tokens.lexicon[t.word]
                return Word(entries: lexicon.lookup(text), phrases: lexicon.phrases(startingWith: text))
            }
            return t.word
        }
        self.words = memo.words
        self.roles = slots.map { [words] slot in
            guard slot >= 0, let w = words[Int(slot)] else { return 0 }
            return w.roles | (w.phrases.isEmpty ? 0 : Self.startsPhrase)
        }
    }

    /// The lexicon entries of token `i` (none for a number or punctuation).
    func entries(_ i: Int) -> [DateLexicon.Entry] {
        let slot = slots[i]
        return slot < 0 ? [] : words[Int(slot)]!.entries
    }

    /// Whether a date may start at token `i`: a number, a word the lexicon knows, or the first
    /// word of a lexicon phrase. Most tokens are none of these and are passed over at once.
    func canStart(_ i: Int) -> Bool {
        slots[i] < 0 ? tokens.tokens[i].kind == .number : roles[i] != 0
    }

    // MARK: Token tests

    func token(_ i: Int) -> DateToken? { i >= 0 && i < tokens.count ? tokens[i] : nil }

    func role(_ i: Int, _ r: DateLexicon.Role) -> DateLexicon.Entry? {
        guard i >= 0 && i < tokens.count, roles[i] & r.bit != 0 else { return nil }
        return entries(i).first { $0.role == r }
    }

    /// The document's token `i`, if there is one: for questions about its kind, number and
    /// spacing, which need no text (a `DateToken` retains its word's string).
    func plain(_ i: Int) -> Token? { i >= 0 && i < tokens.count ? tokens.tokens[i] : nil }
    func kind(_ i: Int) -> Token.Kind? { plain(i)?.kind }

    func isWord(_ i: Int, _ w: String) -> Bool { token(i)?.isWord(w) ?? false }
    func isDash(_ i: Int) -> Bool { kind(i) == .dash }
    /// A token directly after the previous one, with no space.
    func isAttached(_ i: Int) -> Bool { plain(i).map { !$0.spaceBefore } ?? false }

    func number(_ i: Int, digits: ClosedRange<Int>, in range: ClosedRange<Int>) -> Int? {
        guard let t = plain(i), t.kind == .number, digits.contains(t.digits), range.contains(t.number) else {
            return nil
        }
        return t.number
    }

    func day(_ i: Int) -> Int? { number(i, digits: 1...2, in: 1...31) }
    func fourDigitYear(_ i: Int) -> Int? { number(i, digits: 4...4, in: 1000...2199) }

    func span(_ from: Int, _ to: Int) -> Span { Span(tokens[from].span.start, tokens[to - 1].span.end) }

    /// A multi-word lexicon phrase starting at `i` with one of `roles`.
    func phrase(at i: Int, roles: [DateLexicon.Role]) -> (DateLexicon.Entry, Int)? {
        // The worker's memo lists the phrases the word starts (a set look-up would hash the
        // Cyrillic text again at each of the grammar's many questions about a token), in the
        // lexicon's order: only those are tried.
        guard i >= 0, i < tokens.count, case let slot = slots[i], slot >= 0,
            case let starts = words[Int(slot)]!.phrases,
            !starts.isEmpty
        else { return nil }
        // Entries are copied only when their role is asked for: copying each (its words and
        // their strings retained) was most of the work here.
        let phrases = lexicon.phrases
        for e in starts where roles.contains(phrases[Int(e)].role) {
            let entry = phrases[Int(e)]
            var k = i
            var ok = true
            for (n, w) in entry.words.enumerated() {
                let last = n == entry.words.count - 1
                // `с.г`: a dot between words is part of the phrase.
                if n > 0, kind(k) == .dot { k += 1 }
                guard let t = token(k), t.kind == .word, DateLexicon.matches(t.text, w, prefix: last && entry.prefix)
                else { ok = false; break }
                k += 1
            }
            if ok {
                // `с.г.`: the abbreviation's last dot.
                if entry.role == .currentYear, kind(k) == .dot, tokens[k - 1].text.unicodeScalars.count == 1 {
                    k += 1
                }
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
        // Only a word names a month: the grammar asks this of numbers and dashes too.
        guard i >= 0, i < tokens.count, slots[i] >= 0 else { return nil }
        if let (entry, next) = phrase(at: i, roles: [.traditionalMonth]) {
            // `чын куран айынын`: the name, then its `ай` word.
            if !entry.words.contains(where: { $0.startsWith("ай") }), role(next, .monthWord) != nil {
                return (entry.value, next + 1, tokens[next].text)
            }
            return (entry.value, next, tokens[next - 1].text)
        }
        if let e = role(i, .traditionalMonth) {
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

    /// `2022-жылдын`, `2005- жылдын`, `2024-ж.`: the year and its `жыл` word. The plural
    /// (`1990-жылдардын`, `1990-жылдары`) is a decade unless it ends a range (`2021-2026-жылдары`),
    /// and `2017-ж.ү.` (a model of that year) is no date.
    func kyrgyzYear(_ i: Int, plural: Bool = false) -> (year: Int, next: Int, word: String)? {
        guard let y = fourDigitYear(i), isDash(i + 1), isAttached(i + 1), role(i + 2, .yearWord) != nil,
            let w = token(i + 2), w.kind == .word, w.text.startsWith("ж")
        else { return nil }
        if !plural && w.text.startsWith("жылдар") { return nil }
        var next = i + 3
        if w.text == "ж" {
            // `2024-ж.`, or `2013-ж` ending its line.
            if token(next).map({ $0.newlineBefore }) ?? true { return (y, next, w.text) }
            guard kind(next) == .dot else { return nil }
            next += 1
            if let u = token(next), u.kind == .word, !u.spaceBefore, u.text.unicodeScalars.count == 1 { return nil }
        }
        return (y, next, w.text)
    }

    /// `2022 года`, `2022 г.`, `2023 году`, `2011–2022 гг.`, `2015-м`.
    func russianYearWord(_ i: Int) -> Int? {
        guard let t = token(i), t.kind == .word, let e = role(i, .yearWord), e.lang != "ky" else { return nil }
        if t.text == "г" || t.text == "гг" { return kind(i + 1) == .dot ? i + 2 : i + 1 }
        return i + 1
    }

    // MARK: Entry point

    /// The longest date mention starting at token `i`.
    func parse(at i: Int) -> (DateMention, Int)? {
        guard canStart(i) else { return nil }
        let candidates = Self.rules.compactMap { $0.parse(self, i) }
        guard var (m, next) = candidates.max(by: { $0.1 < $1.1 }) else { return nil }
        m.isDeadline =
            role(i - 1, .deadline) != nil
            || (token(next).map { $0.kind == .word && $0.text.startsWith("чейин") } ?? false)
        if m.time == nil, let (time, after) = clockTime(next, attachedToDate: true) {
            m.time = time
            m.span = Span(m.span.start, tokens[after - 1].span.end)
            next = after
        }
        return (m, next)
    }
}

/// What the date lexicon says of each word a worker has met, by the word's lexicon ID: kept in
/// the worker's lexicon (`Lexicon.dates`) from one document to the next and emptied with it, so
/// that a word is looked up in the date lexicon once per worker, not once per document.
public struct DateWordMemo: Sendable {
    fileprivate(set) var words: [DateGrammar.Word?] = []

    public init() {}

    /// Makes the entry of word `id` unless it is known.
    fileprivate mutating func add(_ id: Lexicon.ID, _ make: () -> DateGrammar.Word) {
        let k = Int(id)
        if k < words.count, words[k] != nil { return }
        if k >= words.count { words.append(contentsOf: repeatElement(nil, count: k + 1 - words.count)) }
        words[k] = make()
    }
}
