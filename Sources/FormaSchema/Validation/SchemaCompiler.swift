import FormaJSON

/// Where a schema sits: a loaded document and a pointer into it.
struct SchemaLocation: Hashable {
    let document: Int
    let pointer: JSONPointer
}

/// The keyword groups of draft 2020-12 that a meta-schema's `$vocabulary` can switch.
struct Vocabularies: OptionSet, Hashable {
    let rawValue: UInt8
    static let applicator = Vocabularies(rawValue: 1)
    static let validation = Vocabularies(rawValue: 2)
    static let unevaluated = Vocabularies(rawValue: 4)
    static let formatAssertion = Vocabularies(rawValue: 8)
    static let standard: Vocabularies = [.applicator, .validation, .unevaluated]

    init(rawValue: UInt8) { self.rawValue = rawValue }
}

/// A schema resource: a document root or a subschema with `$id`.
struct SchemaResource {
    var uri: String
    var draft: SchemaDraft
    var vocabularies: Vocabularies
    var location: SchemaLocation
    var dynamicAnchors: [String: SchemaLocation] = [:]
}

/// What applies at one schema location: its base URI and resource.
struct SchemaScope {
    var base: URIReference
    var resourceID: Int
}

/// Builds the node graph of a ``Validator``: indexes identifiers and anchors of every loaded
/// document, resolves references (loading registered documents on demand) and compiles
/// keywords, reporting bad keyword values, bad patterns and unresolvable references.
final class SchemaCompiler {
    let registry: SchemaRegistry
    let defaultDraft: SchemaDraft
    let formatAssertion: Bool
    let contentAssertion: Bool

    var documents: [JSONValue] = []
    var resources: [SchemaResource] = []
    var resourceIDByURI: [String: Int] = [:]
    var anchors: [String: SchemaLocation] = [:]
    var scopes: [SchemaLocation: SchemaScope] = [:]
    var nodes: [SchemaLocation: SchemaNode] = [:]

    init(registry: SchemaRegistry, defaultDraft: SchemaDraft, formatAssertion: Bool, contentAssertion: Bool = false) {
        self.registry = registry
        self.defaultDraft = defaultDraft
        self.formatAssertion = formatAssertion
        self.contentAssertion = contentAssertion
    }

    /// Compiles `schema` (retrieved from `baseURI`, if any) and everything it references.
    func compileRoot(_ schema: JSONValue, baseURI: String?) throws -> (root: SchemaNode, resources: [SchemaResource]) {
        let documentID = try load(schema, uri: baseURI ?? "", inheritedDraft: defaultDraft)
        let root = try node(at: SchemaLocation(document: documentID, pointer: .root))
        // Dynamic anchors may be chosen at run time from any loaded resource: compile them
        // all, repeating while compiling loads further documents.
        var compiled = Set<SchemaLocation>()
        while true {
            let pending = resources.flatMap { $0.dynamicAnchors.values }.filter { !compiled.contains($0) }
            if pending.isEmpty { break }
            for location in pending {
                _ = try node(at: location)
                compiled.insert(location)
            }
        }
        return (root, resources)
    }

    /// Nodes for each resource's dynamic anchors, after compilation.
    func dynamicAnchorNodes() -> [[String: SchemaNode]] {
        resources.map { resource in resource.dynamicAnchors.compactMapValues { nodes[$0] } }
    }

    // MARK: Loading and indexing

    func load(_ document: JSONValue, uri: String, inheritedDraft: SchemaDraft) throws -> Int {
        guard case .object = document else {
            if case .bool = document {
                let id = documents.count
                documents.append(document)
                let location = SchemaLocation(document: id, pointer: .root)
                let resourceID = resources.count
                resources.append(SchemaResource(uri: uri, draft: inheritedDraft, vocabularies: .standard, location: location))
                resourceIDByURI[uri] = resourceID
                scopes[location] = SchemaScope(base: URIReference(uri), resourceID: resourceID)
                return id
            }
            throw SchemaError.invalidDocument(uri: uri, reason: "a schema must be an object or a boolean, got \(document.typeName)")
        }
        let id = documents.count
        documents.append(document)
        let location = SchemaLocation(document: id, pointer: .root)
        let (draft, vocabularies) = try dialect(of: document, inherited: inheritedDraft)
        let resourceID = resources.count
        resources.append(SchemaResource(uri: uri, draft: draft, vocabularies: vocabularies, location: location))
        if resourceIDByURI[uri] == nil { resourceIDByURI[uri] = resourceID }
        try index(document, at: location, base: URIReference(uri), resourceID: resourceID, isResourceRoot: true)
        return id
    }

