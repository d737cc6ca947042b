/// The name-ending features of a capitalized word, as hashes: Russian patronymics (with their
/// oblique forms), surnames the morphology turns back to the nominative, surname endings
/// (`-енко`, `-швили`, `-ян`), Kyrgyz patronymic words (`уулу`, `кызы`), and the ending left
/// after the Kyrgyz and the Russian stem (`-да`, `-ого`).
enum NameEndings {
    static let patronymics: [[UInt32]] = [
        "ович", "евич", "овна", "евна", "ична", "ича", "ичу", "ичем", "овны", "евны", "овной",
    ].map(scalars)
    /// Endings of surnames that keep their form in every case (`Шевченко`, `Черных`) or come from
    /// other languages (`Беридзе`, `Пашинян`): a one-word name with one looks like a person.
    static let foreignSurnameEndings = ["енко", "ко", "их", "ых", "швили", "дзе", "ян"]
    static let surnameEndings: [[UInt32]] = (foreignSurnameEndings + ["янц"]).map(scalars)
    static let kyrgyzPatronymics: [[UInt32]] = ["уулу", "кызы"].map(scalars)

    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    /// Appends the ending hashes of `t`, whose lower case is `w` (as scalar values).
    static func add(_ t: TaggerToken, scalars w: [UInt32], into out: inout [UInt64]) {
        func ends(_ e: [UInt32]) -> Bool { w.count >= e.count && w[(w.count - e.count)...].elementsEqual(e) }
        func tagged(_ tag: UInt64, _ rest: ArraySlice<UInt32> = []) -> UInt64 {
            var h = FNV1a()
            h.add(tag &+ 0xE0D)
            for v in rest { h.add(UInt64(v)) }
            return h.value
        }
        if patronymics.contains(where: ends) { out.append(tagged(1)) }
        if kyrgyzPatronymics.contains(where: { w == $0 }) { out.append(tagged(2)) }
        if RussianMorphology.nominativeSurname(t.lower) != nil { out.append(tagged(3)) }
        for (n, e) in surnameEndings.enumerated() where ends(e) && w.count > e.count + 2 {
            out.append(tagged(10 + UInt64(n))); break
        }
        for (tag, stem) in [(UInt64(4), t.kyrgyzStem), (5, t.stem)] where stem != t.lower {
            let s = scalars(stem)
            if s.count < w.count, w[..<s.count].elementsEqual(s) { out.append(tagged(tag, w[s.count...])) }
        }
    }
}
