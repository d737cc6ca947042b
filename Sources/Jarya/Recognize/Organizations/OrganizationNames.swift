/// The organization names of a document, for a mention to find the first name it is a short form
/// of (its lower case followed by a space starts that name's, or a space and it end that name's;
/// or it has that name's first and last words and some of the words between) or whose quoted
/// part it shares, without reading every name again: a page that names hundreds of bodies stays
/// linear.
struct OrganizationNames {
    private var names: [String] = []
    /// Each name's lower case, by its index.
    private var lowers: [String] = []
    /// Each name's index (the same name again changes no answer: the first one wins).
    private var indexOf: [WordKey: Int] = [:]
    /// The hashes of the lower case of a name cut before one of its spaces, and cut after one:
    /// the first name. A hash stands for the bytes (`longer` checks them), and is made while
    /// reading the name once, with no string cut out of it.
    private var starts: [NameHash: Int] = [:]
    private var ends: [NameHash: Int] = [:]
    private var quotedParts: [WordKey: Int] = [:]
    /// Names of three words or more by their first and last words, and each such name's words.
    private var byEnds: [WordKey: [Int]] = [:]
    private var lowerOf: [Int: String] = [:]

    var count: Int { names.count }

    /// A name's words without the punctuation around them (`маданият,` is `маданият`), cut on
    /// bytes: this runs for every mention of every body.
    static func words(_ lower: String) -> [WordKey] {
        lower.utf8.split(separator: 0x20).compactMap { trimmed($0) }
    }

    /// One word's bytes without ASCII punctuation or « » “ ” around it; nil when nothing is left.
    static func trimmed(_ part: Substring.UTF8View.SubSequence) -> WordKey? {
        let w = Array(part)
        return trimmedRange(w, 0, w.count).map { WordKey(String(decoding: w[$0], as: UTF8.self)) }
    }

