/// A path pattern with `*`, `?`, `[…]` classes and `**`, matched against `/`-separated
/// paths component by component.
///
/// `*` and `?` never match `/`; a `**` component matches zero or more whole components;
/// `[abc]`, `[a-z]` and `[!a]` match one character of a class; `\` escapes the next
/// character. Dot files match like any other name.
struct GlobPattern: Sendable, CustomStringConvertible {
    /// A malformed pattern.
    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    private enum Element: Sendable {
        case literal(Character)
        case any
        case anyOne
        case set([ClosedRange<Character>], negated: Bool)
    }

    private enum Component: Sendable {
        case globstar
        case elements([Element])
    }

    /// The pattern as written.
    let description: String
    private let components: [Component]

    /// Whether `text` holds any glob metacharacter (otherwise it is a plain path).
    static func hasMetacharacters(_ text: String) -> Bool {
        text.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" })
    }

    /// Compiles `pattern`.
    /// - Throws: ``Invalid`` for an unterminated `[` or a trailing `\`.
    init(_ pattern: String) throws {
        description = pattern
        var components: [Component] = []
        for part in pattern.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "**" {
                if case .globstar? = components.last { continue }
                components.append(.globstar)
                continue
            }
            components.append(.elements(try Self.compile(part, in: pattern)))
        }
        self.components = components
    }

    private static func compile(_ part: Substring, in pattern: String) throws -> [Element] {
        var elements: [Element] = []
        var characters = Array(part)[...]
        while let character = characters.popFirst() {
            switch character {
            case "*": elements.append(.any)
            case "?": elements.append(.anyOne)
            case "\\":
                guard let escaped = characters.popFirst() else { throw Invalid(description: "\(pattern): a trailing \\ escapes nothing") }
                elements.append(.literal(escaped))
            case "[":
                var negated = false
                if characters.first == "!" || characters.first == "^" {
                    negated = true
                    characters.removeFirst()
                }
                var ranges: [ClosedRange<Character>] = []
                var closed = false
                var first = true
                while let member = characters.popFirst() {
                    if member == "]", !first {
                        closed = true
                        break
                    }
                    first = false
                    if characters.count >= 2, characters.first == "-", characters.dropFirst().first != "]" {
                        characters.removeFirst()
                        let upper = characters.removeFirst()
                        guard member <= upper else { throw Invalid(description: "\(pattern): range \(member)-\(upper) is reversed") }
                        ranges.append(member...upper)
                    } else {
                        ranges.append(member...member)
                    }
                }
                guard closed else { throw Invalid(description: "\(pattern): '[' is not closed") }
                elements.append(.set(ranges, negated: negated))
            default: elements.append(.literal(character))
            }
        }
        return elements
    }

    /// Whether the pattern matches the whole of `path`.
    func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0) }
        return Self.match(components[...], parts[...])
    }

    /// Whether the pattern matches the last components of `path` (SchemaStore's `fileMatch`
    /// semantics: `a/b.json` matches `x/a/b.json`).
    func matchesSuffix(of path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0) }
        return parts.indices.contains { Self.match(components[...], parts[$0...]) } || (parts.isEmpty && components.isEmpty)
    }

    private static func match(_ pattern: ArraySlice<Component>, _ parts: ArraySlice<[Character]>) -> Bool {
        guard let first = pattern.first else { return parts.isEmpty }
        switch first {
        case .globstar:
            let rest = pattern.dropFirst()
            var remaining = parts
            while true {
                if match(rest, remaining) { return true }
                if remaining.isEmpty { return false }
                remaining = remaining.dropFirst()
            }
        case .elements(let elements):
            guard let part = parts.first, matchComponent(elements[...], part[...]) else { return false }
            return match(pattern.dropFirst(), parts.dropFirst())
        }
    }

    private static func matchComponent(_ elements: ArraySlice<Element>, _ name: ArraySlice<Character>) -> Bool {
        guard let element = elements.first else { return name.isEmpty }
        switch element {
        case .any:
            var remaining = name
            while true {
                if matchComponent(elements.dropFirst(), remaining) { return true }
                if remaining.isEmpty { return false }
                remaining = remaining.dropFirst()
            }
        case .anyOne:
            return !name.isEmpty && matchComponent(elements.dropFirst(), name.dropFirst())
        case .literal(let character):
            return name.first == character && matchComponent(elements.dropFirst(), name.dropFirst())
        case .set(let ranges, let negated):
            guard let character = name.first else { return false }
            guard ranges.contains(where: { $0.contains(character) }) != negated else { return false }
            return matchComponent(elements.dropFirst(), name.dropFirst())
        }
    }

    /// The leading components without metacharacters: the directory a walk starts from.
    static func literalPrefix(of pattern: String) -> String {
        var prefix: [Substring] = []
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: false)
        for part in parts.dropLast() {
            if hasMetacharacters(String(part)) || part == "**" { break }
            prefix.append(part)
        }
        if prefix.count == parts.count - 1, !hasMetacharacters(String(parts.last ?? "")) { return pattern }
        let joined = prefix.joined(separator: "/")
        if joined.isEmpty { return pattern.hasPrefix("/") ? "/" : "." }
        return joined
    }
}
