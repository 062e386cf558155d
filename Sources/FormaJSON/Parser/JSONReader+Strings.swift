/// String scanning: a word-at-a-time fast path for plain ASCII, UTF-8 validation for
/// everything else, and escape decoding into a reused scratch buffer.
extension JSONReader {
    /// Scans string content from the cursor up to its closing quote or its first backslash,
    /// checking UTF-8 and control characters on the way, and stops on that byte.
    /// - Parameter open: Where the opening quote is (for the error message).
    /// - Returns: Whether the content up to there is ASCII, and whether it stopped at a
    ///   backslash (else at the closing quote).
    @inline(__always)
    mutating func scanStringRun(open: Int) throws(JSONParseFailure) -> (isASCII: Bool, atEscape: Bool) {
        var isASCII = true
        while true {
            skipPlainASCII()
            guard position < count else {
                throw failure(.unexpectedEndOfInput, "unterminated string starting at byte \(open)")
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                return (isASCII, false)
            } else if byte == UInt8(ascii: "\\") {
                return (isASCII, true)
            } else if byte < 0x20 {
                throw controlCharacterFailure(byte)
            } else if byte >= 0x80 {
                isASCII = false
                try skipMultiByteScalar()
            } else {
                position += 1
            }
        }
    }

    /// Reads the string whose opening quote is at the cursor, leaving the cursor after the
    /// closing quote.
    mutating func readString() throws(JSONParseFailure) -> String {
        let open = position
        position += 1
        let start = position
        let (isASCII, atEscape) = try scanStringRun(open: open)
        lastStringHadEscapes = atEscape
        if atEscape { return try readEscapedString(from: start, open: open) }
        let string = makeString(from: start, to: position, isASCII: isASCII)
        position += 1
        return string
    }

    /// Checks and passes the string whose opening quote is at the cursor without building it.
    mutating func skipString() throws(JSONParseFailure) {
        let open = position
        position += 1
        if try scanStringRun(open: open).atEscape {
            // Rare: decode (and so check) the escapes, then drop the result.
            _ = try readEscapedString(from: open + 1, open: open)
        } else {
            position += 1
        }
    }

    /// Scans the string whose opening quote is at the cursor. Without escapes, returns the
    /// range of its (validated UTF-8) content and leaves the cursor after the closing quote;
    /// with escapes, returns `nil` and leaves the cursor on the opening quote.
    mutating func scanPlainString() throws(JSONParseFailure) -> Range<Int>? {
        let open = position
        position += 1
        let start = position
        if try scanStringRun(open: open).atEscape {
            position = open
            return nil
        }
        position += 1
        return start..<(position - 1)
    }

