/// Page furniture that a crawled page puts above the headline: currency tickers and rubric
/// counters (`USD 88.57`, `Парламент 0`), a site's name (`mytopf.com`, `Бишкек-24`), and rubric
/// breadcrumbs (`Новости - Общество`). None of it is the title. The one rule for such lines.
enum Furniture {
    /// A site's language switcher and its rubrics, which crawled pages print above the headline.
    static let switchersAndRubrics: Set<String> = [
        "кыргызча", "орусча", "русский", "русча", "english", "англисче", "қазақша", "o‘zbekcha", "ўзбекча",
        "общество", "политика", "экономика", "культура", "спорт", "происшествия", "образование", "здоровье",
        "коом", "саясат", "маданият", "билим", "окуялар", "дүйнө",
    ]

    static func isFurniture(_ line: String, labels: WordSet) -> Bool {
        // Every rule below needs at most two words split at spaces or at most five split at spaces
        // and tabs: counted first, stopping early, since a headline or a paragraph has more.
        if pieces(of: line, atMost: 5, scalars: { $0 == " " || $0 == "\t" }) > 5
            && pieces(of: line, atMost: 2, scalars: { $0 == " " }) > 2
        {
            return false
        }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let lettered = words.filter { $0.unicodeScalars.contains(where: { $0.isAlphabetic }) }
        // A currency ticker or a rubric counter: one or two words with a number (`USD 88.57`,
        // `Парламент 0`, `Коом 0`, a site clock `16:01`).
        if line.split(separator: " ").count <= 2
            && line.unicodeScalars.contains(where: { $0.properties.numericType != nil })
        {
            return true
        }
        // A site's name alone on its line: one word, a domain or a brand with a number.
        if lettered.count == 1, words.count == 1 {
            let w = words[0].lowercased()
            let domain = [".com", ".kg", ".ru", ".org", ".net", ".info", ".kz"].contains { w.hasSuffix($0) }
            let branded = w.unicodeScalars.contains(where: { $0.isASCIIDigit }) && w.contains("-")
            if domain || branded { return true }
        }
        // A language switcher or a rubric alone on its line (`Кыргызча`, `Общество`).
        if words.count == 1, Self.switchersAndRubrics.contains(words[0].lowercased()) { return true }
        // A breadcrumb: a label, a separator, a rubric.
        if words.count <= 5,
            let sep = words.firstIndex(where: { ["-", "–", "—", "/", "›", ">", "»", "|"].contains($0) }), sep > 0,
            labels.contains(words[..<sep].joined(separator: " ").lowercased())
        {
            return true
        }
        return false
    }

    /// How many pieces `line.split(whereSeparator: separator)` would give, counted up to one
    /// more than `limit`.
    static func pieces(of line: String, atMost limit: Int, _ separator: (Character) -> Bool) -> Int {
        var counter = PieceCounter()
        for c in line {
            if counter.take(separator: separator(c), limit: limit) { break }
        }
        return counter.count
    }

    /// `pieces(of:atMost:_:)` with the separators told by their scalar, read scalar by scalar
    /// while every scalar is a Character of its own (`standsAlone`): reading Characters and
    /// comparing each with a separator cost some 50,000 instructions a line. A line with any
    /// other scalar before the count is reached is read by Characters, as before.
    static func pieces(of line: String, atMost limit: Int, scalars separator: (Unicode.Scalar) -> Bool) -> Int {
        var counter = PieceCounter()
        for u in line.unicodeScalars {
            guard u.standsAlone else {
                return pieces(of: line, atMost: limit) { (c: Character) -> Bool in
                    c.unicodeScalars.count == 1 && separator(c.unicodeScalars[c.unicodeScalars.startIndex])
                }
            }
            if counter.take(separator: separator(u), limit: limit) { break }
        }
        return counter.count
    }
}

/// Counts the runs between separators of a line, one element at a time.
private struct PieceCounter {
    var count = 0
    var inside = false

    /// Takes the next element; true once the count is past `limit` (the caller stops there).
    mutating func take(separator: Bool, limit: Int) -> Bool {
        if separator {
            inside = false
        } else if !inside {
            inside = true
            count += 1
        }
        return count > limit
    }
}

extension Unicode.Scalar {
    /// Whether no rule of Unicode's grapheme clusters joins the scalar to a neighbour of the same
    /// sort, so that text made only of such scalars has one Character per scalar and can be read
    /// scalar by scalar where Characters were read: tab, printable ASCII, Latin-1 and the Latin
    /// and spacing-modifier blocks up to the combining marks, Cyrillic but its combining marks,
    /// and the dashes, quotes and bullets of General Punctuation (no joiner, no format character).
    var standsAlone: Bool {
        let v = value
        return v == 0x09 || (0x20..<0x7F).contains(v) || (0xA0..<0x300).contains(v) || (0x400..<0x483).contains(v)
            || (0x48A..<0x530).contains(v) || (0x2010..<0x2028).contains(v) || (0x2030..<0x205F).contains(v)
    }
}
