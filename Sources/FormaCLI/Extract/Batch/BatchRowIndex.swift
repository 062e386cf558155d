#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FormaJSON

/// A part's row index, read back: for each `custom_id`, the row id, where its request line
/// sits in the request file, and what earlier rounds spent on it.
struct BatchRowIndex {
    struct Entry {
        var customID: String
        var id: JSONValue
        var offset: Int
        var length: Int
        var history: BatchPartWriter.History
    }

    /// The entries in request order.
    private(set) var entries: [Entry] = []
    /// Position of each `custom_id` in ``entries``.
    private(set) var positions: [String: Int] = [:]

    /// Reads the index at `path`.
    /// - Throws: ``CommandFailure`` when it cannot be read or a line is damaged.
    init(path: String) throws {
        let reader = JSONLReader(file: try InputFile(path: path), maxLineBytes: 1 << 20)
        var batch: [LineSpan] = []
        while try reader.next(&batch) {
            for span in batch {
                let bytes = UnsafeRawBufferPointer(rebasing: reader.bytes[span.start..<span.start + span.count])
                guard let line = try? JSONParser.parse(bytes), let customID = line["c"]?.string, let id = line["id"],
                    let offset = line["o"]?.number?.intValue, let length = line["n"]?.number?.intValue
                else {
                    throw CommandFailure("\(path):\(span.number): the batch index is damaged; remove the batch folder to start over")
                }
                let history = BatchPartWriter.History(
                    attempts: line["a"]?.number?.intValue ?? 0, promptTokens: line["p"]?.number?.intValue ?? 0,
                    completionTokens: line["t"]?.number?.intValue ?? 0)
                positions[customID] = entries.count
                entries.append(Entry(customID: customID, id: id, offset: offset, length: length, history: history))
            }
        }
    }

    /// The request line of `entry`, read from the request file at `path`.
    static func requestLine(_ entry: Entry, in descriptor: Int32) throws -> JSONValue {
        var bytes = [UInt8](repeating: 0, count: entry.length)
        let n = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, entry.length, off_t(entry.offset)) }
        guard n == entry.length, let line = try? JSONParser.parse(bytes) else {
            throw CommandFailure("a batch request file does not match its index; remove the batch folder to start over")
        }
        return line
    }
}
