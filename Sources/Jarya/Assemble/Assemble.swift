/// Assemble: entities → the record's document-level fields: the title, the summary, and the
/// event (`EventAssembler`).
public struct Assemble: Stage {
    public let name = "assemble"
    public let reach = StageReach.firstPart
    /// The words that tell an event's kind and venue.
    let lexicon: EventLexicon
    /// Every name of every news agency in the glossary: an agency is never the body that announces.
    let media: Set<String>

    public init(glossaries: Glossaries) {
        self.lexicon = glossaries.events
        self.media = Set(
            glossaries.organizations.byID.values.filter { $0.kind == "news_agency" }.flatMap {
                $0.names.values.joined()
            })
    }

    /// Lines that label a release rather than title it.
    static let labels: WordSet = [
        "пресс-релиз", "пресс релиз", "press release", "press-release", "маалымат", "билдирүү", "жарыя",
        "маалымдама", "информация", "сообщение", "анонс", "новости", "жаңылыктар",
    ]

    public func run(_ document: inout Document) throws {
        // Found once: the title, the summary and the event's lead all start from it.
        let title = Self.titleBlocks(document)
        document.title = title.map { r in
            r.map { k in
                let span = document.segmentation.blocks[k].span
                return document.text[
                    Span(k == r.lowerBound ? Self.titleStart(document, in: span) : span.start, span.end)]
            }.joined(separator: " ")
        }
        document.summary = Self.summary(document, title: title)
        var memo = WordMemo<[Int]>()
        swap(&memo, &document.lexicon.events)
        let assembler = EventAssembler(
            document: document, lexicon: lexicon, media: media, title: title, memo: &memo)
        swap(&memo, &document.lexicon.events)
        document.event = assembler.assemble()
        if let (ky, ru) = assembler.disagreement() {
            func show(_ v: DateValue) -> String { "\(v.start?.description ?? "?")…\(v.end?.description ?? "")" }
            document.warnings.append(
                "the Kyrgyz and Russian halves give different event dates: \(show(ky)) and \(show(ru)); the record uses the first"
            )
        }
    }

    /// The headline's blocks: the first block that is not a label (ПРЕСС-РЕЛИЗ), the dateline nor
    /// page furniture (`Furniture`); consecutive lines of a headline set in capitals belong to it.
    /// A sentence ending in a full stop before the headline is a teaser: the headline is the next
    /// line that does not end in one, when there is such a line among the next two.
    static func titleBlocks(_ document: Document) -> Range<Int>? {
        let blocks = document.segmentation.blocks
        var i = 0
        var teaser: Int? = nil
        while i < blocks.count {
            let line = document.text[blocks[i].span]
            let isLabel =
                Self.shortEnough(line, for: labels)
                && labels.contains(line.lowercased().trimmingCharacters(in: " .:!"))
            let isDateline =
                document.datelineSpan.map { blocks[i].span.contains($0) && blocks[i].span.count < $0.count + 40 }
                ?? false
            if isLabel || isDateline || !line.unicodeScalars.contains(where: { $0.isAlphabetic })
                || Furniture.isFurniture(line, labels: labels)
            {
                i += 1; continue
            }
            let isSentence = line.trimmingCharacters(in: " ").hasSuffix(".") && !line.hasSuffix("..")
            if let t = teaser, isSentence || i - t > 2 { return t..<(t + 1) }
            if isSentence { teaser = i; i += 1; continue }
            var j = i + 1
            if isCapitals(line) {
                while j < blocks.count, isCapitals(document.text[blocks[j].span]) { j += 1 }
            }
            return i..<j
        }
        return teaser.map { $0..<($0 + 1) }
    }

