import FormaJSON

extension SchemaCompiler {
    /// The compiled node at `location`, compiling it (and what it references) on first use.
    func node(at location: SchemaLocation) throws -> SchemaNode {
        if let existing = nodes[location] { return existing }
        guard let value = value(at: location) else {
            throw SchemaError.invalidKeywordValue(keyword: "", location: location.pointer, expected: "no schema at this location")
        }
        let scope = scope(at: location)
        let resource = resources[scope.resourceID]
        let relative = JSONPointer(tokens: Array(location.pointer.tokens.dropFirst(resource.location.pointer.tokens.count)))
        let node = SchemaNode(resourceID: scope.resourceID, absoluteLocation: resource.uri + "#" + relative.description)
        nodes[location] = node
        switch value {
        case .bool(let accepts):
            node.alwaysFails = !accepts
        case .object(let object):
            var keywords = try compileKeywords(object, at: location, scope: scope)
            keywords.sort { $0.order < $1.order }
            node.keywords = Keyword.fused(keywords)
            node.needsAnnotations = keywords.contains { $0.order == 3 }
        default:
            throw SchemaError.invalidKeywordValue(
                keyword: location.pointer.tokens.last ?? "", location: location.pointer,
                expected: "a schema must be an object or a boolean, got \(value.typeName)")
        }
        return node
    }

    private func compileKeywords(_ object: JSONObject, at location: SchemaLocation, scope: SchemaScope) throws -> [Keyword] {
        let resource = resources[scope.resourceID]
        let rules = DraftRules.of(resource.draft)
        let vocabularies = resource.vocabularies
        var out: [Keyword] = []
        let here = location.pointer

        func fail(_ keyword: String, _ expected: String) -> SchemaError {
            SchemaError.invalidKeywordValue(keyword: keyword, location: here.appending(keyword), expected: expected)
        }

        // References. Before 2019-09, `$ref` replaces the whole schema.
        if let ref = object["$ref"] {
            guard case .string(let text) = ref else { throw fail("$ref", "expected a URI reference string") }
            let target = try locate(scope.base.resolving(text), reference: text, from: location)
            let reference = NodeReference()
            out.append(RefKeyword(name: "$ref", reference: reference))
            reference.node = try node(at: target)
            if rules.refOverridesSiblings { return out }
        }
        if rules.hasRecursiveReferences, let ref = object["$recursiveRef"] {
            guard case .string(let text) = ref else { throw fail("$recursiveRef", "expected a URI reference string") }
            let resolved = scope.base.resolving(text)
            let target = try locate(resolved, reference: text, from: location, keyword: "$recursiveRef")
            // Dynamic only when the initial target is a resource root with `$recursiveAnchor: true`.
            var anchor: String?
            if let targetResource = resourceIDByURI[resolved.withoutFragment.text],
                resources[targetResource].dynamicAnchors[Self.recursiveAnchorName] == target
            {
                anchor = Self.recursiveAnchorName
            }
            let reference = NodeReference()
            out.append(DynamicRefKeyword(name: "$recursiveRef", reference: reference, anchor: anchor))
            reference.node = try node(at: target)
        }
        if rules.hasDynamicReferences, let ref = object["$dynamicRef"] {
            guard case .string(let text) = ref else { throw fail("$dynamicRef", "expected a URI reference string") }
            let resolved = scope.base.resolving(text)
            let target = try locate(resolved, reference: text, from: location, keyword: "$dynamicRef")
            var anchor: String?
            if let fragment = resolved.fragment, !fragment.isEmpty, !fragment.hasPrefix("/"),
                let targetResource = resourceIDByURI[resolved.withoutFragment.text],
                resources[targetResource].dynamicAnchors[fragment] != nil
            {
                anchor = fragment
            }
            let reference = NodeReference()
            out.append(DynamicRefKeyword(name: "$dynamicRef", reference: reference, anchor: anchor))
            reference.node = try node(at: target)
        }

        // Every other keyword reads itself, as the draft lists them.
        let reading = KeywordReading(
            object: object, location: here, rules: rules,
            assertsFormat: formatAssertion || vocabularies.contains(.formatAssertion), assertsContent: contentAssertion,
            compileChild: { tokens in
                var pointer = location.pointer
                for token in tokens { pointer = pointer.appending(token) }
                return try self.node(at: SchemaLocation(document: location.document, pointer: pointer))
            })
        for keyword in rules.keywords where vocabularies.isSuperset(of: keyword.vocabulary) {
            out += try keyword.read(reading)
        }
        return out
    }
}