    /// The draft and vocabularies a schema object declares with `$schema`.
    /// - Throws: ``SchemaError/unsupportedDraft(_:location:)`` when `$schema` names neither a
    ///   known draft nor a custom meta-schema the registry holds.
    func dialect(of schema: JSONValue, inherited: SchemaDraft, at pointer: JSONPointer = .root) throws -> (SchemaDraft, Vocabularies) {
        guard let uri = schema["$schema"]?.string else { return (inherited, .standard) }
        if let draft = SchemaDraft(dialectURI: uri) { return (draft, .standard) }
        // A custom meta-schema: its own `$schema` names the draft, its `$vocabulary` the keywords.
        let key = URIReference(uri).withoutFragment.text
        guard let metaschema = try registry.document(for: key) else {
            throw SchemaError.unsupportedDraft(uri, location: pointer)
        }
        var draft = inherited
        if let parent = metaschema["$schema"]?.string, let known = SchemaDraft(dialectURI: parent) { draft = known }
        guard let vocabulary = metaschema["$vocabulary"]?.object else { return (draft, .standard) }
        let known = DraftRules.of(draft).vocabularies
        var vocabularies: Vocabularies = []
        for member in vocabulary {
            if let groups = known[member.key] { vocabularies.formUnion(groups) }
        }
        return (draft, vocabularies)
    }

    /// Records base URIs, resources and anchors of every subschema under `location`.
    func index(_ value: JSONValue, at location: SchemaLocation, base: URIReference, resourceID: Int, isResourceRoot: Bool) throws {
        guard case .object(let object) = value else {
            scopes[location] = SchemaScope(base: base, resourceID: resourceID)
            return
        }
        var base = base
        var resourceID = resourceID
        let draft = resources[resourceID].draft
        let rules = DraftRules.of(draft)
        // Before 2019-09, `$ref` overrides every sibling, the identifier included — except
        // at a document's root, whose identifier names the document itself.
        if rules.refOverridesSiblings, object["$ref"] != nil, !(isResourceRoot && location.pointer.isRoot) {
            scopes[location] = SchemaScope(base: base, resourceID: resourceID)
            return
        }
        if let id = object[rules.idKeyword]?.string {
            let resolved = base.resolving(id)
            if rules.fragmentIdentifiersAreAnchors && id.hasPrefix("#") {
                anchors[base.withoutFragment.text + id] = location
            } else if !isResourceRoot || resolved.withoutFragment.text != resources[resourceID].uri {
                let uri = resolved.withoutFragment.text
                var (subDraft, vocabularies) = (draft, resources[resourceID].vocabularies)
                if object["$schema"] != nil {
                    (subDraft, vocabularies) = try dialect(of: value, inherited: draft, at: location.pointer)
                }
                resourceID = resources.count
                resources.append(SchemaResource(uri: uri, draft: subDraft, vocabularies: vocabularies, location: location))
                resourceIDByURI[uri] = resourceID
                base = resolved.withoutFragment
                if rules.fragmentIdentifiersAreAnchors, let fragment = resolved.fragment, !fragment.isEmpty {
                    anchors[uri + "#" + fragment] = location
                }
            } else {
                base = resolved.withoutFragment
                resourceIDByURI[base.text] = resourceID
            }
        }
        let resourceRules = DraftRules.of(resources[resourceID].draft)
        if resourceRules.hasAnchorKeyword, let anchor = object["$anchor"]?.string {
            anchors[base.text + "#" + anchor] = location
        }
        if resourceRules.hasDynamicReferences, let anchor = object["$dynamicAnchor"]?.string {
            anchors[base.text + "#" + anchor] = location
            resources[resourceID].dynamicAnchors[anchor] = location
        }
        // 2019-09: `$recursiveAnchor: true` at a resource's root makes it a target of
        // `$recursiveRef`, kept as the dynamic anchor with the empty name (no `$dynamicAnchor`
        // can have it).
        if resourceRules.hasRecursiveReferences, object["$recursiveAnchor"]?.bool == true,
            resources[resourceID].location == location
        {
            resources[resourceID].dynamicAnchors[Self.recursiveAnchorName] = location
        }
        scopes[location] = SchemaScope(base: base, resourceID: resourceID)
        for (pointer, child) in Self.subschemas(of: object, at: location.pointer, rules: resourceRules) {
            try index(child, at: SchemaLocation(document: location.document, pointer: pointer),
                      base: base, resourceID: resourceID, isResourceRoot: false)
        }
    }

