/// Kyrgyz letter repair: the lookalikes that real Kyrgyz text uses for ө ү ң, and Latin
/// letters typed inside Cyrillic words (or Cyrillic inside Latin words).
///
/// A word is a run of letters; hyphens, dots and digits end it. The rules:
/// - ɵ Ɵ (Latin barred o) and ѳ Ѳ (fita) → ө Ө; ӊ Ӊ (en with tail) → ң Ң, in any word with a Cyrillic letter;
/// - ұ Ұ (Kazakh) → ү Ү, unless the text has Kazakh-only letters (ә ғ қ һ і), i.e. is Kazakh;
/// - a word with Cyrillic-only letters and Latin lookalikes (Бишкeк) becomes all Cyrillic;
///   a word with Latin-only letters and Cyrillic lookalikes (USАID) becomes all Latin;
///   a word made of lookalikes alone (ТOКМOКЕ) takes the script that has more of its letters,
///   the line's script on a tie; in a word with ө or ү, a Latin Y y becomes Ү ү (`Yкүева`);
/// - a one-letter Latin lookalike between two Cyrillic words (`c 10:00`) becomes Cyrillic.
/// Words inside e-mail addresses and URLs are never touched.
enum LetterRepair {
    struct Repairs {
        var kyrgyzLetters: [(from: String, to: String)] = []
        var lookalikes: [(from: String, to: String)] = []

        var warnings: [String] {
            var w: [String] = []
            if !kyrgyzLetters.isEmpty {
                w.append(
                    "repaired Kyrgyz letters in \(kyrgyzLetters.count) word\(kyrgyzLetters.count == 1 ? "" : "s"): "
                        + Self.examples(kyrgyzLetters))
            }
            if !lookalikes.isEmpty {
                w.append(
                    "repaired mixed Latin/Cyrillic letters in \(lookalikes.count) word\(lookalikes.count == 1 ? "" : "s"): "
                        + Self.examples(lookalikes))
            }
            return w
        }

        private static func examples(_ list: [(from: String, to: String)]) -> String {
            let shown = list.prefix(5).map { "\($0.from) → \($0.to)" }.joined(separator: ", ")
            return list.count > 5 ? shown + ", …" : shown
        }
    }

    // The letter tables are switches: every letter of every text goes through them, and a
    // dictionary look-up per letter was most of the normalize stage.

    /// ɵ Ɵ ѳ Ѳ → ө Ө; ӊ Ӊ → ң Ң.
    static func kyrgyzSubstitute(_ v: UInt32) -> Unicode.Scalar? {
        switch v {
        case 0x0275, 0x0473: return "ө"
        case 0x019F, 0x0472: return "Ө"
        case 0x04CA: return "ң"
        case 0x04C9: return "Ң"
        default: return nil
        }
    }

    /// Kazakh ұ Ұ → ү Ү.
    static func kazakhStraightU(_ v: UInt32) -> Unicode.Scalar? {
        switch v {
        case 0x04B1: return "ү"
        case 0x04B0: return "Ү"
        default: return nil
        }
    }

    /// Letters only Kazakh has: ә ғ қ һ і.
    static func isKazakhOnly(_ v: UInt32) -> Bool {
        switch v {
        case 0x04D9, 0x04D8, 0x0493, 0x0492, 0x049B, 0x049A, 0x04BB, 0x04BA, 0x0456, 0x0406: return true
        default: return false
        }
    }

    /// The Cyrillic letter a Latin one looks like.
    static func latinToCyrillic(_ v: UInt32) -> Unicode.Scalar? {
        switch v {
        case 0x61: return "а"
        case 0x65: return "е"
        case 0x6F: return "о"
        case 0x70: return "р"
        case 0x63: return "с"
        case 0x78: return "х"
        case 0x79: return "у"
        case 0x41: return "А"
        case 0x42: return "В"
        case 0x43: return "С"
        case 0x45: return "Е"
        case 0x48: return "Н"
        case 0x4B: return "К"
        case 0x4D: return "М"
        case 0x4F: return "О"
        case 0x50: return "Р"
        case 0x54: return "Т"
        case 0x58: return "Х"
        case 0x59: return "У"
        default: return nil
        }
    }

    /// The Latin letter a Cyrillic one looks like.
    static func cyrillicToLatin(_ v: UInt32) -> Unicode.Scalar? {
        switch v {
        case 0x430: return "a"
        case 0x435: return "e"
        case 0x43E: return "o"
        case 0x440: return "p"
        case 0x441: return "c"
        case 0x445: return "x"
        case 0x443: return "y"
        case 0x410: return "A"
        case 0x412: return "B"
        case 0x421: return "C"
        case 0x415: return "E"
        case 0x41D: return "H"
        case 0x41A: return "K"
        case 0x41C: return "M"
        case 0x41E: return "O"
        case 0x420: return "P"
        case 0x422: return "T"
        case 0x425: return "X"
        case 0x423: return "Y"
        default: return nil
        }
    }

