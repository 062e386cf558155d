// libFuzzer target: FormaDocuments' JSON, JSONC and JSON5 readers (scripts/fuzz jsonc).
//
// The input is read as JSON, JSONC and JSON5. Properties checked on every input
// (positions in Fuzz/Shared/DocumentChecks.swift):
// - reading never crashes and fails only with a DocumentError;
// - every position reported (values, keys, the error) is inside the input;
// - the formats nest: what the JSON reader accepts, JSONC and JSON5 accept with the same
//   value, and what JSONC accepts, JSON5 accepts with the same value;
// - plain JSON (what JSONParser accepts, after a leading byte order mark the readers skip)
//   gives JSONParser's value in all three, and the JSON reader accepts nothing JSONParser
//   refuses. The one exception: duplicate keys, which JSONParser takes (the last wins, as
//   replies are read) and the document readers refuse in all three formats, at the
//   duplicate.
import FormaDocuments
import FormaJSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    let jsonResult = readCheckingPositions(bytes, format: .json)
    let jsoncResult = readCheckingPositions(bytes, format: .jsonc)
    let json5Result = readCheckingPositions(bytes, format: .json5)
    let json = try? jsonResult.get().first?.value
    let jsonc = try? jsoncResult.get().first?.value
    let json5 = try? json5Result.get().first?.value
    // The document readers skip one leading UTF-8 byte order mark (RFC 8259 §8.1 lets a
    // parser ignore it); JSONParser, which reads replies, does not.
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let parsed = try? JSONParser.parse(bytes.starts(with: bom) ? Array(bytes.dropFirst(3)) : bytes)
    func fail(_ message: String) -> Never {
        fatalError("\(message): \(String(reflecting: String(decoding: bytes.prefix(300), as: UTF8.self)))")
    }
    func isDuplicateKey(_ result: Result<[Document], DocumentError>) -> Bool {
        if case .failure(let error) = result { return error.kind == .duplicateKey }
        return false
    }
    if parsed != nil, isDuplicateKey(jsonResult) {
        if !isDuplicateKey(jsoncResult) || !isDuplicateKey(json5Result) {
            fail("JSON refuses a duplicate key, JSONC or JSON5 does not")
        }
    } else if let parsed {
        if json != parsed { fail("JSON reader gave \(String(describing: json)), JSONParser \(parsed)") }
        if jsonc != parsed { fail("JSONC reader gave \(String(describing: jsonc)), JSONParser \(parsed)") }
        if json5 != parsed { fail("JSON5 reader gave \(String(describing: json5)), JSONParser \(parsed)") }
    } else if json != nil {
        fail("JSON reader accepted what JSONParser refuses")
    }
    if let jsonc, json5 != jsonc { fail("JSON5 reader gave \(String(describing: json5)), JSONC \(jsonc)") }
    return 0
}
