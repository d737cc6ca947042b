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
    /// Each learnt character's kind (0 separator, 1 letter, 2 mark, 3 unknown) and its bytes:
    /// up to 7 packed in one number (the count in the low byte, then the bytes), so that
    /// cutting a text copies bytes and counts nothing; longer ones (count 255) in `bytes`, from
    /// `starts` to `ends`.
    private var tags: [UInt8] = []
    private var packed: [UInt64] = []
    private var starts: [Int32] = []
    private var ends: [Int32] = []
    private var bytes: [UInt8] = []
    /// FTS5 cuts a word at 32,768 bytes; far longer than any word, such texts go to SQLite.
    static let longestWord = 1000

    /// The words of each text, in order, as UTF-8 bytes; nil when SQLite must cut them.
    mutating func words(_ texts: [String]) -> [[[UInt8]]]? {
        var cut = CutWords()
        return self.cut(texts, into: &cut) ? cut.columns : nil
    }

    /// Cuts `texts` (one column each) into `words`, emptied first: every word's bytes in one
    /// buffer, not an array per word (allocating and freeing those cost more than cutting).
    /// False when SQLite must cut them.
    mutating func cut(_ texts: [String], into words: inout CutWords) -> Bool {
        cut(texts.map { [$0] }, into: &words)
    }

    /// Cuts `text` as one column, or each of `texts` in turn as one column (a space between
    /// them, which separates words): the forms need not be joined into one string first.
    mutating func cut(_ columns: [[String]], into words: inout CutWords) -> Bool {
        words.removeAll()
        for texts in columns {
            for text in texts {
                guard cut(text, into: &words) else { return false }
            }
            words.columnEnds.append(words.ends.count)
        }
        return true
    }

    private mutating func cut(_ text: String, into out: inout CutWords) -> Bool {
        var text = text
        return text.withUTF8 { cut($0, into: &out) }
    }

    /// The scalars of valid UTF-8, decoded here: a `String`'s scalar view costs more per character.
    private mutating func cut(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout CutWords) -> Bool {
        var inWord = false
        var wordStart = out.bytes.count
        var i = 0
        while i < utf8.count {
            var value = UInt32(utf8[i])
            if value < 0x80 {
                i += 1
            } else if value < 0xE0 {
                value = (value & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                i += 2
            } else if value < 0xF0 {
                value = (value & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                i += 3
            } else {
                value =
                    (value & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                    | UInt32(utf8[i + 3] & 0x3F)
                i += 4
            }
            let entry: Int
            if value < Self.direct, table[Int(value)] > 0 {
                entry = Int(table[Int(value)]) - 1
            } else {
                entry = self.entry(of: Unicode.Scalar(value)!)
            }
            let tag = tags[entry]
            if tag == 0 {
                if inWord { out.ends.append(Int32(out.bytes.count)); inWord = false }
                continue
            }
            guard tag != 3 else { return false }
            if !inWord {
                guard tag == 1 else { continue }
                inWord = true
                wordStart = out.bytes.count
            }
            var p = packed[entry]
            let n = Int(p & 0xFF)
            if n == 0xFF {
                // Byte by byte: a slice of `bytes` retains and releases its storage, for every character.
                for k in Int(starts[entry])..<Int(ends[entry]) { out.bytes.append(bytes[k]) }
            } else {
                for _ in 0..<n {
                    p >>= 8
                    out.bytes.append(UInt8(truncatingIfNeeded: p))
                }
            }
            if out.bytes.count - wordStart > Self.longestWord { return false }
        }
        if inWord { out.ends.append(Int32(out.bytes.count)) }
        return true
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
        var written: [UInt8] = []
        switch kind {
        case .separator: tags.append(0)
        case .letter(let b): tags.append(1); written = b
        case .mark(let b): tags.append(2); written = b
        case .unknown: tags.append(3)
        }
        bytes += written
        ends.append(Int32(bytes.count))
        packed.append(
            written.count > 7
                ? 0xFF : written.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } << 8 | UInt64(written.count))
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

/// A document's words, column by column, in one byte buffer: word `k` is `bytes` from the end
/// of word `k - 1` (or 0) to `ends[k]`; column `c` holds the words from `columnEnds[c - 1]` (or
/// 0) to `columnEnds[c]`. Kept from document to document by a worker, so its storage is reused.
struct CutWords {
    var bytes: [UInt8] = []
    var ends: [Int32] = []
    var columnEnds: [Int] = []

    init() {}

    /// The words of `columns`, as `WordCutter.cut` would give them.
    init(columns: [[[UInt8]]]) {
        for column in columns {
            for word in column {
                bytes += word
                ends.append(Int32(bytes.count))
            }
            columnEnds.append(ends.count)
        }
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        columnEnds.removeAll(keepingCapacity: true)
    }

    /// Where word `k` starts in `bytes`.
    func start(_ k: Int) -> Int { k == 0 ? 0 : Int(ends[k - 1]) }

    /// Each column's words as arrays (for tests and SQLite's words).
    var columns: [[[UInt8]]] {
        var first = 0
        return columnEnds.map { end in
            defer { first = end }
            return (first..<end).map { Array(bytes[start($0)..<Int(ends[$0])]) }
        }
    }
}
