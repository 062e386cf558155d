import FormaDocuments
import Testing

/// `CSVParser` on its own: any chunking of the bytes gives the records of reading them whole.
@Suite("CSV parser")
struct CSVParserTests {
    private func records(_ bytes: [UInt8], chunks: [Int]) -> [CSVParser.Record] {
        var parser = CSVParser()
        var records: [CSVParser.Record] = []
        var start = 0
        var sizes = chunks.makeIterator()
        bytes.withUnsafeBytes { buffer in
            while start < buffer.count {
                let end = min(buffer.count, start + (sizes.next() ?? buffer.count))
                parser.feed(UnsafeRawBufferPointer(rebasing: buffer[start..<end])) { records.append($0) }
                start = end
            }
        }
        parser.finish { records.append($0) }
        return records
    }

    /// Found by `scripts/fuzz csv`: a byte order mark was skipped only when its three bytes
    /// came in the first chunk.
    @Test("a byte order mark is skipped however the first bytes are split", arguments: [[1], [2], [1, 1], [3], [64]])
    func byteOrderMarkOverChunks(chunks: [Int]) {
        let text = [0xEF, 0xBB, 0xBF] + Array("name,email\nAda,ada@example.com\n".utf8)
        let expected = [
            CSVParser.Record(fields: ["name", "email"], line: 1), CSVParser.Record(fields: ["Ada", "ada@example.com"], line: 2),
        ]
        #expect(records(text, chunks: chunks) == expected)
    }

    @Test("bytes that only begin like a byte order mark are text", arguments: [[1], [2], [100]])
    func partialByteOrderMark(chunks: [Int]) {
        #expect(records([0xEF, 0xBB, 0x41, 0x2C, 0x42], chunks: chunks).map(\.fields) == [["\u{FFFD}A", "B"]])
        #expect(records([0xEF], chunks: chunks).map(\.fields) == [["\u{FFFD}"]])
        #expect(records([0xEF, 0xBB, 0xBF], chunks: chunks).isEmpty)
    }
}
