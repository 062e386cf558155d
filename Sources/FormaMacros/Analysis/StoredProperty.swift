import SwiftParser
import SwiftSyntax

/// A stored instance property as synthesized `Codable` sees it.
struct StoredProperty {
    /// The property's name.
    let name: String
    /// Its declared type, or `nil` when written without one.
    let type: TypeSyntax?
    /// A type inferred from a literal initializer, for the fix-it when `type` is `nil`.
    let inferredType: String?
    /// Whether it is a `let` with an initial value: encoded, but never decoded.
    let isConstantWithValue: Bool
    /// The declaration it comes from (for documentation, `@Guide` and diagnostics).
    let declaration: VariableDeclSyntax
    /// The binding's pattern, where a missing type is reported.
    let pattern: PatternSyntax

    /// The `@Guide` attribute on the declaration, if any.
    var guide: AttributeSyntax? { Self.guideAttribute(of: declaration) }

    static func guideAttribute(of declaration: some WithAttributesSyntax) -> AttributeSyntax? {
        for element in declaration.attributes {
            if case .attribute(let attribute) = element,
                attribute.attributeName.trimmedDescription == "Guide"
                    || attribute.attributeName.trimmedDescription == "Forma.Guide"
            {
                return attribute
            }
        }
        return nil
    }

    /// The stored instance properties declared in `members`, in order.
    static func all(in members: MemberBlockItemListSyntax) -> [StoredProperty] {
        var properties: [StoredProperty] = []
        for member in members {
            guard let variable = member.decl.as(VariableDeclSyntax.self), isStoredInstance(variable) else { continue }
            let bindings = Array(variable.bindings)
            for (index, binding) in bindings.enumerated() {
                guard let identifier = binding.pattern.as(IdentifierPatternSyntax.self) else { continue }
                // `var a, b: Int` declares both as Int: the type is written on the last one.
                let type = binding.typeAnnotation?.type
                    ?? bindings[(index + 1)...].first(where: { $0.typeAnnotation != nil })?.typeAnnotation?.type
                let isLet = variable.bindingSpecifier.tokenKind == .keyword(.let)
                properties.append(
                    StoredProperty(
                        name: identifier.identifier.trimmedDescription.replacingBackticks(),
                        type: type,
                        inferredType: binding.initializer.flatMap { PropertyType.inferred(from: $0.value) },
                        isConstantWithValue: isLet && binding.initializer != nil,
                        declaration: variable,
                        pattern: binding.pattern
                    ))
            }
        }
        return properties
    }

    /// Whether `variable` declares stored instance properties (not static, not computed).
    static func isStoredInstance(_ variable: VariableDeclSyntax) -> Bool {
        for modifier in variable.modifiers {
            switch modifier.name.tokenKind {
            case .keyword(.static), .keyword(.class): return false
            default: continue
            }
        }
        for binding in variable.bindings {
            guard let accessors = binding.accessorBlock?.accessors else { continue }
            switch accessors {
            case .getter: return false
            case .accessors(let list):
                for accessor in list {
                    switch accessor.accessorSpecifier.tokenKind {
                    case .keyword(.willSet), .keyword(.didSet): continue
                    default: return false
                    }
                }
            }
        }
        return true
    }
}

/// The cases of a `CodingKeys` enum: each name with its key.
struct CodingKeyList {
    /// The key for each case name, in declaration order.
    let keys: [(name: String, key: String)]

    /// The key for `name`, or `nil` when `CodingKeys` leaves it out.
    func key(for name: String) -> String? { keys.first(where: { $0.name == name })?.key }

    /// The `CodingKeys` enum declared in `members`, if any.
    init?(in members: MemberBlockItemListSyntax) {
        guard
            let codingKeys = members.lazy.compactMap({ $0.decl.as(EnumDeclSyntax.self) })
                .first(where: { $0.name.text == "CodingKeys" })
        else { return nil }
        var keys: [(String, String)] = []
        for member in codingKeys.memberBlock.members {
            guard let caseDecl = member.decl.as(EnumCaseDeclSyntax.self) else { continue }
            for element in caseDecl.elements {
                let name = element.name.trimmedDescription.replacingBackticks()
                let raw = element.rawValue?.value.as(StringLiteralExprSyntax.self)?.representedLiteralValue
                keys.append((name, raw ?? name))
            }
        }
        self.keys = keys
    }
}

extension String {
    /// The identifier without the backticks of an escaped keyword (`` `default` `` → `default`).
    func replacingBackticks() -> String { filter { $0 != "`" } }
}
