/// Kyrgyz suffix analysis: proposes the stems a word may have by taking off the case,
/// possessive and plural suffixes in their surface forms (vowel harmony gives each four
/// vowels; consonant assimilation gives the д/т/н and г/к alternants).
///
/// It proposes, it does not decide: `Бишкектеги` → [бишкектеги, бишкек], `облусунда` →
/// [облусунда, облусу, облус]. A glossary lookup decides which stem is a name. No dictionary
/// of every word is needed.
public enum KyrgyzMorphology {
    /// Case suffixes that follow a bare stem (or a plural). The instrumental-comitative -ча
    /// (manner) is not a case of names; left out.
    static let cases: [String] = KyrgyzCase.allCases.flatMap(\.endings)
    /// Case suffixes after a 3rd-person possessive, which take н: мартына, облусунда, июлунан.
    static let casesAfterPossessive: [String] = [
        KyrgyzCase.attributive, .ablative, .locative, .dative, .genitive, .accusative,
    ]
    .flatMap(\.endingsAfterPossessive)
    /// 3rd-person possessive: -(s)I.
    static let possessives: [String] = ["сы", "си", "су", "сү", "ы", "и", "у", "ү"]
    /// Plural: -LAr.
    static let plurals: [String] = ["лар", "лер", "лор", "лөр", "дар", "дер", "дор", "дөр", "тар", "тер", "тор", "төр"]

    static let minimumStem = 2

    /// Whether `word` carries the plural right after the noun `head`, one of its forms
    /// (`комиссияларынын` after `комиссия`, `мугалимдеринин` after `мугалим`): a kind of bodies
    /// or people, not one. A head's possessive vowel (`министрлиги`) is not part of the stem.
    ///
    /// When `word` starts with the stem's bytes (the usual case) and each of its scalars is a
    /// character of its own, the plural is read at the stem's end on the bytes: cutting the
    /// strings into characters cost some 9,000 instructions a call.
    static func isPlural(_ word: String, after head: String) -> Bool {
        let possessive = head.endsWith("ы") || head.endsWith("и") || head.endsWith("у") || head.endsWith("ү")
        // Each of those vowels is two bytes.
        let stemLength = head.utf8.count - (possessive ? 2 : 0)
        let onBytes: Bool?? = word.utf8.withContiguousStorageIfAvailable { w in
            head.utf8.withContiguousStorageIfAvailable { h -> Bool? in
                guard stemLength <= w.count, bytesEqual(w, 0, UnsafeBufferPointer(rebasing: h[..<stemLength])),
                    isSimpleText(w)
                else { return nil }
                return pluralBytes.contains { p in
                    stemLength + p.count <= w.count && p.indices.allSatisfy { w[stemLength + $0] == p[$0] }
                }
            } ?? nil
        }
        if let answer = onBytes ?? nil { return answer }
        let base = possessive ? String(head.dropLast()) : head
        let rest = word.dropFirst(base.count)
        return plurals.contains { rest.startsWith($0) }
    }

    private static let pluralBytes = plurals.map { Array($0.utf8) }

