import FormaJSON

/// A compiled schema node regrouped for checking JSON text while it is read
/// (``StreamingEvaluation``): the keywords that look at the value itself, by the kind of value
/// they apply to, and the subschemas that apply to the same value, which are checked by
/// reading the value again.
///
/// Built once per ``Validator`` from its ``SchemaNode`` graph. Schemas using keywords that
/// need the whole tree or annotations (`unevaluated*`, `$dynamicRef`, `propertyNames`,
/// `dependentSchemas`, `dependentRequired`) get no stream program; they are always checked
/// on the tree.
final class StreamNode: @unchecked Sendable {
    // Safe to share: written only while ``StreamCompiler`` builds the graph, read-only after.

    var alwaysFails = false
    /// No keywords at all: any value passes.
    var acceptsAll = false
    var types: TypeSet?
    var enumStrings: [String]?
    var enumValues: [JSONValue]?
    var constValue: JSONValue?
    var hasConst = false

    // Numbers
    var bounds: [(limit: JSONNumber, bound: BoundKeyword.Bound)] = []
    var multiplesOf: [JSONNumber] = []

    // Strings
    var minLength: Int?
    var maxLength: Int?
    var patterns: [ECMARegex] = []
    var formats: [String] = []
    var contents: [(encoding: String?, mediaType: String?)] = []

    // Arrays
    var prefixItems: [StreamNode] = []
    var items: StreamNode?
    var itemsStart = 0
    var contains: (node: StreamNode, minimum: Int, maximum: Int?)?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false

    // Objects
    var table: PropertyTable?
    var propertyNodes: [StreamNode] = []
    /// Bit `i` set when property `i` of `table` is required.
    var requiredMask: UInt64 = 0
    /// Required names the mask cannot hold (not in `table`, or past 64 properties).
    var otherRequired: [String] = []
    var patternProperties: [(regex: ECMARegex, node: StreamNode)] = []
    var additional: StreamNode?
    /// For an `additionalProperties` fused with `properties`: members outside `table` are
    /// additional. Otherwise `additionalKnown` and `additionalPatterns` say which are not.
    var additionalIsFused = false
    var additionalKnown: PropertyTable?
    var additionalPatterns: [ECMARegex] = []
    var minProperties: Int?
    var maxProperties: Int?

    // Subschemas applied to the same value
    var applied: [StreamNode] = []
    var anyOf: [StreamNode]?
    var oneOf: [StreamNode]?
    var negated: [StreamNode] = []
    var conditionals: [(condition: StreamNode, then: StreamNode?, otherwise: StreamNode?)] = []

    /// Whether any keyword looks at the value itself (else only subschemas do).
    var hasDirectKeywords = false
    /// Whether strings must be built (patterns, formats, lengths, enums).
    var needsStringValue = false
    /// Whether member keys must be remembered (other required names, property counts).
    var needsKeys = false
    /// Whether the value must also be read as a tree (`enum`/`const` with non-string values).
    var needsTree = false

    var hasSubschemas: Bool {
        !applied.isEmpty || anyOf != nil || oneOf != nil || !negated.isEmpty || !conditionals.isEmpty
    }
}

/// Builds the ``StreamNode`` graph of a compiled schema, or reports that the schema needs
/// the tree.
struct StreamCompiler {
    private var built: [ObjectIdentifier: StreamNode] = [:]

    /// The stream program rooted at `root`, or `nil` when some keyword needs the tree.
    static func compile(_ root: SchemaNode) -> StreamNode? {
        var compiler = StreamCompiler()
        return compiler.node(for: root)
    }

    private mutating func node(for schema: SchemaNode) -> StreamNode? {
        if let existing = built[ObjectIdentifier(schema)] { return existing }
        let node = StreamNode()
        built[ObjectIdentifier(schema)] = node  // before the keywords: cycles meet it here
        if schema.alwaysFails {
            node.alwaysFails = true
            return node
        }
        if schema.keywords.isEmpty {
            node.acceptsAll = true
            return node
        }
        for keyword in schema.keywords {
            guard add(keyword, to: node) else { return nil }
        }
        node.needsStringValue = node.minLength != nil || node.maxLength != nil || !node.patterns.isEmpty
            || !node.formats.isEmpty || !node.contents.isEmpty || node.enumStrings != nil
        node.needsTree = node.enumValues != nil || node.hasConst
        node.needsKeys = !node.otherRequired.isEmpty || node.minProperties != nil || node.maxProperties != nil
        return node
    }

