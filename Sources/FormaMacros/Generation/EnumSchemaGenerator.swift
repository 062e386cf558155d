import SwiftParser
import SwiftDiagnostics
import SwiftSyntax
import SwiftSyntaxMacros

/// Generates the schema of an enum, in the shape synthesized `Codable` uses:
/// raw values → `enum`; otherwise a `oneOf` of single-key objects `{"case": {payload}}`.
struct EnumSchemaGenerator {
    let declaration: EnumDeclSyntax
    let description: String?
    let options: SchemaOptions

    private static let integerRawTypes: Set<String> = [
        "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64",
    ]

    /// One case of the enum.
    private struct Case {
        let element: EnumCaseElementSyntax
        let documentation: String?
        var name: String { element.name.trimmedDescription.replacingBackticks() }
    }

    private var cases: [Case] {
        declaration.memberBlock.members.flatMap { member -> [Case] in
            guard let caseDecl = member.decl.as(EnumCaseDeclSyntax.self) else { return [] }
            let documentation = DocComment.text(in: caseDecl.leadingTrivia)
            return caseDecl.elements.map { Case(element: $0, documentation: documentation) }
        }
    }

    /// The statements building the schema, or `nil` after an error diagnostic.
    func body(diagnostics: inout [Diagnostic]) -> CodeWriter? {
        let cases = self.cases
        let rawType = declaration.inheritanceClause?.inheritedTypes.first.flatMap { PropertyType.lastName(of: $0.type) }
        let hasPayload = cases.contains { $0.element.parameterClause != nil }
        if !hasPayload, let rawType, rawType == "String" || Self.integerRawTypes.contains(rawType) {
            return rawValueBody(cases, integer: rawType != "String", diagnostics: &diagnostics)
        }
        if !hasPayload, let rawType, ["Double", "Float", "Character", "Decimal"].contains(rawType),
            let inherited = declaration.inheritanceClause?.inheritedTypes.first
        {
            diagnostics.append(Diagnostic(node: inherited, message: SchemaDiagnostic.unsupportedRawType(rawType)))
            return nil
        }
        if !hasPayload {
            diagnostics.append(
                Diagnostic(
                    node: declaration.name, message: SchemaDiagnostic.payloadFreeEnum(declaration.name.text),
                    fixIts: [stringRawTypeFixIt()]))
        }
        return oneOfBody(cases, diagnostics: &diagnostics)
    }

    /// `{"type": "string"|"integer", "enum": [...]}`; case documentation is appended to the
    /// description as a list, so the model knows what each value means.
    private func rawValueBody(_ cases: [Case], integer: Bool, diagnostics: inout [Diagnostic]) -> CodeWriter? {
        var values: [JSONLiteral] = []
        var next = 0
        var notes: [String] = []
        for item in cases {
            let value: JSONLiteral
            if integer {
                if let raw = item.element.rawValue {
                    guard let text = JSONLiteral.numberText(raw.value), let number = Int(text) else {
                        diagnostics.append(Diagnostic(node: raw.value, message: SchemaDiagnostic.rawValueNotLiteral(item.name)))
                        return nil
                    }
                    next = number
                }
                value = .number(String(next))
                next += 1
            } else if let raw = item.element.rawValue {
                guard let text = raw.value.as(StringLiteralExprSyntax.self)?.representedLiteralValue else {
                    diagnostics.append(Diagnostic(node: raw.value, message: SchemaDiagnostic.rawValueNotLiteral(item.name)))
                    return nil
                }
                value = .string(text)
            } else {
                value = .string(item.name)
            }
            values.append(value)
            if let documentation = item.documentation {
                let shown: String = if case .string(let text) = value { text } else { value.swiftCode }
                notes.append("- \(shown): \(documentation)")
            }
        }
        let fullDescription = ([description].compactMap { $0 } + (notes.isEmpty ? [] : [notes.joined(separator: "\n")]))
            .joined(separator: "\n\n")
        var code = CodeWriter()
        code.line(
            "return FormaSchema.JSONSchema.enumeration(\(JSONLiteral.array(values).swiftCode), "
                + "type: \(JSONLiteral.quoted(integer ? "integer" : "string")), "
                + "description: \(PropertySchemaCode.optionalString(fullDescription.isEmpty ? nil : fullDescription)))")
        return code
    }

