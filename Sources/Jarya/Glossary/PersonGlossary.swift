/// `glossaries/given-names.tsv` and `glossaries/roles.tsv`: what the person recognizer
/// needs to tell a name from a word and to find a person's role.
public struct PersonGlossary: Sendable {
    public enum Sex: String, Sendable { case m, f }
    /// A given name as `givenName` finds it: the nominative, the sex, and whether the word was
    /// an oblique form of it.
    public typealias GivenName = (name: String, sex: Sex, inflected: Bool)

    /// Given names in lower case, with their sex.
    public private(set) var givenNames = WordMap<Sex>()
    /// Role words and phrases by language, in lower case (`министр`, `орун басары`, `руководитель проекта`).
    public private(set) var roles: [String: Set<String>] = ["ky": [], "ru": []]
    /// The head word of every role phrase, to find roles quickly.
    public private(set) var roleHeads: WordSet = []
    public private(set) var longestRole = 1
    /// Role heads by language, to tell a Kyrgyz role (`орун басары`) from a Russian one.
    public private(set) var kyrgyzRoleHeads: WordSet = []
    public private(set) var russianRoleHeads: WordSet = []
    /// Russian role heads by stem (`руководител` → `руководитель`).
    private var roleHeadStems = WordMap<String>()

    /// A person news names by the surname alone (`known-persons.tsv`): the full name, in Russian and Kyrgyz.
    public struct KnownPerson: Sendable, Equatable {
        public var ru: String
        public var ky: String
        /// The surname in lower case, as tokens fold it.
        public var surname: String
    }

    /// The well-known persons whose surname no other row has.
    public private(set) var knownPersons: [KnownPerson] = []
    /// Their indexes by the hash of the surname's first three letters: a word is compared only
    /// with these, and most words, whose opening no surname has, with none.
    private var knownByOpening: [UInt64: [Int]] = [:]

    public init(names: TSVTable, roles table: TSVTable, known: TSVTable? = nil) throws {
        for row in names.rows {
            guard let sex = Sex(rawValue: row["sex"]) else {
                throw GlossaryError(
                    file: names.name, line: row.line, message: "sex must be m or f, not `\(row["sex"])`")
            }
            guard !row["name"].isEmpty else {
                throw GlossaryError(file: names.name, line: row.line, message: "empty name")
            }
            givenNames[row["name"].foldedLowercase()] = sex  // as tokens fold them: Артём → артем
        }
        for row in table.rows {
            let lang = row["lang"]
            guard roles[lang] != nil else {
                throw GlossaryError(file: table.name, line: row.line, message: "lang must be ky or ru, not `\(lang)`")
            }
            let role = row["role"].foldedLowercase()
            guard !role.isEmpty else { throw GlossaryError(file: table.name, line: row.line, message: "empty role") }
            roles[lang]!.insert(role)
            let words = role.split(separator: " ")
            longestRole = max(longestRole, words.count)
            // The head of a role: last in Kyrgyz (`министрдин орун басары`), the first noun in Russian
            // (`руководитель проекта`, `региональный директор`; not `регионального развития`). A
            // participle is a noun here (`заведующий отделом`).
            let head = String(
                lang == "ky"
                    ? words.last!
                    : words.first { w in
                        w != "и" && !(OrganizationRules.isAdjective(String(w)) && !w.hasSuffix("щий"))
                    } ?? words.first!)
            roleHeads.insert(head)
            if lang == "ky" { kyrgyzRoleHeads.insert(head) } else { russianRoleHeads.insert(head) }
            if lang == "ru" { roleHeadStems[RussianMorphology.stem(head)] = head }
        }
        if let known { try readKnownPersons(known) }
    }

