import FormaJSON

extension Evaluation {
    /// Evaluates one keyword of `node`.
    func evaluate(
        _ keyword: CompiledKeyword, of node: SchemaNode, _ instance: JSONValue, track: Bool,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        switch keyword.kind {
        case .type(let types):
            if types.matches(instance) { return true }
            if collect {
                let names = types.names
                let expected = names.count == 1 ? names[0] : "one of " + names.joined(separator: ", ")
                report(node, "type", "expected \(expected), got \(Self.describe(instance))")
            }
            return false
        case .enumeration(let options):
            if options.contains(instance) { return true }
            if collect {
                let list = options.prefix(10).map { $0.serialized() }.joined(separator: ", ")
                report(node, "enum", "expected one of [\(list)\(options.count > 10 ? ", …" : "")], got \(Self.describe(instance))")
            }
            return false
        case .constant(let expected):
            if instance == expected { return true }
            if collect { report(node, "const", "expected \(Self.describe(expected)), got \(Self.describe(instance))") }
            return false
        case .multipleOf(let divisor):
            guard case .number(let n) = instance, !n.isMultiple(of: divisor) else { return true }
            if collect { report(node, "multipleOf", "expected a multiple of \(divisor), got \(n)") }
            return false
        case .maximum(let limit):
            guard case .number(let n) = instance, n > limit else { return true }
            if collect { report(node, "maximum", "expected a number ≤ \(limit), got \(n)") }
            return false
        case .exclusiveMaximum(let limit):
            guard case .number(let n) = instance, n >= limit else { return true }
            if collect { report(node, "exclusiveMaximum", "expected a number < \(limit), got \(n)") }
            return false
        case .minimum(let limit):
            guard case .number(let n) = instance, n < limit else { return true }
            if collect { report(node, "minimum", "expected a number ≥ \(limit), got \(n)") }
            return false
        case .exclusiveMinimum(let limit):
            guard case .number(let n) = instance, n <= limit else { return true }
            if collect { report(node, "exclusiveMinimum", "expected a number > \(limit), got \(n)") }
            return false
        case .maxLength(let limit):
            guard case .string(let s) = instance, s.utf8.count > limit else { return true }
            let length = s.unicodeScalars.count
            if length <= limit { return true }
            if collect { report(node, "maxLength", "expected at most \(limit) characters, got \(length)") }
            return false
        case .minLength(let limit):
            guard case .string(let s) = instance else { return true }
            // UTF-8 length bounds the character count from above: short strings fail fast.
            if s.utf8.count >= limit && s.unicodeScalars.count >= limit { return true }
            if collect {
                report(node, "minLength", "expected at least \(limit) characters, got \(s.unicodeScalars.count)")
            }
            return false
        case .pattern(let regex):
            guard case .string(let s) = instance else { return true }
            do {
                if try regex.matches(s) { return true }
                if collect { report(node, "pattern", "expected a string matching /\(regex.pattern)/, got \(Self.describe(instance))") }
            } catch {
                if collect { report(node, "pattern", "could not match /\(regex.pattern)/: \(error)") }
            }
            return false
        case .format(let name):
            guard case .string(let s) = instance, FormatChecker.check(format: name, value: s) == false else { return true }
            if collect { report(node, "format", "expected a valid \(name), got \(Self.describe(instance))") }
            return false
        case .content(let encoding, let mediaType):
            guard case .string(let s) = instance else { return true }
            if let problem = ContentAssertion.problem(in: s, encoding: encoding, mediaType: mediaType) {
                if collect { report(node, keyword.name, problem) }
                return false
            }
            return true
        case .maxItems(let limit):
            guard case .array(let a) = instance, a.count > limit else { return true }
            if collect { report(node, "maxItems", "expected at most \(limit) items, got \(a.count)") }
            return false
        case .minItems(let limit):
            guard case .array(let a) = instance, a.count < limit else { return true }
            if collect { report(node, "minItems", "expected at least \(limit) items, got \(a.count)") }
            return false
        case .uniqueItems:
            guard case .array(let a) = instance, a.count > 1 else { return true }
            var seen = [JSONValue: Int](minimumCapacity: a.count)
            for (i, item) in a.enumerated() {
                if let first = seen[item] {
                    if collect { report(node, "uniqueItems", "expected unique items, but items \(first) and \(i) are equal") }
                    return false
                }
                seen[item] = i
            }
            return true
        case .maxProperties(let limit):
            guard case .object(let o) = instance, o.count > limit else { return true }
            if collect { report(node, "maxProperties", "expected at most \(limit) properties, got \(o.count)") }
            return false
        case .minProperties(let limit):
            guard case .object(let o) = instance, o.count < limit else { return true }
            if collect { report(node, "minProperties", "expected at least \(limit) properties, got \(o.count)") }
            return false
        case .required(let names):
            guard case .object(let o) = instance else { return true }
            var valid = true
            for name in names where !o.contains(name) {
                valid = false
                if !collect { return false }
                report(node, "required", "missing required property \"\(name)\"")
            }
            return valid
        case .dependentRequired(let pairs):
            guard case .object(let o) = instance else { return true }
            var valid = true
            for (property, required) in pairs where o.contains(property) {
                for name in required where !o.contains(name) {
                    valid = false
                    if !collect { return false }
                    report(node, keyword.name, "property \"\(name)\" is required when \"\(property)\" is present")
                }
            }
            return valid
        default:
            return evaluateApplicator(keyword, of: node, instance, track: track, &evaluated)
        }
    }
}
