/// A family of date forms, read at a token by one function of `DateGrammar`, with its own
/// examples as SwiftLint gives each rule triggering and non-triggering examples.
///
/// `DateGrammar.rules` lists them in the order `parse(at:)` tries them; the longest reading at a
/// position wins. The examples are marked text: `⟦…⟧` around what the rule must read, and
/// `DateRuleTests` checks each family on its own examples in both languages. To add a family,
/// write `DateGrammar+Name.swift` with its function and its `DateRule`, and list it in `rules`.
struct DateRule: Sendable {
    let name: String
    let parse: @Sendable (DateGrammar, Int) -> (DateMention, Int)?
    /// Sentences with what the rule reads marked `⟦…⟧`: at each mark's first token, this rule
    /// gives that span. Kyrgyz and Russian (and English for its own family).
    let triggering: [String]
    /// Sentences where the rule reads nothing at any token.
    let nonTriggering: [String]
}

extension DateGrammar {
    /// Every family, in the order `parse(at:)` tries them.
    static let rules: [DateRule] = [.relative, .kyrgyz, .russian, .english, .numeric, .hourBeforeDate]
}
