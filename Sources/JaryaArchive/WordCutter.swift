/// Cuts folded text into the words SQLite's FTS5 table indexes (its `unicode61 remove_diacritics 2`
/// tokenizer) without asking SQLite for every document, which cost more than anything else an
/// index run does. FTS5 decides each character on its own: it separates words, starts or
/// continues one (a letter or digit), or only continues one (a combining mark), and it is
/// written folded to a fixed character or to nothing. The cutter learns that from SQLite itself,
/// one character at a time the first time it meets it (`FTSTokens.words` on that character
/// alone and between two letters), so both archives hold the very same words without a second
/// tokenizer's tables to keep in step. A text with a character FTS5 treats in another way (one
/// that starts a word and folds to nothing) is left to SQLite: `words` returns nil.
///
/// One cutter per worker, kept for the whole run: it is not shared between threads.
struct WordCutter {
    /// What FTS5 does with one character.
    enum Kind: Equatable {
        case separator
        /// Starts or continues a word, written as these bytes.
        case letter([UInt8])
        /// Continues a word only (a combining mark), written as these bytes (often none).
        case mark([UInt8])
        /// Something else: such texts are cut by SQLite.
        case unknown
    }

    /// Characters below this are looked up in an array, the others in a dictionary.
    private static let direct = 0x3000
    /// For each character below `direct`: its entry + 1 (0: not learnt yet).
    private var table = [Int32](repeating: 0, count: WordCutter.direct)
    private var far: [UInt32: Int32] = [:]
    /// Each learnt character's kind (0 separator, 1 letter, 2 mark, 3 unknown) and the range of
    /// its bytes in `bytes`: flat arrays, so that cutting a text copies bytes and counts nothing.
    private var tags: [UInt8] = []
    private var starts: [Int32] = []
    private var ends: [Int32] = []
    private var bytes: [UInt8] = []
    /// FTS5 cuts a word at 32,768 bytes; far longer than any word, such texts go to SQLite.
    static let longestWord = 1000

    /// The words of each text, in order, as UTF-8 bytes; nil when SQLite must cut them.
    mutating func words(_ texts: [String]) -> [[[UInt8]]]? {
        var result: [[[UInt8]]] = []
        for text in texts {
            guard let words = cut(text) else { return nil }
            result.append(words)
        }
        return result
    }

    private mutating func cut(_ text: String) -> [[UInt8]]? {
        var words: [[UInt8]] = []
        var word: [UInt8] = []
        var inWord = false
        for scalar in text.unicodeScalars {
            let entry = self.entry(of: scalar)
            switch tags[entry] {
            case 0:
                if inWord { words.append(word); word.removeAll(keepingCapacity: true); inWord = false }
            case 1, 2:
                guard inWord || tags[entry] == 1 else { continue }
                // Byte by byte: a slice of `bytes` retains and releases its storage, for every character.
                for k in Int(starts[entry])..<Int(ends[entry]) { word.append(bytes[k]) }
                inWord = true
                if word.count > Self.longestWord { return nil }
            default:
                return nil
            }
        }
        if inWord { words.append(word) }
        return words
    }

    private mutating func entry(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < Self.direct {
            let slot = table[Int(value)]
            if slot > 0 { return Int(slot) - 1 }
            let entry = add(Self.learn(scalar))
            table[Int(value)] = Int32(entry + 1)
            return entry
        }
        if let slot = far[value] { return Int(slot) }
        let entry = add(Self.learn(scalar))
        far[value] = Int32(entry)
        return entry
    }

    private mutating func add(_ kind: Kind) -> Int {
        starts.append(Int32(bytes.count))
        switch kind {
        case .separator: tags.append(0)
        case .letter(let b): tags.append(1); bytes += b
        case .mark(let b): tags.append(2); bytes += b
        case .unknown: tags.append(3)
        }
        ends.append(Int32(bytes.count))
        return tags.count - 1
    }

    /// Asks FTS5 how it cuts the character alone and between two `q`s.
    static func learn(_ scalar: Unicode.Scalar) -> Kind {
        let c = String(Character(scalar))
        let columns = FTSTokens.words(title: c, text: "q" + c + "q", forms: "")
        let alone = columns[0].map { Array($0.utf8) }
        let between = columns[1].map { Array($0.utf8) }
        let q = UInt8(ascii: "q")
        if alone.isEmpty, between == [[q], [q]] { return .separator }
        guard between.count == 1, between[0].count >= 2, between[0].first == q, between[0].last == q else {
            return .unknown
        }
        let bytes = Array(between[0].dropFirst().dropLast())
        if alone.isEmpty { return .mark(bytes) }
        if alone == [bytes], !bytes.isEmpty { return .letter(bytes) }
        return .unknown
    }
}
