import Foundation
import Jarya
import Testing

/// Builds TSV text from rows of cells (TAB-joined lines).
func tsv(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

/// The error a throwing expression raises, as a `GlossaryError`.
func glossaryError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> GlossaryError? {
    do {
        try body()
        Issue.record("no error was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let e as GlossaryError {
        return e
    } catch {
        Issue.record("not a GlossaryError: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

let placeHeader = PlaceGlossary.columns.joined(separator: "\t")
let organizationHeader = OrganizationGlossary.columns.joined(separator: "\t")

@Suite("Glossaries: the shipped files")
struct ShippedGlossaryTests {
    @Test("jarya glossary check passes on every shipped file")
    func checkPasses() {
        let results = GlossaryCheck.run()
        #expect(
            results.map(\.file) == [
                "date-words.tsv", "places.tsv", "organizations.tsv + org-heads.tsv", "event-words.tsv",
                "given-names.tsv + roles.tsv + known-persons.tsv",
            ])
        for (file, result) in results {
            if case .failure(let error) = result { Issue.record("\(file): \(error)") }
            if case .success(let rows) = result { #expect(rows > 0, "\(file)") }
        }
    }

    @Test("places: every region, all districts, at least 150 villages, every country")
    func placeSizes() {
        let places = Glossaries.forTests.places.places.values
        func count(_ kind: String, country: String? = "KG") -> Int {
            places.filter { $0.kind == kind && (country == nil || $0.country == country) }.count
        }
        #expect(count("region") >= 7)
        #expect(count("district") >= 40)
        #expect(count("city") >= 31, "Bishkek, Osh and the 29 towns")
        #expect(count("village") >= 150)
        #expect(count("country", country: nil) >= 190)
        let regions = Set(places.filter { $0.kind == "region" && $0.country == "KG" }.map(\.canonical))
        #expect(
            regions == [
                "Chuy Region", "Issyk-Kul Region", "Osh Region", "Jalal-Abad Region", "Naryn Region", "Talas Region",
                "Batken Region",
            ])
    }

    @Test("places: a world gazetteer, with every capital, Russia's subjects, US states and the neighbours' regions")
    func worldSizes() {
        let places = Glossaries.forTests.places.places.values
        func count(_ kind: String, _ country: String) -> Int {
            places.filter { $0.kind == kind && $0.country == country }.count
        }
        #expect(count("region", "RU") >= 80, "federal subjects and districts")
        #expect(count("region", "US") >= 45)
        #expect(count("region", "KZ") == 17)
        #expect(count("region", "UZ") == 13)
        #expect(places.filter { $0.kind == "city" && $0.country != "KG" }.count >= 350)
    }

    @Test(
        "places: foreign cities in releases and former names",
        arguments: [
            ("Алматы", "Almaty"), ("Ташкент", "Tashkent"), ("Москва", "Moscow"), ("Анкара", "Ankara"),
            ("Стамбул", "Istanbul"),
            ("Сеул", "Seoul"), ("Токио", "Tokyo"), ("Пекин", "Beijing"), ("Урумчи", "Urumqi"), ("Берлин", "Berlin"),
            ("Женева", "Geneva"), ("Душанбе", "Dushanbe"),
            ("Фрунзе", "Bishkek"), ("Пржевальск", "Karakol"), ("Рыбачье", "Balykchy"),
            ("Элиста", "Elista"), ("Гавана", "Havana"), ("Калифорния", "California"), ("Подмосковье", "Moscow Region"),
            ("Советский Союз", "Soviet Union"), ("Балтия", "Baltic States"),
        ])
    func namedPlaces(_ name: String, _ canonical: String) {
        #expect(Glossaries.forTests.places.index.lookup(name).map(\.canonical).contains(canonical), "\(name)")
    }

    @Test(
        "organizations: the donors, international bodies and news agencies the issue names",
        arguments: [
            "ПРООН", "UNDP", "БУУӨП", "ОБСЕ", "ЕККУ", "OSCE", "ЮНИСЕФ", "USAID", "JICA", "KOICA", "GIZ", "SECO", "ЕБРР",
            "АБР", "МВФ",
            "ОДКБ", "ШОС", "СНГ", "ЕАЭС", "ИИМ", "МВД", "ЖК", "БШК", "ЦИК",
        ])
    func knownAcronyms(_ acronym: String) {
        #expect(Glossaries.forTests.organizations.acronym(acronym) != nil, "\(acronym)")
    }

    @Test(
        "people: names written with ё in the glossary meet text words, which are folded (ё → е)",
        arguments: ["артем", "петр", "семен", "федор", "алена"])
    func givenNamesWithYo(_ folded: String) {
        // given-names.tsv spells them Артём, Пётр, Семён, Фёдор, Алёна.
        #expect(Glossaries.forTests.people.givenName(folded) != nil, "\(folded)")
    }

    @Test("people: at least 1500 given names of both sexes, and role words in both languages")
    func peopleSizes() {
        let people = Glossaries.forTests.people
        #expect(people.givenNames.count >= 1500)
        #expect(people.givenNames.values.filter { $0 == .m }.count >= 500)
        #expect(people.givenNames.values.filter { $0 == .f }.count >= 500)
        for role in [
            "министр", "орун басары", "төрага", "директор", "жетекчи", "башчы", "мэр", "аким", "өкүл", "эксперт",
            "координатор",
        ] {
            #expect(people.roles["ky"]?.contains(role) == true, "ky \(role)")
        }
        for role in [
            "министр", "заместитель", "председатель", "руководитель", "глава", "полпред", "представитель", "специалист",
        ] {
            #expect(people.roles["ru"]?.contains(role) == true, "ru \(role)")
        }
    }

    @Test("organization heads and legal forms from the issue are listed")
    func headsAndLegalForms() {
        let g = Glossaries.forTests.organizations
        for head in [
            "министрлиги", "агенттиги", "комитети", "кызматы", "мэриясы", "администрациясы", "кеңеши", "союзу",
            "институту",
            "академиясы", "университети", "борбору", "фонду", "бирикмеси", "уюму", "банкы",
        ] {
            #expect(g.kyrgyzHeads.contains(head), "ky head \(head)")
        }
        for form in ["коомдук бирикмеси", "КБ", "ЖЧК", "ОО", "ОсОО", "ОАО", "ЗАО", "ГП", "МП"] {
            #expect(g.legalForms[form] != nil, "legal form \(form)")
        }
    }
}

@Suite("Glossaries: TSV format and errors with line numbers")
struct TSVTableTests {
    @Test("comments, the header, rows with line numbers, cells by column name, CRLF")
    func parses() throws {
        let text = "# a comment\n# another\nid\tname\tnote\n\nbishkek\tБишкек\t\r\nosh\tОш\tsouth\r\n"
        let t = try TSVTable(name: "demo.tsv", text: text, required: ["id", "name"])
        #expect(t.header == ["id", "name", "note"])
        #expect(t.rows.map(\.line) == [5, 6])
        #expect(t.rows.map { $0["name"] } == ["Бишкек", "Ош"])
        #expect(t.rows[0]["note"] == "")
        #expect(t.rows[1]["note"] == "south")
        #expect(t.rows[0]["missing"] == "")
    }

    @Test("a file saved with CRLF line ends reads as with LF, and its errors have the same lines")
    func crlf() throws {
        let lf = "# c\nid\tname\nosh\tОш\nnaryn\tНарын\n"
        let t = try TSVTable(name: "crlf.tsv", text: lf.replacing("\n", with: "\r\n"), required: ["id", "name"])
        #expect(t.rows.map(\.line) == [3, 4])
        #expect(t.rows.map { $0["name"] } == ["Ош", "Нарын"])
        let e = glossaryError {
            _ = try TSVTable(name: "crlf.tsv", text: "id\tname\r\nosh\tОш\r\nnaryn\r\n", required: ["id"])
        }
        #expect(e?.line == 3)
    }

    @Test("cells saved with decomposed letters are read composed (NFC), as the text they are compared with")
    func decomposedCells() throws {
        // й as и + combining breve, ё as е + combining diaeresis.
        let t = try TSVTable(
            name: "nfd.tsv", text: "id\tname\nmai\tМаи\u{306}лы-Суу\nyo\tСе\u{308}лок\n", required: ["id", "name"])
        #expect(t.rows[0]["name"].unicodeScalars.map(\.value) == "Майлы-Суу".unicodeScalars.map(\.value))
        #expect(t.rows[1]["name"].unicodeScalars.map(\.value) == "Сёлок".unicodeScalars.map(\.value))
        // Byte comparison, as the recognizers do it, now finds them.
        #expect(Array(t.rows[0]["name"].utf8) == Array("Майлы-Суу".utf8))
    }

    @Test("a file saved with a byte-order mark (a spreadsheet's UTF-8 export) still has its first column")
    func byteOrderMark() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-bom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0xEF, 0xBB, 0xBF] + Array("id\tname\r\nosh\tОш\r\n".utf8)).write(
            to: dir.appendingPathComponent("bom.tsv"))
        let t = try GlossaryDirectory.table("bom.tsv", required: ["id", "name"], in: dir.path)
        #expect(t.rows.first?["id"] == "osh")
        #expect(t.rows.first?.line == 2)
    }

    @Test(
        "a row with a missing or an extra TAB is reported at its line",
        arguments: [
            ("bishkek\tБишкек", 2), ("bishkek\tБишкек\tcity\textra", 4),
        ])
    func wrongColumnCount(_ bad: String, _ cells: Int) {
        let text = "# places\n\nid\tname\tkind\nosh\tОш\tcity\n\(bad)\nnaryn\tНарын\tcity\n"
        let e = glossaryError { _ = try TSVTable(name: "demo.tsv", text: text, required: ["id"]) }
        #expect(e?.file == "demo.tsv")
        #expect(e?.line == 5)
        #expect(e?.message.contains("\(cells) cells") == true, "\(e?.message ?? "")")
        #expect(e?.message.contains("3 columns") == true, "\(e?.message ?? "")")
        #expect(e?.description.hasPrefix("demo.tsv:5: ") == true)
    }

    @Test("a header without a required column is reported at the header's line")
    func missingColumn() {
        let e = glossaryError {
            _ = try TSVTable(name: "demo.tsv", text: "# c\nid\tname\nosh\tОш\n", required: ["id", "kind"])
        }
        #expect(e?.line == 2)
        #expect(e?.message.contains("`kind`") == true)
    }

    @Test("a file of comments only has no header")
    func noHeader() {
        let e = glossaryError { _ = try TSVTable(name: "demo.tsv", text: "# only a comment\n", required: ["id"]) }
        #expect(e?.message.contains("no header") == true)
    }

    // MARK: places.tsv

    func placeTable(_ rows: [String]) throws -> TSVTable {
        try TSVTable(name: "places.tsv", text: tsv(["# test", placeHeader] + rows), required: PlaceGlossary.columns)
    }

    static let kyrgyzstan = "kyrgyzstan\tKyrgyzstan\tcountry\tKG\t\tКыргызстан\tКыргызстан\t"
    static let osh = "osh\tOsh\tcity\tKG\tkyrgyzstan\tОш\tОш\t"

    @Test("a small places table loads and its names are found in any case form")
    func placesLoad() throws {
        let g = try PlaceGlossary(
            table: placeTable([
                Self.kyrgyzstan, Self.osh,
                "chuy-region\tChuy Region\tregion\tKG\tkyrgyzstan\tЧүй облусу\tЧуйская область\t",
            ]))
        #expect(g.places.count == 3)
        #expect(g.places["osh"]?.parent == "kyrgyzstan")
        #expect(g.index.lookup("Чуйской области").map(\.id) == ["chuy-region"])
    }

    @Test(
        "places.tsv: an unknown kind, a duplicate id, an unknown parent, an empty canonical name, each at its line",
        arguments: [
            ("osh\tOsh\ttown\tKG\tkyrgyzstan\tОш\tОш\t", "unknown kind `town`"),
            ("kyrgyzstan\tKirghizia\tcountry\tKG\t\tКыргызстан\tКиргизия\t", "duplicate id `kyrgyzstan`"),
            ("osh\tOsh\tcity\tKG\tkyrgystan\tОш\tОш\t", "parent `kyrgystan`"),
            ("osh\t\tcity\tKG\tkyrgyzstan\tОш\tОш\t", "empty canonical"),
            ("\tOsh\tcity\tKG\tkyrgyzstan\tОш\tОш\t", "empty id"),
        ])
    func placeErrors(_ bad: String, _ message: String) throws {
        let table = try placeTable([Self.kyrgyzstan, "bishkek\tBishkek\tcity\tKG\tkyrgyzstan\tБишкек\tБишкек\t", bad])
        let e = glossaryError { _ = try PlaceGlossary(table: table) }
        #expect(e?.file == "places.tsv")
        #expect(e?.line == 5, "the bad row is the 5th line")
        #expect(e?.message.contains(message) == true, "\(e?.message ?? "")")
    }

    // MARK: organizations.tsv and org-heads.tsv

    static let heads = "lang\tword\ttype\nky\tминистрлиги\thead\nru\tминистерство\thead\nru\tОсОО\tlegal_form\n"
    static let health =
        "health\tministry\tKG\tСаламаттык сактоо министрлиги\tМинистерство здравоохранения\tMinistry of Health\tССМ\tМинздрав|МЗ\t"

    func organizationTable(_ rows: [String]) throws -> TSVTable {
        try TSVTable(
            name: "organizations.tsv", text: tsv([organizationHeader] + rows), required: OrganizationGlossary.columns)
    }

    @Test("a small organizations table loads; every acronym variant is known")
    func organizationsLoad() throws {
        let g = try OrganizationGlossary(
            organizations: organizationTable([Self.health]),
            heads: TSVTable(name: "org-heads.tsv", text: Self.heads, required: ["lang", "word", "type"]))
        #expect(g.acronym("Минздрава")?.acronym == "Минздрав")
        #expect(g.acronym("МЗ")?.matches.first?.organization.id == "health")
        #expect(g.acronym("ССМдин")?.acronym == "ССМ")
        #expect(g.kyrgyzHeads.contains("министрлиги"))
        #expect(g.legalForms["ОсОО"] == "ru")
    }

    @Test(
        "organizations.tsv: a duplicate id, an unknown kind, a row without a name, each at its line",
        arguments: [
            ("health\tagency\tKG\tССМ\t\t\t\t\t", "duplicate id `health`"),
            ("mvd\tpolice\tKG\tИчки иштер министрлиги\t\t\t\t\t", "unknown kind `police`"),
            ("nothing\tother\tKG\t\t\t\tX\t\t", "no name"),
        ])
    func organizationErrors(_ bad: String, _ message: String) throws {
        let heads = try TSVTable(name: "org-heads.tsv", text: Self.heads, required: ["lang", "word", "type"])
        let table = try organizationTable([Self.health, bad])
        let e = glossaryError { _ = try OrganizationGlossary(organizations: table, heads: heads) }
        #expect(e?.file == "organizations.tsv")
        #expect(e?.line == 3)
        #expect(e?.message.contains(message) == true, "\(e?.message ?? "")")
    }

    @Test("org-heads.tsv: an unknown type is reported at its line")
    func headErrors() throws {
        let heads = try TSVTable(
            name: "org-heads.tsv", text: Self.heads + "ky\tбирикмеси\tform\n", required: ["lang", "word", "type"])
        let e = glossaryError {
            _ = try OrganizationGlossary(organizations: organizationTable([Self.health]), heads: heads)
        }
        #expect(e?.file == "org-heads.tsv")
        #expect(e?.line == 5)
    }

    // MARK: given-names.tsv and roles.tsv

    static let roles = "lang\trole\tkind\nky\tжетекчиси\thead\nru\tруководитель проекта\thead\n"

    @Test("a small people table loads; given names are found in Russian oblique cases")
    func peopleLoad() throws {
        let g = try PersonGlossary(
            names: TSVTable(
                name: "given-names.tsv", text: "name\tsex\torigin\nБактыбек\tm\tky\nМарина\tf\tru\n",
                required: ["name", "sex", "origin"]),
            roles: TSVTable(name: "roles.tsv", text: Self.roles, required: ["lang", "role", "kind"]))
        #expect(g.givenName("бактыбеком")?.name == "бактыбек")
        #expect(g.givenName("марины")?.sex == .f)
        #expect(g.givenName("бишкек") == nil)
        #expect(g.isRoleWord("руководителя"))
        #expect(g.roleWord("жетекчисинин") == "жетекчиси")
    }

    @Test(
        "given-names.tsv: a sex other than m or f, an empty name, at their line",
        arguments: [
            ("Айгерим\tж\tky", "sex must be m or f"), ("\tf\tky", "empty name"),
        ])
    func nameErrors(_ bad: String, _ message: String) throws {
        let names = try TSVTable(
            name: "given-names.tsv", text: "# names\nname\tsex\torigin\nАзамат\tm\tky\n\(bad)\n",
            required: ["name", "sex", "origin"])
        let e = glossaryError {
            _ = try PersonGlossary(
                names: names, roles: TSVTable(name: "roles.tsv", text: Self.roles, required: ["lang", "role", "kind"]))
        }
        #expect(e?.file == "given-names.tsv")
        #expect(e?.line == 4)
        #expect(e?.message.contains(message) == true, "\(e?.message ?? "")")
    }

    // MARK: known-persons.tsv

    func known(_ rows: String) throws -> PersonGlossary {
        try PersonGlossary(
            names: TSVTable(
                name: "given-names.tsv", text: "name\tsex\torigin\nАзамат\tm\tky\n",
                required: ["name", "sex", "origin"]),
            roles: TSVTable(name: "roles.tsv", text: Self.roles, required: ["lang", "role", "kind"]),
            known: TSVTable(name: "known-persons.tsv", text: "ru\tky\n" + rows, required: ["ru", "ky"]))
    }

    @Test("known-persons.tsv: a surname finds its person in a case form; a surname two rows share finds none")
    func knownPersons() throws {
        let g = try known("Владимир Путин\t\nДжордж Буш\t\nЛора Буш\t\nОноре де Бальзак\t\n")
        #expect(g.knownPerson("путину", isForm: ModelRecognizer.isForm)?.ru == "Владимир Путин")
        #expect(g.knownPerson("бальзака", isForm: ModelRecognizer.isForm)?.ru == "Оноре де Бальзак")
        #expect(g.knownPerson("буш", isForm: ModelRecognizer.isForm) == nil)
        #expect(g.knownPerson("путинизм", isForm: ModelRecognizer.isForm) == nil)
    }

    @Test(
        "known-persons.tsv: a name without a surname, or listed twice, is reported at its line",
        arguments: [
            ("Путин\t\n", "a given name and a surname"), ("Владимир Путин\t\nВладимир Путин\t\n", "listed twice"),
        ])
    func knownPersonErrors(_ rows: String, _ message: String) throws {
        let e = glossaryError { _ = try known(rows) }
        #expect(e?.file == "known-persons.tsv")
        #expect(e?.message.contains(message) == true, "\(e?.message ?? "")")
    }

    @Test("roles.tsv: a language other than ky or ru is reported at its line")
    func roleErrors() throws {
        let names = try TSVTable(
            name: "given-names.tsv", text: "name\tsex\torigin\nАзамат\tm\tky\n", required: ["name", "sex", "origin"])
        let roles = try TSVTable(
            name: "roles.tsv", text: Self.roles + "en\tdirector\thead\n", required: ["lang", "role", "kind"])
        let e = glossaryError { _ = try PersonGlossary(names: names, roles: roles) }
        #expect(e?.file == "roles.tsv")
        #expect(e?.line == 4)
    }
}

@Suite("Glossaries: checking a folder")
struct GlossaryFolderTests {
    @Test("a copy with one broken places.tsv row fails on that file only, with the row's line")
    func brokenCopy() throws {
        let source = try #require(GlossaryDirectory.path)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-glossaries-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for file in try FileManager.default.contentsOfDirectory(atPath: source) where file.hasSuffix(".tsv") {
            try FileManager.default.copyItem(atPath: source + "/" + file, toPath: dir.appendingPathComponent(file).path)
        }
        let places = dir.appendingPathComponent("places.tsv")
        var lines = try String(contentsOf: places, encoding: .utf8).components(separatedBy: "\n")
        let k = try #require(lines.firstIndex { $0.hasPrefix("osh\t") })
        lines[k] = lines[k].components(separatedBy: "\t").dropLast().joined(separator: "\t")
        try lines.joined(separator: "\n").write(to: places, atomically: true, encoding: .utf8)

        let results = GlossaryCheck.run(directory: dir.path)
        #expect(results.count == 5)
        for (file, result) in results {
            switch result {
            case .success: #expect(file != "places.tsv")
            case .failure(let e):
                #expect(file == "places.tsv")
                #expect(e.line == k + 1)
                #expect(e.file.hasSuffix("places.tsv"))
            }
        }
    }

    @Test("a folder without the files reports each as unreadable")
    func emptyFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = GlossaryCheck.run(directory: dir.path)
        #expect(results.count == 5)
        #expect(results.allSatisfy { if case .failure = $0.result { true } else { false } })
    }
}
