#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A request body read from files as it is sent, so a large upload (a Batch API input
/// file) never sits in memory: a sequence of parts, each bytes in memory or a file's contents.
///
/// ```swift
/// var request = HTTPRequest(method: "PUT", url: uploadURL)
/// request.upload = .file("/tmp/requests.jsonl")
/// ```
public struct HTTPUpload: Sendable, Hashable {
    /// One part of the body.
    public enum Part: Sendable, Hashable {
        /// Bytes in memory.
        case bytes([UInt8])
        /// The whole contents of the file at a path, read when sent.
        case file(String)
    }

    /// The parts, in order.
    public var parts: [Part]

    /// A body made of `parts`.
    public init(parts: [Part]) { self.parts = parts }

    /// The contents of the file at `path`.
    public static func file(_ path: String) -> HTTPUpload { HTTPUpload(parts: [.file(path)]) }

    /// The body's length in bytes.
    /// - Throws: ``APIError`` `.configuration` when a file cannot be read.
    public func byteCount() throws -> Int {
        try parts.reduce(0) { total, part in
            switch part {
            case .bytes(let bytes): return total + bytes.count
            case .file(let path):
                var info = stat()
                guard stat(path, &info) == 0 else {
                    throw APIError(kind: .configuration, message: "cannot read the upload file \(path): \(String(cString: strerror(errno)))")
                }
                return total + Int(info.st_size)
            }
        }
    }

    /// The whole body in memory (for test transports and small bodies).
    /// - Throws: ``APIError`` `.configuration` when a file cannot be read.
    public func collect() throws -> [UInt8] {
        let reader = try HTTPUploadReader(self)
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { reader.read(into: $0) }
            guard n > 0 else { break }
            out.append(contentsOf: chunk[0..<n])
        }
        if let failure = reader.failure { throw failure }
        return out
    }
}

/// Reads an ``HTTPUpload`` front to back: used by the transport's read callback (one
/// transfer at a time reads it, on the transport's loop thread).
final class HTTPUploadReader: @unchecked Sendable {
    // @unchecked: only the transfer that owns it reads it, from one thread at a time.
    private let parts: [HTTPUpload.Part]
    private var index = 0
    private var offset = 0
    private var descriptor: Int32 = -1
    /// Why reading stopped early, if it did.
    private(set) var failure: APIError?
    /// The body's length, fixed when the reader is made.
    let byteCount: Int

    init(_ upload: HTTPUpload) throws {
        parts = upload.parts
        byteCount = try upload.byteCount()
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Copies the next bytes into `buffer`; 0 at the end (or after a failure).
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let base = buffer.baseAddress, failure == nil else { return 0 }
        while index < parts.count {
            switch parts[index] {
            case .bytes(let bytes):
                let count = min(buffer.count, bytes.count - offset)
                if count > 0 {
                    bytes.withUnsafeBytes { base.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
                    offset += count
                    return count
                }
            case .file(let path):
                if descriptor < 0 {
                    descriptor = open(path, O_RDONLY | O_CLOEXEC)
                    guard descriptor >= 0 else {
                        failure = APIError(kind: .configuration, message: "cannot open the upload file \(path): \(String(cString: strerror(errno)))")
                        return 0
                    }
                }
                let n = systemRead(descriptor, base, buffer.count)
                if n > 0 { return n }
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = APIError(kind: .configuration, message: "cannot read the upload file \(path): \(String(cString: strerror(errno)))")
                    return 0
                }
                close(descriptor)
                descriptor = -1
            }
            index += 1
            offset = 0
        }
        return 0
    }
}

#if canImport(Glibc)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { Glibc.read(descriptor, buffer, count) }
#elseif canImport(Darwin)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { Darwin.read(descriptor, buffer, count) }
#endif
