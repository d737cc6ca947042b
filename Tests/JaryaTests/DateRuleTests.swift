@testable import Jarya
import Testing

/// Each family of date forms on its own examples (`DateRule.triggering` / `.nonTriggering`,
/// written beside the rule): what it must read at a mark's first token, and sentences where it
/// must read nothing at any token.
@Suite("Date rules: each family on its own examples")
struct DateRuleTests {
    /// The date grammar over a sentence's tokens.
    static func grammar(_ text: String) throws -> DateGrammar {
        var doc = Document(text: text)
        try Pipeline(stages: [Ingest(), Normalize(), Tokenize()]).run(&doc)
        return DateGrammar(
            tokens: DateTokens(tokens: doc.tokens, lexicon: doc.lexicon), lexicon: Glossaries.forTests.dates)
    }

    @Test(
        "every family has triggering and non-triggering examples, in Kyrgyz and Russian where it reads them",
        arguments: DateGrammar.rules.map(\.name))
    func examplesExist(_ name: String) {
        let rule = DateGrammar.rules.first { $0.name == name }!
        #expect(rule.triggering.count >= 3)
        #expect(rule.nonTriggering.count >= 2)
        let cyrillic = (rule.triggering + rule.nonTriggering).filter {
            $0.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) }
        }
        #expect(!cyrillic.isEmpty)
    }

    @Test(
        "triggering: the rule reads exactly the marked span at its first token",
        arguments: DateGrammar.rules.flatMap { rule in rule.triggering.map { (rule.name, $0) } })
    func triggering(_ name: String, _ example: String) throws {
        let rule = DateGrammar.rules.first { $0.name == name }!
        let marked = MarkedText(example)
        let g = try Self.grammar(marked.text)
        #expect(!marked.spans.isEmpty)
        for span in marked.spans {
            guard let i = g.tokens.firstIndex(where: { $0.span.start == span.start }) else {
                Issue.record("no token starts the mark at \(span.start)"); continue
            }
            let found = rule.parse(g, i)
            #expect(
                found?.0.span == span,
                "\(name) read \(found.map { String(marked.text.unicodeScalars.dropFirst($0.0.span.start).prefix($0.0.span.count)) } ?? "nothing")"
            )
        }
    }

    @Test(
        "non-triggering: the rule reads nothing at any token",
        arguments: DateGrammar.rules.flatMap { rule in rule.nonTriggering.map { (rule.name, $0) } })
    func nonTriggering(_ name: String, _ example: String) throws {
        let rule = DateGrammar.rules.first { $0.name == name }!
        let g = try Self.grammar(example)
        let read = g.tokens.indices.compactMap { rule.parse(g, $0)?.0.span }
        #expect(read.isEmpty, "\(name) read \(read)")
    }
}
