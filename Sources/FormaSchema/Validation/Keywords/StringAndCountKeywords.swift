import FormaJSON

/// `maxLength` (in code points, as JSON Schema counts characters).
final class MaxLengthKeyword: Keyword, @unchecked Sendable {
    let limit: Int
    init(name: String, limit: Int) {
        self.limit = limit
        super.init(name: name)
    }
    override class var evaluationOrder: Int { 0 }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        node.maxLength = limit
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        // A code point takes at least one UTF-8 byte: short strings pass without counting.
        guard case .string(let s) = instance, s.utf8.count > limit else { return true }
        let length = s.unicodeScalars.count
        if length <= limit { return true }
        if e.collect { e.report(node, name, "expected at most \(limit) characters, got \(length)") }
        return false
    }
}

/// `minLength`.
final class MinLengthKeyword: Keyword, @unchecked Sendable {
    let limit: Int
    init(name: String, limit: Int) {
        self.limit = limit
        super.init(name: name)
    }
    override class var evaluationOrder: Int { 0 }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        node.minLength = limit
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .string(let s) = instance else { return true }
        // A code point takes 1–4 UTF-8 bytes: most strings are decided without counting.
        let bytes = s.utf8.count
        if bytes >= limit * 4 || (bytes >= limit && s.unicodeScalars.count >= limit) { return true }
        if e.collect { e.report(node, name, "expected at least \(limit) characters, got \(s.unicodeScalars.count)") }
        return false
    }
}

/// `pattern`.
final class PatternKeyword: Keyword, @unchecked Sendable {
    let regex: ECMARegex
    init(name: String, regex: ECMARegex) {
        self.regex = regex
        super.init(name: name)
    }
    override class var evaluationOrder: Int { 1 }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        node.patterns.append(regex)
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .string(let s) = instance else { return true }
        do {
            if try regex.matches(s) { return true }
            if e.collect {
                e.report(node, name, "expected a string matching /\(regex.pattern)/, got \(Evaluation.describe(instance))")
            }
        } catch {
            if e.collect { e.report(node, name, "could not match /\(regex.pattern)/: \(error)") }
        }
        return false
    }
}

/// `minItems`, `maxItems`, `minProperties`, `maxProperties`.
final class CountKeyword: Keyword, @unchecked Sendable {
    enum Counted { case items, properties }
    let limit: Int
    let counted: Counted
    let isMaximum: Bool
    init(name: String, limit: Int, counted: Counted, isMaximum: Bool) {
        self.limit = limit
        self.counted = counted
        self.isMaximum = isMaximum
        super.init(name: name)
    }
    override class var evaluationOrder: Int { 0 }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        switch (counted, isMaximum) {
        case (.items, true): node.maxItems = limit
        case (.items, false): node.minItems = limit
        case (.properties, true): node.maxProperties = limit
        case (.properties, false): node.minProperties = limit
        }
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        let count: Int
        switch (counted, instance) {
        case (.items, .array(let a)): count = a.count
        case (.properties, .object(let o)): count = o.count
        default: return true
        }
        if isMaximum ? count <= limit : count >= limit { return true }
        if e.collect {
            let noun = counted == .items ? "items" : "properties"
            e.report(node, name, "expected \(isMaximum ? "at most" : "at least") \(limit) \(noun), got \(count)")
        }
        return false
    }
}

/// `uniqueItems: true`.
final class UniqueItemsKeyword: Keyword, @unchecked Sendable {
    override class var evaluationOrder: Int { 1 }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        node.uniqueItems = true
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .array(let a) = instance, a.count > 1 else { return true }
        var seen = [JSONValue: Int](minimumCapacity: a.count)
        for (i, item) in a.enumerated() {
            if let first = seen[item] {
                if e.collect { e.report(node, name, "expected unique items, but items \(first) and \(i) are equal") }
                return false
            }
            seen[item] = i
        }
        return true
    }
}

