/// Telephone numbers in the forms Kyrgyz releases use: `+996 312 62 15 19`,
/// `+996 (555) 12-34-56`, `0 (3222) 5-55-55`, `(0312) 65-68-78`, `0555 123 456`, `0700415327`,
/// toll-free `0800 800 55 10`, and foreign numbers with a `+`. The value is E.164: a national
/// number with its leading 0 gets `+996`.
///
/// A phone is a run of digit groups joined by spaces, hyphens or brackets whose digit count
/// is exactly right (12 with +996, 10 with a leading 0, 10–15 with another country code).
/// Dots never join groups, so dates (`05.12.2025`) are not phones; nor are numbers after
/// `№` (`№ 05-117-2025`) or sums (`100 000 сом`: no leading 0 or +).
public struct PhoneRecognizer: Recognizer {
    public let name = "phone"
    public init() {}

    public func recognize(_ document: inout Document) {
        let t = document.text.scalars
        // Earlier recognizers' entities; this one's own never overlap a later candidate,
        // which starts at or after the end of the last phone found.
        let claimed = SpanIndex(document.entities.lazy.map(\.span))
        var i = 0
        while i < t.count {
            // A phone starts at `+`, `0` or `(`: the text between is passed over in one tight loop.
            i = t.nextIndex(from: i) { $0 == "+" || $0 == "0" || $0 == "(" }
            guard i < t.count else { break }
            let c = t[i]
            guard c == "+" || c == "0" || (c == "(" && i + 1 < t.count && t[i + 1] == "0"),
                i == 0
                    || !(t[i - 1].isAlphanumeric || t[i - 1] == "-" || t[i - 1] == "." || t[i - 1] == "/"
                        || t[i - 1] == "+"),
                !afterNumberSign(t, i),
                let (span, value) = match(t, at: i), !claimed.overlaps(span)
            else { i += 1; continue }
            document.add(.phone, span, .contact(value))
            i = span.end
        }
    }

    func afterNumberSign(_ t: [Unicode.Scalar], _ i: Int) -> Bool {
        var k = i
        while k > 0 && t[k - 1] == " " { k -= 1 }
        return k > 0 && (t[k - 1] == "№" || t[k - 1] == "#")
    }

    /// Digits in a run beyond which it is no phone: the longest number (15 digits) and two more,
    /// the margin the whole-run check below allows.
    static let longestRun = 17

    /// The digit counts a phone starting with `+` (or not) may have, once its first digits are known.
    static func target(international: Bool, _ digits: [Unicode.Scalar]) -> ClosedRange<Int> {
        // Toll-free numbers have one digit more: `0800 800 55 10`.
        guard international else { return digits.starts(with: ["0", "8", "0", "0"]) ? 11...11 : 10...10 }
        return digits.starts(with: ["9", "9", "6"]) ? 12...12 : 10...15
    }

    /// The phone starting at `start` (a `+` or a `0`) and its E.164 value.
    func match(_ t: [Unicode.Scalar], at start: Int) -> (Span, String)? {
        guard let run = read(t, at: start, until: .nextPhone) else { return nil }
        let (international, digits, groupEnds) = run
        let target = Self.target(international: international, digits)
        // The longest prefix of whole groups with a right digit count.
        guard let cut = groupEnds.last(where: { target.contains($0.digits) }) else { return nil }
        if cut.end < t.count, t[cut.end].isASCIIDigit || t[cut.end].isAlphabetic { return nil }
        // A whole longer run (a document number) is not a phone either.
        if let last = groupEnds.last, last.digits > target.upperBound + 2 { return nil }
        let national = String(scalars: digits[..<cut.digits])
        let value = international ? "+" + national : "+996" + national.dropFirst()
        return (Span(start, cut.end), value)
    }

    /// Whether a phone's digit groups start at `start`: whole groups with a right digit count,
    /// whatever follows them.
    func startsPhone(_ t: [Unicode.Scalar], at start: Int) -> Bool {
        guard t[start] == "0" || t[start] == "+",
            let (international, digits, groupEnds) = read(t, at: start, until: .firstPhone)
        else { return false }
        let target = Self.target(international: international, digits)
        return groupEnds.contains { target.contains($0.digits) }
    }

    enum Stop {
        /// After a group that completes a phone when a single space and another phone follow
        /// (`0555 123 456 0700 123 456`: two phones, not one long number), else at the run's end.
        case nextPhone
        /// After the first group that completes a phone.
        case firstPhone
    }

    /// The digit groups of the run starting at `start`: its digits, and the ends of its groups
    /// outside brackets with the number of digits so far. nil for a run longer than any phone.
    func read(_ t: [Unicode.Scalar], at start: Int, until stop: Stop) -> (
        international: Bool, digits: [Unicode.Scalar], groupEnds: [(end: Int, digits: Int)]
    )? {
        var k = start
        let international = t[k] == "+"
        if international { k += 1 }
        // `(0312) 65-68-78`: the trunk 0 and the area code in brackets.
        var openParens = 0
        if k < t.count, t[k] == "(" { openParens = 1; k += 1 }
        guard k < t.count, t[k].isASCIIDigit else { return nil }
        var digits: [Unicode.Scalar] = []
        var groupEnds: [(end: Int, digits: Int)] = []
        while k < t.count {
            guard t[k].isASCIIDigit else { break }
            while k < t.count && t[k].isASCIIDigit { digits.append(t[k]); k += 1 }
            var end = k
            if openParens > 0, k < t.count, t[k] == ")" { openParens -= 1; k += 1; end = k }
            if openParens == 0 { groupEnds.append((end, digits.count)) }
            // A run this long is a document number, not a phone, whatever follows: stop reading
            // it, so a page of numbers costs each start a few groups, not the rest of the page.
            if digits.count > Self.longestRun { return nil }
            if openParens == 0, Self.target(international: international, digits).contains(digits.count),
                stop == .firstPhone || (end + 1 < t.count && t[end] == " " && startsPhone(t, at: end + 1))
            {
                break
            }
            // Up to two separators between groups: a space, a hyphen, an opening bracket.
            var seps = 0
            var j = k
            while j < t.count && seps < 2 && (t[j] == " " || t[j] == "-" || t[j] == "(") {
                if t[j] == "(" { openParens += 1 }
                j += 1; seps += 1
            }
            guard j < t.count, t[j].isASCIIDigit, seps > 0 || j == k else { break }
            k = j
        }
        return (international, digits, groupEnds)
    }
}
