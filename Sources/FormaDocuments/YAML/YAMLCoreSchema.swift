import FormaJSON

/// The YAML 1.2 core schema's resolution of scalars to JSON values.
///
/// Plain scalars: `null`/`Null`/`NULL`/`~`/empty are null; `true`/`True`/`TRUE` and the
/// `false` forms are booleans; decimal, `0o` octal and `0x` hexadecimal integers and
/// decimal floats are numbers; everything else (`on`, `yes`, `2024-01-01`) is a string.
/// `.inf` and `.nan` are refused: JSON has no such numbers.
enum YAMLCoreSchema {
    static let prefix = "tag:yaml.org,2002:"

    /// The JSON value of a scalar.
    /// - Throws: ``DocumentError`` for tags without JSON meaning, or a value that does not
    ///   match its explicit tag.
    static func resolve(_ text: String, tag: String?, plain: Bool, at position: SourcePosition) throws(DocumentError) -> JSONValue {
        guard let tag, tag != "?" else {
            return plain ? try resolvePlain(text, at: position) : .string(text)
        }
        if tag == "!" { return .string(text) }
        let resolved: JSONValue?
        switch tag {
        case prefix + "str": return .string(text)
        case prefix + "null": resolved = isNull(text) ? .null : nil
        case prefix + "bool": resolved = bool(text).map(JSONValue.bool)
        case prefix + "int": resolved = integer(text).map(JSONValue.number)
        case prefix + "float": resolved = (integer(text) ?? float(text)).map(JSONValue.number)
        default:
            throw DocumentError(kind: .unsupportedValue, message: "tag \(shortTag(tag)) has no JSON meaning", position: position)
        }
        guard let resolved else {
            throw DocumentError(kind: .unsupportedValue, message: "\"\(text)\" is not a valid \(shortTag(tag))", position: position)
        }
        return resolved
    }

    /// `!!name` for a core tag, the tag itself otherwise.
    static func shortTag(_ tag: String) -> String {
        tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    private static func resolvePlain(_ text: String, at position: SourcePosition) throws(DocumentError) -> JSONValue {
        if isNull(text) { return .null }
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
            throw DocumentError(kind: .unsupportedValue, message: "\(text) has no JSON value (quote it to keep the text)", position: position)
        default: break
        }
        if let value = bool(text) { return .bool(value) }
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
            || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
        else { return .string(text) }
        if let number = integer(text) ?? float(text) { return .number(number) }
        return .string(text)
    }

    private static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    private static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
    private static func integer(_ text: String) -> JSONNumber? {
        let utf8 = Array(text.utf8)
        if utf8.count > 2, utf8[0] == UInt8(ascii: "0"), utf8[1] == UInt8(ascii: "o") || utf8[1] == UInt8(ascii: "x") {
            guard let value = UInt64(text.dropFirst(2), radix: utf8[1] == UInt8(ascii: "o") ? 8 : 16) else { return nil }
            return JSONNumber(value)
        }
        var digits = utf8[...]
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        // Leading zeros are allowed in YAML ("007" is 7); JSON's literal grammar is not.
        var trimmed = digits.drop(while: { $0 == UInt8(ascii: "0") })
        if trimmed.isEmpty { trimmed = digits.suffix(1) }
        return JSONNumber(parsing: (negative ? "-" : "") + String(decoding: trimmed, as: UTF8.self))
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    private static func float(_ text: String) -> JSONNumber? {
        var utf8 = Array(text.utf8)
        var sign = ""
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            if first == UInt8(ascii: "-") { sign = "-" }
            utf8.removeFirst()
        }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        var index = 0
        var integerPart: [UInt8] = []
        while index < utf8.count, isDigit(utf8[index]) { integerPart.append(utf8[index]); index += 1 }
        var fraction: [UInt8] = []
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            index += 1
            while index < utf8.count, isDigit(utf8[index]) { fraction.append(utf8[index]); index += 1 }
        }
        guard !integerPart.isEmpty || !fraction.isEmpty else { return nil }
        var exponent: [UInt8] = []
        if index < utf8.count, utf8[index] == UInt8(ascii: "e") || utf8[index] == UInt8(ascii: "E") {
            exponent.append(UInt8(ascii: "e"))
            index += 1
            if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") {
                exponent.append(utf8[index])
                index += 1
            }
            let start = index
            while index < utf8.count, isDigit(utf8[index]) { exponent.append(utf8[index]); index += 1 }
            guard index > start else { return nil }
        }
        guard index == utf8.count else { return nil }
        var whole = integerPart.drop(while: { $0 == UInt8(ascii: "0") })
        if whole.isEmpty { whole = [UInt8(ascii: "0")] }
        var literal = sign + String(decoding: whole, as: UTF8.self)
        if !fraction.isEmpty { literal += "." + String(decoding: fraction, as: UTF8.self) }
        literal += String(decoding: exponent, as: UTF8.self)
        return JSONNumber(parsing: literal)
    }
}
