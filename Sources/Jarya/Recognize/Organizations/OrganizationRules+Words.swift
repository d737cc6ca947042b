/// What the organization rules have learnt about words from their text alone, by the words'
/// lexicon IDs, kept in the worker's lexicon (`Lexicon.organizations`) from one document to the
/// next: the rules ask about most words again (whether a glossary name may start there, whether it
/// is a head), some 200 instructions a question through the bit tables and the head dictionaries.
/// Each answer is made when first asked, not all of a word's at once: most words are met a few
/// times only, and an answer never asked would cost more than the memo saves.
public struct OrganizationWordMemo: Sendable {
    /// Two bits a question for each word: 0 not asked yet, 1 no, 2 yes.
    private var bits: [UInt8] = []

    public init() {}

    /// The questions, by their bits' offset.
    enum Question: UInt8 {
        case startsGlossaryName = 0, isKyrgyzHead = 2, isRussianHead = 4
    }

    /// The answer to `question` for word `id`, or nil when it has not been asked yet.
    func answer(_ question: Question, for id: Lexicon.ID) -> Bool? {
        let k = Int(id)
        guard k < bits.count, case let known = bits[k] >> question.rawValue & 3, known != 0 else { return nil }
        return known == 2
    }

    /// Keeps the answer to `question` for word `id`.
    mutating func remember(_ question: Question, for id: Lexicon.ID, _ yes: Bool) {
        let k = Int(id)
        if k >= bits.count { bits.append(contentsOf: repeatElement(0, count: k + 1 - bits.count)) }
        bits[k] |= (yes ? 2 : 1) << question.rawValue
    }
}

/// The worker's memo, lent to one document's rules by the recognizer: a class, so that the rules,
/// a value of constants, fill it in.
final class OrganizationWords {
    /// Unchecked: the rules read and write it one question at a time on one thread, and the
    /// dynamic check cost some 80 instructions an access, about what a question saves.
    @exclusivity(unchecked) var memo = OrganizationWordMemo()
}

extension OrganizationRules {
    /// Whether a form of token `i` may start a glossary name (`startsGlossaryName`), from the memo
    /// when the rules have one.
    func mayStartGlossaryName(_ i: Int) -> Bool {
        remembered(.startsGlossaryName, i) { startsGlossaryName(i) }
    }

    /// The head form of Kyrgyz word `k` (`kyrgyzHeadOfWord`); the memo answers the words that are
    /// none, most of them.
    func kyrgyzHead(_ k: Int) -> String? {
        unlessKnownNone(.isKyrgyzHead, k) { kyrgyzHeadOfWord(k) }
    }

    /// The dictionary form of Russian head noun `k` (`russianHeadOfWord`); the memo answers the
    /// words that are none, most of them.
    func russianHead(_ k: Int) -> String? {
        unlessKnownNone(.isRussianHead, k) { russianHeadOfWord(k) }
    }

    /// `make`'s answer for token `k`, unless the memo knows its word has none: a word that has one
    /// is worked out each time (the answer is a string, which the memo's bits do not hold), and
    /// once only, its having one remembered.
    @inline(__always)
    private func unlessKnownNone(
        _ question: OrganizationWordMemo.Question, _ k: Int, _ make: () -> String?
    ) -> String? {
        let id = tokens[k].surface
        guard let words, id >= 0 else { return make() }
        let known = words.memo.answer(question, for: id)
        if known == false { return nil }
        let made = make()
        if known == nil { words.memo.remember(question, for: id, made != nil) }
        return made
    }

    /// The memo's answer to `question` for token `k`'s word, worked out by `make` when it has none.
    /// Inlined, so that `make` is called in place: as a closure value it copied the rules (their
    /// glossaries), some 3,000 instructions a call.
    @inline(__always)
    private func remembered(_ question: OrganizationWordMemo.Question, _ k: Int, _ make: () -> Bool) -> Bool {
        let id = tokens[k].surface
        guard let words, id >= 0 else { return make() }
        if let known = words.memo.answer(question, for: id) { return known }
        let yes = make()
        words.memo.remember(question, for: id, yes)
        return yes
    }
}
