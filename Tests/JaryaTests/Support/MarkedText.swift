import Jarya
import Testing

/// Text with `⟦` and `⟧` around the spans a test expects a recognizer to find, as in
/// swift-format's marked-text tests. `text` is the text without the markers; `spans` are
/// the marked ranges in Unicode-scalar offsets of `text`.
struct MarkedText {
    let text: String
    let spans: [Span]

    init(_ marked: String) {
        var clean = String.UnicodeScalarView()
        var spans: [Span] = []
        var open: Int? = nil
        for u in marked.unicodeScalars {
            switch u {
            case "⟦": precondition(open == nil, "nested ⟦ in \(marked)"); open = clean.count
            case "⟧": spans.append(Span(open!, clean.count)); open = nil
            default: clean.append(u)
            }
        }
        precondition(open == nil, "unclosed ⟦ in \(marked)")
        self.text = String(clean)
        self.spans = spans
    }

    /// The text of each marked span, in order.
    var marked: [String] {
        let scalars = Array(text.unicodeScalars)
        return spans.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    }
}

/// Runs the stages up to Recognize on `text` with the given recognizers only.
func recognize(_ text: String, with recognizers: [any Recognizer], path: String = "test.txt") throws -> Document {
    var doc = Document(text: text, path: path)
    try Pipeline(stages: [Ingest(), Normalize(), Tokenize(), Segment(), Analyze(), Recognize(recognizers: recognizers)])
        .run(&doc)
    return doc
}

/// Runs every recognizer, as `jarya process` does, and checks that the entities of one kind are
/// exactly the marked spans, with the expected values in order. `value` reads an entity's value
/// into the test's expectation type.
func expectEntities<V: Equatable & CustomStringConvertible>(
    _ kind: Entity.Kind, _ marked: String, _ expected: [V], value: (Entity.Value) -> V?,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let m = MarkedText(marked)
    let doc = try recognize(m.text, with: Recognizers.standard(.forTests))
    let found = doc.entities.filter { $0.kind == kind }
    #expect(found.map(\.text) == m.spans.map { doc.text[$0] }, "\(kind)s in: \(m.text)", sourceLocation: sourceLocation)
    #expect(found.map(\.span) == m.spans, "spans in: \(m.text)", sourceLocation: sourceLocation)
    #expect(found.compactMap { value($0.value) } == expected, "values in: \(m.text)", sourceLocation: sourceLocation)
    #expect(expected.count == m.spans.count, "test case has one value per marked span", sourceLocation: sourceLocation)
}

/// The entities of one kind that every recognizer finds in `text`.
func entities(_ kind: Entity.Kind, in text: String) throws -> [Entity] {
    try recognize(text, with: Recognizers.standard(.forTests)).entities.filter { $0.kind == kind }
}
