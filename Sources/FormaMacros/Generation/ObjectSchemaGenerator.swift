import SwiftSyntaxBuilder
import SwiftParser
import SwiftDiagnostics
import SwiftSyntax
import SwiftSyntaxMacros

/// Generates the schema of a struct or final class: an object with one property per
/// encoded stored property.
struct ObjectSchemaGenerator {
    let members: MemberBlockSyntax
    let description: String?
    let options: SchemaOptions

    /// The statements building the schema, reporting what cannot be represented.
    func body(diagnostics: inout [Diagnostic]) -> CodeWriter {
        let codingKeys = CodingKeyList(in: members.members)
        let stored = StoredProperty.all(in: members.members)
        var code = CodeWriter()
        var propertyLines: [String] = []
        for property in stored {
            let codingKey: String
            if let codingKeys {
                guard let key = codingKeys.key(for: property.name) else { continue }  // excluded
                codingKey = key
            } else {
                codingKey = property.name
            }
            // `let source = "web"`: a literal's type is known without the type checker.
            guard let type = property.type ?? property.inferredType.map({ TypeSyntax(stringLiteral: $0) }) else {
                report(missingTypeOf: property, diagnostics: &diagnostics)
                continue
            }
            if let problem = PropertyType.unsupportedPart(of: type) {
                report(problem, property: property, stored: stored, hasCodingKeys: codingKeys != nil, diagnostics: &diagnostics)
                continue
            }
            let unwrapped = PropertyType.unwrappingOptional(type)
            let guide = property.guide.map { attribute in
                var reader = GuideReader(attribute: attribute, propertyType: type)
                return reader.read()  // GuideMacro reports the reader's diagnostics
            }
            let schema = PropertySchemaCode.expression(
                type: unwrapped ?? type,
                description: guide?.description ?? DocComment.text(in: property.declaration.leadingTrivia),
                keywords: guide?.keywords ?? [])
            // Synthesized decoding requires every non-optional property (defaults are not
            // used) and skips a `let` that has a value.
            let isRequired = unwrapped == nil && !property.isConstantWithValue
            propertyLines.append(
                PropertySchemaCode.property(key: options.keys.apply(codingKey), schema: schema, isRequired: isRequired))
        }
        if propertyLines.isEmpty {
            code.line("let properties: [FormaSchema.SchemaProperty] = []")
        } else {
            code.line("var properties: [FormaSchema.SchemaProperty] = []")
            for line in propertyLines { code.line("properties.append(\(line))") }
        }
        code.line(
            "return FormaSchema.JSONSchema.object(description: \(PropertySchemaCode.optionalString(description)), "
                + "properties: properties, additionalProperties: \(options.additionalProperties))")
        return code
    }

    private func report(missingTypeOf property: StoredProperty, diagnostics: inout [Diagnostic]) {
        var fixIts: [FixIt] = []
        if let inferred = property.inferredType {
            let annotated = PatternSyntax(
                IdentifierPatternSyntax(identifier: .identifier(property.pattern.trimmedDescription + ": " + inferred))
            ).with(\.leadingTrivia, property.pattern.leadingTrivia).with(\.trailingTrivia, property.pattern.trailingTrivia)
            fixIts.append(
                FixIt(
                    message: SchemaFixIt.addType(inferred),
                    changes: [.replace(oldNode: Syntax(property.pattern), newNode: Syntax(annotated))]))
        }
        diagnostics.append(Diagnostic(node: property.pattern, message: SchemaDiagnostic.missingType(property.name), fixIts: fixIts))
    }

    private func report(
        _ problem: (node: TypeSyntax, diagnostic: SchemaDiagnostic, replacement: String?),
        property: StoredProperty, stored: [StoredProperty], hasCodingKeys: Bool,
        diagnostics: inout [Diagnostic]
    ) {
        var fixIts: [FixIt] = []
        if let replacement = problem.replacement {
            let newType = TypeSyntax(IdentifierTypeSyntax(name: .identifier(replacement)))
                .with(\.leadingTrivia, problem.node.leadingTrivia).with(\.trailingTrivia, problem.node.trailingTrivia)
            fixIts.append(
                FixIt(
                    message: SchemaFixIt.replace(with: replacement),
                    changes: [.replace(oldNode: Syntax(problem.node), newNode: Syntax(newType))]))
        } else if !hasCodingKeys {
            fixIts.append(codingKeysFixIt(excluding: property.name, stored: stored))
        }
        diagnostics.append(Diagnostic(node: problem.node, message: problem.diagnostic, fixIts: fixIts))
    }

    /// A fix-it declaring `CodingKeys` with every stored property except `excluded`.
    private func codingKeysFixIt(excluding excluded: String, stored: [StoredProperty]) -> FixIt {
        let names = stored.map(\.name).filter { $0 != excluded }
        let cases = names.isEmpty ? "" : " case \(names.joined(separator: ", ")) "
        let declaration = DeclSyntax("enum CodingKeys: String, CodingKey {\(raw: cases)}")
        let item = MemberBlockItemSyntax(decl: declaration)
            .with(\.leadingTrivia, members.members.first?.leadingTrivia ?? .newline)
        let firstTrivia = members.members.first?.leadingTrivia ?? .newline
        var items = Array(members.members)
        if !items.isEmpty { items[0] = items[0].with(\.leadingTrivia, firstTrivia) }
        let updated = MemberBlockItemListSyntax([item] + items)
        return FixIt(
            message: SchemaFixIt.addCodingKeys(excluded),
            changes: [.replace(oldNode: Syntax(members.members), newNode: Syntax(updated))])
    }
}
