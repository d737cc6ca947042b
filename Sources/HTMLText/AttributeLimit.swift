/// Drops the attributes of a start tag beyond the first `maximum`, before libxml2 sees the page.
///
/// libxml2 (2.9) compares each attribute of a tag with all the earlier ones, and appends each
/// to the end of a linked list: a tag with 100,000 attributes costs 10¹⁰ steps (27 s). No page
/// needs more than a few dozen, and the text never comes from them: the ones kept are those a
/// page means (`class`, `id`, `hidden` come first in real markup), and a page without such a
/// tag is returned as it is, uncopied.
enum AttributeLimit {
    static let maximum = 256

    static func apply(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = firstOverfullTag(bytes) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        out.append(contentsOf: bytes[..<first])
        var i = first
        while i < bytes.count {
            guard let tag = startTag(bytes, at: i) else { out.append(bytes[i]); i += 1; continue }
            if tag.attributes.count > maximum {
                // The name and the first attributes as written, then the tag's end (`>` or `/>`);
                // a tag the page ends inside has none.
                out.append(contentsOf: bytes[i..<tag.attributes[maximum].lowerBound])
                if tag.end > bytes.count { break }
                out.append(contentsOf: bytes[tag.attributes.last!.upperBound..<tag.end])
            } else {
                // A tag the page ends inside: nothing after it is a whole tag to shorten.
                guard tag.end <= bytes.count else { out.append(contentsOf: bytes[i...]); break }
                out.append(contentsOf: bytes[i..<tag.end])
            }
            i = tag.end
        }
        return out
    }

    /// Where the first tag with too many attributes starts, if any.
    static func firstOverfullTag(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            if let tag = startTag(bytes, at: i) {
                if tag.attributes.count > maximum { return i }
                // The page ends inside this tag: stop, rather than read the rest again from every `<`.
                if tag.end > bytes.count { return nil }
                i = tag.end
            } else {
                i += 1
            }
        }
        return nil
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }

    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    /// A start tag at `i` (`<name attr="v" …>`): its attributes' byte ranges and the offset after
    /// its `>` (`b.count + 1` when the page ends inside it). nil when `i` does not open one.
    static func startTag(_ b: [UInt8], at i: Int) -> (attributes: [Range<Int>], end: Int)? {
        guard b[i] == UInt8(ascii: "<"), i + 1 < b.count, isLetter(b[i + 1]) else { return nil }
        var k = i + 1
        while k < b.count, !isSpace(b[k]), b[k] != UInt8(ascii: ">"), b[k] != UInt8(ascii: "/") { k += 1 }
        var attributes: [Range<Int>] = []
        while k < b.count {
            while k < b.count, isSpace(b[k]) || b[k] == UInt8(ascii: "/") { k += 1 }
            guard k < b.count else { return (attributes, b.count + 1) }
            if b[k] == UInt8(ascii: ">") { return (attributes, k + 1) }
            let start = k
            while k < b.count, !isSpace(b[k]), b[k] != UInt8(ascii: ">"), b[k] != UInt8(ascii: "="),
                b[k] != UInt8(ascii: "/")
            { k += 1 }
            if k == start { k += 1 }  // a stray `=`
            var j = k
            while j < b.count, isSpace(b[j]) { j += 1 }
            if j < b.count, b[j] == UInt8(ascii: "=") {
                j += 1
                while j < b.count, isSpace(b[j]) { j += 1 }
                if j < b.count, b[j] == 0x22 || b[j] == 0x27 {
                    let quote = b[j]
                    j += 1
                    while j < b.count, b[j] != quote { j += 1 }
                    guard j < b.count else { return (attributes, b.count + 1) }
                    j += 1
                } else {
                    while j < b.count, !isSpace(b[j]), b[j] != UInt8(ascii: ">") { j += 1 }
                }
                k = j
            }
            attributes.append(start..<k)
        }
        return (attributes, b.count + 1)
    }
}
