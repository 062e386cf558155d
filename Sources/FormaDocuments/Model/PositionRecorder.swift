import FormaJSON

/// Records where values and keys start while a reader walks a document, keyed by the JSON
/// Pointer text of each value.
///
/// Readers push a token when they enter a member or item and pop it when they leave, so the
/// current pointer is built incrementally rather than per value.
struct PositionRecorder {
    private(set) var pointer = ""
    private var saved: [String] = []
    private(set) var values: [(String, SourcePosition)] = []
    private(set) var keys: [(String, SourcePosition)] = []

    /// The nesting depth (tokens pushed and not popped).
    var depth: Int { saved.count }

    /// Enters the member or item named `token`.
    mutating func push(_ token: String) {
        saved.append(pointer)
        pointer.append("/")
        if token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
            pointer.append(JSONPointer.escape(token))
        } else {
            pointer.append(token)
        }
    }

    /// Enters the item at `index`.
    mutating func push(index: Int) { push(String(index)) }

    /// Enters the value whose pointer text is `text` (TOML values, whose tables are
    /// reopened by headers anywhere in the file).
    mutating func push(absolute text: String) {
        saved.append(pointer)
        pointer = text
    }

    /// Leaves the innermost member or item.
    mutating func pop() {
        guard let previous = saved.popLast() else { return }
        pointer = previous
    }

    /// Records that the current value starts at `position` (for a pointer recorded twice,
    /// the first record wins).
    mutating func value(at position: SourcePosition) {
        values.append((pointer, position))
    }

    /// Records that the current member's key starts at `position`.
    mutating func key(at position: SourcePosition) {
        keys.append((pointer, position))
    }

    /// Records a value position for an explicit pointer text.
    mutating func value(at position: SourcePosition, pointer text: String) {
        values.append((text, position))
    }

    /// Records a key position for an explicit pointer text.
    mutating func key(at position: SourcePosition, pointer text: String) {
        keys.append((text, position))
    }

    /// The records as a table for ``Document``.
    var table: PositionTable { PositionTable(values: values, keys: keys) }

    /// Forgets every record (between YAML documents).
    mutating func reset() {
        pointer = ""
        saved = []
        values = []
        keys = []
    }
}
