import Foundation

/// Where the glossaries (`glossaries/*.tsv`) are read from. In order:
/// 1. `$JARYA_GLOSSARIES` when it is set: then only there, so a mistyped folder is an error
///    rather than a silent switch to other glossaries;
/// 2. `glossaries/` beside the executable (a copied folder);
/// 3. `../share/jarya/glossaries` from the executable (an install made by `scripts/install`);
/// 4. the source checkout the executable was built from, while the executable lies inside it
///    (`swift run`, `.build/*/jarya`, test bundles): the developer's fallback. A binary copied
///    or installed elsewhere never reads a checkout it happens to find on the machine.
/// The executable is the real file behind `/proc/self/exe` (symbolic links resolved), not
/// `argv[0]`, which is a bare `jarya` when the shell found it on `PATH`.
public enum GlossaryDirectory {
    public static let environmentVariable = "JARYA_GLOSSARIES"

    /// A file every glossaries folder holds: a candidate folder without it is not one.
    public static let markerFile = "date-words.tsv"

    /// The outcome of looking for the glossaries: the folder found, or where it looked.
    public struct Search: Sendable, Equatable {
        /// The folder in use, or nil when none of the candidates holds the glossaries.
        public let found: String?
        /// Every folder tried, in order, as the user would write it.
        public let looked: [String]
        /// Whether `$JARYA_GLOSSARIES` decided the search.
        public let fromEnvironment: Bool

        /// One line for standard error when nothing was found: where Jarya looked and how to fix it.
        public var notFoundMessage: String {
            let places = looked.joined(separator: ", ")
            if fromEnvironment {
                return
                    "glossaries not found in \(GlossaryDirectory.environmentVariable)=\(places) (no \(GlossaryDirectory.markerFile) there): "
                    + "set \(GlossaryDirectory.environmentVariable) to a folder holding the glossaries/*.tsv files, or unset it to use the installed ones."
            }
            return
                "glossaries not found (looked in \(places)): set \(GlossaryDirectory.environmentVariable) to a folder holding the glossaries/*.tsv files, "
                + "or install jarya with `scripts/install PREFIX`, which puts them in PREFIX/share/jarya/glossaries."
        }
    }

    /// The search made for this process (once, at first use).
    public static let search: Search = locate(
        environment: ProcessInfo.processInfo.environment[environmentVariable],
        executable: executablePath(),
        checkout: checkoutRoot)

    /// The folder in use, or nil when the glossaries cannot be found (`search` says where it looked).
    public static var path: String? { search.found }

    /// Sources/Jarya/Glossary/GlossaryDirectory.swift → the package root it was built from, with
    /// symbolic links resolved as they are in the executable's path.
    static let checkoutRoot: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().resolvingSymlinksInPath().path

    /// Decides the folder from the environment variable's value, the executable's real path
    /// and the checkout's root. `isGlossaries` tells whether a folder holds glossaries.
    static func locate(
        environment: String?, executable: String?, checkout: String,
        isGlossaries: (String) -> Bool = { FileManager.default.fileExists(atPath: $0 + "/" + markerFile) }
    ) -> Search {
        if let env = environment, !env.isEmpty {
            return Search(found: isGlossaries(env) ? env : nil, looked: [env], fromEnvironment: true)
        }
        var candidates: [String] = []
        if let executable {
            let folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("glossaries").path)
            candidates.append(folder.appendingPathComponent("../share/jarya/glossaries").standardized.path)
            if executable.hasPrefix(checkout.hasSuffix("/") ? checkout : checkout + "/") {
                candidates.append(URL(fileURLWithPath: checkout).appendingPathComponent("glossaries").path)
            }
        }
        return Search(found: candidates.first(where: isGlossaries), looked: candidates, fromEnvironment: false)
    }

    /// The running executable's real path: `/proc/self/exe` on Linux (symbolic links resolved
    /// by the kernel), else Foundation's idea of it with links resolved.
    static func executablePath() -> String? {
        #if os(Linux)
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            if n > 0 {
                return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        #endif
        guard let path = Bundle.main.executablePath ?? CommandLine.arguments.first else { return nil }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// One line per `.tsv` file of `directory`, in name order: `glossary:NAME=SHA256-of-its-bytes`.
    /// What of the glossaries decides a record; the state file's settings fingerprint includes it.
    public static func digests(in directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.endsWith(".tsv") }.sorted().map { name in
            let bytes = FileManager.default.contents(atPath: directory + "/" + name) ?? Data()
            return "glossary:\(name)=\(RecordID.sha256Hex(bytes))"
        }
    }

    /// A short fingerprint of the glossaries (the first 12 hex digits of the SHA-256 over
    /// `digests(in:)`): two installs with the same one read the same glossaries (`jarya --version`).
    public static func fingerprint(of directory: String) -> String {
        String(RecordID.sha256Hex(Array(digests(in: directory).joined(separator: "\n").utf8)).prefix(12))
    }

    /// Reads and parses one glossary file from the folder in use, or from `directory`.
    public static func table(_ file: String, required: [String], in directory: String? = nil) throws -> TSVTable {
        guard let dir = directory ?? path else {
            throw GlossaryError(file: file, line: 0, message: search.notFoundMessage)
        }
        let full = dir + "/" + file
        guard let data = FileManager.default.contents(atPath: full), let text = String(data: data, encoding: .utf8)
        else {
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
            do { return (file, .success(try body())) } catch let e as GlossaryError { return (file, .failure(e)) } catch
            { return (file, .failure(GlossaryError(file: file, line: 0, message: "\(error)"))) }
        }
        func table(_ f: String, _ cols: [String]) throws -> TSVTable {
            try GlossaryDirectory.table(f, required: cols, in: directory)
        }
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
            check("given-names.tsv + roles.tsv + known-persons.tsv") {
                let n = try table("given-names.tsv", ["name", "sex", "origin"])
                let r = try table("roles.tsv", ["lang", "role", "kind"])
                let k = try table("known-persons.tsv", ["ru", "ky"])
                _ = try PersonGlossary(names: n, roles: r, known: k)
                return n.rows.count + r.rows.count + k.rows.count
            },
        ]
    }
}
