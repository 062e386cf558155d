// libFuzzer target: FormaDocuments' YAML reader over libyaml (scripts/fuzz yaml).
//
// Properties checked on every input (Fuzz/Shared/DocumentChecks.swift):
// - reading never crashes, however deep or alias-heavy (the reader's maxDepth and
//   maxNodes limits hold), and fails only with a DocumentError;
// - every position reported (document starts, values, keys, the error) is inside the
//   input: a line that exists and a column at most one past its end (loosely bounded
//   when the text has line breaks other than `\n`, which libyaml also counts);
// - text that JSONParser accepts, read as YAML (a superset of JSON, up to YAML 1.2's
//   core schema), never fails with a crash.
import FormaDocuments

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    readAndCheckPositions(bytes, format: .yaml, looseLines: true)
    return 0
}
