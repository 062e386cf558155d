import FormaJSON
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    // Safe to share: written only while ``StreamCompiler`` builds the graph, read-only after;
    // so the properties skip dynamic exclusivity checks (`@exclusivity(unchecked)`), which
    // otherwise cost more than the checks they guard.

    @exclusivity(unchecked) var alwaysFails = false
    /// No keywords at all: any value passes.
    @exclusivity(unchecked) var acceptsAll = false
    @exclusivity(unchecked) var types: TypeSet?
    @exclusivity(unchecked) var enumStrings: [String]?
    /// `enumStrings` as UTF-8 bytes, compared with strings read as bytes.
    @exclusivity(unchecked) var enumUTF8: [[UInt8]]?
    @exclusivity(unchecked) var enumValues: [JSONValue]?
    @exclusivity(unchecked) var constValue: JSONValue?
    @exclusivity(unchecked) var hasConst = false

    // Numbers
    @exclusivity(unchecked) var bounds: [(limit: JSONNumber, bound: BoundKeyword.Bound)] = []
    @exclusivity(unchecked) var multiplesOf: [JSONNumber] = []

    // Strings
    @exclusivity(unchecked) var minLength: Int?
    @exclusivity(unchecked) var maxLength: Int?
    @exclusivity(unchecked) var patterns: [ECMARegex] = []
    @exclusivity(unchecked) var formats: [@Sendable (String) -> Bool] = []
    @exclusivity(unchecked) var contents: [(encoding: String?, mediaType: String?)] = []

    // Arrays
    @exclusivity(unchecked) var prefixItems: [StreamNode] = []
    @exclusivity(unchecked) var items: StreamNode?
    @exclusivity(unchecked) var itemsStart = 0
    @exclusivity(unchecked) var contains: (node: StreamNode, minimum: Int, maximum: Int?)?
    @exclusivity(unchecked) var minItems: Int?
    @exclusivity(unchecked) var maxItems: Int?
    @exclusivity(unchecked) var uniqueItems = false

    // Objects
    @exclusivity(unchecked) var table: PropertyLookup?
    @exclusivity(unchecked) var propertyNodes: [StreamNode] = []
    /// Bit `i` set when property `i` of `table` is required.
    @exclusivity(unchecked) var requiredMask: UInt64 = 0
    /// Required names the mask cannot hold (not in `table`, or past 64 properties).
    @exclusivity(unchecked) var otherRequired: [String] = []
    @exclusivity(unchecked) var patternProperties: [(regex: ECMARegex, node: StreamNode)] = []
    @exclusivity(unchecked) var additional: StreamNode?
    /// For an `additionalProperties` fused with `properties`: members outside `table` are
    /// additional. Otherwise `additionalKnown` and `additionalPatterns` say which are not.
    @exclusivity(unchecked) var additionalIsFused = false
    @exclusivity(unchecked) var additionalKnown: PropertyLookup?
    @exclusivity(unchecked) var additionalPatterns: [ECMARegex] = []
    @exclusivity(unchecked) var minProperties: Int?
    @exclusivity(unchecked) var maxProperties: Int?

    // Subschemas applied to the same value
    @exclusivity(unchecked) var applied: [StreamNode] = []
    @exclusivity(unchecked) var anyOf: [StreamNode]?
    @exclusivity(unchecked) var oneOf: [StreamNode]?
    @exclusivity(unchecked) var negated: [StreamNode] = []
    @exclusivity(unchecked) var conditionals: [(condition: StreamNode, then: StreamNode?, otherwise: StreamNode?)] = []

    /// Whether any keyword looks at the value itself (else only subschemas do).
    @exclusivity(unchecked) var hasDirectKeywords = false
    /// Whether strings must be read (patterns, formats, lengths, enums).
    @exclusivity(unchecked) var needsStringValue = false
    /// Whether a string's bytes are enough (no format check, no tree comparison).
    @exclusivity(unchecked) var stringBytesSuffice = false
    /// Whether member keys are needed as strings (remembered, or matched by a pattern).
    @exclusivity(unchecked) var needsKeyStrings = false
    /// Whether member keys must be remembered (other required names, property counts).
    @exclusivity(unchecked) var needsKeys = false
    /// Whether the value must also be read as a tree (`enum`/`const` with non-string values).
    @exclusivity(unchecked) var needsTree = false

    /// Whether subschemas apply to the same value (set once the node is built).
    @exclusivity(unchecked) var hasSubschemas = false
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
        node.stringBytesSuffice = node.formats.isEmpty && node.contents.isEmpty && !node.needsTree
        node.enumUTF8 = node.enumStrings.map { $0.map { Array($0.utf8) } }
        // Keys are remembered for required names outside the mask and property counts, and
        // to notice repeated keys the mask cannot: past 64 properties, and members an
        // `additionalProperties` schema or `patternProperties` check.
        let additionalChecksValues = node.additional.map { !$0.alwaysFails } ?? false
        node.needsKeys = !node.otherRequired.isEmpty || node.minProperties != nil || node.maxProperties != nil
            || (node.table?.table.names.count ?? 0) > 64 || additionalChecksValues || !node.patternProperties.isEmpty
        // Patterns match key strings; an `additionalProperties` that is not fused with
        // `properties` looks keys up in its own table.
        node.needsKeyStrings = node.needsKeys || !node.patternProperties.isEmpty
            || (node.additional != nil && !node.additionalIsFused)
        node.hasSubschemas = !node.applied.isEmpty || node.anyOf != nil || node.oneOf != nil || !node.negated.isEmpty
            || !node.conditionals.isEmpty
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
            // Unknown formats pass, as ``FormatKeyword`` lets them.
            guard let check = k.check else { return true }
            node.formats.append(check)
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
                if let i = node.table?.table.position(of: name), i < 64 {
                    node.requiredMask |= 1 << UInt64(i)
                } else {
                    node.otherRequired.append(name)
                }
            }
        case let k as ObjectShapeKeyword:
            guard let nodes = children(k.nodes) else { return false }
            node.table = PropertyLookup(k.table)
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
            node.additionalKnown = PropertyLookup(k.known)
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

/// A property table behind a reference: reading it from a node borrows one object instead
/// of copying (and retaining) the table's arrays for every member looked up.
final class PropertyLookup: Sendable {
    let table: PropertyTable
    /// Each name's UTF-8 bytes, for lookups by the key's bytes as written in the text.
    let utf8Names: [[UInt8]]

    init(_ table: PropertyTable) {
        self.table = table
        self.utf8Names = table.names.map { Array($0.utf8) }
    }

    /// The position of the name whose UTF-8 bytes are `key`, as ``PropertyTable`` finds it.
    func position(ofUTF8 key: UnsafeBufferPointer<UInt8>) -> Int? {
        if utf8Names.count <= PropertyTable.hashThreshold {
            for (i, name) in utf8Names.enumerated() where name.count == key.count {
                guard let keyBase = key.baseAddress else { return i }  // both empty
                if name.withUnsafeBufferPointer({ $0.baseAddress.map { memcmp($0, keyBase, key.count) == 0 } ?? false }) { return i }
            }
            // Equal bytes were not found; Swift's `==` (which the table uses) may still
            // equate a differently normalized non-ASCII name.
            guard key.contains(where: { $0 >= 0x80 }) else { return nil }
        }
        return table.position(of: String(decoding: key, as: UTF8.self))
    }
}
