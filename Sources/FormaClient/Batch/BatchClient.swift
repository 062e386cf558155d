public import FormaJSON
import Crypto
import Foundation

/// The provider's Batch API: upload a JSONL file of requests, create a batch, poll it,
/// download its output and error files, cancel it. The shapes come from the provider
/// profile's ``BatchAPI`` (Together's three-step upload or OpenAI's multipart one).
///
/// Requests go through the client's transport and retry policy; the key is sent only to
/// the provider's base URL, never to the upload URL a provider redirects to.
///
/// ```swift
/// let batches = try BatchClient(client: client)
/// let file = try await batches.upload(path: "requests.jsonl")
/// var job = try await batches.create(inputFileID: file.id)
/// while !job.status.isTerminal { job = try await batches.job(job.id) }
/// ```
public struct BatchClient: Sendable {
    /// The client whose provider, key and transport are used.
    public let client: ChatClient
    /// The provider's Batch API shape.
    public let api: BatchAPI

    /// A Batch API client for `client`'s provider.
    /// - Throws: ``APIError`` `.unsupported` when the provider has no Batch API.
    public init(client: ChatClient) throws {
        guard let api = client.configuration.provider.batch else {
            throw APIError(
                kind: .unsupported,
                message: "the \(client.configuration.provider) provider has no Batch API; run online instead")
        }
        self.client = client
        self.api = api
    }

    /// A Batch API client with an explicit shape (for servers whose profile has none).
    public init(client: ChatClient, api: BatchAPI) {
        self.client = client
        self.api = api
    }

    // MARK: Files

    /// Uploads the JSONL file at `path` as a batch input, streaming it from disk.
    ///
    /// Together: `POST /files` with the file's name, type and SHA-256 answers `302` with
    /// `Location` and `X-Together-File-Id`; the bytes are `PUT` to `Location`; then
    /// `POST /files/{id}/preprocess`. A server that answers the first step with the file
    /// object (a direct upload), or `409` naming a file already uploaded with the same
    /// checksum, is accepted too. OpenAI: one `multipart/form-data` `POST /files`.
    /// - Parameters:
    ///   - path: The file.
    ///   - filename: The name the provider records (the path's last component by default).
    /// - Returns: The uploaded file.
    /// - Throws: ``APIError`` with the provider's message (a file too large, a bad purpose, …).
    public func upload(path: String, filename: String? = nil) async throws -> BatchFile {
        let name = filename ?? (path as NSString).lastPathComponent
        switch api.upload {
        case .multipart: return try await uploadMultipart(path: path, filename: name)
        case .redirectedPut: return try await uploadRedirected(path: path, filename: name)
        }
    }

    private func uploadMultipart(path: String, filename: String) async throws -> BatchFile {
        var form = MultipartForm()
        form.field("purpose", api.filePurpose)
        form.file("file", path: path, filename: filename, contentType: "application/jsonl")
        var request = try providerRequest("POST", "files")
        request.headers.set("Content-Type", form.contentType)
        request.upload = form.upload
        let (response, metadata) = try await client.send(request)
        return try BatchFile(json: client.parseBody(response, metadata: metadata))
    }

