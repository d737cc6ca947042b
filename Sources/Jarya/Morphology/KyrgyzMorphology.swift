/// Kyrgyz suffix analysis: proposes the stems a word may have by taking off the case,
/// possessive and plural suffixes in their surface forms (vowel harmony gives each four
/// vowels; consonant assimilation gives the д/т/н and г/к alternants).
///
/// It proposes, it does not decide: `Бишкектеги` → [бишкектеги, бишкек], `облусунда` →
/// [облусунда, облусу, облус]. A glossary lookup decides which stem is a name. No dictionary
/// of every word is needed.
public enum KyrgyzMorphology {
    /// Case suffixes that follow a bare stem (or a plural).
    static let cases: [String] = [
        // attributive locative -DAgI
        "дагы", "деги", "догу", "дөгү", "тагы", "теги", "тогу", "төгү",
        // ablative -DAn
        "дан", "ден", "дон", "дөн", "тан", "тен", "тон", "төн",
        // genitive -NIn
        "нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн",
        // locative -DA
        "да", "де", "до", "дө", "та", "те", "то", "тө",
        // dative -GA
        "га", "ге", "го", "гө", "ка", "ке", "ко", "кө",
        // accusative -NI
        "ны", "ни", "ну", "нү", "ды", "ди", "ду", "дү", "ты", "ти", "ту", "тү",
        // instrumental-comitative -ча (manner) is not a case of names; left out.
    ]
    /// Case suffixes after a 3rd-person possessive, which take н: мартына, облусунда, июлунан.
    static let casesAfterPossessive: [String] = [
        "ндагы", "ндеги", "ндогу", "ндөгү", "нан", "нен", "нон", "нөн", "нда", "нде", "ндо", "ндө",
        "на", "не", "но", "нө", "нын", "нин", "нун", "нүн", "н",
    ]
    /// 3rd-person possessive: -(s)I.
    static let possessives: [String] = ["сы", "си", "су", "сү", "ы", "и", "у", "ү"]
    /// Plural: -LAr.
    static let plurals: [String] = ["лар", "лер", "лор", "лөр", "дар", "дер", "дор", "дөр", "тар", "тер", "тор", "төр"]

    static let minimumStem = 2

    /// The word itself (lowercased) and every stem it may have, longest first.
    public static func stems(of word: String) -> [String] {
        let w = word.lowercased()
        var result: [String] = [w]
        func add(_ s: Substring) {
            let str = String(s)
            if s.count >= minimumStem, !result.contains(str) { result.append(str) }
        }
        func stripPossessiveAndPlural(_ s: Substring, possessiveRequired: Bool) {
            var afterPossessive: [Substring] = possessiveRequired ? [] : [s]
            for p in possessives where s.hasSuffix(p) && s.count - p.count >= minimumStem {
                let stem = s.dropLast(p.count)
                // -сI follows a vowel, -I a consonant.
                let last = stem.last!
                if (p.count == 2) == isVowel(last) { add(stem); afterPossessive.append(stem) }
            }
            for s2 in afterPossessive {
                for pl in plurals where s2.hasSuffix(pl) && s2.count - pl.count >= minimumStem {
                    add(s2.dropLast(pl.count))
                }
            }
        }
        let s = Substring(w)
        for c in casesAfterPossessive where s.hasSuffix(c) && s.count - c.count >= minimumStem + 1 {
            let rest = s.dropLast(c.count)
            if possessives.contains(where: { rest.hasSuffix($0) }) {
                add(rest)
                stripPossessiveAndPlural(rest, possessiveRequired: true)
            }
        }
        for c in cases where s.hasSuffix(c) && s.count - c.count >= minimumStem {
            let rest = s.dropLast(c.count)
            add(rest)
            stripPossessiveAndPlural(rest, possessiveRequired: false)
        }
        stripPossessiveAndPlural(s, possessiveRequired: false)
        return result
    }

    static func isVowel(_ c: Character) -> Bool { "аеиоуыэюяөүё".contains(c) }

    /// An acronym with a Kyrgyz suffix written on (`ЮНИСЕФтин`, `ПРООНдун`, `АКШнын`,
    /// `ЖӨБдүн`): the capitals, if what follows them is a suffix.
    public static func acronym(of word: String) -> String? {
        let scalars = Array(word.unicodeScalars)
        var k = 0
        while k < scalars.count && scalars[k].properties.isUppercase { k += 1 }
        guard k >= 2, k < scalars.count else { return nil }
        let suffix = String(String.UnicodeScalarView(scalars[k...]))
        let head = String(String.UnicodeScalarView(scalars[..<k]))
        // The suffix alone must read as one: stems of `xx+suffix` include `xx`.
        let probe = "аб" + suffix
        guard stems(of: probe).contains("аб") || stems(of: "аба" + suffix).contains("аба") else { return nil }
        return head
    }
}
