/// URI and URI-reference (RFC 3986) and IRI and IRI-reference (RFC 3987) checkers.
///
/// The parser follows the RFC 3986 grammar: `scheme ":" hier-part ["?" query]
/// ["#" fragment]` or a relative reference. IRIs additionally admit `ucschar` everywhere
/// an unreserved character may appear and `iprivate` in the query.
enum URIFormat {
    static func isValid(_ value: String, allowRelative: Bool, international: Bool) -> Bool {
        let scalars = Array(value.unicodeScalars)
        let parser = Parser(scalars: scalars, international: international)
        return parser.parseReference(allowRelative: allowRelative)
    }

    struct Parser {
        let scalars: [Unicode.Scalar]
        let international: Bool

        func parseReference(allowRelative: Bool) -> Bool {
            var index = 0
            // A scheme is present when a ':' comes before any '/', '?' or '#'.
            var firstDelimiter: Unicode.Scalar?
            var delimiterIndex = scalars.count
            for (position, scalar) in scalars.enumerated() where ":/?#".unicodeScalars.contains(scalar) {
                firstDelimiter = scalar
                delimiterIndex = position
                break
            }
            if firstDelimiter == ":" {
                // With a ':' first, the reference can only be absolute (path-noscheme forbids it).
                guard isScheme(0..<delimiterIndex) else { return false }
                index = delimiterIndex + 1
            } else if !allowRelative {
                return false
            }
            let fragmentStart = scalars[index...].firstIndex(of: "#") ?? scalars.count
            let queryStart = scalars[index..<fragmentStart].firstIndex(of: "?") ?? fragmentStart
            guard isHierPart(index..<queryStart) else { return false }
            if queryStart < fragmentStart,
               !isQueryOrFragment(queryStart + 1..<fragmentStart, allowPrivate: international) {
                return false
            }
            if fragmentStart < scalars.count,
               !isQueryOrFragment(fragmentStart + 1..<scalars.count, allowPrivate: false) {
                return false
            }
            return true
        }

        func isScheme(_ range: Range<Int>) -> Bool {
            guard let first = range.first, isASCII(scalars[first], ASCII.isAlpha) else { return false }
            return range.dropFirst().allSatisfy { position in
                let scalar = scalars[position]
                return isASCII(scalar, ASCII.isAlphanumeric) || scalar == "+" || scalar == "-" || scalar == "."
            }
        }

        func isHierPart(_ range: Range<Int>) -> Bool {
            if range.count >= 2, scalars[range.lowerBound] == "/", scalars[range.lowerBound + 1] == "/" {
                let authorityStart = range.lowerBound + 2
                let pathStart = scalars[authorityStart..<range.upperBound].firstIndex(of: "/") ?? range.upperBound
                return isAuthority(authorityStart..<pathStart) && isPath(pathStart..<range.upperBound)
            }
            return isPath(range)
        }

        /// `[ userinfo "@" ] host [ ":" port ]`
        func isAuthority(_ range: Range<Int>) -> Bool {
            var hostStart = range.lowerBound
            if let at = scalars[range].firstIndex(of: "@") {
                let userinfoOK = (range.lowerBound..<at).allSatisfy { position in
                    scalars[position] == ":" || isUnreservedOrSubDelim(position)
                }
                guard userinfoOK, isPercentEncodingValid(range.lowerBound..<at) else { return false }
                hostStart = at + 1
            }
            var hostEnd = range.upperBound
            if hostStart < range.upperBound, scalars[hostStart] == "[" {
                guard let close = scalars[hostStart..<range.upperBound].firstIndex(of: "]"),
                      isIPLiteral(hostStart + 1..<close)
                else { return false }
                hostEnd = close + 1
                guard hostEnd == range.upperBound || scalars[hostEnd] == ":" else { return false }
            } else {
                hostEnd = scalars[hostStart..<range.upperBound].firstIndex(of: ":") ?? range.upperBound
                let regNameOK = (hostStart..<hostEnd).allSatisfy(isUnreservedOrSubDelim)
                guard regNameOK, isPercentEncodingValid(hostStart..<hostEnd) else { return false }
            }
            if hostEnd < range.upperBound {
                // Port: digits only.
                return (hostEnd + 1..<range.upperBound).allSatisfy { isASCII(scalars[$0], ASCII.isDigit) }
            }
            return true
        }

