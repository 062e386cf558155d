// libFuzzer target: the streaming partial JSON reader (scripts/fuzz partial).
//
// The first byte of the input seeds the chunk sizes (1…16 Unicode scalars each, since
// `PartialJSON.append` takes a `String`); the rest, decoded as UTF-8, is the document.
// Properties checked on every input:
// - a snapshot after every chunk never crashes, whatever the prefix;
// - for a document JSONParser accepts, the final snapshot is JSONParser's value and
//   `isComplete` is true, both when it is fed whole and when it is fed in chunks;
// - the chunked reader ends in the same state as the whole one (same snapshot and
//   `isComplete`);
// - every snapshot reads as a typed partial (`Invoice.partial(from:)`, the code `@Schema`
//   generates, over Forma's `PartiallyDecodable`) without crashing, and when the complete
//   document decodes as an `Invoice`, the last snapshot's partial is that invoice's.
import FormaJSON
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    var seed = UInt64(data[0]) &* 0x9E37_79B9_7F4A_7C15 | 1
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: count - 1), as: UTF8.self)
    let expected = try? JSONParser.parse(text, options: .init(maxDepth: 128))

    var whole = PartialJSON()
    whole.append(text)
    let wholeSnapshot = whole.snapshot()

    var chunked = PartialJSON()
    let scalars = Array(text.unicodeScalars)
    var start = 0
    var last: JSONValue?
    while start < scalars.count {
        // xorshift: a reproducible chunking derived from the first byte.
        seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
        let end = min(scalars.count, start + Int(seed % 16) + 1)
        var piece = String.UnicodeScalarView()
        piece.append(contentsOf: scalars[start..<end])
        chunked.append(String(piece))
        last = chunked.snapshot()
        _ = last.flatMap { Invoice.partial(from: $0) }
        start = end
    }
    if scalars.isEmpty { last = chunked.snapshot() }

    if last != wholeSnapshot {
        fatalError("chunked snapshot \(String(describing: last)) differs from whole \(String(describing: wholeSnapshot)) for \(String(reflecting: text))")
    }
    if chunked.isComplete != whole.isComplete { fatalError("isComplete differs between chunked and whole") }
    if let expected {
        if wholeSnapshot != expected {
            fatalError("snapshot \(String(describing: wholeSnapshot)) of a complete document differs from JSONParser's \(expected) for \(String(reflecting: text))")
        }
        if !whole.isComplete { fatalError("a document JSONParser accepts is not complete: \(String(reflecting: text))") }
        if let invoice = try? JSONValueDecoder().decode(Invoice.self, from: expected) {
            let partial = wholeSnapshot.flatMap { Invoice.partial(from: $0) }
            if partial != invoice.asPartial {
                fatalError("the last snapshot reads as \(String(describing: partial)), the document decodes as \(invoice.asPartial): \(String(reflecting: text))")
            }
        }
    }
    return 0
}
