/// How a landmark found by its type word is named: its canonical name, the BGN transliteration of
/// its words in the nominative and the English type word (`Frunze Street`, `3rd Microdistrict`).
extension LandmarkRecognizer {
    /// A landmark's place: of kind `other`, in Kyrgyzstan.
    func place(_ canonical: String) -> PlaceGlossary.Place {
        PlaceGlossary.Place(id: "", canonical: canonical, kind: "other", country: "KG", parent: "")
    }

    /// The words joined (no space around a hyphen or a dot) in Latin letters, with the English
    /// type word after them.
    static func canonical(_ words: [String], _ english: String, kyrgyz: Bool) -> String {
        var name = ""
        for w in words {
            if w == "-" || name.hasSuffix("-") || w == "." { name += w } else { name += (name.isEmpty ? "" : " ") + w }
        }
        let latin = PlaceRecognizer.latin(name, kyrgyz: kyrgyz)
        return english.isEmpty ? latin : latin + " " + english
    }

    /// `3` → `3rd`.
    static func ordinal(_ n: String) -> String {
        let v = Int(n) ?? 0
        if (11...13).contains(v % 100) { return n + "th" }
        return n + (v % 10 == 1 ? "st" : v % 10 == 2 ? "nd" : v % 10 == 3 ? "rd" : "th")
    }

    /// The nominative of a name word after a Russian type word, where the name is in the
    /// genitive: `Усубалиева` → `Усубалиев`, `Турдакуна` → `Турдакун`, `Панфилова` → `Панфилов`.
    /// Adjectives (`Московская`) and indeclinable names (`Ала-Тоо`, `Жолу`) stay.
    static func nominativeRussian(_ w: String) -> String {
        let s = Array(w.unicodeScalars)
        guard s.count > 3, s.last == "а", let before = s.dropLast().last,
            !"аеёиоуыэюяйь".unicodeScalars.contains(before)
        else { return w }
        return String(String.UnicodeScalarView(s.dropLast()))
    }

    /// The nominative of the last Kyrgyz name word before the type word, when it is in the
    /// genitive: `Датканын` → `Датка`.
    static func nominativeKyrgyz(_ w: String) -> String {
        for e in ["нын", "нин", "нун", "нүн"] where w.endsWith(e) && w.unicodeScalars.count > e.unicodeScalars.count + 2
        {
            return String(String.UnicodeScalarView(w.unicodeScalars.dropLast(3)))
        }
        return w
    }
}
