import SwiftSyntax

/// The arguments of `@Schema(keys:additionalProperties:)`.
struct SchemaOptions {
    var keys: KeyStrategy = .useDefaultKeys
    var additionalProperties = false

    /// Reads the options from the attribute; unknown spellings keep the defaults (the type
    /// checker rejects them anyway).
    init(_ attribute: AttributeSyntax) {
        guard case .argumentList(let arguments) = attribute.arguments else { return }
        for argument in arguments {
            switch argument.label?.text {
            case "keys":
                let name = argument.expression.as(MemberAccessExprSyntax.self)?.declName.baseName.text
                keys = name == "snakeCase" ? .snakeCase : .useDefaultKeys
            case "additionalProperties":
                let literal = argument.expression.as(BooleanLiteralExprSyntax.self)
                additionalProperties = literal?.literal.tokenKind == .keyword(.true)
            default:
                continue
            }
        }
    }
}

/// Lines of generated Swift code, indented as they are appended.
struct CodeWriter {
    private(set) var lines: [String] = []
    private var indentation = ""

    mutating func line(_ text: String) { lines.append(text.isEmpty ? "" : indentation + text) }

    mutating func indented(_ body: (inout CodeWriter) -> Void) {
        let saved = indentation
        indentation += "    "
        body(&self)
        indentation = saved
    }

    var text: String { lines.joined(separator: "\n") }
}
