/// Markdown → plain text, line by line, keeping paragraph breaks: headings, quotes and
/// emphasis markers go; link texts stay with their targets in parentheses.
enum MarkdownText {
    static func plainText(_ markdown: String) -> String {
        var lines: [String] = []
        var inFence = false
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(raw)
            if line.startsWith("```") || line.startsWith("~~~") { inFence.toggle(); continue }
            if inFence { lines.append(String(line)); continue }
            if line.allSatisfy({ $0 == "-" || $0 == "=" || $0 == "*" || $0 == "_" }) && line.count >= 3 {
                lines.append(""); continue  // setext underline or thematic break
            }
            while line.startsWith("#") { line = line.dropFirst() }
            while line.startsWith(">") { line = line.dropFirst() }
            if line.count < raw.count { line = line.drop(while: { $0 == " " }) }
            lines.append(inline(String(line)))
        }
        return lines.joined(separator: "\n")
    }

    /// `**b**`, `__b__`, `` `c` `` lose their markers; `[t](u)` → `t (u)`; `![a](u)` → `a`.
    static func inline(_ s: String) -> String {
        var out = ""
        var chars = Array(s)[...]
        while let c = chars.first {
            if (c == "*" || c == "_"), chars.dropFirst().first == c {
                chars = chars.dropFirst(2); continue
            }
            if c == "`" { chars = chars.dropFirst(); continue }
            if c == "[" || (c == "!" && chars.dropFirst().first == "["),
                let link = parseLink(c == "!" ? chars.dropFirst() : chars)
            {
                out += c == "!" ? link.text : (link.text == link.target ? link.text : "\(link.text) (\(link.target))")
                chars = link.rest
                continue
            }
            out.append(c)
            chars = chars.dropFirst()
        }
        return out
    }

    private static func parseLink(_ s: ArraySlice<Character>) -> (
        text: String, target: String, rest: ArraySlice<Character>
    )? {
        guard s.first == "[", let close = s.firstIndex(of: "]"), close + 1 < s.endIndex, s[close + 1] == "(",
            let end = s[(close + 1)...].firstIndex(of: ")")
        else { return nil }
        return (String(s[(s.startIndex + 1)..<close]), String(s[(close + 2)..<end]), s[(end + 1)...])
    }
}
