/// Builds the event of a document from its entities, the way an editor reads a release: the
/// kind from the wording of the title and lead; the main date from the lead (the umbrella
/// range of a schedule, not a project's years or an application deadline); the places in the
/// event's sentence; organizers, funders and partners from the cues around organization names;
/// the number of participants and the countries taking part.
struct EventAssembler {
    let document: Document
    let tokens: [NameToken]
    let lexicon: EventLexicon
    /// The names of news agencies: they report what others announce.
    let media: Set<String>
    /// The lead: the title and the first two paragraphs, as a range of text offsets.
    let lead: Span
    let titleBlock: Span?
    /// The kind words of the whole text, with their tokens.
    let kindWords: [(kind: String, token: Int)]
    /// The lexicon entries matching at each token, found once.
    let matches: [[(EventLexicon.Entry, Int)]]
    /// `applicationsBefore[k]`: how many of the first `k` tokens start an application cue, so
    /// "is there one in this sentence" costs two look-ups however long the sentence.
    let applicationsBefore: [Int]
    /// For a bilingual release: each block's position among the blocks of its language.
    let blockInLanguage: [Int: Int]

    /// The first entry with one of `roles` at token `i`, and the index after it.
    func match(at i: Int, roles: [EventLexicon.Role]) -> (EventLexicon.Entry, Int)? {
        // Most tokens start no entry: answered before the roles are searched.
        guard i >= 0 && i < matches.count, !matches[i].isEmpty else { return nil }
        return matches[i].first { roles.contains($0.0.role) }
    }

    init(document: Document, lexicon: EventLexicon, media: Set<String> = []) {
        var memo = WordMemo<[Int]>()
        self.init(
            document: document, lexicon: lexicon, media: media, title: Assemble.titleBlocks(document), memo: &memo)
    }

    /// The assembler, with the lexicon entries each word starts kept in `memo` (the worker's) for
    /// the next documents. `title` is the headline's blocks (`Assemble.titleBlocks`).
    init(
        document: Document, lexicon: EventLexicon, media: Set<String>, title: Range<Int>?,
        memo: inout WordMemo<[Int]>
    ) {
        self.document = document
        self.lexicon = lexicon
        self.media = media
        let tokens = document.words
        self.tokens = tokens
        self.matches = tokens.indices.map { i in
            guard tokens[i].kind == .word else { return [] }
            let starting = memo.value(tokens[i].surface) { lexicon.entries(startingWith: tokens[i].lower) }
            return starting.isEmpty ? [] : lexicon.allMatches(tokens, at: i, starting: starting)
        }
        self.kindWords = Self.kindWords(matches)
        var applications = [0]
        applications.reserveCapacity(matches.count + 1)
        for m in matches {
            applications.append(applications.last! + (m.contains { $0.0.role == .application } ? 1 : 0))
        }
        self.applicationsBefore = applications
        var inLanguage: [Int: Int] = [:]
        if document.language == "ky+ru" {
            var seen: [String: Int] = [:]
            for b in document.segmentation.blocks {
                inLanguage[b.span.start] = seen[b.language, default: 0]
                seen[b.language, default: 0] += 1
            }
        }
        self.blockInLanguage = inLanguage
        let blocks = document.segmentation.blocks
        self.titleBlock = title.map {
            Span(Assemble.titleStart(document, in: blocks[$0.lowerBound].span), blocks[$0.upperBound - 1].span.end)
        }
        var paragraphs = 0
        var end = title.map { blocks[$0.upperBound - 1].span.end } ?? 0
        for b in blocks where b.span.start >= end && paragraphs < 2 {
            end = b.span.end
            // A dateline alone on its line is not a paragraph of the lead.
            if let d = document.datelineSpan, b.span.contains(d), b.span.count < d.count + 40 { continue }
            // A rubric and its counter (`Коом 0`, `Парламент 0`) or a share line is page furniture, not a paragraph.
            if Furniture.pieces(of: document.text[b.span], atMost: 2, scalars: { $0 == " " }) < 3 { continue }
            paragraphs += 1
        }
        self.lead = Span(0, end)
    }
}