    private func uploadRedirected(path: String, filename: String) async throws -> BatchFile {
        var form = MultipartForm()
        form.field("purpose", api.filePurpose)
        form.field("file_name", filename)
        form.field("file_type", "jsonl")
        form.field("checksum", try Self.sha256(path: path))
        var request = try providerRequest("POST", "files")
        request.headers.set("Content-Type", form.contentType)
        request.upload = form.upload
        let (response, metadata) = try await client.send(request) { [200, 201, 302, 409].contains($0) }
        switch response.status {
        case 409:
            // Already uploaded (same checksum): the provider names the file.
            let json = try client.parseBody(response, metadata: metadata)
            guard let id = json["file_id"]?.string ?? json["id"]?.string else {
                throw APIError(kind: .decoding, message: "409 on upload without a file_id", status: 409, bodyExcerpt: json.serialized())
            }
            return try await file(id)
        case 302:
            guard let location = response.headers["location"], let id = response.headers["x-together-file-id"], !id.isEmpty else {
                throw APIError(
                    kind: .decoding, message: "the upload redirect lacks Location or X-Together-File-Id", status: 302,
                    requestID: metadata.requestID)
            }
            try await put(path: path, to: Self.resolve(location, against: request.url))
            let (done, doneMetadata) = try await client.send(try providerRequest("POST", "files/\(Self.escape(id))/preprocess"))
            if done.body.isEmpty { return BatchFile(id: id) }
            return (try? BatchFile(json: client.parseBody(done, metadata: doneMetadata))) ?? BatchFile(id: id)
        default:
            return try BatchFile(json: client.parseBody(response, metadata: metadata))
        }
    }

    /// PUTs the file to the upload URL (no key: it is not the provider's API), following
    /// up to five redirects with a fresh body each time.
    private func put(path: String, to url: String) async throws {
        var target = url
        for _ in 0..<6 {
            var request = HTTPRequest(method: "PUT", url: target, headers: ["Content-Type": "application/octet-stream"])
            request.headers.set("User-Agent", client.configuration.userAgent)
            request.upload = .file(path)
            let (response, _) = try await client.send(request) { (200..<400).contains($0) }
            guard (300..<400).contains(response.status) else { return }
            guard let location = response.headers["location"] else {
                throw APIError(kind: .decoding, message: "the upload answered \(response.status) without a Location", status: response.status)
            }
            target = Self.resolve(location, against: target)
        }
        throw APIError(kind: .connection, message: "the upload was redirected more than five times")
    }

    /// A file's metadata.
    /// - Parameter id: The file id.
    /// - Returns: The file.
    /// - Throws: ``APIError``.
    public func file(_ id: String) async throws -> BatchFile {
        let (response, metadata) = try await client.send(try providerRequest("GET", "files/\(Self.escape(id))"))
        return try BatchFile(json: client.parseBody(response, metadata: metadata))
    }

