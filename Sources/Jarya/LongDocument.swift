/// A document too long to hold all its tokens at once, run part by part.
///
/// The token stages keep several values per token (a `Token`, a `NameToken`, the tagger's
/// features, the event assembler's cue matches). On a release of a few hundred kilobytes that is
/// nothing; on a 16 MB text, or on one made of a phone number or a date every few letters, it
/// grew to 50–160 bytes per byte of input. So a text longer than `partLength` scalars is cut at
/// line breaks into parts, and each part goes through the stages that read tokens on its own;
/// its tokens are let go before the next part starts. The document keeps its text, every part's
/// entities, blocks and sentences (moved to the document's offsets) and its warnings.
///
/// What a part cannot see: the first part gives the document's language, published date,
/// dateline, headline, lead and event (`StageReach.firstPart`), and later parts take the
/// published date from it to complete year-less dates. An acronym defined in one part, or a
/// person's full name, is not linked to its later short form in another part. Releases, which
/// are far shorter than a part, are never cut.
public struct LongDocument {
    /// The stages after the ones that read the whole document (Ingest, Normalize).
    let stages: [any Stage]
    /// Scalars per part, at most.
    let partLength: Int

    func run(_ document: inout Document) throws {
        // The input bytes and the extracted text are no longer read; the parts need the memory more.
        document.bytes = []
        document.extracted = ""
        var entities: [Entity] = []
        var segmentation = Segmentation()
        let parts = Self.parts(of: document.text.scalars, length: partLength)
        for (n, span) in parts.enumerated() {
            var part = Document(part: span, of: document, continues: n > 0)
            // The parts' words are many: the lexicon is emptied between parts as between documents.
            document.lexicon.trim()
            swap(&part.lexicon, &document.lexicon)
            defer { swap(&part.lexicon, &document.lexicon) }
            for stage in stages where stage.reach == .part || (n == 0 && stage.reach == .firstPart) {
                try Pipeline.run(stage, on: &part)
            }
            if n == 0 {
                document.language = part.language
                document.published = part.published
                document.datelineSpan = part.datelineSpan
                document.title = part.title
                document.summary = part.summary
                document.event = part.event
            }
            let shift = span.start
            if n == 0 {
                // As many entities per scalar as the first part has, and a tenth more: a dense
                // document's entities are most of its memory, and doubling would leave half unused.
                let estimate = Double(part.entities.count) * Double(document.text.count) / Double(span.count) * 1.1
                entities.reserveCapacity(Int(min(estimate, Double(document.text.count))))
            }
            entities.append(
                contentsOf: part.entities.lazy.map { e in
                    var e = e
                    e.span = Span(e.span.start + shift, e.span.end + shift)
                    return e
                })
            segmentation.blocks.append(
                contentsOf: part.segmentation.blocks.lazy.map {
                    Block(span: Span($0.span.start + shift, $0.span.end + shift), language: $0.language)
                })
            segmentation.sentences.append(
                contentsOf: part.segmentation.sentences.lazy.map { Span($0.start + shift, $0.end + shift) })
            for w in part.warnings where !document.warnings.contains(w) { document.warnings.append(w) }
        }
        document.entities = entities
        document.segmentation = segmentation
        document.tokens = []
        document.words = []
        document.warnings.append(
            "the text has \(document.text.count) characters, more than \(partLength): it was read in parts, and the event from the first"
        )
        // Stages that read the whole document again, after the parts (none in the standard pipeline).
        for stage in stages where stage.reach == .document { try Pipeline.run(stage, on: &document) }
    }

    /// The parts of a text of `scalars`, each at most `length` long (the last may be shorter):
    /// cut after a blank line, else after a line break, else after a space, the latest in the
    /// part's second half, else at `length`, so that no name, date or number is cut in two.
    public static func parts(of scalars: [Unicode.Scalar], length: Int) -> [Span] {
        precondition(length > 0)
        var parts: [Span] = []
        var start = 0
        while start < scalars.count {
            var end = min(start + length, scalars.count)
            if end < scalars.count {
                end = cut(scalars, from: start + length / 2, to: end) ?? end
            }
            parts.append(Span(start, end))
            start = end
        }
        return parts
    }

    /// The best place to cut in `lower..<upper`: just after a blank line, a line break or a space,
    /// the latest of the best kind.
    private static func cut(_ scalars: [Unicode.Scalar], from lower: Int, to upper: Int) -> Int? {
        let lower = max(lower, 1)
        guard lower < upper else { return nil }
        var lineBreak: Int? = nil, space: Int? = nil
        for k in stride(from: upper - 1, through: lower, by: -1) {
            switch scalars[k] {
            case "\n":
                if scalars[k - 1] == "\n" { return k + 1 }
                if lineBreak == nil { lineBreak = k + 1 }
            case " " where space == nil:
                space = k + 1
            default:
                break
            }
        }
        return lineBreak ?? space
    }
}

extension Document {
    /// The part `span` of a long document, ready for its token stages: its text, source and
    /// warnings, and, for a later part, the published date the first part found.
    init(part span: Span, of document: Document, continues: Bool) {
        self.init(source: document.source, bytes: [])
        let text = document.text
        self.text = NormalizedText(
            scalars: Array(text.scalars[span.start..<span.end]), origin: Array(text.origin[span.start...span.end]))
        self.warnings = document.warnings
        self.continues = continues
        if continues { self.published = document.published }
    }
}
