/// Host name checkers: `hostname` (RFC 1123 names of LDH labels and valid A-labels) and
/// `idn-hostname` (RFC 5890 names mixing A-labels, U-labels and NR-LDH labels).
///
/// Labels are 1–63 octets, the name at most 253 octets in A-label form, no empty labels
/// (so no trailing dot), no hyphen at either end of a label, and no `--` in the third
/// and fourth positions except for a well-formed `xn--` A-label.
enum HostnameFormat {
    private static let maximumNameLength = 253
    private static let maximumLabelLength = 63

    static func isHostname(_ value: String) -> Bool {
        if let decided = plainLDHHostname(value.utf8) { return decided }
        let bytes = Array(value.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumNameLength else { return false }
        var decodedLabels: [[Unicode.Scalar]] = []
        for label in bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard let decoded = asciiLabel(label) else { return false }
            decodedLabels.append(decoded)
        }
        return IDNALabel.satisfiesBidiRule(decodedLabels)
    }

    /// A host name by RFC 1123 (what drafts 04 and 06 name): dot-separated labels of letters,
    /// digits and inner hyphens, consecutive ones included (`ab--cd`), 63 octets a label and
    /// 253 in all.
    static func isRFC1123Hostname(_ value: String) -> Bool {
        // `nil` means only IDNA's reservation of `--` in the third and fourth places stood in
        // the way, which RFC 1123 does not make.
        plainLDHHostname(value.utf8) ?? true
    }

    static func isInternationalHostname(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard !scalars.isEmpty else { return false }
        var decodedLabels: [[Unicode.Scalar]] = []
        var totalLength = -1  // no separator before the first label
        for label in scalars.split(omittingEmptySubsequences: false, whereSeparator: isLabelSeparator) {
            let asciiLength: Int
            let decoded: [Unicode.Scalar]
            if label.allSatisfy(\.isASCII) {
                guard let ascii = asciiLabel(label.map { UInt8($0.value) }) else { return false }
                decoded = ascii
                asciiLength = label.count
            } else {
                decoded = Array(label)
                // Every non-basic scalar costs at least one octet after "xn--".
                guard decoded.count <= maximumLabelLength - 4, IDNALabel.isValidULabel(decoded),
                      let encoded = Punycode.encode(decoded.map(lowercasedASCII))
                else { return false }
                asciiLength = 4 + encoded.count
            }
            guard asciiLength <= maximumLabelLength else { return false }
            totalLength += asciiLength + 1
            guard totalLength <= maximumNameLength else { return false }
            decodedLabels.append(decoded)
        }
        return IDNALabel.satisfiesBidiRule(decodedLabels)
    }

    /// U+002E FULL STOP, U+3002 IDEOGRAPHIC FULL STOP, U+FF0E FULLWIDTH FULL STOP and
    /// U+FF61 HALFWIDTH IDEOGRAPHIC FULL STOP (RFC 3490 section 3.1).
    /// The answer for names made of plain letter-digit-hyphen labels, decided in one pass
    /// without allocating; `nil` when a label is reserved (`??--…`, such as an `xn--`
    /// A-label), which needs the full IDNA check. Plain ASCII labels cannot break the Bidi
    /// rule, so that check is skipped.
    static func plainLDHHostname<Bytes: Sequence<UInt8>>(_ utf8: Bytes) -> Bool? {
        var total = 0
        var labelLength = 0
        var previous: UInt8 = 0
        var reserved = false
        // Letters, digits and '-' as a bit set over ASCII (two words), tested per byte.
        let (low, high) = ldhBits
        for byte in utf8 {
            total += 1
            if byte == UInt8(ascii: ".") {
                guard labelLength > 0, previous != UInt8(ascii: "-") else { return false }
                labelLength = 0
            } else {
                guard byte < 0x80 else { return false }
                guard byte < 64 ? (low >> UInt64(byte)) & 1 == 1 : (high >> UInt64(byte - 64)) & 1 == 1 else { return false }
                if labelLength == 0, byte == UInt8(ascii: "-") { return false }
                if labelLength == 3, byte == UInt8(ascii: "-"), previous == UInt8(ascii: "-") { reserved = true }
                labelLength += 1
                guard labelLength <= maximumLabelLength else { return false }
            }
            previous = byte
        }
        guard total > 0, total <= maximumNameLength, labelLength > 0, previous != UInt8(ascii: "-") else { return false }
        return reserved ? nil : true
    }

    /// Letters, digits and `-` over ASCII: bit `b` of the first word for bytes below 64,
    /// bit `b - 64` of the second for the rest.
    private static let ldhBits: (UInt64, UInt64) = {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for byte in UInt8(0)..<128 where ASCII.isAlphanumeric(byte) || byte == UInt8(ascii: "-") {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
        return (low, high)
    }()

    static func isLabelSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0x3002, 0xFF0E, 0xFF61: return true
        default: return false
        }
    }

    /// Checks an ASCII label and returns its Unicode form (decoded when it is an A-label),
    /// or `nil` when it is not a valid NR-LDH label or A-label.
    static func asciiLabel<Label: Collection<UInt8>>(_ label: Label) -> [Unicode.Scalar]? {
        let bytes = label.map(ASCII.lowercased)
        guard let first = bytes.first, let last = bytes.last, bytes.count <= maximumLabelLength,
              first != UInt8(ascii: "-"), last != UInt8(ascii: "-"),
              bytes.allSatisfy({ ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") })
        else { return nil }
        let plain = bytes.map { Unicode.Scalar($0) }
        guard bytes.count >= 4, bytes[2] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: "-") else {
            return plain
        }
        // Reserved LDH label: only a canonical "xn--" A-label of a valid U-label is allowed.
        guard bytes[0] == UInt8(ascii: "x"), bytes[1] == UInt8(ascii: "n"),
              let decoded = Punycode.decode(bytes[4...]),
              decoded.contains(where: { !$0.isASCII }),
              Punycode.encode(decoded) == Array(bytes[4...]),
              IDNALabel.isValidULabel(decoded)
        else { return nil }
        return decoded
    }

    private static func lowercasedASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.isASCII ? Unicode.Scalar(ASCII.lowercased(UInt8(scalar.value))) : scalar
    }
}
