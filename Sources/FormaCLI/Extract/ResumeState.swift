#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FormaJSON

/// What `--resume` finds in an existing output file: the ids that already have a final
/// record (ok, or failed for a reason that will not go away).
///
/// Reading repairs the file first: a last line without its line feed (the process died
/// mid-write) is cut off. When the file holds anything besides the first final record of
/// each id (retryable failures, unreadable lines, repeats), it is rewritten with only those
/// records — to a temporary file, synced, then renamed over the original, so a crash during
/// the rewrite leaves either the old file or the new one.
struct ResumeState {
    /// Keys (``InputRow/key``) of ids with a final record.
    var finalKeys: Set<String> = []
    /// Final records kept that are failures.
    var failedCount = 0
    /// Lines dropped (retryable failures, repeats, unreadable or partial lines).
    var droppedCount = 0

    /// Reads and repairs `path`; a missing file is an empty state.
    /// - Throws: ``CommandFailure`` when the file cannot be read or rewritten.
    static func load(path: String) throws -> ResumeState {
        var state = ResumeState()
        guard access(path, F_OK) == 0 else { return state }
        let file = try InputFile(path: path)
        guard let bytes = try file.readAll(limit: Int.max) else { return state }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var start = 0
        let options = JSONParser.Options(maxDepth: 512, maxBytes: max(bytes.count, 1))
        while start < bytes.count {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                state.droppedCount += 1  // a torn last line
                break
            }
            let line = bytes[start..<newline]
            start = newline + 1
            guard let record = try? JSONParser.parse(line, options: options),
                  let id = record["id"], ExtractRecord.isFinal(record),
                  state.finalKeys.insert(InputRow.key(of: id)).inserted
            else {
                if line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) { state.droppedCount += 1 }
                continue
            }
            if record["ok"]?.bool == false { state.failedCount += 1 }
            kept.append(contentsOf: line)
            kept.append(0x0A)
        }
        if kept.count != bytes.count { try replace(path: path, with: kept) }
        return state
    }

    private static func replace(path: String, with bytes: [UInt8]) throws {
        let temporary = path + ".forma-resume.tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CommandFailure("\(temporary): cannot create: \(POSIX.lastErrorMessage())") }
        bytes.withUnsafeBufferPointer { OutputSink.writeAll($0, to: descriptor) }
        let synced = fsync(descriptor) == 0
        POSIX.close(descriptor)
        guard synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CommandFailure("\(path): cannot rewrite for --resume: \(POSIX.lastErrorMessage())")
        }
    }
}
