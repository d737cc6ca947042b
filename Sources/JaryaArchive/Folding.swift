import ICUText
import Jarya

/// The folded text the archive's full-text index holds and the queries it is asked: the
/// normalized text (Jarya's NFC and Kyrgyz letter repair), then ICU's NFKC_Casefold, then
/// ё → е, the Kyrgyz letter substitutes (ɵ ѳ → ө, ӊ → ң, ұ → ү), and Latin lookalikes inside
/// a word that has a Cyrillic letter folded to Cyrillic (`Бишкeк` with a Latin e → `бишкек`).
/// Text and query go through the same function, so they meet whatever case and lookalikes
/// either was written with.
public enum Folding {
    /// Latin letters (after case folding) that look like Cyrillic ones.
    static let latinToCyrillic: [Unicode.Scalar: Unicode.Scalar] = [
        "a": "а", "b": "в", "c": "с", "e": "е", "h": "н", "k": "к", "m": "м",
        "o": "о", "p": "р", "t": "т", "x": "х", "y": "у",
    ]
    /// Letters written for another (after case folding).
    static let substitutes: [Unicode.Scalar: Unicode.Scalar] = [
        "ё": "е", "\u{0275}": "ө", "ѳ": "ө", "ӊ": "ң", "ұ": "ү",
    ]

    /// The folded copy of `text`.
    public static func fold(_ text: String) -> String {
        let normalized = (try? Normalize.text(text).text.string) ?? text
        var folded =
            (try? Normalizer.nfkcCasefold.normalize(UTF16Text.units(normalized)))
            ?? UTF16Text.units(normalized.lowercased())
        // The letter steps on ICU's UTF-16 in place, before it is written as UTF-8 once: no
        // string rebuilt scalar by scalar.
        foldLetters(utf16: &folded)
        return string(utf16: folded)
    }

    /// `foldLetters` on UTF-16 code units, in place: the same letters replaced (every one of
    /// them, and its replacement, is one code unit), words told apart by the same scalars (a
    /// surrogate pair read as its scalar, a lone surrogate as U+FFFD, which is no letter).
    static func foldLetters(utf16 units: inout [UInt16]) {
        units.withUnsafeMutableBufferPointer { u in
            let n = u.count
            var i = 0
            var run = -1  // where the current word started, -1 outside a word
            var cyrillic = false
            var lookalike = false
            while i <= n {
                var letter = false
                var width = 1
                if i < n {
                    var v = UInt32(u[i])
                    switch v {
                    case 0x0451, 0x0275, 0x0473, 0x04CA, 0x04B1:
                        v = substitutes[Unicode.Scalar(v)!]!.value
                        u[i] = UInt16(v)
                    case 0xD800..<0xDC00 where i + 1 < n && (0xDC00..<0xE000).contains(u[i + 1]):
                        v = 0x10000 + ((v - 0xD800) << 10) + (UInt32(u[i + 1]) - 0xDC00)
                        width = 2
                    case 0xD800..<0xE000:
                        v = 0xFFFD
                    default: break
                    }
                    let scalar = Unicode.Scalar(v)!
                    letter = isLetter(scalar)
                    if letter {
                        if run < 0 {
                            run = i
                            cyrillic = false
                            lookalike = false
                        }
                        if (0x61...0x7A).contains(v) {
                            if latinLookalikes & (1 << UInt64(v - 0x40)) != 0 { lookalike = true }
                        } else if isCyrillic(scalar) {
                            cyrillic = true
                        }
                    }
                }
                if !letter, run >= 0 {
                    if cyrillic && lookalike {
                        for k in run..<i where (0x61...0x7A).contains(u[k]) {
                            if let c = latinToCyrillic[Unicode.Scalar(u[k])!] { u[k] = UInt16(c.value) }
                        }
                    }
                    run = -1
                }
                i += width
            }
        }
    }

    /// UTF-16 code units as the string `String(decoding:as: UTF16.self)` makes of them (a lone
    /// surrogate becomes U+FFFD), written as UTF-8 in one pass (`UTF16Text`).
    static func string(utf16 units: [UInt16]) -> String { UTF16Text.string(units) }

