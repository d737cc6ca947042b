/// Multi-word names found through morphology. A name is indexed by its words in lower case
/// and by their Russian stems; a text word offers its lower case, its Russian stem and its
/// Kyrgyz stems, so `Ысык-Көл облусунда`, `Иссык-Кульской области` and `Казакстандын`
/// meet `Ысык-Көл облусу`, `Иссык-Кульская область` and `Казакстан`.
public struct NameIndex<Value: Sendable>: Sendable {
    private var values: [WordKey: [Value]] = [:]
    /// Every word-prefix of every key, to stop a search early.
    private var prefixes: Set<WordKey> = []
    public private(set) var maxWords = 1

    public init() {}

    public mutating func add(_ name: String, _ value: Value) {
        let words = NameTokenizer.tokens(Array(name.unicodeScalars)).filter { $0.kind != .punctuation }.map(\.lower)
        guard !words.isEmpty else { return }
        maxWords = max(maxWords, words.count)
        // Russian stems only for declinable names: Дели, Токио, Баку, Алматы keep their one form.
        let indeclinable = words.count == 1 && ["и", "о", "у", "е", "ы", "ю", "э"].contains { words[0].endsWith($0) }
        for key in Set(indeclinable ? [words] : [words, words.map(RussianMorphology.stem)]) {
            let joined = key.joined(separator: " ")
            values[WordKey(joined), default: []].append(value)
            var prefix = ""
            for word in key.dropLast() {
                prefix = prefix.isEmpty ? word : prefix + " " + word
                prefixes.insert(WordKey(prefix))
            }
        }
    }

    /// Forms a text word may take in a key: inner words of a name are at most Russian-inflected
    /// (its lower case and Russian stem); the last also takes Kyrgyz suffixes (all its forms).
    static func forms(_ token: NameToken, last: Bool) -> ArraySlice<String> {
        let all = token.forms.isEmpty ? [token.lower] : token.forms
        if last { return all[...] }
        let russian = token.stem.isEmpty ? RussianMorphology.stem(token.lower) : token.stem
        return all.prefix(russian != token.lower && all.count > 1 && all[1] == russian ? 2 : 1)
    }

    /// The longest name starting at word token `i` (names do not cross punctuation), as the
    /// matched values and the index after the last token.
    public func longestMatch(_ tokens: [NameToken], at i: Int) -> (values: [Value], end: Int)? {
        var best: (values: [Value], end: Int)? = nil
        func search(_ k: Int, _ prefix: String) {
            // A dot inside a name is skipped (`им. Ж. Баласагына`, `24.kg`), and so are quotes
            // (`«Өнүктүрүү саясат институту» коомдук бирикмеси`).
            if k < tokens.count, tokens[k].kind == .punctuation, k + 1 < tokens.count, tokens[k + 1].kind != .punctuation,
               (!prefix.isEmpty && tokens[k].is(".")) || ["«", "»", "“", "”", "\""].contains(tokens[k].text) {
                search(k + 1, prefix); return
            }
            guard k < tokens.count, tokens[k].kind != .punctuation, k - i < maxWords + 4 else { return }
            for form in Self.forms(tokens[k], last: true) {
                let key = prefix.isEmpty ? form : prefix + " " + form
                if let v = values[WordKey(key)], best == nil || k + 1 > best!.end { best = (v, k + 1) }
            }
            for form in Self.forms(tokens[k], last: false) {
                let key = prefix.isEmpty ? form : prefix + " " + form
                if prefixes.contains(WordKey(key)) { search(k + 1, key) }
            }
        }
        search(i, "")
        return best
    }

    /// The values of a key of lower-case words exactly as written (no stemming).
    public func exact(_ lowercasedName: String) -> [Value] { values[WordKey(lowercasedName)] ?? [] }

    /// Exact lookup of a whole name.
    public func lookup(_ name: String) -> [Value] {
        let words = NameTokenizer.tokens(Array(name.unicodeScalars)).filter { $0.kind != .punctuation }.map(\.lower)
        return values[WordKey(words.joined(separator: " "))] ?? values[WordKey(words.map(RussianMorphology.stem).joined(separator: " "))] ?? []
    }
}
