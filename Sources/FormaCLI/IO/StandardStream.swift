#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An unbuffered text stream over a file descriptor, for `print(_:to:)` on standard error.
struct StandardStream: TextOutputStream {
    /// The descriptor written to.
    let descriptor: Int32

    /// Standard error (descriptor 2).
    static var error: StandardStream { StandardStream(descriptor: 2) }
    /// Standard output (descriptor 1), unbuffered: lines appear as they are written.
    static var output: StandardStream { StandardStream(descriptor: 1) }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { OutputSink.writeAll($0, to: descriptor) }
    }
}

/// A byte buffer that collects output and writes it to a descriptor in large blocks.
///
/// Used for standard output, which can carry one line per error or per instance; writing
/// through `print` would take a lock and a `String` per line.
final class OutputSink {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let flushThreshold: Int

    /// A sink over `descriptor` that flushes whenever it holds `flushThreshold` bytes.
    init(descriptor: Int32, flushThreshold: Int = 64 << 10) {
        self.descriptor = descriptor
        self.flushThreshold = flushThreshold
        buffer.reserveCapacity(min(flushThreshold, 64 << 10))
    }

    deinit { flush() }

    /// Appends `bytes`, flushing when the buffer is full.
    func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if descriptor >= 0, buffer.count + bytes.count > flushThreshold {
            flush()
            if bytes.count >= flushThreshold {
                bytes.withUnsafeBufferPointer { Self.writeAll($0, to: descriptor) }
                return
            }
        }
        buffer.append(contentsOf: bytes)
    }

    /// Appends the UTF-8 of `text`.
    func write(_ text: String) {
        write(Array(text.utf8))
    }

    /// A sink that keeps everything in memory until ``takeCaptured()`` (for output such as
    /// SARIF that is one document written at the end).
    static func capturing() -> OutputSink { OutputSink(descriptor: -1, flushThreshold: Int.max) }

    /// Everything written so far to a ``capturing()`` sink, which is emptied.
    func takeCaptured() -> [UInt8] {
        defer { buffer = [] }
        return buffer
    }

    /// Writes everything buffered.
    func flush() {
        guard !buffer.isEmpty, descriptor >= 0 else { return }
        buffer.withUnsafeBufferPointer { Self.writeAll($0, to: descriptor) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes all of `bytes`, retrying on short writes and `EINTR`. Other failures (a
    /// closed pipe) drop the output: there is nobody left to tell.
    @discardableResult
    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
        guard var pointer = bytes.baseAddress else { return true }
        var remaining = bytes.count
        while remaining > 0 {
            let written = POSIX.write(descriptor, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            pointer += written
            remaining -= written
        }
        return true
    }
}