    /// `{"oneOf": [{"case": {payload}}, …]}`.
    private func oneOfBody(_ cases: [Case], diagnostics: inout [Diagnostic]) -> CodeWriter {
        let codingKeys = CodingKeyList(in: declaration.memberBlock.members)
        var code = CodeWriter()
        code.line(cases.isEmpty ? "let cases: [FormaSchema.JSONSchema] = []" : "var cases: [FormaSchema.JSONSchema] = []")
        for item in cases {
            var caseKey = item.name
            if let codingKeys {
                guard let key = codingKeys.key(for: item.name) else { continue }
                caseKey = key
            }
            let payload = payloadLines(item, diagnostics: &diagnostics)
            let caseCode = { (payload: String) in
                "cases.append(FormaSchema.JSONSchema.enumCase(\(JSONLiteral.quoted(self.options.keys.apply(caseKey))), "
                    + "payload: \(payload), description: \(PropertySchemaCode.optionalString(item.documentation)), "
                    + "additionalProperties: \(self.options.additionalProperties)))"
            }
            if payload.isEmpty {
                code.line(caseCode("[]"))
            } else {
                code.line("do {")
                code.indented { code in
                    code.line("var payload: [FormaSchema.SchemaProperty] = []")
                    for line in payload { code.line("payload.append(\(line))") }
                    code.line(caseCode("payload"))
                }
                code.line("}")
            }
        }
        code.line(
            "return FormaSchema.JSONSchema.oneOf(cases, description: \(PropertySchemaCode.optionalString(description)))")
        return code
    }

    /// The associated values of a case as properties: labelled ones by label, the others
    /// as `_0`, `_1`… by position, as synthesized `Codable` keys them.
    private func payloadLines(_ item: Case, diagnostics: inout [Diagnostic]) -> [String] {
        guard let parameters = item.element.parameterClause?.parameters else { return [] }
        var lines: [String] = []
        for (index, parameter) in parameters.enumerated() {
            if let problem = PropertyType.unsupportedPart(of: parameter.type) {
                var fixIts: [FixIt] = []
                if let replacement = problem.replacement {
                    let newType = TypeSyntax(IdentifierTypeSyntax(name: .identifier(replacement)))
                        .with(\.leadingTrivia, problem.node.leadingTrivia)
                        .with(\.trailingTrivia, problem.node.trailingTrivia)
                    fixIts.append(
                        FixIt(
                            message: SchemaFixIt.replace(with: replacement),
                            changes: [.replace(oldNode: Syntax(problem.node), newNode: Syntax(newType))]))
                }
                diagnostics.append(Diagnostic(node: problem.node, message: problem.diagnostic, fixIts: fixIts))
                continue
            }
            let label = parameter.firstName.flatMap { $0.tokenKind == .wildcard ? nil : $0.text.replacingBackticks() }
            let key = options.keys.apply(label ?? "_\(index)")
            let unwrapped = PropertyType.unwrappingOptional(parameter.type)
            let schema = PropertySchemaCode.expression(type: unwrapped ?? parameter.type, description: nil, keywords: [])
            lines.append(PropertySchemaCode.property(key: key, schema: schema, isRequired: unwrapped == nil))
        }
        return lines
    }

    /// A fix-it adding `String` as the enum's raw type.
    private func stringRawTypeFixIt() -> FixIt {
        let stringType = InheritedTypeSyntax(type: TypeSyntax(IdentifierTypeSyntax(name: .identifier("String"))))
        if let clause = declaration.inheritanceClause {
            var types = Array(clause.inheritedTypes)
            let first = stringType.with(\.trailingComma, .commaToken(trailingTrivia: .space))
            if !types.isEmpty { types[0] = types[0].with(\.leadingTrivia, []) }
            let updated = clause.with(\.inheritedTypes, InheritedTypeListSyntax([first] + types))
            return FixIt(message: SchemaFixIt.addStringRawType, changes: [.replace(oldNode: Syntax(clause), newNode: Syntax(updated))])
        }
        let name = declaration.name
        let renamed = name.with(\.tokenKind, .identifier(name.text + ": String"))
        return FixIt(message: SchemaFixIt.addStringRawType, changes: [.replace(oldNode: Syntax(name), newNode: Syntax(renamed))])
    }
}
