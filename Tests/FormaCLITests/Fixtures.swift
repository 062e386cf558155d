/// Schemas and instances shared by the CLI tests.
enum Fixtures {
    /// A person: `name` (non-empty string) and `age` (integer ≥ 0) required, optional `email`.
    static let personSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["name", "age"],
          "additionalProperties": false,
          "properties": {
            "name": {"type": "string", "minLength": 1},
            "age": {"type": "integer", "minimum": 0},
            "email": {"type": "string", "format": "email"}
          }
        }
        """

    /// Three valid people, one per line.
    static let validPeople = """
        {"name": "Ada", "age": 36}
        {"name": "Grace", "age": 85, "email": "grace@example.com"}
        {"name": "Alan", "age": 41}

        """

    /// A JSON Lines instance of a person.
    static func person(_ name: String, age: Int) -> String { #"{"name": "\#(name)", "age": \#(age)}"# }
}

extension Fixtures {
    /// Whether `line` is `PREFIX` (`FILE:LINE:`), a column number, `: ` and then starts
    /// with `rest`: a text error at a given line whatever its column.
    static func located(_ line: String?, _ prefix: String, _ rest: String) -> Bool {
        guard let line, line.hasPrefix(prefix) else { return false }
        let afterPrefix = line.dropFirst(prefix.count)
        let digits = afterPrefix.prefix(while: \.isNumber)
        guard !digits.isEmpty else { return false }
        return afterPrefix.dropFirst(digits.count).hasPrefix(": " + rest)
    }
}
