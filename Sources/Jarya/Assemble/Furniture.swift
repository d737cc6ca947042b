/// Page furniture that a crawled page puts above the headline: currency tickers (`USD 88.57`),
/// a site's name (`mytopf.com`, `Бишкек-24`), and rubric breadcrumbs (`Новости - Общество`).
/// None of it is the title.
enum Furniture {
    static func isFurniture(_ line: String, labels: WordSet) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let lettered = words.filter { $0.unicodeScalars.contains(where: { $0.isAlphabetic }) }
        // A ticker: a three-letter currency code and a number.
        if words.count == 2, words[0].unicodeScalars.count == 3, words[0].unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isUppercase }),
           words[1].unicodeScalars.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," }) {
            return true
        }
        // A site's name alone on its line: one word, a domain or a brand with a number.
        if lettered.count == 1, words.count == 1 {
            let w = words[0].lowercased()
            let domain = [".com", ".kg", ".ru", ".org", ".net", ".info", ".kz"].contains { w.hasSuffix($0) }
            let branded = w.unicodeScalars.contains(where: { $0.isASCIIDigit }) && w.contains("-")
            if domain || branded { return true }
        }
        // A breadcrumb: a label, a separator, a rubric.
        if words.count <= 5, let sep = words.firstIndex(where: { ["-", "–", "—", "/", "›", ">", "»", "|"].contains($0) }), sep > 0,
           labels.contains(words[..<sep].joined(separator: " ").lowercased()) {
            return true
        }
        return false
    }
}
