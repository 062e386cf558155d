import FormaJSON

/// Reads JSON, JSONC or JSON5 text into a ``Document``, recording where every value and key
/// starts.
///
/// Hand-written because FormaJSON's parser, built for speed, keeps no positions. The three
/// dialects share one grammar with switches: JSONC adds comments and trailing commas; JSON5
/// adds, on top of those, unquoted keys, single-quoted strings, more escapes, line
/// continuations, hexadecimal numbers, leading `+` and leading or trailing decimal points.
/// `Infinity` and `NaN` are refused: JSON has no such numbers.
struct JSONTextReader {
    private var text: SourceText
    private var recorder = PositionRecorder()
    private let comments: Bool
    private let json5: Bool
    private let maxDepth: Int

    init(bytes: [UInt8], format: DocumentFormat, maxDepth: Int) {
        text = SourceText(bytes)
        comments = format != .json
        json5 = format == .json5
        self.maxDepth = maxDepth
    }

    /// Reads the one document the text holds.
    mutating func read() throws(DocumentError) -> Document {
        try UTF8Validation.check(text.bytes)
        if text.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { text.offset = 3 }
        try skipTrivia()
        let start = text.position()
        let value = try readValue()
        try skipTrivia()
        guard text.atEnd else { throw text.error(.syntax, "unexpected \(text.currentDescription) after the document") }
        return Document(value: value, index: 0, start: start, recorder: recorder)
    }

    private mutating func readValue() throws(DocumentError) -> JSONValue {
        let position = text.position()
        recorder.value(at: position)
        guard let byte = text.current else { throw text.error(.syntax, "expected a value, found end of input") }
        switch byte {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString(quote: byte))
        case UInt8(ascii: "'") where json5: return .string(try readString(quote: byte))
        case UInt8(ascii: "t"): return try readLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try readLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try readLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        case UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "I"), UInt8(ascii: "N"):
            guard json5 else { fallthrough }
            return .number(try readNumber())
        default:
            throw text.error(.syntax, "expected a value, found \(text.currentDescription)")
        }
    }

    private mutating func enter() throws(DocumentError) {
        guard recorder.depth < maxDepth else {
            throw text.error(.tooDeep, "nesting deeper than \(maxDepth) levels")
        }
    }

    private mutating func readObject() throws(DocumentError) -> JSONValue {
        try enter()
        text.offset += 1
        var object = JSONObject()
        var first = true
        while true {
            try skipTrivia()
            if text.current == UInt8(ascii: "}"), first || comments {
                text.offset += 1
                return .object(object)
            }
            let keyPosition = text.position()
            let key: String
            switch text.current {
            case UInt8(ascii: "\""): key = try readString(quote: UInt8(ascii: "\""))
            case UInt8(ascii: "'") where json5: key = try readString(quote: UInt8(ascii: "'"))
            case let byte? where json5 && Self.startsIdentifier(byte): key = readIdentifier()
            default: throw text.error(.syntax, first ? "expected a key or '}', found \(text.currentDescription)" : "expected a key, found \(text.currentDescription)")
            }
            if object.contains(key) {
                throw DocumentError(kind: .duplicateKey, message: "duplicate key \"\(key)\"", position: keyPosition)
            }
            try skipTrivia()
            guard text.current == UInt8(ascii: ":") else { throw text.error(.syntax, "expected ':' after a key, found \(text.currentDescription)") }
            text.offset += 1
            try skipTrivia()
            recorder.push(key)
            recorder.key(at: keyPosition)
            let value = try readValue()
            recorder.pop()
            object.appendUnchecked(key: key, value: value)
            first = false
            try skipTrivia()
            switch text.current {
            case UInt8(ascii: ","): text.offset += 1
            case UInt8(ascii: "}"):
                text.offset += 1
                return .object(object)
            default: throw text.error(.syntax, "expected ',' or '}' in an object, found \(text.currentDescription)")
            }
        }
    }

    private mutating func readArray() throws(DocumentError) -> JSONValue {
        try enter()
        text.offset += 1
        var items: [JSONValue] = []
        while true {
            try skipTrivia()
            if text.current == UInt8(ascii: "]"), items.isEmpty || comments {
                text.offset += 1
                return .array(items)
            }
            recorder.push(index: items.count)
            let value = try readValue()
            recorder.pop()
            items.append(value)
            try skipTrivia()
            switch text.current {
            case UInt8(ascii: ","): text.offset += 1
            case UInt8(ascii: "]"):
                text.offset += 1
                return .array(items)
            default: throw text.error(.syntax, "expected ',' or ']' in an array, found \(text.currentDescription)")
            }
        }
    }

    private mutating func readLiteral(_ word: String, _ value: JSONValue) throws(DocumentError) -> JSONValue {
        let utf8 = Array(word.utf8)
        guard text.offset + utf8.count <= text.bytes.count,
            text.bytes[text.offset..<(text.offset + utf8.count)].elementsEqual(utf8)
        else { throw text.error(.syntax, "expected a value, found \(text.currentDescription)") }
        text.offset += utf8.count
        return value
    }

    // MARK: Trivia

    private mutating func skipTrivia() throws(DocumentError) {
        while let byte = text.current {
            switch byte {
            case 0x20, 0x09, 0x0D:
                text.offset += 1
            case 0x0A:
                text.newline(at: text.offset)
                text.offset += 1
            case 0x0B where json5, 0x0C where json5:
                text.offset += 1
            case 0xC2 where json5 && text.peek() == 0xA0:
                text.offset += 2
            case 0xEF where json5 && text.peek() == 0xBB && text.peek(2) == 0xBF:
                text.offset += 3
            case UInt8(ascii: "/") where comments:
                try skipComment()
            default:
                return
            }
        }
    }

    private mutating func skipComment() throws(DocumentError) {
        switch text.peek() {
        case UInt8(ascii: "/"):
            while let byte = text.current, byte != 0x0A { text.offset += 1 }
        case UInt8(ascii: "*"):
            let start = text.position()
            text.offset += 2
            while true {
                guard let byte = text.current else {
                    throw DocumentError(kind: .syntax, message: "unterminated /* comment", position: start)
                }
                if byte == UInt8(ascii: "*"), text.peek() == UInt8(ascii: "/") {
                    text.offset += 2
                    return
                }
                if byte == 0x0A { text.newline(at: text.offset) }
                text.offset += 1
            }
        default:
            throw text.error(.syntax, "expected a value, found '/'")
        }
    }
}

