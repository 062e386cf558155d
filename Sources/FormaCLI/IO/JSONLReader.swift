#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of a JSONL file, as a range of the reader's buffer.
struct LineSpan: Sendable {
    /// Offset of the line's first byte in ``JSONLReader/bytes``.
    var start: Int
    /// Length in bytes, without the line feed.
    var count: Int
    /// The 1-based line number in the file.
    var number: Int
    /// Whether the line is longer than the reader's limit; its bytes were skipped unread.
    var isOversized = false
}

/// Reads a JSONL stream in large chunks and splits it into lines without copying them.
///
/// Memory stays flat: the buffer starts at `chunkBytes` and only grows to hold a line longer
/// than that, up to `maxLineBytes`; a longer line is reported (by number) and skipped.
/// Blank lines (only spaces, tabs or carriage returns) are skipped but counted, and a UTF-8
/// byte order mark at the start of the file is ignored.
///
/// ```swift
/// let reader = JSONLReader(file: file)
/// var lines: [LineSpan] = []
/// while try reader.next(&lines) {
///     for line in lines { parse(reader.bytes.extracting(line.start..<line.start + line.count)) }
/// }
/// ```
final class JSONLReader {
    /// The longest line accepted, in bytes.
    let maxLineBytes: Int
    private let file: InputFile
    private var storage: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var nextLineNumber = 1
    private var atEndOfFile = false
    private var skippingOversizedLine = false
    private var atStartOfFile = true
    private var discarded = 0

    /// A reader over `file`.
    /// - Parameters:
    ///   - file: the stream to read.
    ///   - chunkBytes: how much to read at once (the buffer's starting size).
    ///   - maxLineBytes: the longest line accepted.
    init(file: InputFile, chunkBytes: Int = 1 << 20, maxLineBytes: Int = 256 << 20) {
        self.file = file
        self.maxLineBytes = max(1, maxLineBytes)
        let capacity = max(16, min(chunkBytes, self.maxLineBytes + 1))
        storage = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    /// The buffer the spans of the last batch point into; valid until the next call.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(storage) }

    /// The file offset of ``bytes``' first byte: a span's line starts at `fileOffset + start`.
    var fileOffset: Int { discarded }

    /// Reads until the buffer is full (or the file ends) and collects the complete lines.
    /// - Parameter batch: replaced with the lines found, in file order; lines longer than
    ///   ``maxLineBytes`` appear with ``LineSpan/isOversized`` set.
    /// - Returns: `false` when the file is exhausted and `batch` is empty.
    /// - Throws: ``CommandFailure`` when reading fails.
    func next(_ batch: inout [LineSpan]) throws -> Bool {
        batch.removeAll(keepingCapacity: true)
        while true {
            if atEndOfFile && start == end { return false }
            compact()
            try fill()
            var position = skipOversizedRemainder()
            position = splitLines(from: position, into: &batch)
            start = position
            if atEndOfFile && start < end {
                // The last line has no line feed; it ends at the end of the file.
                if end - start > maxLineBytes {
                    batch.append(LineSpan(start: 0, count: 0, number: nextLineNumber, isOversized: true))
                } else {
                    appendIfNotBlank(LineSpan(start: start, count: end - start, number: nextLineNumber), to: &batch)
                }
                nextLineNumber += 1
                start = end
            }
            if !batch.isEmpty { return true }
            if atEndOfFile { continue }
            if start == 0 && end == storage.count {
                // A line fills the whole buffer: grow, or give up on it past the limit.
                if storage.count > maxLineBytes {
                    batch.append(LineSpan(start: 0, count: 0, number: nextLineNumber, isOversized: true))
                    skippingOversizedLine = true
                    discarded += end
                    start = 0
                    end = 0
                    return true
                }
                grow()
            }
        }
    }

    /// Moves the unread tail to the front of the buffer.
    private func compact() {
        guard start > 0, let base = storage.baseAddress else { return }
        discarded += start
        let remaining = end - start
        if remaining > 0 { memmove(base, base + start, remaining) }
        start = 0
        end = remaining
    }

    /// Reads until the buffer is full or the file ends.
    private func fill() throws {
        guard let base = storage.baseAddress else { return }
        while end < storage.count && !atEndOfFile {
            let n = try file.read(into: base + end, count: storage.count - end)
            if n == 0 { atEndOfFile = true } else { end += n }
        }
        if atStartOfFile {
            atStartOfFile = false
            if end >= 3 && storage[0] == 0xEF && storage[1] == 0xBB && storage[2] == 0xBF { start = 3 }
        }
    }

    /// Discards the rest of a line already reported as too long; returns where reading resumes.
    private func skipOversizedRemainder() -> Int {
        guard skippingOversizedLine else { return start }
        if let newline = findNewline(from: start) {
            skippingOversizedLine = false
            nextLineNumber += 1
            return newline + 1
        }
        if atEndOfFile {
            skippingOversizedLine = false
            nextLineNumber += 1
        }
        return end
    }

    /// Appends every complete line from `position`; returns the offset after the last one.
    private func splitLines(from position: Int, into batch: inout [LineSpan]) -> Int {
        var position = position
        while let newline = findNewline(from: position) {
            appendIfNotBlank(LineSpan(start: position, count: newline - position, number: nextLineNumber), to: &batch)
            nextLineNumber += 1
            position = newline + 1
        }
        return position
    }

    private func findNewline(from position: Int) -> Int? {
        guard position < end, let base = storage.baseAddress else { return nil }
        guard let found = memchr(base + position, 0x0A, end - position) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    private func appendIfNotBlank(_ line: LineSpan, to batch: inout [LineSpan]) {
        var i = line.start
        let stop = line.start + line.count
        while i < stop {
            switch storage[i] {
            case 0x20, 0x09, 0x0D: i += 1
            default:
                batch.append(line)
                return
            }
        }
    }

    /// Doubles the buffer (capped just above the line limit), keeping its contents.
    private func grow() {
        let capacity = min(storage.count * 2, maxLineBytes + 1)
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        if end > 0, let source = storage.baseAddress, let target = larger.baseAddress {
            target.copyMemory(from: source, byteCount: end)
        }
        storage.deallocate()
        storage = larger
    }
}
