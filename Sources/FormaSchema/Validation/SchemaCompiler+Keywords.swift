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

    private func child(_ location: SchemaLocation, _ tokens: String...) throws -> SchemaNode {
        var pointer = location.pointer
        for token in tokens { pointer = pointer.appending(token) }
        return try node(at: SchemaLocation(document: location.document, pointer: pointer))
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
        func schemaArray(_ keyword: String) throws -> [SchemaNode]? {
            guard let value = object[keyword] else { return nil }
            guard case .array(let items) = value, !items.isEmpty else {
                throw fail(keyword, "expected a non-empty array of schemas")
            }
            return try items.indices.map { try child(location, keyword, String($0)) }
        }
        func regex(_ pattern: String, _ pointer: JSONPointer) throws -> ECMARegex {
            do {
                return try ECMARegex.cached(pattern)
            } catch {
                throw SchemaError.invalidPattern(pattern, reason: "\(error)", location: pointer)
            }
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

        // Keywords made from their values alone read themselves, as the draft lists them.
        let reading = KeywordReading(
            object: object, location: here, rules: rules,
            assertsFormat: formatAssertion || vocabularies.contains(.formatAssertion), assertsContent: contentAssertion)
        for keyword in rules.assertions where vocabularies.isSuperset(of: keyword.vocabulary) {
            out += try keyword.read(reading)
        }

        if vocabularies.contains(.applicator) {
            try compileApplicators(object, at: location, rules: rules, into: &out, schemaArray: schemaArray, regex: regex)
        }
        if rules.hasUnevaluated, vocabularies.contains(.unevaluated) {
            if object["unevaluatedProperties"] != nil {
                out.append(UnevaluatedPropertiesKeyword(name: "unevaluatedProperties", child: try child(location, "unevaluatedProperties")))
            }
            if object["unevaluatedItems"] != nil {
                out.append(UnevaluatedItemsKeyword(name: "unevaluatedItems", child: try child(location, "unevaluatedItems")))
            }
        }
        return out
    }

    private func compileApplicators(
        _ object: JSONObject, at location: SchemaLocation, rules: DraftRules, into out: inout [Keyword],
        schemaArray: (String) throws -> [SchemaNode]?, regex: (String, JSONPointer) throws -> ECMARegex
    ) throws {
        let here = location.pointer
        func fail(_ keyword: String, _ expected: String) -> SchemaError {
            SchemaError.invalidKeywordValue(keyword: keyword, location: here.appending(keyword), expected: expected)
        }
        func map(_ keyword: String) throws -> JSONObject? {
            guard let value = object[keyword] else { return nil }
            guard case .object(let members) = value else { throw fail(keyword, "expected an object of schemas") }
            return members
        }

        var known: [String] = []
        var patterns: [ECMARegex] = []
        if let members = try map("properties") {
            var nodes: [SchemaNode] = []
            for member in members {
                nodes.append(try child(location, "properties", member.key))
                known.append(member.key)
            }
            out.append(ObjectShapeKeyword(name: "properties", table: PropertyTable(known), nodes: nodes, requiredMask: 0, additional: nil))
        }
        if let members = try map("patternProperties") {
            var list: [(regex: ECMARegex, node: SchemaNode)] = []
            for member in members {
                let compiled = try regex(member.key, here.appending("patternProperties").appending(member.key))
                list.append((compiled, try child(location, "patternProperties", member.key)))
                patterns.append(compiled)
            }
            out.append(PatternPropertiesKeyword(name: "patternProperties", list: list))
        }
        if object["additionalProperties"] != nil {
            out.append(AdditionalPropertiesKeyword(name: "additionalProperties", child: try child(location, "additionalProperties"), known: PropertyTable(known), patterns: patterns))
        }
        if rules.hasDraft6Keywords, object["propertyNames"] != nil {
            out.append(PropertyNamesKeyword(name: "propertyNames", child: try child(location, "propertyNames")))
        }
        for dependentKeyword in rules.schemaDependencyKeywords {
            guard let members = try map(dependentKeyword) else { continue }
            var list: [(property: String, node: SchemaNode)] = []
            for member in members where member.value.isSchemaShaped {
                list.append((member.key, try child(location, dependentKeyword, member.key)))
            }
            if !list.isEmpty { out.append(DependentSchemasKeyword(name: dependentKeyword, list: list)) }
        }
        if !rules.itemsArrayForm {
            var prefixCount = 0
            if let nodes = try schemaArray("prefixItems") {
                prefixCount = nodes.count
                out.append(PrefixItemsKeyword(name: "prefixItems", nodes: nodes))
            }
            if object["items"] != nil {
                out.append(ItemsKeyword(name: "items", child: try child(location, "items"), start: prefixCount))
            }
        } else {
            if case .array(let items)? = object["items"] {
                let nodes = try items.indices.map { try child(location, "items", String($0)) }
                out.append(PrefixItemsKeyword(name: "items", nodes: nodes))
                if object["additionalItems"] != nil {
                    out.append(ItemsKeyword(name: "additionalItems", child: try child(location, "additionalItems"), start: nodes.count))
                }
            } else if object["items"] != nil {
                out.append(ItemsKeyword(name: "items", child: try child(location, "items"), start: 0))
            }
        }
        if rules.hasDraft6Keywords, object["contains"] != nil {
            var minimum = 1
            var maximum: Int?
            if rules.hasContainsBounds {
                for keyword in ["minContains", "maxContains"] {
                    guard let value = object[keyword] else { continue }
                    guard case .number(let n) = value, n.isInteger, !n.isNegative else {
                        throw fail(keyword, "expected a non-negative integer")
                    }
                    if keyword == "minContains" { minimum = n.intValue ?? Int.max } else { maximum = n.intValue ?? Int.max }
                }
            }
            out.append(ContainsKeyword(name: "contains", child: try child(location, "contains"), minimum: minimum, maximum: maximum, evaluatesItems: rules.containsEvaluatesItems))
        }
        if let nodes = try schemaArray("allOf") { out.append(AllOfKeyword(name: "allOf", nodes: nodes)) }
        if let nodes = try schemaArray("anyOf") { out.append(AlternativesKeyword(name: "anyOf", nodes: nodes, isOneOf: false)) }
        if let nodes = try schemaArray("oneOf") { out.append(AlternativesKeyword(name: "oneOf", nodes: nodes, isOneOf: true)) }
        if object["not"] != nil { out.append(NotKeyword(name: "not", child: try child(location, "not"))) }
        if rules.hasConditionals, object["if"] != nil {
            let thenNode = object["then"] != nil ? try child(location, "then") : nil
            let elseNode = object["else"] != nil ? try child(location, "else") : nil
            // Kept even without then/else: a passing `if` still contributes annotations.
            out.append(ConditionalKeyword(name: "if", condition: try child(location, "if"), thenNode: thenNode, elseNode: elseNode))
        }
    }
}
