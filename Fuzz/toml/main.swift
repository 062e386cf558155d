// libFuzzer target: FormaDocuments' TOML reader (scripts/fuzz toml).
//
// Properties checked on every input (Fuzz/Shared/DocumentChecks.swift):
// - reading never crashes, however deep (the reader's maxDepth limit holds), and fails
//   only with a DocumentError;
// - every position reported (the document, its values and keys, the error) is inside the
//   input: a line that exists and a column at most one past its end;
// - an accepted document is a JSON object (TOML's root is a table) and serializes to
//   JSON that JSONParser reads back as the same value.
import FormaDocuments
import FormaJSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    guard let documents = readAndCheckPositions(bytes, format: .toml) else { return 0 }
    guard documents.count == 1, case .object = documents[0].value else {
        fatalError("TOML gave \(documents.count) documents or a non-table root")
    }
    let text = documents[0].value.serializedBytes()
    guard let again = try? text.withUnsafeBytes({ try JSONParser.parse($0) }), again == documents[0].value else {
        fatalError("TOML value does not round-trip through JSON: \(String(decoding: text, as: UTF8.self))")
    }
    return 0
}
