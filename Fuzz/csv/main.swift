// libFuzzer target: the CSV reader of `forma extract` (scripts/fuzz csv).
//
// The first byte of the input seeds the chunk sizes (1…64 bytes); the rest is the CSV file.
// Properties checked on every input:
// - reading never crashes;
// - any chunking gives the records of reading the bytes whole (as CSVParser documents);
// - record lines start at 1, never decrease and never pass the input's line count;
// - the records written back per RFC 4180 (every field quoted, `"` doubled, CRLF line
//   ends) read back as the same fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    var seed = UInt64(data[0]) &* 0x9E37_79B9_7F4A_7C15 | 1
    let input = UnsafeRawBufferPointer(start: data + 1, count: count - 1)

    let records = read(input)

    var chunked = CSVParser()
    var pieces: [CSVParser.Record] = []
    var start = 0
    while start < input.count {
        seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
        let end = min(input.count, start + Int(seed % 64) + 1)
        chunked.feed(UnsafeRawBufferPointer(rebasing: input[start..<end])) { pieces.append($0) }
        start = end
    }
    chunked.finish { pieces.append($0) }
    if pieces != records {
        fatalError("chunked reading gave \(pieces.count) records, whole \(records.count): \(describe(input))")
    }

    let lineCount = input.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    var previous = 1
    for record in records {
        if record.line < previous || record.line > lineCount {
            fatalError("record line \(record.line) after \(previous), input has \(lineCount) lines: \(describe(input))")
        }
        previous = record.line
    }

    var written: [UInt8] = []
    for record in records {
        for (index, field) in record.fields.enumerated() {
            if index > 0 { written.append(UInt8(ascii: ",")) }
            written.append(UInt8(ascii: "\""))
            for byte in field.utf8 {
                written.append(byte)
                if byte == UInt8(ascii: "\"") { written.append(byte) }
            }
            written.append(UInt8(ascii: "\""))
        }
        written += [0x0D, 0x0A]
    }
    let again = written.withUnsafeBytes { read($0) }
    if again.map(\.fields) != records.map(\.fields) {
        fatalError("written back and read again, \(records.map(\.fields)) became \(again.map(\.fields)): \(describe(input))")
    }
    return 0
}

func read(_ bytes: UnsafeRawBufferPointer) -> [CSVParser.Record] {
    var parser = CSVParser()
    var records: [CSVParser.Record] = []
    parser.feed(bytes) { records.append($0) }
    parser.finish { records.append($0) }
    return records
}

func describe(_ bytes: UnsafeRawBufferPointer) -> String {
    String(reflecting: String(decoding: bytes.prefix(300), as: UTF8.self))
}
