import SwiftSyntax

/// Generates `init(jsonValue:)` (the `JSONValueDecodable` conformance): the value read
/// straight from parsed JSON, member by member, exactly as synthesized `Decodable` reads it,
/// with keys as the schema names them.
///
/// It is generated only where decoding is synthesized and the macro sees everything that
/// shapes it: structs and enums without their own `init(from:)` in the body, without
/// property wrappers or `lazy` properties, without per-case `…CodingKeys` enums. Property
/// types are never written out: each assignment's target picks the reader's overload
/// (`FormaJSON.JSONValueFields`), so names resolve exactly as in the declaration.
struct JSONValueInitGenerator {
    let options: SchemaOptions
    /// The access modifier with a trailing space (`"public "`), or `""`.
    let access: String

    private static let integerRawTypes: Set<String> = [
        "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64",
    ]

    /// The initializer for `declaration`, or `nil` when the fast path would not mirror its
    /// `Decodable` conformance (the extractor then uses `Decodable` alone).
    func initializer(for declaration: some DeclGroupSyntax) -> CodeWriter? {
        guard !Self.declaresDecodingInit(declaration.memberBlock.members) else { return nil }
        if let structDecl = declaration.as(StructDeclSyntax.self) { return structInit(structDecl.memberBlock.members) }
        if let enumDecl = declaration.as(EnumDeclSyntax.self) { return enumInit(enumDecl) }
        return nil
    }

    /// Whether the members declare `init(from:)` (custom decoding the macro must not bypass).
    static func declaresDecodingInit(_ members: MemberBlockItemListSyntax) -> Bool {
        members.contains { member in
            guard let initializer = member.decl.as(InitializerDeclSyntax.self) else { return false }
            return initializer.signature.parameterClause.parameters.first?.firstName.text == "from"
        }
    }

    // MARK: Structs

    private func structInit(_ members: MemberBlockItemListSyntax) -> CodeWriter? {
        let codingKeys = CodingKeyList(in: members)
        var assignments: [String] = []
        for property in StoredProperty.all(in: members) {
            let declaration = property.declaration
            // A property wrapper decodes through its wrapper type; `lazy` storage is not
            // assignable member by member: leave such types to `Decodable`.
            let hasOtherAttributes = declaration.attributes.contains { element in
                guard case .attribute(let attribute) = element else { return true }
                let name = attribute.attributeName.trimmedDescription
                return name != "Guide" && name != "Forma.Guide"
            }
            if hasOtherAttributes || declaration.modifiers.contains(where: { $0.name.tokenKind == .keyword(.lazy) }) {
                return nil
            }
            if property.isConstantWithValue { continue }  // never decoded
            let codingKey: String
            if let codingKeys {
                guard let key = codingKeys.key(for: property.name) else {
                    // Left out of `CodingKeys`: it keeps its initial value, which it must have.
                    if declaration.bindings.contains(where: { $0.pattern.trimmedDescription == property.pattern.trimmedDescription && $0.initializer != nil }) {
                        continue
                    }
                    return nil
                }
                codingKey = key
            } else {
                codingKey = property.name
            }
            let isOptional = property.type.map { PropertyType.unwrappingOptional($0) != nil } ?? false
            let reader = isOptional ? "optional" : "required"
            assignments.append(
                "self.\(property.pattern.trimmedDescription) = try FormaJSON.JSONValueFields.\(reader)(object, \(JSONLiteral.quoted(options.keys.apply(codingKey))))")
        }
        var code = CodeWriter()
        code.line("let object = try FormaJSON.JSONValueFields.object(jsonValue)")
        for line in assignments { code.line(line) }
        return code
    }

    // MARK: Enums

    private func enumInit(_ declaration: EnumDeclSyntax) -> CodeWriter? {
        let members = declaration.memberBlock.members
        let elements = members.flatMap { member -> [EnumCaseElementSyntax] in
            member.decl.as(EnumCaseDeclSyntax.self).map { Array($0.elements) } ?? []
        }
        let hasPayload = elements.contains { $0.parameterClause != nil }
        let rawType = declaration.inheritanceClause?.inheritedTypes.first.flatMap { PropertyType.lastName(of: $0.type) }
        if !hasPayload, let rawType, rawType == "String" || Self.integerRawTypes.contains(rawType) {
            var code = CodeWriter()
            code.line("guard let value = Self(rawValue: try FormaJSON.JSONValueFields.value(jsonValue)) else {")
            code.indented { $0.line("throw FormaJSON.JSONValueDecodingError()") }
            code.line("}")
            code.line("self = value")
            return code
        }
        // A raw type synthesized `Codable` does not support as such: left to `Decodable`.
        if !hasPayload, let rawType, ["Double", "Float", "Character", "Decimal"].contains(rawType) { return nil }
        // Per-case `…CodingKeys` rename associated values: not read here.
        let hasCaseCodingKeys = members.contains { member in
            guard let name = member.decl.as(EnumDeclSyntax.self)?.name.text else { return false }
            return name != "CodingKeys" && name.hasSuffix("CodingKeys")
        }
        guard !hasCaseCodingKeys else { return nil }
        let codingKeys = CodingKeyList(in: members)
        var code = CodeWriter()
        code.line("let object = try FormaJSON.JSONValueFields.object(jsonValue)")
        code.line("guard object.count == 1, let member = object.members.first else {")
        code.indented { $0.line("throw FormaJSON.JSONValueDecodingError()") }
        code.line("}")
        // Every case's value is an object, its associated values by label (`_0` unlabelled).
        if elements.contains(where: { !($0.parameterClause?.parameters.isEmpty ?? true) }) {
            code.line("let payload = try FormaJSON.JSONValueFields.object(member.value)")
        } else {
            code.line("_ = try FormaJSON.JSONValueFields.object(member.value)")
        }
        code.line("switch member.key {")
        for element in elements {
            let name = element.name.trimmedDescription.replacingBackticks()
            var caseKey = name
            if let codingKeys {
                guard let key = codingKeys.key(for: name) else { continue }
                caseKey = key
            }
            code.line("case \(JSONLiteral.quoted(options.keys.apply(caseKey))):")
            code.indented { code in
                guard let parameters = element.parameterClause?.parameters, !parameters.isEmpty else {
                    code.line("self = .\(element.name.trimmedDescription)")
                    return
                }
                var arguments: [String] = []
                for (index, parameter) in parameters.enumerated() {
                    let label = parameter.firstName.flatMap { $0.tokenKind == .wildcard ? nil : $0.text }
                    let key = options.keys.apply(label?.replacingBackticks() ?? "_\(index)")
                    let reader = PropertyType.unwrappingOptional(parameter.type) != nil ? "optional" : "required"
                    let read = "try FormaJSON.JSONValueFields.\(reader)(payload, \(JSONLiteral.quoted(key)))"
                    arguments.append(label.map { "\($0): \(read)" } ?? read)
                }
                code.line("self = .\(element.name.trimmedDescription)(\(arguments.joined(separator: ", ")))")
            }
        }
        code.line("default:")
        code.indented { $0.line("throw FormaJSON.JSONValueDecodingError()") }
        code.line("}")
        return code
    }

    /// The conformance's member, wrapping `body`.
    func members(_ body: CodeWriter, into code: inout CodeWriter) {
        code.line("/// Reads the value from parsed JSON as its synthesized `Decodable` conformance would, generated by `@Schema`.")
        code.line(access + "init(jsonValue: FormaJSON.JSONValue) throws {")
        code.indented { code in
            for line in body.lines { code.line(line) }
        }
        code.line("}")
    }
}
