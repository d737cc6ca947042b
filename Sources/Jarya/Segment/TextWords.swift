/// The words of the text as Unicode's default word boundaries see them (UAX #29, the rules ICU's
/// word break iterator applies for Kyrgyz and Russian), made from the tokens: letters and digits
/// side by side are one word (`5G`, `10дө`), and so are letters around an inner full stop or
/// apostrophe (`www.kabar.kg`, `don't`) and digits around an inner comma or full stop
/// (`1,5`, `15.08.2025`). The language identifier counts letters and function words per word
/// in this sense, not per token.
struct TextWords {
    struct Word {
        var span: Span
        /// Holds a letter (ICU's "letter" status); a word of digits alone is a number.
        var hasLetters: Bool
        /// The index of the word's one token, or nil when it joins several (`COVID-19`, `24.kg`):
        /// what a fact about the word's text alone can be remembered by (`LanguageIdentifier`).
        var token: Int?
    }

    private var words: [Word] = []

    init(tokens: [Token], text: [Unicode.Scalar]) {
        var k = 0
        while k < tokens.count {
            guard !tokens[k].kind.isPunctuation else { k += 1; continue }
            var last = k
            var letters = tokens[k].kind == .word
            func attached(_ i: Int) -> Bool { i < tokens.count && !tokens[i].spaceBefore }
            while attached(last + 1) {
                let next = tokens[last + 1]
                if !next.kind.isPunctuation || text[next.span.start] == "_" {
                    last += 1
                } else if attached(last + 2), tokens[last].kind == tokens[last + 2].kind,
                    Self.joins(text[next.span.start], between: tokens[last].kind)
                {
                    last += 2
                } else {
                    break
                }
                letters = letters || tokens[last].kind == .word
            }
            words.append(
                Word(
                    span: Span(tokens[k].span.start, tokens[last].span.end), hasLetters: letters,
                    token: last == k ? k : nil))
            k = last + 1
        }
    }

    var count: Int { words.count }
    subscript(i: Int) -> Word { words[i] }

    /// Whether a scalar between two tokens of `kind` keeps them one word: MidLetter (without
    /// the colon, as ICU's root rules), MidNumLet and the apostrophe between letters; MidNum,
    /// MidNumLet and the apostrophe between digits.
    static func joins(_ c: Unicode.Scalar, between kind: Token.Kind) -> Bool {
        switch c {
        case ".", "'", "\u{2018}", "\u{2019}", "\u{2024}", "\u{FE52}", "\u{FF07}", "\u{FF0E}": return true
        case "\u{B7}", "\u{387}", "\u{55F}", "\u{5F4}", "\u{2027}", "\u{FE13}": return kind == .word
        case ",", ";", "\u{37E}", "\u{589}", "\u{60C}", "\u{60D}", "\u{66C}", "\u{7F8}", "\u{2044}", "\u{FE10}",
            "\u{FE14}",
            "\u{FE50}", "\u{FE54}", "\u{FF0C}", "\u{FF1B}":
            return kind == .number
        default: return false
        }
    }
}
