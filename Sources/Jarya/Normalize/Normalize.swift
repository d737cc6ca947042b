import ICUText

/// Normalize: extracted text → normalized text with an offset map.
///
/// Four passes, each keeping the map: typography (line ends, invisible characters,
/// spaces, hyphens), ICU NFC, Kyrgyz letter repair, and fused words. Repairs are reported in
/// the document's warnings so a user can see what was changed.
public struct Normalize: Stage {
    public let name = "normalize"
    public init() {}

    /// Throws when ICU's normalization data cannot be opened (its message says what to
    /// install), so a command stops before reading any input rather than failing every document.
    public static func checkData() throws { try ICUData.check() }

    /// Rounds of letter repair and word splitting at most; each leaves fewer mixed or fused words.
    static let maximumRounds = 8

    public func run(_ document: inout Document) throws {
        var buffer = ScalarBuffer(identity: [Unicode.Scalar](scalarsOf: document.extracted))
        // Typography sees every scalar, so it says whether NFC can change any (nearly never).
        if !Typography.apply(&buffer) { try CanonicalComposition.apply(&buffer) }
        // Letter repair judges words, and two later steps make new ones: splitting fused words
        // (`̡пBo M`: the lone M stands beside a Cyrillic word only once `пВо` is split), and a
        // repaired letter composing with the mark after it, which joins the words the mark stood
        // between (`УY̆ppp`: Y becomes У, У + ◌̆ is Ў, and only then is `Ўppp` one mixed word).
        // So the rounds repeat until neither happens, and a second normalization changes nothing.
        // Each round leaves fewer mixed words; rarely more than two; capped.
        var repairs = LetterRepair.Repairs()
        var fused: (count: Int, examples: [String]) = (0, [])
        for _ in 0..<Self.maximumRounds {
            // E-mail addresses and URLs, which neither pass touches: found once a round, and again
            // for word splitting only when a repair changed the text.
            var protected = LetterRepair.protectedRanges(buffer.scalars)
            let round = LetterRepair.apply(&buffer, protected: protected)
            // A repaired letter may now compose with the mark after it (Latin y + ◌̆ does not,
            // Cyrillic у + ◌̆ is ў). Composing only ever shortens the text.
            var composed = false
            if !round.kyrgyzLetters.isEmpty || !round.lookalikes.isEmpty {
                let length = buffer.scalars.count
                try CanonicalComposition.apply(&buffer)
                composed = buffer.scalars.count != length
            }
            repairs.kyrgyzLetters += round.kyrgyzLetters
            repairs.lookalikes += round.lookalikes
            if !round.kyrgyzLetters.isEmpty || !round.lookalikes.isEmpty {
                protected = LetterRepair.protectedRanges(buffer.scalars)
            }
            let split = FusedWords.apply(&buffer, protected: protected)
            fused.count += split.count
            fused.examples += split.examples.prefix(max(0, FusedWords.examplesShown - fused.examples.count))
            if split.count == 0 && !composed { break }
        }
        document.text = NormalizedText(scalars: buffer.scalars, origin: buffer.origin)
        document.warnings += repairs.warnings
        if fused.count > 0 {
            document.warnings.append(
                "separated \(fused.count) fused word\(fused.count == 1 ? "" : "s"): "
                    + fused.examples.joined(separator: ", "))
        }
    }

    /// Normalizes a string on its own (tests, `jarya normalize`).
    public static func text(_ s: String) throws -> (text: NormalizedText, warnings: [String]) {
        var doc = Document(text: s)
        doc.extracted = s
        try Normalize().run(&doc)
        return (doc.text, doc.warnings)
    }
}

/// Scalars with their original offsets, rewritten pass by pass.
struct ScalarBuffer {
    var scalars: [Unicode.Scalar]
    var origin: [Int32]

    init(identity scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        self.origin = [Int32](unsafeUninitializedCapacity: scalars.count + 1) { origin, made in
            for k in 0...scalars.count { origin[k] = Int32(k) }
            made = scalars.count + 1
        }
    }

    init(scalars: [Unicode.Scalar], origin: [Int32]) {
        self.scalars = scalars
        self.origin = origin
    }
}

/// Line ends, invisible characters, spaces and hyphens. Typographic quotes and dashes stay:
/// recognizers know them, and users expect to see them.
enum Typography {
    /// Rewrites the buffer in place: each scalar becomes at most one, so the text is never held twice.
    /// Returns whether every scalar it wrote is one NFC never changes (`CanonicalComposition.isInert`).
    @discardableResult
    static func apply(_ buffer: inout ScalarBuffer) -> Bool {
        let count = buffer.scalars.count
        var w = 0
        var inert = true
        // Through buffer pointers: writing the arrays element by element checked each time that
        // they were not shared.
        buffer.scalars.withUnsafeMutableBufferPointer { scalars in
            buffer.origin.withUnsafeMutableBufferPointer { origin in
                var i = 0
                while i < count {
                    let c = scalars[i]
                    let o = origin[i]
                    i += 1
                    let out: Unicode.Scalar
                    switch c.value {
                    case 0x0D:  // CR LF and lone CR → LF
                        if i < count && scalars[i] == "\n" { i += 1 }
                        out = "\n"
                    case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E:
                        continue  // soft hyphen, zero-width characters, BOM
                    case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x0C, 0x0B:
                        out = " "
                    case 0x2028, 0x2029, 0x85:
                        out = "\n"
                    case 0x2010, 0x2011:  // hyphen, non-breaking hyphen
                        out = "-"
                    default:
                        out = c
                    }
                    scalars[w] = out
                    origin[w] = o
                    w += 1
                    if inert && !CanonicalComposition.isInert(out) { inert = false }
                }
                origin[w] = origin[count]
            }
        }
        buffer.scalars.removeLast(count - w)
        buffer.origin.removeLast(count - w)
        return inert
    }
}