    /// `w[lo..<hi]` without ASCII punctuation or « » “ ” around it; nil when nothing is left.
    /// Cut by moving two ends over the bytes: no array is made or shortened.
    static func trimmedRange(_ w: [UInt8], _ lo: Int, _ hi: Int) -> Range<Int>? {
        var lo = lo, hi = hi
        func isMark(_ x: UInt8) -> Bool {
            x < 0x80 && !(x >= 0x30 && x <= 0x39 || (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A)
        }
        // The length of a quote at `w[k...]` that ends by `hi`: « » (C2 AB, C2 BB), “ ” (E2 80 9C,
        // E2 80 9D); 0 for none.
        func quote(at k: Int) -> Int {
            if k + 2 <= hi, w[k] == 0xC2, w[k + 1] == 0xAB || w[k + 1] == 0xBB { return 2 }
            if k + 3 <= hi, w[k] == 0xE2, w[k + 1] == 0x80, w[k + 2] == 0x9C || w[k + 2] == 0x9D { return 3 }
            return 0
        }
        while lo < hi {
            if isMark(w[lo]) {
                lo += 1
            } else if case let q = quote(at: lo), q > 0 {
                lo += q
            } else {
                break
            }
        }
        while lo < hi {
            if isMark(w[hi - 1]) {
                hi -= 1
            } else if hi - lo >= 2, quote(at: hi - 2) == 2 {
                hi -= 2
            } else if hi - lo >= 3, quote(at: hi - 3) == 3 {
                hi -= 3
            } else {
                break
            }
        }
        return lo < hi ? lo..<hi : nil
    }

    /// The key of a name's first and last words (of two words or more), read without cutting the
    /// words between.
    static func endsKey(of lower: String) -> WordKey? {
        let u = Array(lower.utf8)
        guard let f = u.firstIndex(of: 0x20), let l = u.lastIndex(of: 0x20),
            let first = trimmedRange(u, 0, f), let last = trimmedRange(u, l + 1, u.count)
        else { return nil }
        // Written in one string: joining slices made two arrays and three strings.
        let key = String(unsafeUninitializedCapacity: first.count + 1 + last.count) { out in
            var k = 0
            for i in first { out[k] = u[i]; k += 1 }
            out[k] = 0
            k += 1
            for i in last { out[k] = u[i]; k += 1 }
            return k
        }
        return WordKey(key)
    }

    /// Adds `name` (its lower case, unless given, and quoted part are made here, once per
    /// distinct name) and returns its index.
    @discardableResult
    mutating func append(_ name: String, lower: String? = nil) -> Int {
        if let known = indexOf[WordKey(name)] { return known }
        let n = names.count
        let lower = lower ?? name.fastLowercased()
        indexOf[WordKey(name)] = n
        names.append(name)
        lowers.append(lower)
        let bytes = Array(lower.utf8)
        var spaces = 0
        // The prefixes' hashes read forward, the suffixes' backward, each in one pass.
        var forward = NameHash()
        for b in bytes {
            if b == 0x20 {
                spaces += 1
                if starts[forward] == nil { starts[forward] = n }
            }
            forward.add(b)
        }
        var backward = NameHash()
        for b in bytes.reversed() {
            if b == 0x20, ends[backward] == nil { ends[backward] = n }
            backward.add(b)
        }
        if let quoted = OrganizationRecognizer.quotedPart(name), quotedParts[WordKey(quoted)] == nil {
            quotedParts[WordKey(quoted)] = n
        }
        guard spaces >= 2, let key = Self.endsKey(of: lower), (byEnds[key]?.count ?? 0) < 8 else { return n }
        byEnds[key, default: []].append(n)
        lowerOf[n] = lower
        return n
    }

    /// The lower case of `name`, when it was added: made once per name (lower-casing a name with
    /// capitals costs some 4,000 instructions, a look-up a few hundred).
    func lower(of name: String) -> String? { indexOf[WordKey(name)].map { lowers[$0] } }

    /// The name `longer` or `fuller` finds for name `n`'s lower case.
    func fullName(of n: Int) -> String? {
        longer(lowers[n]) ?? fuller(lowers[n])
    }

    /// The one name with `lower`'s first and last words and more words, holding `lower`'s words in
    /// order; nil when there is none, or several names that differ.
    func fuller(_ lower: String) -> String? {
        guard !byEnds.isEmpty, let key = Self.endsKey(of: lower),
            case let others = (byEnds[key] ?? []).filter({ !(lowerOf[$0] ?? "").sameBytes(lower) }), !others.isEmpty
        else { return nil }
        let words = Self.words(lower)
        let found = Set(
            others.filter { n in
                guard let long = lowerOf[n].map(Self.words), long.count > words.count else { return false }
                var k = 0
                for w in long where k < words.count && w == words[k] { k += 1 }
                return k == words.count
            }.map { names[$0] })
        return found.count == 1 ? found.first : nil
    }

    /// The first earlier name that starts with `lower` and a space or ends with a space and `lower`.
    func longer(_ lower: String) -> String? {
        let bytes = Array(lower.utf8)
        var forward = NameHash(), backward = NameHash()
        for b in bytes { forward.add(b) }
        for b in bytes.reversed() { backward.add(b) }
        // The first name with that hash is the first with those bytes, unless the hash is another
        // cut's too: then every name is read.
        func first(_ table: [NameHash: Int], _ hash: NameHash, _ holds: (Int) -> Bool) -> Int? {
            guard let n = table[hash] else { return nil }
            return holds(n) ? n : names.indices.first(where: holds)
        }
        let start = first(starts, forward) { n in
            let long = lowers[n].utf8
            return long.count > bytes.count && long.starts(with: bytes) && long.dropFirst(bytes.count).first == 0x20
        }
        let end = first(ends, backward) { n in
            let long = lowers[n].utf8
            return long.count > bytes.count && long.reversed().starts(with: bytes.reversed())
                && long.dropLast(bytes.count).last == 0x20
        }
        return [start, end].compactMap { $0 }.min().map { names[$0] }
    }

    /// The first earlier name with this quoted part.
    func quoted(_ part: String) -> String? { quotedParts[WordKey(part)].map { names[$0] } }
}

/// FNV-1a of a byte string, as a dictionary key that hashes as itself.
struct NameHash: Hashable {
    private var value = FNV1a()

    mutating func add(_ byte: UInt8) { value.add(UInt64(byte)) }

    static func == (a: NameHash, b: NameHash) -> Bool { a.value.value == b.value.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value.value) }
    func _rawHashValue(seed: Int) -> Int { Int(truncatingIfNeeded: value.value ^ UInt64(truncatingIfNeeded: seed)) }
}
