/// IPv4 (RFC 2673 dotted quad) and IPv6 (RFC 4291 text form) address checkers.
///
/// IPv4 octets are decimal without leading zeros; IPv6 accepts one `::`, an embedded
/// dotted quad in the last 32 bits, and rejects zone ids, prefixes and brackets.
enum IPAddressFormat {
    static func isIPv4<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var parts = 0
        var digits = 0
        var value = 0
        var leadingZero = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, parts < 3 else { return false }
                parts += 1
                digits = 0
                value = 0
                continue
            }
            guard ASCII.isDigit(byte), !leadingZero || digits == 0 else { return false }
            if digits == 0 { leadingZero = byte == UInt8(ascii: "0") } else if leadingZero { return false }
            digits += 1
            value = value * 10 + Int(byte - 0x30)
            guard digits <= 3, value <= 255 else { return false }
        }
        return parts == 3 && digits > 0
    }

    static func isIPv6<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
        // Groups before and after the single allowed "::".
        var groups = 0
        var sawDoubleColon = false
        var index = bytes.startIndex
        let end = bytes.endIndex
        guard index != end else { return false }
        if bytes[index] == UInt8(ascii: ":") {
            let next = bytes.index(after: index)
            guard next != end, bytes[next] == UInt8(ascii: ":") else { return false }
            sawDoubleColon = true
            index = bytes.index(after: next)
            if index == end { return true }
        }
        while index != end {
            // Read one group: hex digits up to ':' or end; or an IPv4 tail.
            let groupStart = index
            var hexDigits = 0
            var sawDot = false
            while index != end, bytes[index] != UInt8(ascii: ":") {
                let byte = bytes[index]
                if byte == UInt8(ascii: ".") { sawDot = true } else if !ASCII.isHexDigit(byte) { return false }
                hexDigits += 1
                index = bytes.index(after: index)
            }
            if sawDot {
                // An embedded IPv4 address must end the text and fill two groups.
                guard index == end, isIPv4(bytes[groupStart..<index]) else { return false }
                groups += 2
                break
            }
            guard hexDigits >= 1, hexDigits <= 4 else { return false }
            groups += 1
            guard index != end else { break }
            index = bytes.index(after: index)  // past ':'
            guard index != end else { return false }  // trailing single ':'
            if bytes[index] == UInt8(ascii: ":") {
                guard !sawDoubleColon else { return false }
                sawDoubleColon = true
                index = bytes.index(after: index)
                if index == end { break }
                guard bytes[index] != UInt8(ascii: ":") else { return false }
            }
        }
        return sawDoubleColon ? groups <= 7 : groups == 8
    }
}
