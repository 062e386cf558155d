import SwiftParser
import SwiftSyntax

/// A JSON value known at compile time, written into the generated code as a Swift literal
/// that `JSONValue` accepts.
indirect enum JSONLiteral: Sendable {
    case null
    case bool(Bool)
    /// A number, as JSON text (`-12`, `0.5`, `1e3`).
    case number(String)
    case string(String)
    case array([JSONLiteral])
    case object([(String, JSONLiteral)])


    /// Whether the number is written without fraction or exponent.
    var isIntegerNumber: Bool {
        if case .number(let text) = self { return !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) }
        return false
    }

    /// The Swift literal for this value.
    var swiftCode: String {
        switch self {
        case .null: return "nil"
        case .bool(let value): return value ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return Self.quoted(text)
        case .array(let elements): return "[" + elements.map(\.swiftCode).joined(separator: ", ") + "]"
        case .object(let members):
            if members.isEmpty { return "[:]" }
            return "[" + members.map { Self.quoted($0.0) + ": " + $0.1.swiftCode }.joined(separator: ", ") + "]"
        }
    }

    /// `text` as a Swift string literal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// The value of a literal expression: strings without interpolation, numbers (with an
    /// optional `-`), booleans, `nil`, and arrays and dictionaries of those; `nil` otherwise.
    init?(_ expression: ExprSyntax) {
        if let string = expression.as(StringLiteralExprSyntax.self) {
            guard let value = string.representedLiteralValue else { return nil }
            self = .string(value)
        } else if let number = Self.numberText(expression) {
            self = .number(number)
        } else if let boolean = expression.as(BooleanLiteralExprSyntax.self) {
            self = .bool(boolean.literal.tokenKind == .keyword(.true))
        } else if expression.is(NilLiteralExprSyntax.self) {
            self = .null
        } else if let array = expression.as(ArrayExprSyntax.self) {
            var elements: [JSONLiteral] = []
            for element in array.elements {
                guard let value = JSONLiteral(element.expression) else { return nil }
                elements.append(value)
            }
            self = .array(elements)
        } else if let dictionary = expression.as(DictionaryExprSyntax.self) {
            var members: [(String, JSONLiteral)] = []
            if case .elements(let elements) = dictionary.content {
                for element in elements {
                    guard let key = element.key.as(StringLiteralExprSyntax.self)?.representedLiteralValue,
                        let value = JSONLiteral(element.value)
                    else { return nil }
                    members.append((key, value))
                }
            }
            self = .object(members)
        } else {
            return nil
        }
    }

    /// The JSON text of a numeric literal (`1_000` → `1000`, `0x10` → `16`, `-2.5`); `nil`
    /// when `expression` is not one.
    static func numberText(_ expression: ExprSyntax) -> String? {
        if let prefix = expression.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "-" {
            guard let magnitude = numberText(prefix.expression), !magnitude.hasPrefix("-") else { return nil }
            return magnitude == "0" ? "0" : "-" + magnitude
        }
        if let integer = expression.as(IntegerLiteralExprSyntax.self) {
            let text = integer.literal.text.filter { $0 != "_" }
            for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where text.hasPrefix(prefix) {
                return Int(text.dropFirst(2), radix: radix).map(String.init)
            }
            guard let value = Int(text) else { return nil }
            return String(value)
        }
        if let float = expression.as(FloatLiteralExprSyntax.self) {
            let text = float.literal.text.filter { $0 != "_" }
            guard !text.hasPrefix("0x"), Double(text) != nil else { return nil }
            return text
        }
        return nil
    }
}
