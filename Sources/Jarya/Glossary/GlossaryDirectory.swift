import Foundation

/// Where the glossaries (`glossaries/*.tsv`) are read from. In order: `$JARYA_GLOSSARIES`;
/// `glossaries/` beside the executable or in `../share/jarya/` from it (an installed
/// copy); the package's own `glossaries/` folder (running from a source checkout).
public enum GlossaryDirectory {
    public static let environmentVariable = "JARYA_GLOSSARIES"

    /// The folder in use.
    public static let path: String? = locate()

    static func locate() -> String? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment[environmentVariable], !env.isEmpty { candidates.append(env) }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(exe.appendingPathComponent("glossaries").path)
        candidates.append(exe.appendingPathComponent("../share/jarya/glossaries").standardized.path)
        // Sources/Jarya/Glossary/GlossaryDirectory.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent("glossaries").path)
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/date-words.tsv") }
    }

    /// Reads and parses one glossary file from the folder in use, or from `directory`.
    public static func table(_ file: String, required: [String], in directory: String? = nil) throws -> TSVTable {
        guard let dir = directory ?? path else {
            throw GlossaryError(file: file, line: 0, message: "glossaries folder not found. Set \(environmentVariable) to the project's glossaries/ folder.")
        }
        let full = dir + "/" + file
        guard let data = FileManager.default.contents(atPath: full), let text = String(data: data, encoding: .utf8) else {
            throw GlossaryError(file: full, line: 0, message: "cannot read the file as UTF-8")
        }
        return try TSVTable(name: full, text: text, required: required)
    }
}

/// Validates every glossary: `jarya glossary check`.
public enum GlossaryCheck {
    /// One line per file: its name and row count, or the first error in it (with its line).
    public static func run(directory: String? = nil) -> [(file: String, result: Result<Int, GlossaryError>)] {
        func check(_ file: String, _ body: () throws -> Int) -> (String, Result<Int, GlossaryError>) {
            do { return (file, .success(try body())) }
            catch let e as GlossaryError { return (file, .failure(e)) }
            catch { return (file, .failure(GlossaryError(file: file, line: 0, message: "\(error)"))) }
        }
        func table(_ f: String, _ cols: [String]) throws -> TSVTable { try GlossaryDirectory.table(f, required: cols, in: directory) }
        return [
            check("date-words.tsv") {
                let t = try table("date-words.tsv", ["lang", "form", "match", "role", "value"])
                _ = try DateLexicon(table: t)
                return t.rows.count
            },
            check("places.tsv") {
                let t = try table("places.tsv", PlaceGlossary.columns)
                _ = try PlaceGlossary(table: t)
                return t.rows.count
            },
            check("organizations.tsv + org-heads.tsv") {
                let o = try table("organizations.tsv", OrganizationGlossary.columns)
                let h = try table("org-heads.tsv", ["lang", "word", "type"])
                _ = try OrganizationGlossary(organizations: o, heads: h)
                return o.rows.count + h.rows.count
            },
            check("event-words.tsv") {
                let t = try table("event-words.tsv", EventLexicon.columns)
                _ = try EventLexicon(table: t)
                return t.rows.count
            },
            check("given-names.tsv + roles.tsv") {
                let n = try table("given-names.tsv", ["name", "sex", "origin"])
                let r = try table("roles.tsv", ["lang", "role", "kind"])
                _ = try PersonGlossary(names: n, roles: r)
                return n.rows.count + r.rows.count
            },
        ]
    }
}
