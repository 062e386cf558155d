/// Number scanning: checks the RFC 8259 grammar and, for the common case of at most 19
/// significant digits, builds the exact ``JSONNumber`` without allocating.
extension JSONReader {
    /// Reads the number that starts at the cursor (`-` or a digit).
    mutating func readNumber() throws(JSONParseFailure) -> JSONNumber {
        let start = position
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        guard position < count, isDigit(bytes[position]) else {
            throw failure(.invalidNumber, "expected a digit after '-', found \(found())")
        }
        // Significant digits so far (leading zeros skipped) and the power of ten they scale by.
        var significand: UInt64 = 0
        var digitCount = 0
        var exponent = 0
        // False once the literal needs the general (allocating) path.
        var fits = true
        var isPlainInteger = true

        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < count, isDigit(bytes[position]) {
                throw failure(.invalidNumber, "leading zeros are not allowed in numbers")
            }
        } else {
            while position < count, isDigit(bytes[position]) {
                if digitCount < 19 {
                    significand = significand &* 10 &+ UInt64(bytes[position] &- 0x30)
                    digitCount += 1
                } else {
                    fits = false
                }
                position += 1
            }
        }

        if position < count, bytes[position] == UInt8(ascii: ".") {
            isPlainInteger = false
            position += 1
            guard position < count, isDigit(bytes[position]) else {
                throw failure(.invalidNumber, "expected a digit after the decimal point, found \(found())")
            }
            while position < count, isDigit(bytes[position]) {
                let digit = UInt64(bytes[position] &- 0x30)
                if significand == 0 && digit == 0 {
                    exponent -= 1  // a leading zero of the fraction
                } else if digitCount < 19 {
                    significand = significand &* 10 &+ digit
                    digitCount += 1
                    exponent -= 1
                } else {
                    fits = false
                }
                position += 1
            }
        }

        if position < count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            isPlainInteger = false
            position += 1
            var exponentNegative = false
            if position < count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                exponentNegative = bytes[position] == UInt8(ascii: "-")
                position += 1
            }
            guard position < count, isDigit(bytes[position]) else {
                throw failure(.invalidNumber, "expected a digit in the exponent, found \(found())")
            }
            var e = 0
            while position < count, isDigit(bytes[position]) {
                if e < 100_000_000 {
                    e = e * 10 + Int(bytes[position] &- 0x30)
                } else {
                    fits = false  // let the general path saturate huge exponents
                }
                position += 1
            }
            exponent += exponentNegative ? -e : e
        }

        guard fits else {
            return JSONNumber(validLiteral: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        }
        if isPlainInteger && digitCount <= 18 {
            let magnitude = Int64(significand)
            return JSONNumber(storage: .int(negative ? -magnitude : magnitude))
        }
        return JSONNumber.make(negative: negative, significand: significand, exponent: exponent)
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
}
