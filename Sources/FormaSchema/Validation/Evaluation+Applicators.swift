import FormaJSON

extension Evaluation {
    /// Evaluates keywords that apply subschemas to the instance or to its parts.
    func evaluateApplicator(
        _ keyword: CompiledKeyword, of node: SchemaNode, _ instance: JSONValue, track: Bool,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        switch keyword.kind {
        case .ref(let reference):
            guard let target = reference.node else { return true }
            return evaluate(target, instance, track: track, &evaluated)
        case .dynamicRef(let reference, let anchor):
            var target = reference.node
            if let anchor {
                for resource in dynamicScope {
                    if let dynamic = dynamicAnchors[resource][anchor] {
                        target = dynamic
                        break
                    }
                }
            }
            guard let target else { return true }
            return evaluate(target, instance, track: track, &evaluated)
        case .allOf(let nodes):
            var valid = true
            for (i, child) in nodes.enumerated() {
                let ok = withKeywordTokens(String(i)) { evaluate(child, instance, track: track, &evaluated) }
                if !ok {
                    valid = false
                    if !collect { return false }
                }
            }
            return valid
        case .anyOf(let nodes):
            return evaluateAlternatives(nodes, node: node, keyword: "anyOf", instance, track: track, &evaluated)
        case .oneOf(let nodes):
            return evaluateAlternatives(nodes, node: node, keyword: "oneOf", instance, track: track, &evaluated)
        case .not(let child):
            if !silently({ evaluate(child, instance) }) { return true }
            if collect { report(node, "not", "expected a value that does not match the schema in \"not\", got \(Self.describe(instance))") }
            return false
        case .conditional(let condition, let thenNode, let elseNode):
            var conditionEvaluated = EvaluatedLocations()
            let matched = silently { evaluate(condition, instance, track: track, &conditionEvaluated) }
            if matched {
                if track { evaluated.merge(conditionEvaluated) }
                guard let thenNode else { return true }
                return asKeyword("then") { evaluate(thenNode, instance, track: track, &evaluated) }
            }
            guard let elseNode else { return true }
            return asKeyword("else") { evaluate(elseNode, instance, track: track, &evaluated) }
        case .unevaluatedProperties, .unevaluatedItems:
            return evaluateUnevaluated(keyword, of: node, instance, &evaluated)
        case .properties, .patternProperties, .additionalProperties, .propertyNames, .dependentSchemas:
            guard case .object(let object) = instance else { return true }
            return evaluateObject(keyword, of: node, object, instance, track: track, &evaluated)
        case .prefixItems, .items, .contains:
            guard case .array(let array) = instance else { return true }
            return evaluateArray(keyword, of: node, array, track: track, &evaluated)
        default:
            return true
        }
    }

    /// Runs `body` with the keyword path's last token (`if`) replaced by `then` or `else`,
    /// so their errors are located at `/then/…` rather than under `/if`.
    private func asKeyword<T>(_ name: String, _ body: () -> T) -> T {
        guard collect, let saved = keywordPath.last else { return body() }
        keywordPath[keywordPath.count - 1] = name
        defer { keywordPath[keywordPath.count - 1] = saved }
        return body()
    }

    /// `anyOf` and `oneOf`: on failure, keeps the errors of the most plausible alternative
    /// (one whose `type` matched, with the fewest errors) after a summary error.
    private func evaluateAlternatives(
        _ nodes: [SchemaNode], node: SchemaNode, keyword: String, _ instance: JSONValue, track: Bool,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        let isOneOf = keyword == "oneOf"
        let start = errors.count
        var passing: [Int] = []
        var branchErrors: [[ValidationError]] = []
        for (i, child) in nodes.enumerated() {
            var branchEvaluated = EvaluatedLocations()
            let before = errors.count
            let ok = withKeywordTokens(String(i)) { evaluate(child, instance, track: track, &branchEvaluated) }
            if collect {
                branchErrors.append(Array(errors[before...]))
                errors.removeSubrange(before...)
            }
            if ok {
                passing.append(i)
                if track { evaluated.merge(branchEvaluated) }
                // Without annotations to gather, anyOf is settled by one match, oneOf by two.
                if !track && !collect && (!isOneOf || passing.count > 1) { break }
            }
        }
        if isOneOf ? passing.count == 1 : !passing.isEmpty { return true }
        guard collect else { return false }
        errors.removeSubrange(start...)
        if isOneOf && passing.count > 1 {
            report(node, keyword, "expected exactly one schema in \"oneOf\" to match, but \(passing.count) did (\(passing.map(String.init).joined(separator: ", ")))")
            return false
        }
        report(node, keyword, "expected the value to match \(isOneOf ? "exactly one" : "at least one") of \(nodes.count) schemas in \"\(keyword)\", got \(Self.describe(instance))")
        let here = JSONPointer(tokens: instancePath)
        let plausible = branchErrors.indices.filter { i in
            !branchErrors[i].contains { $0.keyword == "type" && $0.instanceLocation == here }
        }
        let candidates = plausible.isEmpty ? Array(branchErrors.indices) : plausible
        if let best = candidates.min(by: { branchErrors[$0].count < branchErrors[$1].count }) {
            errors.append(contentsOf: branchErrors[best])
        }
        return false
    }
}
