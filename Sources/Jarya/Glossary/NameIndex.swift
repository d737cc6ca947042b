/// Multi-word names found through morphology. A name is indexed by its words in lower case
/// and by their Russian stems; a text word offers its lower case, its Russian stem and its
/// Kyrgyz stems, so `Ысык-Көл облусунда`, `Иссык-Кульской области` and `Казакстандын`
/// meet `Ысык-Көл облусу`, `Иссык-Кульская область` and `Казакстан`.
public struct NameIndex<Value: Sendable>: Sendable {
    /// A trie of words: a name is a path from the root, and its values sit at its last node.
    /// A text word is looked up once per form at each step, with no key strings built.
    private struct Node: Sendable {
        var values: [Value] = []
        var children: [WordKey: Int32] = [:]
        /// Reached only by an abbreviation written in capitals (`КР`, `США`): a text word must
        /// start in capitals to take it, so that `Крым`, whose stem is `кр`, is not `КР`.
        var abbreviation = false
        /// One bit per byte length (modulo 64) of the children's words: an inner node has a
        /// child or two, and a form of another length is answered without hashing it.
        var childLengths: UInt64 = 0
    }
    private var nodes = [Node()]
    public private(set) var maxWords = 1
    /// The names' words, interned once while the index is built (start-up time).
    private var lexicon = Lexicon()
    /// The Russian stem of each of those words' lower case, by the word's ID, made once.
    private var stems: [String?] = []
    /// One bit per value of `filterBit` of the first words' keys: most text words start no name,
    /// and this answers them without a dictionary look-up (`child`).
    private var firstWords = [UInt64](repeating: 0, count: Self.filterWords)
    private static var filterWords: Int { 2048 }  // 131,072 bits, 16 KiB

    public init() {}

    public mutating func add(_ name: String, _ value: Value) {
        let tokens = NameWords.wordTokens(of: name, lexicon: &lexicon)
        let words = tokens.map(\.lower)
        guard !words.isEmpty else { return }
        maxWords = max(maxWords, words.count)
        // Russian stems only for declinable names: Дели, Токио, Баку, Алматы keep their one form;
        // a neuter noun in -ство or -ие declines (`Россотрудничество`, `Россотрудничества`).
        let indeclinable =
            words.count == 1 && ["и", "о", "у", "е", "ы", "ю", "э"].contains { words[0].endsWith($0) }
            && !["ство", "ие"].contains { words[0].endsWith($0) }
        let stems = tokens.map { stem(of: $0) }
        for key in indeclinable || stems == words ? [words] : [words, stems] {
            var node = 0
            for (word, token) in zip(key, tokens) {
                if let child = nodes[node].children[WordKey(word)] {
                    node = Int(child)
                    nodes[node].abbreviation = nodes[node].abbreviation && token.isAllCaps
                } else {
                    if node == 0 {
                        let bit = Self.filterBit(word)
                        firstWords[bit >> 6] |= 1 << UInt64(bit & 63)
                    }
                    nodes.append(Node(abbreviation: token.isAllCaps))
                    nodes[node].children[WordKey(word)] = Int32(nodes.count - 1)
                    nodes[node].childLengths |= Self.lengthBit(word)
                    node = nodes.count - 1
                }
            }
            nodes[node].values.append(value)
        }
    }

    /// The Russian stem of a name's word, made once per distinct word of the index.
    private mutating func stem(of token: NameToken) -> String {
        let id = Int(token.surface)
        if id < stems.count, let known = stems[id] { return known }
        let made = RussianMorphology.stem(token.lower)
        if id >= stems.count { stems.append(contentsOf: repeatElement(nil, count: id + 1 - stems.count)) }
        stems[id] = made
        return made
    }

    /// The words (lower case or Russian stem) a name may start with: for a caller's own filter of
    /// the words that start none.
    public var startingWords: [String] { nodes[0].children.keys.map(\.string) }