    enum Script { case latin, cyrillic, other }

    static func script(_ s: Unicode.Scalar) -> Script {
        switch s.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return .latin
        case 0x400...0x52F: return .cyrillic
        default: return .other
        }
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool { s.isWordLetter }

    /// А–я, Ё, ё and Kyrgyz Ң, ң, Ү, ү, Ө, ө: Cyrillic with no Latin lookalike to count against and
    /// no substitute to repair (a word of these alone is left as it is).
    static func isPlainCyrillic(_ v: UInt32) -> Bool {
        switch v {
        case 0x401, 0x410...0x44F, 0x451, 0x4A2, 0x4A3, 0x4AE, 0x4AF, 0x4E8, 0x4E9: return true
        default: return false
        }
    }

    /// Repairs the buffer's words outside `protected` (`protectedRanges` of its text).
    static func apply(_ buffer: inout ScalarBuffer, protected: [Range<Int>]) -> Repairs {
        // Taken out of the buffer, not copied: changing a shared array would copy the whole text.
        var text: [Unicode.Scalar] = []
        swap(&text, &buffer.scalars)
        defer { swap(&text, &buffer.scalars) }
        var repairs = Repairs()
        var loneRepairs: [(from: String, to: String)] = []
        let isKazakh = text.contains { isKazakhOnly($0.value) }
        // The words are read one by one, never listed (a page of one-letter words would list
        // millions): the word before, and a one-letter lookalike waiting for the word after it.
        var previous: Range<Int>? = nil
        var waiting: (before: Range<Int>, letter: Int)? = nil
        var p = 0  // the first protected range that may still overlap
        var i = 0
        while i < text.count {
            // The next word, and whether it is all plain Cyrillic (most are: nothing to repair),
            // found through a buffer pointer: the array's bounds checks were half the work.
            let (start, end, plain) = text.withUnsafeBufferPointer { t in
                var start = i
                while start < t.count && !isWordScalar(t[start]) { start += 1 }
                var end = start, plain = true
                while end < t.count && isWordScalar(t[end]) {
                    if !isPlainCyrillic(t[end].value) { plain = false }
                    end += 1
                }
                return (start, end, plain)
            }
            guard start < end else { break }
            let range = start..<end
            i = end
            while p < protected.count && protected[p].upperBound <= range.lowerBound { p += 1 }
            if p < protected.count && protected[p].overlaps(range) { continue }
            let isLone = !plain && repair(range, in: &text, isKazakh: isKazakh, repairs: &repairs)
            // A one-letter Latin lookalike between two Cyrillic words on one line (`c 10:00`) becomes
            // Cyrillic. Decided once the word after it is repaired (it may still be mixed: `к A/Mѐ`).
            if let w = waiting, let r = loneLetter(w.letter, between: w.before, and: range, in: text) {
                loneRepairs.append((String(text[w.letter]), String(r)))
                text[w.letter] = r
            }
            waiting = isLone ? previous.map { ($0, range.lowerBound) } : nil
            previous = range
        }
        repairs.lookalikes += loneRepairs
        return repairs
    }

