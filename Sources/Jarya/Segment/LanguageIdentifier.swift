/// The language of each block from letters and function words, and of the document from
/// its blocks. Kyrgyz and Russian share the Cyrillic alphabet; what tells them apart is
/// ө ү ң and the small words every sentence has.
enum LanguageIdentifier {
    static let kyrgyzWords: FunctionWords = [
        "жана", "менен", "үчүн", "боюнча", "деп", "бул", "ошондой", "эле", "да", "де", "анын", "ал", "алар",
        "болуп", "болот", "болгон", "тарабынан", "жөнүндө", "күнү", "саат", "жылы", "жылдын", "айында", "шаарында",
        "биринчи", "биргеликте", "кийин", "мурун", "эмес", "бар", "жок", "керек", "дагы", "бирге", "катышат",
        "катышты", "өтөт", "өттү", "аркылуу", "ар", "бир", "же", "дейт", "деди", "бардык", "ушул", "быйыл",
        "бүгүн", "эртең", "кечээ", "чейин", "тартып", "бери", "кошо", "үчүн", "ошол", "аны", "аларды", "ага",
        "мындан", "тууралуу", "маалымат", "өкүлдөрү", "кызматы", "министрлиги", "республикасынын", "кыргыз",
    ]
    static let russianWords: FunctionWords = [
        "и", "в", "на", "с", "по", "для", "что", "не", "это", "как", "от", "из", "к", "о", "об", "при", "года",
        "году", "также", "который", "которые", "которая", "будет", "было", "был", "были", "а", "но", "или", "его",
        "ее", "её", "их", "за", "до", "после", "между", "более", "со", "во", "он", "она", "они", "мы", "все",
        "всех", "этом", "этого", "только", "уже", "так", "же", "том", "под", "над", "через", "сегодня", "завтра",
        "вчера", "пройдет", "состоится", "сообщили", "области", "района", "республики", "кыргызской",
    ]
    static let englishWords: FunctionWords = [
        "the", "and", "of", "to", "in", "for", "is", "on", "with", "by", "was", "will", "from", "at", "as", "this",
    ]

    /// Each block's language from the votes of its words. A word of one token votes as its text
    /// always does, so its vote is kept in `memo` by the token's text (`Token.surface`): most words
    /// of a release were met before, and a word's scalars cost some 300 instructions to read.
    static func identify(
        _ seg: inout Segmentation, text: NormalizedText, tokens: [Token], memo: inout WordMemo<LanguageVote>
    ) {
        let words = TextWords(tokens: tokens, text: text.scalars)
        var wordIndex = 0
        for b in seg.blocks.indices {
            var votes = LanguageVote()
            let span = seg.blocks[b].span
            while wordIndex < words.count && words[wordIndex].span.start < span.start { wordIndex += 1 }
            var t = wordIndex
            while t < words.count && words[t].span.end <= span.end {
                defer { t += 1 }
                let word = words[t]
                guard word.hasLetters else { continue }
                if let k = word.token {
                    votes.add(
                        memo.value(tokens[k].surface) { LanguageVote(text.scalars[word.span.start..<word.span.end]) })
                } else {
                    votes.add(LanguageVote(text.scalars[word.span.start..<word.span.end]))
                }
            }
            wordIndex = t
            let ky = Int(votes.ky), ru = Int(votes.ru), en = Int(votes.en)
            let cyrillicScore = max(ky, ru)
            let lang: String
            if en > 2 * cyrillicScore && en >= 3 {
                lang = "en"
            } else if ky > ru {
                lang = "ky"
            } else if ru > ky {
                lang = "ru"
            } else {
                lang = "und"
            }
            seg.blocks[b].language = lang
        }
        fillUndetermined(&seg.blocks)
    }

    /// A title or a short line with no evidence takes the language of the next block that has
    /// one (a headline is followed by its text), or else of the previous one.
    static func fillUndetermined(_ blocks: inout [Block]) {
        var next: String? = nil
        for i in blocks.indices.reversed() {
            if blocks[i].language == "und" {
                if let n = next { blocks[i].language = n }
            } else {
                next = blocks[i].language
            }
        }
        var previous: String? = nil
        for i in blocks.indices {
            if blocks[i].language == "und" {
                if let p = previous { blocks[i].language = p }
            } else {
                previous = blocks[i].language
            }
        }
    }

