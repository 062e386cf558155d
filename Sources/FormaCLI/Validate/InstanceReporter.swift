import FormaJSON
import FormaSchema

/// Writes the findings for one instance in the chosen ``ReportFormat``.
///
/// Text lines are `FILE:LINE: POINTER: message`, one per error, where the root pointer is
/// shown as `/` and an instance that is not JSON reads `FILE:LINE:COLUMN: invalid JSON: …`.
/// Valid instances print nothing in text. JSON records are
/// `{"file":…,"line":…,"valid":…,"errors":[{"instanceLocation":…,"keywordLocation":…,"keyword":…,"message":…}]}`.
struct InstanceReporter: Sendable {
    /// The format written.
    let format: ReportFormat
    /// How the file is named in the output.
    let fileName: String
    private let textPrefix: String

    /// A reporter for instances of the file named `fileName`.
    init(format: ReportFormat, fileName: String) {
        self.format = format
        self.fileName = fileName
        self.textPrefix = fileName + ":"
    }

    /// Whether valid instances produce output (only JSON records do).
    var reportsValidInstances: Bool { format == .json }

    /// Reports a valid instance starting on `line`.
    func valid(line: Int, into output: inout [UInt8]) {
        guard format == .json else { return }
        appendRecord(line: line, valid: true, errors: [], into: &output)
    }

    /// Reports the schema errors of the instance starting on `line`.
    func invalid(line: Int, errors: [SchemaViolation], into output: inout [UInt8]) {
        switch format {
        case .text:
            for error in errors {
                appendText("\(textPrefix)\(line): \(Self.display(error.instanceLocation)): \(error.message)\n", to: &output)
            }
        case .json:
            let entries: [JSONValue] = errors.map { error in
                var entry: JSONObject = [
                    "instanceLocation": .string(error.instanceLocation.description),
                    "keywordLocation": .string(error.keywordLocation.description),
                ]
                if let absolute = error.absoluteKeywordLocation {
                    entry.appendUnchecked(key: "absoluteKeywordLocation", value: .string(absolute))
                }
                entry.appendUnchecked(key: "keyword", value: .string(error.keyword))
                entry.appendUnchecked(key: "message", value: .string(error.message))
                return .object(entry)
            }
            appendRecord(line: line, valid: false, errors: entries, into: &output)
        }
    }

    /// Reports an instance starting on `line` that is not well-formed JSON; the error's own
    /// line and column are relative to the instance's first line.
    func malformed(line: Int, error: JSONParseError, into output: inout [UInt8]) {
        let fileLine = line + error.line - 1
        switch format {
        case .text:
            appendText("\(textPrefix)\(fileLine):\(error.column): invalid JSON: \(error.message)\n", to: &output)
        case .json:
            let entry: JSONValue = [
                "instanceLocation": "",
                "keywordLocation": "",
                "keyword": "",
                "message": .string("invalid JSON at line \(fileLine), column \(error.column): \(error.message)"),
                "line": .number(JSONNumber(fileLine)),
                "column": .number(JSONNumber(error.column)),
            ]
            appendRecord(line: line, valid: false, errors: [entry], into: &output)
        }
    }

    /// Reports an instance on `line` that was skipped because it is longer than `limit` bytes.
    func oversized(line: Int, limit: Int, into output: inout [UInt8]) {
        let message = "instance is longer than the limit of \(limit) bytes; skipped"
        switch format {
        case .text:
            appendText("\(textPrefix)\(line): \(message)\n", to: &output)
        case .json:
            let entry: JSONValue = ["instanceLocation": "", "keywordLocation": "", "keyword": "", "message": .string(message)]
            appendRecord(line: line, valid: false, errors: [entry], into: &output)
        }
    }

    /// How a pointer reads in text output: `/` for the root, the pointer itself otherwise.
    static func display(_ pointer: JSONPointer) -> String {
        pointer.isRoot ? "/" : pointer.description
    }

    private func appendRecord(line: Int, valid: Bool, errors: [JSONValue], into output: inout [UInt8]) {
        let record: JSONValue = [
            "file": .string(fileName),
            "line": .number(JSONNumber(line)),
            "valid": .bool(valid),
            "errors": .array(errors),
        ]
        output.append(contentsOf: record.serializedBytes())
        output.append(0x0A)
    }

    private func appendText(_ text: String, to output: inout [UInt8]) {
        output.append(contentsOf: text.utf8)
    }
}
