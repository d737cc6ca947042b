/// Persons and their roles. Names: a known given name and a surname (`Бекболот БЕКИЕВ`,
/// `Асель Жумабаева`, `Нурлан Абдыкалык уулу`), initials and a surname (`А.Т. Мамытов`,
/// `Турдубаев К.Б.`), surname first with a patronymic (`Омурбеков Таалайбек Сыргакович`),
/// and inflected Russian forms (`Алайчиевым Бактыбеком`). `name` is "Given Surname" in the
/// nominative with normal capitals, the patronymic dropped, initials first.
///
/// The role is the phrase next to the name that ends (Kyrgyz) or starts (Russian) with a role
/// word: `Долбоордун жетекчиси Бекболот БЕКИЕВ`, `руководитель проекта Марина Кузнецова`,
/// `Асанов, председатель …`. Eponyms (`Токтогул Сатылганов атындагы`, `им. И. Раззакова`) and
/// streets are not persons.
public struct PersonRecognizer: Recognizer {
    public let name = "person"
    let people: PersonGlossary
    let places: PlaceGlossary
    let organizationGlossary: OrganizationGlossary

    public init(glossaries: Glossaries) {
        self.people = glossaries.people
        self.places = glossaries.places
        self.organizationGlossary = glossaries.organizations
    }

    struct Found {
        var first: Int
        var last: Int
        var name: String
    }

    public func recognize(_ document: inout Document) {
        let tokens = document.words
        let claimed = SpanIndex(document.entities.lazy.filter { $0.kind != .organization }.map(\.span))
        let organizations = SpanIndex(document.entities.lazy.filter { $0.kind == .organization }.map(\.span))
        let names = PersonNames(tokens: tokens, people: people, places: places)
        var found: [Found] = []
        // The worker's memo, taken out of the lexicon while it grows so that it is not copied.
        var memo = PersonMemo()
        swap(&memo, &document.lexicon.persons)
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind == .word, tokens[i].isCapitalized || tokens[i].isAllCaps,
                !claimed.overlaps(tokens[i].span),
                !organizations.contains(tokens[i].span),
                let f = names.person(at: i, memo: &memo), !names.isEponymOrStreet(f.first, f.last),
                !claimed.overlaps(Span(tokens[f.first].span.start, tokens[f.last - 1].span.end))
            else {
                i += 1; continue
            }
            found.append(f)
            i = f.last
        }
        swap(&memo, &document.lexicon.persons)
        var inPerson = [Bool](repeating: false, count: tokens.count)
        for f in found { for k in f.first..<f.last { inPerson[k] = true } }
        let roles = RoleFinder(
            tokens: tokens, people: people, organizations: organizations, inPerson: inPerson, text: document.text,
            kyrgyz: OrganizationRules(tokens: tokens, glossary: organizationGlossary, people: people, places: places))
        // A later mention by surname alone (`Асанов, председатель …`) is the same person.
        var known: [String: String] = [:]
        var mentions: [(span: Span, name: String, role: String?, surname: String)] = []
        for f in found {
            let surname = Self.surnameKey(f.name)
            var name = f.name
            if let first = known[surname] {
                if Self.sameGivenName(first, f.name) { name = first }
            } else {
                known[surname] = name
            }
            let language = document.segmentation.block(at: tokens[f.first].span.start)?.language ?? document.language
            let role =
                roles.role(before: f.first, language: language)
                ?? roles.sharedPluralRole(before: f.first)
                ?? roles.role(after: f.last, listEntry: names.startsLine(f.first), language: language)
            var end = tokens[f.last - 1].span.end
            var personName = name
            // A photo credit glued to the caption after it: `Султан ДосалиевКыргызстан`.
            if let cut = Self.gluedCapital(tokens[f.last - 1].text) {
                let tail = tokens[f.last - 1].text.unicodeScalars.count - cut
                end -= tail
                // The name's last word is that token's: keep its first `cut` letters.
                var words = personName.split(separator: " ").map(String.init)
                if let last = words.last {
                    words[words.count - 1] = String(String.UnicodeScalarView(last.unicodeScalars.prefix(cut)))
                }
                personName = words.joined(separator: " ")
            }
            mentions.append((Span(tokens[f.first].span.start, end), personName, role, surname))
        }
        // A person's role is theirs at every mention: one named first in a headline and introduced
        // later (`«Жети күн», Кубат Чекиров: …` … `редактору Кубат Чекиров`) has it at both.
        var roleOf: [String: String] = [:]
        for m in mentions where roleOf[m.surname] == nil { roleOf[m.surname] = m.role }
        for m in mentions {
            document.add(.person, m.span, .person(name: m.name, role: m.role ?? roleOf[m.surname]))
        }
    }
}

