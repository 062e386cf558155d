import FormaJSON

/// A schema catalog in SchemaStore's `catalog.json` format:
/// `{"schemas": [{"name": …, "fileMatch": ["*.yml", …], "url": …}]}`.
///
/// Entries without `fileMatch` are kept out of matching (SchemaStore lists many). A pattern
/// without `/` matches a file's name; one with `/` matches the end of its path, so
/// `.github/workflows/*.yml` and `**/.github/workflows/*.yml` both match
/// `repo/.github/workflows/ci.yml`. A pattern starting with `!` excludes. The first entry
/// that matches wins.
struct SchemaCatalog {
    /// One catalog entry.
    struct Entry {
        var name: String
        var url: String
        var include: [GlobPattern]
        var exclude: [GlobPattern]
    }

    /// The catalog file as given.
    let path: String
    /// The entries with file patterns.
    let entries: [Entry]

    /// Reads and checks the catalog at `path`.
    /// - Throws: ``CommandFailure`` for a file that is not JSON, not shaped like a catalog, or
    ///   has a malformed `fileMatch` pattern.
    init(path: String) throws {
        self.path = path
        let file = try InputFile(path: path)
        guard let bytes = try file.readAll(limit: 64 << 20) else { throw CommandFailure("\(path): catalog larger than 64 MiB") }
        let value: JSONValue
        do {
            value = try bytes.withUnsafeBytes { try JSONParser.parse($0) }
        } catch let error as JSONParseError {
            throw CommandFailure("\(path):\(error.line):\(error.column): invalid catalog: \(error.message)")
        }
        guard let schemas = value["schemas"]?.array else {
            throw CommandFailure("\(path): invalid catalog: expected an object with a \"schemas\" array")
        }
        var entries: [Entry] = []
        for (index, item) in schemas.enumerated() {
            let location = "\(path): /schemas/\(index)"
            guard case .object(let object) = item else { throw CommandFailure("\(location): invalid catalog: an entry must be an object") }
            guard let patterns = object["fileMatch"] else { continue }
            guard let url = object["url"]?.string, !url.isEmpty else {
                throw CommandFailure("\(location): invalid catalog: \"url\" must be a non-empty string")
            }
            guard let list = patterns.array else { throw CommandFailure("\(location)/fileMatch: invalid catalog: expected an array of strings") }
            var include: [GlobPattern] = []
            var exclude: [GlobPattern] = []
            for (patternIndex, pattern) in list.enumerated() {
                guard let text = pattern.string, !text.isEmpty, text != "!" else {
                    throw CommandFailure("\(location)/fileMatch/\(patternIndex): invalid catalog: expected a non-empty pattern string")
                }
                do {
                    if text.hasPrefix("!") {
                        exclude.append(try GlobPattern(String(text.dropFirst())))
                    } else {
                        include.append(try GlobPattern(text))
                    }
                } catch {
                    throw CommandFailure("\(location)/fileMatch/\(patternIndex): invalid catalog: \(error)")
                }
            }
            entries.append(Entry(name: object["name"]?.string ?? url, url: url, include: include, exclude: exclude))
        }
        self.entries = entries
    }

    /// The first entry whose patterns match `file`.
    func entry(for file: String) -> Entry? {
        var normalized = file
        while normalized.hasPrefix("./") { normalized.removeFirst(2) }
        return entries.first { entry in
            entry.include.contains { $0.matchesSuffix(of: normalized) } && !entry.exclude.contains { $0.matchesSuffix(of: normalized) }
        }
    }
}
