// libFuzzer target: FormaSchema's text check against its tree check (scripts/fuzz textcheck).
//
// The first byte of the input picks a schema (the examples in Schemas/examples, read from
// the working directory, which scripts/fuzz sets to the checkout, then the hand-written
// schemas below, each also compiled with format assertion); the rest is the instance text.
// Properties checked on every input:
// - `isValid(json:)` (the text check, which checks while reading where the schema allows)
//   agrees with `isValid(_:)` on the value JSONParser parses from the same bytes;
// - text that JSONParser refuses is refused by the text check;
// - `quickCheck(json:)` never says `.valid` for text the tree refuses, nor `.invalid` for
//   text the tree accepts.
import FormaJSON
import FormaSchema
import Foundation

/// Schemas written for the fuzzer, together covering the keywords the text check reads.
let handWritten: [String] = [
    #"{"type": "integer", "minimum": -5, "maximum": 100, "multipleOf": 5}"#,
    #"{"type": ["number", "null"], "exclusiveMinimum": 0, "exclusiveMaximum": 1e3}"#,
    #"{"type": "string", "minLength": 2, "maxLength": 8, "pattern": "^[a-z]+\\d*$"}"#,
    #"{"enum": ["red", "green", 3, null, true, [1, 2], {"a": 1}]}"#,
    #"{"const": {"k": [1, "x", false]}}"#,
    #"{"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "items": {"type": "boolean"}, "minItems": 1, "maxItems": 5, "uniqueItems": true}"#,
    #"{"type": "array", "items": {"type": "number"}, "contains": {"const": 7}, "minContains": 1, "maxContains": 2}"#,
    #"{"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer", "minimum": 0}}, "required": ["a"], "additionalProperties": false}"#,
    #"{"type": "object", "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": {"type": "number"}, "minProperties": 1, "maxProperties": 3, "propertyNames": {"maxLength": 4}}"#,
    #"{"allOf": [{"type": "object"}, {"required": ["id"]}], "anyOf": [{"properties": {"id": {"type": "integer"}}}, {"properties": {"id": {"type": "string", "format": "uuid"}}}]}"#,
    #"{"oneOf": [{"type": "integer"}, {"type": "number", "minimum": 10}, {"type": "string", "maxLength": 3}], "not": {"const": 12}}"#,
    #"{"if": {"type": "object", "properties": {"kind": {"const": "a"}}, "required": ["kind"]}, "then": {"required": ["x"]}, "else": {"not": {"required": ["x"]}}}"#,
    #"{"type": "object", "properties": {"when": {"type": "string", "format": "date-time"}, "day": {"format": "date"}, "mail": {"format": "email"}, "ip": {"format": "ipv4"}, "host": {"format": "hostname"}, "uri": {"format": "uri"}}, "dependentRequired": {"mail": ["when"]}}"#,
    ##"{"$defs": {"node": {"type": "object", "properties": {"value": {"type": "integer"}, "next": {"$ref": "#/$defs/node"}}, "required": ["value"]}}, "$ref": "#/$defs/node"}"##,
    #"{"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string", "minLength": 1}, "tags": {"type": "array", "items": {"enum": ["a", "b", "c"]}, "uniqueItems": true}}, "required": ["name"], "additionalProperties": false}}"#,
    #"{"type": "object", "properties": {"s": {"type": "string", "pattern": "[\\p{L}]{2,}|^\\s*$"}, "n": {"type": "number", "multipleOf": 0.01}}, "unevaluatedProperties": false}"#,
    #"true"#,
    #"{"not": {}}"#,
]

let validators: [Validator] = {
    var texts: [String] = []
    let directory = ProcessInfo.processInfo.environment["FORMA_FUZZ_SCHEMAS"] ?? "Schemas/examples"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        .filter { $0.hasSuffix(".schema.json") }.sorted()
    if names.isEmpty { fatalError("textcheck: no schemas in \(directory) (run from the checkout, as scripts/fuzz does)") }
    for name in names {
        guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { fatalError("cannot read \(name)") }
        texts.append(String(decoding: data, as: UTF8.self))
    }
    texts += handWritten
    var result: [Validator] = []
    for text in texts {
        do {
            let schema = try JSONParser.parse(text)
            result.append(try Validator(schema: schema))
            result.append(try Validator(schema: schema, options: .init(formatAssertion: true)))
        } catch {
            fatalError("textcheck: schema does not compile: \(error)\n\(text)")
        }
    }
    return result
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let validator = validators[Int(data[0]) % validators.count]
    let text = UnsafeRawBufferPointer(start: data + 1, count: count - 1)
    let maxDepth = 64
    let textVerdict = validator.isValid(json: text, maxDepth: maxDepth)
    let quick = validator.quickCheck(json: text, maxDepth: maxDepth)
    let parsed = try? JSONParser.parse(text, options: .init(maxDepth: maxDepth))
    let treeVerdict = parsed.map { validator.isValid($0) } ?? false
    if textVerdict != treeVerdict {
        fatalError("text check says \(textVerdict), tree check \(parsed == nil ? "(does not parse)" : "\(treeVerdict)") for schema \(Int(data[0]) % validators.count): \(describe(text))")
    }
    switch quick {
    case .valid where !treeVerdict, .invalid where treeVerdict:
        fatalError("quickCheck says \(quick), tree check \(treeVerdict) for schema \(Int(data[0]) % validators.count): \(describe(text))")
    default: break
    }
    return 0
}

func describe(_ bytes: UnsafeRawBufferPointer) -> String {
    String(reflecting: String(decoding: bytes.prefix(300), as: UTF8.self))
}
