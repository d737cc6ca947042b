/// `glossaries/organizations.tsv` (bodies with their names and acronyms in Kyrgyz, Russian
/// and English) and `glossaries/org-heads.tsv` (the nouns that head an organization's
/// name, and legal forms).
public struct OrganizationGlossary: Sendable {
    public struct Organization: Sendable, Equatable {
        public let id: String
        public let kind: String
        /// The ISO code of the country it belongs to (`KG`), or empty for an international body.
        public let country: String
        /// Names by language (`ky`, `ru`, `en`), the first being the current full name.
        public let names: [String: [String]]
        /// Acronyms by language.
        public let acronyms: [String: String]

        /// The full name to show for a mention in `language`, falling back to Russian, English, Kyrgyz.
        public func name(in language: String) -> String? {
            for lang in [language, "ru", "en", "ky"] { if let n = names[lang]?.first { return n } }
            return nil
        }

        /// The language whose names list `name`, the text's `language` first, then in
        /// `name(in:)`'s order: a name written alike in two languages (`New York Times`, `ЮНИСЕФ`)
        /// takes the same language, and so the same acronym, on every run.
        public func language(of name: String, preferring language: String) -> String? {
            [language, "ru", "en", "ky"].first { names[$0]?.contains(name) == true }
        }
    }

    /// A name as matched: which organization, and which of its names.
    public struct NameRef: Sendable {
        public let organization: Organization
        public let name: String
    }

    public static let kinds: Set<String> = [
        "state_body", "parliament", "ministry", "agency", "city_hall", "court", "prosecutor", "university",
        "international", "donor", "news_agency", "ngo", "company", "other",
    ]
    public static let columns = ["id", "kind", "country", "ky", "ru", "en", "acronym_ky", "acronym_ru", "acronym_en"]

    public private(set) var index = NameIndex<NameRef>()
    /// Mixed-case acronyms by their capitals (`ОШТУ` → `ОшТУ`), for pages that set them in capitals.
    public private(set) var upperAcronyms: [String: String] = [:]
    /// Organizations by id, for a body known by its role (the city hall of a city: `bishkek-city-hall`).
    public private(set) var byID: [String: Organization] = [:]
    /// Acronyms exactly as written (`ЮНИСЕФ`, `ПРООН`, `USAID`, `Минсельхоз`).
    public private(set) var acronyms = WordMap<[(organization: Organization, language: String)]>()
    /// The first three letters of the mixed-case acronyms (`Минздрав`, `ОшГУ`), packed in one
    /// integer (`startKey`): a word that starts otherwise is not tried for a case ending.
    private var mixedCaseStarts: Set<UInt64> = []
    /// Kyrgyz head nouns of names in lower case, dictionary and possessive forms (`министрлик`, `министрлиги`).
    public private(set) var kyrgyzHeads: WordSet = []
    /// Russian head nouns by stem, with their dictionary form (`министерств` → `министерство`).
    public private(set) var russianHeads = WordMap<String>()
    /// Nouns that head a name only beside a quoted name: Kyrgyz after it (`«Аура» тобу`), Russian
    /// before it (`ансамбль «Сувенир»`); alone they are common nouns (`үйү`, a house).
    public private(set) var kyrgyzQuotedHeads: WordSet = []
    public private(set) var russianQuotedHeads = WordMap<String>()
    /// Legal forms, as written (`ОсОО`, `КБ`, `коомдук бирикмеси`, `общественный фонд`).
    public private(set) var legalForms = WordMap<String>()
    /// The legal forms of several words, longest first (`коомдук бирикмеси` before `коомдук бирикме`),
    /// with each word's Russian stem, to match their case forms (`общественного фонда`).
    public private(set) var legalFormPhrases: [(form: String, words: [String], stems: [String])] = []
    /// The first words of those phrases, and their stems: a word that is neither starts none.
    public private(set) var legalFormPhraseStarts: WordSet = []
    /// `kyrgyzHeads` and the keys of `russianHeads` in bit tables: the rules ask them about every
    /// word, and most words are no head (`WordFilter`).
    private(set) var kyrgyzHeadFilter = WordFilter()
    private(set) var russianHeadFilter = WordFilter()
    /// The words a name of `index` starts with: most words of a text start none, and the rules
    /// ask at every word (`OrganizationRules.glossaryName`).
    private(set) var nameStartFilter = WordFilter()
    /// The first halves of the compound heads' stems (`дом` of `дом-муз`): a compound's stem is
    /// its halves' stems, and a stem starts the (lower-case, ё-folded) word it comes from, so a
    /// word that starts with none of these is no compound head, and its stem need not be made.
    private(set) var compoundHeadStarts: [String] = []
    /// The first two scalars of every key of `acronyms` and `upperAcronyms`, in a bit table: a word
    /// that starts otherwise names no acronym (`acronym(_:)`), and most capitalized words do.
    private var acronymStarts = [UInt64](repeating: 0, count: 128)
    /// A key of one scalar turns that table off.
    private var shortAcronym = false

