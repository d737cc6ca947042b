internal import CICU

/// ICU's rule-based boundary analysis (UAX #29) for words and sentences.
public enum BreakKind: Sendable {
    case word, sentence
    var icu: UBreakIteratorType { self == .word ? UBRK_WORD : UBRK_SENTENCE }
}

/// One segment between two boundaries, in UTF-16 offsets of the text given.
public struct BreakSegment: Equatable, Sendable {
    public let start: Int
    public let end: Int
    /// ICU's rule status. For words: 0 none (spaces, punctuation), 100 number, 200 letter,
    /// 300 kana, 400 ideograph. For sentences: 0 terminated by `.?!`, 100 separator (line break).
    public let status: Int32

    /// Whether a word segment is a word or number rather than spaces or punctuation.
    public var isWordLike: Bool { status >= 100 }
}

/// Splits UTF-16 text into segments with ICU's break iterator.
public struct BreakIterator: Sendable {
    public let kind: BreakKind
    public let locale: String

    public init(_ kind: BreakKind, locale: String = "ru") {
        self.kind = kind
        self.locale = locale
    }

    /// All segments of `utf16`, in order. The iterator is opened and used inside the
    /// buffer's scope: ICU keeps a pointer to the text (DESIGN.md, "ICU traps").
    public func segments(_ utf16: UnsafeBufferPointer<UInt16>) throws -> [BreakSegment] {
        var status = U_ZERO_ERROR
        guard let bi = jr_ubrk_open(kind.icu, locale, utf16.baseAddress, Int32(utf16.count), &status),
            !status.isFailure
        else { throw ICUError(status, "ubrk_open") }
        defer { jr_ubrk_close(bi) }
        var result: [BreakSegment] = []
        var start = jr_ubrk_first(bi)
        while true {
            let end = jr_ubrk_next(bi)
            if end == UBRK_DONE { break }
            result.append(BreakSegment(start: Int(start), end: Int(end), status: jr_ubrk_getRuleStatus(bi)))
            start = end
        }
        return result
    }

    public func segments(_ utf16: [UInt16]) throws -> [BreakSegment] {
        try utf16.withUnsafeBufferPointer { try segments($0) }
    }
}
