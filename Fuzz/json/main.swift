// libFuzzer target: FormaJSON's parser on arbitrary bytes (scripts/fuzz json).
//
// Properties checked on every input:
// - parsing never crashes (a malformed input is a thrown JSONParseError);
// - whatever is accepted serializes, and the serialization parses back to an equal value;
// - whatever is accepted is also accepted by Foundation's JSONSerialization (RFC 8259),
//   except for numbers outside Double's range, which Forma keeps exactly (RFC 8259 lets
//   an implementation limit range; Foundation refuses them) and nesting deeper than
//   Foundation's limit.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: count)
    guard let value = try? JSONParser.parse(bytes, options: .init(maxDepth: 256, maxBytes: 1 << 20)) else { return 0 }
    let text = value.serializedBytes()
    guard let again = try? text.withUnsafeBytes({ try JSONParser.parse($0) }) else {
        fatalError("accepted input does not re-parse after serialization: \(String(decoding: text, as: UTF8.self))")
    }
    guard again == value else {
        fatalError("round trip changed the value: \(String(decoding: text, as: UTF8.self))")
    }
    let foundation = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    if foundation == nil, !hasNumberBeyondDouble(value), depth(value) < 100 {
        fatalError("Forma accepted what JSONSerialization refuses: \(String(decoding: Array(bytes.prefix(200)), as: UTF8.self))")
    }
    return 0
}

/// Whether a number in `value` is infinite as a Double (an exponent Foundation refuses).
func hasNumberBeyondDouble(_ value: JSONValue) -> Bool {
    switch value {
    case .number(let number): return !number.doubleValue.isFinite
    case .array(let items): return items.contains(where: hasNumberBeyondDouble)
    case .object(let members): return members.contains { hasNumberBeyondDouble($0.value) }
    default: return false
    }
}

/// The nesting depth of `value`.
func depth(_ value: JSONValue) -> Int {
    switch value {
    case .array(let items): return 1 + (items.map(depth).max() ?? 0)
    case .object(let members): return 1 + (members.map { depth($0.value) }.max() ?? 0)
    default: return 0
    }
}
