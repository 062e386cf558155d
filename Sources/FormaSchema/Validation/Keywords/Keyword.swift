import FormaJSON

/// A compiled keyword, ready to evaluate. One subclass per keyword, and the one place that
/// keyword lives: both evaluators use it — the tree evaluator calls ``evaluate(_:_:_:track:_:)``,
/// the text evaluator's program is built by ``addStreamForm(to:_:)`` — and the compiler
/// builds it where ``DraftRules`` says the schema's draft has it. Evaluation reads the
/// object's `let` fields directly, so the hot loop copies no payloads (an enum payload would
/// be copied, and reference-counted, per evaluation).
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

    /// When the keyword runs among its node's: cheap assertions (0) first so `isValid` fails
    /// fast, then costlier assertions (1), applicators (2), and `unevaluated*` (3), which
    /// need the annotations of every other keyword of the node.
    class var evaluationOrder: Int { 2 }

    /// ``evaluationOrder`` of this keyword's class.
    final var order: Int { Self.evaluationOrder }

    /// What a keyword adds to a stream program.
    enum StreamForm {
        /// None: the keyword needs the tree (annotations, dynamic scope), so the schema is
        /// checked on the tree.
        case unsupported
        /// A check of the value itself.
        case value
        /// Only subschemas applied to the same value, or nothing to check.
        case subschemas
    }

    /// Adds the keyword to `node`'s program for checking JSON text while it is read
    /// (``StreamCompiler``), compiling the subschemas it needs through `compiler`.
    func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm { .unsupported }

    /// A node's keyword objects, with `properties` fused with `required` and
    /// `additionalProperties` into one ``ObjectShapeKeyword`` where that keeps the meaning.
    static func fused(_ list: [Keyword]) -> [Keyword] {
        guard let shape = list.lazy.compactMap({ $0 as? ObjectShapeKeyword }).first else { return list }
        let table = shape.table
        var requiredMask: UInt64 = 0
        var fusedRequired = false
        // The bit set covers 64 properties; duplicate names (possible only through
        // hand-built tables) would make positions ambiguous.
        let maskable = table.names.count <= 64 && Set(table.names).count == table.names.count
        if maskable, let required = list.lazy.compactMap({ $0 as? RequiredKeyword }).first {
            let positions = required.names.compactMap { table.position(of: $0) }
            if positions.count == required.names.count {
                for position in positions { requiredMask |= 1 << UInt64(position) }
                fusedRequired = true
            }
        }
        var additional: SchemaNode?
        if !list.contains(where: { $0 is PatternPropertiesKeyword }),
            let keyword = list.lazy.compactMap({ $0 as? AdditionalPropertiesKeyword }).first
        {
            additional = keyword.child
        }
        let fused = ObjectShapeKeyword(
            name: shape.name, table: table, nodes: shape.nodes, requiredMask: requiredMask, additional: additional)
        return list.compactMap { keyword in
            if keyword === shape { return fused }
            if fusedRequired, keyword is RequiredKeyword { return nil }
            if additional != nil, keyword is AdditionalPropertiesKeyword { return nil }
            return keyword
        }
    }
}
