import FormaJSON

/// `patternProperties`.
final class PatternPropertiesKeyword: Keyword, @unchecked Sendable {
    let list: [(regex: ECMARegex, node: SchemaNode)]
    init(name: String, list: [(regex: ECMARegex, node: SchemaNode)]) {
        self.list = list
        super.init(name: name)
    }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        for (regex, schema) in list {
            guard let child = compiler.node(for: schema) else { return .unsupported }
            node.patternProperties.append((regex, child))
        }
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for member in object.members {
            for (regex, child) in list where (try? regex.matches(member.key)) == true {
                if !e.evaluateChild(child, member.value, keywordToken: regex.pattern, instanceToken: member.key) {
                    valid = false
                    if !e.collect { return false }
                } else if track {
                    evaluated.insert(property: member.key)
                }
            }
        }
        return valid
    }
}

/// `additionalProperties`: members matched by neither `properties` nor `patternProperties`.
final class AdditionalPropertiesKeyword: Keyword, @unchecked Sendable {
    let child: SchemaNode
    let known: PropertyTable
    let patterns: [ECMARegex]
    init(name: String, child: SchemaNode, known: PropertyTable, patterns: [ECMARegex]) {
        self.child = child
        self.known = known
        self.patterns = patterns
        super.init(name: name)
    }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        guard let child = compiler.node(for: self.child) else { return .unsupported }
        node.additional = child
        node.additionalIsFused = false
        node.additionalKnown = PropertyLookup(known)
        node.additionalPatterns = patterns
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for member in object.members where known.position(of: member.key) == nil {
            if !patterns.isEmpty, patterns.contains(where: { (try? $0.matches(member.key)) == true }) { continue }
            if child.alwaysFails {
                valid = false
                if !e.collect { return false }
                e.report(node, name, "property \"\(member.key)\" is not allowed", at: member.key)
                continue
            }
            if !e.evaluateChild(child, member.value, keywordToken: nil, instanceToken: member.key) {
                valid = false
                if !e.collect { return false }
            } else if track {
                evaluated.insert(property: member.key)
            }
        }
        return valid
    }
}

/// `propertyNames`.
final class PropertyNamesKeyword: Keyword, @unchecked Sendable {
    let child: SchemaNode
    init(name: String, child: SchemaNode) {
        self.child = child
        super.init(name: name)
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for member in object.members where !e.evaluateChild(child, .string(member.key), keywordToken: nil, instanceToken: member.key) {
            valid = false
            if !e.collect { return false }
        }
        return valid
    }
}

/// `dependentSchemas` (and draft-07 `dependencies` with schemas).
final class DependentSchemasKeyword: Keyword, @unchecked Sendable {
    let list: [(property: String, node: SchemaNode)]
    init(name: String, list: [(property: String, node: SchemaNode)]) {
        self.list = list
        super.init(name: name)
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for (property, child) in list where object.contains(property) {
            e.pushKeyword(property)
            let ok = e.evaluate(child, instance, track: track, &evaluated)
            e.popKeyword()
            if !ok {
                valid = false
                if !e.collect { return false }
            }
        }
        return valid
    }
}

/// `unevaluatedProperties`: applies to members no successful sibling evaluated.
final class UnevaluatedPropertiesKeyword: Keyword, @unchecked Sendable {
    let child: SchemaNode
    init(name: String, child: SchemaNode) {
        self.child = child
        super.init(name: name)
    }
    override class var evaluationOrder: Int { 3 }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for member in object.members where !evaluated.hasEvaluated(property: member.key) {
            if child.alwaysFails {
                valid = false
                if !e.collect { return false }
                e.report(node, name, "property \"\(member.key)\" is not allowed", at: member.key)
                continue
            }
            if !e.evaluateChild(child, member.value, keywordToken: nil, instanceToken: member.key) {
                valid = false
                if !e.collect { return false }
            }
        }
        if valid { evaluated.allProperties = true }
        return valid
    }
}

extension PatternPropertiesKeyword: ReadableKeyword {
    static var vocabulary: Vocabularies { .applicator }

    static func read(_ r: KeywordReading) throws -> [Keyword] {
        guard let members = try r.schemaMap("patternProperties") else { return [] }
        var list: [(regex: ECMARegex, node: SchemaNode)] = []
        for member in members {
            let regex = try r.regex(member.key, at: r.location.appending("patternProperties").appending(member.key))
            list.append((regex, try r.child("patternProperties", member.key)))
        }
        return [PatternPropertiesKeyword(name: "patternProperties", list: list)]
    }
}

extension AdditionalPropertiesKeyword: ReadableKeyword {
    static var vocabulary: Vocabularies { .applicator }

    /// Also reads the names of `properties` and the patterns of `patternProperties`, which say
    /// which members are not additional.
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        guard let child = try r.subschema("additionalProperties") else { return [] }
        let known = try r.schemaMap("properties")?.map(\.key) ?? []
        var patterns: [ECMARegex] = []
        for member in try r.schemaMap("patternProperties") ?? [:] {
            patterns.append(try r.regex(member.key, at: r.location.appending("patternProperties").appending(member.key)))
        }
        return [AdditionalPropertiesKeyword(
            name: "additionalProperties", child: child, known: PropertyTable(known), patterns: patterns)]
    }
}

extension PropertyNamesKeyword: ReadableKeyword {
    static var vocabulary: Vocabularies { .applicator }

    static func read(_ r: KeywordReading) throws -> [Keyword] {
        try r.subschema("propertyNames").map { [PropertyNamesKeyword(name: "propertyNames", child: $0)] } ?? []
    }
}

extension DependentSchemasKeyword: ReadableKeyword {
    static var vocabulary: Vocabularies { .applicator }

    /// `dependentSchemas`, and the schema members of `dependencies`, as the draft names them.
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        var out: [Keyword] = []
        for keyword in r.rules.schemaDependencyKeywords {
            guard let members = try r.schemaMap(keyword) else { continue }
            var list: [(property: String, node: SchemaNode)] = []
            for member in members where member.value.isSchemaShaped {
                list.append((member.key, try r.child(keyword, member.key)))
            }
            if !list.isEmpty { out.append(DependentSchemasKeyword(name: keyword, list: list)) }
        }
        return out
    }
}

extension UnevaluatedPropertiesKeyword: ReadableKeyword {
    static var vocabulary: Vocabularies { .unevaluated }

    static func read(_ r: KeywordReading) throws -> [Keyword] {
        try r.subschema("unevaluatedProperties").map {
            [UnevaluatedPropertiesKeyword(name: "unevaluatedProperties", child: $0)]
        } ?? []
    }
}
