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

    /// Reads and parses one glossary file.
    public static func table(_ file: String, required: [String]) throws -> TSVTable {
        guard let dir = path else {
            throw GlossaryError(file: file, line: 0, message: "glossaries folder not found. Set \(environmentVariable) to the project's glossaries/ folder.")
        }
        let full = dir + "/" + file
        guard let data = FileManager.default.contents(atPath: full), let text = String(data: data, encoding: .utf8) else {
            throw GlossaryError(file: full, line: 0, message: "cannot read the file as UTF-8")
        }
        return try TSVTable(name: full, text: text, required: required)
    }
}
