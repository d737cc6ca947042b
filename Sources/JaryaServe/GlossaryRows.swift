import Foundation
import Jarya

/// Turns an addition (fields keyed by the TSV's column names) into the rows to append, after
/// the checks a person needs to hear about at once: the checker's own rules (kinds, ids, sex,
/// languages) run afterwards on the whole folder.
enum GlossaryRows {
    static let placeColumns = PlaceGlossary.columns
    static let organizationColumns = OrganizationGlossary.columns
    static let personColumns = ["name", "sex", "origin", "lang", "role", "kind"]
    static let roleKinds = ["head", "deputy", "member", "expert", "official", "other"]

    static func columns(_ kind: GlossaryKind) -> [String] {
        switch kind {
        case .places: return placeColumns
        case .organizations: return organizationColumns
        case .persons: return personColumns
        }
    }

    /// The main file of a kind, for messages.
    static func file(_ kind: GlossaryKind) -> String {
        switch kind {
        case .places: return "places.tsv"
        case .organizations: return "organizations.tsv"
        case .persons: return "given-names.tsv"
        }
    }

    static func rows(_ kind: GlossaryKind, fields raw: [String: String], known: Glossaries) throws -> [(
        file: String, cells: [String: String]
    )] {
        let file = file(kind)
        func fail(_ column: String, _ what: String) -> GlossaryEditError {
            GlossaryEditError(message: "\(file), column \(column): \(what)")
        }
        var fields: [String: String] = [:]
        for (column, value) in raw {
            guard columns(kind).contains(column) else {
                throw GlossaryEditError(
                    message:
                        "\(file): there is no column `\(column)` (columns: \(columns(kind).joined(separator: ", "))).")
            }
            let value = value.trimmingCharacters(in: .whitespaces)
            guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw fail(column, "a tab, line break or other control character cannot be in a cell.")
            }
            guard value.count <= 300 else { throw fail(column, "longer than 300 characters.") }
            if !value.isEmpty { fields[column] = value.precomposedStringWithCanonicalMapping }
        }
        func slug(_ column: String) throws -> String {
            let id = fields[column] ?? ""
            guard id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil else {
                throw fail(
                    column, "`\(id)` is not a lowercase ASCII slug (letters, digits and -, as bishkek or chuy-region).")
            }
            return id
        }
        func names(_ columns: [String]) -> [(String, String)] {
            columns.flatMap { c in
                (fields[c] ?? "").split(separator: "|").map { (c, String($0).trimmingCharacters(in: .whitespaces)) }
            }
            .filter { !$0.1.isEmpty }
        }
        switch kind {
        case .places:
            let id = try slug("id")
            if known.places.places[id] != nil {
                throw fail("id", "`\(id)` is already an id in places.tsv: choose another.")
            }
            let canonical = fields["canonical"] ?? ""
            guard !canonical.isEmpty, canonical.range(of: "^[A-Za-z][A-Za-z .'-]*$", options: .regularExpression) != nil
            else {
                throw fail(
                    "canonical", "give the English name, in ASCII letters, spaces, `.`, `'` and `-` (as Kara-Balta).")
            }
            guard PlaceGlossary.kinds.contains(fields["kind"] ?? "") else {
                throw fail("kind", "one of \(PlaceGlossary.kinds.sorted().joined(separator: ", ")).")
            }
            guard (fields["country"] ?? "").range(of: "^[A-Z]{2}$", options: .regularExpression) != nil else {
                throw fail("country", "an ISO 3166-1 alpha-2 code in capitals, as KG.")
            }
            let variants = names(["ky", "ru", "en"])
            guard !variants.isEmpty else {
                throw fail("ky", "give the name as written in Kyrgyz (ky), Russian (ru) or English (en).")
            }
            for (column, name) in variants + [("canonical", canonical)] {
                if let place = known.places.index.lookup(name).first {
                    throw fail(column, "«\(name)» is already listed, as \(place.canonical) (\(place.id)).")
                }
            }
            return [("places.tsv", fields)]
        case .organizations:
            _ = try slug("id")
            guard OrganizationGlossary.kinds.contains(fields["kind"] ?? "") else {
                throw fail("kind", "one of \(OrganizationGlossary.kinds.sorted().joined(separator: ", ")).")
            }
            if let country = fields["country"], country.range(of: "^[A-Z]{2}$", options: .regularExpression) == nil {
                throw fail(
                    "country", "an ISO 3166-1 alpha-2 code in capitals (KG), or empty for an intergovernmental body.")
            }
            let full = names(["ky", "ru", "en"])
            guard !full.isEmpty else { throw fail("ky", "give the full name in the nominative in ky, ru or en.") }
            for (column, name) in full {
                if let ref = known.organizations.index.lookup(name).first {
                    throw fail(column, "«\(name)» is already listed (\(ref.organization.id)).")
                }
            }
            return [("organizations.tsv", fields)]
        case .persons:
            var rows: [(file: String, cells: [String: String])] = []
            if let name = fields["name"] {
                guard name.range(of: "^\\p{L}+(-\\p{L}+)?$", options: .regularExpression) != nil else {
                    throw fail("name", "one given name in the nominative, without surname or patronymic (as Айгерим).")
                }
                if known.people.givenNames[name.lowercased()] != nil {
                    throw fail("name", "«\(name)» is already listed.")
                }
                guard ["m", "f"].contains(fields["sex"] ?? "") else { throw fail("sex", "m or f.") }
                guard ["ky", "ru", "other"].contains(fields["origin"] ?? "") else {
                    throw fail("origin", "ky, ru or other.")
                }
                rows.append(("given-names.tsv", ["name": name, "sex": fields["sex"]!, "origin": fields["origin"]!]))
            }
            if let role = fields["role"] {
                let lang = fields["lang"] ?? ""
                func roleFail(_ column: String, _ what: String) -> GlossaryEditError {
                    GlossaryEditError(message: "roles.tsv, column \(column): \(what)")
                }
                guard lang == "ky" || lang == "ru" else { throw roleFail("lang", "ky or ru.") }
                guard roleKinds.contains(fields["kind"] ?? "") else {
                    throw roleFail("kind", "one of \(roleKinds.joined(separator: ", ")).")
                }
                if known.people.roles[lang]?.contains(role.lowercased()) == true {
                    throw roleFail("role", "«\(role)» is already listed.")
                }
                rows.append(("roles.tsv", ["lang": lang, "role": role, "kind": fields["kind"]!]))
            }
            guard !rows.isEmpty else {
                throw fail("name", "give a given name (name, sex, origin) or a role (lang, role, kind), or both.")
            }
            return rows
        }
    }

    /// One line for the page's list of changes.
    static func summary(_ kind: GlossaryKind, _ fields: [String: String]) -> String {
        let columns: [String]
        switch kind {
        case .places: columns = ["canonical", "ky", "ru", "en"]
        case .organizations: columns = ["ky", "ru", "en", "acronym_ky", "acronym_ru", "acronym_en"]
        case .persons: columns = ["name", "role"]
        }
        return "\(kind.rawValue): " + columns.compactMap { fields[$0] }.filter { !$0.isEmpty }.joined(separator: " · ")
    }
}
