import SwiftDiagnostics

/// A diagnostic of the `@Schema` and `@Guide` macros.
struct SchemaDiagnostic: DiagnosticMessage, Error {
    let message: String
    let identifier: String
    let severity: DiagnosticSeverity

    var diagnosticID: MessageID { MessageID(domain: "FormaMacros", id: identifier) }

    static func error(_ identifier: String, _ message: String) -> SchemaDiagnostic {
        SchemaDiagnostic(message: message, identifier: identifier, severity: .error)
    }

    static func warning(_ identifier: String, _ message: String) -> SchemaDiagnostic {
        SchemaDiagnostic(message: message, identifier: identifier, severity: .warning)
    }

    // MARK: Declarations

    static let unsupportedDeclaration = error(
        "unsupportedDeclaration", "'@Schema' applies to structs, enums and final classes")
    static let nonFinalClass = error(
        "nonFinalClass",
        "'@Schema' requires a final class: a subclass could encode properties the schema does not list")
    static func missingType(_ name: String) -> SchemaDiagnostic {
        error("missingType", "'@Schema' needs an explicit type for stored property '\(name)'")
    }
    static let guidePlacement = error(
        "guidePlacement", "'@Guide' applies to stored instance properties")
    static func payloadFreeEnum(_ name: String) -> SchemaDiagnostic {
        warning(
            "payloadFreeEnum",
            "enum '\(name)' has no raw type, so synthesized Codable encodes each case as an object "
                + "('{\"case\":{}}'); add a String raw type to encode cases as their names")
    }
    static func unsupportedRawType(_ type: String) -> SchemaDiagnostic {
        error("unsupportedRawType", "'@Schema' supports String and integer raw values, not '\(type)'")
    }
    static func rawValueNotLiteral(_ name: String) -> SchemaDiagnostic {
        error("rawValueNotLiteral", "raw value of case '\(name)' must be a literal")
    }

    // MARK: Types

    static let tuple = error(
        "tuple", "a tuple has no Codable encoding; use an array or a '@Schema' struct")
    static let anyType = error(
        "anyType", "'Any' and existential types have no schema; use 'JSONValue' for arbitrary JSON")
    static let function = error(
        "function", "a closure or function has no JSON encoding; leave it out of 'CodingKeys'")
    static let metatype = error("metatype", "a metatype has no JSON encoding")

    // MARK: Guides

    static func constraintMismatch(_ constraint: String, _ kind: String, _ type: String) -> SchemaDiagnostic {
        error(
            "constraintMismatch",
            "'.\(constraint)' applies to \(kind), not to a property of type '\(type)'")
    }
    static func unknownConstraint(_ name: String) -> SchemaDiagnostic {
        error("unknownConstraint", "unknown '@Guide' constraint '\(name)'")
    }
    static func notLiteral(_ constraint: String) -> SchemaDiagnostic {
        error("notLiteral", "the argument of '.\(constraint)' must be a literal: '@Schema' reads it at compile time")
    }
    static let descriptionNotLiteral = error(
        "descriptionNotLiteral", "the description must be a string literal without interpolation")
    static func unknownFormat(_ name: String) -> SchemaDiagnostic {
        error("unknownFormat", "unknown format '\(name)'; use a SchemaFormat member or a string literal")
    }
    static func constantMismatch(_ type: String) -> SchemaDiagnostic {
        error("constantMismatch", "the constant does not fit a property of type '\(type)'")
    }
}

/// The message of a fix-it offered by the macros.
struct SchemaFixIt: FixItMessage {
    let message: String
    let identifier: String
    var fixItID: MessageID { MessageID(domain: "FormaMacros", id: identifier) }

    static func replace(with replacement: String) -> SchemaFixIt {
        SchemaFixIt(message: "Replace with '\(replacement)'", identifier: "replace")
    }
    static let addFinal = SchemaFixIt(message: "Add 'final'", identifier: "addFinal")
    static let addStringRawType = SchemaFixIt(message: "Add 'String' raw type", identifier: "addStringRawType")
    static let removeConstraint = SchemaFixIt(message: "Remove the constraint", identifier: "removeConstraint")
    static func addCodingKeys(_ excluded: String) -> SchemaFixIt {
        SchemaFixIt(message: "Add 'CodingKeys' without '\(excluded)'", identifier: "addCodingKeys")
    }
    static func addType(_ type: String) -> SchemaFixIt {
        SchemaFixIt(message: "Add type annotation ': \(type)'", identifier: "addType")
    }
}
