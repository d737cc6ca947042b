extension PersonRecognizer {
    /// `surnameKey` of a lower-case name whose every scalar is a Character of its own (printable
    /// Latin and Cyrillic letters without combining marks, as names are), read scalar by scalar:
    /// splitting into Characters and comparing each cost some 60,000 instructions a name. Nil
    /// for any other name.
    static func simpleSurnameKey(_ lower: String) -> String? {
        var folded: [Unicode.Scalar] = []
        folded.reserveCapacity(lower.utf8.count)
        // The last two words, as ranges of `folded`.
        var last: Range<Int>? = nil, before: Range<Int>? = nil
        var start = -1
        for u in lower.unicodeScalars {
            let v = u.value
            guard
                (0x20..<0x7F).contains(v) || (0xA0..<0x300).contains(v) || (0x400..<0x483).contains(v)
                    || (0x48A..<0x530).contains(v)
            else { return nil }
            if v == 0x20 {
                if start >= 0 { (before, last, start) = (last, start..<folded.count, -1) }
                continue
            }
            if start < 0 { start = folded.count }
            folded.append(u == "ө" ? "о" : u == "ү" ? "у" : u == "ң" ? "н" : u)
        }
        if start >= 0 { (before, last) = (last, start..<folded.count) }
        guard let last else { return "" }
        let word = folded[last]
        if let before, word.elementsEqual("уулу".unicodeScalars) || word.elementsEqual("кызы".unicodeScalars) {
            return String(scalars: folded[before]) + " " + String(scalars: word)
        }
        return String(scalars: word.prefix(5))
    }
}
