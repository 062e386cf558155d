import FormaJSON

/// A compiled keyword, ready to evaluate. One subclass per keyword: evaluation calls a
/// method on the keyword object and reads its `let` fields directly, so the hot loop copies
/// no payloads (an enum payload would be copied, and reference-counted, per evaluation).
///
/// `@unchecked Sendable`: every subclass holds only `let` fields set at compilation.
class Keyword: @unchecked Sendable {
    /// The keyword's token in the keyword location (`minimum`, `properties`, …).
    let name: String

    init(name: String) { self.name = name }

    /// Evaluates the keyword of `node` against `instance`; see ``Evaluation/evaluate(_:_:track:_:)``.
    func evaluate(
        _ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        true
    }

    /// Builds a node's keyword objects, fusing `properties` with `required` and
    /// `additionalProperties` into one ``ObjectShapeKeyword`` where that keeps the meaning.
    static func makeAll(_ compiled: [CompiledKeyword]) -> [Keyword] {
        let list = compiled
        func index(_ name: String) -> Int? { list.firstIndex { $0.name == name } }
        if let p = index("properties"), case .properties(let table, let nodes) = list[p].kind {
            var requiredMask: UInt64 = 0
            var fusedRequired = false
            // The bit set covers 64 properties; duplicate names (possible only through
            // hand-built tables) would make positions ambiguous.
            let maskable = table.names.count <= 64 && Set(table.names).count == table.names.count
            if maskable, let r = index("required"), case .required(let names) = list[r].kind {
                let positions = names.compactMap { table.position(of: $0) }
                if positions.count == names.count {
                    for position in positions { requiredMask |= 1 << UInt64(position) }
                    fusedRequired = true
                }
            }
            var additional: SchemaNode?
            if index("patternProperties") == nil, let a = index("additionalProperties"),
                case .additionalProperties(let child, _, _) = list[a].kind
            {
                additional = child
            }
            let fused = ObjectShapeKeyword(
                name: "properties", table: table, nodes: nodes, requiredMask: requiredMask, additional: additional)
            var out: [Keyword] = []
            for keyword in list {
                switch keyword.name {
                case "properties": out.append(fused)
                case "required" where fusedRequired: continue
                case "additionalProperties" where additional != nil: continue
                default: out.append(make(keyword))
                }
            }
            return out
        }
        return list.map(make)
    }

    /// Builds the keyword object for a compiled keyword description.
    static func make(_ keyword: CompiledKeyword) -> Keyword {
        let name = keyword.name
        switch keyword.kind {
        case .type(let types): return TypeKeyword(name: name, types: types)
        case .enumeration(let options): return EnumKeyword(name: name, options: options)
        case .constant(let value): return ConstKeyword(name: name, value: value)
        case .multipleOf(let n): return MultipleOfKeyword(name: name, divisor: n)
        case .maximum(let n): return BoundKeyword(name: name, limit: n, bound: .maximum)
        case .exclusiveMaximum(let n): return BoundKeyword(name: name, limit: n, bound: .exclusiveMaximum)
        case .minimum(let n): return BoundKeyword(name: name, limit: n, bound: .minimum)
        case .exclusiveMinimum(let n): return BoundKeyword(name: name, limit: n, bound: .exclusiveMinimum)
        case .maxLength(let n): return MaxLengthKeyword(name: name, limit: n)
        case .minLength(let n): return MinLengthKeyword(name: name, limit: n)
        case .pattern(let regex): return PatternKeyword(name: name, regex: regex)
        case .maxItems(let n): return CountKeyword(name: name, limit: n, counted: .items, isMaximum: true)
        case .minItems(let n): return CountKeyword(name: name, limit: n, counted: .items, isMaximum: false)
        case .maxProperties(let n): return CountKeyword(name: name, limit: n, counted: .properties, isMaximum: true)
        case .minProperties(let n): return CountKeyword(name: name, limit: n, counted: .properties, isMaximum: false)
        case .uniqueItems: return UniqueItemsKeyword(name: name)
        case .required(let names): return RequiredKeyword(name: name, names: names)
        case .dependentRequired(let pairs): return DependentRequiredKeyword(name: name, pairs: pairs)
        case .format(let format): return FormatKeyword(name: name, format: format)
        case .content(let encoding, let mediaType): return ContentKeyword(name: name, encoding: encoding, mediaType: mediaType)
        case .properties(let table, let nodes):
            return ObjectShapeKeyword(name: name, table: table, nodes: nodes, requiredMask: 0, additional: nil)
        case .patternProperties(let list): return PatternPropertiesKeyword(name: name, list: list)
        case .additionalProperties(let child, let known, let patterns):
            return AdditionalPropertiesKeyword(name: name, child: child, known: known, patterns: patterns)
        case .propertyNames(let child): return PropertyNamesKeyword(name: name, child: child)
        case .dependentSchemas(let list): return DependentSchemasKeyword(name: name, list: list)
        case .prefixItems(let nodes): return PrefixItemsKeyword(name: name, nodes: nodes)
        case .items(let child, let start): return ItemsKeyword(name: name, child: child, start: start)
        case .contains(let child, let minimum, let maximum, let evaluatesItems):
            return ContainsKeyword(name: name, child: child, minimum: minimum, maximum: maximum, evaluatesItems: evaluatesItems)
        case .allOf(let nodes): return AllOfKeyword(name: name, nodes: nodes)
        case .anyOf(let nodes): return AlternativesKeyword(name: name, nodes: nodes, isOneOf: false)
        case .oneOf(let nodes): return AlternativesKeyword(name: name, nodes: nodes, isOneOf: true)
        case .not(let child): return NotKeyword(name: name, child: child)
        case .conditional(let condition, let thenNode, let elseNode):
            return ConditionalKeyword(name: name, condition: condition, thenNode: thenNode, elseNode: elseNode)
        case .ref(let reference): return RefKeyword(name: name, reference: reference)
        case .dynamicRef(let reference, let anchor): return DynamicRefKeyword(name: name, reference: reference, anchor: anchor)
        case .unevaluatedProperties(let child): return UnevaluatedPropertiesKeyword(name: name, child: child)
        case .unevaluatedItems(let child): return UnevaluatedItemsKeyword(name: name, child: child)
        }
    }
}
