import Foundation

/// One thing to process: a file, standard input, a path that could not be found, or one line
/// of a `.jsonl` input (its text in memory, with the page's address).
public enum Input: Equatable, Sendable {
    case file(String)
    case standardInput
    case missing(String)
    indirect case line(InputLine)

    public var path: String {
        switch self {
        case .file(let p), .missing(let p): return p
        case .standardInput: return "-"
        case .line(let l): return l.path
        }
    }
}

/// Which files of a folder are read: `--include GLOB` and `--exclude GLOB`, matched with
/// fnmatch(3) against the path relative to the folder given and against the file name. With
/// includes, a file must match one of them; it must match no exclude. A folder matching an
/// exclude is not entered. `*` also matches `/` in a relative path (`ru/*` is everything below
/// `ru/`). Files named on the command line are always read.
public struct PathFilter: Sendable, Equatable {
    public var include: [String]
    public var exclude: [String]

    public init(include: [String] = [], exclude: [String] = []) {
        self.include = include
        self.exclude = exclude
    }

    static func matches(_ pattern: String, _ relative: String, _ name: String) -> Bool {
        fnmatch(pattern, relative, 0) == 0 || fnmatch(pattern, name, 0) == 0
    }

    /// Whether a file, by its path relative to the folder given and its name, is read.
    public func accepts(file relative: String, name: String) -> Bool {
        (include.isEmpty || include.contains { Self.matches($0, relative, name) })
            && !exclude.contains { Self.matches($0, relative, name) }
    }

    /// Whether a folder below the one given is left out, with everything in it.
    public func prunes(folder relative: String, name: String) -> Bool {
        exclude.contains { Self.matches($0, relative, name) }
    }
}

/// A symbolic link in a folder that was not followed, and why.
public struct SkippedLink: Equatable, Sendable {
    public enum Reason: String, Sendable {
        /// It resolves to a path outside the folder given.
        case outside
        /// It points at nothing, or at itself through other links.
        case broken
        /// It leads to a folder that contains it: following it would never end.
        case loop
    }

    public var path: String
    public var target: String?
    public var reason: Reason

    public var message: String {
        switch reason {
        case .outside: return "\(path): skipped: the link points outside the folder (to \(target ?? "?"))"
        case .broken: return "\(path): skipped: the link is broken or loops"
        case .loop: return "\(path): skipped: the link leads back to a folder that contains it"
        }
    }
}

/// Turns command-line paths into inputs: files as given, folders walked recursively for
/// the extensions Jarya reads (sorted, so output order is stable), `-` for standard input.
public enum InputCollector {
    /// The inputs, and the links found in folders that were not followed.
    public struct Collection: Sendable {
        public var inputs: [Input] = []
        public var skippedLinks: [SkippedLink] = []
        /// Files in folders passed over because Jarya does not read their format (not hidden
        /// ones, not those that `--include`/`--exclude` left out).
        public var unsupported: [String] = []
    }

    public static func collect(_ paths: [String]) -> [Input] {
        collect(paths, filter: PathFilter()).inputs
    }

    public static func collect(_ paths: [String], filter: PathFilter) -> Collection {
        var result = Collection()
        if paths.isEmpty { result.inputs = [.standardInput]; return result }
        for path in paths {
            if path == "-" { result.inputs.append(.standardInput); continue }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                result.inputs.append(.missing(path)); continue
            }
            if isDir.boolValue {
                let walk = walk(path, filter: filter)
                result.inputs += walk.files.map(Input.file)
                result.skippedLinks += walk.skipped
                result.unsupported += walk.unsupported
            } else if InputLine.isLines(path) {
                result.inputs += InputLine.read(path).map(Input.line)
            } else {
                result.inputs.append(.file(path))
            }
        }
        return result
    }

    /// The files below `root` with an extension Jarya reads, sorted.
    public static func folderFiles(_ root: String) -> [String] {
        walk(root, filter: PathFilter()).files
    }

    /// A file's identity, to notice a folder met again through a link.
    struct FileID: Hashable { var device: UInt64; var inode: UInt64 }

    /// Walks `root` recursively. Hidden files and folders are skipped. A symbolic link is
    /// followed only when its resolved path stays inside `root` and, for a folder, does not
    /// lead back to one of the folders it is in; only regular files are read.
    static func walk(_ root: String, filter: PathFilter) -> (
        files: [String], skipped: [SkippedLink], unsupported: [String]
    ) {
        var base = root
        while base.count > 1 && base.endsWith("/") { base.removeLast() }
        guard let realRoot = realPath(base) else { return ([], [], []) }
        let inside = realRoot == "/" ? "/" : realRoot + "/"
        var files: [String] = []
        var skipped: [SkippedLink] = []
        var rootInfo = stat()
        guard stat(base, &rootInfo) == 0 else { return ([], [], []) }
        var unsupported: [String] = []

        func visit(_ folder: String, _ relative: String, _ ancestors: Set<FileID>) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names.sorted() where !name.startsWith(".") {
                let full = folder == "/" ? "/" + name : folder + "/" + name
                let rel = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                let isLink = (info.st_mode & S_IFMT) == S_IFLNK
                if isLink {
                    guard let target = realPath(full), stat(full, &info) == 0 else {
                        skipped.append(SkippedLink(path: full, target: nil, reason: .broken)); continue
                    }
                    guard target == realRoot || target.startsWith(inside) else {
                        skipped.append(SkippedLink(path: full, target: target, reason: .outside)); continue
                    }
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if filter.prunes(folder: rel, name: name) { continue }
                    let id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
                    if ancestors.contains(id) {
                        skipped.append(SkippedLink(path: full, target: realPath(full), reason: .loop)); continue
                    }
                    visit(full, rel, ancestors.union([id]))
                case S_IFREG:
                    guard filter.accepts(file: rel, name: name) else { continue }
                    guard let dot = name.lastIndex(of: "."),
                        DocumentFormat.folderExtensions.contains(name[name.index(after: dot)...].lowercased())
                    else {
                        unsupported.append(full); continue
                    }
                    files.append(full)
                default:
                    continue
                }
            }
        }
        visit(base, "", [FileID(device: UInt64(rootInfo.st_dev), inode: UInt64(rootInfo.st_ino))])
        return (files.sorted(), skipped, unsupported.sorted())
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
