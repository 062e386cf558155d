import SwiftDiagnostics
public import SwiftSyntax
public import SwiftSyntaxMacros
import SwiftSyntaxBuilder

/// `@Schema`: adds a `SchemaRepresentable` conformance describing the type's `Codable`
/// encoding. The generators do the work; this type dispatches on the kind of declaration.
///
/// For a non-generic type the members are added inside the type (member role), where every
/// type name the properties use resolves as written, sibling types of an enclosing type
/// included; the extension only declares the conformance. A generic type gets everything in
/// an extension constrained to `SchemaRepresentable` parameters.
public struct SchemaMacro: ExtensionMacro, MemberMacro {
    public static func expansion(
        of node: AttributeSyntax,
        providingMembersOf declaration: some DeclGroupSyntax,
        conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        guard genericParameters(of: declaration) == nil else { return [] }
        var diagnostics: [Diagnostic] = []
        let body = generate(node, declaration, diagnostics: &diagnostics)
        for diagnostic in diagnostics { context.diagnose(diagnostic) }
        guard let body else { return [] }
        var code = CodeWriter()
        members(body, access: access(of: declaration), into: &code)
        if let structDecl = declaration.as(StructDeclSyntax.self) {
            code.line("")
            PartialTypeGenerator(
                members: structDecl.memberBlock, options: SchemaOptions(node), access: access(of: declaration),
                // The extension adds `Sendable` to structs that do not declare it.
                isSendable: true
            ).members(into: &code)
        }
        return [DeclSyntax(stringLiteral: code.text)]
    }

