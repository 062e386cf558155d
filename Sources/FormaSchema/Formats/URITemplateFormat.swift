/// URI Template (RFC 6570, level 4 syntax) checker.
///
/// Literals may be any character except controls, space and `"%<>\^`{|}` (a `%` must
/// start a percent-encoded triplet). The apostrophe is accepted in literals as the
/// JSON-Schema-Test-Suite requires. Expressions are `{` [operator] varspec *("," varspec) `}`
/// with the operators `+ # . / ; ? &`; the reserved operators `= , ! @ |` are rejected.
enum URITemplateFormat {
    static func isTemplate(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "{" {
                guard let close = scalars[index...].firstIndex(of: "}"),
                      isExpression(scalars[index + 1..<close])
                else { return false }
                index = close + 1
            } else if scalar == "%" {
                guard isTriplet(scalars, at: index) else { return false }
                index += 3
            } else {
                guard isLiteral(scalar) else { return false }
                index += 1
            }
        }
        return true
    }

    static func isLiteral(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value <= 0x20 || value == 0x7F { return false }
        if value < 0x80 { return !"\"%<>\\^`{|}".unicodeScalars.contains(scalar) }
        return URIFormat.Parser.isUCSChar(scalar) || URIFormat.Parser.isPrivateUse(scalar)
    }

    static func isTriplet(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 2 < scalars.count else { return false }
        return isHex(scalars[index + 1]) && isHex(scalars[index + 2])
    }

    static func isHex(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && ASCII.isHexDigit(UInt8(scalar.value))
    }

    /// The text between `{` and `}`.
    static func isExpression(_ body: ArraySlice<Unicode.Scalar>) -> Bool {
        var rest = body
        if let first = rest.first, "+#./;?&".unicodeScalars.contains(first) {
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return false }
        return rest.split(separator: ",", omittingEmptySubsequences: false).allSatisfy(isVarspec)
    }

    /// `varname [ ":" max-length / "*" ]`
    static func isVarspec(_ spec: ArraySlice<Unicode.Scalar>) -> Bool {
        var name = spec
        if spec.last == "*" {
            name = spec.dropLast()
        } else if let colon = spec.firstIndex(of: ":") {
            name = spec[..<colon]
            let length = spec[(colon + 1)...]
            guard let first = length.first, first != "0", length.count <= 4,
                  length.allSatisfy({ $0.isASCII && ASCII.isDigit(UInt8($0.value)) })
            else { return false }
        }
        return isVarname(name)
    }

    /// `varchar *( ["."] varchar )` where `varchar = ALPHA / DIGIT / "_" / pct-encoded`.
    static func isVarname(_ name: ArraySlice<Unicode.Scalar>) -> Bool {
        let scalars = Array(name)
        guard !scalars.isEmpty, scalars.first != ".", scalars.last != "." else { return false }
        var index = 0
        var previousWasDot = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "%" {
                guard isTriplet(scalars, at: index) else { return false }
                index += 3
                previousWasDot = false
                continue
            }
            if scalar == "." {
                guard !previousWasDot else { return false }
                previousWasDot = true
            } else {
                guard scalar.isASCII, ASCII.isAlphanumeric(UInt8(scalar.value)) || scalar == "_" else {
                    return false
                }
                previousWasDot = false
            }
            index += 1
        }
        return true
    }
}
