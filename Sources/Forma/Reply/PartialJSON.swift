package import FormaJSON

/// Reads a JSON document while it is still arriving: after each appended piece,
/// ``snapshot()`` gives the value so far, with open strings, arrays and objects closed and
/// an unfinished trailing member left out.
///
/// The parser is incremental: every byte is read once, and each value is built once, when
/// it completes (a string or number token is parsed on its own; a closed array or object is
/// kept as a finished ``JSONValue``). A snapshot only assembles the open containers on the
/// path to the innermost one: an open array lends its storage to the snapshot (the partial
/// last element is appended in place and taken off again before the next byte), so when the
/// caller lets go of a snapshot before appending more, the next one costs the depth of the
/// document, not its length. Keeping a snapshot alive costs one copy of the open arrays.
///
/// ```swift
/// var partial = PartialJSON()
/// partial.append(#"{"title": "Stand-up", "attendees": ["Ada", "Gr"#)
/// partial.snapshot()  // {"title": "Stand-up", "attendees": ["Ada", "Gr"]}
/// ```
///
/// Text that is not JSON stops the parser: later snapshots are the last good one.
package struct PartialJSON: Sendable {
    /// An open container and what completed in it.
    private enum Frame: Sendable {
        case array([JSONValue])
        /// Members so far; `key` is the complete key waiting for its value.
        case object(JSONObject, key: String?)
    }

    /// What the byte being read belongs to.
    private enum Token: Sendable {
        case none
        /// A string: its raw bytes from the opening quote, whether it is a key, and whether
        /// the previous byte was an unescaped backslash.
        case string(raw: [UInt8], isKey: Bool, escaped: Bool)
        /// A number or literal, as far as it has arrived.
        case scalar([UInt8])
    }

    private var frames: [Frame] = []
    private var token = Token.none
    /// The finished top-level value.
    private var root: JSONValue?
    /// Whether the next string in the innermost object is a key.
    private var expectKey = false
    /// Set when the text stopped being JSON.
    private var failed = false
    /// Bytes read.
    private(set) var byteCount = 0
    /// The array frames that hold a snapshot's partial last element, outermost first.
    private var lent: [Int] = []

    /// An empty document.
    package init() {}

    /// Adds the next piece of the document.
    package mutating func append(_ piece: String) {
        guard !failed else { return }
        for byte in piece.utf8 {
            consume(byte)
            if failed { return }
        }
    }

    private mutating func consume(_ byte: UInt8) {
        if !lent.isEmpty { takeBack() }
        byteCount += 1
        switch token {
        case .string(var raw, let isKey, let escaped):
            token = .none  // release the payload so appending does not copy it
            raw.append(byte)
            if escaped {
                token = .string(raw: raw, isKey: isKey, escaped: false)
            } else if byte == UInt8(ascii: "\\") {
                token = .string(raw: raw, isKey: isKey, escaped: true)
            } else if byte == UInt8(ascii: "\"") {
                guard case .string(let text)? = try? JSONParser.parse(raw) else { return fail() }
                if isKey { setKey(text) } else { add(.string(text)) }
            } else {
                token = .string(raw: raw, isKey: isKey, escaped: false)
            }
            return
        case .scalar(var raw):
            token = .none
            if Self.isScalarByte(byte) {
                raw.append(byte)
                token = .scalar(raw)
                return
            }
            guard let value = try? JSONParser.parse(raw) else { return fail() }
            add(value)
        case .none:
            break
        }
        structural(byte)
    }

    /// A byte outside strings and scalars.
    private mutating func structural(_ byte: UInt8) {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D:
            return
        case UInt8(ascii: "\""):
            token = .string(raw: [byte], isKey: expectKey, escaped: false)
        case UInt8(ascii: "{"):
            guard frames.count < JSONParser.Options().maxDepth else { return fail() }
            frames.append(.object(JSONObject(), key: nil))
            expectKey = true
        case UInt8(ascii: "["):
            guard frames.count < JSONParser.Options().maxDepth else { return fail() }
            frames.append(.array([]))
            expectKey = false
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            switch (frames.last, byte) {
            case (.array?, UInt8(ascii: "]")), (.object(_, nil)?, UInt8(ascii: "}")): break
            default: return fail()
            }
            switch frames.removeLast() {
            case .array(let items): add(.array(items))
            case .object(let members, _): add(.object(members))
            }
        case UInt8(ascii: ","):
            if case .object? = frames.last { expectKey = true }
        case UInt8(ascii: ":"):
            expectKey = false
        default:
            guard Self.isScalarByte(byte) else { return fail() }
            token = .scalar([byte])
        }
    }

    /// Adds a finished value to the innermost container (or makes it the document).
    private mutating func add(_ value: JSONValue) {
        expectKey = false
        guard let last = frames.indices.last else {
            if root != nil { return fail() }
            root = value
            return
        }
        switch frames[last] {
        case .array(var items):
            frames[last] = .array([])  // keep the storage uniquely referenced while appending
            items.append(value)
            frames[last] = .array(items)
        case .object(var members, let key?):
            frames[last] = .object(JSONObject(), key: nil)
            members[key] = value
            frames[last] = .object(members, key: nil)
        case .object:
            fail()
        }
    }

    private mutating func setKey(_ key: String) {
        guard let last = frames.indices.last, case .object(let members, nil) = frames[last] else { return fail() }
        frames[last] = .object(JSONObject(), key: nil)  // drop the frame's reference first, so `members` stays uniquely referenced
        frames[last] = .object(members, key: key)
        expectKey = false
    }

    private mutating func fail() {
        failed = true
    }

    private static func isScalarByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return false
        }
    }

    /// The value so far, or `nil` before anything parseable arrived.
    package mutating func snapshot() -> JSONValue? {
        if !lent.isEmpty { takeBack() }
        if frames.isEmpty {
            if let root { return root }
            if case .scalar(let raw) = token { return try? JSONParser.parse(raw) }
            return nil
        }
        // The innermost open value: a string shown as far as it has arrived, or a number
        // or literal once what arrived is one (`12` of a coming `123`, not `tr`).
        var value: JSONValue?
        switch token {
        case .string(let raw, false, let escaped): value = Self.openString(raw, escaped: escaped)
        case .scalar(let raw): value = try? JSONParser.parse(raw)
        default: value = nil
        }
        for index in frames.indices.reversed() {
            switch frames[index] {
            case .array(var items):
                guard let child = value else {
                    value = .array(items)
                    continue
                }
                // Appended in place (the frame keeps the storage, the snapshot shares it).
                frames[index] = .array([])
                items.append(child)
                frames[index] = .array(items)
                lent.append(index)
                value = .array(items)
            case .object(var members, let key):
                if let key, let value { members[key] = value }
                value = .object(members)
            }
        }
        lent.reverse()
        return value
    }

    /// Takes the partial last elements lent to the last snapshot out of the open arrays,
    /// outermost first (so each inner array is referenced by its frame alone again).
    private mutating func takeBack() {
        for index in lent {
            guard case .array(var items) = frames[index] else { continue }
            frames[index] = .array([])
            items.removeLast()
            frames[index] = .array(items)
        }
        lent.removeAll(keepingCapacity: true)
    }

    /// The value of an open string: its raw bytes closed, without a trailing partial escape.
    private static func openString(_ raw: [UInt8], escaped: Bool) -> JSONValue? {
        var text = raw
        if escaped { text.removeLast() }
        // `\u12` at the very end: drop the partial escape.
        if let slash = text.lastIndex(of: UInt8(ascii: "\\")), text.count - slash <= 5,
            slash + 1 < text.count, text[slash + 1] == UInt8(ascii: "u")
        {
            text.removeSubrange(slash...)
        }
        text.append(UInt8(ascii: "\""))
        if let value = try? JSONParser.parse(text) { return value }
        // A high surrogate waiting for its pair: show the string without it.
        if text.count >= 8, text[text.count - 7] == UInt8(ascii: "\\") {
            text.removeSubrange((text.count - 7)..<(text.count - 1))
            return try? JSONParser.parse(text)
        }
        return nil
    }

    /// Whether the document is complete: every bracket closed, no string open.
    package var isComplete: Bool {
        guard frames.isEmpty, !failed else { return false }
        switch token {
        case .none: return root != nil
        case .scalar(let raw): return (try? JSONParser.parse(raw)) != nil
        case .string: return false
        }
    }
}
