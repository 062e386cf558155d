import FormaJSON

/// `$ref`.
final class RefKeyword: Keyword, @unchecked Sendable {
    let reference: NodeReference
    init(name: String, reference: NodeReference) {
        self.reference = reference
        super.init(name: name)
    }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        // An unresolved reference passes, as it does on the tree.
        guard let target = reference.node else { return .subschemas }
        guard let child = compiler.node(for: target) else { return .unsupported }
        node.applied.append(child)
        return .subschemas
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard let target = reference.node else { return true }
        return e.evaluate(target, instance, track: track, &evaluated)
    }
}

/// `$dynamicRef`: the outermost resource in the dynamic scope with a matching
/// `$dynamicAnchor` wins, when the static target is itself a dynamic anchor.
final class DynamicRefKeyword: Keyword, @unchecked Sendable {
    let reference: NodeReference
    let anchor: String?
    init(name: String, reference: NodeReference, anchor: String?) {
        self.reference = reference
        self.anchor = anchor
        super.init(name: name)
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        var target = reference.node
        if let anchor {
            for resource in e.dynamicScope {
                if let dynamic = e.dynamicAnchors[resource][anchor] {
                    target = dynamic
                    break
                }
            }
        }
        guard let target else { return true }
        return e.evaluate(target, instance, track: track, &evaluated)
    }
}

/// `allOf`.
final class AllOfKeyword: Keyword, @unchecked Sendable {
    let nodes: [SchemaNode]
    init(name: String, nodes: [SchemaNode]) {
        self.nodes = nodes
        super.init(name: name)
    }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        guard let children = compiler.children(nodes) else { return .unsupported }
        node.applied += children
        return .subschemas
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        var valid = true
        for (i, child) in nodes.enumerated() {
            e.pushKeyword(String(i))
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

/// `anyOf` and `oneOf`. On failure, reports a summary and then the errors of the most
/// plausible alternative (one whose `type` matched, with the fewest errors).
final class AlternativesKeyword: Keyword, @unchecked Sendable {
    let nodes: [SchemaNode]
    let isOneOf: Bool
    init(name: String, nodes: [SchemaNode], isOneOf: Bool) {
        self.nodes = nodes
        self.isOneOf = isOneOf
        super.init(name: name)
    }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        guard let children = compiler.children(nodes) else { return .unsupported }
        if isOneOf { node.oneOf = children } else { node.anyOf = children }
        return .subschemas
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        if !e.collect && !track {
            // Fast path: anyOf is settled by one match, oneOf by two.
            var matches = 0
            for child in nodes where e.evaluate(child, instance) {
                matches += 1
                if !isOneOf || matches > 1 { break }
            }
            return isOneOf ? matches == 1 : matches > 0
        }
        let start = e.errors.count
        var passing: [Int] = []
        var branchErrors: [[SchemaViolation]] = []
        for (i, child) in nodes.enumerated() {
            var branchEvaluated = EvaluatedLocations()
            let before = e.errors.count
            e.pushKeyword(String(i))
            let ok = e.evaluate(child, instance, track: track, &branchEvaluated)
            e.popKeyword()
            if e.collect {
                branchErrors.append(Array(e.errors[before...]))
                e.errors.removeSubrange(before...)
            }
            if ok {
                passing.append(i)
                if track { evaluated.merge(branchEvaluated) }
            }
        }
        if isOneOf ? passing.count == 1 : !passing.isEmpty { return true }
        guard e.collect else { return false }
        e.errors.removeSubrange(start...)
        if isOneOf && passing.count > 1 {
            let which = passing.map(String.init).joined(separator: ", ")
            e.report(node, name, "expected exactly one schema in \"oneOf\" to match, but \(passing.count) did (\(which))")
            return false
        }
        e.report(node, name, "expected the value to match \(isOneOf ? "exactly one" : "at least one") of \(nodes.count) schemas in \"\(name)\", got \(Evaluation.describe(instance))")
        let here = JSONPointer(tokens: e.instancePath)
        let plausible = branchErrors.indices.filter { i in
            !branchErrors[i].contains { $0.keyword == "type" && $0.instanceLocation == here }
        }
        let candidates = plausible.isEmpty ? Array(branchErrors.indices) : plausible
        if let best = candidates.min(by: { branchErrors[$0].count < branchErrors[$1].count }) {
            e.errors.append(contentsOf: branchErrors[best])
        }
        return false
    }
}

/// `not`.
final class NotKeyword: Keyword, @unchecked Sendable {
    let child: SchemaNode
    init(name: String, child: SchemaNode) {
        self.child = child
        super.init(name: name)
    }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        guard let child = compiler.node(for: self.child) else { return .unsupported }
        node.negated.append(child)
        return .subschemas
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        var ignored = EvaluatedLocations()
        if !e.evaluateSilently(child, instance, track: false, &ignored) { return true }
        if e.collect {
            e.report(node, name, "expected a value that does not match the schema in \"not\", got \(Evaluation.describe(instance))")
        }
        return false
    }
}

