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
    public static func lint(_ schema: JSONSchema, targets: [LintTarget] = LintTarget.allCases) -> [LintFinding] {
        var out: [LintFinding] = []
        for target in targets {
            walk(schema.value, at: .root, target: target, isRoot: true, into: &out)
        }
        return out
    }

    static func walk(_ value: JSONValue, at pointer: JSONPointer, target: LintTarget, isRoot: Bool, into out: inout [LintFinding]) {
        guard case .object(let object) = value else { return }
        let rules = EnforcementTable.rules[target] ?? [:]
        for member in object {
            let keyword = member.key
            if let rule = rules[keyword] {
                if keyword == "uniqueItems", member.value == .bool(false) { continue }
                out.append(LintFinding(target: target, location: pointer.appending(keyword), keyword: keyword,
                                       support: rule.support, message: rule.reason))
            }
        }
        if target == .openAIStrict { checkStrictShape(object, at: pointer, isRoot: isRoot, into: &out) }
        if let format = object["format"]?.string {
            if target == .llguidance, !EnforcementTable.llguidanceFormats.contains(format) {
                out.append(LintFinding(target: target, location: pointer.appending("format"), keyword: "format",
                                       support: .rejected, message: "llguidance fails on unknown format \"\(format)\""))
            }
            if target == .openAIStrict, !EnforcementTable.openAIFormats.contains(format) {
                out.append(LintFinding(target: target, location: pointer.appending("format"), keyword: "format",
                                       support: .rejected, message: "OpenAI strict mode does not support format \"\(format)\""))
            }
        }
        if target == .llguidance, let ref = object["$ref"]?.string, !ref.hasPrefix("#") {
            out.append(LintFinding(target: target, location: pointer.appending("$ref"), keyword: "$ref",
                                   support: .rejected, message: "llguidance resolves local $ref only"))
        }
        if target == .llguidance, object["minProperties"] != nil || object["maxProperties"] != nil {
            let required = Set(object["required"]?.array?.compactMap(\.string) ?? [])
            let properties = Set(object["properties"]?.object?.keys ?? [])
            if !properties.isSubset(of: required) {
                let keyword = object["minProperties"] != nil ? "minProperties" : "maxProperties"
                out.append(LintFinding(target: target, location: pointer.appending(keyword), keyword: keyword,
                                       support: .rejected,
                                       message: "llguidance supports \(keyword) only when every property is required"))
            }
        }
        var patterns: [(JSONPointer, String)] = []
        if let p = object["pattern"]?.string { patterns.append((pointer.appending("pattern"), p)) }
        for key in object["patternProperties"]?.object?.keys ?? [] {
            patterns.append((pointer.appending("patternProperties").appending(key), key))
        }
        for (location, pattern) in patterns {
            for (feature, support, reason) in RegexFeatures(scanning: pattern).problems(for: target) {
                out.append(LintFinding(target: target, location: location, keyword: "pattern", support: support,
                                       message: "pattern /\(pattern)/ uses \(feature): \(reason)"))
            }
        }
        let draft: SchemaDraft = object["$schema"]?.string.flatMap(SchemaDraft.init(dialectURI:)) ?? .draft2020_12
        for (childPointer, child) in SchemaCompiler.subschemas(of: object, at: pointer, draft: draft) {
            walk(child, at: childPointer, target: target, isRoot: false, into: &out)
        }
        if draft == .draft2020_12, let definitions = object["definitions"]?.object {
            for member in definitions {
                walk(member.value, at: pointer.appending("definitions").appending(member.key), target: target, isRoot: false, into: &out)
            }
        }
    }

    /// OpenAI strict mode: objects must be closed and list every property as required.
    static func checkStrictShape(_ object: JSONObject, at pointer: JSONPointer, isRoot: Bool, into out: inout [LintFinding]) {
        if isRoot, object["type"]?.string != "object" {
            out.append(LintFinding(target: .openAIStrict, location: pointer.appending("type"), keyword: "type",
                                   support: .rejected, message: "OpenAI strict mode needs an object at the root"))
        }
        guard let properties = object["properties"]?.object else { return }
        if object["additionalProperties"] != .bool(false) {
            out.append(LintFinding(target: .openAIStrict, location: pointer.appending("additionalProperties"),
                                   keyword: "additionalProperties", support: .rejected,
                                   message: "OpenAI strict mode needs additionalProperties: false on every object"))
        }
        let required = Set(object["required"]?.array?.compactMap(\.string) ?? [])
        let missing = properties.keys.filter { !required.contains($0) }
        if !missing.isEmpty {
            out.append(LintFinding(target: .openAIStrict, location: pointer.appending("required"), keyword: "required",
                                   support: .rejected,
                                   message: "OpenAI strict mode needs every property required (optional ones nullable); missing: \(missing.joined(separator: ", "))"))
        }
    }
}