    public init(organizations table: TSVTable, heads: TSVTable) throws {
        var ids: Set<String> = []
        for row in table.rows {
            let id = row["id"]
            guard !id.isEmpty, ids.insert(id).inserted else {
                throw GlossaryError(
                    file: table.name, line: row.line, message: id.isEmpty ? "empty id" : "duplicate id `\(id)`")
            }
            guard Self.kinds.contains(row["kind"]) else {
                throw GlossaryError(
                    file: table.name, line: row.line,
                    message: "unknown kind `\(row["kind"])` (one of: \(Self.kinds.sorted().joined(separator: ", ")))")
            }
            var names: [String: [String]] = [:]
            var acr: [String: String] = [:]
            for lang in ["ky", "ru", "en"] {
                // Split on bytes: splitting by Character ran grapheme breaking over every name.
                names[lang] = row[lang].utf8.split(separator: UInt8(ascii: "|")).map { String(Substring($0)) }.filter {
                    !$0.isEmpty
                }
                let a = row["acronym_\(lang)"]
                if !a.isEmpty { acr[lang] = a }
            }
            guard names.values.contains(where: { !$0.isEmpty }) else {
                throw GlossaryError(file: table.name, line: row.line, message: "no name in ky, ru or en")
            }
            let org = Organization(id: id, kind: row["kind"], country: row["country"], names: names, acronyms: acr)
            byID[id] = org
            for (_, list) in names { for n in list { index.add(n, NameRef(organization: org, name: n)) } }
            for (lang, a) in acr {
                for variant in a.split(separator: "|") {
                    acronyms[String(variant), default: []].append((org, lang))
                    addAcronymStart(String(variant))
                    // `ОШТУда` written in capitals finds `ОшТУ`.
                    if String(variant).uppercased() != String(variant) {
                        upperAcronyms[String(variant).uppercased()] = String(variant)
                        addAcronymStart(String(variant).uppercased())
                    }
                    let scalars = Array(variant.unicodeScalars)
                    if scalars.count > 3, scalars.dropFirst().contains(where: \.isLowercase) {
                        mixedCaseStarts.insert(Self.startKey(scalars[0], scalars[1], scalars[2]))
                    }
                }
            }
        }
        nameStartFilter = WordFilter(index.startingWords, log2Bits: 17)
        for row in heads.rows {
            let word = row["word"]
            switch (row["lang"], row["type"]) {
            case ("ky", "head"):
                kyrgyzHeads.insert(word.lowercased())
                kyrgyzHeadFilter.insert(word.lowercased())
            case ("ru", "head"):
                let stem = RussianMorphology.stem(word)
                russianHeads[stem] = word.lowercased()
                russianHeadFilter.insert(stem)
                if word.contains("-") {
                    let compound = RussianMorphology.compoundStem(word)
                    russianHeads[compound] = word.lowercased()
                    russianHeadFilter.insert(compound)
                    compoundHeadStarts.append(String(compound.split(byte: "-", omittingEmptySubsequences: false)[0]))
                }
            case ("ky", "quoted_head"): kyrgyzQuotedHeads.insert(word.lowercased())
            case ("ru", "quoted_head"): russianQuotedHeads[RussianMorphology.stem(word)] = word.lowercased()
            case (_, "legal_form"): legalForms[word] = row["lang"]
            case (let lang, let type):
                throw GlossaryError(
                    file: heads.name, line: row.line,
                    message: "unknown lang/type `\(lang)`/`\(type)` (ky or ru; head, quoted_head or legal_form)")
            }
        }
        legalFormPhrases = legalForms.keys.filter { $0.contains(" ") }.sorted { ($0.count, $0) > ($1.count, $1) }.map {
            form in
            let words = form.split(separator: " ").map(String.init)
            return (form, words, words.map(RussianMorphology.stem))
        }
        for (_, words, stems) in legalFormPhrases {
            legalFormPhraseStarts.insert(words[0])
            legalFormPhraseStarts.insert(stems[0])
        }
    }

