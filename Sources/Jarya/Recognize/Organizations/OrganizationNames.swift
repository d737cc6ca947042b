import Foundation

/// The organization names of a document, for a mention to find the first name it is a short form
/// of (its lower case followed by a space starts that name's, or a space and it end that name's;
/// or it has that name's first and last words and some of the words between) or whose quoted
/// part it shares, without reading every name again: a page that names hundreds of bodies stays
/// linear.
struct OrganizationNames {
    private var names: [String] = []
    /// The lower case of a name cut before one of its spaces, and cut after one: the first name.
    private var starts: [WordKey: Int] = [:]
    private var ends: [WordKey: Int] = [:]
    private var quotedParts: [String: Int] = [:]
    /// Names of three words or more by their first and last words.
    private var byEnds: [WordKey: [Int]] = [:]
    private var seen: Set<WordKey> = []

    /// A name's words without the punctuation attached to them (`маданият,` is `маданият`).
    static func words(_ lower: String) -> [Substring] {
        lower.split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters)[...] }.filter {
            !$0.isEmpty
        }
    }

    static func endsKey(_ words: [Substring]) -> WordKey { WordKey(words[0] + "\u{0}" + words[words.count - 1]) }

    mutating func append(_ name: String, lower: String, quoted: String?) {
        // The same name again changes no answer: the first one wins.
        guard seen.insert(WordKey(name + "\u{0}" + lower + "\u{0}" + (quoted ?? "\u{1}"))).inserted else { return }
        let n = names.count
        names.append(name)
        let bytes = Array(lower.utf8)
        for (p, b) in bytes.enumerated() where b == 0x20 {
            let start = WordKey(String(decoding: bytes[..<p], as: UTF8.self))
            if starts[start] == nil { starts[start] = n }
            let end = WordKey(String(decoding: bytes[(p + 1)...], as: UTF8.self))
            if ends[end] == nil { ends[end] = n }
        }
        if let quoted, quotedParts[quoted] == nil { quotedParts[quoted] = n }
        let words = Self.words(lower)
        if words.count >= 3, (byEnds[Self.endsKey(words)]?.count ?? 0) < 8 {
            byEnds[Self.endsKey(words), default: []].append(n)
        }
    }

    /// The one name with `lower`'s first and last words and more words, holding `lower`'s words in
    /// order; nil when there is none, or several names that differ.
    func fuller(_ lower: String) -> String? {
        let words = Self.words(lower)
        guard words.count >= 2, let list = byEnds[Self.endsKey(words)] else { return nil }
        let found = Set(
            list.filter { n in
                let long = Self.words(names[n].fastLowercased())
                guard long.count > words.count else { return false }
                var k = 0
                for w in long where k < words.count && w == words[k] { k += 1 }
                return k == words.count
            }.map { names[$0] })
        return found.count == 1 ? found.first : nil
    }

    /// The first earlier name that starts with `lower` and a space or ends with a space and `lower`.
    func longer(_ lower: String) -> String? {
        let key = WordKey(lower)
        return [starts[key], ends[key]].compactMap { $0 }.min().map { names[$0] }
    }

    /// The first earlier name with this quoted part.
    func quoted(_ part: String) -> String? { quotedParts[part].map { names[$0] } }
}