extension PersonRecognizer {
    /// Whether a later mention of a surname already met names the same person: the surname
    /// alone, or a given name (or initial) with the first one's first letter. `Бакыт Асанов`
    /// after `Марат Асанов` is another person, of the same family.
    static func sameGivenName(_ first: String, _ later: String) -> Bool {
        let a = first.split(separator: " "), b = later.split(separator: " ")
        guard b.count > 1, a.count > 1 else { return true }
        return a[0].first.map { String($0).lowercased() } == b[0].first.map { String($0).lowercased() }
    }

    /// What tells one person from another by name: the surname's first five letters, or with
    /// `уулу`/`кызы` the father's name and that word (`Акматбек Султан уулу` is not `Мамбеттокто
    /// Мамбеторозо уулу`).
    /// Kyrgyz letters fold to the Russian spelling of the same name (`Өмүрбек`, `Омурбек`).
    static func surnameKey(_ name: String) -> String {
        let lower = name.fastLowercased()  // `lowercased()` cost some 11,000 instructions a name
        if let key = simpleSurnameKey(lower) { return key }
        let folded = String(lower.map { c -> Character in c == "ө" ? "о" : c == "ү" ? "у" : c == "ң" ? "н" : c })
        let words = folded.split(separator: " ").map(String.init)
        guard let last = words.last else { return "" }
        if ["уулу", "кызы"].contains(last), words.count >= 2 { return words[words.count - 2] + " " + last }
        return String(last.prefix(5))
    }

    /// Where a capital follows a surname's lower-case ending inside a word (`ДосалиевКыргызстан`
    /// → 8): two words glued together, the second starting there.
    static func gluedCapital(_ word: String) -> Int? {
        let u = Array(word.unicodeScalars)
        guard u.count > 5 else { return nil }
        for k in 3..<(u.count - 2)
        where u[k].properties.isUppercase && u[k - 1].properties.isLowercase
            && (0x0400...0x04FF).contains(u[k].value) && (0x0400...0x04FF).contains(u[k - 1].value)
        {
            // Only after a surname's ending: `Досалиев|Кыргызстан`, not `Мак|Клейн`.
            let prefix = String(String.UnicodeScalarView(u[..<k])).lowercased()
            return SurnameEnding.matches(prefix, .marksSurname) ? k : nil
        }
        return nil
    }
}

/// How names are read from tokens.
struct PersonNames {
    let tokens: [NameToken]
    let people: PersonGlossary
    let places: PlaceGlossary

    static let patronymicEndings = ["ович", "евич", "овна", "евна", "ична", "инична", "ич"]

    /// `уулу`, `кызы` in any case form (`уулунун`, `кызына`), as written in a name.
    static func patronymWord(_ lower: String) -> String? {
        if lower.startsWith("уулу") { return "уулу" }
        if lower.startsWith("кызы") { return "кызы" }
        return nil
    }

    func isName(_ k: Int) -> Bool {
        k < tokens.count && tokens[k].kind == .word && (tokens[k].isCapitalized || tokens[k].isAllCaps)
            && !tokens[k].newlineBefore
    }

    func isPatronymic(_ t: NameToken) -> Bool { Self.patronymicEndings.contains { t.lower.endsWith($0) } }

    /// `А.Т.`, `К.`, `С.Н.`: initials starting at `k`, and the index after them.
    func initials(at k: Int) -> (String, Int)? {
        var j = k
        var letters: [String] = []
        // One scalar is four bytes at most: counting the scalars of every word cost some 350
        // instructions a name.
        while j + 1 < tokens.count, tokens[j].kind == .word, tokens[j].text.utf8.count <= 4,
            tokens[j].text.unicodeScalars.count == 1,
            tokens[j].isCapitalized, tokens[j + 1].is(".")
        {
            letters.append(tokens[j].text)
            j += 2
            // Four are already too many: stop before reading a whole page of `А.Б. В.` from here.
            if letters.count > 3 { return nil }
        }
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        return (letters.map { $0 + "." }.joined(), j)
    }

