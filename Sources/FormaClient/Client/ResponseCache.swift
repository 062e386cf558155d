import Crypto
import Foundation
public import FormaJSON

/// A directory of successful responses, keyed by a digest of the exact request, so that an
/// identical request is answered without the network.
///
/// The key is the SHA-256 of the base URL, the endpoint path and the request body bytes (the
/// body names the model): any byte of difference is a miss. The API key is not part of the
/// key and is never written: entries hold only the time they were stored and the response
/// body. An entry lives at `DIR/ab/abcdef….json` (the hex digest, split after two digits).
///
/// Several processes may share a directory: an entry is written to a temporary file in the
/// same folder and renamed into place, so a reader sees a whole entry or none. An entry that
/// cannot be read back (cut short, edited, another format) counts as a miss and is replaced
/// by the next successful response. Only 2xx responses whose body is JSON are stored; errors
/// never are. Replies are replayed as stored, whatever the request's temperature.
///
/// ```swift
/// let cache = try ResponseCache(directory: ".forma-cache", timeToLive: .seconds(86_400))
/// var options = ExtractionOptions()
/// options.cache = cache
/// ```
public struct ResponseCache: Sendable {
    /// The directory.
    public let directory: String
    /// How long an entry answers requests; `nil`: for ever.
    public let timeToLive: Duration?
    /// The current Unix time (injected in tests).
    let now: @Sendable () -> Double

    /// The first line of every entry, before the time it was stored.
    static let magic = "forma-response-cache 1"

    /// A cache in `directory` (created when missing).
    /// - Parameters:
    ///   - directory: Where entries live.
    ///   - timeToLive: How long an entry stays valid (by the time stored in it).
    ///   - now: The Unix time (for tests).
    /// - Throws: ``APIError`` `.configuration` when the directory cannot be created.
    public init(directory: String, timeToLive: Duration? = nil, now: (@Sendable () -> Double)? = nil) throws {
        self.directory = directory
        self.timeToLive = timeToLive
        self.now = now ?? { Date().timeIntervalSince1970 }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw APIError(kind: .configuration, message: "cannot create the cache directory \(directory): \(error.localizedDescription)")
        }
    }

    /// The key of a request: the hex SHA-256 of base URL, path and body.
    /// - Parameters:
    ///   - baseURL: The provider's base URL.
    ///   - path: The endpoint, such as `chat/completions`.
    ///   - body: The exact body bytes.
    /// - Returns: 64 lowercase hex digits.
    public static func key(baseURL: String, path: String, body: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(baseURL.utf8))
        hasher.update(data: [0])
        hasher.update(data: Array(path.utf8))
        hasher.update(data: [0])
        hasher.update(data: body)
        return hasher.finalize().map { byte in
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
        }.joined()
    }

    /// The file of `key`.
    func path(of key: String) -> String {
        "\(directory)/\(key.prefix(2))/\(key).json"
    }

    /// The stored response body for `key`, or `nil`: absent, expired or unreadable.
    /// - Parameter key: A key from ``key(baseURL:path:body:)``.
    /// - Returns: The body, parsed.
    public func lookup(_ key: String) -> JSONValue? {
        guard let data = FileManager.default.contents(atPath: path(of: key)) else { return nil }
        let bytes = [UInt8](data)
        // `magic SP storedAt LF body`
        guard let newline = bytes.firstIndex(of: 0x0A) else { return nil }
        let head = String(decoding: bytes[..<newline], as: UTF8.self)
        guard head.hasPrefix(Self.magic + " "), let storedAt = Double(head.dropFirst(Self.magic.count + 1)) else { return nil }
        if let timeToLive {
            let seconds = Double(timeToLive.components.seconds) + Double(timeToLive.components.attoseconds) / 1e18
            if now() - storedAt > seconds { return nil }
        }
        return try? JSONParser.parse(Array(bytes[(newline + 1)...]))
    }

    /// Stores a response body under `key`, replacing what was there. Failures to write are
    /// ignored: the cache only ever saves requests.
    /// - Parameters:
    ///   - body: The body of a successful response (JSON).
    ///   - key: A key from ``key(baseURL:path:body:)``.
    public func store(_ body: [UInt8], for key: String) {
        let file = path(of: key)
        let folder = "\(directory)/\(key.prefix(2))"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var bytes = Array("\(Self.magic) \(now())\n".utf8)
        bytes.append(contentsOf: body)
        // `.atomic` writes a temporary file in the same folder and renames it into place.
        try? Data(bytes).write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}