    /// `fold`'s last steps on NFKC_Casefolded text: the substitutes, and the Latin lookalikes of
    /// words with a Cyrillic letter, scalar by scalar (`foldLetters(utf16:)` does the same on
    /// UTF-16 in place; tests hold the two together).
    static func foldLetters(_ folded: String) -> String {
        // Only five scalars have substitutes: the others skip the look-up.
        var scalars = folded.unicodeScalars.map { c -> Unicode.Scalar in
            switch c.value {
            case 0x0451, 0x0275, 0x0473, 0x04CA, 0x04B1: return substitutes[c] ?? c
            default: return c
            }
        }
        var i = 0
        while i < scalars.count {
            guard isLetter(scalars[i]) else { i += 1; continue }
            var j = i
            var cyrillic = false
            while j < scalars.count, isLetter(scalars[j]) {
                if isCyrillic(scalars[j]) { cyrillic = true }
                j += 1
            }
            if cyrillic {
                for k in i..<j { if let c = latinToCyrillic[scalars[k]] { scalars[k] = c } }
            }
            i = j
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Whether `fold`'s last steps would change `folded`: it holds a letter with a substitute,
    /// or a word (a run of letters) with both a Cyrillic letter and a Latin lookalike.
    static func needsLetterFolding(_ folded: String) -> Bool {
        var cyrillic = false, lookalike = false
        for c in folded.unicodeScalars {
            switch c.value {
            case 0x0451, 0x0275, 0x0473, 0x04CA, 0x04B1: return true
            default: break
            }
            if isLetter(c) {
                if (0x61...0x7A).contains(c.value) {
                    if latinLookalikes & (1 << UInt64(c.value - 0x40)) != 0 { lookalike = true }
                } else if isCyrillic(c) {
                    cyrillic = true
                }
                if cyrillic && lookalike { return true }
            } else {
                cyrillic = false
                lookalike = false
            }
        }
        return false
    }

    /// The keys of `latinToCyrillic` as bits, bit `v - 0x40` for the letter with value `v`.
    static let latinLookalikes: UInt64 = latinToCyrillic.keys.reduce(0) { $0 | 1 << UInt64($1.value - 0x40) }

    /// The dictionary forms of every word of an already folded text (its Russian stem and
    /// Kyrgyz stems, as the Analyze stage proposes them), each once, for the index's `forms`
    /// column: a query word matches a text word when they share a form (`Бишкек` ~ `Бишкекте`).
    public static func forms(ofFolded text: String) -> [String] {
        var lexicon = Lexicon()
        return forms(ofFolded: text, lexicon: &lexicon)
    }

    /// `forms(ofFolded:)` with a lexicon kept from text to text: each word met before is found
    /// analysed already (an index run meets the same words in release after release).
    public static func forms(ofFolded text: String, lexicon: inout Lexicon) -> [String] {
        lexicon.trim()
        let scalars = Array(text.unicodeScalars)
        var seen = FormSet()
        // A word's forms depend on its text alone: a text met before in this document (the same
        // lexicon ID) adds no form.
        var texts = Set<Lexicon.ID>()
        var result: [String] = []
        for word in NameWords.words(Tokenizer.tokens(scalars, lexicon: &lexicon), in: scalars, lexicon: &lexicon)
        where word.kind == .word && texts.insert(word.surface).inserted {
            for form in formsOf(word) where seen.insert(form) { result.append(form) }
        }
        return result
    }

    /// The forms met so far, as a `Set<String>` keeps them (canonically equivalent strings are
    /// one), but keyed by their bytes while every form is made of characters for which bytes and
    /// canonical equivalence agree (no combining marks, no other scripts): hashing bytes costs
    /// far less than hashing a Cyrillic `String`.
    struct FormSet {
        private var bytes = Set<ByteKey>()
        private var strings: Set<String>? = nil

        mutating func insert(_ form: String) -> Bool {
            if strings == nil, form.unicodeScalars.allSatisfy(Folding.bytesCompare) {
                return bytes.insert(ByteKey(Array(form.utf8))).inserted
            }
            if strings == nil {
                strings = Set(bytes.map { String(decoding: $0.bytes, as: UTF8.self) })
            }
            return strings!.insert(form).inserted
        }
    }

    /// Characters that are their own canonical form and compose with nothing before them: a
    /// string of only these is canonically equivalent to no other string of only these.
    static func bytesCompare(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x300 || (0x400..<0x483).contains(c.value) || (0x48A..<0x530).contains(c.value)
    }

    /// The forms of one folded query word.
    public static func forms(ofWord folded: String) -> [String] {
        let words = Analyze.words(of: folded)
        guard words.count == 1, words[0].kind == .word else { return [folded] }
        return formsOf(words[0])
    }

    /// A word's forms, without the short stems suffix stripping leaves of short words.
    static func formsOf(_ word: NameToken) -> [String] {
        let all = word.forms.isEmpty ? [word.lower] : word.forms
        return all.enumerated().filter { $0.offset == 0 || $0.element.unicodeScalars.count >= 3 }.map(\.element)
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x3000 ? letters[Int(c.value)] : letter(c)
    }

    static func letter(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.generalCategory == .nonspacingMark
    }

    /// `letter` of every character below U+3000, looked up once: the Unicode property look-ups
    /// cost more than the rest of folding.
    static let letters: [Bool] = (0..<0x3000).map { Unicode.Scalar($0).map(letter) ?? false }

    static func isCyrillic(_ c: Unicode.Scalar) -> Bool { (0x0400...0x052F).contains(c.value) }
}