    private mutating func children(_ schemas: [SchemaNode]) -> [StreamNode]? {
        var out: [StreamNode] = []
        for schema in schemas {
            guard let child = node(for: schema) else { return nil }
            out.append(child)
        }
        return out
    }

    /// Adds one keyword; `false` when it has no stream form.
    private mutating func add(_ keyword: Keyword, to node: StreamNode) -> Bool {
        switch keyword {
        case let k as TypeKeyword:
            node.types = k.types
        case let k as EnumKeyword:
            if let strings = k.strings { node.enumStrings = strings } else { node.enumValues = k.options }
        case let k as ConstKeyword:
            node.constValue = k.value
            node.hasConst = true
        case let k as MultipleOfKeyword:
            node.multiplesOf.append(k.divisor)
        case let k as BoundKeyword:
            node.bounds.append((k.limit, k.bound))
        case let k as MaxLengthKeyword:
            node.maxLength = k.limit
        case let k as MinLengthKeyword:
            node.minLength = k.limit
        case let k as PatternKeyword:
            node.patterns.append(k.regex)
        case let k as FormatKeyword:
            node.formats.append(k.format)
        case let k as ContentKeyword:
            node.contents.append((k.encoding, k.mediaType))
        case let k as CountKeyword:
            switch (k.counted, k.isMaximum) {
            case (.items, true): node.maxItems = k.limit
            case (.items, false): node.minItems = k.limit
            case (.properties, true): node.maxProperties = k.limit
            case (.properties, false): node.minProperties = k.limit
            }
        case is UniqueItemsKeyword:
            node.uniqueItems = true
        case let k as RequiredKeyword:
            for name in k.names {
                if let table = node.table, let i = table.position(of: name), i < 64 {
                    node.requiredMask |= 1 << UInt64(i)
                } else {
                    node.otherRequired.append(name)
                }
            }
        case let k as ObjectShapeKeyword:
            guard let nodes = children(k.nodes) else { return false }
            node.table = k.table
            node.propertyNodes = nodes
            node.requiredMask |= k.requiredMask
            if let additional = k.additional {
                guard let child = self.node(for: additional) else { return false }
                node.additional = child
                node.additionalIsFused = true
            }
            // A `required` compiled before `properties` put every name in `otherRequired`.
            node.otherRequired = node.otherRequired.filter { name in
                guard let i = k.table.position(of: name), i < 64 else { return true }
                node.requiredMask |= 1 << UInt64(i)
                return false
            }
        case let k as PatternPropertiesKeyword:
            for (regex, schema) in k.list {
                guard let child = self.node(for: schema) else { return false }
                node.patternProperties.append((regex, child))
            }
        case let k as AdditionalPropertiesKeyword:
            guard let child = self.node(for: k.child) else { return false }
            node.additional = child
            node.additionalIsFused = false
            node.additionalKnown = k.known
            node.additionalPatterns = k.patterns
        case let k as PrefixItemsKeyword:
            guard let nodes = children(k.nodes) else { return false }
            node.prefixItems = nodes
        case let k as ItemsKeyword:
            guard let child = self.node(for: k.child) else { return false }
            node.items = child
            node.itemsStart = k.start
        case let k as ContainsKeyword:
            guard let child = self.node(for: k.child) else { return false }
            node.contains = (child, k.minimum, k.maximum)
        case let k as AllOfKeyword:
            guard let nodes = children(k.nodes) else { return false }
            node.applied += nodes
        case let k as AlternativesKeyword:
            guard let nodes = children(k.nodes) else { return false }
            if k.isOneOf { node.oneOf = nodes } else { node.anyOf = nodes }
        case let k as NotKeyword:
            guard let child = self.node(for: k.child) else { return false }
            node.negated.append(child)
        case let k as ConditionalKeyword:
            guard let condition = self.node(for: k.condition) else { return false }
            var thenNode: StreamNode?
            var elseNode: StreamNode?
            if let schema = k.thenNode {
                guard let child = self.node(for: schema) else { return false }
                thenNode = child
            }
            if let schema = k.elseNode {
                guard let child = self.node(for: schema) else { return false }
                elseNode = child
            }
            node.conditionals.append((condition, thenNode, elseNode))
        case let k as RefKeyword:
            // An unresolved reference passes, as ``RefKeyword`` does.
            guard let target = k.reference.node else { return true }
            guard let child = self.node(for: target) else { return false }
            node.applied.append(child)
        default:
            return false
        }
        if !(keyword is AllOfKeyword || keyword is AlternativesKeyword || keyword is NotKeyword
            || keyword is ConditionalKeyword || keyword is RefKeyword)
        {
            node.hasDirectKeywords = true
        }
        return true
    }
}
