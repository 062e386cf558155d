/// Checks strings against the JSON Schema `format` vocabulary in assertion mode.
///
/// Covers every format defined by draft 2020-12 and draft-07: dates and times (RFC 3339),
/// durations, e-mail addresses, host names (with IDNA2008 rules for internationalized
/// names), IP addresses, URIs and IRIs, URI templates, UUIDs, ECMA-262 regular
/// expressions and JSON Pointers. The checkers work on bytes and Unicode scalars, without
/// Foundation, because they run once per validated instance.
///
/// ```swift
/// FormatChecker.check(format: "date", value: "2024-02-29")   // true
/// FormatChecker.check(format: "ipv4", value: "010.0.0.1")    // false
/// FormatChecker.check(format: "color", value: "red")         // nil: unknown format
/// ```
public enum FormatChecker: Sendable {
    /// The format names this checker understands; other names are ignored by validation.
    public static let knownFormats: Set<String> = [
        "date-time", "date", "time", "duration",
        "email", "idn-email", "hostname", "idn-hostname",
        "ipv4", "ipv6",
        "uri", "uri-reference", "iri", "iri-reference", "uri-template",
        "uuid", "regex", "json-pointer", "relative-json-pointer",
    ]

    /// Checks `value` against the format named `format`.
    ///
    /// - Parameters:
    ///   - format: The value of the schema's `format` keyword, for example `"date-time"`.
    ///   - value: The string instance to check.
    /// - Returns: `true` when `value` conforms, `false` when it does not, and `nil` when
    ///   `format` is not one of ``knownFormats`` (unknown formats must be ignored).
    public static func check(format: String, value: String) -> Bool? {
        checker(for: format).map { $0(value) }
    }

    /// The check for the format named `format`, looked up once (validation keeps it, so
    /// each checked string costs no lookup by name).
    /// - Parameter format: The value of the schema's `format` keyword.
    /// - Returns: The check, or `nil` when `format` is not one of ``knownFormats``.
    public static func checker(for format: String) -> (@Sendable (String) -> Bool)? {
        switch format {
        case "date-time": return { DateTimeFormat.isDateTime($0) }
        case "date": return { DateTimeFormat.isFullDate($0) }
        case "time": return { DateTimeFormat.isFullTime($0) }
        case "duration": return { DurationFormat.isDuration($0) }
        case "email": return { EmailFormat.isMailbox($0, international: false) }
        case "idn-email": return { EmailFormat.isMailbox($0, international: true) }
        case "hostname": return { HostnameFormat.isHostname($0) }
        case "idn-hostname": return { HostnameFormat.isInternationalHostname($0) }
        case "ipv4": return { IPAddressFormat.isIPv4($0.utf8) }
        case "ipv6": return { IPAddressFormat.isIPv6($0.utf8) }
        case "uri": return { URIFormat.isValid($0, allowRelative: false, international: false) }
        case "uri-reference": return { URIFormat.isValid($0, allowRelative: true, international: false) }
        case "iri": return { URIFormat.isValid($0, allowRelative: false, international: true) }
        case "iri-reference": return { URIFormat.isValid($0, allowRelative: true, international: true) }
        case "uri-template": return { URITemplateFormat.isTemplate($0) }
        case "uuid": return { isUUID($0) }
        case "regex": return { isECMARegex($0) }
        case "json-pointer": return { PointerFormat.isJSONPointer($0.utf8) }
        case "relative-json-pointer": return { PointerFormat.isRelativeJSONPointer($0.utf8) }
        default: return nil
        }
    }

    /// `8-4-4-4-12` hexadecimal digits separated by hyphens (RFC 4122 string form, any
    /// version and variant nibble).
    static func isUUID(_ value: String) -> Bool {
        var count = 0
        for byte in value.utf8 {
            switch count {
            case 8, 13, 18, 23:
                guard byte == UInt8(ascii: "-") else { return false }
            default:
                guard ASCII.isHexDigit(byte) else { return false }
            }
            count += 1
            if count > 36 { return false }
        }
        return count == 36
    }

    /// Whether `value` compiles as an ECMA-262 regular expression.
    static func isECMARegex(_ value: String) -> Bool {
        // Syntax only: a valid ECMA-262 pattern PCRE2 cannot run (variable-width
        // lookbehind) is still a valid regex.
        (try? ECMARegex.validateSyntax(value)) != nil
    }
}

/// Byte classification helpers shared by the format checkers.
enum ASCII {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isAlpha(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isAlpha(byte) }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
    }
}