/// `required`.
final class RequiredKeyword: Keyword, @unchecked Sendable {
    let names: [String]
    init(name: String, names: [String]) {
        self.names = names
        super.init(name: name)
    }
    override class var evaluationOrder: Int { 0 }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        for name in names {
            if let i = node.table?.table.position(of: name), i < 64 {
                node.requiredMask |= 1 << UInt64(i)
            } else {
                node.otherRequired.append(name)
            }
        }
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .object(let o) = instance else { return true }
        var valid = true
        for required in names where !o.contains(required) {
            valid = false
            if !e.collect { return false }
            e.report(node, name, "missing required property \"\(required)\"")
        }
        return valid
    }
}

/// `dependentRequired` (and draft-07 `dependencies` with arrays).
final class DependentRequiredKeyword: Keyword, @unchecked Sendable {
    let pairs: [(property: String, required: [String])]
    init(name: String, pairs: [(property: String, required: [String])]) {
        self.pairs = pairs
        super.init(name: name)
    }
    override class var evaluationOrder: Int { 1 }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .object(let o) = instance else { return true }
        var valid = true
        for (property, required) in pairs where o.contains(property) {
            for missing in required where !o.contains(missing) {
                valid = false
                if !e.collect { return false }
                e.report(node, name, "property \"\(missing)\" is required when \"\(property)\" is present")
            }
        }
        return valid
    }
}

extension MaxLengthKeyword: ReadableKeyword {
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        try r.count("maxLength").map { [MaxLengthKeyword(name: "maxLength", limit: $0)] } ?? []
    }
}

extension MinLengthKeyword: ReadableKeyword {
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        try r.count("minLength").map { [MinLengthKeyword(name: "minLength", limit: $0)] } ?? []
    }
}

extension PatternKeyword: ReadableKeyword {
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        guard let value = r.object["pattern"] else { return [] }
        guard case .string(let p) = value else { throw r.fail("pattern", "expected a regular expression string") }
        return [PatternKeyword(name: "pattern", regex: try r.regex(p, at: r.location.appending("pattern")))]
    }
}

extension CountKeyword: ReadableKeyword {
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        var out: [Keyword] = []
        for (keyword, counted, isMaximum) in [("maxItems", Counted.items, true), ("minItems", .items, false),
                                              ("maxProperties", .properties, true), ("minProperties", .properties, false)] {
            if let n = try r.count(keyword) {
                out.append(CountKeyword(name: keyword, limit: n, counted: counted, isMaximum: isMaximum))
            }
        }
        return out
    }
}

extension UniqueItemsKeyword: ReadableKeyword {
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        guard let value = r.object["uniqueItems"] else { return [] }
        guard case .bool(let unique) = value else { throw r.fail("uniqueItems", "expected a boolean") }
        return unique ? [UniqueItemsKeyword(name: "uniqueItems")] : []
    }
}

extension RequiredKeyword: ReadableKeyword {
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        guard let value = r.object["required"] else { return [] }
        guard case .array(let names) = value, let strings = Optional(names.compactMap(\.string)),
            strings.count == names.count
        else { throw r.fail("required", "expected an array of property names") }
        return strings.isEmpty ? [] : [RequiredKeyword(name: "required", names: strings)]
    }
}

extension DependentRequiredKeyword: ReadableKeyword {
    /// `dependentRequired`, and the property-array members of `dependencies` (the schema
    /// members are ``DependentSchemasKeyword``'s), as the draft names them.
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        var out: [Keyword] = []
        for keyword in r.rules.requiredDependencyKeywords {
            guard let value = r.object[keyword], case .object(let map) = value else { continue }
            var pairs: [(property: String, required: [String])] = []
            for member in map {
                guard case .array(let names) = member.value else { continue }  // a schema
                let strings = names.compactMap(\.string)
                guard strings.count == names.count else { throw r.fail(keyword, "expected arrays of property names") }
                pairs.append((member.key, strings))
            }
            if !pairs.isEmpty { out.append(DependentRequiredKeyword(name: keyword, pairs: pairs)) }
        }
        return out
    }
}
