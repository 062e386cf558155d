import FormaJSON

/// Reads a TOML 1.0 document into a ``Document``, recording where every value and key
/// starts.
///
/// Hand-written: the TOML libraries for Swift (TOMLKit, which wraps toml++) keep no
/// positions per value, and TOMLKit is not buildable offline here. Datetimes become RFC 3339
/// strings (`T` separator, upper-case `Z`); local dates and times stay as written. `inf` and
/// `nan` are refused: JSON has no such numbers.
struct TOMLReader {
    var text: SourceText
    var recorder = PositionRecorder()
    let maxDepth: Int
    /// The nesting level of the value being read (the table it belongs to counts), checked
    /// against `maxDepth` wherever a table or array opens.
    var depth = 1
    private let root: TOMLTable
    private var current: TOMLTable
    private var section = 0

    init(bytes: [UInt8], maxDepth: Int) {
        text = SourceText(bytes)
        self.maxDepth = maxDepth
        root = TOMLTable(origin: .header, pointer: "", level: 1)
        current = root
    }

    /// Reads the document.
    mutating func read() throws(DocumentError) -> Document {
        try UTF8Validation.check(text.bytes)
        if text.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { text.offset = 3 }
        recorder.value(at: SourcePosition(line: 1, column: 1), pointer: "")
        while true {
            try skipBlankLines()
            guard let byte = text.current else { break }
            if byte == UInt8(ascii: "[") {
                try readHeader()
            } else {
                try readKeyValue(into: current, section: section)
            }
            try endLine()
        }
        return Document(
            value: root.jsonValue(), index: 0, start: SourcePosition(line: 1, column: 1),
            recorder: recorder)
    }

    // MARK: Lines

    mutating func skipSpaces() {
        while let byte = text.current, byte == 0x20 || byte == 0x09 { text.offset += 1 }
    }

    /// Skips spaces, comments and line breaks.
    mutating func skipBlankLines() throws(DocumentError) {
        while true {
            skipSpaces()
            switch text.current {
            case UInt8(ascii: "#"): try skipComment()
            case 0x0A:
                text.newline(at: text.offset)
                text.offset += 1
            case 0x0D where text.peek() == 0x0A:
                text.offset += 1
            default: return
            }
        }
    }

    mutating func skipComment() throws(DocumentError) {
        while let byte = text.current, byte != 0x0A {
            if (byte < 0x20 && byte != 0x09 && !(byte == 0x0D && text.peek() == 0x0A)) || byte == 0x7F {
                throw text.error(.syntax, "control character in a comment")
            }
            text.offset += 1
        }
    }

    /// Requires the rest of the line to be blank or a comment.
    private mutating func endLine() throws(DocumentError) {
        skipSpaces()
        if text.current == UInt8(ascii: "#") { try skipComment() }
        if text.current == 0x0D, text.peek() == 0x0A { text.offset += 1 }
        guard let byte = text.current else { return }
        guard byte == 0x0A else { throw text.error(.syntax, "expected the end of the line, found \(text.currentDescription)") }
    }

    // MARK: Keys

    /// A dotted key: its parts, and where each part starts.
    mutating func readKey() throws(DocumentError) -> [(String, SourcePosition)] {
        var parts: [(String, SourcePosition)] = []
        while true {
            skipSpaces()
            let position = text.position()
            switch text.current {
            case UInt8(ascii: "\""):
                if text.peek() == UInt8(ascii: "\""), text.peek(2) == UInt8(ascii: "\"") {
                    throw text.error(.syntax, "a key cannot be a multi-line string")
                }
                parts.append((try readBasicString(), position))
            case UInt8(ascii: "'"):
                if text.peek() == UInt8(ascii: "'"), text.peek(2) == UInt8(ascii: "'") {
                    throw text.error(.syntax, "a key cannot be a multi-line string")
                }
                parts.append((try readLiteralString(), position))
            case let byte? where Self.isBareKey(byte):
                let start = text.offset
                while let next = text.current, Self.isBareKey(next) { text.offset += 1 }
                parts.append((String(decoding: text.bytes[start..<text.offset], as: UTF8.self), position))
            default:
                throw text.error(.syntax, "expected a key, found \(text.currentDescription)")
            }
            guard parts.count <= maxDepth else { throw text.error(.tooDeep, "a key with more than \(maxDepth) parts") }
            skipSpaces()
            guard text.current == UInt8(ascii: ".") else { return parts }
            text.offset += 1
        }
    }