    /// Whether every scalar of `bytes` is ASCII (no control) or Cyrillic but its combining marks:
    /// each is then a character of its own, so a count of characters is one of scalars.
    private static func isSimpleText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x20 || b == 0x7F { return false }
                i += 1
            } else if b >= 0xD0 && b <= 0xD3 && i + 1 < bytes.count {
                // U+0400–U+04FF; U+0483–U+0489 (D2 83 … D2 89) combine.
                if b == 0xD2 && bytes[i + 1] >= 0x83 && bytes[i + 1] <= 0x89 { return false }
                i += 2
            } else {
                return false
            }
        }
        return true
    }

    // Case endings by case, for the rules that read a word's case from its end.
    public static let genitiveEndings = KyrgyzCase.genitive.endings
    public static let ablativeEndings = KyrgyzCase.ablative.endings + KyrgyzCase.ablative.endingsAfterPossessive
    public static let dativeEndings = KyrgyzCase.dative.endings
    public static let accusativeEndings = KyrgyzCase.accusative.endings

    /// The accusative after a 3rd-person possessive (`шаарын`, `Президентин`), told from the
    /// genitive (`-нын`, `-дын`, `-тын`) by the consonant before the vowel. The genitive's
    /// consonant agrees with the sound before it: `н` after a vowel (`Кеңешинин`), `т` after a
    /// voiceless consonant (`Президенттин`), `д` after a voiced one (`Нарындын`); a `т` after a
    /// vowel or a voiced consonant is the stem's own (`Президент|ин`, `сот|ун`).
    /// Read from the last scalars, with no array made of them: most words do not end in -Iн and
    /// are answered by the first (the organization rules ask it of every word of a name).
    public static func isAccusativeAfterPossessive(_ lower: String) -> Bool {
        var s = lower.unicodeScalars.reversed().makeIterator()
        guard s.next() == "н", let vowel = s.next(), "ыиуү".unicodeScalars.contains(vowel), let consonant = s.next(),
            let before = s.next(), s.next() != nil
        else { return false }
        switch consonant {
        case "н", "д": return false
        case "т": return !"кпстфхчшщ".unicodeScalars.contains(before)
        default: return true
        }
    }

    private static let caseScalars = cases.map { Array($0.unicodeScalars) }
    private static let casesAfterPossessiveScalars = casesAfterPossessive.map { Array($0.unicodeScalars) }
    private static let possessiveScalars = possessives.map { Array($0.unicodeScalars) }
    private static let pluralScalars = plurals.map { Array($0.unicodeScalars) }

    /// Whether the suffix after the first `stemLength` letters of `word` has the vowel that
    /// Kyrgyz vowel harmony gives the stem's last vowel (`Жапаров|дун`, `Койчиев|ди`,
    /// `Асанова|га`), so that a foreign name's own letters are not taken for a suffix:
    /// `Клинтон` is no ablative of `Клин`, which would be `Клинден`.
    public static func suffixHarmonizes(_ word: String, stemLength: Int) -> Bool {
        let s = Array(word.fastLowercased().unicodeScalars)
        guard stemLength < s.count, let stemVowel = s[..<stemLength].last(where: isVowel),
            let suffixVowel = s[stemLength...].first(where: isVowel)
        else { return true }
        for (stems, suffixes) in harmony where stems.unicodeScalars.contains(stemVowel) {
            return suffixes.unicodeScalars.contains(suffixVowel)
        }
        return true
    }

    /// The suffix vowels each stem vowel takes (Russian letters with the Kyrgyz vowel they sound as).
    private static let harmony: [(stem: String, suffix: String)] = [
        ("аыя", "аы"), ("оё", "оу"), ("ую", "аоу"), ("еиэ", "еи"), ("өү", "өү"),
    ]

    /// Whether `s[..<end]` ends with `suffix`.
    private static func endsWith(_ s: [Unicode.Scalar], _ end: Int, _ suffix: [Unicode.Scalar]) -> Bool {
        guard end >= suffix.count else { return false }
        var i = end - suffix.count
        for c in suffix {
            if s[i] != c { return false }
            i += 1
        }
        return true
    }

    /// The word itself (lowercased) and every stem it may have. Every stem is a prefix of the
    /// word, so the analysis works on prefix lengths and builds strings only for the answer.
    public static func stems(of word: String) -> [String] {
        let w = word.fastLowercased()
        let s = Array(w.unicodeScalars)
        var ends: [Int] = [s.count]
        func add(_ end: Int) {
            if end >= minimumStem, !ends.contains(end) { ends.append(end) }
        }
        func stripPossessiveAndPlural(_ end: Int, possessiveRequired: Bool) {
            var afterPossessive: [Int] = possessiveRequired ? [] : [end]
            for p in possessiveScalars where endsWith(s, end, p) && end - p.count >= minimumStem {
                let stem = end - p.count
                // -сI follows a vowel, -I a consonant.
                if (p.count == 2) == isVowel(s[stem - 1]) { add(stem); afterPossessive.append(stem) }
            }
            for e in afterPossessive {
                for pl in pluralScalars where endsWith(s, e, pl) && e - pl.count >= minimumStem { add(e - pl.count) }
            }
        }
        let n = s.count
        for c in casesAfterPossessiveScalars where endsWith(s, n, c) && n - c.count >= minimumStem + 1 {
            let rest = n - c.count
            if possessiveScalars.contains(where: { endsWith(s, rest, $0) }) {
                add(rest)
                stripPossessiveAndPlural(rest, possessiveRequired: true)
            }
        }
        for c in caseScalars where endsWith(s, n, c) && n - c.count >= minimumStem {
            add(n - c.count)
            stripPossessiveAndPlural(n - c.count, possessiveRequired: false)
        }
        stripPossessiveAndPlural(n, possessiveRequired: false)
        var result = ends.map { $0 == n ? w : String(scalars: s[..<$0]) }
        // A final к/п voices before a vowel suffix: министрлик → министрлиги, мектеп → мектеби.
        for e in ends where e < n && e >= minimumStem + 1 && isVowel(s[e]) {
            let devoiced: Unicode.Scalar? = s[e - 1] == "г" ? "к" : s[e - 1] == "б" ? "п" : nil
            if let d = devoiced {
                let stem = String(scalars: s[..<(e - 1)] + [d])
                if !result.contains(stem) { result.append(stem) }
            }
        }
        return result
    }

    static func isVowel(_ c: Character) -> Bool { "аеиоуыэюяөүё".contains(c) }

    static func isVowel(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "а", "е", "и", "о", "у", "ы", "э", "ю", "я", "ө", "ү", "ё": return true
        default: return false
        }
    }

    /// An acronym with a Kyrgyz suffix written on (`ЮНИСЕФтин`, `ПРООНдун`, `АКШнын`,
    /// `ЖӨБдүн`): the capitals, if what follows them is a suffix.
    public static func acronym(of word: String) -> String? {
        // Most words have one capital at most: answer them before building anything.
        var u = word.unicodeScalars.makeIterator()
        guard u.next()?.isUppercase == true, u.next()?.isUppercase == true else { return nil }
        let scalars = Array(word.unicodeScalars)
        var k = 0
        while k < scalars.count && scalars[k].isUppercase { k += 1 }
        guard k >= 2, k < scalars.count else { return nil }
        let suffix = String(scalars: scalars[k...])
        guard suffixChains.contains(suffix) else { return nil }
        return String(scalars: scalars[..<k])
    }

    /// Every suffix chain a name may take: [plural] [possessive] [case], in their surface forms.
    static let suffixChains: WordSet = {
        var chains: WordSet = []
        for pl in [""] + plurals {
            for poss in [""] + possessives {
                for c in [""] + cases + (poss.isEmpty ? [] : casesAfterPossessive) {
                    let chain = pl + poss + c
                    if !chain.isEmpty { chains.insert(chain) }
                }
            }
        }
        return chains
    }()
}
