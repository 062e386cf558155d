import FormaJSON

extension TOMLReader {
    /// Reads the value at `offset`, recording its position at the recorder's pointer.
    mutating func readValue() throws(DocumentError) -> JSONValue {
        let position = text.position()
        recorder.value(at: position)
        guard let byte = text.current else { throw text.error(.syntax, "expected a value, found end of input") }
        switch byte {
        case UInt8(ascii: "\""):
            if text.peek() == byte, text.peek(2) == byte { return .string(try readMultilineString(literal: false)) }
            return .string(try readBasicString())
        case UInt8(ascii: "'"):
            if text.peek() == byte, text.peek(2) == byte { return .string(try readMultilineString(literal: true)) }
            return .string(try readLiteralString())
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "{"): return try readInlineTable()
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            if matches("true") { text.offset += 4; return .bool(true) }
            if matches("false") { text.offset += 5; return .bool(false) }
            throw text.error(.syntax, "expected a value, found \(text.currentDescription)")
        default:
            return try readScalarToken(at: position)
        }
    }

    private func matches(_ word: String) -> Bool {
        let utf8 = Array(word.utf8)
        guard text.offset + utf8.count <= text.bytes.count,
            text.bytes[text.offset..<(text.offset + utf8.count)].elementsEqual(utf8)
        else { return false }
        let after = text.offset + utf8.count
        return after == text.bytes.count || !Self.isBareKey(text.bytes[after])
    }

    private mutating func enter() throws(DocumentError) {
        depth += 1
        guard depth <= maxDepth else { throw text.error(.tooDeep, "nesting deeper than \(maxDepth) levels") }
    }

    // MARK: Arrays and inline tables

    private mutating func readArray() throws(DocumentError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        text.offset += 1
        var items: [JSONValue] = []
        while true {
            try skipBlankLines()
            if text.current == UInt8(ascii: "]") {
                text.offset += 1
                return .array(items)
            }
            recorder.push(index: items.count)
            items.append(try readValue())
            recorder.pop()
            try skipBlankLines()
            switch text.current {
            case UInt8(ascii: ","): text.offset += 1
            case UInt8(ascii: "]"):
                text.offset += 1
                return .array(items)
            default: throw text.error(.syntax, "expected ',' or ']' in an array, found \(text.currentDescription)")
            }
        }
    }

    private mutating func readInlineTable() throws(DocumentError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        text.offset += 1
        // An inline table is read into a table of its own, with dotted keys allowed inside,
        // and sealed (stored as a value) once closed.
        let table = TOMLTable(origin: .dotted(section: -depth), pointer: recorder.pointer, level: depth)
        skipSpaces()
        if text.current == UInt8(ascii: "}") {
            text.offset += 1
            return table.jsonValue()
        }
        while true {
            skipSpaces()
            try readKeyValue(into: table, section: -depth)
            skipSpaces()
            switch text.current {
            case UInt8(ascii: ","): text.offset += 1
            case UInt8(ascii: "}"):
                text.offset += 1
                return table.jsonValue()
            default:
                throw text.error(.syntax, "expected ',' or '}' in an inline table (which must fit on one line), found \(text.currentDescription)")
            }
        }
    }

    // MARK: Strings

    mutating func readBasicString() throws(DocumentError) -> String {
        text.offset += 1
        var utf8: [UInt8] = []
        while true {
            guard let byte = text.current else { throw text.error(.syntax, "unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                text.offset += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"): try readEscape(into: &utf8)
            case 0x0A, 0x0D: throw text.error(.syntax, "line break inside a string (use \"\"\" for multi-line strings)")
            case ..<0x20 where byte != 0x09, 0x7F: throw text.error(.syntax, "control character in a string")
            default:
                utf8.append(byte)
                text.offset += 1
            }
        }
    }

    mutating func readLiteralString() throws(DocumentError) -> String {
        text.offset += 1
        let start = text.offset
        while true {
            guard let byte = text.current else { throw text.error(.syntax, "unterminated string") }
            if byte == UInt8(ascii: "'") {
                let value = String(decoding: text.bytes[start..<text.offset], as: UTF8.self)
                text.offset += 1
                return value
            }
            if byte == 0x0A || byte == 0x0D { throw text.error(.syntax, "line break inside a string (use ''' for multi-line strings)") }
            if (byte < 0x20 && byte != 0x09) || byte == 0x7F { throw text.error(.syntax, "control character in a string") }
            text.offset += 1
        }
    }

    private mutating func readMultilineString(literal: Bool) throws(DocumentError) -> String {
        let quote = text.current!
        text.offset += 3
        if text.current == 0x0D, text.peek() == 0x0A { text.offset += 1 }
        if text.current == 0x0A {
            text.newline(at: text.offset)
            text.offset += 1
        }
        var utf8: [UInt8] = []
        while true {
            guard let byte = text.current else { throw text.error(.syntax, "unterminated multi-line string") }
            if byte == quote, text.peek() == quote, text.peek(2) == quote {
                // Up to two quotes may end the content right before the closing three.
                var run = 3
                while run < 5, text.peek(run) == quote { run += 1 }
                utf8.append(contentsOf: repeatElement(quote, count: run - 3))
                text.offset += run
                return String(decoding: utf8, as: UTF8.self)
            }
            switch byte {
            case 0x0A:
                text.newline(at: text.offset)
                utf8.append(byte)
                text.offset += 1
            case UInt8(ascii: "\\") where !literal:
                if try skipLineEndingBackslash() { continue }
                try readEscape(into: &utf8)
            case ..<0x20 where byte != 0x09 && byte != 0x0D, 0x7F:
                throw text.error(.syntax, "control character in a string")
            default:
                utf8.append(byte)
                text.offset += 1
            }
        }
    }

    /// A `\` followed by only whitespace up to the line's end trims that whitespace and all
    /// following whitespace and line breaks.
    private mutating func skipLineEndingBackslash() throws(DocumentError) -> Bool {
        var index = text.offset + 1
        while index < text.bytes.count, text.bytes[index] == 0x20 || text.bytes[index] == 0x09 { index += 1 }
        if index < text.bytes.count, text.bytes[index] == 0x0D { index += 1 }
        guard index < text.bytes.count, text.bytes[index] == 0x0A else { return false }
        text.offset = index
        while let byte = text.current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            if byte == 0x0A { text.newline(at: text.offset) }
            text.offset += 1
        }
        return true
    }

    private mutating func readEscape(into utf8: inout [UInt8]) throws(DocumentError) {
        let next = text.peek()
        text.offset += 2
        switch next {
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "\""): utf8.append(0x22)
        case UInt8(ascii: "\\"): utf8.append(0x5C)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = next == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let byte = text.current, let digit = Self.hexValue(byte) else {
                    throw text.error(.syntax, "expected a hexadecimal digit, found \(text.currentDescription)")
                }
                value = value << 4 | UInt32(digit)
                text.offset += 1
            }
            guard let scalar = Unicode.Scalar(value) else { throw text.error(.syntax, "\\u escape is not a Unicode scalar value") }
            utf8.append(contentsOf: String(Character(scalar)).utf8)
        default:
            text.offset -= 2
            throw text.error(.syntax, "invalid escape in a string")
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
