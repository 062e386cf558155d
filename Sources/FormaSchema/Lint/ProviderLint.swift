import FormaJSON

/// Reports, for each backend, which keywords of a schema it does not enforce or rejects —
/// the places where only local validation protects you.
///
/// ```swift
/// for finding in ProviderLint.lint(schema, targets: [.xgrammar]) { print(finding) }
/// // xgrammar /properties/tags/uniqueItems: ignored: xgrammar ignores it (with only a server-side warning)
/// ```
public enum ProviderLint {
    /// Every finding for `schema` on each of `targets`, in schema order.
    /// - Parameters:
    ///   - schema: The schema to check.
    ///   - targets: The backends to check it for (all of them by default).
    /// - Returns: One finding per keyword a backend ignores or rejects.
    public static func lint(_ schema: JSONSchema, targets: [SchemaBackend] = SchemaBackend.all) -> [LintFinding] {
        var out: [LintFinding] = []
        for target in targets {
            walk(schema.value, at: .root, target: target, isRoot: true, into: &out)
        }
        return out
    }

    static func walk(_ value: JSONValue, at pointer: JSONPointer, target: SchemaBackend, isRoot: Bool, into out: inout [LintFinding]) {
        guard case .object(let object) = value else { return }
        func report(_ keyword: String, _ support: KeywordSupport, _ message: String, at location: JSONPointer? = nil) {
            out.append(LintFinding(target: target, location: location ?? pointer.appending(keyword), keyword: keyword,
                                   support: support, message: message))
        }
        for member in object {
            let keyword = member.key
            guard let rule = target.rules[keyword] else { continue }
            if keyword == "uniqueItems", member.value == .bool(false) { continue }
            report(keyword, rule.support, rule.reason)
        }
        if target.requiresClosedObjects { checkStrictShape(object, at: pointer, isRoot: isRoot, target: target, into: &out) }
        if let format = object["format"]?.string {
            switch target.formats {
            case .any: break
            case .only(let known, let otherwise, let reason) where !known.contains(format):
                report("format", otherwise, "\(reason) \"\(format)\"")
            case .ignoring(let unsupported, let reason) where unsupported.contains(format):
                report("format", .ignored, "\(reason) \"\(format)\"")
            default: break
            }
        }
        if target.localReferencesOnly, let ref = object["$ref"]?.string, !ref.hasPrefix("#") {
            report("$ref", .rejected, "\(target.name) resolves local $ref only")
        }
        if target.propertyCountsNeedAllRequired, object["minProperties"] != nil || object["maxProperties"] != nil {
            let required = Set(object["required"]?.array?.compactMap(\.string) ?? [])
            let properties = Set(object["properties"]?.object?.keys ?? [])
            if !properties.isSubset(of: required) {
                let keyword = object["minProperties"] != nil ? "minProperties" : "maxProperties"
                report(keyword, .rejected, "\(target.name) supports \(keyword) only when every property is required")
            }
        }
        if target.numericBoundsOnlyOnIntegers, object["type"]?.string != "integer" {
            for keyword in ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] where object[keyword]?.number != nil {
                report(keyword, .ignored, "\(target.name) enforces \(keyword) only on \"type\": \"integer\"")
            }
        }
        var patterns: [(JSONPointer, String)] = []
        if let p = object["pattern"]?.string { patterns.append((pointer.appending("pattern"), p)) }
        for key in object["patternProperties"]?.object?.keys ?? [] {
            patterns.append((pointer.appending("patternProperties").appending(key), key))
        }
        for (location, pattern) in patterns {
            for (feature, support, reason) in RegexFeatures(scanning: pattern).problems(for: target) {
                report("pattern", support, "pattern /\(pattern)/ uses \(feature): \(reason)", at: location)
            }
        }
        let draft: SchemaDraft = object["$schema"]?.string.flatMap(SchemaDraft.init(dialectURI:)) ?? .draft2020_12
        for (childPointer, child) in SchemaCompiler.subschemas(of: object, at: pointer, rules: DraftRules.of(draft)) {
            walk(child, at: childPointer, target: target, isRoot: false, into: &out)
        }
        if draft == .draft2020_12, let definitions = object["definitions"]?.object {
            for member in definitions {
                walk(member.value, at: pointer.appending("definitions").appending(member.key), target: target, isRoot: false, into: &out)
            }
        }
    }

    /// OpenAI strict mode: objects must be closed and list every property as required.
    static func checkStrictShape(
        _ object: JSONObject, at pointer: JSONPointer, isRoot: Bool, target: SchemaBackend, into out: inout [LintFinding]
    ) {
        if isRoot, object["type"]?.string != "object" {
            out.append(LintFinding(target: target, location: pointer.appending("type"), keyword: "type",
                                   support: .rejected, message: "OpenAI strict mode needs an object at the root"))
        }
        guard let properties = object["properties"]?.object else { return }
        if object["additionalProperties"] != .bool(false) {
            out.append(LintFinding(target: target, location: pointer.appending("additionalProperties"),
                                   keyword: "additionalProperties", support: .rejected,
                                   message: "OpenAI strict mode needs additionalProperties: false on every object"))
        }
        let required = Set(object["required"]?.array?.compactMap(\.string) ?? [])
        let missing = properties.keys.filter { !required.contains($0) }
        if !missing.isEmpty {
            out.append(LintFinding(target: target, location: pointer.appending("required"), keyword: "required",
                                   support: .rejected,
                                   message: "OpenAI strict mode needs every property required (optional ones nullable); missing: \(missing.joined(separator: ", "))"))
        }
    }
}