/// ICU NFC, segment by segment so each output scalar keeps an origin. Text already in NFC
/// (nearly all of it) is checked by ICU's quick check and copied untouched.
enum CanonicalComposition {
    static func apply(_ buffer: inout ScalarBuffer) throws {
        // Nearly every release is all Latin, Cyrillic and punctuation, which NFC never changes:
        // one pass of range checks, with no UTF-16 copy for ICU's quick check.
        if buffer.scalars.withUnsafeBufferPointer({ $0.allSatisfy(isInert) }) { return }
        let nfc = try Normalizer.nfc
        var utf16: [UInt16] = []
        utf16.reserveCapacity(buffer.scalars.count)
        for s in buffer.scalars {
            if s.value < 0x10000 { utf16.append(UInt16(s.value)) } else { utf16.append(contentsOf: UTF16.encode(s)!) }
        }
        let prefix = try utf16.withUnsafeBufferPointer { try nfc.normalizedPrefixLength($0) }
        if prefix == utf16.count { return }
        var out: [Unicode.Scalar] = []
        var map: [Int32] = []
        out.reserveCapacity(buffer.scalars.count)
        let input = buffer.scalars
        var i = 0
        while i < input.count {
            // A segment: a scalar with a boundary before it and all that follow without one.
            var j = i + 1
            while j < input.count && !nfc.hasBoundary(before: input[j]) { j += 1 }
            if j == i + 1 && isStableAlone(input[i]) {
                out.append(input[i]); map.append(buffer.origin[i])
            } else {
                var piece = String()
                piece.unicodeScalars.append(contentsOf: input[i..<j])
                for s in try nfc.normalize(piece).unicodeScalars {
                    out.append(s); map.append(buffer.origin[i])
                }
            }
            i = j
        }
        map.append(buffer.origin[input.count])
        buffer = ScalarBuffer(scalars: out, origin: map)
    }

    /// Scalars that NFC leaves alone when nothing combines with them: Latin, Cyrillic,
    /// common punctuation, the numero sign (its decomposition is a compatibility one). Everything
    /// else goes through ICU.
    static func isStableAlone(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0..<0x340, 0x400..<0x530, 0x2012..<0x2028, 0x2030..<0x2100, 0x2116: return true
        default: return false
        }
    }

    /// Scalars that NFC never changes wherever they stand: those of `isStableAlone` less the
    /// combining marks among them (U+0300…, U+0483–U+0489), which may compose with or reorder
    /// around their neighbours. A string of these alone is NFC already.
    static func isInert(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x300..<0x340, 0x483...0x489: return false
        default: return isStableAlone(s)
        }
    }
}

/// Two words typed without the space between them, the second capitalized:
/// `изБишкека` → `из Бишкека`, `предприятийДжалал-Абадской` → `предприятий Джалал-Абадской`.
/// Only a Cyrillic word that starts in lower case is split, so `ЮНИСЕФтин` and brand names
/// (`МегаКом`) stay whole. The inserted space maps to the capital letter's origin.
enum FusedWords {
    static let examplesShown = 5
    static let longestExample = 60

    /// The number of words split, and the first few fused words as written. `protected` is
    /// `LetterRepair.protectedRanges` of the buffer's text.
    static func apply(_ buffer: inout ScalarBuffer, protected: [Range<Int>]) -> (count: Int, examples: [String]) {
        let text = buffer.scalars
        var splits: [Int] = []
        var examples: [String] = []
        func cyrillic(_ c: Unicode.Scalar) -> Bool { c.value >= 0x400 && c.value < 0x530 }
        // Read through a buffer pointer: every scalar of the text is looked at, and the array's
        // bounds checks were half the work.
        text.withUnsafeBufferPointer { t in
            var i = 0
            // E-mail addresses and URLs stay whole, as in LetterRepair: a split would also move their
            // tail out of the protected run, and a second normalization would repair its letters.
            var p = 0
            while i < t.count {
                while p < protected.count && protected[p].upperBound <= i { p += 1 }
                if p < protected.count && protected[p].contains(i) { i = protected[p].upperBound; continue }
                guard cyrillic(t[i]), i == 0 || !t[i - 1].isAlphabetic else { i += 1; continue }
                var j = i
                while j < t.count && cyrillic(t[j]) { j += 1 }
                if t[i].isLowercase {
                    for k in (i + 1)..<max(i + 1, j - 1)
                    where t[k].isUppercase && t[k - 1].isLowercase && t[k + 1].isLowercase {
                        splits.append(k)
                        // The warning names five: copy no more (a run of `аБвгД…` splits everywhere).
                        // A fused word longer than any real pair is shown by its start.
                        if examples.count < Self.examplesShown {
                            examples.append(
                                j - i <= Self.longestExample
                                    ? String(scalars: t[i..<j])
                                    : String(scalars: t[i..<(i + Self.longestExample)]) + "…")
                        }
                    }
                }
                i = max(j, i + 1)
            }
        }
        guard !splits.isEmpty else { return (0, []) }
        var out: [Unicode.Scalar] = []
        var map: [Int32] = []
        out.reserveCapacity(text.count + splits.count)
        var next = 0
        for k in 0..<text.count {
            if next < splits.count && splits[next] == k {
                out.append(" "); map.append(buffer.origin[k]); next += 1
            }
            out.append(text[k]); map.append(buffer.origin[k])
        }
        map.append(buffer.origin[text.count])
        buffer = ScalarBuffer(scalars: out, origin: map)
        return (splits.count, examples)
    }
}
