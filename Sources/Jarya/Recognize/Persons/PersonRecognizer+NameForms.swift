/// How a name read from tokens is written in a record: capitals, the nominative, the case of a
/// given name.
extension PersonNames {
    func capitalized(_ s: String) -> String {
        // Most names have neither a hyphen nor an apostrophe (`’` opens with the byte E2): reading
        // Characters one by one cost some 6,000 instructions a name.
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "'") || $0 == 0xE2 }) else {
            // The rest as a String of its own, lower-cased by range: `Substring.lowercased()` cost
            // some 4,000 instructions a name.
            return s.prefix(1).uppercased() + String(s.dropFirst()).fastLowercased()
        }
        // Each part of a hyphenated name opens with a capital; a capital written after an
        // apostrophe stays (`О’Рейли`, not `О’рейли`).
        var out = ""
        var atStart = true, afterApostrophe = false
        for c in s {
            out += atStart ? c.uppercased() : afterApostrophe ? String(c) : c.lowercased()
            atStart = c == "-"
            afterApostrophe = c == "’" || c == "'"
        }
        return out
    }

    /// A surname in the nominative with normal capitals: БЕКИЕВ → Бекиев; in an oblique case
    /// after an inflected given name: Алайчиевым → Алайчиев, Кузнецовой → Кузнецова.
    func nominative(
        _ t: NameToken, female: Bool?, inflected: Bool = false, case grammaticalCase: PersonName.Case? = nil
    ) -> String {
        var word = capitalized(t.text)
        // A Kyrgyz case suffix on a Russian-type surname: Жапаровдун → Жапаров, Койчиевди → Койчиев,
        // Асановага → Асанова; not the letters of a foreign name (`Клинтон`).
        let kyrgyzStem = KyrgyzMorphology.stems(of: word).dropFirst()
            .filter {
                SurnameEnding.matches($0, .nominative)
                    && KyrgyzMorphology.suffixHarmonizes(word, stemLength: $0.unicodeScalars.count)
            }
            .max { $0.count < $1.count }
        if let stem = kyrgyzStem, word.unicodeScalars.count - stem.unicodeScalars.count >= 2 {
            word = String(word.prefix(stem.unicodeScalars.count))
        }
        // After an inflected given name, its case reads the surname (`Степана Бандеры` → `Бандера`).
        if inflected, let grammaticalCase, grammaticalCase != .nominative {
            return PersonName.nominativeSurname(word, case: grammaticalCase, female: female)
        }
        let lower = word.fastLowercased()
        // Unambiguous oblique forms.
        if let e = SurnameEnding.ending(of: lower, .unambiguousOblique), let nominative = e.nominative,
            e.ending.endsWith("ой") || female != true
        {
            return String(word.dropLast(e.ending.count)) + nominative
        }
        // `Сыдыкова` after `Азамата`: a man's genitive.
        if inflected, female == false {
            if let e = SurnameEnding.ending(of: lower, .genitive), let nominative = e.nominative {
                return String(word.dropLast(e.ending.count)) + nominative
            }
        }
        return word
    }

    /// The case of the given name `t`, which the glossary lists as `given`.
    func caseOf(_ t: NameToken, _ given: (name: String, sex: PersonGlossary.Sex, inflected: Bool)) -> PersonName.Case? {
        given.inflected
            ? PersonName.caseOf(given: t.text, nominative: given.name, female: given.sex == .f) : .nominative
    }
}
