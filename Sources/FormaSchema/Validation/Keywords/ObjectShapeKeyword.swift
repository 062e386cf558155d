import FormaJSON

/// `properties` fused with `required` (and `additionalProperties` when there are no
/// `patternProperties`): one pass over the members finds each member's property index,
/// evaluates it, and marks it in a bit set; missing required properties and members no
/// property names then come out of bit operations instead of further scans.
///
/// Every `properties` keyword compiles to this. `required` is fused when the schema has at
/// most 64 properties and every required name is one of them, `additionalProperties` when
/// there are no `patternProperties`; otherwise those stay separate keywords. Errors keep
/// their own keyword locations.
final class ObjectShapeKeyword: Keyword, @unchecked Sendable {
    let table: PropertyTable
    let nodes: [SchemaNode]
    /// Bit `i` set when property `i` is required.
    let requiredMask: UInt64
    /// `additionalProperties`, when fused.
    let additional: SchemaNode?

    init(name: String, table: PropertyTable, nodes: [SchemaNode], requiredMask: UInt64, additional: SchemaNode?) {
        self.table = table
        self.nodes = nodes
        self.requiredMask = requiredMask
        self.additional = additional
        super.init(name: name)
    }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        guard let children = compiler.children(nodes) else { return .unsupported }
        node.table = PropertyLookup(table)
        node.propertyNodes = children
        node.requiredMask |= requiredMask
        if let additional {
            guard let child = compiler.node(for: additional) else { return .unsupported }
            node.additional = child
            node.additionalIsFused = true
        }
        // A `required` compiled before `properties` put every name in `otherRequired`.
        node.otherRequired = node.otherRequired.filter { name in
            guard let i = table.position(of: name), i < 64 else { return true }
            node.requiredMask |= 1 << UInt64(i)
            return false
        }
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .object(let object) = instance else { return true }
        var found: UInt64 = 0
        var valid = true
        for member in object.members {
            if let index = table.position(of: member.key) {
                if index < 64 { found |= 1 << UInt64(index) }
                if !e.evaluateChild(nodes[index], member.value, keywordToken: member.key, instanceToken: member.key) {
                    valid = false
                    if !e.collect { return false }
                } else if track {
                    evaluated.insert(property: member.key)
                }
            } else if let additional {
                if additional.alwaysFails {
                    valid = false
                    if !e.collect { return false }
                    e.withKeywordName("additionalProperties") {
                        $0.report(node, "additionalProperties", "property \"\(member.key)\" is not allowed", at: member.key)
                    }
                    continue
                }
                let ok = e.withKeywordName("additionalProperties") {
                    $0.evaluateChild(additional, member.value, keywordToken: nil, instanceToken: member.key)
                }
                if !ok {
                    valid = false
                    if !e.collect { return false }
                } else if track {
                    evaluated.insert(property: member.key)
                }
            }
        }
        let missing = requiredMask & ~found
        if missing != 0 {
            guard e.collect else { return false }
            valid = false
            e.withKeywordName("required") { e in
                for (i, name) in table.names.enumerated() where missing & (1 << UInt64(i)) != 0 {
                    e.report(node, "required", "missing required property \"\(name)\"")
                }
            }
        }
        return valid
    }
}

extension Evaluation {
    /// Runs `body` with the last keyword token replaced by `name` (for fused keywords whose
    /// errors belong to a sibling keyword's location).
    mutating func withKeywordName<T>(_ name: String, _ body: (inout Evaluation) -> T) -> T {
        guard collect, let saved = keywordPath.last else { return body(&self) }
        keywordPath[keywordPath.count - 1] = name
        let result = body(&self)
        keywordPath[keywordPath.count - 1] = saved
        return result
    }
}

extension ObjectShapeKeyword: ReadableKeyword {
    static var vocabulary: Vocabularies { .applicator }

    /// `properties`; ``Keyword/fused(_:)`` later folds `required` and `additionalProperties` in.
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        guard let members = try r.schemaMap("properties") else { return [] }
        var names: [String] = []
        var nodes: [SchemaNode] = []
        for member in members {
            nodes.append(try r.child("properties", member.key))
            names.append(member.key)
        }
        return [ObjectShapeKeyword(
            name: "properties", table: PropertyTable(names), nodes: nodes, requiredMask: 0, additional: nil)]
    }
}
