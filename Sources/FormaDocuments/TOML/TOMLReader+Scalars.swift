import FormaJSON

extension TOMLReader {
    /// Reads a number, a datetime, `inf` or `nan`.
    mutating func readScalarToken(at position: SourcePosition) throws(DocumentError) -> JSONValue {
        let start = text.offset
        while let byte = text.current, Self.continuesToken(byte) { text.offset += 1 }
        // A date and a time may be separated by one space.
        if text.current == 0x20, text.offset - start == 10, let next = text.peek(), next >= 0x30, next <= 0x39 {
            text.offset += 1
            while let byte = text.current, Self.continuesToken(byte) { text.offset += 1 }
        }
        let token = String(decoding: text.bytes[start..<text.offset], as: UTF8.self)
        guard !token.isEmpty else { throw text.error(.syntax, "expected a value, found \(text.currentDescription)") }
        if let number = Self.number(token) {
            // TOML integers are 64-bit signed; one that is not "must" be an error (TOML 1.0).
            if Self.isIntegerLiteral(token), number.int64Value == nil {
                throw DocumentError(
                    kind: .unsupportedValue, message: "integer \(token) does not fit in 64 bits (TOML integers are signed 64-bit)",
                    position: position)
            }
            return .number(number)
        }
        if let datetime = Self.datetime(token) { return .string(datetime) }
        if ["inf", "+inf", "-inf", "nan", "+nan", "-nan"].contains(token) {
            throw DocumentError(kind: .unsupportedValue, message: "\(token) has no JSON value", position: position)
        }
        throw DocumentError(kind: .syntax, message: "invalid value \(token)", position: position)
    }

    /// Whether a number token is an integer (hexadecimal, octal, binary, or decimal without
    /// a fraction or exponent), not a float.
    private static func isIntegerLiteral(_ token: String) -> Bool {
        let body = token.drop(while: { $0 == "+" || $0 == "-" })
        if body.hasPrefix("0x") || body.hasPrefix("0o") || body.hasPrefix("0b") { return true }
        return !body.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
    }

    private static func continuesToken(_ byte: UInt8) -> Bool {
        isBareKey(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Digits with single `_` between them (TOML's rule for every number part).
    private static func digits(_ part: Substring.UTF8View, hex: Bool = false) -> String? {
        var result = ""
        var previousDigit = false
        for byte in part {
            if byte == UInt8(ascii: "_") {
                guard previousDigit else { return nil }
                previousDigit = false
                continue
            }
            guard hex ? hexValue(byte) != nil : isDigit(byte) else { return nil }
            result.unicodeScalars.append(Unicode.Scalar(byte))
            previousDigit = true
        }
        return previousDigit ? result : nil
    }

    static func number(_ token: String) -> JSONNumber? {
        var body = Substring(token)
        var sign = ""
        if let first = body.first, first == "+" || first == "-" {
            if first == "-" { sign = "-" }
            body = body.dropFirst()
        }
        if body.hasPrefix("0x") || body.hasPrefix("0o") || body.hasPrefix("0b") {
            guard sign.isEmpty, !token.hasPrefix("+") else { return nil }
            let radix = body.hasPrefix("0x") ? 16 : body.hasPrefix("0o") ? 8 : 2
            guard let text = digits(body.dropFirst(2).utf8, hex: radix == 16), let value = UInt64(text, radix: radix) else { return nil }
            return JSONNumber(value)
        }
        // Integer part, optional fraction, optional exponent.
        let exponentIndex = body.firstIndex(where: { $0 == "e" || $0 == "E" })
        let mantissa = body[..<(exponentIndex ?? body.endIndex)]
        let dot = mantissa.firstIndex(of: ".")
        guard let whole = digits(mantissa[..<(dot ?? mantissa.endIndex)].utf8) else { return nil }
        if whole.count > 1, whole.hasPrefix("0") { return nil }
        var literal = sign + whole
        if let dot {
            guard let fraction = digits(mantissa[mantissa.index(after: dot)...].utf8) else { return nil }
            literal += "." + fraction
        }
        if let exponentIndex {
            var exponent = body[body.index(after: exponentIndex)...]
            var exponentSign = ""
            if let first = exponent.first, first == "+" || first == "-" {
                if first == "-" { exponentSign = "-" }
                exponent = exponent.dropFirst()
            }
            guard let value = digits(exponent.utf8) else { return nil }
            literal += "e" + exponentSign + value
        }
        return JSONNumber(parsing: literal)
    }

    /// An RFC 3339 string for a TOML datetime, date or time token; `nil` when it is none.
    static func datetime(_ token: String) -> String? {
        var bytes = Array(token.utf8)
        func digitsAt(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, bytes[range].allSatisfy(isDigit) else { return nil }
            return bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        func time(at start: Int) -> Int? {
            // HH:MM:SS(.fraction)? — returns the index after it.
            guard let hour = digitsAt(start..<(start + 2)), bytes.count > start + 2, bytes[start + 2] == UInt8(ascii: ":"),
                let minute = digitsAt((start + 3)..<(start + 5)), bytes.count > start + 5, bytes[start + 5] == UInt8(ascii: ":"),
                let second = digitsAt((start + 6)..<(start + 8)), hour < 24, minute < 60, second <= 60
            else { return nil }
            var index = start + 8
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let fractionStart = index
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
                guard index > fractionStart else { return nil }
            }
            return index
        }
        if bytes.count >= 8, bytes[2] == UInt8(ascii: ":") {
            return time(at: 0) == bytes.count ? token : nil
        }
        guard bytes.count >= 10, let year = digitsAt(0..<4), bytes[4] == UInt8(ascii: "-"), let month = digitsAt(5..<7),
            bytes[7] == UInt8(ascii: "-"), let day = digitsAt(8..<10), (1...12).contains(month), day >= 1,
            day <= daysIn(month: month, year: year)
        else { return nil }
        if bytes.count == 10 { return token }
        guard [UInt8(ascii: "T"), UInt8(ascii: "t"), 0x20].contains(bytes[10]) else { return nil }
        bytes[10] = UInt8(ascii: "T")
        guard var index = time(at: 11) else { return nil }
        if index < bytes.count {
            if bytes[index] == UInt8(ascii: "z") || bytes[index] == UInt8(ascii: "Z") {
                bytes[index] = UInt8(ascii: "Z")
                index += 1
            } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                guard let hours = digitsAt((index + 1)..<(index + 3)), bytes.count > index + 3, bytes[index + 3] == UInt8(ascii: ":"),
                    let minutes = digitsAt((index + 4)..<(index + 6)), hours < 24, minutes < 60
                else { return nil }
                index += 6
            }
        }
        guard index == bytes.count else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
