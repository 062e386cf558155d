import FormaJSON

/// `prefixItems` (draft-07: `items` as an array).
final class PrefixItemsKeyword: Keyword, @unchecked Sendable {
    let nodes: [SchemaNode]
    init(name: String, nodes: [SchemaNode]) {
        self.nodes = nodes
        super.init(name: name)
    }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        guard let children = compiler.children(nodes) else { return .unsupported }
        node.prefixItems = children
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .array(let array) = instance else { return true }
        var valid = true
        let count = min(nodes.count, array.count)
        for i in 0..<count where !e.evaluateChild(nodes[i], array[i], keywordToken: String(i), instanceToken: String(i)) {
            valid = false
            if !e.collect { return false }
        }
        if valid && track { evaluated.insert(items: 0..<count) }
        return valid
    }
}

/// `items` from `start` on (2020-12 after `prefixItems`; draft-07 `items` object, or
/// `additionalItems` after an `items` array).
final class ItemsKeyword: Keyword, @unchecked Sendable {
    let child: SchemaNode
    let start: Int
    init(name: String, child: SchemaNode, start: Int) {
        self.child = child
        self.start = start
        super.init(name: name)
    }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        guard let child = compiler.node(for: self.child) else { return .unsupported }
        node.items = child
        node.itemsStart = start
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .array(let array) = instance, array.count > start else { return true }
        var valid = true
        for i in start..<array.count where !e.evaluateChild(child, array[i], keywordToken: nil, instanceToken: String(i)) {
            valid = false
            if !e.collect { return false }
        }
        if valid && track { evaluated.allItems = true }
        return valid
    }
}

/// `contains` with `minContains` / `maxContains`.
final class ContainsKeyword: Keyword, @unchecked Sendable {
    let child: SchemaNode
    let minimum: Int
    let maximum: Int?
    /// Whether matched items count as evaluated for `unevaluatedItems` (2020-12, not 2019-09).
    let evaluatesItems: Bool
    init(name: String, child: SchemaNode, minimum: Int, maximum: Int?, evaluatesItems: Bool) {
        self.child = child
        self.minimum = minimum
        self.maximum = maximum
        self.evaluatesItems = evaluatesItems
        super.init(name: name)
    }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        guard let child = compiler.node(for: self.child) else { return .unsupported }
        node.contains = (child, minimum, maximum)
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .array(let array) = instance else { return true }
        let track = track && evaluatesItems
        var matches = 0
        var matched: [Int] = []
        for (i, item) in array.enumerated() {
            var ignored = EvaluatedLocations()
            guard e.evaluateSilently(child, item, track: false, &ignored) else { continue }
            matches += 1
            if track { matched.append(i) }
            // Without annotations or a maximum, enough matches settle it.
            if !track, maximum == nil, matches >= minimum { break }
        }
        if track { evaluated.insert(items: matched) }
        if matches < minimum {
            if e.collect {
                let what = minimum == 1 ? "at least one item" : "at least \(minimum) items"
                e.report(node, name, "expected \(what) matching the \"contains\" schema, found \(matches)")
            }
            return false
        }
        if let maximum, matches > maximum {
            if e.collect { e.report(node, name, "expected at most \(maximum) items matching the \"contains\" schema, found \(matches)") }
            return false
        }
        return true
    }
}

/// `unevaluatedItems`: applies to items no successful sibling evaluated.
final class UnevaluatedItemsKeyword: Keyword, @unchecked Sendable {
    let child: SchemaNode
    init(name: String, child: SchemaNode) {
        self.child = child
        super.init(name: name)
    }
    override class var evaluationOrder: Int { 3 }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .array(let array) = instance else { return true }
        var valid = true
        for (i, item) in array.enumerated() where !evaluated.hasEvaluated(item: i) {
            if !e.evaluateChild(child, item, keywordToken: nil, instanceToken: String(i)) {
                valid = false
                if !e.collect { return false }
            }
        }
        if valid { evaluated.allItems = true }
        return valid
    }
}

extension ItemsKeyword: ReadableKeyword {
    static var vocabulary: Vocabularies { .applicator }

    /// The array keywords as the draft reads them: `prefixItems` then `items` (2020-12), or
    /// `items` as a schema, or as an array continued by `additionalItems` (earlier drafts).
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        var out: [Keyword] = []
        if !r.rules.itemsArrayForm {
            var prefixCount = 0
            if let nodes = try r.schemaArray("prefixItems") {
                prefixCount = nodes.count
                out.append(PrefixItemsKeyword(name: "prefixItems", nodes: nodes))
            }
            if let child = try r.subschema("items") { out.append(ItemsKeyword(name: "items", child: child, start: prefixCount)) }
        } else if case .array(let items)? = r.object["items"] {
            let nodes = try items.indices.map { try r.child("items", String($0)) }
            out.append(PrefixItemsKeyword(name: "items", nodes: nodes))
            if let child = try r.subschema("additionalItems") {
                out.append(ItemsKeyword(name: "additionalItems", child: child, start: nodes.count))
            }
        } else if let child = try r.subschema("items") {
            out.append(ItemsKeyword(name: "items", child: child, start: 0))
        }
        return out
    }
}

extension ContainsKeyword: ReadableKeyword {
    static var vocabulary: Vocabularies { .applicator }

    /// `contains`, with `minContains`/`maxContains` where the draft has them.
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        guard let child = try r.subschema("contains") else { return [] }
        var minimum = 1
        var maximum: Int?
        if r.rules.hasContainsBounds {
            for keyword in ["minContains", "maxContains"] {
                guard let value = r.object[keyword] else { continue }
                guard case .number(let n) = value, n.isInteger, !n.isNegative else {
                    throw r.fail(keyword, "expected a non-negative integer")
                }
                if keyword == "minContains" { minimum = n.intValue ?? Int.max } else { maximum = n.intValue ?? Int.max }
            }
        }
        return [ContainsKeyword(name: "contains", child: child, minimum: minimum, maximum: maximum,
                                evaluatesItems: r.rules.containsEvaluatesItems)]
    }
}

extension UnevaluatedItemsKeyword: ReadableKeyword {
    static var vocabulary: Vocabularies { .unevaluated }

    static func read(_ r: KeywordReading) throws -> [Keyword] {
        try r.subschema("unevaluatedItems").map { [UnevaluatedItemsKeyword(name: "unevaluatedItems", child: $0)] } ?? []
    }
}