    private mutating func readKnownPersons(_ table: TSVTable) throws {
        var rows: [KnownPerson] = [], count: [String: Int] = [:]
        for row in table.rows {
            let words = row["ru"].split(separator: " ")
            guard words.count >= 2, words.allSatisfy({ $0.first?.isUppercase == true || $0 == "де" }) else {
                throw GlossaryError(
                    file: table.name, line: row.line,
                    message: "`\(row["ru"])`: a given name and a surname, capitalized, are needed")
            }
            let surname = String(words.last!).foldedLowercase()
            guard !rows.contains(where: { $0.ru == row["ru"] }) else {
                throw GlossaryError(file: table.name, line: row.line, message: "`\(row["ru"])` is listed twice")
            }
            rows.append(KnownPerson(ru: row["ru"], ky: row["ky"].isEmpty ? row["ru"] : row["ky"], surname: surname))
            count[surname, default: 0] += 1
        }
        knownPersons = rows.filter { count[$0.surname] == 1 }
        for (k, p) in knownPersons.enumerated() {
            knownByOpening[TaggerInput.openingHash(p.surname, letters: 3), default: []].append(k)
        }
    }

    /// The well-known person whose surname `lower` is a form of, by `isForm` (a case form test).
    public func knownPerson(_ lower: String, isForm: (String, String) -> Bool) -> KnownPerson? {
        guard let candidates = knownByOpening[TaggerInput.openingHash(lower, letters: 3)] else { return nil }
        return candidates.lazy.map { knownPersons[$0] }.first { isForm(lower, $0.surname) }
    }

    /// Whether a lower-case word is a given name, in the nominative or, for Russian, an
    /// oblique case (`бактыбеком` → бактыбек).
    public func givenName(_ lower: String) -> GivenName? {
        if let s = givenNames[lower] { return (lower, s, false) }
        // Only the endings with the word's last letter are compared (most words have none).
        guard let last = lower.unicodeScalars.last else { return nil }
        let lasts = Self.obliqueLast
        for k in lasts.indices where lasts[k] == last {
            let (ending, restore) = Self.obliqueEndings[k]
            guard lower.endsWith(ending) else { continue }
            // The ending is a suffix of the bytes, so dropping its bytes drops its scalars.
            let base = String(Substring(lower.utf8.dropLast(ending.utf8.count))) + restore
            if let s = givenNames[base] { return (base, s, true) }
        }
        return nil
    }

    /// Russian case endings of given names, and what the nominative ends in instead. A woman's
    /// name in -а comes before a man's without it: `Марине`, `Кристине` are Марина's and
    /// Кристина's dative as a rule, not Марин's prepositional.
    static let obliqueEndings: [(ending: String, restore: String)] = [
        ("ом", ""), ("ем", ""), ("а", ""), ("у", ""), ("е", "а"), ("е", ""), ("ой", "а"), ("ы", "а"), ("ой", "я"),
        ("и", "я"),
        ("ю", "я"), ("ей", "я"), ("ым", ""),
        // Names in -й and -ь: `Андрея`, `Сергеем`, `Игорю`.
        ("я", "й"), ("ю", "й"), ("ем", "й"), ("е", "й"), ("я", "ь"), ("ю", "ь"), ("ем", "ь"), ("е", "ь"),
    ]

    /// The last letter of each oblique ending, compared before the whole ending.
    static let obliqueLast = obliqueEndings.map { $0.ending.unicodeScalars.last! }

    /// Whether a lower-case word is (a Kyrgyz or Russian case form of) a role word.
    public func isRoleWord(_ lower: String) -> Bool {
        roleWord(lower) != nil
    }

    /// The dictionary form of a role word (`вице-мэра` → `вице-мэр`, `директорунун` → `директору`).
    public func roleWord(_ lower: String) -> String? {
        let stem = RussianMorphology.stem(lower)
        return roleWord(lower, forms: Analyze.forms(of: lower, stem: stem), stem: stem)
    }

    /// The same, for a word whose forms the Analyze stage has computed.
    public func roleWord(_ token: NameToken) -> String? {
        guard token.kind == .word else { return nil }
        if token.forms.isEmpty { return roleWord(token.lower) }
        return roleWord(token.lower, forms: token.forms, stem: token.stem)
    }

    public func isRoleWord(_ token: NameToken) -> Bool { roleWord(token) != nil }

    private func roleWord(_ lower: String, forms: [String], stem: String) -> String? {
        if roleHeads.contains(lower) { return lower }
        if let k = forms.dropFirst().first(where: { roleHeads.contains($0) }) { return k }
        return roleHeadStems[stem]
    }
}