    /// Where the headline starts in its first block: after a dateline that opens the block and its
    /// agency mark, when the page has no headline of its own (` date 2025-10-18 В столичном …`,
    /// `Бишкек, 01.01.24. /Кабар/. Ош шаарынын …`, `БИШКЕК, 12-сен. — Sputnik. …`).
    static func titleStart(_ document: Document, in block: Span) -> Int {
        guard let d = document.datelineSpan, block.contains(d), d.start - block.start <= 60 else { return block.start }
        let t = document.text.scalars
        var i = d.end
        func skipSpace() { while i < block.end, t[i].isWhitespace || t[i] == "." || t[i] == "," { i += 1 } }
        skipSpace()
        if i < block.end, t[i] == "/", let close = (i + 1..<min(block.end, i + 40)).first(where: { t[$0] == "/" }) {
            i = close + 1; skipSpace()
        }
        // `— Sputnik.`: a dash, the agency's one word and its dot.
        if i < block.end, t[i] == "—" || t[i] == "–" || t[i] == "-" {
            var j = i + 1
            while j < block.end, t[j] == " " { j += 1 }
            let word = j
            while j < block.end, !t[j].isWhitespace, t[j] != "." { j += 1 }
            if j < block.end, t[j] == ".", j - word <= 15 { i = j; skipSpace() }
        }
        // Keep the whole block when the dateline is all it holds.
        return i < block.end ? i : block.start
    }

    /// The first sentence of the lead: after the title, not the dateline, at least five words.
    /// `title` is the headline's blocks (`titleBlocks`).
    static func summary(_ document: Document, title: Range<Int>?) -> String? {
        let titleEnd = title.map { document.segmentation.blocks[$0.upperBound - 1].span.end } ?? 0
        for var s in document.segmentation.sentences where s.start >= titleEnd {
            if let d = document.datelineSpan {
                if s.end <= d.end + 12 { continue }
                // The lead can share a sentence with the dateline or its agency mark, as ICU does not
                // break before a digit (`Бишкек, 10 ноября 2023 года. 15 ноября …`, `/Кабар/. 2024-жылдын …`).
                if s.overlaps(d) || (s.start < d.end + 12 && document.text.scalars[s.start] == "/") {
                    guard let start = leadStart(document.text.scalars, after: d, in: s) else { continue }
                    s = Span(start, s.end)
                }
            }
            let text = document.text[s]
            if Furniture.pieces(of: text, atMost: 4, scalars: { $0 == " " }) >= 5 { return text }
        }
        return nil
    }

    /// Where the lead starts in a sentence that holds the end of the dateline `d`: after the
    /// dateline's `. ` when the sentence contains it, and after an agency mark (`/Кабар/.`).
    static func leadStart(_ t: [Unicode.Scalar], after d: Span, in s: Span) -> Int? {
        var i = s.start
        if s.overlaps(d) {
            i = d.end
            while i + 1 < s.end, !(t[i] == "." && t[i + 1].isWhitespace) { i += 1 }
            guard i + 1 < s.end else { return nil }
            i += 1
        }
        while i < s.end, t[i].isWhitespace { i += 1 }
        if i < s.end, t[i] == "/", let close = (i + 1..<min(s.end, i + 30)).first(where: { t[$0] == "/" }) {
            i = close + 1
            while i < s.end, t[i] == "." || t[i].isWhitespace { i += 1 }
        }
        return i < s.end ? i : nil
    }

    /// Whether `line`, lower-cased and trimmed of ` .:!` and white space, may be short enough to be
    /// in `set`: each scalar left lower-cases to one or more, of a byte or more. Lower-casing a
    /// paragraph to find it is not a label was a sixth of the title's cost.
    static func shortEnough(_ line: String, for set: WordSet) -> Bool {
        var n = 0
        for u in line.unicodeScalars where !(u == " " || u == "." || u == ":" || u == "!" || u.isWhitespace) {
            n += 1
            if n > set.longest { return false }
        }
        return true
    }

    static func isCapitals(_ s: String) -> Bool {
        var upper = 0, lower = 0
        for u in s.unicodeScalars where u.isAlphabetic {
            if u.isLowercase { lower += 1 } else if u.isUppercase { upper += 1 }
        }
        return upper >= 4 && lower * 10 <= upper
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set.unicodeScalars)
        var s = Substring(self).unicodeScalars
        while let f = s.first, chars.contains(f) || f.isWhitespace { s.removeFirst() }
        while let l = s.last, chars.contains(l) || l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