    /// The person whose name starts at token `i`.
    func person(at i: Int, memo: inout PersonMemo) -> PersonRecognizer.Found? {
        let t = tokens[i]
        // Initials and a surname: А.Т. Мамытов, С.Н.Жапарова. Not a unit after a number that
        // ends a sentence (`до 10 G. Из-за …`).
        if let (ini, j) = initials(at: i),
            isName(j) || (j < tokens.count && tokens[j].kind == .word && tokens[j].isCapitalized),
            i == 0 || tokens[i - 1].kind != .number
        {
            guard looksLikeSurname(j, &memo) || givenName(j, &memo) == nil else { return nil }
            return .init(first: i, last: j + 1, name: ini + " " + nominative(tokens[j], female: nil))
        }
        // A father's name with уулу/кызы: Жамила Өмүрбек кызы, even when the given name is new to us.
        if isName(i + 1), i + 2 < tokens.count, let patronym = Self.patronymWord(tokens[i + 2].lower), !t.isAllCaps {
            return .init(
                first: i, last: i + 3,
                name: capitalized(t.text) + " " + capitalized(tokens[i + 1].text) + " " + patronym)
        }
        // Surname first: Омурбеков Таалайбек Сыргакович; Турдубаев К.Б. (an all-caps surname has
        // four letters or more and is no known place: not `КР Эркин`).
        if looksLikeSurname(i, &memo), givenName(i, &memo) == nil,
            !t.isAllCaps || (t.text.unicodeScalars.count >= 4 && places.index.exact(t.lower).isEmpty)
        {
            if let (ini, j) = initials(at: i + 1) {
                return .init(first: i, last: j, name: ini + " " + nominative(t, female: nil))
            }
            if isName(i + 1), let given = givenName(i + 1, &memo) {
                var last = i + 2
                if isName(last), isPatronymic(tokens[last]) { last += 1 }
                // An inflected given name needs an inflected surname: `Алайчиевым Бактыбеком`.
                let obliqueSurname = SurnameEnding.matches(t.lower, .oblique)
                guard last == i + 3 || !given.inflected || obliqueSurname else { return nil }
                let grammaticalCase = caseOf(tokens[i + 1], given)
                if given.inflected && obliqueSurname && last == i + 2 {
                    // A woman's surname declines in -ой/-у (`Ивановой Людмилы`): `-ова` before her
                    // oblique name is a man's genitive or a noun (`Вдова Людмилы Марковны`).
                    if given.sex == .f, SurnameEnding.matches(t.lower, .masculineGenitive) {
                        return nil
                    }
                    return .init(
                        first: i, last: last,
                        name: capitalized(given.name) + " "
                            + nominative(t, female: given.sex == .f, inflected: true, case: grammaticalCase))
                }
                // A list entry: `Асанов Марат - заместитель главы …`, `Участники: Иманкулов Азамат директор …`.
                let dash =
                    last + 1 < tokens.count && ["-", "–", "—"].contains(tokens[last].text) && roleAfterDash(last)
                let listEntry =
                    last == i + 2 && !given.inflected && last < tokens.count
                    && (dash || (startsLine(i) && people.isRoleWord(tokens[last]) && !tokens[last].isCapitalized))
                if last == i + 3 || t.isAllCaps || listEntry {
                    return .init(
                        first: i, last: last,
                        name: capitalized(given.name) + " "
                            + nominative(t, female: given.sex == .f, inflected: given.inflected, case: grammaticalCase))
                }
            }
        }
        // Given name and surname: Бекболот БЕКИЕВ, Асель Жумабаева, Нурлан Абдыкалык уулу, Бактыбеком Алайчиевым
        if let given = givenName(i, &memo), isName(i + 1) {
            let s = tokens[i + 1]
            if i + 2 < tokens.count, let patronym = Self.patronymWord(tokens[i + 2].lower) {
                return .init(
                    first: i, last: i + 3, name: capitalized(t.text) + " " + capitalized(s.text) + " " + patronym)
            }
            // Two given names in a row are a name and a father's name only with уулу/кызы.
            if givenName(i + 1, &memo) != nil && !looksLikeSurname(i + 1, &memo) {
                // Foreign three-part names (Ли Мин Чжун) are left to the glossary of given names.
                return nil
            }
            var last = i + 2
            if isName(last), isPatronymic(tokens[last]) { last += 1 }
            // Foreign names: Ли Мин Чжун, Такаси Мори: the rest of the capitalized run.
            while last < i + 3, isName(last), !looksLikeSurname(i + 1, &memo),
                tokens[last].text.unicodeScalars.count <= 5,
                givenName(last, &memo) == nil
            { last += 1 }
            let surname =
                last > i + 2 && !isPatronymic(tokens[last - 1])
                ? (i + 1..<last).map { capitalized(tokens[$0].text) }.joined(separator: " ")
                : PersonName.nominativePatronymic(capitalized(s.text))  // `Анне Сергеевне`, the surname after it
                    ?? nominative(s, female: given.sex == .f, inflected: given.inflected, case: caseOf(t, given))
            return .init(first: i, last: last, name: capitalized(given.name) + " " + surname)
        }
        // Korean and Chinese names after a role: `координатор … Ли Мин Чжун`, `директору Пак Жи Хун`.
        if (i + 2..<i + 3).allSatisfy({ isName($0) }),
            (i...i + 2).allSatisfy({
                tokens[$0].text.unicodeScalars.count <= 4 && !tokens[$0].isAllCaps
                    && givenName($0, &memo) == nil
            }),
            (max(0, i - 7)..<i).contains(where: { people.isRoleWord(tokens[$0]) }),
            places.index.longestMatch(tokens, at: i) == nil
        {
            return .init(
                first: i, last: i + 3, name: (i...i + 2).map { capitalized(tokens[$0].text) }.joined(separator: " "))
        }
        // An unknown given name before a clear surname: Гүлбарчын Сатиева, Чаткалбай Райымбаевдин.
        if !t.isAllCaps, isName(i + 1), isClearSurname(i + 1, &memo),
            !tokens[i + 1].isAllCaps, KyrgyzMorphology.acronym(of: tokens[i + 1].text) == nil,
            places.index.longestMatch(tokens, at: i) == nil, places.index.longestMatch(tokens, at: i + 1) == nil,
            t.text.unicodeScalars.count >= 3
        {
            return .init(
                first: i, last: i + 2, name: capitalized(t.text) + " " + nominative(tokens[i + 1], female: nil))
        }
        return nil
    }

