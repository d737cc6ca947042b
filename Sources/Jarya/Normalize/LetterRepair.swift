/// Kyrgyz letter repair: the lookalikes that real Kyrgyz text uses for ө ү ң, and Latin
/// letters typed inside Cyrillic words (or Cyrillic inside Latin words).
///
/// A word is a run of letters; hyphens, dots and digits end it. The rules:
/// - ɵ Ɵ (Latin barred o) and ѳ Ѳ (fita) → ө Ө; ӊ Ӊ (en with tail) → ң Ң, in any word with a Cyrillic letter;
/// - ұ Ұ (Kazakh) → ү Ү, unless the text has Kazakh-only letters (ә ғ қ һ і), i.e. is Kazakh;
/// - a word with Cyrillic-only letters and Latin lookalikes (Бишкeк) becomes all Cyrillic;
///   a word with Latin-only letters and Cyrillic lookalikes (USАID) becomes all Latin;
///   a word made of lookalikes alone (ТOКМOКЕ) takes the script that has more of its letters,
///   the line's script on a tie;
/// - a one-letter Latin lookalike between two Cyrillic words (`c 10:00`) becomes Cyrillic.
/// Words inside e-mail addresses and URLs are never touched.
enum LetterRepair {
    struct Repairs {
        var kyrgyzLetters: [(from: String, to: String)] = []
        var lookalikes: [(from: String, to: String)] = []

        var warnings: [String] {
            var w: [String] = []
            if !kyrgyzLetters.isEmpty {
                w.append("repaired Kyrgyz letters in \(kyrgyzLetters.count) word\(kyrgyzLetters.count == 1 ? "" : "s"): " + Self.examples(kyrgyzLetters))
            }
            if !lookalikes.isEmpty {
                w.append("repaired mixed Latin/Cyrillic letters in \(lookalikes.count) word\(lookalikes.count == 1 ? "" : "s"): " + Self.examples(lookalikes))
            }
            return w
        }

        private static func examples(_ list: [(from: String, to: String)]) -> String {
            let shown = list.prefix(5).map { "\($0.from) → \($0.to)" }.joined(separator: ", ")
            return list.count > 5 ? shown + ", …" : shown
        }
    }

    static let kyrgyzSubstitutes: [UInt32: Unicode.Scalar] = [
        0x0275: "ө", 0x019F: "Ө", 0x0473: "ө", 0x0472: "Ө", 0x04CA: "ң", 0x04C9: "Ң",
    ]
    static let kazakhStraightU: [UInt32: Unicode.Scalar] = [0x04B1: "ү", 0x04B0: "Ү"]
    static let kazakhOnly: Set<UInt32> = [0x04D9, 0x04D8, 0x0493, 0x0492, 0x049B, 0x049A, 0x04BB, 0x04BA, 0x0456, 0x0406]

    static let latinToCyrillic: [UInt32: Unicode.Scalar] = {
        let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [
            ("a", "а"), ("e", "е"), ("o", "о"), ("p", "р"), ("c", "с"), ("x", "х"), ("y", "у"),
            ("A", "А"), ("B", "В"), ("C", "С"), ("E", "Е"), ("H", "Н"), ("K", "К"), ("M", "М"),
            ("O", "О"), ("P", "Р"), ("T", "Т"), ("X", "Х"), ("Y", "У"),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { ($0.0.value, $0.1) })
    }()
    static let cyrillicToLatin: [UInt32: Unicode.Scalar] = {
        Dictionary(latinToCyrillic.map { ($0.value.value, Unicode.Scalar($0.key)!) }, uniquingKeysWith: { a, _ in a })
    }()

    enum Script { case latin, cyrillic, other }

    static func script(_ s: Unicode.Scalar) -> Script {
        switch s.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return .latin
        case 0x400...0x52F: return .cyrillic
        default: return .other
        }
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool { s.isWordLetter }

    static func apply(_ buffer: inout ScalarBuffer) -> Repairs {
        var text = buffer.scalars
        var repairs = Repairs()
        let isKazakh = text.contains { kazakhOnly.contains($0.value) }
        let protected = protectedRanges(text)
        var words: [Range<Int>] = []
        var p = 0  // the first protected range that may still overlap
        var i = 0
        while i < text.count {
            guard isWordScalar(text[i]) else { i += 1; continue }
            var j = i
            while j < text.count && isWordScalar(text[j]) { j += 1 }
            while p < protected.count && protected[p].upperBound <= i { p += 1 }
            if !(p < protected.count && protected[p].overlaps(i..<j)) { words.append(i..<j) }
            i = j
        }
        for (n, range) in words.enumerated() {
            let original = text[range]  // kept to report the repair, if there is one
            var changedKyrgyz = false, changedScript = false
            var cyr = 0, lat = 0, cyrLook = 0, latLook = 0, substitutes = 0
            for k in range {
                let v = text[k].value
                if kyrgyzSubstitutes[v] != nil || (!isKazakh && kazakhStraightU[v] != nil) { substitutes += 1; continue }
                switch script(text[k]) {
                case .cyrillic: if cyrillicToLatin[v] != nil { cyrLook += 1 } else { cyr += 1 }
                case .latin: if latinToCyrillic[v] != nil { latLook += 1 } else { lat += 1 }
                case .other: break
                }
            }
            // ɵ in a Latin word may be phonetics; in a Cyrillic word (or alone) it is ө.
            if substitutes > 0 && (cyr + cyrLook > 0 || lat + latLook == 0) {
                for k in range {
                    if let r = kyrgyzSubstitutes[text[k].value] ?? (isKazakh ? nil : kazakhStraightU[text[k].value]) { text[k] = r }
                }
                cyr += substitutes
                changedKyrgyz = true
            }
            var target: Script? = nil
            if latLook > 0 && cyr > 0 && lat == 0 { target = .cyrillic }
            else if cyrLook > 0 && lat > 0 && cyr == 0 { target = .latin }
            else if cyr == 0 && lat == 0 && cyrLook > 0 && latLook > 0 {
                target = cyrLook > latLook ? .cyrillic : latLook > cyrLook ? .latin : lineScript(text, around: range.lowerBound)
            } else if range.count == 1 && latLook == 1 && cyr + lat + cyrLook == 0,
                      n > 0, n + 1 < words.count,
                      isCyrillicWord(text, words[n - 1]), isCyrillicWord(text, words[n + 1]),
                      sameLine(text, words[n - 1].lowerBound, words[n + 1].lowerBound) {
                target = .cyrillic
            }
            if let target {
                let table = target == .cyrillic ? latinToCyrillic : cyrillicToLatin
                for k in range { if let r = table[text[k].value] { text[k] = r; changedScript = true } }
            }
            if changedKyrgyz || changedScript {
                let before = String(scalars: original)
                let after = String(scalars: text[range])
                if changedKyrgyz { repairs.kyrgyzLetters.append((before, after)) } else { repairs.lookalikes.append((before, after)) }
            }
        }
        buffer.scalars = text
        return repairs
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
        var result: [Range<Int>] = []
        var i = 0
        while i < text.count {
            guard !text[i].isWhitespace else { i += 1; continue }
            var j = i
            var hasAt = false, hasSlash = false, hasDot = false
            while j < text.count && !text[j].isWhitespace {
                switch text[j] {
                case "@": hasAt = true
                case "/": hasSlash = true
                case ".": hasDot = true
                default: break
                }
                j += 1
            }
            if hasAt || (hasSlash && hasDot) || String(scalars: text[i..<min(j, i + 4)]).lowercased() == "www." {
                result.append(i..<j)
            }
            i = j
        }
        return result
    }
}