    /// Repairs the letters of one word; true when it is a lone Latin lookalike letter, left for
    /// its neighbours to decide (`loneLetter`).
    private static func repair(
        _ range: Range<Int>, in text: inout [Unicode.Scalar], isKazakh: Bool, repairs: inout Repairs
    ) -> Bool {
        // Most words are basic Cyrillic with Kyrgyz ө, ү, ң: nothing to count or repair there.
        if text[range].allSatisfy({ isPlainCyrillic($0.value) }) { return false }
        // The word as written, kept to report a repair: made before the first change, as a
        // string of its own (a slice of `text` would make every change copy the whole text).
        var original: String? = nil
        var changedKyrgyz = false, changedScript = false
        var cyr = 0, lat = 0, cyrLook = 0, latLook = 0, substitutes = 0
        for k in range {
            let v = text[k].value
            if kyrgyzSubstitute(v) != nil || (!isKazakh && kazakhStraightU(v) != nil) { substitutes += 1; continue }
            switch script(text[k]) {
            case .cyrillic: if cyrillicToLatin(v) != nil { cyrLook += 1 } else { cyr += 1 }
            case .latin: if latinToCyrillic(v) != nil { latLook += 1 } else { lat += 1 }
            case .other: break
            }
        }
        // ɵ in a Latin word may be phonetics; in a Cyrillic word (or alone) it is ө.
        if substitutes > 0 && (cyr + cyrLook > 0 || lat + latLook == 0) {
            original = String(scalars: text[range])
            for k in range {
                if let r = kyrgyzSubstitute(text[k].value) ?? (isKazakh ? nil : kazakhStraightU(text[k].value)) {
                    text[k] = r
                }
            }
            cyr += substitutes
            changedKyrgyz = true
        }
        var target: Script? = nil
        var isLone = false
        if latLook > 0 && cyr > 0 && lat == 0 {
            target = .cyrillic
        } else if cyrLook > 0 && lat > 0 && cyr == 0 {
            target = .latin
        } else if cyr == 0 && lat == 0 && cyrLook > 0 && latLook > 0 {
            target =
                cyrLook > latLook ? .cyrillic : latLook > cyrLook ? .latin : lineScript(text, around: range.lowerBound)
        } else if range.count == 1 && latLook == 1 && cyr + lat + cyrLook == 0 {
            isLone = true
        }
        if let target {
            let convert = target == .cyrillic ? latinToCyrillic : cyrillicToLatin
            if original == nil { original = String(scalars: text[range]) }
            // `Yкүева`: in a word of front rounded vowels (ө, ү) a Latin Y is the Kyrgyz Ү it looks
            // like, not У, which vowel harmony rules out there.
            let front = target == .cyrillic && text[range].contains { "өүӨҮ".unicodeScalars.contains($0) }
            for k in range {
                if front, text[k].value == 0x59 || text[k].value == 0x79 {
                    text[k] = text[k].value == 0x59 ? "Ү" : "ү"
                    changedScript = true
                } else if let r = convert(text[k].value) {
                    text[k] = r; changedScript = true
                }
            }
        }
        if changedKyrgyz || changedScript {
            let before = original!
            let after = String(scalars: text[range])
            if changedKyrgyz {
                repairs.kyrgyzLetters.append((before, after))
            } else {
                repairs.lookalikes.append((before, after))
            }
        }
        return isLone
    }

    /// The Cyrillic letter for the lone Latin one at `k` when the words on both sides are Cyrillic
    /// and on its line; nil otherwise.
    private static func loneLetter(
        _ k: Int, between before: Range<Int>, and after: Range<Int>, in text: [Unicode.Scalar]
    ) -> Unicode.Scalar? {
        guard isCyrillicWord(text, before), isCyrillicWord(text, after),
            sameLine(text, before.lowerBound, after.lowerBound)
        else { return nil }
        return latinToCyrillic(text[k].value)
    }

    private static func isCyrillicWord(_ text: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        r.allSatisfy { script(text[$0]) == .cyrillic }
    }

    private static func sameLine(_ text: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        !text[a..<b].contains("\n")
    }

    /// The script with more letters on the line around `offset`; Cyrillic on a tie.
    private static func lineScript(_ text: [Unicode.Scalar], around offset: Int) -> Script {
        var start = offset, end = offset
        while start > 0 && text[start - 1] != "\n" { start -= 1 }
        while end < text.count && text[end] != "\n" { end += 1 }
        var cyr = 0, lat = 0
        for k in start..<end {
            switch script(text[k]) {
            case .cyrillic: cyr += 1
            case .latin: lat += 1
            case .other: break
            }
        }
        return lat > cyr ? .latin : .cyrillic
    }

    /// Runs of non-space text that are e-mail addresses or URLs.
    static func protectedRanges(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        // Read through a buffer pointer, by scalar values: it runs over the whole text each round.
        text.withUnsafeBufferPointer { text in
            var result: [Range<Int>] = []
            let n = text.count
            var i = 0
            while i < n {
                // Only a run holding `@`, `/` or a `w` (of `www.`) can be an address: the text up to
                // the next of these is passed over in a tight loop, and only their runs are read.
                while i < n, !Self.mayMarkAddress(text[i].value) { i += 1 }
                guard i < n else { break }
                var start = i
                while start > 0, !text[start - 1].isWhitespace { start -= 1 }
                var end = i
                // Which of `@`, `/` and `.` the run has, as bits.
                var marks: UInt8 = 0
                for k in start..<n {
                    if text[k].isWhitespace { break }
                    switch text[k].value {
                    case 0x40: marks |= 1
                    case 0x2F: marks |= 2
                    case 0x2E: marks |= 4
                    default: break
                    }
                    end = k + 1
                }
                if marks & 1 != 0 || marks & 6 == 6 || (end - start >= 4 && isWWW(text, at: start)) {
                    result.append(start..<end)
                }
                i = end
            }
            return result
        }
    }

    /// `@`, `/`, `w` or `W`: what a run needs to be an address (`protectedRanges`).
    @inline(__always)
    private static func mayMarkAddress(_ v: UInt32) -> Bool { v == 0x40 || v == 0x2F || v | 0x20 == 0x77 }

    private static func isWWW(_ text: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        (0..<3).allSatisfy { text[i + $0].value | 0x20 == 0x77 } && text[i + 3].value == 0x2E
    }
}
