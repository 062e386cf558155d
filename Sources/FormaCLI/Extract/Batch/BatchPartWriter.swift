#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FormaJSON

/// Writes a round's batch input files, one request line per row, starting a new part at
/// the provider's limits (requests and bytes per file), and beside each a row index
/// (`custom_id` → row id, where its request line starts, and what earlier rounds spent).
/// Lines go straight to disk: memory does not grow with the number of rows.
final class BatchPartWriter {
    /// What a row carries from earlier rounds into its record.
    struct History: Sendable {
        var attempts = 0
        var promptTokens = 0
        var completionTokens = 0
    }

    private let workspace: BatchWorkspace
    private let round: Int
    private let maxRequests: Int
    private let maxBytes: Int
    private var parts: [BatchState.Part] = []
    private var requests: Int32 = -1
    private var index: Int32 = -1
    private var rows = 0
    private var bytes = 0

    init(workspace: BatchWorkspace, round: Int, maxRequests: Int, maxBytes: Int) throws {
        self.workspace = workspace
        self.round = round
        self.maxRequests = max(1, maxRequests)
        self.maxBytes = max(1, maxBytes)
        try workspace.prepare(round: round)
    }

    deinit {
        if requests >= 0 { POSIX.close(requests) }
        if index >= 0 { POSIX.close(index) }
    }

    /// Adds one request line (without its line feed).
    func add(customID: String, id: JSONValue, line: [UInt8], history: History) throws {
        if requests < 0 || rows >= maxRequests || (rows > 0 && bytes + line.count + 1 > maxBytes) { try startPart() }
        var entry = JSONObject()
        entry.appendUnchecked(key: "c", value: .string(customID))
        entry.appendUnchecked(key: "id", value: id)
        entry.appendUnchecked(key: "o", value: .number(JSONNumber(bytes)))
        entry.appendUnchecked(key: "n", value: .number(JSONNumber(line.count)))
        if history.attempts > 0 {
            entry.appendUnchecked(key: "a", value: .number(JSONNumber(history.attempts)))
            entry.appendUnchecked(key: "p", value: .number(JSONNumber(history.promptTokens)))
            entry.appendUnchecked(key: "t", value: .number(JSONNumber(history.completionTokens)))
        }
        try write(line + [0x0A], to: requests)
        try write(JSONValue.object(entry).serializedBytes() + [0x0A], to: index)
        rows += 1
        bytes += line.count + 1
    }

    /// Closes the last part and returns every part written.
    func finish() throws -> [BatchState.Part] {
        try closePart()
        return parts
    }

    private func startPart() throws {
        try closePart()
        let number = parts.count + 1
        let requestsName = "round-\(round)/part-\(number).requests.jsonl"
        let indexName = "round-\(round)/part-\(number).index.jsonl"
        requests = try create(workspace.path(requestsName))
        index = try create(workspace.path(indexName))
        parts.append(BatchState.Part(number: number, requests: requestsName, index: indexName, rows: 0, bytes: 0))
        rows = 0
        bytes = 0
    }

    private func closePart() throws {
        guard requests >= 0 else { return }
        let synced = fsync(requests) == 0 && fsync(index) == 0
        POSIX.close(requests)
        POSIX.close(index)
        requests = -1
        index = -1
        parts[parts.count - 1].rows = rows
        parts[parts.count - 1].bytes = bytes
        guard synced else { throw CommandFailure("cannot sync the batch request files: \(POSIX.lastErrorMessage())") }
    }

    private func create(_ path: String) throws -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CommandFailure("\(path): cannot create: \(POSIX.lastErrorMessage())") }
        return descriptor
    }

    private func write(_ bytes: [UInt8], to descriptor: Int32) throws {
        guard bytes.withUnsafeBufferPointer({ OutputSink.writeAll($0, to: descriptor) }) else {
            throw CommandFailure("cannot write the batch request files: \(POSIX.lastErrorMessage())")
        }
    }

    /// The `custom_id` of a row: its id when that is a string of 1…`limit` characters not
    /// starting with `~`, else `~` and the id's digest (mapped back through the index).
    static func customID(for row: InputRow, limit: Int?) -> String {
        if case .string(let text) = row.id, !text.isEmpty, !text.hasPrefix("~"), text.count <= (limit ?? 256) {
            return text
        }
        return "~" + RowDigest(key: row.key).description
    }
}