    public static func expansion(
        of node: AttributeSyntax,
        attachedTo declaration: some DeclGroupSyntax,
        providingExtensionsOf type: some TypeSyntaxProtocol,
        conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [ExtensionDeclSyntax] {
        let conformance = protocols.isEmpty ? "" : ": FormaSchema.SchemaRepresentable"
        guard let parameters = genericParameters(of: declaration) else {
            guard !protocols.isEmpty, isSupported(declaration) else { return [] }
            // Structs and enums also get a partial form for streaming (final classes do not:
            // a class may hold itself, which a partial struct cannot).
            let names = protocols.map { $0.trimmedDescription.split(separator: ".").last.map(String.init) ?? "" }
            var conformances: [String] = []
            if names.contains("SchemaRepresentable") { conformances.append("FormaSchema.SchemaRepresentable") }
            if names.contains("PartiallyDecodable"), !declaration.is(ClassDeclSyntax.self) {
                conformances.append("Forma.PartiallyDecodable")
            }
            var body = CodeWriter()
            if names.contains("JSONValueDecodable"),
                let initializer = JSONValueInitGenerator(options: SchemaOptions(node), access: access(of: declaration))
                    .initializer(for: declaration)
            {
                conformances.append("FormaJSON.JSONValueDecodable")
                JSONValueInitGenerator(options: SchemaOptions(node), access: access(of: declaration))
                    .members(initializer, into: &body)
            }
            // Like FoundationModels' `@Generable`, `@Schema` needs nothing else: structs and
            // enums that do not declare `Codable` or `Sendable` get them here (synthesized in
            // this same-file extension). Classes cannot get a synthesized `Decodable` in an
            // extension, so they must declare their conformances themselves.
            if !declaration.is(ClassDeclSyntax.self) {
                for (name, qualified) in [("Encodable", "Swift.Encodable"), ("Decodable", "Swift.Decodable"), ("Sendable", "Swift.Sendable")]
                where names.contains(name) {
                    conformances.append(qualified)
                }
            }
            guard !conformances.isEmpty else { return [] }
            let conformance = ": " + conformances.joined(separator: ", ")
            let source =
                body.lines.isEmpty
                ? "extension \(type.trimmedDescription)\(conformance) {}"
                : "extension \(type.trimmedDescription)\(conformance) {\n" + body.lines.map { "    " + $0 }.joined(separator: "\n") + "\n}"
            return DeclSyntax(stringLiteral: source).as(ExtensionDeclSyntax.self).map { [$0] } ?? []
        }
        var diagnostics: [Diagnostic] = []
        let body = generate(node, declaration, diagnostics: &diagnostics)
        for diagnostic in diagnostics { context.diagnose(diagnostic) }
        guard let body else { return [] }
        let constraints = parameters.map { "\($0): FormaSchema.SchemaRepresentable" }.joined(separator: ", ")
        var code = CodeWriter()
        code.line("extension \(type.trimmedDescription)\(conformance) where \(constraints) {")
        code.indented { members(body, access: access(of: declaration), into: &$0) }
        code.line("}")
        return DeclSyntax(stringLiteral: code.text).as(ExtensionDeclSyntax.self).map { [$0] } ?? []
    }

    /// The names of the type's generic parameters, or `nil` when it has none.
    private static func genericParameters(of declaration: some DeclGroupSyntax) -> [String]? {
        let clause =
            declaration.as(StructDeclSyntax.self)?.genericParameterClause
            ?? declaration.as(ClassDeclSyntax.self)?.genericParameterClause
            ?? declaration.as(EnumDeclSyntax.self)?.genericParameterClause
        guard let clause, !clause.parameters.isEmpty else { return nil }
        return clause.parameters.map(\.name.text)
    }

    private static func isSupported(_ declaration: some DeclGroupSyntax) -> Bool {
        if declaration.is(StructDeclSyntax.self) || declaration.is(EnumDeclSyntax.self) { return true }
        guard let classDecl = declaration.as(ClassDeclSyntax.self) else { return false }
        return classDecl.modifiers.contains(where: { $0.name.tokenKind == .keyword(.final) })
    }

    /// The statements building the type's schema, or `nil` when it cannot be generated.
    private static func generate(
        _ node: AttributeSyntax, _ declaration: some DeclGroupSyntax, diagnostics: inout [Diagnostic]
    ) -> CodeWriter? {
        let options = SchemaOptions(node)
        let description = DocComment.text(in: declaration.leadingTrivia)
        if let structDecl = declaration.as(StructDeclSyntax.self) {
            return ObjectSchemaGenerator(members: structDecl.memberBlock, description: description, options: options)
                .body(diagnostics: &diagnostics)
        }
        if let classDecl = declaration.as(ClassDeclSyntax.self) {
            guard classDecl.modifiers.contains(where: { $0.name.tokenKind == .keyword(.final) }) else {
                diagnostics.append(
                    Diagnostic(
                        node: classDecl.classKeyword, message: SchemaDiagnostic.nonFinalClass,
                        fixIts: [addFinalFixIt(classDecl)]))
                return nil
            }
            return ObjectSchemaGenerator(members: classDecl.memberBlock, description: description, options: options)
                .body(diagnostics: &diagnostics)
        }
        if let enumDecl = declaration.as(EnumDeclSyntax.self) {
            return EnumSchemaGenerator(declaration: enumDecl, description: description, options: options)
                .body(diagnostics: &diagnostics)
        }
        diagnostics.append(Diagnostic(node: node, message: SchemaDiagnostic.unsupportedDeclaration))
        return nil
    }

    /// The access modifier for the generated members: `public` for public and open types,
    /// `package` for package types, none (internal) otherwise.
    private static func access(of declaration: some DeclGroupSyntax) -> String {
        for modifier in declaration.modifiers {
            switch modifier.name.tokenKind {
            case .keyword(.public), .keyword(.open): return "public "
            case .keyword(.package): return "package "
            default: continue
            }
        }
        return ""
    }

    /// The two members of the conformance.
    private static func members(_ body: CodeWriter, access: String, into code: inout CodeWriter) {
        code.line("/// The complete JSON Schema of this type, generated by `@Schema`.")
        code.line(access + "static var jsonSchema: FormaSchema.JSONSchema {")
        code.indented { $0.line("FormaSchema.SchemaDefinitions.document(for: Self.self)") }
        code.line("}")
        code.line("")
        code.line("/// Defines this type once in `definitions` and returns a reference to it.")
        code.line(access + "static func schema(in definitions: inout FormaSchema.SchemaDefinitions) -> FormaSchema.JSONSchema {")
        code.indented { code in
            code.line("definitions.define(Self.self) { definitions in")
            code.indented { code in
                for line in body.lines { code.line(line) }
            }
            code.line("}")
        }
        code.line("}")
    }

    /// A fix-it adding `final` to a class.
    private static func addFinalFixIt(_ classDecl: ClassDeclSyntax) -> FixIt {
        let keyword = classDecl.classKeyword
        return FixIt(
            message: SchemaFixIt.addFinal,
            changes: [.replace(oldNode: Syntax(keyword), newNode: Syntax(keyword.with(\.tokenKind, .identifier("final class"))))])
    }
}

/// `@Guide`: a marker read by `@Schema`. It adds nothing itself but checks its placement and
/// its constraints against the property's type.
public struct GuideMacro: PeerMacro {
    public static func expansion(
        of node: AttributeSyntax,
        providingPeersOf declaration: some DeclSyntaxProtocol,
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        guard let variable = declaration.as(VariableDeclSyntax.self), StoredProperty.isStoredInstance(variable) else {
            context.diagnose(Diagnostic(node: node, message: SchemaDiagnostic.guidePlacement))
            return []
        }
        let type = variable.bindings.last?.typeAnnotation?.type
        var reader = GuideReader(attribute: node, propertyType: type)
        _ = reader.read()
        for diagnostic in reader.diagnostics { context.diagnose(diagnostic) }
        return []
    }
}
