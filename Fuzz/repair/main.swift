// libFuzzer target: the lenient JSON repair of almost-JSON replies (scripts/fuzz repair).
//
// The input, decoded as UTF-8, is a model reply. Properties checked on every input:
// - repair never crashes;
// - text that is already JSON keeps its value: the repaired text parses to the same value
//   and no repair is flagged (ReplyChecker only repairs text that fails to parse, but a
//   repair that changed valid JSON would also change the valid parts of almost-JSON);
// - repairing is idempotent on what parses: when the output is JSON, repairing it again
//   gives the same value.
// The output of an arbitrary input may still be invalid JSON (the API says so), so that is
// not checked.
import FormaJSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let repaired = LenientJSONRepair.repair(text[...])
    let output = try? JSONParser.parse(repaired.text, options: .init(maxDepth: 128))
    if let original = try? JSONParser.parse(text, options: .init(maxDepth: 128)) {
        guard let output else {
            fatalError("repair broke valid JSON \(String(reflecting: text)) into \(String(reflecting: repaired.text))")
        }
        if output != original {
            fatalError("repair changed the value of valid JSON \(String(reflecting: text)): \(String(reflecting: repaired.text))")
        }
        if !repaired.flags.isEmpty {
            fatalError("repair flagged \(repaired.flags) on valid JSON \(String(reflecting: text))")
        }
    }
    if let output {
        let again = LenientJSONRepair.repair(repaired.text[...])
        guard let value = try? JSONParser.parse(again.text, options: .init(maxDepth: 128)), value == output else {
            fatalError("repairing repaired JSON \(String(reflecting: repaired.text)) changed it: \(String(reflecting: again.text))")
        }
    }
    return 0
}
