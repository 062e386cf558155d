import Foundation

/// Turns a schema reference (a catalog `url`, a document's `$schema`, a YAML modeline) into
/// a local file, through the `--ref` mappings; nothing is fetched.
struct SchemaReference {
    /// The `--ref` mappings, longest prefix first.
    let mappings: [ReferenceMapping]

    init(mappings: [ReferenceMapping]) {
        self.mappings = mappings.sorted { $0.prefix.count > $1.prefix.count }
    }

    /// The file `reference` names, relative references resolved against `baseDirectory`.
    /// - Throws: ``CommandFailure`` for a remote URL no `--ref` maps.
    func file(for reference: String, baseDirectory: String) throws -> String {
        var reference = reference
        if let hash = reference.firstIndex(of: "#") { reference = String(reference[..<hash]) }
        for mapping in mappings where reference.hasPrefix(mapping.prefix) {
            var rest = String(reference.dropFirst(mapping.prefix.count))
            while rest.hasPrefix("/") { rest.removeFirst() }
            return mapping.directory + (mapping.directory.hasSuffix("/") ? "" : "/") + rest
        }
        if reference.hasPrefix("file://") { return String(reference.dropFirst("file://".count)) }
        if reference.contains("://") {
            throw CommandFailure("schema \(reference) is not a local file and no --ref maps it (forma fetches nothing)")
        }
        if reference.hasPrefix("/") || baseDirectory.isEmpty { return reference }
        return baseDirectory + "/" + reference
    }

    /// The directory part of `path` (empty for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The `$schema=…` of a `# yaml-language-server: $schema=…` comment line, if any.
    static func modeline(in bytes: [UInt8]) -> String? {
        let marker = Array("yaml-language-server:".utf8)
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            var rest = line.drop(while: { $0 == 0x20 || $0 == 0x09 })
            guard rest.first == UInt8(ascii: "#") else { continue }
            rest = rest.dropFirst().drop(while: { $0 == 0x20 || $0 == 0x09 })
            guard rest.starts(with: marker) else { continue }
            let text = String(decoding: rest.dropFirst(marker.count), as: UTF8.self)
            guard let range = text.range(of: "$schema=") else { continue }
            let value = text[range.upperBound...].prefix(while: { !$0.isWhitespace })
            if !value.isEmpty { return String(value) }
        }
        return nil
    }
}