        /// `IPv6address / IPvFuture` between the brackets.
        func isIPLiteral(_ range: Range<Int>) -> Bool {
            guard let first = range.first else { return false }
            if scalars[first] == "v" || scalars[first] == "V" {
                guard let dot = scalars[range].firstIndex(of: "."), dot > first + 1,
                      (first + 1..<dot).allSatisfy({ isASCII(scalars[$0], ASCII.isHexDigit) }),
                      dot + 1 < range.upperBound
                else { return false }
                return (dot + 1..<range.upperBound).allSatisfy { position in
                    scalars[position] == ":" || (isUnreservedOrSubDelim(position) && scalars[position] != "%")
                }
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(range.count)
            for position in range {
                guard scalars[position].isASCII else { return false }
                bytes.append(UInt8(scalars[position].value))
            }
            return IPAddressFormat.isIPv6(bytes)
        }

        /// Path segments of `pchar` separated by '/'.
        func isPath(_ range: Range<Int>) -> Bool {
            range.allSatisfy { isPathChar($0) || scalars[$0] == "/" } && isPercentEncodingValid(range)
        }

        func isQueryOrFragment(_ range: Range<Int>, allowPrivate: Bool) -> Bool {
            let charactersOK = range.allSatisfy { position in
                let scalar = scalars[position]
                return isPathChar(position) || scalar == "/" || scalar == "?"
                    || (allowPrivate && Self.isPrivateUse(scalar))
            }
            return charactersOK && isPercentEncodingValid(range)
        }

        /// `unreserved / pct-encoded / sub-delims / ":" / "@"` (with `ucschar` for IRIs).
        func isPathChar(_ position: Int) -> Bool {
            let scalar = scalars[position]
            return scalar == ":" || scalar == "@" || isUnreservedOrSubDelim(position)
        }

        /// Unreserved, sub-delims or '%' (checked separately by ``isPercentEncodingValid``).
        func isUnreservedOrSubDelim(_ position: Int) -> Bool {
            let scalar = scalars[position]
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                if ASCII.isAlphanumeric(byte) { return true }
                return "-._~!$&'()*+,;=%".utf8.contains(byte)
            }
            return international && Self.isUCSChar(scalar)
        }

        /// Every '%' is followed by two hexadecimal digits.
        func isPercentEncodingValid(_ range: Range<Int>) -> Bool {
            var position = range.lowerBound
            while position < range.upperBound {
                if scalars[position] == "%" {
                    guard position + 2 < range.upperBound,
                          isASCII(scalars[position + 1], ASCII.isHexDigit),
                          isASCII(scalars[position + 2], ASCII.isHexDigit)
                    else { return false }
                    position += 3
                } else {
                    position += 1
                }
            }
            return true
        }

        func isASCII(_ scalar: Unicode.Scalar, _ predicate: (UInt8) -> Bool) -> Bool {
            scalar.isASCII && predicate(UInt8(scalar.value))
        }

        /// RFC 3987 `ucschar`.
        static func isUCSChar(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            switch value {
            case 0xA0...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF:
                return true
            case 0x10000...0xEFFFD:
                // %x10000-1FFFD / ... / %xE1000-EFFFD: every plane but its last two code points.
                return value & 0xFFFF <= 0xFFFD && !(0xE0000...0xE0FFF).contains(value)
            default:
                return false
            }
        }

        /// RFC 3987 `iprivate`.
        static func isPrivateUse(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD: return true
            default: return false
            }
        }
    }
}
