import SwiftParser
import SwiftSyntax

/// What a property's type encodes as, as far as the macro can tell from its spelling; used
/// to check that `@Guide` constraints fit.
enum ValueKind: Equatable {
    case string, integer, number, boolean, array, dictionary
    /// A type the macro cannot classify (a user type, a generic parameter, `JSONValue`):
    /// every constraint is allowed.
    case unknown

    /// Words for diagnostics ("strings", "numbers").
    var plural: String {
        switch self {
        case .string: return "strings"
        case .integer, .number: return "numbers"
        case .boolean: return "booleans"
        case .array: return "arrays and sets"
        case .dictionary: return "dictionaries"
        case .unknown: return "values"
        }
    }

    private static let byName: [String: ValueKind] = {
        var table: [String: ValueKind] = [:]
        for name in ["String", "Substring", "Character", "Date", "URL", "UUID", "Data"] { table[name] = .string }
        for name in ["Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64"] {
            table[name] = .integer
        }
        for name in ["Double", "Float", "Float16", "Float80", "CGFloat", "Decimal"] { table[name] = .number }
        table["Bool"] = .boolean
        for name in ["Array", "Set", "ContiguousArray"] { table[name] = .array }
        table["Dictionary"] = .dictionary
        return table
    }()

    /// The kind of `type`, looking through `Optional`.
    init(of type: TypeSyntax) {
        let type = PropertyType.unwrappingOptional(type) ?? type
        if type.is(ArrayTypeSyntax.self) {
            self = .array
        } else if type.is(DictionaryTypeSyntax.self) {
            self = .dictionary
        } else if let name = PropertyType.lastName(of: type), let kind = Self.byName[name] {
            self = kind
        } else if let tuple = type.as(TupleTypeSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first {
            self = ValueKind(of: only.type)
        } else {
            self = .unknown
        }
    }
}

/// Questions about a property's type that the macro answers from its spelling.
enum PropertyType {
    /// The wrapped type of `T?`, `T!` or `Optional<T>`; `nil` for other types.
    static func unwrappingOptional(_ type: TypeSyntax) -> TypeSyntax? {
        if let optional = type.as(OptionalTypeSyntax.self) { return optional.wrappedType }
        if let iuo = type.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) { return iuo.wrappedType }
        if let name = lastName(of: type), name == "Optional", let arguments = genericArguments(of: type),
            arguments.count == 1
        {
            return arguments[0]
        }
        if let tuple = type.as(TupleTypeSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first,
            only.firstName == nil
        {
            return unwrappingOptional(only.type)
        }
        return nil
    }

    /// The last name of a nominal type: `String` for `Swift.String`, `Array` for `Array<Int>`.
    static func lastName(of type: TypeSyntax) -> String? {
        if let identifier = type.as(IdentifierTypeSyntax.self) { return identifier.name.text }
        if let member = type.as(MemberTypeSyntax.self) { return member.name.text }
        return nil
    }

    /// The generic type arguments of a nominal type, if any.
    static func genericArguments(of type: TypeSyntax) -> [TypeSyntax]? {
        let clause =
            type.as(IdentifierTypeSyntax.self)?.genericArgumentClause
            ?? type.as(MemberTypeSyntax.self)?.genericArgumentClause
        guard let clause else { return nil }
        return clause.arguments.compactMap { argument in
            #if canImport(SwiftSyntax601)
            // From swift-syntax 601 on, an argument is a type or (for value generics) an expression.
            if case .type(let type) = argument.argument { return type }
            return nil
            #else
            return argument.argument
            #endif
        }
    }

    /// The first part of `type` that has no JSON encoding (a tuple, `Any`, an existential,
    /// a function), with the diagnostic and an optional replacement; `nil` when there is none.
    static func unsupportedPart(of type: TypeSyntax) -> (node: TypeSyntax, diagnostic: SchemaDiagnostic, replacement: String?)? {
        if let attributed = type.as(AttributedTypeSyntax.self) {
            return unsupportedPart(of: attributed.baseType)
        }
        if type.is(FunctionTypeSyntax.self) { return (type, .function, nil) }
        if type.is(MetatypeTypeSyntax.self) { return (type, .metatype, nil) }
        if type.is(SomeOrAnyTypeSyntax.self) || type.is(CompositionTypeSyntax.self) {
            return (type, .anyType, "JSONValue")
        }
        if let tuple = type.as(TupleTypeSyntax.self) {
            if tuple.elements.count == 1, let only = tuple.elements.first, only.firstName == nil {
                return unsupportedPart(of: only.type)
            }
            let elementTypes = tuple.elements.map { $0.type.trimmedDescription }
            let replacement: String? =
                if let first = elementTypes.first, elementTypes.allSatisfy({ $0 == first }) { "[\(first)]" } else { nil }
            return (type, .tuple, replacement)
        }
        if let name = lastName(of: type), name == "Any" || name == "AnyObject" {
            return (type, .anyType, "JSONValue")
        }
        if let optional = type.as(OptionalTypeSyntax.self) { return unsupportedPart(of: optional.wrappedType) }
        if let iuo = type.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) { return unsupportedPart(of: iuo.wrappedType) }
        if let array = type.as(ArrayTypeSyntax.self) { return unsupportedPart(of: array.element) }
        if let dictionary = type.as(DictionaryTypeSyntax.self) {
            return unsupportedPart(of: dictionary.key) ?? unsupportedPart(of: dictionary.value)
        }
        for argument in genericArguments(of: type) ?? [] {
            if let found = unsupportedPart(of: argument) { return found }
        }
        return nil
    }

    /// The type of a literal initializer (`= 0` → `Int`), for properties written without a type.
    static func inferred(from initializer: ExprSyntax) -> String? {
        if initializer.is(IntegerLiteralExprSyntax.self) { return "Int" }
        if initializer.is(FloatLiteralExprSyntax.self) { return "Double" }
        if initializer.is(BooleanLiteralExprSyntax.self) { return "Bool" }
        if let string = initializer.as(StringLiteralExprSyntax.self), string.representedLiteralValue != nil {
            return "String"
        }
        if let prefix = initializer.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "-" {
            return inferred(from: prefix.expression)
        }
        return nil
    }
}
