/// E-mail address checkers: `email` (RFC 5321 `Mailbox`) and `idn-email` (RFC 6531,
/// which adds UTF-8 to the local part and U-labels to the domain).
///
/// ```
/// Mailbox    = Local-part "@" ( Domain / address-literal )
/// Local-part = Dot-string / Quoted-string      ; at most 64 octets
/// ```
/// The domain is checked as a `hostname` (or `idn-hostname`); address literals are
/// `[` IPv4 `]` or `[IPv6:` IPv6 `]`.
enum EmailFormat {
    private static let maximumLocalPartOctets = 64

    static func isMailbox(_ value: String, international: Bool) -> Bool {
        if let decided = plainASCIIMailbox(value) { return decided }
        let scalars = Array(value.unicodeScalars)
        guard let localEnd = localPartEnd(scalars, international: international),
              localEnd > 0, localEnd < scalars.count, scalars[localEnd] == "@"
        else { return false }
        let localOctets = scalars[..<localEnd].reduce(0) { $0 + UTF8.width($1) }
        guard localOctets <= maximumLocalPartOctets else { return false }
        let domain = scalars[(localEnd + 1)...]
        guard !domain.isEmpty else { return false }
        if domain.first == "[" {
            return domain.last == "]" && isAddressLiteral(domain.dropFirst().dropLast())
        }
        let domainText = String(String.UnicodeScalarView(domain))
        return international
            ? HostnameFormat.isInternationalHostname(domainText)
            : HostnameFormat.isHostname(domainText)
    }

    /// The index just past the local part, or `nil` when it is malformed.
    /// The answer for the common `dot.atom@host.name` shape in ASCII, decided without
    /// allocating; `nil` for quoted local parts, address literals and non-ASCII text, which
    /// take the full path.
    static func plainASCIIMailbox(_ value: String) -> Bool? {
        var value = value
        return value.withUTF8 { bytes -> Bool? in
            guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), let first = bytes.first,
                first != UInt8(ascii: "\""), at > 0, at <= maximumLocalPartOctets
            else { return bytes.contains(UInt8(ascii: "@")) && bytes.first != UInt8(ascii: "\"") ? false : nil }
            var previousWasDot = true
            // The table as two words in registers: this loop runs for every address checked.
            let (low, high) = atextBits
            for index in 0..<at {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                if byte == UInt8(ascii: ".") {
                    guard !previousWasDot else { return false }
                    previousWasDot = true
                } else {
                    let isAtext = byte < 64 ? (low >> UInt64(byte)) & 1 == 1 : (high >> UInt64(byte - 64)) & 1 == 1
                    guard isAtext else { return false }
                    previousWasDot = false
                }
            }
            guard !previousWasDot else { return false }
            let domain = UnsafeBufferPointer(rebasing: bytes[(at + 1)...])
            guard let domainFirst = domain.first, domainFirst != UInt8(ascii: "[") else {
                return domain.isEmpty ? false : nil
            }
            for byte in domain where byte >= 0x80 { _ = byte; return nil }
            return HostnameFormat.plainLDHHostname(domain)
        }
    }

    /// RFC 5322 `atext` over ASCII as a bit set: bit `b` of the first word for bytes below
    /// 64, bit `b - 64` of the second for the rest.
    private static let atextBits: (UInt64, UInt64) = {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for byte in UInt8(0)..<128 where ASCII.isAlphanumeric(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte) {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
        return (low, high)
    }()

    static func localPartEnd(_ scalars: [Unicode.Scalar], international: Bool) -> Int? {
        guard let first = scalars.first else { return nil }
        if first == "\"" {
            var index = 1
            while index < scalars.count {
                let scalar = scalars[index]
                switch scalar.value {
                case 0x22:
                    return index + 1
                case 0x5C:  // quoted-pairSMTP = "\" %d32-126
                    guard index + 1 < scalars.count, (32...126).contains(scalars[index + 1].value) else {
                        return nil
                    }
                    index += 2
                case 32...126:
                    index += 1
                default:
                    guard international, !scalar.isASCII else { return nil }
                    index += 1
                }
            }
            return nil
        }
        // Dot-string = Atom *("." Atom)
        var index = 0
        var previousWasDot = true
        while index < scalars.count, scalars[index] != "@" {
            let scalar = scalars[index]
            if scalar == "." {
                guard !previousWasDot else { return nil }
                previousWasDot = true
            } else {
                guard isAtomText(scalar, international: international) else { return nil }
                previousWasDot = false
            }
            index += 1
        }
        return previousWasDot ? nil : index
    }

    /// RFC 5322 `atext`, plus any non-ASCII scalar for RFC 6531.
    static func isAtomText(_ scalar: Unicode.Scalar, international: Bool) -> Bool {
        guard scalar.isASCII else { return international }
        let byte = UInt8(scalar.value)
        return ASCII.isAlphanumeric(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }

    /// `IPv4-address-literal / IPv6-address-literal` without the brackets.
    static func isAddressLiteral(_ literal: ArraySlice<Unicode.Scalar>) -> Bool {
        guard literal.allSatisfy(\.isASCII) else { return false }
        let bytes = literal.map { UInt8($0.value) }
        let tag = Array("ipv6:".utf8)
        if bytes.count > tag.count, bytes[..<tag.count].map(ASCII.lowercased) == tag {
            return IPAddressFormat.isIPv6(bytes[tag.count...])
        }
        return IPAddressFormat.isIPv4(bytes)
    }
}
