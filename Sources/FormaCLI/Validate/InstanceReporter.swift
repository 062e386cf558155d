import FormaDocuments
import FormaJSON
import FormaSchema

/// Writes the findings for one instance in the chosen ``ReportFormat``.
///
/// - text: `FILE:LINE:COLUMN: POINTER: message`, one per error, the root pointer shown as
///   `/`; an instance that cannot be read is `FILE:LINE:COLUMN: invalid JSON: …` (or YAML, …).
/// - json: `{"file":…,"line":…,["document":…,]"valid":…,"errors":[{"instanceLocation":…,
///   "keywordLocation":…,"keyword":…,"message":…,"line":…,"column":…}]}` per instance.
/// - github: `::error file=F,line=L,col=C,title=…::POINTER: message` per error.
/// - sarif: one SARIF `result` object per line, which ``SARIFLog`` wraps into a log.
/// Valid instances print nothing except in json.
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

    /// Reports a valid instance starting on `line` (the `document`-th of a YAML stream).
    func valid(line: Int, document: Int? = nil, into output: inout [UInt8]) {
        guard format == .json else { return }
        appendRecord(line: line, document: document, valid: true, errors: [], into: &output)
    }

    /// Reports the located schema errors of the instance starting on `line`.
    func invalid(line: Int, document: Int? = nil, errors: [LocatedViolation], into output: inout [UInt8]) {
        switch format {
        case .text:
            for located in errors {
                let error = located.violation
                appendText(
                    "\(textPrefix)\(located.position.line):\(located.position.column): \(Self.display(error.instanceLocation)): \(error.message)\n",
                    to: &output)
            }
        case .json:
            let entries: [JSONValue] = errors.map { located in
                let error = located.violation
                var entry: JSONObject = [
                    "instanceLocation": .string(error.instanceLocation.description),
                    "keywordLocation": .string(error.keywordLocation.description),
                ]
                if let absolute = error.absoluteKeywordLocation {
                    entry.appendUnchecked(key: "absoluteKeywordLocation", value: .string(absolute))
                }
                entry.appendUnchecked(key: "keyword", value: .string(error.keyword))
                entry.appendUnchecked(key: "message", value: .string(error.message))
                entry.appendUnchecked(key: "line", value: .number(JSONNumber(located.position.line)))
                entry.appendUnchecked(key: "column", value: .number(JSONNumber(located.position.column)))
                return .object(entry)
            }
            appendRecord(line: line, document: document, valid: false, errors: entries, into: &output)
        case .github:
            for located in errors {
                let error = located.violation
                appendGitHub(
                    at: located.position, title: "forma validate: \(error.keyword)",
                    message: "\(Self.display(error.instanceLocation)): \(error.message)", into: &output)
            }
        case .sarif:
            for located in errors {
                let error = located.violation
                appendSARIF(
                    rule: error.keyword.isEmpty ? "schema" : error.keyword, at: located.position,
                    message: "\(Self.display(error.instanceLocation)): \(error.message)",
                    properties: [
                        "instanceLocation": .string(error.instanceLocation.description),
                        "keywordLocation": .string(error.keywordLocation.description),
                    ], into: &output)
            }
        }
    }

    /// Reports an instance starting on `line` that cannot be read as `formatName` (`JSON`,
    /// `YAML`, …); `position` is the problem's place in the file.
    func malformed(
        line: Int, document: Int? = nil, position: SourcePosition, formatName: String, message: String,
        into output: inout [UInt8]
    ) {
        let text = "invalid \(formatName): \(message)"
        switch format {
        case .text:
            appendText("\(textPrefix)\(position.line):\(position.column): \(text)\n", to: &output)
        case .json:
            let entry: JSONValue = [
                "instanceLocation": "",
                "keywordLocation": "",
                "keyword": "",
                "message": .string("invalid \(formatName) at line \(position.line), column \(position.column): \(message)"),
                "line": .number(JSONNumber(position.line)),
                "column": .number(JSONNumber(position.column)),
            ]
            appendRecord(line: line, document: document, valid: false, errors: [entry], into: &output)
        case .github:
            appendGitHub(at: position, title: "forma validate: invalid \(formatName)", message: text, into: &output)
        case .sarif:
            appendSARIF(rule: "syntax", at: position, message: text, properties: [:], into: &output)
        }
    }

    /// Reports an instance starting on `line` that is not well-formed JSON; the error's own
    /// line and column are relative to the instance's first line.
    func malformed(line: Int, error: JSONParseError, into output: inout [UInt8]) {
        malformed(
            line: line, position: SourcePosition(line: line + error.line - 1, column: error.column), formatName: "JSON",
            message: error.message, into: &output)
    }

    /// Reports an instance on `line` that was skipped because it is longer than `limit` bytes.
    func oversized(line: Int, limit: Int, into output: inout [UInt8]) {
        let message = "instance is longer than the limit of \(limit) bytes; skipped"
        switch format {
        case .text:
            appendText("\(textPrefix)\(line):1: \(message)\n", to: &output)
        case .json:
            let entry: JSONValue = ["instanceLocation": "", "keywordLocation": "", "keyword": "", "message": .string(message)]
            appendRecord(line: line, document: nil, valid: false, errors: [entry], into: &output)
        case .github:
            appendGitHub(at: SourcePosition(line: line, column: 1), title: "forma validate: too long", message: message, into: &output)
        case .sarif:
            appendSARIF(rule: "size", at: SourcePosition(line: line, column: 1), message: message, properties: [:], into: &output)
        }
    }

    /// How a pointer reads in text output: `/` for the root, the pointer itself otherwise.
    static func display(_ pointer: JSONPointer) -> String {
        pointer.isRoot ? "/" : pointer.description
    }

    private func appendRecord(line: Int, document: Int?, valid: Bool, errors: [JSONValue], into output: inout [UInt8]) {
        var record: JSONObject = ["file": .string(fileName), "line": .number(JSONNumber(line))]
        if let document { record.appendUnchecked(key: "document", value: .number(JSONNumber(document))) }
        record.appendUnchecked(key: "valid", value: .bool(valid))
        record.appendUnchecked(key: "errors", value: .array(errors))
        output.append(contentsOf: JSONValue.object(record).serializedBytes())
        output.append(0x0A)
    }

    private func appendGitHub(at position: SourcePosition, title: String, message: String, into output: inout [UInt8]) {
        let file = GitHubCommand.escapeProperty(fileName)
        let line = "::error file=\(file),line=\(position.line),col=\(position.column),title=\(GitHubCommand.escapeProperty(title))::\(GitHubCommand.escapeData(message))\n"
        appendText(line, to: &output)
    }

    private func appendSARIF(
        rule: String, at position: SourcePosition, message: String, properties: JSONObject, into output: inout [UInt8]
    ) {
        output.append(contentsOf: SARIFLog.result(
            rule: rule, file: fileName, position: position, message: message, properties: properties
        ).serializedBytes())
        output.append(0x0A)
    }

    private func appendText(_ text: String, to output: inout [UInt8]) {
        output.append(contentsOf: text.utf8)
    }
}
