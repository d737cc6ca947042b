import Jarya

/// A place as a user types it → canonical names from the place glossary: any language, any
/// case form, with prepositions (`в Бишкеке`, `Бишкектеги`, `Bishkek`). A name the glossary
/// does not know stands for itself.
public enum PlaceResolver {
    public static func canonicalNames(_ place: String, in places: PlaceGlossary?) -> [String] {
        guard let glossary = places?.index else { return [place] }
        var names: [String] = []
        func add(_ values: [PlaceGlossary.Place]) {
            for v in values where !names.contains(v.canonical) { names.append(v.canonical) }
        }
        add(glossary.lookup(place))
        if names.isEmpty {
            let text = (try? Normalize.text(place).text.string) ?? place
            let words = Analyze.words(of: text)
            var k = 0
            while k < words.count {
                if let m = glossary.longestMatch(words, at: k) { add(m.values); k = m.end } else { k += 1 }
            }
        }
        return names.isEmpty ? [place] : names
    }
}
