import FormaJSON

/// JSONL rows: one JSON object a line (blank lines skipped; a line that is not an object
/// becomes a row with a problem, so it still gets its error record).
final class JSONLRowReader: RowReader {
    private let reader: JSONLReader
    private let names: RowFieldNames
    private let maxLineBytes: Int
    private let options: JSONParser.Options
    private var batch: [LineSpan] = []
    private var position = 0

    init(file: InputFile, names: RowFieldNames, maxLineBytes: Int) {
        reader = JSONLReader(file: file, maxLineBytes: maxLineBytes)
        self.names = names
        self.maxLineBytes = maxLineBytes
        options = JSONParser.Options(maxDepth: 512, maxBytes: maxLineBytes)
    }

    func next() throws -> InputRow? {
        if position == batch.count {
            position = 0
            guard try reader.next(&batch) else { return nil }
        }
        let span = batch[position]
        position += 1
        if span.isOversized {
            return RowFieldNames.malformed(line: span.number, reason: "the line is longer than \(maxLineBytes) bytes")
        }
        let bytes = UnsafeRawBufferPointer(rebasing: reader.bytes[span.start..<span.start + span.count])
        do {
            let value = try JSONParser.parse(bytes, options: options)
            guard let object = value.object else {
                return RowFieldNames.malformed(line: span.number, reason: "the line is a JSON \(value.typeName), not an object")
            }
            return names.row(from: object, line: span.number)
        } catch let error as JSONParseError {
            return RowFieldNames.malformed(line: span.number, reason: "invalid JSON at column \(error.column): \(error.message)")
        } catch {
            return RowFieldNames.malformed(line: span.number, reason: "invalid JSON: \(error)")
        }
    }
}
