/// Assemble: entities → the record's document-level fields. For now the title; the event
/// comes with the event issue.
public struct Assemble: Stage {
    public let name = "assemble"
    public init() {}

    /// Lines that label a release rather than title it.
    static let labels: Set<String> = [
        "пресс-релиз", "пресс релиз", "press release", "press-release", "маалымат", "билдирүү", "жарыя",
        "маалымдама", "информация", "сообщение", "анонс", "новости", "жаңылыктар",
    ]

    public func run(_ document: inout Document) throws {
        document.title = Self.title(document)
    }

    /// The headline: the first block that is not a label; consecutive capitalized lines
    /// of a headline set in capitals are joined.
    static func title(_ document: Document) -> String? {
        let blocks = document.segmentation.blocks
        var i = 0
        while i < blocks.count {
            let line = document.text[blocks[i].span]
            let key = line.lowercased().trimmingCharacters(in: " .:!")
            if labels.contains(key) || !line.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) { i += 1; continue }
            var title = line
            if isCapitals(line) {
                var j = i + 1
                while j < blocks.count, isCapitals(document.text[blocks[j].span]) {
                    title += " " + document.text[blocks[j].span]
                    j += 1
                }
            }
            return title
        }
        return nil
    }

    static func isCapitals(_ s: String) -> Bool {
        var upper = 0, lower = 0
        for u in s.unicodeScalars where u.properties.isAlphabetic {
            if u.properties.isLowercase { lower += 1 } else if u.properties.isUppercase { upper += 1 }
        }
        return upper >= 4 && lower * 10 <= upper
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set.unicodeScalars)
        var s = Substring(self).unicodeScalars
        while let f = s.first, chars.contains(f) || f.properties.isWhitespace { s.removeFirst() }
        while let l = s.last, chars.contains(l) || l.properties.isWhitespace { s.removeLast() }
        return String(s)
    }
}