    static func isBareKey(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    static func child(_ table: TOMLTable, _ key: String) -> String {
        let needsEscape = key.utf8.contains { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }
        return table.pointer + "/" + (needsEscape ? JSONPointer.escape(key) : key)
    }

    // MARK: Headers

    private mutating func readHeader() throws(DocumentError) {
        let start = text.position()
        let isArray = text.peek() == UInt8(ascii: "[")
        text.offset += isArray ? 2 : 1
        let parts = try readKey()
        skipSpaces()
        guard text.current == UInt8(ascii: "]"), !isArray || text.peek() == UInt8(ascii: "]") else {
            throw text.error(.syntax, "expected '\(isArray ? "]]" : "]")' to close the table header, found \(text.currentDescription)")
        }
        text.offset += isArray ? 2 : 1
        section += 1
        var table = root
        for (key, position) in parts.dropLast() {
            switch table[key] {
            case nil:
                let made = try makeTable(origin: .implicit, pointer: Self.child(table, key), level: table.level + 1, at: position)
                table[key] = .table(made)
                recorder.value(at: start, pointer: made.pointer)
                recorder.key(at: position, pointer: made.pointer)
                table = made
            case .table(let existing):
                table = existing
            case .tables(let list):
                table = list[list.count - 1]
            case .value:
                throw DocumentError(kind: .duplicateKey, message: "\"\(key)\" is already defined as a value", position: position)
            }
        }
        let (key, position) = parts[parts.count - 1]
        if isArray {
            switch table[key] {
            case nil:
                let made = try makeTable(origin: .header, pointer: Self.child(table, key) + "/0", level: table.level + 2, at: position)
                table[key] = .tables([made])
                recorder.value(at: start, pointer: Self.child(table, key))
                recorder.key(at: position, pointer: Self.child(table, key))
                recorder.value(at: start, pointer: made.pointer)
                current = made
            case .tables(let list):
                let made = try makeTable(
                    origin: .header, pointer: Self.child(table, key) + "/\(list.count)", level: table.level + 2, at: position)
                table[key] = .tables(list + [made])
                recorder.value(at: start, pointer: made.pointer)
                current = made
            default:
                throw DocumentError(
                    kind: .duplicateKey, message: "\"\(key)\" is already defined, not as an array of tables", position: position)
            }
            return
        }
        switch table[key] {
        case nil:
            let made = try makeTable(origin: .header, pointer: Self.child(table, key), level: table.level + 1, at: position)
            table[key] = .table(made)
            recorder.value(at: start, pointer: made.pointer)
            recorder.key(at: position, pointer: made.pointer)
            current = made
        case .table(let existing):
            guard case .implicit = existing.origin else {
                throw DocumentError(kind: .duplicateKey, message: "table [\(parts.map(\.0).joined(separator: "."))] is defined twice", position: start)
            }
            existing.origin = .header
            current = existing
        default:
            throw DocumentError(kind: .duplicateKey, message: "\"\(key)\" is already defined, not as a table", position: position)
        }
    }

    // MARK: Key/value pairs

    /// Reads `key = value` into `table`.
    mutating func readKeyValue(into table: TOMLTable, section: Int) throws(DocumentError) {
        let parts = try readKey()
        skipSpaces()
        guard text.current == UInt8(ascii: "=") else { throw text.error(.syntax, "expected '=' after a key, found \(text.currentDescription)") }
        text.offset += 1
        skipSpaces()
        var target = table
        for (key, position) in parts.dropLast() {
            switch target[key] {
            case nil:
                let made = try makeTable(origin: .dotted(section: section), pointer: Self.child(target, key), level: target.level + 1, at: position)
                target[key] = .table(made)
                recorder.value(at: position, pointer: made.pointer)
                recorder.key(at: position, pointer: made.pointer)
                target = made
            case .table(let existing):
                guard case .dotted(let made) = existing.origin, made == section else {
                    throw DocumentError(kind: .duplicateKey, message: "table \"\(key)\" cannot be extended here", position: position)
                }
                target = existing
            default:
                throw DocumentError(kind: .duplicateKey, message: "\"\(key)\" is already defined as a value", position: position)
            }
        }
        let (key, position) = parts[parts.count - 1]
        guard target[key] == nil else {
            throw DocumentError(kind: .duplicateKey, message: "duplicate key \"\(key)\"", position: position)
        }
        let pointer = Self.child(target, key)
        recorder.key(at: position, pointer: pointer)
        recorder.push(absolute: pointer)
        // The value nests inside its table, however deep headers and dotted keys put it.
        let outer = depth
        depth = target.level
        let value = try readValue()
        depth = outer
        recorder.pop()
        target[key] = .value(value)
    }

    /// A new table `level` deep, or a ``DocumentError`` at `position` past `maxDepth` (long
    /// headers and dotted keys nest as deeply as brackets do).
    private func makeTable(origin: TOMLTable.Origin, pointer: String, level: Int, at position: SourcePosition) throws(DocumentError) -> TOMLTable {
        guard level <= maxDepth else {
            throw DocumentError(kind: .tooDeep, message: "nesting deeper than \(maxDepth) levels", position: position)
        }
        return TOMLTable(origin: origin, pointer: pointer, level: level)
    }
}