/// `if` / `then` / `else`.
final class ConditionalKeyword: Keyword, @unchecked Sendable {
    let condition: SchemaNode
    let thenNode: SchemaNode?
    let elseNode: SchemaNode?
    init(name: String, condition: SchemaNode, thenNode: SchemaNode?, elseNode: SchemaNode?) {
        self.condition = condition
        self.thenNode = thenNode
        self.elseNode = elseNode
        super.init(name: name)
    }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        guard let condition = compiler.node(for: self.condition) else { return .unsupported }
        var thenStream: StreamNode?
        var elseStream: StreamNode?
        if let thenNode {
            guard let child = compiler.node(for: thenNode) else { return .unsupported }
            thenStream = child
        }
        if let elseNode {
            guard let child = compiler.node(for: elseNode) else { return .unsupported }
            elseStream = child
        }
        node.conditionals.append((condition, thenStream, elseStream))
        return .subschemas
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        var conditionEvaluated = EvaluatedLocations()
        let matched = e.evaluateSilently(condition, instance, track: track, &conditionEvaluated)
        if matched && track { evaluated.merge(conditionEvaluated) }
        guard let branch = matched ? thenNode : elseNode else { return true }
        // Errors are located at /then/… or /else/…, not under /if.
        let collect = e.collect
        if collect { e.keywordPath[e.keywordPath.count - 1] = matched ? "then" : "else" }
        let ok = e.evaluate(branch, instance, track: track, &evaluated)
        if collect { e.keywordPath[e.keywordPath.count - 1] = name }
        return ok
    }
}

extension AllOfKeyword: ReadableKeyword {
    static var vocabulary: Vocabularies { .applicator }

    static func read(_ r: KeywordReading) throws -> [Keyword] {
        try r.schemaArray("allOf").map { [AllOfKeyword(name: "allOf", nodes: $0)] } ?? []
    }
}

extension AlternativesKeyword: ReadableKeyword {
    static var vocabulary: Vocabularies { .applicator }

    /// `anyOf` and `oneOf`.
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        var out: [Keyword] = []
        if let nodes = try r.schemaArray("anyOf") { out.append(AlternativesKeyword(name: "anyOf", nodes: nodes, isOneOf: false)) }
        if let nodes = try r.schemaArray("oneOf") { out.append(AlternativesKeyword(name: "oneOf", nodes: nodes, isOneOf: true)) }
        return out
    }
}

extension NotKeyword: ReadableKeyword {
    static var vocabulary: Vocabularies { .applicator }

    static func read(_ r: KeywordReading) throws -> [Keyword] {
        try r.subschema("not").map { [NotKeyword(name: "not", child: $0)] } ?? []
    }
}

extension ConditionalKeyword: ReadableKeyword {
    static var vocabulary: Vocabularies { .applicator }

    /// `if` with its `then` and `else`; kept without them, as a passing `if` still
    /// contributes annotations.
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        guard r.object["if"] != nil else { return [] }
        let thenNode = try r.subschema("then")
        let elseNode = try r.subschema("else")
        return [ConditionalKeyword(name: "if", condition: try r.child("if"), thenNode: thenNode, elseNode: elseNode)]
    }
}
