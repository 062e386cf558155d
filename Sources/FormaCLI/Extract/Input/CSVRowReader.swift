import FormaDocuments
import FormaJSON

/// CSV rows: a header row names the columns; each later record is a row (a record with the
/// wrong number of fields becomes a row with a problem). Read in 1 MiB chunks.
final class CSVRowReader: RowReader {
    private let file: InputFile
    private let names: RowFieldNames
    private var parser = CSVParser()
    private var pending: [CSVParser.Record] = []
    private var position = 0
    private var columns: [String]?
    private var finished = false
    private var chunk = [UInt8](repeating: 0, count: 1 << 20)

    /// A reader over `file`, which must have a header naming the text column.
    /// - Throws: ``CommandFailure`` when the header lacks the text column.
    init(file: InputFile, names: RowFieldNames) throws {
        self.file = file
        self.names = names
        guard let header = try nextRecord() else { return }
        if !header.fields.contains(names.text) {
            throw CommandFailure(
                "\(file.displayName): the header has no column '\(names.text)' (columns: \(header.fields.joined(separator: ", ")))")
        }
        columns = header.fields
    }

    func next() throws -> InputRow? {
        guard let columns, let record = try nextRecord() else { return nil }
        guard record.fields.count == columns.count else {
            return RowFieldNames.malformed(
                line: record.line, reason: "the row has \(record.fields.count) fields, the header \(columns.count)")
        }
        var object = JSONObject()
        for (name, value) in zip(columns, record.fields) where !object.contains(name) {
            object.appendUnchecked(key: name, value: .string(value))
        }
        var row = names.row(from: object, line: record.line)
        // CSV has only strings; an all-digit id stays a string, as it was written.
        if object[names.id] == nil { row.id = .number(JSONNumber(record.line)) }
        return row
    }

    private func nextRecord() throws -> CSVParser.Record? {
        while position == pending.count {
            pending.removeAll(keepingCapacity: true)
            position = 0
            if finished { return nil }
            let n = try chunk.withUnsafeMutableBytes { try file.read(into: $0.baseAddress!, count: $0.count) }
            if n == 0 {
                finished = true
                parser.finish { pending.append($0) }
            } else {
                chunk.withUnsafeBytes { buffer in
                    parser.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) { pending.append($0) }
                }
            }
        }
        position += 1
        return pending[position - 1]
    }
}
