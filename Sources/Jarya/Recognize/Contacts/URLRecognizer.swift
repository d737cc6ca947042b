/// Web addresses with or without a scheme: `https://edu.gov.kg/ky/news/123`, `www.dpi.kg`,
/// `t.me/channel`, `facebook.com/page`, `stat.gov.kg`. Trailing punctuation and closing
/// quotes are not part of the address. The value always has a scheme (`https://` if none).
///
/// Without a scheme a host is taken only with `www.`, a path, or three labels: a two-label
/// name alone (`24.kg`, `AKIpress.org`) is usually a brand, named as an organization.
public struct URLRecognizer: Recognizer {
    public let name = "url"
    public init() {}

    static let knownTLDs: Set<String> = [
        "kg", "ru", "kz", "uz", "tj", "tm", "by", "ua", "az", "am", "ge", "mn", "cn", "tr", "jp", "kr", "de", "fr",
        "ch", "nl", "uk", "us", "eu", "int", "com", "org", "net", "gov", "edu", "info", "io", "me", "media", "news",
        "online", "site", "asia", "biz", "pro", "tv", "fm", "app", "dev", "ly", "gl", "be", "to", "co", "su", "рф",
    ]

    static func isURLChar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCIIAlphanumeric { return true }
        switch c {
        case "-", ".", "_", "~", ":", "/", "?", "#", "[", "]", "@", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";",
            "=", "%":
            return true
        default:
            return false
        }
    }

    public func recognize(_ document: inout Document) {
        let t = document.text.scalars
        // Earlier recognizers' entities; this one's own never overlap a later candidate,
        // which starts at or after the end of the last address found.
        let claimed = SpanIndex(document.entities.lazy.map(\.span))
        var run = URLRun()
        var i = 0
        while i < t.count {
            // An address starts at an ASCII letter or digit (asked first: most of a release is
            // Cyrillic) that follows none of its own characters.
            i = t.nextIndex(from: i) { $0.isASCIIAlphanumeric }
            guard i < t.count else { break }
            if i > 0, t[i - 1].isAlphanumeric || Self.isAddressPunctuation(t[i - 1]) { i += 1; continue }
            guard let span = match(t, at: i, run: &run), !claimed.overlaps(span) else {
                i += 1; continue
            }
            let text = document.text[span]
            let value =
                text.lowercased().startsWith("http://") || text.lowercased().startsWith("https://")
                ? text : "https://" + text
            document.add(.url, span, .contact(value))
            i = span.end
        }
    }

    /// `@`, `.`, `/`, `-` or `_`: characters inside an address.
    static func isAddressPunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "@", ".", "/", "-", "_": return true
        default: return false
        }
    }

    /// The address starting at `start`, if there is one.
    func match(_ t: [Unicode.Scalar], at start: Int) -> Span? {
        var run = URLRun()
        return match(t, at: start, run: &run)
    }

    /// `match`, reusing what `run` knows of the run of address characters around `start`: a
    /// page of `a,a,a,…` is one run with a start at every letter, read once instead of once
    /// per start.
    func match(_ t: [Unicode.Scalar], at start: Int, run: inout URLRun) -> Span? {
        var hostStart = start
        var hasScheme = false
        for scheme in ["https://", "http://"] where t.hasPrefix(scheme, at: start) {
            hostStart = start + scheme.unicodeScalars.count
            hasScheme = true
        }
        var end: Int
        if run.contains(start) {
            end = run.end
        } else {
            end = hostStart
            while end < t.count && Self.isURLChar(t[end]) { end += 1 }
            run = URLRun(t, start, end)
        }
        run.advance(t, to: start)
        end = trimTrailing(t, start, end, run)
        // Host: up to the first `/ ? # :`.
        var hostEnd = hostStart
        while hostEnd < end && (t[hostEnd].isASCIIAlphanumeric || t[hostEnd] == "." || t[hostEnd] == "-") {
            hostEnd += 1
        }
        let host = String(scalars: t[hostStart..<hostEnd]).lowercased()
        if hostEnd < end, t[hostEnd] == "@" { return nil }  // an e-mail address
        // A host without a dot has one label: most words stop here, before splitting by Characters.
        guard host.utf8.contains(UInt8(ascii: ".")) else { return nil }
        let labels = host.split(byte: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.startsWith("-") }) else { return nil }
        let tld = String(labels.last!)
        guard tld.allSatisfy(\.isLetter), tld.count >= 2 else { return nil }
        let hasPath = hostEnd < end && t[hostEnd] == "/" && end > hostEnd + 1
        if !hasScheme {
            guard Self.knownTLDs.contains(tld) else { return nil }
            guard host.startsWith("www.") || hasPath || labels.count >= 3 else { return nil }
            if !hasPath { end = hostEnd }
        }
        return Span(start, end)
    }

    /// Drops punctuation that ends a sentence or closes a quote, and a closing bracket
    /// that has no opening one inside the address.
    /// The brackets of `t[start..<e]` are those of the run from `start` to its end less those
    /// already dropped from its end.
    func trimTrailing(_ t: [Unicode.Scalar], _ start: Int, _ end: Int, _ run: URLRun) -> Int {
        var e = end
        var dropped = URLRun.Brackets()
        while e > start {
            let c = t[e - 1]
            if ".,;:!?'*".unicodeScalars.contains(c) { e -= 1; continue }
            if c == ")" || c == "]" {
                let inside = run.total.minus(run.before).minus(dropped)
                let (opens, closes) =
                    c == ")" ? (inside.round.open, inside.round.close) : (inside.square.open, inside.square.close)
                if closes > opens { e -= 1; dropped.add(c); continue }
            }
            break
        }
        return e
    }
}

/// A run of address characters `[first, end)` that `URLRecognizer.match` has read, with its
/// brackets counted once, and those before the current start.
struct URLRun {
    struct Brackets {
        var round = (open: 0, close: 0)
        var square = (open: 0, close: 0)
        mutating func add(_ c: Unicode.Scalar) {
            switch c {
            case "(": round.open += 1
            case ")": round.close += 1
            case "[": square.open += 1
            case "]": square.close += 1
            default: break
            }
        }
        func minus(_ b: Brackets) -> Brackets {
            Brackets(
                round: (round.open - b.round.open, round.close - b.round.close),
                square: (square.open - b.square.open, square.close - b.square.close))
        }
    }

    var first = 0, end = -1
    /// The brackets of `[first, end)`, and of `[first, at)`.
    var total = Brackets(), before = Brackets()
    var at = 0

    init() {}

    init(_ t: [Unicode.Scalar], _ first: Int, _ end: Int) {
        self.first = first
        self.end = end
        self.at = first
        for k in first..<end { total.add(t[k]) }
    }

    /// Whether `start` lies in the run at or after the place counted to (starts only move on).
    func contains(_ start: Int) -> Bool { start >= at && start < end }

    /// Counts the brackets before `start`.
    mutating func advance(_ t: [Unicode.Scalar], to start: Int) {
        while at < start { before.add(t[at]); at += 1 }
    }
}

extension URLRecognizer {
}