extension JSONTextReader {
    // MARK: Strings

    fileprivate mutating func readString(quote: UInt8) throws(DocumentError) -> String {
        text.offset += 1
        var utf8: [UInt8] = []
        while true {
            guard let byte = text.current else { throw text.error(.syntax, "unterminated string") }
            switch byte {
            case quote:
                text.offset += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try readEscape(into: &utf8)
            case 0x0A, 0x0D:
                throw text.error(.syntax, "line break inside a string")
            case ..<0x20 where !json5:
                throw text.error(.syntax, "unescaped control character in a string")
            default:
                utf8.append(byte)
                text.offset += 1
            }
        }
    }

    private mutating func readEscape(into utf8: inout [UInt8]) throws(DocumentError) {
        text.offset += 1
        guard let byte = text.current else { throw text.error(.syntax, "unterminated string") }
        text.offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex(4)
            if (0xD800..<0xDC00).contains(scalar), text.current == UInt8(ascii: "\\"), text.peek() == UInt8(ascii: "u") {
                text.offset += 2
                let low = try readHex(4)
                guard (0xDC00..<0xE000).contains(low) else { throw text.error(.syntax, "unpaired surrogate in \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let value = Unicode.Scalar(scalar) else { throw text.error(.syntax, "unpaired surrogate in \\u escape") }
            utf8.append(contentsOf: String(Character(value)).utf8)
        case UInt8(ascii: "'") where json5: utf8.append(byte)
        case UInt8(ascii: "v") where json5: utf8.append(0x0B)
        case UInt8(ascii: "0") where json5 && !(text.current.map { $0 >= 0x30 && $0 <= 0x39 } ?? false): utf8.append(0)
        case UInt8(ascii: "x") where json5:
            let value = try readHex(2)
            utf8.append(contentsOf: String(Character(Unicode.Scalar(UInt8(value)))).utf8)
        case 0x0A where json5:
            text.newline(at: text.offset - 1)
        case 0x0D where json5:
            if text.current == 0x0A {
                text.newline(at: text.offset)
                text.offset += 1
            }
        case UInt8(ascii: "1")...UInt8(ascii: "9") where json5:
            text.offset -= 1
            throw text.error(.syntax, "invalid escape in a string")
        default:
            if json5 {
                // JSON5: any other character escapes to itself.
                utf8.append(byte)
                while let next = text.current, next & 0xC0 == 0x80 {
                    utf8.append(next)
                    text.offset += 1
                }
            } else {
                text.offset -= 1
                throw text.error(.syntax, "invalid escape '\\\(Character(Unicode.Scalar(byte)))' in a string")
            }
        }
    }

    private mutating func readHex(_ count: Int) throws(DocumentError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let byte = text.current, let digit = Self.hexDigit(byte) else {
                throw text.error(.syntax, "expected a hexadecimal digit, found \(text.currentDescription)")
            }
            value = value << 4 | UInt32(digit)
            text.offset += 1
        }
        return value
    }

    fileprivate static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    // MARK: JSON5 identifiers

    fileprivate static func startsIdentifier(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
            || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    /// An unquoted JSON5 key: ASCII letters, digits, `_`, `$` and any non-ASCII scalar
    /// (a superset of ECMAScript's IdentifierName, which is enough to read real files).
    fileprivate mutating func readIdentifier() -> String {
        let start = text.offset
        while let byte = text.current,
            Self.startsIdentifier(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        {
            text.offset += 1
        }
        return String(decoding: text.bytes[start..<text.offset], as: UTF8.self)
    }

    // MARK: Numbers

    fileprivate mutating func readNumber() throws(DocumentError) -> JSONNumber {
        let start = text.offset
        let position = text.position()
        while let byte = text.current, Self.continuesNumber(byte) { text.offset += 1 }
        var literal = Array(text.bytes[start..<text.offset])
        if literal.isEmpty { throw text.error(.syntax, "expected a value, found \(text.currentDescription)") }
        if let number = Self.number(literal) { return number }
        guard json5 else {
            throw DocumentError(kind: .syntax, message: "invalid number \(String(decoding: literal, as: UTF8.self))", position: position)
        }
        var negative = false
        if literal.first == UInt8(ascii: "+") || literal.first == UInt8(ascii: "-") {
            negative = literal.first == UInt8(ascii: "-")
            literal.removeFirst()
        }
        let body = String(decoding: literal, as: UTF8.self)
        if body == "Infinity" || body == "NaN" {
            throw DocumentError(kind: .unsupportedValue, message: "\(body) has no JSON value", position: position)
        }
        if body.hasPrefix("0x") || body.hasPrefix("0X"), let magnitude = UInt64(body.dropFirst(2), radix: 16) {
            if !negative { return JSONNumber(magnitude) }
            if magnitude <= UInt64(Int64.max) { return JSONNumber(-Int64(magnitude)) }
            if let number = JSONNumber(parsing: "-\(magnitude)") { return number }
        }
        var decimal = body
        if decimal.hasPrefix(".") { decimal = "0" + decimal }
        if let dot = decimal.firstIndex(of: "."), decimal.index(after: dot) == decimal.endIndex || !decimal[decimal.index(after: dot)].isNumber {
            decimal.insert("0", at: decimal.index(after: dot))
        }
        if let number = JSONNumber(parsing: (negative ? "-" : "") + decimal) { return number }
        throw DocumentError(kind: .syntax, message: "invalid number \(String(decoding: text.bytes[start..<text.offset], as: UTF8.self))", position: position)
    }

    private static func continuesNumber(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    fileprivate static func number(_ literal: [UInt8]) -> JSONNumber? {
        literal.withUnsafeBufferPointer { buffer in
            JSONNumber.isValidLiteral(buffer) ? JSONNumber(validLiteral: buffer) : nil
        }
    }
}
