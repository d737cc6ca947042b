import ICUText

/// A paragraph: one non-empty line of the normalized text, with its language.
public struct Block: Equatable, Sendable {
    public var span: Span
    /// `ky`, `ru`, `en`, or `und` when the block has too little text to tell.
    public var language: String
}

/// What the Segment stage found.
public struct Segmentation: Sendable {
    public var blocks: [Block] = []
    public var sentences: [Span] = []

    /// The block that holds a text offset.
    public func block(at offset: Int) -> Block? {
        var lo = 0, hi = blocks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if blocks[mid].span.end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < blocks.count && blocks[lo].span.start <= offset ? blocks[lo] : nil
    }
}

/// Segment: normalized text → blocks and sentences, and the language of each block and of the
/// document (from the tokens).
public struct Segment: Stage {
    public let name = "segment"
    public let reach = StageReach.part
    public init() {}

    public func run(_ document: inout Document) throws {
        let text = document.text
        let units = UTF16View(text.scalars)
        var seg = Segmentation()
        seg.sentences = try SentenceSplitter.sentences(text, units: units)
        seg.blocks = Self.lines(text).map { Block(span: $0, language: "und") }
        // The worker's memo of word votes, taken out of the lexicon while it grows so that it is not copied.
        var votes = WordMemo<LanguageVote>()
        swap(&votes, &document.lexicon.languages)
        LanguageIdentifier.identify(&seg, text: text, tokens: document.tokens, memo: &votes)
        swap(&votes, &document.lexicon.languages)
        document.segmentation = seg
        document.language = LanguageIdentifier.documentLanguage(seg)
    }

    /// Non-empty lines, trimmed of surrounding spaces.
    static func lines(_ text: NormalizedText) -> [Span] {
        var result: [Span] = []
        var start = 0
        let s = text.scalars
        for i in 0...s.count where i == s.count || s[i] == "\n" {
            var a = start, b = i
            while a < b && s[a].isWhitespace { a += 1 }
            while b > a && s[b - 1].isWhitespace { b -= 1 }
            if a < b { result.append(Span(a, b)) }
            start = i + 1
        }
        return result
    }
}

/// UTF-16 code units of scalar text, with the way back to scalar offsets. Identity unless
/// the text has scalars outside the BMP (emoji), which take two units.
struct UTF16View {
    let utf16: [UInt16]
    private let scalarIndex: [Int32]?

    init(_ scalars: [Unicode.Scalar]) {
        // Nearly every text is all BMP: one unit a scalar, written in one tight pass (appending
        // unit by unit cost some 40 instructions a scalar).
        if scalars.withUnsafeBufferPointer({ $0.allSatisfy { $0.value <= 0xFFFF } }) {
            self.utf16 = scalars.withUnsafeBufferPointer { source in
                [UInt16](unsafeUninitializedCapacity: source.count) { units, made in
                    for k in source.indices { units[k] = UInt16(truncatingIfNeeded: source[k].value) }
                    made = source.count
                }
            }
            self.scalarIndex = nil
            return
        }
        var units: [UInt16] = []
        units.reserveCapacity(scalars.count)
        var index: [Int32]? = nil
        for (n, s) in scalars.enumerated() {
            if s.value > 0xFFFF {
                if index == nil { index = (0...units.count).map { Int32($0) }; index!.removeLast() }
                let e = UTF16.encode(s)!
                units.append(contentsOf: e)
                index!.append(Int32(n)); index!.append(Int32(n))
            } else {
                units.append(UInt16(s.value))
                index?.append(Int32(n))
            }
        }
        index?.append(Int32(scalars.count))
        self.utf16 = units
        self.scalarIndex = index
    }

    func scalarOffset(_ utf16Offset: Int) -> Int {
        scalarIndex.map { Int($0[utf16Offset]) } ?? utf16Offset
    }
}

/// ICU sentence breaks, less the ones that follow an abbreviation or an initial.
enum SentenceSplitter {
    /// Words that end with a dot without ending a sentence (lowercased, without the dot).
    static let abbreviations: WordSet = [
        "г", "гг", "обл", "ул", "им", "пр", "просп", "д", "кв", "с", "пос", "р-н", "р", "мкр", "тел", "т", "б", "ж",
        "т.б", "ж.б", "с.г", "т.е", "т.д", "т.п", "др", "каб", "оф", "стр", "п", "ст", "млн", "млрд", "тыс", "руб",
        "кр", "ш", "к", "айм", "а", "жыл", "көч", "проф", "акад", "доц", "рис", "табл", "см", "напр", "англ", "рус",
        "кырг", "etc", "e.g", "i.e", "mr", "mrs", "dr", "st", "no",
    ]

    static func sentences(_ text: NormalizedText, units: UTF16View) throws -> [Span] {
        let raw = try units.utf16.withUnsafeBufferPointer { try BreakIterator(.sentence, locale: "ru").segments($0) }
        var result: [Span] = []
        var start: Int? = nil
        for seg in raw {
            let s = start ?? units.scalarOffset(seg.start)
            let e = units.scalarOffset(seg.end)
            if seg.status == 0 && e < text.count && endsWithAbbreviation(text.scalars, s, e) {
                start = s
                continue
            }
            start = nil
            var a = s, b = e
            while a < b && text.scalars[a].isWhitespace { a += 1 }
            while b > a && text.scalars[b - 1].isWhitespace { b -= 1 }
            if a < b { result.append(Span(a, b)) }
        }
        if let s = start {
            var b = text.count
            while b > s && text.scalars[b - 1].isWhitespace { b -= 1 }
            if s < b { result.append(Span(s, b)) }
        }
        return result
    }

    /// Abbreviations that may also end a sentence (`… 2022 г. Next`): they keep the break
    /// when a capital follows, except `г.`/`гг.` after a word (`г. Бишкек`, a city).
    static let mayEndSentence: WordSet = [
        "г", "гг", "кр", "с.г", "т.б", "ж.б", "т.д", "т.п", "др", "млн", "млрд", "тыс", "руб",
    ]

    /// Whether the sentence `[s, e)` ends with `abbr.` that does not end it: a known
    /// abbreviation or a single capital letter (an initial).
    static func endsWithAbbreviation(_ t: [Unicode.Scalar], _ s: Int, _ e: Int) -> Bool {
        var k = e
        while k > s && t[k - 1].isWhitespace { k -= 1 }
        guard k > s, t[k - 1] == "." else { return false }
        var w = k - 1
        while w > s && (t[w - 1].isAlphabetic || t[w - 1] == "." || t[w - 1] == "-") { w -= 1 }
        let word = String(scalars: t[w..<(k - 1)])
        guard let first = word.unicodeScalars.first else { return false }
        // Initials: `А.` or `А.Т.` (one capital between dots, as many times as there are).
        if first.isUppercase,
            word.split(byte: ".", omittingEmptySubsequences: false)
                .allSatisfy({ $0.unicodeScalars.count == 1 && $0.unicodeScalars.first!.isUppercase })
        {
            return true
        }
        let key = word.fastLowercased()
        guard abbreviations.contains(key) else { return false }
        guard mayEndSentence.contains(key), e < t.count, t[e].isUppercase else { return true }
        if key == "г" || key == "гг" {
            var p = w
            while p > s && t[p - 1] == " " { p -= 1 }
            return !(p > s && t[p - 1].properties.numericType != nil)
        }
        return false
    }
}
