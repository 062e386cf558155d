import FormaDocuments
import FormaJSON

/// Builds the one SARIF 2.1.0 log `forma validate --output sarif` writes.
///
/// Reporters write one `result` object per line while files are checked (so the JSON Lines
/// path stays parallel); ``log(results:)`` gathers them into a run whose tool driver has a
/// rule per keyword, with `columnKind: unicodeCodePoints`, as the readers count columns.
enum SARIFLog {
    /// One result: an error at `position` of `file`, under rule `rule`.
    static func result(rule: String, file: String, position: SourcePosition, message: String, properties: JSONObject) -> JSONValue {
        var result: JSONObject = [
            "ruleId": .string(rule),
            "level": "error",
            "message": ["text": .string(message)],
            "locations": [
                [
                    "physicalLocation": [
                        "artifactLocation": ["uri": .string(uri(file))],
                        "region": [
                            "startLine": .number(JSONNumber(position.line)),
                            "startColumn": .number(JSONNumber(position.column)),
                        ],
                    ]
                ]
            ],
        ]
        if !properties.isEmpty { result.appendUnchecked(key: "properties", value: .object(properties)) }
        return .object(result)
    }

    /// The log around `results` (the reporters' lines, each a result object).
    static func log(results lines: [UInt8]) -> JSONValue {
        var results: [JSONValue] = []
        var rules: [String] = []
        var ruleIndex: [String: Int] = [:]
        for line in lines.split(separator: 0x0A) {
            guard case .object(var result)? = try? JSONParser.parse(Array(line)), let rule = result["ruleId"]?.string else { continue }
            let index: Int
            if let known = ruleIndex[rule] {
                index = known
            } else {
                index = rules.count
                ruleIndex[rule] = index
                rules.append(rule)
            }
            var reordered = JSONObject()
            for member in result where member.key == "ruleId" {
                reordered.appendUnchecked(key: member.key, value: member.value)
                reordered.appendUnchecked(key: "ruleIndex", value: .number(JSONNumber(index)))
            }
            for member in result where member.key != "ruleId" { reordered.appendUnchecked(key: member.key, value: member.value) }
            result = reordered
            results.append(.object(result))
        }
        let ruleObjects: [JSONValue] = rules.map { rule in
            [
                "id": .string(rule),
                "name": .string(rule),
                "shortDescription": .object(["text": .string(description(of: rule))]),
            ]
        }
        return [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                [
                    "tool": ["driver": ["name": "forma", "rules": .array(ruleObjects)]],
                    "columnKind": "unicodeCodePoints",
                    "results": .array(results),
                ]
            ],
        ]
    }

    private static func description(of rule: String) -> String {
        switch rule {
        case "syntax": return "The file cannot be read in its format."
        case "size": return "The instance is larger than the size limit."
        case "schema": return "The instance does not match the schema."
        default: return "The instance fails the JSON Schema keyword \"\(rule)\"."
        }
    }

    /// A relative URI reference for a path: unreserved characters and `/` kept, the rest
    /// percent-encoded.
    static func uri(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
