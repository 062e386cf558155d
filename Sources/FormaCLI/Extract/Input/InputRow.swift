import FormaJSON

/// One input document of `forma extract`: its id, its fields and the text to extract from.
///
/// A row that could not be read (a malformed JSONL line, a CSV row with the wrong number of
/// fields) still becomes a row, with ``problem`` set: it yields an error record, never a crash.
struct InputRow: Sendable {
    /// The id written to the output record: the input's id field (string or integer), the
    /// relative path for directory inputs, else the line number.
    var id: JSONValue
    /// Where the row starts in its input, for messages (`line 12`, `notes/a.txt`).
    var location: String
    /// Every field of the row (for `{{field}}` in the prompt template).
    var fields: JSONObject
    /// The document (`--text-field`, or a file's contents).
    var text: String
    /// Why the row cannot be extracted from, when it cannot.
    var problem: String?

    /// The id as a key for duplicate detection and resume: its compact JSON form, so the
    /// string `"7"` and the integer `7` stay distinct.
    var key: String { id.serialized() }

    /// The key of a record id read back from an output file.
    static func key(of id: JSONValue) -> String { id.serialized() }
}

/// How rows are taken from a JSON object (JSONL lines, CSV rows).
struct RowFieldNames: Sendable {
    /// The field holding the document.
    var text: String
    /// The field holding the id.
    var id: String
    /// Whether rows keep all their fields (a prompt template may use any); without a
    /// template only the id and text are kept, which matters for memory on large inputs.
    var keepsFields = true

    /// A row from `object`, read at 1-based `line`.
    func row(from object: JSONObject, line: Int) -> InputRow {
        var id: JSONValue = .number(JSONNumber(line))
        var problem: String?
        switch object[self.id] {
        case nil, .null?: break
        case .string(let value)?: id = .string(value)
        case .number(let number)? where number.isInteger: id = .number(number)
        case let other?: problem = "the id field '\(self.id)' is \(other.typeName), not a string or an integer"
        }
        var text = ""
        switch object[self.text] {
        case .string(let value)?: text = value
        case nil, .null?:
            if problem == nil { problem = "no text field '\(self.text)'" }
        case let other?: text = other.serialized()
        }
        return InputRow(id: id, location: "line \(line)", fields: keepsFields ? object : JSONObject(), text: text, problem: problem)
    }

    /// A row for an input line that is not a JSON object.
    static func malformed(line: Int, reason: String) -> InputRow {
        InputRow(id: .number(JSONNumber(line)), location: "line \(line)", fields: JSONObject(), text: "", problem: reason)
    }
}