    /// The string of the already validated UTF-8 bytes `start..<end`.
    @inline(__always)
    func makeString(from start: Int, to end: Int, isASCII: Bool) -> String {
        let length = end - start
        guard length <= 15, buildsSmallStrings, let base = bytes.baseAddress else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        var w0: UInt64 = 0
        var w1: UInt64 = 0
        if start + 16 <= count {
            let raw = UnsafeRawPointer(base)
            w0 = raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)
            w1 = raw.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self)
            if length < 8 {
                w0 &= (1 &<< UInt64(truncatingIfNeeded: length &* 8)) &- 1
                w1 = 0
            } else {
                w1 &= (1 &<< UInt64(truncatingIfNeeded: (length &- 8) &* 8)) &- 1
            }
        } else {
            var i = 0
            while i < length {
                let b = UInt64(base[start + i])
                if i < 8 { w0 |= b &<< UInt64(i &* 8) } else { w1 |= b &<< UInt64((i &- 8) &* 8) }
                i += 1
            }
        }
        return JSONSmallString.make(w0, w1, length: length, isASCII: isASCII)
    }

    /// Advances past bytes that need no attention: ASCII other than `"`, `\` and controls.
    /// Eight bytes at a time while the input allows it.
    @inline(__always)
    mutating func skipPlainASCII() {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var p = position
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while p + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
                // Flags a byte that is ≥ 0x80, < 0x20, '"' (0x22) or '\' (0x5C). Borrows can
                // flag extra bytes after a real hit, never before one, so the lowest flagged
                // byte is the first byte that needs attention.
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let special = (word | ((word &- ones &* 0x20) & ~word))
                    | ((quote &- ones) & ~quote)
                    | ((backslash &- ones) & ~backslash)
                let hits = special & highs
                if hits != 0 {
                    position = p &+ (hits.trailingZeroBitCount &>> 3)
                    return
                }
                p &+= 8
            }
        }
        while p < count {
            let b = bytes[p]
            guard b >= 0x20, b < 0x80, b != UInt8(ascii: "\""), b != UInt8(ascii: "\\") else { break }
            p += 1
        }
        position = p
    }

    /// Validates the multi-byte UTF-8 sequence whose lead byte is at the cursor and moves
    /// past it. Rejects overlong forms, encoded surrogates and values above U+10FFFF.
    @inline(__always)
    mutating func skipMultiByteScalar() throws(JSONParseFailure) {
        let lead = bytes[position]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default:
            throw failure(.invalidUTF8, "invalid UTF-8 lead byte \(found()) in string")
        }
        guard position + length <= count else {
            throw failure(.invalidUTF8, "truncated UTF-8 sequence in string")
        }
        let second = bytes[position + 1]
        guard second >= low, second <= high else {
            throw failure(.invalidUTF8, "invalid UTF-8 sequence in string")
        }
        for i in 2..<length where bytes[position + i] & 0xC0 != 0x80 {
            throw failure(.invalidUTF8, "invalid UTF-8 sequence in string")
        }
        position += length
    }

    func controlCharacterFailure(_ byte: UInt8) -> JSONParseFailure {
        failure(.controlCharacterInString, "raw control character \(found()) in string; it must be escaped")
    }

    /// Continues a string that holds escapes: copies runs of plain bytes and decoded escapes
    /// into `scratch`, then builds the string once.
    mutating func readEscapedString(from start: Int, open: Int) throws(JSONParseFailure) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while true {
            let runStart = position
            while position < count {
                let b = bytes[position]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { break }
                if b < 0x20 { throw controlCharacterFailure(b) }
                if b >= 0x80 { try skipMultiByteScalar() } else { position += 1 }
            }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            guard position < count else {
                throw failure(.unexpectedEndOfInput, "unterminated string starting at byte \(open)")
            }
            if bytes[position] == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            try readEscape()
        }
    }

    /// Decodes the escape whose backslash is at the cursor into `scratch`.
    mutating func readEscape() throws(JSONParseFailure) {
        let backslash = position
        guard position + 1 < count else {
            throw failure(.unexpectedEndOfInput, "unterminated escape sequence", at: count)
        }
        let byte = bytes[position + 1]
        position += 2
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4(escapeAt: backslash)
            if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw failure(.loneSurrogate, "lone low surrogate \\u\(hex4(scalar)) in string", at: backslash)
            }
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                guard position + 1 < count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else {
                    throw failure(
                        .loneSurrogate, "high surrogate \\u\(hex4(scalar)) not followed by a low surrogate",
                        at: backslash)
                }
                let second = position
                position += 2
                let low = try readHex4(escapeAt: second)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw failure(
                        .loneSurrogate, "high surrogate \\u\(hex4(scalar)) not followed by a low surrogate",
                        at: backslash)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            appendUTF8(scalar)
        default:
            throw failure(.invalidEscape, "invalid escape sequence '\\\(found(at: backslash + 1).trimmingQuotes)'", at: backslash)
        }
    }

    /// Reads four hexadecimal digits at the cursor (the `XXXX` of `\uXXXX`).
    mutating func readHex4(escapeAt backslash: Int) throws(JSONParseFailure) -> UInt32 {
        var value: UInt32 = 0
        for i in 0..<4 {
            guard position + i < count else {
                throw failure(.invalidUnicodeEscape, "\\u escape needs four hexadecimal digits", at: backslash)
            }
            let b = bytes[position + i]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b &- 0x30
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b &- 0x57
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b &- 0x37
            default:
                throw failure(.invalidUnicodeEscape, "\\u escape needs four hexadecimal digits", at: backslash)
            }
            value = value << 4 | UInt32(digit)
        }
        position += 4
        return value
    }

    /// Appends the UTF-8 encoding of a valid scalar value to `scratch`.
    mutating func appendUTF8(_ v: UInt32) {
        if v < 0x80 {
            scratch.append(UInt8(v))
        } else if v < 0x800 {
            scratch.append(UInt8(0xC0 | v >> 6))
            scratch.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            scratch.append(UInt8(0xE0 | v >> 12))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        } else {
            scratch.append(UInt8(0xF0 | v >> 18))
            scratch.append(UInt8(0x80 | v >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        }
    }

    func hex4(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension String {
    /// `x` for `'x'`; other descriptions unchanged.
    fileprivate var trimmingQuotes: String {
        guard utf8.count == 3, utf8.first == UInt8(ascii: "'"), utf8.last == UInt8(ascii: "'") else { return self }
        return String(self.dropFirst().dropLast())
    }
}