    /// The organizations an acronym token names: as written, or with a Kyrgyz suffix
    /// (`ЮНИСЕФтин`), or a Russian case ending (`Минздрава`). Returns the acronym as written
    /// without the suffix.
    public func acronym(_ token: String) -> (
        acronym: String, matches: [(organization: Organization, language: String)]
    )? {
        // Every try below looks up a start of `token` of two scalars or more.
        if !shortAcronym, let bit = Self.startBit(token), acronymStarts[bit >> 6] & (1 << UInt64(bit & 63)) == 0 {
            return nil
        }
        if let m = acronyms[token] { return (token, m) }
        // The capitals a suffix follows (`ЮНИСЕФ` of `ЮНИСЕФтин`) are looked up before the rest is
        // checked to be a suffix, which costs more: most words in capitals are no known acronym.
        if let capitals = Self.leadingCapitals(token), acronyms[capitals] != nil || upperAcronyms[capitals] != nil,
            let head = KyrgyzMorphology.acronym(of: token)
        {
            if let m = acronyms[head] { return (head, m) }
            if let mixed = upperAcronyms[head], let m = acronyms[mixed] { return (head, m) }
        }
        // One pass over the scalars decides the two tries below; most capitalized words take
        // neither, and no array or string is made for them.
        var count = 0, lastCapital = -1, firstUpper = false, lowerAfterFirst = false
        var start: UInt64 = 0  // `startKey` of the first three scalars
        for u in token.unicodeScalars {
            if u.isUppercase { lastCapital = count }
            if count == 0 { firstUpper = u.isUppercase } else if u.isLowercase { lowerAfterFirst = true }
            if count < 3 { start = start << 21 | UInt64(u.value) }
            count += 1
        }
        // A mixed-case acronym with a Kyrgyz suffix after its last capital: `ОшМУнун`, `ОшТУда`.
        if lastCapital >= 2, lastCapital + 1 < count {
            let scalars = Array(token.unicodeScalars)
            if KyrgyzMorphology.suffixChains.contains(String(scalars: scalars[(lastCapital + 1)...])) {
                let head = String(scalars: scalars[...lastCapital])
                if let m = acronyms[head] { return (head, m) }
            }
        }
        // A mixed-case acronym with a short ending (`Минздрава`, `КыргызПатенттин`): starts upper, has lower.
        guard count > 4, firstUpper, lowerAfterFirst, mixedCaseStarts.contains(start) else { return nil }
        let scalars = Array(token.unicodeScalars)
        for k in [1, 2] where scalars.count > k + 3 {
            let head = String(scalars: scalars.dropLast(k))
            if let m = acronyms[head], head.unicodeScalars.dropFirst().contains(where: \.isLowercase) {
                return (head, m)
            }
        }
        return nil
    }

    /// The capitals that `KyrgyzMorphology.acronym(of:)` would return for `token` when the rest is
    /// a suffix: two or more, and not the whole word.
    private static func leadingCapitals(_ token: String) -> String? {
        // Stops at the first small letter: most words have one capital.
        var k = 0
        for u in token.unicodeScalars {
            guard u.isUppercase else { break }
            k += 1
        }
        guard k >= 2, k < token.unicodeScalars.count else { return nil }
        return String(scalars: token.unicodeScalars.prefix(k))
    }

    private mutating func addAcronymStart(_ key: String) {
        guard let bit = Self.startBit(key) else { shortAcronym = true; return }
        acronymStarts[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// A string's bit in `acronymStarts`, from its first two scalars; nil for a shorter string.
    private static func startBit(_ s: String) -> Int? {
        var u = s.unicodeScalars.makeIterator()
        guard let a = u.next(), let b = u.next() else { return nil }
        let key = UInt64(a.value) << 21 | UInt64(b.value)
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 51)  // the top 13 bits
    }

    /// Three scalars (21 bits each) in one integer.
    private static func startKey(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 42 | UInt64(b.value) << 21 | UInt64(c.value)
    }
}
