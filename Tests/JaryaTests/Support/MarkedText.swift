import Jarya

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
}

/// Runs the stages up to Recognize on `text` with the given recognizers only.
func recognize(_ text: String, with recognizers: [any Recognizer], path: String = "test.txt") throws -> Document {
    var doc = Document(text: text, path: path)
    try Pipeline(stages: [Ingest(), Normalize(), Segment(), Analyze(), Recognize(recognizers: recognizers)]).run(&doc)
    return doc
}