    /// The node reached from `node` by `word`, if any.
    private func child(_ node: Int, _ word: String) -> Int? {
        if node == 0 {
            let bit = Self.filterBit(word)
            guard firstWords[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        } else {
            guard nodes[node].childLengths & Self.lengthBit(word) != 0 else { return nil }
        }
        return nodes[node].children[WordKey(word)].map(Int.init)
    }

    /// A word's bit in `Node.childLengths`.
    private static func lengthBit(_ word: String) -> UInt64 { 1 << UInt64(word.utf8.count & 63) }

    /// A word's bit in `firstWords`: its bytes' hash, cut to the filter's size.
    private static func filterBit(_ word: String) -> Int {
        Int(truncatingIfNeeded: WordKey.hash(word, seed: 0x6669_7273_7477_6f72)) & (filterWords * 64 - 1)
    }

    /// The values of a path of words from the root.
    private func values<S: Sequence>(_ words: S) -> [Value] where S.Element == String {
        var node = 0
        for w in words {
            guard let c = child(node, w) else { return [] }
            node = c
        }
        return nodes[node].values
    }

    /// How many of a word's forms it may take inside a name: inner words are at most
    /// Russian-inflected (the lower case, and the Russian stem when that is the second form);
    /// the last word of a name takes all its forms, Kyrgyz suffixes included.
    static func innerFormCount(_ token: NameToken) -> Int {
        let all = token.forms
        guard all.count > 1 else { return 1 }
        let russian = token.stem.isEmpty ? RussianMorphology.stem(token.lower) : token.stem
        return !russian.sameBytes(token.lower) && all[1].sameBytes(russian) ? 2 : 1
    }

    /// The longest name starting at word token `i` (names do not cross punctuation), as the
    /// matched values and the index after the last token.
    public func longestMatch(_ tokens: [NameToken], at i: Int) -> (values: [Value], end: Int)? {
        var best: (values: [Value], end: Int)? = nil
        func search(_ k: Int, _ node: Int) {
            // A dot inside a name is skipped (`им. Ж. Баласагына`, `24.kg`), and so are quotes
            // (`«Өнүктүрүү саясат институту» коомдук бирикмеси`).
            if k < tokens.count, tokens[k].kind == .punctuation, k + 1 < tokens.count,
                tokens[k + 1].kind != .punctuation, Self.isSkipped(tokens[k], insideName: node != 0),
                !Self.endsSentence(tokens, at: k)
            {
                search(k + 1, node); return
            }
            guard k < tokens.count, tokens[k].kind != .punctuation, k - i < maxWords + 4 else { return }
            // Each form is looked up once: it may end a name here (any form) and, if it is one of
            // the inner forms, go on to the next word.
            let forms = tokens[k].forms.isEmpty ? [tokens[k].lower] : tokens[k].forms
            // How many forms may go on inside a name: asked only when a form goes on, since most
            // words start no name at all.
            var inner: Int?
            for (n, form) in forms.enumerated() {
                guard let c = child(node, form), !nodes[c].abbreviation || tokens[k].startsInCapitals else { continue }
                if !nodes[c].values.isEmpty, best == nil || k + 1 > best!.end { best = (nodes[c].values, k + 1) }
                guard !nodes[c].children.isEmpty else { continue }
                if inner == nil { inner = Self.innerFormCount(tokens[k]) }
                if n < inner! { search(k + 1, c) }
            }
        }
        search(i, 0)
        return best
    }

    /// Whether the dot at `k` ends a sentence (`— Sputnik. Кыргызстандын …`): a space after it and a
    /// word of four letters or more before it, where an abbreviation's or an initial's dot
    /// (`им. Ж. Баласагына`) follows a short one and a domain's (`24.kg`) has no space.
    static func endsSentence(_ tokens: [NameToken], at k: Int) -> Bool {
        guard k > 0, tokens[k].is("."), k + 1 < tokens.count else { return false }
        return tokens[k + 1].span.start > tokens[k].span.end && tokens[k - 1].text.unicodeScalars.count >= 4
    }

    /// A punctuation token a name goes on across: a dot inside a name, a quote anywhere. A
    /// punctuation token is one scalar, so its first scalar is compared (no String comparison).
    private static func isSkipped(_ token: NameToken, insideName: Bool) -> Bool {
        switch token.text.unicodeScalars.first {
        case ".": return insideName
        case "«", "»", "“", "”", "\"": return true
        default: return false
        }
    }

    /// Whether a name of the index may start at word token `token`: one of its forms is a
    /// name's first word. When it is false, `longestMatch` at the token is nil, so a caller that
    /// remembers the answer per word (`TaggerMemo`) skips the look-ups.
    public func mayStart(_ token: NameToken) -> Bool {
        let forms = token.forms.isEmpty ? [token.lower] : token.forms
        return forms.contains { form in
            guard let c = child(0, form) else { return false }
            return !nodes[c].abbreviation || token.startsInCapitals
        }
    }

    /// The values of a key of lower-case words exactly as written (no stemming).
    public func exact(_ lowercasedName: String) -> [Value] {
        // One word (most callers pass one) is looked up as it is: cutting it into an array of one
        // string cost some 2,000 instructions a call.
        if !lowercasedName.isEmpty, !lowercasedName.utf8.contains(UInt8(ascii: " ")) {
            return values(CollectionOfOne(lowercasedName))
        }
        // Split on bytes: splitting by Character (grapheme breaking) cost some 6,000
        // instructions a call.
        return values(lowercasedName.utf8.split(separator: UInt8(ascii: " ")).map { String(Substring($0)) })
    }

    /// Exact lookup of a whole name.
    public func lookup(_ name: String) -> [Value] {
        let words = NameWords.lowercaseWords(of: name)
        let found = values(words)
        return found.isEmpty ? values(words.map(RussianMorphology.stem)) : found
    }
}
