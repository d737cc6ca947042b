import Foundation

/// One thing to process: a file, standard input, or a path that could not be found.
public enum Input: Equatable, Sendable {
    case file(String)
    case standardInput
    case missing(String)

    public var path: String {
        switch self {
        case .file(let p), .missing(let p): return p
        case .standardInput: return "-"
        }
    }
}

/// Turns command-line paths into inputs: files as given, folders walked recursively for
/// the extensions Jarya reads (sorted, so output order is stable), `-` for standard input.
public enum InputCollector {
    public static func collect(_ paths: [String]) -> [Input] {
        if paths.isEmpty { return [.standardInput] }
        var result: [Input] = []
        for path in paths {
            if path == "-" { result.append(.standardInput); continue }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                result.append(.missing(path)); continue
            }
            if isDir.boolValue {
                result += folderFiles(path).map(Input.file)
            } else {
                result.append(.file(path))
            }
        }
        return result
    }

    /// The files below `root` with an extension Jarya reads, sorted.
    public static func folderFiles(_ root: String) -> [String] {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [String] = []
        while let rel = walker.nextObject() as? String {
            let name = rel.split(separator: "/").last.map(String.init) ?? rel
            guard !name.hasPrefix("."), let dot = name.lastIndex(of: "."),
                  DocumentFormat.folderExtensions.contains(name[name.index(after: dot)...].lowercased()) else { continue }
            let full = base + "/" + rel
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { files.append(full) }
        }
        return files.sorted()
    }
}