    /// Downloads a file's content to `path` (written to a temporary file beside it, then
    /// renamed, so a failed download leaves no partial file). The content streams to disk.
    /// - Parameters:
    ///   - id: The file id (a batch's output or error file).
    ///   - path: Where to write it.
    /// - Returns: The number of bytes written.
    /// - Throws: ``APIError`` for HTTP and transport failures (after the retry policy),
    ///   `.configuration` when the file cannot be written.
    @discardableResult
    public func download(fileID id: String, to path: String) async throws -> Int {
        let request = try providerRequest("GET", "files/\(Self.escape(id))/content", accept: "application/octet-stream")
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await downloadOnce(request, to: path)
            } catch let error as APIError where error.kind != .configuration {
                let retryable = error.status.map { client.configuration.retryPolicy.shouldRetry(status: $0, headers: [:]) }
                    ?? client.configuration.retryPolicy.shouldRetry(error)
                try await client.retryOrThrow(error.with(attempts: attempt), attempt: attempt, headers: nil, retryable: retryable)
            }
        }
    }

    private func downloadOnce(_ request: HTTPRequest, to path: String) async throws -> Int {
        let response = try await client.transport.stream(request)
        guard (200..<300).contains(response.status) else {
            let bytes = (try? await response.collect(upTo: 1 << 20)) ?? []
            throw APIError.from(status: response.status, headers: response.headers, body: bytes, secret: client.secret, now: client.wallTime())
        }
        let temporary = path + ".download"
        guard let handle = FileHandle(forWritingAtPath: temporary) ?? {
            FileManager.default.createFile(atPath: temporary, contents: nil) ? FileHandle(forWritingAtPath: temporary) : nil
        }() else {
            throw APIError(kind: .configuration, message: "cannot write \(temporary)")
        }
        var written = 0
        do {
            try handle.truncate(atOffset: 0)
            for try await chunk in response.body {
                try handle.write(contentsOf: chunk)
                written += chunk.count
            }
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
            throw ChatClient.apiError(error)
        }
        guard rename(temporary, path) == 0 else {
            throw APIError(kind: .configuration, message: "cannot move the download to \(path)")
        }
        return written
    }

    // MARK: Batches

    /// Creates a batch running every request of an uploaded input file.
    /// - Parameter inputFileID: The uploaded file.
    /// - Returns: The new batch.
    /// - Throws: ``APIError``.
    public func create(inputFileID: String) async throws -> BatchJob {
        let body: JSONObject = [
            "endpoint": .string(api.endpoint), "input_file_id": .string(inputFileID),
            "completion_window": .string(api.completionWindow),
        ]
        let (json, _) = try await client.sendJSON(path: "batches", body: body)
        return try BatchJob(json: json)
    }

    /// A batch's current state.
    /// - Parameter id: The batch id.
    /// - Returns: The batch.
    /// - Throws: ``APIError``.
    public func job(_ id: String) async throws -> BatchJob {
        let (json, _) = try await client.sendJSON(path: "batches/\(Self.escape(id))", body: nil)
        return try BatchJob(json: json)
    }

    /// The account's batches, newest first as the provider lists them (Together returns an
    /// array, OpenAI `{"data": […]}`).
    /// - Returns: The batches.
    /// - Throws: ``APIError``.
    public func list() async throws -> [BatchJob] {
        let (json, _) = try await client.sendJSON(path: "batches", body: nil)
        let items = json.array ?? json["data"]?.array ?? []
        return items.compactMap { try? BatchJob(json: $0) }
    }

    /// Asks the provider to cancel a batch; its output keeps what finished.
    /// - Parameter id: The batch id.
    /// - Returns: The batch as the provider reports it after the request.
    /// - Throws: ``APIError``.
    public func cancel(_ id: String) async throws -> BatchJob {
        let (json, _) = try await client.sendJSON(path: "batches/\(Self.escape(id))/cancel", body: [:])
        return try BatchJob(json: json)
    }

    // MARK: Input lines

    /// One line of a batch input file for `request`, in the provider's shape.
    /// - Parameters:
    ///   - customID: The id the output line will carry.
    ///   - request: The chat request.
    /// - Returns: The JSON line, without its line feed.
    /// - Throws: ``APIError`` `.unsupported` when the provider's dialect cannot express it.
    public func inputLine(customID: String, request: ChatRequest) throws -> [UInt8] {
        let body = try request.body(dialect: client.configuration.provider.dialect)
        var line: JSONObject = ["custom_id": .string(customID)]
        if api.inputLine == .customIDMethodURLAndBody {
            line["method"] = "POST"
            line["url"] = .string(api.endpoint)
        }
        line["body"] = .object(body)
        return JSONValue.object(line).serializedBytes()
    }

    // MARK: Helpers

    private func providerRequest(_ method: String, _ path: String, accept: String = "application/json") throws -> HTTPRequest {
        var headers = try client.providerHeaders()
        headers.set("Accept", accept)
        return HTTPRequest(method: method, url: client.configuration.url(path), headers: headers)
    }

    static func escape(_ component: String) -> String {
        component.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? component
    }

    /// `location` made absolute against `base` (an absolute location is returned as is).
    static func resolve(_ location: String, against base: String) -> String {
        if location.contains("://") { return location }
        guard let baseURL = URL(string: base), let resolved = URL(string: location, relativeTo: baseURL) else { return location }
        return resolved.absoluteString
    }

    /// The SHA-256 of a file, in lowercase hex, read in 1 MiB blocks.
    static func sha256(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw APIError(kind: .configuration, message: "cannot read \(path)")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty { hasher.update(data: block) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
