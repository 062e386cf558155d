
extension SnakeCase {
    private static let cache = Locked<[String: String]>([:])

    /// ``toSnakeCase(_:)``, remembered: coding keys repeat for every value decoded.
    package static func cachedSnakeCase(_ key: String) -> String {
        if let known = cache.withLock({ $0[key] }) { return known }
        let converted = toSnakeCase(key)
        cache.withLock { table in
            if table.count > 4096 { table.removeAll(keepingCapacity: true) }
            table[key] = converted
        }
        return converted
    }

    /// `key` converted as `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase` does (and as
    /// `@Schema(keys: .snakeCase)` writes schema keys): words split where a lowercase letter
    /// is followed by an uppercase one, and before the last capital of a run of capitals
    /// followed by a lowercase letter (`myURLValue` → `my_url_value`); lowercased, joined by `_`.
    package static func toSnakeCase(_ key: String) -> String {
        let characters = Array(key)
        guard !characters.isEmpty else { return key }
        var words: [Range<Int>] = []
        var wordStart = 0
        var searchStart = 1
        let end = characters.count
        while let upper = (searchStart..<end).first(where: { characters[$0].isUppercase }) {
            words.append(wordStart..<upper)
            guard let lower = (upper..<end).first(where: { characters[$0].isLowercase }) else {
                wordStart = upper
                searchStart = end
                break
            }
            if lower == upper + 1 {
                wordStart = upper
            } else {
                words.append(upper..<(lower - 1))
                wordStart = lower - 1
            }
            searchStart = lower + 1
            if searchStart > end { break }
        }
        words.append(wordStart..<end)
        return words.map { String(characters[$0]).lowercased() }.joined(separator: "_")
    }
}

/// snake_case key conversion shared by the `@Schema(keys: .snakeCase)` macro (schema keys)
/// and ``JSONValueDecoder`` (decoding), so the two always agree.
///
/// `toCamelCase` is `JSONDecoder`'s snake_case → camelCase key conversion: `first_name` → `firstName`;
/// leading and trailing underscores are kept.
package enum SnakeCase {
    package static func toCamelCase(_ key: String) -> String {
        guard key.contains("_") else { return key }
        let leading = key.prefix { $0 == "_" }
        let trailing = key.reversed().prefix { $0 == "_" }
        let core = key.dropFirst(leading.count).dropLast(trailing.count)
        guard !core.isEmpty else { return key }
        let parts = core.split(separator: "_", omittingEmptySubsequences: true)
        guard let first = parts.first else { return key }
        var out = String(leading) + first.lowercased()
        for part in parts.dropFirst() { out += part.prefix(1).uppercased() + part.dropFirst().lowercased() }
        return out + String(trailing)
    }
}