    /// A surname clear enough to make a name of an unknown word before it, also with a Kyrgyz
    /// case suffix (`Сатиева`, `Райымбаевдин`, `Мамасыдыковдун`).
    static func isClearSurname(_ lower: String) -> Bool {
        if SurnameEnding.matches(lower, .afterUnknownGiven) { return true }
        let length = lower.unicodeScalars.count
        return KyrgyzMorphology.stems(of: lower).dropFirst().contains {
            length - $0.unicodeScalars.count >= 2 && SurnameEnding.matches($0, .afterUnknownGiven)
        }
    }

    /// After the dash at `d`, a role: Russian head first (`- директор лицея`), or Kyrgyz head
    /// last before the entry ends (`- мектептин директору;`).
    func roleAfterDash(_ d: Int) -> Bool {
        var k = d + 1
        while k < tokens.count, k - d <= 10, !tokens[k].newlineBefore,
            tokens[k].kind == .word || tokens[k].is(",") || tokens[k].is("№")
        {
            if people.isRoleWord(tokens[k]) { return true }
            k += 1
        }
        return false
    }

    /// Token `k` opens a line or follows a colon: the start of a list entry.
    func startsLine(_ k: Int) -> Bool {
        tokens[k].newlineBefore || k == 0 || tokens[k - 1].is(":")
    }

    /// `Токтогул Сатылганов атындагы`, `им. И. Раззакова`, `имени Суюмбаева`, `ул. Фрунзе`,
    /// `Алымбек Датка этнографиялык багы` (a park, after at most one word).
    func isEponymOrStreet(_ first: Int, _ last: Int) -> Bool {
        if last < tokens.count, Self.eponymAfter.contains(tokens[last].lower) { return true }
        for k in last..<min(tokens.count, last + 2) where tokens[k].kind == .word && !tokens[k].isCapitalized {
            if Self.landmarkAfterName.contains(where: { tokens[k].lower.startsWith($0) }) { return true }
        }
        var k = first - 1
        if k >= 0, tokens[k].is(".") { k -= 1 }
        return k >= 0 && Self.eponymBefore.contains(tokens[k].lower)
    }

    /// Words after a person's name that make it a landmark's (`… атындагы`, `… көчөсү`).
    static let eponymAfter: WordSet = ["атындагы", "көчөсү", "көчөсүндө", "проспектиси", "проспектисинде"]
    /// Words before a person's name that make it a landmark's (`им.`, `улица …`).
    static let eponymBefore: WordSet = [
        "им", "имени", "ул", "пр", "просп", "улица", "улице", "проспект", "проспекте",
    ]

    /// Kyrgyz landmark words that follow the person a landmark is named after.
    static let landmarkAfterName = [
        "багы", "багын", "паркы", "паркын", "аянты", "аянтын", "эстелиг", "музейи", "музейин",
    ]
}
