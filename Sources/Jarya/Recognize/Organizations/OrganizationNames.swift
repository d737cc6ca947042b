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
    /// Names of three words or more by their first and last words, and each such name's words.
    private var byEnds: [WordKey: [Int]] = [:]
    private var lowerOf: [Int: String] = [:]
    private var seen: Set<WordKey> = []

    /// A name's words without the punctuation around them (`маданият,` is `маданият`), cut on
    /// bytes: this runs for every mention of every body.
    static func words(_ lower: String) -> [WordKey] {
        lower.utf8.split(separator: 0x20).compactMap { trimmed($0) }
    }

    /// One word's bytes without ASCII punctuation or « » “ ” around it; nil when nothing is left.
    static func trimmed(_ part: Substring.UTF8View.SubSequence) -> WordKey? {
        var w = Array(part)
        func isMark(_ x: UInt8) -> Bool {
            x < 0x80 && !(x >= 0x30 && x <= 0x39 || (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A)
        }
        // « » (C2 AB, C2 BB), “ ” (E2 80 9C, E2 80 9D).
        let quotes: [[UInt8]] = [[0xC2, 0xAB], [0xC2, 0xBB], [0xE2, 0x80, 0x9C], [0xE2, 0x80, 0x9D]]
        while let f = w.first {
            if isMark(f) {
                w.removeFirst()
            } else if let q = quotes.first(where: w.starts) {
                w.removeFirst(q.count)
            } else {
                break
            }
        }
        while let l = w.last {
            if isMark(l) {
                w.removeLast()
            } else if let q = quotes.first(where: { w.count >= $0.count && w.suffix($0.count).elementsEqual($0) }) {
                w.removeLast(q.count)
            } else {
                break
            }
        }
        return w.isEmpty ? nil : WordKey(String(decoding: w, as: UTF8.self))
    }

    /// The key of a name's first and last words (of two words or more), read without cutting the
    /// words between.
    static func endsKey(of lower: String) -> WordKey? {
        let u = lower.utf8
        guard let f = u.firstIndex(of: 0x20), let l = u.lastIndex(of: 0x20),
            let first = trimmed(lower.utf8[u.startIndex..<f]), let last = trimmed(lower.utf8[u.index(after: l)...])
        else { return nil }
        return WordKey(first.string + "\u{0}" + last.string)
    }

    mutating func append(_ name: String, lower: String, quoted: String?) {
        // The same name again changes no answer: the first one wins.
        guard seen.insert(WordKey(name + "\u{0}" + lower + "\u{0}" + (quoted ?? "\u{1}"))).inserted else { return }
        let n = names.count
        names.append(name)
        let bytes = Array(lower.utf8)
        var spaces = 0
        for (p, b) in bytes.enumerated() where b == 0x20 {
            spaces += 1
            let start = WordKey(String(decoding: bytes[..<p], as: UTF8.self))
            if starts[start] == nil { starts[start] = n }
            let end = WordKey(String(decoding: bytes[(p + 1)...], as: UTF8.self))
            if ends[end] == nil { ends[end] = n }
        }
        if let quoted, quotedParts[quoted] == nil { quotedParts[quoted] = n }
        guard spaces >= 2, let key = Self.endsKey(of: lower), (byEnds[key]?.count ?? 0) < 8 else { return }
        byEnds[key, default: []].append(n)
        lowerOf[n] = lower
    }

    /// The one name with `lower`'s first and last words and more words, holding `lower`'s words in
    /// order; nil when there is none, or several names that differ.
    func fuller(_ lower: String) -> String? {
        guard !byEnds.isEmpty, let key = Self.endsKey(of: lower),
            case let others = (byEnds[key] ?? []).filter({ !(lowerOf[$0] ?? "").sameBytes(lower) }), !others.isEmpty
        else { return nil }
        let words = Self.words(lower)
        let found = Set(
            others.filter { n in
                guard let long = lowerOf[n].map(Self.words), long.count > words.count else { return false }
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
