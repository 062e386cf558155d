import FormaJSON
import Foundation

/// Reads every input row of `forma extract` before any request is sent, so duplicate ids
/// are found up front and progress knows the total.
///
/// The format follows the input: a directory is a set of text files (id = relative path),
/// a `.csv` file is CSV with a header row, anything else (standard input included) is JSONL.
struct InputLoader {
    /// `--input`: a file, a directory, or `-` for standard input.
    var path: String
    /// The text and id field names.
    var names: RowFieldNames
    /// The largest input accepted.
    var maxBytes = 1 << 32
    /// The longest JSONL line accepted.
    var maxLineBytes = 64 << 20

    /// Loads the rows.
    /// - Returns: The rows in input order.
    /// - Throws: ``CommandFailure`` when the input cannot be read or has duplicate ids.
    func load() throws -> [InputRow] {
        let rows: [InputRow]
        if path != "-" && POSIX.isDirectory(path) {
            rows = try DirectoryInput(root: path).rows()
        } else if path.lowercased().hasSuffix(".csv") {
            rows = try csvRows()
        } else {
            rows = try jsonlRows()
        }
        try Self.checkUniqueIDs(rows, source: path == "-" ? "<stdin>" : path)
        return rows
    }

    /// Fails on the first id that appears twice, naming both places.
    static func checkUniqueIDs(_ rows: [InputRow], source: String) throws {
        var seen: [String: String] = [:]
        seen.reserveCapacity(rows.count)
        var duplicates: [String] = []
        for row in rows {
            if let first = seen[row.key] {
                duplicates.append("id \(row.key) at \(row.location) repeats \(first)")
                if duplicates.count == 5 { break }
            } else {
                seen[row.key] = row.location
            }
        }
        guard duplicates.isEmpty else {
            throw CommandFailure("\(source): duplicate ids (each input needs its own): " + duplicates.joined(separator: "; "))
        }
    }

    private func jsonlRows() throws -> [InputRow] {
        let file = try InputFile(path: path)
        let reader = JSONLReader(file: file, maxLineBytes: maxLineBytes)
        let options = JSONParser.Options(maxDepth: 512, maxBytes: maxLineBytes)
        var rows: [InputRow] = []
        var batch: [LineSpan] = []
        while try reader.next(&batch) {
            for span in batch {
                if span.isOversized {
                    rows.append(RowFieldNames.malformed(line: span.number, reason: "the line is longer than \(maxLineBytes) bytes"))
                    continue
                }
                let bytes = UnsafeRawBufferPointer(rebasing: reader.bytes[span.start..<span.start + span.count])
                do {
                    let value = try JSONParser.parse(bytes, options: options)
                    if let object = value.object {
                        rows.append(names.row(from: object, line: span.number))
                    } else {
                        rows.append(RowFieldNames.malformed(line: span.number, reason: "the line is a JSON \(value.typeName), not an object"))
                    }
                } catch let error as JSONParseError {
                    rows.append(RowFieldNames.malformed(line: span.number, reason: "invalid JSON at column \(error.column): \(error.message)"))
                } catch {
                    rows.append(RowFieldNames.malformed(line: span.number, reason: "invalid JSON: \(error)"))
                }
            }
        }
        return rows
    }

    private func csvRows() throws -> [InputRow] {
        let file = try InputFile(path: path)
        guard let bytes = try file.readAll(limit: maxBytes) else {
            throw CommandFailure("\(path): larger than the limit of \(maxBytes) bytes")
        }
        let table = CSVTable(bytes: bytes)
        guard let header = table.records.first else { return [] }
        let columns = header.fields
        if let missing = [names.text].first(where: { !columns.contains($0) }) {
            throw CommandFailure("\(path): the header has no column '\(missing)' (columns: \(columns.joined(separator: ", ")))")
        }
        var rows: [InputRow] = []
        rows.reserveCapacity(table.records.count - 1)
        for record in table.records.dropFirst() {
            guard record.fields.count == columns.count else {
                rows.append(RowFieldNames.malformed(
                    line: record.line, reason: "the row has \(record.fields.count) fields, the header \(columns.count)"))
                continue
            }
            var object = JSONObject()
            for (name, value) in zip(columns, record.fields) where !object.contains(name) {
                object.appendUnchecked(key: name, value: .string(value))
            }
            var row = names.row(from: object, line: record.line)
            // CSV has only strings; an all-digit id stays a string, as it was written.
            if object[names.id] == nil { row.id = .number(JSONNumber(record.line)) }
            rows.append(row)
        }
        return rows
    }
}