    /// The dynamic-anchor name under which a 2019-09 `$recursiveAnchor: true` is kept.
    static let recursiveAnchorName = ""

    /// The subschemas directly inside a schema object, by the draft's keywords.
    static func subschemas(of object: JSONObject, at pointer: JSONPointer, rules: DraftRules) -> [(JSONPointer, JSONValue)] {
        var out: [(JSONPointer, JSONValue)] = []
        for keyword in rules.singleSubschemaKeywords {
            if let child = object[keyword], child.isSchemaShaped { out.append((pointer.appending(keyword), child)) }
        }
        for keyword in rules.subschemaMapKeywords {
            guard let map = object[keyword]?.object else { continue }
            for member in map where member.value.isSchemaShaped {
                out.append((pointer.appending(keyword).appending(member.key), member.value))
            }
        }
        for keyword in rules.subschemaArrayKeywords {
            guard let array = object[keyword]?.array else { continue }
            for (i, child) in array.enumerated() where child.isSchemaShaped {
                out.append((pointer.appending(keyword).appending(index: i), child))
            }
        }
        return out
    }

    // MARK: Locations

    func value(at location: SchemaLocation) -> JSONValue? {
        location.pointer.resolve(in: documents[location.document])
    }

    /// The scope at `location`: indexed, or inherited from the nearest indexed ancestor.
    func scope(at location: SchemaLocation) -> SchemaScope {
        if let scope = scopes[location] { return scope }
        var tokens = location.pointer.tokens
        while !tokens.isEmpty {
            tokens.removeLast()
            if let scope = scopes[SchemaLocation(document: location.document, pointer: JSONPointer(tokens: tokens))] {
                return scope
            }
        }
        return SchemaScope(base: URIReference(""), resourceID: 0)
    }

    /// Finds the schema an absolute URI reference names, loading registered documents.
    func locate(
        _ target: URIReference, reference: String, from location: SchemaLocation, keyword: String = "$ref"
    ) throws -> SchemaLocation {
        let resourceURI = target.withoutFragment.text
        let scope = scope(at: location)
        var unresolvable = SchemaError.unresolvableReference(
            reference, location: location.pointer, resourceURI: resources[scope.resourceID].uri)
        unresolvable.keyword = keyword
        let root: SchemaLocation
        if let id = resourceIDByURI[resourceURI] {
            root = resources[id].location
        } else if let document = try registry.document(for: resourceURI) {
            let documentID = try load(document, uri: resourceURI, inheritedDraft: resources[scope.resourceID].draft)
            root = SchemaLocation(document: documentID, pointer: .root)
        } else {
            throw unresolvable
        }
        guard let fragment = target.fragment, !fragment.isEmpty else { return root }
        if fragment.hasPrefix("/") {
            guard let pointer = try? JSONPointer(parsing: URIReference.percentDecode(fragment)) else { throw unresolvable }
            let found = SchemaLocation(document: root.document, pointer: root.pointer.appending(pointer))
            guard let value = value(at: found), value.isSchemaShaped else { throw unresolvable }
            return found
        }
        guard let anchored = anchors[resourceURI + "#" + fragment] else { throw unresolvable }
        return anchored
    }
}

extension JSONValue {
    /// Whether the value can be a schema (an object or a boolean).
    var isSchemaShaped: Bool {
        switch self {
        case .object, .bool: return true
        default: return false
        }
    }
}
