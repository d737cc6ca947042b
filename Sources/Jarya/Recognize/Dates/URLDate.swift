/// The date in a page's address: `/2017/09/19/`, `/2023-12-15-…`, `/20170927/`, `/03102020-1500`.
/// Many sites put the publication day there and nowhere in the text, so it is the published
/// date of last resort, and the year of a dateline that states none (`БИШКЕК, 27 сен — Sputnik.`).
enum URLDate {
    /// The full date in `url`'s path, or nil. Only the path is read (a host or a query's numbers
    /// are not dates), years 1990–2099, and the day must exist.
    static func find(in url: String) -> PartialDate? {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        var path = rest[slash...]
        if let q = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<q] }
        // Runs of digits with the one character after each (`/`, `-`, `_` join a date's parts).
        var runs: [(digits: String, separator: Character?)] = []
        var current = ""
        for c in path {
            if c.isASCII && c.isNumber { current.append(c); continue }
            if !current.isEmpty { runs.append((current, c)); current = "" }
        }
        if !current.isEmpty { runs.append((current, nil)) }
        let joins: Set<Character> = ["/", "-", "_"]
        for k in runs.indices {
            let r = runs[k]
            if r.digits.count == 4, k + 2 < runs.count, let sep = r.separator, joins.contains(sep),
                let sep2 = runs[k + 1].separator, sep2 == sep,
                (1...2).contains(runs[k + 1].digits.count), (1...2).contains(runs[k + 2].digits.count),
                let d = date(Int(r.digits), Int(runs[k + 1].digits), Int(runs[k + 2].digits))
            {
                return d
            }
            if r.digits.count == 8, let n = Int(r.digits) {
                if let d = date(n / 10000, n / 100 % 100, n % 100) { return d }
                if let d = date(n % 10000, n / 10000 % 100, n / 1_000_000) { return d }
            }
        }
        return nil
    }

    private static func date(_ year: Int?, _ month: Int?, _ day: Int?) -> PartialDate? {
        guard let year, let month, let day, (1990...2099).contains(year),
            CivilDate.isValid(year: year, month: month, day: day)
        else { return nil }
        return PartialDate(year: year, month: month, day: day)
    }
}
