/// Sentences, tokens and the event-kind words in them.
extension EventAssembler {
    func sentence(at offset: Int) -> Span {
        let sentences = document.segmentation.sentences
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < sentences.count && sentences[lo].start <= offset ? sentences[lo] : Span(offset, offset)
    }

    /// The first token that starts at or after `offset`.
    func firstToken(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].span.start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func tokens(in span: Span) -> Range<Int> {
        let a = firstToken(atOrAfter: span.start)
        return a..<max(a, firstToken(atOrAfter: span.end))
    }

    /// Kind words in a span with their token positions.
    func kinds(in span: Span) -> [(kind: String, token: Int)] {
        let range = kindWordRange(tokens(in: span))
        return Array(kindWords[range])
    }

    /// Whether a span holds a kind word.
    func hasKind(in span: Span) -> Bool { !kindWordRange(tokens(in: span)).isEmpty }

    /// The kind words (sorted by token) whose token lies in `range`.
    func kindWordRange(_ range: Range<Int>) -> Range<Int> {
        func firstAtOrAfter(_ token: Int) -> Int {
            var lo = 0, hi = kindWords.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if kindWords[mid].token < token { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let a = firstAtOrAfter(range.lowerBound)
        return a..<max(a, firstAtOrAfter(range.upperBound))
    }

    /// Every kind word of the document, found once.
    static func kindWords(_ matches: [[(EventLexicon.Entry, Int)]]) -> [(kind: String, token: Int)] {
        var result: [(String, Int)] = []
        var i = 0
        while i < matches.count {
            // Most tokens start no entry: passed over without searching (or retaining) their matches.
            if matches[i].isEmpty {
                i += 1
            } else if let (_, next) = matches[i].first(where: { $0.0.role == .notKind }) {
                // A phrase that holds a kind word but names no event (`кылмыш иши ачылды`) is passed over.
                i = next
            } else if let (e, next) = matches[i].first(where: { $0.0.role == .kind }) {
                result.append((e.value, i)); i = next
            } else {
                i += 1
            }
        }
        return result
    }
}
