extension ModelRecognizer {
    /// A Latin-letter organization the tagger cut at a lower-case connector (`Bank` of `Bank of
    /// East Asia`, `Harles` of `Harles und Jentzsch`): the name runs on over the connector and
    /// the capitalized Latin words after it. Nil when nothing follows to join.
    static func joinedLatinName(_ range: Range<Int>, _ tokens: [TaggerToken]) -> Range<Int>? {
        func latin(_ k: Int) -> Bool {
            k < tokens.count && tokens[k].kind == .word && !tokens[k].newlineBefore
                && tokens[k].text.unicodeScalars.allSatisfy { $0.isASCII }
        }
        func capitalizedLatin(_ k: Int) -> Bool { latin(k) && (tokens[k].isCapitalized || tokens[k].isAllCaps) }
        guard capitalizedLatin(range.upperBound - 1) else { return nil }
        var end = range.upperBound
        while latin(end), latinConnectors.contains(tokens[end].lower), capitalizedLatin(end + 1) {
            end += 2
            while capitalizedLatin(end) { end += 1 }
        }
        return end > range.upperBound ? range.lowerBound..<end : nil
    }

    /// Lower-case words inside Latin-letter names of bodies.
    static let latinConnectors: Set<String> = ["of", "and", "und", "for", "de", "du", "des", "la", "le", "the"]
}
