import Foundation

/// Where the name tagger's model (`names.model`) is read from, found on its own, not only
/// beside the glossaries, so that a glossaries folder copied elsewhere (`jarya serve`'s
/// working copies, `$JARYA_GLOSSARIES`) still gets the model. In order:
/// 1. `$JARYA_MODEL` when it is set: then only that file (`none`: the rules alone, no note);
/// 2. `models/names.model` beside the glossaries folder in use;
/// 3. `models/` beside the executable, then `../share/jarya/models` from it (`scripts/install`);
/// 4. the checkout the executable was built from, while it lies inside it (`swift run`, tests).
/// No model found is not an error: the rules run alone and `note` says so once.
public enum ModelLocation {
    public static let environmentVariable = "JARYA_MODEL"
    public static let fileName = "names.model"
    /// The `$JARYA_MODEL` value that turns the tagger off without a note.
    public static let off = "none"

    /// The outcome of the search: the file to load, or nil with the places tried.
    public struct Search: Sendable, Equatable {
        public let found: String?
        public let looked: [String]
        /// Whether `$JARYA_MODEL` decided the search (then a missing file is an error).
        public let fromEnvironment: Bool

        /// One line for standard error when no model was found (nil when one was, or when the
        /// user turned the tagger off).
        public var note: String? {
            guard found == nil, !fromEnvironment else { return nil }
            return
                "no name model found (looked in \(looked.joined(separator: ", "))): names come from the rules and glossaries alone; "
                + "set \(environmentVariable) to a \(fileName) file to use the tagger."
        }
    }

    /// The search for the glossaries folder `glossaries` in this process.
    public static func search(glossaries: String?) -> Search {
        locate(
            environment: ProcessInfo.processInfo.environment[environmentVariable], glossaries: glossaries,
            executable: GlossaryDirectory.executablePath(), checkout: GlossaryDirectory.checkoutRoot)
    }

    /// Decides the file from the variable's value, the glossaries folder, the executable's real
    /// path and the checkout's root. `exists` tells whether a file is there.
    static func locate(
        environment: String?, glossaries: String?, executable: String?, checkout: String,
        exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> Search {
        if let env = environment, !env.isEmpty {
            if env == off { return Search(found: nil, looked: [], fromEnvironment: true) }
            return Search(found: env, looked: [env], fromEnvironment: true)
        }
        var candidates: [String] = []
        if let glossaries {
            candidates.append(
                URL(fileURLWithPath: glossaries).deletingLastPathComponent().appendingPathComponent(
                    "models/" + fileName
                ).standardized.path)
        }
        if let executable {
            let folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("models/" + fileName).path)
            candidates.append(folder.appendingPathComponent("../share/jarya/models/" + fileName).standardized.path)
            if executable.hasPrefix(checkout.hasSuffix("/") ? checkout : checkout + "/") {
                candidates.append(URL(fileURLWithPath: checkout).appendingPathComponent("models/" + fileName).path)
            }
        }
        var seen = Set<String>()
        candidates = candidates.filter { seen.insert($0).inserted }
        return Search(found: candidates.first(where: exists), looked: candidates, fromEnvironment: false)
    }
}
