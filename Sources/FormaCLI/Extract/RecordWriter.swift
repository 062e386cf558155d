#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes output records, each line with one `write(2)` as soon as it may go out.
///
/// With `ordered`, records are released in input order: a record that completes early waits
/// in a reorder buffer until every earlier row has been written (or skipped); the session
/// bounds how far ahead rows may start, which bounds the buffer. Without it, records are
/// written as they complete. Nothing is buffered in user space beyond that, so a crash
/// loses at most the lines not yet written, never half a line (a write to a regular file
/// is not split by a signal; `--resume` repairs a partial last line anyway).
final class RecordWriter {
    private let descriptor: Int32
    private let ordered: Bool
    private var waiting: [Int: [UInt8]?] = [:]
    /// The position of the next record to write in ordered mode.
    private(set) var nextPosition = 0
    /// Lines written.
    private(set) var linesWritten = 0

    /// A writer to `descriptor`.
    init(descriptor: Int32, ordered: Bool) {
        self.descriptor = descriptor
        self.ordered = ordered
    }

    /// How many completed records wait for earlier ones.
    var bufferedCount: Int { waiting.count }

    /// Hands over the record for the row at `position` (0-based among the rows run), or
    /// `nil` when the row was skipped and produces no line.
    func submit(position: Int, line: [UInt8]?) {
        guard ordered else {
            if let line { write(line) }
            return
        }
        waiting[position] = .some(line)
        while let entry = waiting.removeValue(forKey: nextPosition) {
            if let line = entry { write(line) }
            nextPosition += 1
        }
    }

    /// Writes whatever still waits, in order (after an interruption left gaps).
    func finish() {
        for position in waiting.keys.sorted() {
            if let line = waiting[position] ?? nil { write(line) }
        }
        waiting.removeAll()
    }

    private func write(_ line: [UInt8]) {
        line.withUnsafeBufferPointer { OutputSink.writeAll($0, to: descriptor) }
        linesWritten += 1
    }

    /// Opens `path` for appending records (creating it; emptying it unless `keep`).
    /// - Throws: ``CommandFailure`` naming the path and the reason.
    static func openOutput(path: String, keep: Bool) throws -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (keep ? 0 : O_TRUNC)
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { throw CommandFailure("\(path): cannot open for writing: \(POSIX.lastErrorMessage())") }
        return descriptor
    }
}
