import Foundation

/// Turns `forma validate`'s path arguments (files, directories, globs) into files.
///
/// A directory is walked recursively for files with a known extension (`.json`, `.jsonc`,
/// `.json5`, `.jsonl`, `.ndjson`, `.yaml`, `.yml`, `.toml`), skipping `.git`. A glob is
/// matched against every file under its literal prefix. Symbolic links to directories are
/// followed once: a directory already visited (by its resolved path) is not entered again,
/// so link loops end. A glob or directory that yields no file is an error, so a typo cannot
/// make CI pass by checking nothing.
struct InputExpansion {
    /// Extensions a directory walk picks up.
    static let knownExtensions: Set<String> = ["json", "jsonc", "json5", "jsonl", "ndjson", "yaml", "yml", "toml"]

    /// The files, in argument order, each once.
    private(set) var files: [String] = []
    /// Arguments that matched nothing, with the reason.
    private(set) var problems: [String] = []
    private var seen: Set<String> = []

    /// Expands `arguments`.
    init(arguments: [String]) {
        for argument in arguments { expand(argument) }
    }

    private mutating func add(_ path: String) {
        if seen.insert(path).inserted { files.append(path) }
    }

    private mutating func expand(_ argument: String) {
        if argument == "-" {
            add(argument)
            return
        }
        if GlobPattern.hasMetacharacters(argument) {
            let pattern: GlobPattern
            do {
                pattern = try GlobPattern(argument)
            } catch {
                problems.append("\(error)")
                return
            }
            let root = GlobPattern.literalPrefix(of: argument)
            // Without **, a pattern never matches deeper than its own components: do not walk
            // a whole tree (node_modules, say) for `*.yaml`.
            let rootDepth = root == "." ? 0 : root.split(separator: "/").count
            let depth = argument.contains("**") ? Int.max : argument.split(separator: "/").count - rootDepth
            var found: [String] = []
            walk(root, maxDepth: depth, into: &found) { path in
                pattern.matches(root == "." && !argument.hasPrefix("./") ? String(path.dropFirst(2)) : path)
            }
            if found.isEmpty { problems.append("\(argument): no files match") }
            for path in found { add(root == "." && !argument.hasPrefix("./") ? String(path.dropFirst(2)) : path) }
            return
        }
        if POSIX.isDirectory(argument) {
            var found: [String] = []
            walk(argument, into: &found) { path in
                guard let dot = path.lastIndex(of: ".") else { return false }
                return Self.knownExtensions.contains(path[path.index(after: dot)...].lowercased())
            }
            if found.isEmpty { problems.append("\(argument): no JSON, YAML or TOML files in this directory") }
            for path in found { add(path) }
            return
        }
        add(argument)  // a plain file; opening it reports a missing one
    }

    /// Collects the files under `root`, at most `maxDepth` components below it, that `keep`
    /// accepts, sorted per directory.
    private func walk(_ root: String, maxDepth: Int = Int.max, into found: inout [String], keep: (String) -> Bool) {
        let manager = FileManager.default
        var visited: Set<String> = []
        var stack = [(root, 1)]
        while let (directory, depth) = stack.popLast() {
            let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
            guard visited.insert(resolved).inserted else { continue }
            guard let names = try? manager.contentsOfDirectory(atPath: directory) else { continue }
            var subdirectories: [(String, Int)] = []
            for name in names.sorted() {
                let path = directory == "/" ? "/" + name : directory + "/" + name
                if POSIX.isDirectory(path) {
                    if name != ".git", depth < maxDepth { subdirectories.append((path, depth + 1)) }
                } else if keep(path) {
                    found.append(path)
                }
            }
            stack.append(contentsOf: subdirectories.reversed())
        }
    }
}
