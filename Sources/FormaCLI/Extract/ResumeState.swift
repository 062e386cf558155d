#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FormaJSON

/// What `--resume` finds in an existing output file: the ids that already have a final
/// record (ok, or failed for a reason that will not go away), as compact digests.
///
/// The file is read as a stream, so memory stays flat whatever its size (16 bytes an id).
/// Reading repairs it first: a last line without its line feed (the process died mid-write)
/// is cut off. When the file holds anything besides the first final record of each id
/// (retryable failures, unreadable lines, blank lines, repeats), it is rewritten with only
/// those records — to a temporary file, synced, then renamed over the original, so a crash
/// during the rewrite leaves either the old file or the new one.
struct ResumeState: Sendable {
    /// Digests (``RowDigest``) of ids with a final record.
    var finals = DigestSet([])
    /// Final records kept that are failures.
    var failedCount = 0
    /// Lines dropped (retryable failures, repeats, unreadable or partial lines).
    var droppedCount = 0

    /// Reads and repairs `path`; a missing file is an empty state.
    /// - Throws: ``CommandFailure`` when the file cannot be read or rewritten.
    static func load(path: String) throws -> ResumeState {
        var state = ResumeState()
        guard access(path, F_OK) == 0 else { return state }
        if try cutTornLastLine(path: path) { state.droppedCount += 1 }

        // First pass: the digests of final records, and whether anything else is there.
        var digests: [RowDigest] = []
        var failed = 0
        var needsRewrite = false
        try forEachLine(path: path) { record, gap in
            if gap { needsRewrite = true }
            guard let record, let digest = finalDigest(record) else {
                state.droppedCount += 1
                needsRewrite = true
                return
            }
            digests.append(digest)
            if record["ok"]?.bool == false { failed += 1 }
        }
        state.finals = DigestSet(digests)
        state.failedCount = failed
        guard needsRewrite || state.finals.count < digests.count else { return state }

        // Second pass: keep the first final record of each id, in order.
        var repeated = Set<RowDigest>()
        var sorted = digests
        sorted.sort()
        for index in sorted.indices.dropFirst() where sorted[index] == sorted[index - 1] { repeated.insert(sorted[index]) }
        digests = []
        var seenRepeated = Set<RowDigest>()
        state.failedCount = 0
        let temporary = path + ".forma-resume.tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CommandFailure("\(temporary): cannot create: \(POSIX.lastErrorMessage())") }
        var writeFailed = false
        do {
            try forEachLine(path: path, keepingText: true) { record, _, text in
                guard let record, let digest = finalDigest(record) else { return }
                if repeated.contains(digest) {
                    guard seenRepeated.insert(digest).inserted else {
                        state.droppedCount += 1
                        return
                    }
                }
                if record["ok"]?.bool == false { state.failedCount += 1 }
                var line = Array(text)
                line.append(0x0A)
                if !line.withUnsafeBufferPointer({ OutputSink.writeAll($0, to: descriptor) }) { writeFailed = true }
            }
        } catch {
            POSIX.close(descriptor)
            unlink(temporary)
            throw error
        }
        let synced = !writeFailed && fsync(descriptor) == 0
        POSIX.close(descriptor)
        guard synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CommandFailure("\(path): cannot rewrite for --resume: \(POSIX.lastErrorMessage())")
        }
        return state
    }

    /// The digest of a final record's id, or `nil` when the record is not final.
    private static func finalDigest(_ record: JSONValue) -> RowDigest? {
        guard let id = record["id"], ExtractRecord.isFinal(record) else { return nil }
        return RowDigest(key: InputRow.key(of: id))
    }

    /// Calls `body` with each line parsed (`nil` when it is not JSON) and whether blank
    /// lines came before it.
    private static func forEachLine(path: String, _ body: (JSONValue?, Bool) throws -> Void) throws {
        try forEachLine(path: path, keepingText: false) { record, gap, _ in try body(record, gap) }
    }

    private static func forEachLine(
        path: String, keepingText: Bool, _ body: (JSONValue?, Bool, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let reader = JSONLReader(file: try InputFile(path: path), maxLineBytes: 256 << 20)
        let options = JSONParser.Options(maxDepth: 512, maxBytes: 256 << 20)
        var batch: [LineSpan] = []
        var expected = 1
        while try reader.next(&batch) {
            for span in batch {
                let gap = span.number != expected
                expected = span.number + 1
                let text = UnsafeRawBufferPointer(rebasing: reader.bytes[span.start..<span.start + span.count])
                let record = span.isOversized ? nil : try? JSONParser.parse(text, options: options)
                try body(record, gap, text)
            }
        }
    }

    /// Cuts a last line that has no line feed (a write the process did not finish).
    /// - Returns: Whether there was one.
    private static func cutTornLastLine(path: String) throws -> Bool {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw CommandFailure("\(path): cannot open: \(POSIX.lastErrorMessage())") }
        defer { POSIX.close(descriptor) }
        var end = lseek(descriptor, 0, SEEK_END)
        guard end > 0 else { return false }
        var byte: UInt8 = 0
        guard pread(descriptor, &byte, 1, end - 1) == 1, byte != 0x0A else { return false }
        // Walk back to the last line feed, a block at a time.
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while end > 0 {
            let start = max(0, end - off_t(block.count))
            let count = Int(end - start)
            let n = block.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, start) }
            guard n == count else { throw CommandFailure("\(path): cannot read: \(POSIX.lastErrorMessage())") }
            if let newline = block[0..<count].lastIndex(of: 0x0A) {
                end = start + off_t(newline) + 1
                break
            }
            end = start
        }
        guard ftruncate(descriptor, end) == 0 else {
            throw CommandFailure("\(path): cannot cut the unfinished last line: \(POSIX.lastErrorMessage())")
        }
        return true
    }
}
