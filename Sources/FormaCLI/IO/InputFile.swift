#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file (or standard input) read with `read(2)`; closed on `deinit`.
final class InputFile {
    /// The descriptor read from.
    let descriptor: Int32
    /// How the file is named in messages: its path as given, or `<stdin>`.
    let displayName: String
    private let ownsDescriptor: Bool

    /// Opens `path` for reading; `-` means standard input.
    /// - Throws: ``CommandFailure`` naming the path and the system's reason.
    init(path: String) throws {
        if path == "-" {
            descriptor = 0
            displayName = "<stdin>"
            ownsDescriptor = false
            return
        }
        guard !POSIX.isDirectory(path) else { throw CommandFailure("\(path): is a directory") }
        let descriptor = POSIX.openForReading(path)
        guard descriptor >= 0 else { throw CommandFailure("\(path): cannot open: \(POSIX.lastErrorMessage())") }
        self.descriptor = descriptor
        self.displayName = path
        self.ownsDescriptor = true
    }

    deinit {
        if ownsDescriptor { POSIX.close(descriptor) }
    }

    /// Reads up to `count` bytes into `pointer`, retrying on `EINTR`.
    /// - Returns: The number of bytes read; 0 at end of file.
    /// - Throws: ``CommandFailure`` when the read fails.
    func read(into pointer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        while true {
            let n = POSIX.read(descriptor, pointer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw CommandFailure("\(displayName): cannot read: \(POSIX.lastErrorMessage())")
        }
    }

    /// Reads the whole file.
    /// - Parameters:
    ///   - limit: The largest size accepted, in bytes.
    ///   - chunkSize: How much one `read(2)` asks for (small for many small files, such as
    ///     config files, whose buffer would otherwise be mostly zero-filled for nothing).
    /// - Returns: The file's bytes, or `nil` when the file is larger than `limit`.
    /// - Throws: ``CommandFailure`` when reading fails.
    func readAll(limit: Int, chunkSize: Int = 1 << 16) throws -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let n = try chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return try read(into: base, count: buffer.count)
            }
            if n == 0 { return bytes }
            guard bytes.count + n <= limit else { return nil }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }
}
