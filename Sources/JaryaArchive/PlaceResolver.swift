import Jarya

/// A place as a user types it → canonical names from the place glossary: any language, any
/// case form, with prepositions (`в Бишкеке`, `Бишкектеги`, `Bishkek`). A name the glossary
/// does not know stands for itself.
public enum PlaceResolver {
    public static func canonicalNames(_ place: String) -> [String] {
        let glossary = PlaceGlossary.shared.index
        var names: [String] = []
        func add(_ values: [PlaceGlossary.Place]) { for v in values where !names.contains(v.canonical) { names.append(v.canonical) } }
        add(glossary.lookup(place))
        if names.isEmpty {
            let text = (try? Normalize.text(place).text.string) ?? place
            var doc = Document(text: text)
            doc.text = NormalizedText(identity: text)
            if (try? Analyze().run(&doc)) != nil {
                let words = doc.words
                var k = 0
                while k < words.count {
                    if let m = glossary.longestMatch(words, at: k) { add(m.values); k = m.end } else { k += 1 }
                }
            }
        }
        return names.isEmpty ? [place] : names
    }
}
