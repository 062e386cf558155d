import FormaJSON

extension Evaluation {
    /// Object applicators: `properties`, `patternProperties`, `additionalProperties`,
    /// `propertyNames` and `dependentSchemas` (draft-07 `dependencies` with schemas).
    func evaluateObject(
        _ keyword: CompiledKeyword, of node: SchemaNode, _ object: JSONObject, _ instance: JSONValue, track: Bool,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        var valid = true
        switch keyword.kind {
        case .properties(let list, let lookup):
            for member in object {
                guard let index = lookup[member.key] else { continue }
                let child = list[index].node
                let ok = withKeywordTokens(member.key) {
                    withInstanceToken(member.key) { evaluate(child, member.value) }
                }
                if !ok {
                    valid = false
                    if !collect { return false }
                }
            }
            if valid && track { for member in object where lookup[member.key] != nil { evaluated.properties.insert(member.key) } }
        case .patternProperties(let list):
            for member in object {
                for (regex, child) in list where (try? regex.matches(member.key)) == true {
                    let ok = withKeywordTokens(regex.pattern) {
                        withInstanceToken(member.key) { evaluate(child, member.value) }
                    }
                    if !ok {
                        valid = false
                        if !collect { return false }
                    } else if track {
                        evaluated.properties.insert(member.key)
                    }
                }
            }
        case .additionalProperties(let child, let known, let patterns):
            var names: [String] = []
            for member in object where !known.contains(member.key) {
                if !patterns.isEmpty, patterns.contains(where: { (try? $0.matches(member.key)) == true }) { continue }
                if child.alwaysFails {
                    valid = false
                    if !collect { return false }
                    report(node, "additionalProperties", "property \"\(member.key)\" is not allowed", at: member.key)
                    continue
                }
                let ok = withInstanceToken(member.key) { evaluate(child, member.value) }
                if !ok {
                    valid = false
                    if !collect { return false }
                }
                names.append(member.key)
            }
            if valid && track { evaluated.properties.formUnion(names) }
        case .propertyNames(let child):
            for member in object {
                let ok = withInstanceToken(member.key) { evaluate(child, .string(member.key)) }
                if !ok {
                    valid = false
                    if !collect { return false }
                }
            }
        case .dependentSchemas(let list):
            for (property, child) in list where object.contains(property) {
                let ok = withKeywordTokens(property) { evaluate(child, instance, track: track, &evaluated) }
                if !ok {
                    valid = false
                    if !collect { return false }
                }
            }
        default:
            break
        }
        return valid
    }

    /// Array applicators: `prefixItems`, `items` (and draft-07 `additionalItems`), `contains`.
    func evaluateArray(
        _ keyword: CompiledKeyword, of node: SchemaNode, _ array: [JSONValue], track: Bool,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        var valid = true
        switch keyword.kind {
        case .prefixItems(let nodes):
            let count = min(nodes.count, array.count)
            for i in 0..<count {
                let ok = withKeywordTokens(String(i)) { withInstanceToken(String(i)) { evaluate(nodes[i], array[i]) } }
                if !ok {
                    valid = false
                    if !collect { return false }
                }
            }
            if valid && track { evaluated.items.formUnion(0..<count) }
        case .items(let child, let start):
            guard array.count > start else { return true }
            for i in start..<array.count {
                let ok = withInstanceToken(String(i)) { evaluate(child, array[i]) }
                if !ok {
                    valid = false
                    if !collect { return false }
                }
            }
            if valid && track { evaluated.allItems = true }
        case .contains(let child, let minimum, let maximum):
            var matches = 0
            var matched: [Int] = []
            for (i, item) in array.enumerated() where silently({ evaluate(child, item) }) {
                matches += 1
                if track { matched.append(i) }
                // Without annotations or a maximum, enough matches settle it.
                if !track, maximum == nil, matches >= minimum { break }
            }
            if track { evaluated.items.formUnion(matched) }
            if matches < minimum {
                if collect {
                    let what = minimum == 1 ? "at least one item" : "at least \(minimum) items"
                    report(node, "contains", "expected \(what) matching the \"contains\" schema, found \(matches)")
                }
                return false
            }
            if let maximum, matches > maximum {
                if collect { report(node, "contains", "expected at most \(maximum) items matching the \"contains\" schema, found \(matches)") }
                return false
            }
        default:
            break
        }
        return valid
    }

    /// `unevaluatedProperties` / `unevaluatedItems`: applies the subschema to what no
    /// successful sibling keyword evaluated, then marks everything evaluated.
    func evaluateUnevaluated(
        _ keyword: CompiledKeyword, of node: SchemaNode, _ instance: JSONValue, _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        var valid = true
        switch (keyword.kind, instance) {
        case (.unevaluatedProperties(let child), .object(let object)):
            for member in object where !evaluated.hasEvaluated(property: member.key) {
                if child.alwaysFails {
                    valid = false
                    if !collect { return false }
                    report(node, "unevaluatedProperties", "property \"\(member.key)\" is not allowed", at: member.key)
                    continue
                }
                let ok = withInstanceToken(member.key) { evaluate(child, member.value) }
                if !ok {
                    valid = false
                    if !collect { return false }
                }
            }
            if valid { evaluated.allProperties = true }
        case (.unevaluatedItems(let child), .array(let array)):
            for (i, item) in array.enumerated() where !evaluated.hasEvaluated(item: i) {
                let ok = withInstanceToken(String(i)) { evaluate(child, item) }
                if !ok {
                    valid = false
                    if !collect { return false }
                }
            }
            if valid { evaluated.allItems = true }
        default:
            break
        }
        return valid
    }
}
