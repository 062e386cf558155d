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

    /// The stream node of `schema`, built on first use; `nil` when it needs the tree.
    mutating func node(for schema: SchemaNode) -> StreamNode? {
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

    /// The stream nodes of `schemas`, or `nil` when one needs the tree.
    mutating func children(_ schemas: [SchemaNode]) -> [StreamNode]? {
        var out: [StreamNode] = []
        for schema in schemas {
            guard let child = node(for: schema) else { return nil }
            out.append(child)
        }
        return out
    }

    /// Adds one keyword, by its own ``Keyword/addStreamForm(to:_:)``; `false` when it has
    /// no stream form.
    private mutating func add(_ keyword: Keyword, to node: StreamNode) -> Bool {
        switch keyword.addStreamForm(to: node, &self) {
        case .unsupported: return false
        case .value: node.hasDirectKeywords = true
        case .subschemas: break
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