    /// The dominant language by characters, or `ky+ru` when each has at least a quarter of
    /// the Kyrgyz and Russian text.
    static func documentLanguage(_ seg: Segmentation) -> String {
        var size: [String: Int] = [:]
        for b in seg.blocks { size[b.language, default: 0] += b.span.count }
        let ky = size["ky", default: 0], ru = size["ru", default: 0]
        if ky > 0 && ru > 0 && min(ky, ru) * 4 >= (ky + ru) && min(ky, ru) >= 200 { return "ky+ru" }
        return size.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key ?? "und"
    }
}

/// What one word says of its block's language: two points for a letter only one of Kyrgyz and
/// Russian has (ө ү ң, щ ъ ё), one for a function word, and for English one point for a word
/// mostly in Latin letters, two if it is an English function word.
public struct LanguageVote: Sendable {
    // Summed over a block's words, so wide enough for any block (`--max-bytes` bounds a block).
    var ky: Int32 = 0, ru: Int32 = 0, en: Int32 = 0

    init() {}

    /// The vote of a word's scalars.
    init(_ word: ArraySlice<Unicode.Scalar>) {
        var kyLetter = false, ruLetter = false, latin = 0, cyrillic = 0
        // Function words are looked up by a hash of the word's lower case, made in the same pass
        // over its scalars: no string is made for a word.
        var hasher: FNV1a? = FNV1a()
        for u in word {
            switch u {
            case "ө", "ү", "ң", "Ө", "Ү", "Ң": kyLetter = true
            case "щ", "ъ", "ё", "Щ", "Ъ", "Ё": ruLetter = true
            default: break
            }
            if u.value >= 0x400 && u.value < 0x530 { cyrillic += 1 } else if u.isASCII { latin += 1 }
            FunctionWords.add(u, to: &hasher)
        }
        let hash = hasher?.value
        if kyLetter { ky += 2 }
        if ruLetter { ru += 2 }
        if LanguageIdentifier.kyrgyzWords.contains(hash) { ky += 1 }
        if LanguageIdentifier.russianWords.contains(hash) { ru += 1 }
        if latin > cyrillic { en += LanguageIdentifier.englishWords.contains(hash) ? 2 : 1 }
    }

    mutating func add(_ other: LanguageVote) {
        ky += other.ky
        ru += other.ru
        en += other.en
    }
}

/// A list of function words, kept as 64-bit hashes of their lower case (FNV-1a over the scalar
/// values), so that a text word is checked without making a string of it. Two words of the
/// languages sharing a hash is a one-in-10¹⁸ chance, and would only nudge a language score.
struct FunctionWords: ExpressibleByArrayLiteral, Sendable {
    /// Sorted, for a binary search: every word of every block is looked up three times, and a
    /// `Set` hashed the hash again (SipHash, some 100 instructions a look-up).
    private let hashes: [UInt64]

    init(arrayLiteral words: String...) {
        hashes = Set(
            words.map { word in
                var hasher: FNV1a? = FNV1a()
                for u in word.unicodeScalars { Self.add(u, to: &hasher) }
                return hasher?.value ?? 0
            }
        ).sorted()
    }

    func contains(_ hash: UInt64?) -> Bool {
        guard let hash else { return false }
        var lo = 0, hi = hashes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if hashes[mid] < hash { lo = mid + 1 } else { hi = mid }
        }
        return lo < hashes.count && hashes[lo] == hash
    }

    /// Adds a scalar's lower case to a word's hash; a letter outside ASCII and Cyrillic (no
    /// function word has one) makes the hash nil.
    @inline(__always)
    static func add(_ u: Unicode.Scalar, to hasher: inout FNV1a?) {
        guard hasher != nil else { return }
        guard let l = u.lowercaseByRange() else { hasher = nil; return }
        hasher!.add(UInt64(l.value))
    }
}
